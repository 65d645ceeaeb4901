package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.agent.StepFailure;
import datasense.agent.Turn;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Follow-up questions built on the previous ones, and repairs of failed steps. */
class ConversationAndRepairTest {

    static final SchemaInfo SHOP = Fixtures.shop();
    static final SchemaInfo STAFF = Fixtures.staff();
    final OfflinePlanner planner = new OfflinePlanner();

    /** Asks the questions in order as one conversation and returns every plan. */
    List<Plan> converse(SchemaInfo schema, String... questions) {
        List<Turn> history = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (String q : questions) {
            Plan p = planner.planNow(new PlanRequest(q, schema, List.copyOf(history), null));
            plans.add(p);
            history.add(new Turn(q, p));
        }
        return plans;
    }

    static String sql(Plan p) {
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void aWholeConversationOverTheFleetLog() {
        List<Plan> p = converse(Fixtures.fleet(), "total parts cost by fault category", "now only for the Harbor depot",
                "and by year?", "what about labor hours?", "show it as a pie chart", "same for 2022", "top 3 only");
        assertThat(sql(p.get(1))).contains("WHERE \"Depot\" = 'Harbor'").contains("GROUP BY \"Fault Category\"");
        assertThat(sql(p.get(2))).contains("year(\"Service Date\")").contains("WHERE \"Depot\" = 'Harbor'")
                .doesNotContain("\"Fault Category\"");
        assertThat(sql(p.get(3))).contains("SUM(\"Labor Hours\")").doesNotContain("Parts Cost");
        assertThat(p.get(4).steps()).extracting(PlanStep::tool).containsExactly("sql_executor", "chart");
        assertThat(p.get(4).steps().get(1).args().get("kind").asText()).isEqualTo("pie");
        assertThat(sql(p.get(5))).contains("year(\"Service Date\") = 2022").contains("\"Depot\" = 'Harbor'");
        assertThat(sql(p.get(6))).endsWith("LIMIT 3");
        assertThat(p.get(6).interpretation()).doesNotContain("without anything to rank");
        p.forEach(x -> assertThat(x.confidence()).as(x.interpretation()).isGreaterThanOrEqualTo(Plan.LOW_CONFIDENCE));
    }

    @Test
    void followUpsWithDatesAndRelativePeriods() {
        List<Plan> p = converse(Fixtures.fleet(), "average labor hours per vehicle type", "only the last 3 months",
                "and in Q3 2022 instead");
        assertThat(sql(p.get(1))).contains("BETWEEN DATE '2023-04-01' AND DATE '2023-06-28'")
                .contains("GROUP BY \"Vehicle Type\"");
        assertThat(p.get(1).interpretation()).contains("measured from the latest date in the data");
        assertThat(sql(p.get(2))).contains("BETWEEN DATE '2022-07-01' AND DATE '2022-09-30'")
                .doesNotContain("2023-04-01");
    }

    @Test
    void followUpAddsAFilter() {
        List<Plan> plans = converse(SHOP, "total sales by category", "now only for the West");
        assertThat(sql(plans.get(1))).isEqualTo("SELECT \"Category\", SUM(\"Sales\") AS \"total Sales\" FROM"
                + " \"shop_orders\" WHERE \"Region\" = 'West' GROUP BY \"Category\" ORDER BY \"total Sales\" DESC NULLS LAST");
        assertThat(plans.get(1).interpretation()).contains("follow-up on").contains("Region = 'West'");
    }

    @Test
    void followUpReplacesTheFilterOnTheSameColumnAndKeepsOthers() {
        List<Plan> plans = converse(SHOP, "average profit by segment in the East for 2016", "what about the South?");
        assertThat(sql(plans.get(1))).contains("\"Region\" = 'South'").doesNotContain("'East'")
                .contains("year(\"Order Date\") = 2016").contains("AVG(\"Profit\")");
    }

    @Test
    void followUpChangesTheGroupingAndTheMeasure() {
        List<Plan> plans = converse(SHOP, "total sales by region", "and by year?", "what about profit?");
        assertThat(sql(plans.get(1))).contains("CAST(year(\"Order Date\") AS INTEGER) AS \"year\"")
                .contains("SUM(\"Sales\")").doesNotContain("\"Region\"");
        assertThat(plans.get(1).steps().get(1).args().get("kind").asText()).isEqualTo("line");
        assertThat(sql(plans.get(2))).contains("SUM(\"Profit\")").contains("AS \"year\"").doesNotContain("Sales");
    }

    @Test
    void followUpKeepsTheFunctionUnlessANewOneIsNamed() {
        List<Plan> plans = converse(STAFF, "median salary by dept", "what about age?", "and the maximum rating?");
        assertThat(sql(plans.get(1))).contains("MEDIAN(\"age\")").contains("GROUP BY \"dept\"");
        assertThat(sql(plans.get(2))).contains("MAX(\"rating\")").contains("GROUP BY \"dept\"");
    }

    @Test
    void followUpChangesTheChartKind() {
        List<Plan> plans = converse(SHOP, "quantity by segment", "show it as a pie chart");
        Plan p = plans.get(1);
        assertThat(p.steps()).extracting(PlanStep::tool).containsExactly("sql_executor", "chart");
        assertThat(p.steps().get(1).args().get("kind").asText()).isEqualTo("pie");
        assertThat(sql(p)).contains("GROUP BY \"Segment\"");
    }

    @Test
    void followUpOnAToolIntentSwapsTheColumnOrAddsAFilter() {
        List<Plan> plans = converse(SHOP, "distribution of sales", "what about profit", "only for Technology");
        assertThat(plans.get(1).steps().get(0).args().toString()).isEqualTo("{\"column\":\"Profit\"}");
        assertThat(plans.get(2).steps().get(0).args().toString()).isEqualTo("{\"column\":\"Profit\",\"filters\":"
                + "[{\"column\":\"Category\",\"op\":\"eq\",\"value\":\"Technology\"}]}");
        List<Plan> trend = converse(SHOP, "monthly trend of sales", "and quarterly?");
        assertThat(trend.get(1).steps().get(0).args().get("grain").asText()).isEqualTo("quarter");
    }

    @Test
    void aNewCompleteQuestionIsNotAFollowUp() {
        List<Plan> plans = converse(SHOP, "total sales in the West", "histogram of discount");
        assertThat(plans.get(1).steps().get(0).args().toString()).isEqualTo("{\"column\":\"Discount\"}");
        List<Plan> again = converse(SHOP, "total sales in the West", "average profit by state");
        assertThat(sql(again.get(1))).doesNotContain("West");
    }

    @Test
    void aFollowUpWithoutAnythingToBuildOnIsNotUnderstood() {
        List<Plan> plans = converse(SHOP, "blah blah", "and by year?");
        assertThat(plans.get(1).steps()).isEmpty();
        assertThat(plans.get(1).suggestions()).isNotEmpty();
    }

    // ---------------------------------------------------------------- repair

    static ObjectNode args(String json) {
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Plan repair(SchemaInfo schema, String question, PlanStep failed, String code, String message) {
        return planner.planNow(new PlanRequest(question, schema, List.of(),
                new StepFailure(0, failed, code, message)));
    }

    @Test
    void repairRelinksMisspeltColumnsInSql() {
        PlanStep failed = new PlanStep("sql_executor", args("{\"sql\":\"SELECT \\\"regon\\\", SUM(\\\"Sale\\\") AS"
                + " \\\"total\\\" FROM \\\"shop_orders\\\" GROUP BY \\\"regon\\\"\"}"), "Total of Sales by Region");
        Plan p = repair(SHOP, "total sales by region", failed, "unknown_column", "Referenced column \"regon\" not found");
        assertThat(p.steps()).hasSize(1);
        assertThat(p.steps().get(0).args().get("sql").asText()).isEqualTo("SELECT \"Region\", SUM(\"Sales\") AS"
                + " \"total\" FROM \"shop_orders\" GROUP BY \"Region\"");
        assertThat(p.interpretation()).contains("'regon' read as 'Region'").contains("'Sale' read as 'Sales'");
    }

    @Test
    void repairRelinksColumnArguments() {
        PlanStep failed = new PlanStep("trend_plot", args("{\"date_column\":\"order_date\",\"value_column\":\"profits\","
                + "\"filters\":[{\"column\":\"sub category\",\"op\":\"eq\",\"value\":\"Chairs\"}]}"), "trend");
        Plan p = repair(SHOP, "profit trend for chairs", failed, "unknown_column", "no such column");
        assertThat(p.steps().get(0).args().toString()).isEqualTo("{\"date_column\":\"Order Date\","
                + "\"value_column\":\"Profit\",\"filters\":[{\"column\":\"Sub-Category\",\"op\":\"eq\",\"value\":\"Chairs\"}]}");
        assertThat(p.steps().get(0).tool()).isEqualTo("trend_plot");
    }

    @Test
    void repairReplansARejectedStatementWithTheOfflineStep() {
        PlanStep failed = new PlanStep("sql_executor", args("{\"sql\":\"SELECT * FROM read_csv('/etc/passwd')\"}"),
                "Average of Profit by Segment");
        Plan p = repair(SHOP, "average profit by segment", failed, "sql_rejected", "table function not allowed");
        assertThat(p.steps()).hasSize(1);
        assertThat(sql(p)).isEqualTo("SELECT \"Segment\", AVG(\"Profit\") AS \"average Profit\" FROM \"shop_orders\""
                + " GROUP BY \"Segment\" ORDER BY \"average Profit\" DESC NULLS LAST");
        assertThat(p.interpretation()).startsWith("Repaired step 0 (sql_executor) failed: sql_rejected");
    }

    @Test
    void repairRedrawsAFailedChartWithDefaultAxes() {
        PlanStep failed = new PlanStep("chart", args("{\"from_step\":0,\"kind\":\"bar\",\"x\":\"nope\",\"y\":\"nada\"}"),
                "chart");
        Plan p = repair(SHOP, "total sales by region", failed, "unknown_column", "column nope not in table");
        assertThat(p.steps().get(0).args().toString()).isEqualTo("{\"from_step\":0}");
    }

    @Test
    void repairWithoutAFixSaysWhy() {
        PlanStep failed = new PlanStep("distribution_plot", args("{\"column\":\"Zebra Stripes\"}"), "distribution");
        Plan p = repair(SHOP, "distribution of zebra stripes", failed, "unknown_column", "Zebra Stripes");
        assertThat(p.steps()).isEmpty();
        assertThat(p.interpretation()).startsWith("Could not repair step 0 (distribution_plot) failed: unknown_column");
        assertThat(p.suggestions()).isNotEmpty();
        assertThat(JsonNodeFactory.instance).isNotNull();
    }
}
