package datasense.agent.planner;

/** A time bucket: its trend_plot name, its word, and the SQL expression that buckets a date column by it. */
enum Grain {
    DAY("day"), WEEK("week"), MONTH("month"), QUARTER("quarter"), YEAR("year");

    final String word;

    Grain(String word) {
        this.word = word;
    }

    /**
     * The bucket of an already quoted date column. Years and quarters are integers (quarter 1 to 4, so a
     * quarter grouping also needs the year unless one year is filtered); months and weeks are their first day.
     */
    String sql(String quotedDate) {
        return switch (this) {
            case DAY -> "CAST(" + quotedDate + " AS DATE)";
            case WEEK -> "CAST(date_trunc('week', " + quotedDate + ") AS DATE)";
            case MONTH -> "CAST(date_trunc('month', " + quotedDate + ") AS DATE)";
            case QUARTER -> "CAST(quarter(" + quotedDate + ") AS INTEGER)";
            case YEAR -> "CAST(year(" + quotedDate + ") AS INTEGER)";
        };
    }
}
