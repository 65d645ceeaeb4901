package datasense.tools.sql;

import datasense.tools.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * The names of the columns a SELECT returns, read from its text without running it, for checking a plan before it
 * runs (a chart's x, y, series and label must be columns of the table it draws). Known only when every item of the
 * outermost SELECT is named: an alias, a bare column, or {@code *} straight over the dataset's table.
 */
public final class ResultColumns {

    private ResultColumns() {
    }

    /**
     * The result's column names, or empty when they cannot be told from the text (an unnamed expression, {@code *}
     * over a CTE or a join) or the statement does not pass {@link SqlGuard}.
     */
    public static Optional<List<String>> of(String sql, String table, List<String> tableColumns) {
        Select select;
        try {
            select = SqlGuard.parseVetted(sql, table);
        } catch (ToolException e) {
            return Optional.empty();
        }
        while (select instanceof SetOperationList set && !set.getSelects().isEmpty()) {
            select = set.getSelects().get(0); // a UNION is named by its first SELECT
        }
        if (!(select instanceof PlainSelect ps) || ps.getSelectItems() == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            Expression e = item.getExpression();
            if (item.getAlias() != null) {
                out.add(SqlGuard.unquote(item.getAlias().getName()));
            } else if (e instanceof AllColumns && !(e instanceof AllTableColumns)
                    && ps.getFromItem() instanceof Table t && SqlGuard.unquote(t.getName()).equalsIgnoreCase(table)
                    && (ps.getJoins() == null || ps.getJoins().isEmpty())) {
                out.addAll(tableColumns);
            } else if (e instanceof Column c) {
                out.add(SqlGuard.unquote(c.getColumnName()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(out));
    }
}
