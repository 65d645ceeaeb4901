package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.tools.SchemaInfo;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolSpec;
import datasense.tools.sql.SqlGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every step the offline planner makes, over many phrasings, passes the same validation an LLM step must
 * pass (tool exists, arguments valid per the tool's schema, real columns, charts of earlier steps), and
 * every SQL statement it writes passes the SQL tool's guard and runs on DuckDB.
 */
class PlanArgsSchemaTest {

    static final List<String> SHOP_QUESTIONS = List.of(
            "total sales by region", "average profit per sub-category", "how many orders per ship mode",
            "top 5 customers by sales", "which state has the lowest profit", "sales by year", "monthly quantity",
            "profit per quarter in 2017", "distribution of sales", "histogram of profit in the West",
            "trend of sales", "weekly trend of orders", "summary of sales and discount", "describe the data",
            "correlation between sales and profit", "correlations", "scatter plot of discount vs profit",
            "pie chart of profit by category", "bar chart of sales by segment", "median discount by state",
            "standard deviation of sales per category", "list the cities", "how many rows have negative profit",
            "average sales where discount is above 0.3", "total profit for consumer vs corporate",
            "number of products by category and region", "top 3 products in technology by profit",
            "count of customers in 2016", "sales of chairs since 2017", "orders shipped before 2016",
            "distribution of sales and monthly trend of profit", "max quantity and min discount by segment",
            "show orders in the South", "biggest profit", "top 10 sales");
    static final List<String> STAFF_QUESTIONS = List.of(
            "average salary by department", "how many employees were hired each year",
            "the 3 highest paid employees", "headcount per office city", "average age in engineering",
            "correlation between age and salary", "salary distribution", "median salary by gender",
            "which dept has the most employees", "employees with a rating above 4",
            "how many employees have no office city", "average rating of seniors in sales",
            "youngest 5 employees", "summary statistics for salary", "trend of average salary by start date");

    @TempDir
    Path dir;

    @Test
    void everyStepIsValidAndEverySqlRuns() throws Exception {
        Map<String, ToolSpec> tools = new LinkedHashMap<>();
        for (ToolSpec s : ToolRegistry.standard().specs()) {
            tools.put(s.name(), s);
        }
        try (Connection db = Fixtures.database(dir)) {
            check(Fixtures.shop(), SHOP_QUESTIONS, tools, db);
            check(Fixtures.staff(), STAFF_QUESTIONS, tools, db);
        }
    }

    private static void check(SchemaInfo schema, List<String> questions, Map<String, ToolSpec> tools, Connection db)
            throws Exception {
        OfflinePlanner planner = new OfflinePlanner();
        StepValidator validator = new StepValidator(tools, schema);
        for (String q : questions) {
            Plan p = planner.planNow(new PlanRequest(q, schema, List.of(), null));
            assertThat(p.steps()).as("steps for '%s' (%s)", q, p.interpretation()).isNotEmpty();
            for (int i = 0; i < p.steps().size(); i++) {
                PlanStep s = p.steps().get(i);
                assertThat(validator.problems(s.tool(), s.args(), i)).as("'%s' step %d %s", q, i, s.args()).isEmpty();
                if (s.tool().equals("sql_executor")) {
                    String sql = s.args().get("sql").asText();
                    SqlGuard.vet(sql, schema.table()); // throws if the tool's guard would refuse it
                    Fixtures.query(db, sql); // throws if DuckDB rejects it
                }
            }
        }
    }
}
