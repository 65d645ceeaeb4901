package datasense.tools;

import datasense.tools.chart.Figure;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.QueryResult;
import datasense.tools.sql.SqlGuard;
import java.util.List;

/**
 * The whole result of the step a chart draws, read again from the SQL statement that produced it. A chart's input
 * table carries at most the inline rows; when it was cut, the chart re-runs that statement (vetted again by
 * {@link SqlGuard}, on the sandboxed connection) inside a query of its own, and DuckDB returns only what the chart
 * draws: the rows themselves when they are few enough, else the sums per category, the means per x bucket or the
 * counts per 2-D cell. Every statement shares one time budget, the query timeout, so a chart of a large result
 * costs at most one query's time on top of its drawing.
 */
final class FullResult implements AutoCloseable {

    /** The most rows (raw or aggregated) a chart reads back from one statement. */
    static final int MAX_ROWS = 1_000_000;

    private final ToolSession session;
    private final String from;
    private final int budgetSeconds;
    private final long deadline;

    private FullResult(ToolSession session, String vetted, int budgetSeconds) {
        this.session = session;
        this.from = " FROM (" + vetted + ") AS src";
        this.budgetSeconds = budgetSeconds;
        this.deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
    }

    /** Vets {@code ctx.inputSql()} over the dataset's table and opens a session for it. */
    static FullResult open(ToolContext ctx) throws ToolException {
        String vetted = SqlGuard.vet(ctx.inputSql(), ctx.dataset().tables());
        return new FullResult(ToolSession.open(ctx), vetted, ctx.limits().queryTimeoutSeconds());
    }

    /** {@code ident} quoted, for a column of the source result. */
    static String col(String name) {
        return DuckDb.quoteIdent(name);
    }

    /** What an x column holds, which decides how it is compared and bucketed. */
    enum Axis { NUMBER, DATE, TEXT }

    /**
     * One row: the count of rows where x (and y, when given) is present, then the min and max of x (epoch seconds
     * for dates) and of y.
     */
    List<Object> bounds(String x, Axis axis, String y) throws ToolException {
        String xs = value(x, axis);
        String select = "SELECT count(*) AS n, min(" + xs + ") AS x_min, max(" + xs + ") AS x_max"
                + (y == null ? "" : ", min(" + col(y) + "::DOUBLE) AS y_min, max(" + col(y) + "::DOUBLE) AS y_max")
                + from + " WHERE " + present(x, axis) + (y == null ? "" : " AND " + present(y, Axis.NUMBER));
        return run(select, 1).rows().get(0);
    }

    /**
     * The columns {@code columns} of the rows where x (and {@code y}, when given) is present, in the source's
     * order, at most {@code max} (the result says when there were more).
     */
    QueryResult rows(List<String> columns, String x, Axis axis, String y, int max) throws ToolException {
        String select = "SELECT " + String.join(", ", columns.stream().map(FullResult::col).toList()) + from
                + " WHERE " + present(x, axis) + (y == null ? "" : " AND " + present(y, Axis.NUMBER));
        return run(select, max);
    }

    /** The sum of y per x (and per series, when given), x in order when {@code ordered}; rows: x, series?, y. */
    QueryResult sums(String x, String series, String y, boolean ordered) throws ToolException {
        String keys = col(x) + (series == null ? "" : ", " + col(series));
        return run("SELECT " + keys + ", sum(" + col(y) + ")::DOUBLE AS " + col(y) + from + " GROUP BY ALL"
                + (ordered ? " ORDER BY " + col(x) : ""), MAX_ROWS);
    }

    /**
     * The mean x and mean y of each of {@code buckets} equal slices of the x range [lo, hi] (per series, when
     * given), in x order; rows: bucket, series?, x, y. Dates come back as timestamps.
     */
    QueryResult buckets(String x, Axis axis, String series, String y, double lo, double hi, int buckets)
            throws ToolException {
        boolean dates = axis == Axis.DATE;
        String e = value(x, axis);
        double width = hi > lo ? (hi - lo) / buckets : 1;
        String bucket = "least(greatest(CAST(floor((" + e + " - CAST('" + lo + "' AS DOUBLE)) / CAST('" + width
                + "' AS DOUBLE)) AS BIGINT), 0), " + (buckets - 1) + ")";
        String meanX = dates ? "make_timestamp(CAST(avg(" + e + ") * 1000000 AS BIGINT))" : "avg(" + e + ")";
        return run("SELECT " + bucket + " AS bucket" + (series == null ? "" : ", " + col(series)) + ", " + meanX
                + " AS " + col(x) + ", avg(" + col(y) + "::DOUBLE) AS " + col(y) + from + " WHERE "
                + present(x, axis) + " GROUP BY ALL ORDER BY 1", MAX_ROWS);
    }

    /** The count of points per cell of {@code grid}; rows: cell x, cell y, count. */
    QueryResult cells(String x, String y, Figure.Grid grid) throws ToolException {
        return run("SELECT " + grid.sqlCellX(col(x) + "::DOUBLE") + " AS cx, " + grid.sqlCellY(col(y) + "::DOUBLE")
                + " AS cy, count(*) AS n" + from + " WHERE " + present(x, Axis.NUMBER) + " AND " + present(y, Axis.NUMBER)
                + " GROUP BY ALL", MAX_ROWS);
    }

    /** Every statement run, in order (the source's own inside each). */
    List<String> sql() {
        return session.sql();
    }

    @Override
    public void close() {
        session.close();
    }

    private static String present(String column, Axis axis) {
        return axis == Axis.NUMBER ? "isfinite(" + col(column) + "::DOUBLE)" : col(column) + " IS NOT NULL";
    }

    /** x as compared and bucketed: a DOUBLE, epoch seconds of a date, or the text itself. */
    private static String value(String column, Axis axis) {
        return switch (axis) {
            case NUMBER -> col(column) + "::DOUBLE";
            case DATE -> "epoch(CAST(" + col(column) + " AS TIMESTAMP))";
            case TEXT -> col(column);
        };
    }

    private QueryResult run(String sql, int maxRows) throws ToolException {
        if (budgetSeconds <= 0) {
            return session.run(sql, 0, maxRows);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new ToolException("timeout", "Re-reading the whole result took longer than " + budgetSeconds
                    + " seconds.", "Chart a smaller result: aggregate it first.");
        }
        return session.run(sql, (int) Math.max(1, Math.ceil(left / 1e9)), maxRows);
    }
}
