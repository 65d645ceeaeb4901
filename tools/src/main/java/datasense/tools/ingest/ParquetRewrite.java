package datasense.tools.ingest;

import datasense.tools.sql.DuckDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Rewrites an ingested Parquet file with some columns replaced (retyped), then moves it over the original. */
final class ParquetRewrite {

    private ParquetRewrite() {
    }

    /** {@code parquet} rewritten as {@code SELECT * REPLACE (replace...)}; the original stays on any failure. */
    static void replaceColumns(Connection db, Path parquet, List<String> replace) throws SQLException {
        Path rewritten = parquet.resolveSibling(parquet.getFileName() + "-rewritten");
        try (Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * REPLACE (" + String.join(", ", replace) + ") FROM read_parquet("
                    + DuckDb.quoteLiteral(parquet.toString()) + ")) TO " + DuckDb.quoteLiteral(rewritten.toString())
                    + " (FORMAT parquet, COMPRESSION zstd)");
            Files.move(rewritten, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SQLException("could not replace " + parquet, e);
        } finally {
            try {
                Files.deleteIfExists(rewritten);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
