package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * One aggregate of an intent: a function over a column, or COUNT over rows when column is null. A share
 * measure is that aggregate as a percentage of its total over all groups ("share of sales by category"). A
 * derived measure combines it with another column ({@link Derived}): a ratio of two totals, one total as a
 * percent of another, the days between two dates, or a running total along the time grouping. {@code value} is the
 * value a rate of a text column is of ("hire rate": stage = 'hired'), null otherwise.
 */
record Measure(Agg agg, ColumnProfile column, boolean share, Derived derived, ColumnProfile other, Grain period,
               boolean fraction, String value, Units.Unit unit) {

    Measure(Agg agg, ColumnProfile column, boolean share, Derived derived, ColumnProfile other, Grain period,
            boolean fraction, String value) {
        this(agg, column, share, derived, other, period, fraction, value, null);
    }

    /** The same figure in another unit than its column's ("hours" of minutes_watched); null keeps the column's. */
    Measure inUnit(Units.Unit shown) {
        return new Measure(agg, column, share, derived, other, period, fraction, value, shown);
    }

    /**
     * How a measure is derived from its aggregate (and {@code other}, for the two-column kinds). PERIOD_AVERAGE
     * is the average over the periods of {@code other} of each period's aggregate: "average monthly sales".
     */
    enum Derived {
        NONE, RATIO, PERCENT_OF, DAYS_BETWEEN, HOURS_BETWEEN, MINUTES_BETWEEN, RUNNING, PERIOD_AVERAGE, CHANGE,
        /** One column times another, row by row: a price times a quantity, the revenue a table keeps no column of. */
        PRODUCT,
        /** One column minus another, row by row: "list minus sold". */
        DIFFERENCE,
        /** One column plus another, row by row: revenue "less refunds" where refunds are kept as negatives. */
        SUM_OF_TWO,
        /** The percent of rows where a yes/no column is yes, or an event's date is there: "cancellation rate". */
        RATE,
        /** The percent of rows where a yes/no column is no: a "failure rate" of a column of passes. */
        RATE_NOT,
        /** The count of rows where a yes/no column is yes, or an event's date is there: "how many of them were completed". */
        COUNT_WHERE,
        /** The count of rows where a yes/no column is no. */
        COUNT_WHERE_NOT;

        /** The unit of a time between two columns ("day", "hour", "minute"), else null. */
        String unit() {
            return switch (this) {
                case DAYS_BETWEEN -> "day";
                case HOURS_BETWEEN -> "hour";
                case MINUTES_BETWEEN -> "minute";
                default -> null;
            };
        }
    }

    Measure(Agg agg, ColumnProfile column, boolean share, Derived derived, ColumnProfile other, Grain period) {
        this(agg, column, share, derived, other, period, false, null);
    }

    Measure(Agg agg, ColumnProfile column, boolean share, Derived derived, ColumnProfile other) {
        this(agg, column, share, derived, other, null);
    }

    /**
     * A share, a rate or a percent-of as a fraction of 1 rather than in percent: "what share", "cancellation rate",
     * "what fraction" name a part of a whole; only "percent" and "percentage" ask for percent.
     */
    Measure asFraction() {
        boolean part = share || derived == Derived.RATE || derived == Derived.RATE_NOT || derived == Derived.PERCENT_OF;
        return part ? new Measure(agg, column, share, derived, other, period, true, value, unit) : this;
    }

    /** What a part is multiplied by: 100 for percent, 1 for a fraction (kept, so integer counts divide as decimals). */
    private String scale() {
        return fraction ? "1.0 * " : "100.0 * ";
    }

    Measure(Agg agg, ColumnProfile column) {
        this(agg, column, false, Derived.NONE, null);
    }

    Measure(Agg agg, ColumnProfile column, boolean share) {
        this(agg, column, share, Derived.NONE, null);
    }

    /** "average monthly sales": {@code agg} of {@code column} per {@code period} of {@code date}, averaged over the periods. */
    static Measure periodAverage(Agg agg, ColumnProfile column, ColumnProfile date, Grain period) {
        return new Measure(agg, column, false, Derived.PERIOD_AVERAGE, date, period);
    }

    /** "average order value": {@code agg} of {@code column} per value of {@code id} (an order), averaged over them. */
    static Measure perEntityAverage(Agg agg, ColumnProfile column, ColumnProfile id) {
        return new Measure(agg, column, false, Derived.PERIOD_AVERAGE, id, null);
    }

    /** "revenue per unit": the total of {@code a} over the total of {@code b}. */
    static Measure ratio(ColumnProfile a, ColumnProfile b) {
        return new Measure(Agg.SUM, a, false, Derived.RATIO, b);
    }

    /** "the average ratio of hammer to estimate": {@code a} over {@code b} on each row, averaged over the rows. */
    static Measure averageRatio(ColumnProfile a, ColumnProfile b) {
        return new Measure(Agg.AVG, a, false, Derived.RATIO, b);
    }

    /** "revenue" of a table of prices and quantities: {@code a} times {@code b} on each row, then added up. */
    static Measure product(ColumnProfile a, ColumnProfile b) {
        return new Measure(Agg.SUM, a, false, Derived.PRODUCT, b);
    }

    /** {@code agg} of {@code a} times (PRODUCT), minus (DIFFERENCE) or plus (SUM_OF_TWO) {@code b} on each row. */
    static Measure rowwise(Agg agg, ColumnProfile a, Derived op, ColumnProfile b) {
        return new Measure(agg, a, false, op, b);
    }

    /** True for a measure of a row-by-row product, difference or sum of two columns. */
    boolean rowwise() {
        return derived == Derived.PRODUCT || derived == Derived.DIFFERENCE || derived == Derived.SUM_OF_TWO;
    }

    /** "cancellation rate": the percent of rows where {@code flag} is true (a yes/no column) or present (a date). */
    static Measure rate(ColumnProfile flag) {
        return new Measure(Agg.AVG, flag, false, Derived.RATE, null);
    }

    /** "hire rate" where a stage column holds Hired: the part of the rows where {@code column} is {@code value}. */
    static Measure rateOf(ColumnProfile column, String value) {
        return new Measure(Agg.AVG, column, false, Derived.RATE, null, null, false, value);
    }

    /** "failure rate" of a column of passes: the percent of rows where {@code flag} is false. */
    static Measure rateNot(ColumnProfile flag) {
        return new Measure(Agg.AVG, flag, false, Derived.RATE_NOT, null);
    }

    /** "how many of them were completed" beside a count of all: the rows where {@code flag} is true (false when {@code not}). */
    static Measure countWhere(ColumnProfile flag, boolean not) {
        return new Measure(Agg.COUNT, flag, false, not ? Derived.COUNT_WHERE_NOT : Derived.COUNT_WHERE, null);
    }

    /** "the number of hires" beside a count of all applications: the rows where {@code column} is {@code value}. */
    static Measure countWhereValue(ColumnProfile column, String value) {
        return new Measure(Agg.COUNT, column, false, Derived.COUNT_WHERE, null, null, false, value);
    }

    /** The condition a rate counts: the yes/no column true (false for RATE_NOT), or the event's date there. */
    private String rateCondition() {
        boolean not = derived == Derived.RATE_NOT || derived == Derived.COUNT_WHERE_NOT;
        if (value != null) {
            return SqlText.ident(column.name()) + (not ? " <> " : " = ") + SqlText.literal(value);
        }
        return column.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")
                ? SqlText.ident(column.name()) + (not ? " = FALSE" : " = TRUE")
                : SqlText.ident(column.name()) + " IS NOT NULL";
    }

    /** How the condition of a rate or conditional count reads: "completed = true", "sold_date present". */
    private String conditionText() {
        boolean not = derived == Derived.RATE_NOT || derived == Derived.COUNT_WHERE_NOT;
        if (value != null) {
            return column.name() + (not ? " not '" : " = '") + value + "'";
        }
        return column.name() + (column.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")
                ? (not ? " = false" : " = true") : " present");
    }

    /** The measured column's name, or "A × B" for a product of two. */
    private String named() {
        return rowwise() ? column.name() + " " + operator().replace('*', '×').replace('-', '−') + " " + other.name()
                : unit != null ? column.name() + " in " + unit.plural() : column.name();
    }

    /** The SQL operator of a row-by-row measure: *, - or +. */
    private String operator() {
        return derived == Derived.PRODUCT ? "*" : derived == Derived.SUM_OF_TWO ? "+" : "-";
    }

    /** "tips as a percent of fares": 100 times the total of {@code a} over the total of {@code b}. */
    static Measure percentOf(ColumnProfile a, ColumnProfile b) {
        return new Measure(Agg.SUM, a, false, Derived.PERCENT_OF, b);
    }

    /** The time from {@code from} to {@code to} in {@code unit}s on each row, not aggregated: for a condition on rows. */
    static Measure elapsedOnRow(ColumnProfile from, ColumnProfile to, Derived unit) {
        return new Measure(null, from, false, unit, to);
    }

    /** "days between booking and departure": {@code agg} of the days from {@code from} to {@code to}. */
    static Measure daysBetween(Agg agg, ColumnProfile from, ColumnProfile to) {
        return new Measure(agg, from, false, Derived.DAYS_BETWEEN, to);
    }

    /** "average trip duration in minutes": {@code agg} of the time from {@code from} to {@code to} in {@code unit}s. */
    static Measure timeBetween(Agg agg, ColumnProfile from, ColumnProfile to, Derived unit) {
        return new Measure(agg, from, false, unit, to);
    }

    /** This measure summed along the time grouping: "cumulative trips per month". */
    Measure running() {
        return new Measure(agg, column, false, Derived.RUNNING, null);
    }

    /** This measure's change from the previous period, in percent: "revenue growth by year". */
    Measure change() {
        return new Measure(agg, column, false, Derived.CHANGE, null, null);
    }

    /** This measure as a percentage of its total. */
    Measure asShare() {
        return new Measure(agg, column, true, derived, other, period, fraction, value, unit);
    }

    /** How it reads: "Total of Sales", "Count of rows", "Distinct count of Order ID", "Share of total Sales (%)". */
    String describe() {
        switch (derived) {
            case RATE, RATE_NOT -> {
                return (fraction ? "Share of rows with " : "Percent of rows with ") + conditionText();
            }
            case COUNT_WHERE, COUNT_WHERE_NOT -> {
                return "Count of rows with " + conditionText();
            }
            case RATIO -> {
                return agg == Agg.AVG ? "Average ratio of " + column.name() + " to " + other.name() + " (row by row)"
                        : "Total of " + column.name() + " per " + other.name();
            }
            case PERCENT_OF -> {
                return "Total of " + column.name() + (fraction ? " as a share of total of " : " as a percent of total of ")
                        + other.name();
            }
            case DAYS_BETWEEN, HOURS_BETWEEN, MINUTES_BETWEEN -> {
                return agg.label + " of " + derived.unit() + "s from " + column.name() + " to " + other.name();
            }
            case RUNNING -> {
                return "Running total of " + (column == null || agg == Agg.COUNT ? "count of rows"
                        : agg.label.toLowerCase(java.util.Locale.ROOT) + " " + named());
            }
            case CHANGE -> {
                return "Change of " + (column == null ? "count of rows" : agg.label.toLowerCase(java.util.Locale.ROOT) + " "
                        + column.name()) + " from the previous period (%)";
            }
            case PERIOD_AVERAGE -> {
                return "Average per " + (period == null ? "" : period.word + " of ") + other.name() + " of the "
                        + agg.label.toLowerCase(java.util.Locale.ROOT) + " of " + (column == null ? "rows" : named());
            }
            default -> {
            }
        }
        String base = agg.label + " of " + (column == null ? "rows" : named());
        return share ? "Share of " + base.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + base.substring(1)
                + (fraction ? "" : " (%)") : base;
    }

    /** The result column's name: "total Sales", "rows", "distinct Order ID", "percent of total Sales". */
    String alias() {
        switch (derived) {
            case RATE -> {
                return (fraction ? "share " : "percent ") + (value != null ? value : column.name());
            }
            case RATE_NOT -> {
                return (fraction ? "share not " : "percent not ") + column.name();
            }
            case COUNT_WHERE -> {
                return "rows " + (value != null ? value : column.name());
            }
            case COUNT_WHERE_NOT -> {
                return "rows not " + column.name();
            }
            case RATIO -> {
                return (agg == Agg.AVG ? "average ratio " : "") + column.name() + " per " + other.name();
            }
            case PERCENT_OF -> {
                return column.name() + (fraction ? " as share of " : " as percent of ") + other.name();
            }
            case DAYS_BETWEEN, HOURS_BETWEEN, MINUTES_BETWEEN -> {
                return agg.aliasPrefix + " " + derived.unit() + "s " + column.name() + " to " + other.name();
            }
            case RUNNING -> {
                return "running " + (column == null ? "rows" : agg.aliasPrefix + " " + named());
            }
            case CHANGE -> {
                return "percent change " + (column == null ? "rows" : agg.aliasPrefix + " " + column.name());
            }
            case PERIOD_AVERAGE -> {
                String per = period == null ? " per " + other.name() : "";
                return "average " + (period == null ? "" : period.adjective() + " ")
                        + (column == null ? "rows" : agg.aliasPrefix + " " + named()) + per;
            }
            default -> {
            }
        }
        String base = column == null ? "rows" : agg.aliasPrefix + " " + named();
        return share ? (fraction ? "share of " : "percent of ") + (column == null ? "rows" : base) : base;
    }

    /**
     * The column as this measure reads it: its number for a figure (sum, average, extreme) of a text column of
     * quantities written with their unit ("98 kg"), else the column; counts count the values as written.
     */
    String ref() {
        if (column == null) {
            return null;
        }
        boolean counts = agg == Agg.COUNT || agg == Agg.COUNT_DISTINCT;
        if (!counts && unit != null && Units.ofColumn(column) != null) {
            return Units.convert(SqlText.ident(column.name()), Units.ofColumn(column), unit);
        }
        return !counts && QuantityFilters.begins(column) ? QuantityFilters.number(column) : SqlText.ident(column.name());
    }

    /**
     * The largest or smallest of quantities written with their unit, as written ("11 strokes", not 11.0), chosen by
     * their numbers; null for any other measure. Only for a single figure: as a text it would sort alphabetically.
     */
    String asWritten() {
        if ((agg != Agg.MAX && agg != Agg.MIN) || derived != Derived.NONE || share || column == null
                || !QuantityFilters.begins(column)) {
            return null;
        }
        return (agg == Agg.MAX ? "arg_max(" : "arg_min(") + SqlText.ident(column.name()) + ", " + ref() + ")";
    }

    /** The SQL; a running total's window order is added by the writer, which knows the time grouping. */
    /** What the aggregate takes: the column as {@link #ref} reads it, or the product of two on each row. */
    String operand() {
        return rowwise() ? "(" + ref() + " " + operator() + " " + SqlText.ident(other.name()) + ")" : ref();
    }

    /**
     * The time from {@code a} to {@link #other} in the unit: between dates, whole days (date_diff); when either holds
     * a time of day, the time that passed, with its fraction (1 h 59 min is 1.98 hours, not the 1 hour boundary
     * date_diff counts). Days from a date to a time of day are whole days between their dates: the first has no time,
     * so a fraction would be made up.
     */
    private String elapsed(String a) {
        String b = SqlText.ident(other.name());
        boolean aClock = column.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP");
        boolean bClock = other.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP");
        boolean clock = derived == Derived.DAYS_BETWEEN ? aClock && bClock : aClock || bClock;
        if (!clock) {
            return "date_diff('" + derived.unit() + "', " + a + ", " + b + ")";
        }
        int seconds = switch (derived) {
            case DAYS_BETWEEN -> 86400;
            case HOURS_BETWEEN -> 3600;
            default -> 60;
        };
        return "(epoch(" + b + ") - epoch(" + a + ")) / " + seconds + ".0";
    }

    /** One row's value, for a condition on each row ("rides that lasted over 2 hours"): a time between two columns. */
    String rowSql() {
        return derived.unit() != null ? elapsed(operand()) : operand();
    }

    /** How one row's value reads: "the minutes from started_at to ended_at". */
    String describeRow() {
        return derived.unit() != null ? "the " + derived.unit() + "s from " + column.name() + " to " + other.name() : named();
    }

    String sql() {
        String a = operand();
        switch (derived) {
            case RATE, RATE_NOT -> {
                // a yes/no left blank is unknown, not a no: the rate is over the rows that say (an absent sitter's blank
                // "passed" is no fail); an event's blank date is the event not having happened
                String otherwise = column.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")
                        ? " WHEN " + SqlText.ident(column.name()) + " IS NOT NULL THEN 0.0 END" : " ELSE 0.0 END";
                return scale() + "AVG(CASE WHEN " + rateCondition() + " THEN 1.0" + otherwise + ")";
            }
            case COUNT_WHERE, COUNT_WHERE_NOT -> {
                return "COUNT(*) FILTER (WHERE " + rateCondition() + ")";
            }
            case RATIO -> {
                return agg == Agg.AVG ? "AVG(" + a + " / NULLIF(" + SqlText.ident(other.name()) + ", 0))"
                        : "SUM(" + a + ") / NULLIF(SUM(" + SqlText.ident(other.name()) + "), 0)";
            }
            case PERCENT_OF -> {
                return scale() + "SUM(" + a + ") / NULLIF(SUM(" + SqlText.ident(other.name()) + "), 0)";
            }
            case DAYS_BETWEEN, HOURS_BETWEEN, MINUTES_BETWEEN -> {
                return agg.sql(elapsed(a));
            }
            default -> {
            }
        }
        String base = agg.sql(a);
        // a window over the grouped aggregate: each group's part of the grand total
        return share ? scale() + base + " / SUM(" + base + ") OVER ()" : base;
    }

    /**
     * The SQL of a measure along time: a running total sums the grouped aggregate over the periods up to this one;
     * a change compares it with the previous period's, in percent. {@code window} is the OVER clause's content
     * ({@code PARTITION BY ... ORDER BY period}); other measures ignore it.
     */
    String sqlAlongTime(String window) {
        String base = agg.sql(ref());
        return switch (derived) {
            case RUNNING -> "SUM(" + base + ") OVER (" + window + ")";
            case CHANGE -> "100.0 * (" + base + " - lag(" + base + ") OVER (" + window + ")) / NULLIF(lag(" + base + ") OVER ("
                    + window + "), 0)";
            default -> sql();
        };
    }

    /** The share of the rows matching {@code condition} in the whole table, for a share with no grouping. */
    String shareOfFiltered(String condition) {
        String c = column == null ? null : rowwise() ? operand() : SqlText.ident(column.name());
        return switch (agg) {
            case COUNT -> scale() + "COUNT(CASE WHEN " + condition + " THEN 1 END) / COUNT(*)";
            case COUNT_DISTINCT -> scale() + "COUNT(DISTINCT CASE WHEN " + condition + " THEN " + c + " END) / COUNT(DISTINCT "
                    + c + ")";
            default -> scale() + agg.sql("CASE WHEN " + condition + " THEN " + c + " END") + " / " + agg.sql(c);
        };
    }

    /** This (non-share) measure over the rows matching {@code condition} only. */
    String sqlWhere(String condition) {
        String c = operand();
        if (column == null) {
            return "COUNT(CASE WHEN " + condition + " THEN 1 END)";
        }
        return agg.sql("CASE WHEN " + condition + " THEN " + c + " END");
    }
}
