package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * A span of question tokens [start, end) linked to the schema: a column, a value of a text column
 * ({@code op} "eq", or "starts_with" for a word that begins several values), or an entity. {@code reading}
 * says in words how an indirect link was made ("'paid' read as salary"), else null.
 */
record Mention(Kind kind, int start, int end, ColumnProfile column, String value, String op, Entity entity,
               String reading) {

    /** What the span was linked to. */
    enum Kind { COLUMN, VALUE, ENTITY }

    static Mention column(int start, int end, ColumnProfile column, String reading) {
        return new Mention(Kind.COLUMN, start, end, column, null, null, null, reading);
    }

    static Mention value(int start, int end, ColumnProfile column, String value, String op, String reading) {
        return new Mention(Kind.VALUE, start, end, column, value, op, null, reading);
    }

    static Mention entity(int start, int end, Entity entity) {
        return new Mention(Kind.ENTITY, start, end, null, null, null, entity, null);
    }

    boolean isColumn() {
        return kind == Kind.COLUMN;
    }
}
