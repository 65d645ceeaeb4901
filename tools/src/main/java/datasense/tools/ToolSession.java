package datasense.tools;

import datasense.tools.sql.DuckDb;
import datasense.tools.sql.QueryResult;
import datasense.tools.sql.QueryRunner;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One tool call's sandboxed connection to its dataset, and the log of every statement it ran (in order), so
 * the result can show the exact SQL behind it.
 */
final class ToolSession implements AutoCloseable {

    private final Dataset dataset;
    private final Limits limits;
    private final Connection connection;
    private final List<String> log = new ArrayList<>();

    private ToolSession(Dataset dataset, Limits limits, Connection connection) {
        this.dataset = dataset;
        this.limits = limits;
        this.connection = connection;
    }

    static ToolSession open(ToolContext ctx) throws ToolException {
        return new ToolSession(ctx.dataset(), ctx.limits(), QueryRunner.connect(ctx.dataset(), ctx.limits()));
    }

    Limits limits() {
        return limits;
    }

    /** The dataset's table as a quoted SQL identifier. */
    String table() {
        return DuckDb.quoteIdent(dataset.table());
    }

    QueryResult run(String sql) throws ToolException {
        log.add(sql);
        return QueryRunner.run(connection, sql, limits);
    }

    /** Runs {@code sql} with its own time limit and row cap instead of the call's. */
    QueryResult run(String sql, int timeoutSeconds, int maxRows) throws ToolException {
        log.add(sql);
        return QueryRunner.run(connection, sql, new Limits(limits.inlineRows(), maxRows, timeoutSeconds,
                limits.memoryLimit(), limits.threads()));
    }

    /** The first row of {@code sql}'s result (empty when none). */
    List<Object> one(String sql) throws ToolException {
        QueryResult r = run(sql);
        return r.rows().isEmpty() ? List.of() : r.rows().get(0);
    }

    List<String> sql() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        QueryRunner.closeQuietly(connection);
    }
}
