package datasense.tools;

/**
 * Resource limits for one tool call: rows kept inline in a table, rows a query may return at most,
 * seconds a statement may run, and the DuckDB memory limit and thread count per connection.
 */
public record Limits(int inlineRows, int maxRows, int queryTimeoutSeconds, String memoryLimit, int threads) {

    public static Limits defaults() {
        return new Limits(200, 100_000, 30, "1GB", 1);
    }
}
