package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard runs its own rendering of the statement, so that rendering must still be valid DuckDB SQL. */
class SqlExecutorRoundTripTest {

    @TempDir
    static Path dir;
    static Dataset ds;

    @BeforeAll
    static void data() throws Exception {
        ds = TestData.orders(dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT Region, sum(Sales) AS total FROM orders GROUP BY Region ORDER BY total DESC",
        "WITH m AS (SELECT date_trunc('month', \"Order Date\") AS mo, sum(Sales) AS s FROM orders GROUP BY 1)"
                + " SELECT mo, s, lag(s) OVER (ORDER BY mo) AS prev, s - lag(s) OVER (ORDER BY mo) AS change FROM m ORDER BY mo",
        "SELECT CASE WHEN Sales > 100 THEN 'big' ELSE 'small' END AS size, count(*) AS n FROM orders GROUP BY 1",
        "SELECT \"Customer Name\", rank() OVER (ORDER BY sum(Sales) DESC) AS r FROM orders GROUP BY \"Customer Name\"",
        "SELECT * FROM orders QUALIFY row_number() OVER (PARTITION BY Region ORDER BY Sales DESC) = 1",
        "SELECT Region, count(*) FILTER (WHERE Sales > 100) AS big FROM orders GROUP BY ALL",
        "SELECT TRY_CAST(Quantity AS DOUBLE) AS q, Sales::INTEGER AS s, EXTRACT(year FROM \"Order Date\") AS y,"
                + " \"Order Date\" - INTERVAL 1 DAY AS before, strftime(\"Order Date\", '%Y-%m') AS ym FROM orders LIMIT 3",
        "SELECT string_agg(DISTINCT Region, ', ') AS regions, quantile_cont(Sales, 0.9) AS p90, median(Profit) AS m FROM orders",
        "SELECT * FROM orders WHERE \"Order Date\" BETWEEN DATE '2016-03-01' AND DATE '2016-03-31' AND Region IN ('West', 'East')",
        "SELECT Region FROM orders WHERE Note LIKE 'n%' UNION SELECT Region FROM orders WHERE Note IS NULL",
        "SELECT year(\"Order Date\") AS y, round(avg(Sales), 2) AS avg_sales, coalesce(max(Note), '-') AS note FROM orders GROUP BY 1 ORDER BY 1",
        "SELECT trim(Region) AS r, upper(left(Region, 2)) AS code, length(\"Customer Name\") AS len FROM orders LIMIT 2",
    })
    void vettedQueriesStillRun(String sql) throws Exception {
        ObjectNode args = new ObjectMapper().createObjectNode().put("sql", sql);
        ToolResult r = ToolRegistry.standard().run("sql_executor", TestData.context(ds), args);
        assertThat(r.tables().get(0).rows()).isNotEmpty();
        assertThat(r.sql()).hasSize(1);
    }
}
