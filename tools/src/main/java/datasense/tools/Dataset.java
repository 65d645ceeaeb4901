package datasense.tools;

import java.nio.file.Path;
import java.util.List;

/**
 * A registered file as the tools see it: the SQL name of its table, the local Parquet file that holds
 * its rows (written at ingest) and its columns. The table is exposed to queries as a view over that file.
 */
public record Dataset(String table, Path parquet, List<Column> columns, long rows) {

    /** The column named {@code name} (exact, then case-insensitive), or null. */
    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (Column c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
