package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Periods named as the things an answer is about, on an invented library's loans: counted out, or on the x axis. */
class PeriodsNamedTest {

    private static final SchemaInfo LOANS = new SchemaInfo("library_loans", 500, List.of(
            Fixtures.col("loan_id", "VARCHAR", 500, List.of("L-001", "L-002")),
            Fixtures.col("branch", "VARCHAR", 3, List.of("Central", "Riverside", "Hilltop")),
            Fixtures.num("renewals", "BIGINT", 6, "0", "5"),
            new ColumnProfile("loaned_on", "DATE", 0, 300, "2024-01-02", "2024-12-28", List.of())));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, LOANS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void periodsCountedOutAreRankedAndCut() {
        assertThat(sql("The 3 months with the most renewals, highest first")).contains("'%Y-%m'")
                .contains("SUM(\"renewals\")").contains("LIMIT 3");
        assertThat(sql("Which 2 quarters had the fewest renewals?")).contains("quarter").contains("LIMIT 2")
                .doesNotContain("loan_id");
        Plan fiscal = new OfflinePlanner().planNow(new PlanRequest("Which 2 fiscal quarters had the fewest renewals?", LOANS,
                List.of(), null));
        assertThat(fiscal.interpretation()).doesNotContain("not understood");
    }

    @Test
    void aPeriodOnTheXAxisGroups() {
        assertThat(sql("plot the number of loans with months along the x axis")).contains("COUNT(*)").contains("'%Y-%m'");
        assertThat(sql("Plot month on the x-axis and renewals on the y-axis as a line")).contains("SUM(\"renewals\")")
                .contains("GROUP BY");
    }
}
