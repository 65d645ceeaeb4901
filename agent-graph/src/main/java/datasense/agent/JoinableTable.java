package datasense.agent;

import datasense.tools.SchemaInfo;

/**
 * A file the asked file may be joined to, as a join hint found it: the asked file's {@code column} matches this
 * file's candidate key {@code key} (unique and never missing here, so the join is many-to-one and adds no rows),
 * and {@code overlap} percent of the column's {@code distinct} values are among the key's ({@code matched}). With
 * this file's schema, so the planner can read a question that names one of its columns. {@code createdAt} tells
 * versions of one file apart (the newest wins a tie).
 */
public record JoinableTable(String fileId, String name, String table, String column, String key, long distinct,
                            long matched, double overlap, String createdAt, SchemaInfo schema) {
}
