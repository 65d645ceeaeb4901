package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.QueryRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A question that joins two files: the sandbox reads exactly the two Parquet files (a third one beside them stays
 * refused by DuckDB itself), and the SQL guard accepts the join over the two named views and no other table.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinedDatasetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOIN = "WITH \"orders_customers\" AS (SELECT \"orders\".*, \"customers\".\"segment\""
            + " FROM \"orders\" LEFT JOIN \"customers\" ON \"orders\".\"customer_id\" = \"customers\".\"customer_id\")"
            + " SELECT \"segment\", sum(\"sales\") AS \"total\" FROM \"orders_customers\" GROUP BY \"segment\" ORDER BY \"segment\"";

    @TempDir
    Path dir;

    private final ToolRegistry tools = ToolRegistry.standard();

    private Dataset orders() throws Exception {
        return TestData.parquet(dir, "orders", "SELECT i AS order_id, 'C' || (i % 5) AS customer_id, (i * 10.0) AS sales"
                + " FROM range(30) r(i)", 30);
    }

    private Dataset customers(String firstSegment) throws Exception {
        return TestData.parquet(dir, "customers", "SELECT 'C' || i AS customer_id, CASE WHEN i = 0 THEN '" + firstSegment
                + "' WHEN i % 2 = 0 THEN 'Consumer' ELSE 'Corporate' END AS segment FROM range(5) r(i)", 5);
    }

    private static Map<String, Double> expected(String firstSegment) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            int c = i % 5;
            String segment = c == 0 ? firstSegment : c % 2 == 0 ? "Consumer" : "Corporate";
            out.merge(segment, i * 10.0, Double::sum);
        }
        return out;
    }

    private static Dataset joined(Dataset main, Dataset... others) {
        return new Dataset(main.table(), main.parquet(), main.columns(), main.rows(),
                java.util.Arrays.stream(others).map(o -> new Dataset.Joined(o.table(), o.parquet())).toList());
    }

    private ToolResult sql(Dataset ds, String statement) throws ToolException {
        ObjectNode args = JSON.createObjectNode().put("sql", statement).put("label", "q");
        return tools.run("sql_executor", new ToolContext(ds, Limits.defaults(), null), args);
    }

    private static Map<String, Double> totals(ToolResult r) {
        Map<String, Double> out = new HashMap<>();
        for (List<Object> row : r.tables().get(0).rows()) {
            out.put((String) row.get(0), ((Number) row.get(1)).doubleValue());
        }
        return out;
    }

    @Test
    void theJoinOverTheTwoNamedViewsRunsAndFollowsAReUploadOfTheJoinedFile() throws Exception {
        Dataset orders = orders();
        ToolResult r = sql(joined(orders, customers("Home Office")), JOIN);
        assertThat(totals(r)).isEqualTo(expected("Home Office"));
        // the joined file written again (a re-upload): the next call reads the new rows, not the cached database's
        customers("Small Business");
        assertThat(totals(sql(joined(orders, customers("Small Business")), JOIN))).isEqualTo(expected("Small Business"));
    }

    @Test
    void aThirdFileBesideTheTwoStaysRefusedByTheEngineAndByTheGuard() throws Exception {
        Dataset orders = orders();
        Dataset customers = customers("Home Office");
        Dataset secrets = TestData.parquet(dir, "secrets", "SELECT 42 AS answer", 1);
        Dataset ds = joined(orders, customers);
        // the engine: the connection may read exactly the two files, not the third in the same folder
        try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
            assertThat(QueryRunner.one(c, "SELECT count(*) FROM read_parquet("
                    + DuckDb.quoteLiteral(customers.parquet().toString()) + ")", Limits.defaults())).containsExactly(5L);
            assertThatThrownBy(() -> QueryRunner.run(c, "SELECT * FROM read_parquet("
                    + DuckDb.quoteLiteral(secrets.parquet().toString()) + ")", Limits.defaults()))
                    .isInstanceOf(ToolException.class).hasMessageContaining("Permission Error");
            assertThatThrownBy(() -> QueryRunner.run(c, "COPY (SELECT 1) TO "
                    + DuckDb.quoteLiteral(dir.resolve("out.csv").toString()), Limits.defaults()))
                    .isInstanceOf(ToolException.class).hasMessageContaining("Permission Error");
        }
        // the guard: the two named views, nothing more
        assertThatThrownBy(() -> sql(ds, "SELECT * FROM \"orders\" JOIN \"secrets\" ON true"))
                .isInstanceOf(ToolException.class).hasMessageContaining("secrets")
                .satisfies(e -> assertThat(((ToolException) e).code()).isEqualTo("sql_rejected"));
        assertThatThrownBy(() -> sql(ds, "SELECT * FROM read_parquet(" + DuckDb.quoteLiteral(secrets.parquet().toString()) + ")"))
                .isInstanceOf(ToolException.class)
                .satisfies(e -> assertThat(((ToolException) e).code()).isEqualTo("sql_rejected"));
        // without the join named, customers is not a table of the question
        assertThatThrownBy(() -> sql(orders, JOIN)).isInstanceOf(ToolException.class)
                .satisfies(e -> assertThat(((ToolException) e).code()).isEqualTo("sql_rejected"));
    }
}
