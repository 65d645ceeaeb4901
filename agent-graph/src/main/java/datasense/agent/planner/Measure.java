package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * One aggregate of an intent: a function over a column, or COUNT over rows when column is null. A share
 * measure is that aggregate as a percentage of its total over all groups ("share of sales by category").
 */
record Measure(Agg agg, ColumnProfile column, boolean share) {

    Measure(Agg agg, ColumnProfile column) {
        this(agg, column, false);
    }

    /** This measure as a percentage of its total. */
    Measure asShare() {
        return new Measure(agg, column, true);
    }

    /** How it reads: "Total of Sales", "Count of rows", "Distinct count of Order ID", "Share of total Sales (%)". */
    String describe() {
        String base = agg.label + " of " + (column == null ? "rows" : column.name());
        return share ? "Share of " + base.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + base.substring(1)
                + " (%)" : base;
    }

    /** The result column's name: "total Sales", "rows", "distinct Order ID", "percent of total Sales". */
    String alias() {
        String base = column == null ? "rows" : agg.aliasPrefix + " " + column.name();
        return share ? "percent of " + (column == null ? "rows" : base) : base;
    }

    String sql() {
        String base = agg.sql(column == null ? null : SqlText.ident(column.name()));
        // a window over the grouped aggregate: each group's part of the grand total
        return share ? "100.0 * " + base + " / SUM(" + base + ") OVER ()" : base;
    }

    /** The share of the rows matching {@code condition} in the whole table, for a share with no grouping. */
    String shareOfFiltered(String condition) {
        String c = column == null ? null : SqlText.ident(column.name());
        return switch (agg) {
            case COUNT -> "100.0 * COUNT(CASE WHEN " + condition + " THEN 1 END) / COUNT(*)";
            case COUNT_DISTINCT -> "100.0 * COUNT(DISTINCT CASE WHEN " + condition + " THEN " + c + " END) / COUNT(DISTINCT "
                    + c + ")";
            default -> "100.0 * " + agg.sql("CASE WHEN " + condition + " THEN " + c + " END") + " / " + agg.sql(c);
        };
    }

    /** This (non-share) measure over the rows matching {@code condition} only. */
    String sqlWhere(String condition) {
        String c = column == null ? null : SqlText.ident(column.name());
        if (column == null) {
            return "COUNT(CASE WHEN " + condition + " THEN 1 END)";
        }
        return agg.sql("CASE WHEN " + condition + " THEN " + c + " END");
    }
}
