package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import datasense.tools.SchemaInfo;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the LLM planner's step check lets through and what it names as a problem for the model to repair. */
class LlmStepValidatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final SchemaInfo SHOP = Fixtures.shop();

    final StepValidator validator = new StepValidator(tools(), SHOP);

    static Map<String, ToolSpec> tools() {
        Map<String, ToolSpec> out = new LinkedHashMap<>();
        ToolRegistry.standard().specs().forEach(s -> out.put(s.name(), s));
        return out;
    }

    List<String> sql(String sql) {
        return validator.problems("sql_executor", JSON.createObjectNode().put("sql", sql), 0);
    }

    @Test
    void readsOfFilesWritesAndSecondStatementsFailTheSqlGuard() {
        assertThat(sql("SELECT * FROM read_csv('/etc/passwd')")).singleElement().asString()
                .startsWith("sql_executor: The table function read_csv(...) is not allowed");
        assertThat(sql("DROP TABLE \"shop_orders\"")).singleElement().asString()
                .contains("Only SELECT statements may run");
        assertThat(sql("SELECT 1 FROM \"shop_orders\"; DELETE FROM \"shop_orders\"")).singleElement().asString()
                .contains("statements");
        assertThat(sql("SELECT * FROM \"other_table\"")).singleElement().asString()
                .contains("other_table").contains("not allowed");
        assertThat(sql("SELECT getenv('HOME') FROM \"shop_orders\"")).singleElement().asString()
                .contains("getenv");
    }

    @Test
    void quotedNamesMustBeColumnsAliasesOrCtesButStringLiteralsAreSkipped() {
        assertThat(sql("SELECT \"Region\", SUM(\"Sales\") AS total FROM \"shop_orders\" "
                + "WHERE \"Product Name\" <> 'say \"Revenue\"' GROUP BY 1 ORDER BY \"total\" DESC")).isEmpty();
        assertThat(sql("WITH \"per\" AS (SELECT \"Region\", SUM(\"Sales\") AS \"s\" FROM \"shop_orders\" GROUP BY 1) "
                + "SELECT * FROM \"per\" ORDER BY \"s\"")).isEmpty();
        assertThat(sql("SELECT SUM(\"Revenue\"), AVG(\"Revenue\") FROM \"shop_orders\""))
                .containsExactly("sql_executor: unknown column 'Revenue'");
    }

    @Test
    void schemaColumnsToolsAndChartOrderAreChecked() throws Exception {
        JsonNode bad = JSON.readTree("{\"col\":\"Sales\"}");
        assertThat(validator.problems("distribution_plot", bad, 0)).isNotEmpty()
                .allMatch(p -> p.startsWith("distribution_plot: "));
        assertThat(validator.problems("distribution_plot", JSON.readTree("{\"column\":\"Sales\"}"), 0)).isEmpty();
        assertThat(validator.problems("summary_stats", JSON.readTree("{\"columns\":[\"Sales\",\"Cost\"]}"), 0))
                .containsExactly("summary_stats: unknown column 'Cost'");
        assertThat(validator.problems("shell", JSON.readTree("{}"), 0)).singleElement().asString()
                .startsWith("unknown tool 'shell'").contains("sql_executor");
        assertThat(validator.problems("chart", JSON.readTree("{\"from_step\":1}"), 1))
                .containsExactly("chart: from_step 1 is not an earlier step");
        assertThat(validator.problems("chart", JSON.readTree("{\"from_step\":0}"), 1)).isEmpty();
        assertThat(validator.problems("sql_executor", JSON.readTree("[1]"), 0))
                .containsExactly("sql_executor: arguments are not a JSON object");
    }

    @Test
    void aChartsSeriesAndLabelMustBeColumnsOfTheTableItDraws() throws Exception {
        StepValidator v = new StepValidator(tools(), SHOP);
        assertThat(v.problems("sql_executor", JSON.readTree("{\"sql\": \"SELECT \\\"Region\\\", year(\\\"Order Date\\\")"
                + " AS \\\"year\\\", SUM(\\\"Sales\\\") AS total FROM \\\"shop_orders\\\" GROUP BY 1, 2\"}"), 0)).isEmpty();
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"x\": \"Region\", \"y\": \"total\","
                + " \"series\": \"year\", \"stacked\": true}"), 1)).isEmpty();
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"x\": \"Region\", \"y\": \"total\","
                + " \"series\": \"Segment\"}"), 1))
                .containsExactly("chart: series 'Segment' is not a column of step 0's table (Region, year, total)");
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"kind\": \"scatter\", \"label\": \"brand\"}"), 1))
                .containsExactly("chart: label 'brand' is not a column of step 0's table (Region, year, total)");
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"stacked\": \"yes\"}"), 1))
                .singleElement().asString().startsWith("chart: stacked: must be a boolean");

        // a table whose columns cannot be told from the plan is left to the chart tool
        assertThat(v.problems("sql_executor", JSON.readTree("{\"sql\": \"SELECT \\\"Region\\\", SUM(\\\"Sales\\\")"
                + " FROM \\\"shop_orders\\\" GROUP BY 1\"}"), 0)).isEmpty();
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"series\": \"anything\"}"), 1)).isEmpty();

        assertThat(v.problems("trend_plot", JSON.readTree("{\"value_column\": \"Sales\"}"), 0)).isEmpty();
        assertThat(v.problems("chart", JSON.readTree("{\"from_step\": 0, \"x\": \"period\", \"y\": \"Sales\"}"), 1))
                .containsExactly("chart: y 'Sales' is not a column of step 0's table (period, value)");
    }

    @Test
    void aBoxPlotsGroupMustBeAColumnOfTheDataset() throws Exception {
        assertThat(validator.problems("distribution_plot", JSON.readTree("{\"column\": \"Sales\", \"kind\": \"box\","
                + " \"by\": \"Region\"}"), 0)).isEmpty();
        assertThat(validator.problems("distribution_plot", JSON.readTree("{\"column\": \"Sales\", \"by\": \"Brand\"}"), 0))
                .containsExactly("distribution_plot: unknown column 'Brand'");
        assertThat(validator.problems("distribution_plot", JSON.readTree("{\"column\": \"Sales\", \"kind\": \"violin\"}"), 0))
                .singleElement().asString().contains("kind");
    }
}
