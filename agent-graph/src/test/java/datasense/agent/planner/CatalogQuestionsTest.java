package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seed catalogue, one row per variety, invented for the test. */
class CatalogQuestionsTest {

    private static final SchemaInfo SEEDS = new SchemaInfo("seeds", 80, List.of(
            Fixtures.col("variety_name", "VARCHAR", 80, List.of("Alba", "Bona")),
            Fixtures.col("crop", "VARCHAR", 4, List.of("Tomatoes", "Beans", "Squash", "Onions")),
            Fixtures.num("packet_price", "DOUBLE", 70, "1", "9"),
            new ColumnProfile("release_date", "DATE", 0, 80, "2020-01-01", "2024-12-01", List.of())));

    private static Plan plan(String q) {
        return new OfflinePlanner().plan(new PlanRequest(q, SEEDS, List.of(), null)).toCompletableFuture().join();
    }

    private static String sql(String q) {
        return plan(q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void whichMembersOfACategoryPassAComparisonAreNamedWithTheirNumbers() {
        assertThat(sql("Which tomatoes cost more than the average tomato?"))
                .startsWith("SELECT \"variety_name\", \"packet_price\" FROM")
                .contains("\"crop\" = 'Tomatoes'").doesNotContain("GROUP BY");
    }

    @Test
    void eventsOfADateAreCountedPerPeriodEvenWithAYear() {
        assertThat(sql("releases per quarter in 2023")).contains("COUNT(*)").contains("quarter(\"release_date\")")
                .contains("year(\"release_date\") = 2023");
    }
    @Test
    void howManyTimesCountsTheRowsThatMatch() {
        Plan p = plan("how many times did a packet cost more than 5");
        assertThat(p.steps().get(0).args().get("sql").asText()).startsWith("SELECT COUNT(*)")
                .contains("\"packet_price\" > 5").doesNotContain("SUM(");
        assertThat(p.interpretation()).doesNotContain("not understood");
    }
    @Test
    void groupsAboveATableWideAverageAreAHaving() {
        for (String q : List.of("Which crops have an average seed packet_price above the catalogue-wide average?",
                "crops with an average packet_price above the overall average")) {
            Plan p = plan(q);
            assertThat(p.steps().get(0).args().get("sql").asText()).as(q)
                    .contains("HAVING AVG(\"packet_price\") > (SELECT AVG(\"packet_price\") FROM \"seeds\")");
            assertThat(p.confidence()).as(q).isEqualTo(1.0);
        }
    }
}
