package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/** One grouping of an intent: a column as is, or a date column bucketed by a time grain. */
record Grouping(ColumnProfile column, Grain grain) {

    boolean temporal() {
        return grain != null;
    }

    String alias() {
        return grain == null ? column.name() : grain.calendar() || grain == Grain.WEEKDAY ? grain.word : grain.word.replace(' ', '_');
    }

    String sql() {
        return grain == null ? SqlText.ident(column.name()) : grain.sql(SqlText.ident(column.name()));
    }

    String describe() {
        return grain == null ? column.name() : grain.word + " of " + column.name();
    }
}
