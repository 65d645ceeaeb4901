package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/** One grouping of an intent: a column as is, or a date column bucketed by a time grain. */
record Grouping(ColumnProfile column, Grain grain) {

    /** True when it groups by time: a date bucketed by a grain, or a date column as is ("by month" on a month column). */
    boolean temporal() {
        return grain != null || column.column().temporal();
    }

    String alias() {
        return grain == null ? column.name() : grain.calendar() || grain == Grain.WEEKDAY ? grain.word : grain.word.replace(' ', '_');
    }

    String sql() {
        return grain == null ? SqlText.ident(column.name()) : grain.sql(SqlText.ident(column.name()));
    }

    /** The step from one row of this time grouping to the next: "month" for a grain, else the column's name. */
    String describeStep() {
        return grain == null ? column.name() : grain.word;
    }

    String describe() {
        return grain == null ? column.name() : grain.word + " of " + column.name();
    }
}
