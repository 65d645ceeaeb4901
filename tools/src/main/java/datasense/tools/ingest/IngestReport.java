package datasense.tools.ingest;

import datasense.tools.SchemaInfo;
import datasense.tools.profile.TableProfile;
import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest did. {@code rowsIngested + rowsRejected == dataLines} always holds (the ingestor fails
 * otherwise), so no record disappears without being reported. {@code rejected} holds at most the first
 * ten refused records; {@code bytes} is the decompressed size of the upload, {@code encoding} the encoding
 * it was read in, {@code csv} the canonical UTF-8 copy of a CSV, a sheet or a database table (null for
 * Parquet and JSON, kept as sent) and {@code parquet} the typed file queries read.
 * {@code format} is the source's format ({@code csv}, {@code parquet}, {@code json}, {@code ndjson}, {@code xlsx}, {@code sqlite}) and
 * {@code compression} {@code gzip} or null. For a CSV, {@code headerLine} is the 1-based line that named the
 * columns and {@code header} how it was found: {@code first_line}, {@code detected} (below title rows) or
 * {@code given} (by the upload); for other formats they are 0 and null. {@code profile} is the table's full profile,
 * computed in the same DuckDB passes as {@code schema}, so an upload's table is scanned once for both.
 */
public record IngestReport(String table, long rowsIngested, long rowsRejected, long dataLines,
                           List<RejectedLine> rejected, SchemaInfo schema, long bytes, String encoding,
                           String delimiter, Path csv, Path parquet, String format, String compression,
                           long headerLine, String header, TableProfile profile) {

    public IngestReport {
        rejected = List.copyOf(rejected);
    }

    /** The same report with the source's format and compression as the caller detected them. */
    public IngestReport withSource(String format, String compression) {
        return new IngestReport(table, rowsIngested, rowsRejected, dataLines, rejected, schema, bytes, encoding,
                delimiter, csv, parquet, format, compression, headerLine, header, profile);
    }
}
