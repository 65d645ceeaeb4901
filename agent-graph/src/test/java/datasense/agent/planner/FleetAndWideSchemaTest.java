package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.SqlGuard;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole plans over a maintenance log and a 50-column export: SQL passes SqlGuard, readings are said. */
class FleetAndWideSchemaTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo WIDE = Fixtures.wide();
    final OfflinePlanner planner = new OfflinePlanner();

    Plan plan(SchemaInfo s, String q) {
        Plan p = planner.planNow(new PlanRequest(q, s, List.of(), null));
        for (PlanStep step : p.steps()) {
            if (step.tool().equals("sql_executor")) {
                try {
                    SqlGuard.vet(step.args().get("sql").asText(), s.table());
                } catch (Exception e) {
                    throw new AssertionError(q + ": " + step.args().get("sql").asText(), e);
                }
            }
        }
        return p;
    }

    @Test
    void fleetQuestions() {
        Plan p = plan(FLEET, "how many work orders per depot in the last 6 months");
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.interpretation()).startsWith("Distinct count of Work Order by Depot, where Service Date between"
                + " '2023-01-01' and '2023-06-28'").contains("measured from the latest date in the data (2023-06-28)");
        Plan share = plan(FLEET, "what percent of parts cost comes from each fault category in 2022");
        assertThat(share.steps().get(0).args().get("sql").asText()).contains("OVER ()")
                .contains("WHERE year(\"Service Date\") = 2022");
        Plan multi = plan(FLEET, "top 3 mechanics by labor hours, also a histogram of parts cost");
        assertThat(multi.steps()).extracting(PlanStep::tool).contains("sql_executor", "distribution_plot");
    }

    @Test
    void wideSchemaLinksColumnsAndValuesAmongFifty() {
        assertThat(WIDE.columns()).hasSize(50);
        Plan p = plan(WIDE, "average handle time by channel for Urgent tickets");
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.steps().get(0).args().get("sql").asText()).isEqualTo("SELECT \"Channel\", AVG(\"Handle Time\")"
                + " AS \"average Handle Time\" FROM \"tickets\" WHERE \"Priority\" = 'Urgent' GROUP BY \"Channel\""
                + " ORDER BY \"average Handle Time\" DESC NULLS LAST");
        Plan q = plan(WIDE, "how many tickets were opened in Q2 2022 per team");
        assertThat(q.steps().get(0).args().get("sql").asText())
                .contains("COUNT(*)")
                .contains("\"Opened At\" >= DATE '2022-04-01' AND \"Opened At\" < DATE '2022-07-01'");
        assertThat(q.interpretation()).contains("'tickets' counted as rows (one per Ticket ID)");
        Plan share = plan(WIDE, "share of revenue by plan tier");
        assertThat(share.steps().get(0).args().get("sql").asText()).contains("SUM(SUM(\"Revenue\")) OVER ()");
    }

    @Test
    void planningIsFastOnTheWideSchema() {
        List<String> questions = List.of("total revenue by country", "top five agents by csat score in 2021",
                "monthly trend of refund amount", "share of units by product line in the last 3 months",
                "correlation between wait time and csat score", "list the queues for Urgent priority");
        for (int i = 0; i < 200; i++) {
            questions.forEach(q -> plan(WIDE, q));
        }
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            questions.forEach(q -> planner.planNow(new PlanRequest(q, WIDE, List.of(), null)));
        }
        double ms = (System.nanoTime() - start) / 1e6 / (100.0 * questions.size());
        assertThat(ms).isLessThan(5.0); // loose on purpose; bench/PlanningBench.java measures it
    }
}
