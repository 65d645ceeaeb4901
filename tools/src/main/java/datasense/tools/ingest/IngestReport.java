package datasense.tools.ingest;

import datasense.tools.SchemaInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest did. {@code rowsIngested + rowsRejected == dataLines} always holds (the ingestor fails
 * otherwise), so no record disappears without being reported. {@code rejected} holds at most the first
 * ten refused records; {@code bytes} is the decompressed size of the upload, {@code encoding} the encoding
 * it was read in, {@code csv} the canonical UTF-8 copy and {@code parquet} the typed file queries read.
 */
public record IngestReport(String table, long rowsIngested, long rowsRejected, long dataLines,
                           List<RejectedLine> rejected, SchemaInfo schema, long bytes, String encoding,
                           String delimiter, Path csv, Path parquet) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }
}
