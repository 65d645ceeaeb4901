package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Things named to show beside their measures, and "combined" before a compound's measure, on an invented concert
 * hall's ticket sales: one row per sale, a hall, a ticket type, a buyer that repeats, seats and revenue.
 */
class ThingsWithTheirMeasuresTest {

    private static final SchemaInfo SALES = new SchemaInfo("ticket_sales", 400, List.of(
            Fixtures.col("sale_id", "VARCHAR", 400, List.of("S-001", "S-002")),
            Fixtures.col("hall", "VARCHAR", 3, List.of("Main Hall", "Studio", "Garden Stage")),
            Fixtures.col("ticket_type", "VARCHAR", 3, List.of("Standard", "Student", "Premium")),
            Fixtures.col("buyer_id", "VARCHAR", 150, List.of("B-01", "B-02")),
            Fixtures.num("seats", "BIGINT", 8, "1", "8"),
            Fixtures.num("revenue", "DOUBLE", 380, "9.5", "640.0")));

    private static Plan plan(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, SALES, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p;
    }

    private static String sql(String q) {
        return plan(q).steps().get(0).args().get("sql").asText();
    }

    private static long queries(Plan p) {
        return p.steps().stream().filter(s -> s.tool().equals("sql_executor")).count();
    }

    @Test
    void thingsToShowFollowedByMeasuresAreOneTableOfThem() {
        Plan p = plan("Show hall, number of buyers and total revenue");
        assertThat(queries(p)).as(p.interpretation()).isEqualTo(1);
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("GROUP BY \"hall\"")
                .contains("COUNT(DISTINCT \"buyer_id\")").contains("SUM(\"revenue\")");
        assertThat(queries(plan("Show hall and total revenue"))).isEqualTo(1);
    }

    @Test
    void aListThenAMeasureOfItsOwnGroupingStayTwoAnswers() {
        Plan p = plan("list the halls and total revenue by ticket type");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).startsWith("SELECT DISTINCT \"hall\"");
        assertThat(queries(p)).isEqualTo(2);
        assertThat(p.steps().get(1).args().get("sql").asText()).contains("GROUP BY \"ticket_type\"");
    }

    @Test
    void combinedBeforeACompoundIsTheTotalOfItsMeasure() {
        assertThat(sql("combined ticket revenue of Main Hall or Studio")).contains("SUM(\"revenue\")")
                .doesNotContain("GROUP BY");
    }

    @Test
    void aBreakdownOfNothingNamedCountsTheRowsAsAGuess() {
        Plan p = plan("give me a breakdown by hall");
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("COUNT(*)").contains("GROUP BY \"hall\"");
        assertThat(p.confidence()).isLessThan(0.8);
    }

    @Test
    void aClosingEachGroupsByTheThingsListedFirst() {
        assertThat(sql("halls in alphabetical order with seats for each")).contains("SUM(\"seats\")")
                .contains("GROUP BY \"hall\"").contains("ORDER BY \"hall\" ASC");
        assertThat(sql("ticket types with the number of buyers in each")).contains("COUNT(DISTINCT \"buyer_id\")")
                .contains("GROUP BY \"ticket_type\"");
    }
}
