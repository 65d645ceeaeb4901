package datasense.tools;

import java.util.List;

/** A registered file's table as planners see it: its SQL name, its row count and a profile of each column. */
public record SchemaInfo(String table, long rows, List<ColumnProfile> columns) {

    /** Text columns with at most this many distinct values list them all in their profile. */
    public static final int ALL_VALUES_LIMIT = 1000;

    /** The profile of the column named {@code name} (exact, then case-insensitive), or null. */
    public ColumnProfile column(String name) {
        for (ColumnProfile c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (ColumnProfile c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
