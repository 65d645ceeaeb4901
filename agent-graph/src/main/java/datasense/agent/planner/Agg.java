package datasense.agent.planner;

/** An aggregate function the planner can ask for: how it reads, its SQL, and its trend_plot name if any. */
enum Agg {
    SUM("Total", "total", "sum"),
    AVG("Average", "average", "avg"),
    COUNT("Count", "count", "count"),
    COUNT_DISTINCT("Distinct count", "distinct", "count_distinct"),
    MIN("Minimum", "min", "min"),
    MAX("Maximum", "max", "max"),
    MEDIAN("Median", "median", "median"),
    STDDEV("Standard deviation", "stddev", null);

    final String label;
    final String aliasPrefix;
    /** The trend_plot "agg" value, or null when trend_plot cannot compute it. */
    final String trendName;

    Agg(String label, String aliasPrefix, String trendName) {
        this.label = label;
        this.aliasPrefix = aliasPrefix;
        this.trendName = trendName;
    }

    /** The SQL of this aggregate over an already quoted column, or over all rows when column is null. */
    String sql(String quotedColumn) {
        return switch (this) {
            case SUM -> "SUM(" + quotedColumn + ")";
            case AVG -> "AVG(" + quotedColumn + ")";
            case COUNT -> quotedColumn == null ? "COUNT(*)" : "COUNT(" + quotedColumn + ")";
            case COUNT_DISTINCT -> "COUNT(DISTINCT " + quotedColumn + ")";
            case MIN -> "MIN(" + quotedColumn + ")";
            case MAX -> "MAX(" + quotedColumn + ")";
            case MEDIAN -> "MEDIAN(" + quotedColumn + ")";
            case STDDEV -> "STDDEV_SAMP(" + quotedColumn + ")";
        };
    }
}
