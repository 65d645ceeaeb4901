package datasense.tools.sql;

import datasense.tools.Column;
import datasense.tools.Table;
import java.util.List;

/**
 * Every row a query returned, up to the row limit. {@code overLimit} says the query had more rows than
 * {@code Limits.maxRows()} and only the first ones were kept.
 */
public record QueryResult(String sql, List<Column> columns, List<List<Object>> rows, boolean overLimit) {

    /** The result as a table of at most {@code inlineRows} rows; truncated when rows were left out. */
    public Table table(String label, int inlineRows) {
        boolean cut = rows.size() > inlineRows;
        List<List<Object>> inline = cut ? List.copyOf(rows.subList(0, inlineRows)) : rows;
        return new Table(label, columns, inline, rows.size(), cut || overLimit);
    }

    /** Index of the column named {@code name} (exact, then case-insensitive), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
