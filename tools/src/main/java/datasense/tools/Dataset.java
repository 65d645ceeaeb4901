package datasense.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered file as the tools see it: the SQL name of its table, the local Parquet file that holds
 * its rows (written at ingest) and its columns. The table is exposed to queries as a view over that file.
 * A question answered with a join also names the files joined to it ({@code joined}): each is exposed as a view
 * of its own table name, and the sandbox may read exactly these Parquet files, no other.
 */
public record Dataset(String table, Path parquet, List<Column> columns, long rows, List<Joined> joined) {

    /** A file joined to the dataset for one question: its view's name and its Parquet file. */
    public record Joined(String table, Path parquet) {
    }

    public Dataset {
        joined = joined == null ? List.of() : List.copyOf(joined);
    }

    /** A dataset with no file joined to it. */
    public Dataset(String table, Path parquet, List<Column> columns, long rows) {
        this(table, parquet, columns, rows, List.of());
    }

    /** Every table name a query may read: the dataset's own, then the joined ones. */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        out.add(table);
        joined.forEach(j -> out.add(j.table()));
        return out;
    }

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
