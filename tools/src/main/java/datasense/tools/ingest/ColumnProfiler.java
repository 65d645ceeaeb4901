package datasense.tools.ingest;

import datasense.tools.SchemaInfo;
import datasense.tools.profile.TableProfiler;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Profiles the columns of a freshly written Parquet file for planners ({@link SchemaInfo}: exact distinct counts,
 * ranges, samples, frequent values of text columns) from the same DuckDB passes as the table's full profile
 * ({@link TableProfiler#profileWithSchema}), returned with it: an upload's table is scanned for both at once
 * instead of once for each.
 */
final class ColumnProfiler {

    private ColumnProfiler() {
    }

    static TableProfiler.Both profile(Connection db, Path parquet, String table, List<String> names, long rows)
            throws SQLException {
        return new TableProfiler().profileWithSchema(db, parquet, table, names, rows);
    }
}
