package datasense.agent;

/**
 * The join a plan's SQL makes: the asked file's {@code column} to {@code key} of the file {@code fileId}, whose
 * view is {@code table}, with the share of the column's values found in the key ({@code overlap}, percent). The
 * host lets the plan's tool calls read that file too (and only it), and keys the plan's cache entry by it, so a
 * re-upload of the joined file is never answered from the old one.
 */
public record PlanJoin(String fileId, String name, String table, String column, String key, double overlap) {
}
