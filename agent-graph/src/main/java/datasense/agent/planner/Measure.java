package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/** One aggregate of an intent: a function over a column, or COUNT over rows when column is null. */
record Measure(Agg agg, ColumnProfile column) {

    /** How it reads: "Total of Sales", "Count of rows", "Distinct count of Order ID". */
    String describe() {
        return agg.label + " of " + (column == null ? "rows" : column.name());
    }

    /** The result column's name: "total Sales", "rows", "distinct Order ID". */
    String alias() {
        if (column == null) {
            return "rows";
        }
        return agg.aliasPrefix + " " + column.name();
    }

    String sql() {
        return agg.sql(column == null ? null : SqlText.ident(column.name()));
    }
}
