package datasense.agent.planner;

/**
 * A time bucket: its word (also trend_plot's name for the calendar grains), and the SQL expression that
 * buckets a date column by it. Periods read as people write them: a year is 2024, a quarter 2024-Q1, a month
 * 2024-01, a week and a day their first date; the cyclical parts are a weekday name and a month number 1-12.
 */
enum Grain {
    DAY("day"), WEEK("week"), MONTH("month"), QUARTER("quarter"), YEAR("year"),
    WEEKDAY("weekday"), MONTH_OF_YEAR("month of year"), HOUR_OF_DAY("hour of day");

    final String word;

    Grain(String word) {
        this.word = word;
    }

    /** As an adjective: daily, weekly, monthly, quarterly, yearly; weekday, month-of-year, hour-of-day. */
    String adjective() {
        return switch (this) {
            case DAY -> "daily";
            case WEEKDAY -> "weekday";
            case MONTH_OF_YEAR, HOUR_OF_DAY -> word.replace(' ', '-');
            default -> word + "ly";
        };
    }

    /** True for the calendar periods trend_plot can draw; false for the cyclical parts of a date. */
    boolean calendar() {
        return this != WEEKDAY && this != MONTH_OF_YEAR && this != HOUR_OF_DAY;
    }

    /** True when the bucket needs a time of day, not just a date. */
    boolean timeOfDay() {
        return this == HOUR_OF_DAY;
    }

    /** The bucket of an already quoted date column. */
    String sql(String quotedDate) {
        return switch (this) {
            case DAY -> "CAST(" + quotedDate + " AS DATE)";
            case WEEK -> "CAST(date_trunc('week', " + quotedDate + ") AS DATE)";
            case MONTH -> "strftime(" + quotedDate + ", '%Y-%m')";
            case QUARTER -> "(CAST(year(" + quotedDate + ") AS VARCHAR) || '-Q' || CAST(quarter(" + quotedDate
                    + ") AS VARCHAR))";
            case YEAR -> "CAST(year(" + quotedDate + ") AS INTEGER)";
            case WEEKDAY -> "dayname(" + quotedDate + ")";
            case MONTH_OF_YEAR -> "CAST(month(" + quotedDate + ") AS INTEGER)";
            case HOUR_OF_DAY -> "CAST(hour(" + quotedDate + ") AS INTEGER)";
        };
    }

    /**
     * The ORDER BY expression that puts buckets in time order: the bucket itself, except weekday names,
     * which sort Monday first.
     */
    String orderSql(String quotedDate) {
        return this == WEEKDAY ? "isodow(MIN(" + quotedDate + "))" : null;
    }
}
