package datasense.tools;

import java.util.List;

/**
 * A result table. {@code rows} holds at most the inline row limit; {@code totalRows} counts them all and
 * {@code truncated} says whether some were left out (the full table is then written as a CSV artifact).
 * Cells are JSON-friendly Java values: String, Long, Double, Boolean, null; dates as ISO-8601 strings.
 */
public record Table(String label, List<Column> columns, List<List<Object>> rows, long totalRows, boolean truncated) {
}
