package datasense.agent;

import datasense.tools.Table;

/**
 * What a {@code chart} step draws: the first table of its {@code from_step}, and the last SQL statement that step
 * ran (the one that produced the table; null when it ran none). The table carries at most the inline rows; the
 * chart tool re-runs the SQL, vetted again, to draw the whole result when the table was cut.
 */
public record StepInput(Table table, String sql) {
}
