package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A results table as sport keeps one, invented: a cycling stage race, one row per rider per stage, with a yes/no
 * DNF column (did not finish) each stage time twice, as text ("4:12:33") and in seconds, and the gap to the winner in seconds.
 */
class ResultsTablesTest {

    private static final SchemaInfo STAGES = new SchemaInfo("stage_results", 600, List.of(
            Fixtures.col("rider", "VARCHAR", 120, List.of("A. Moreau", "J. Berg")),
            Fixtures.col("team", "VARCHAR", 15, List.of("Blue Peak", "Vento", "Nordvik")),
            Fixtures.col("start_pen", "VARCHAR", 3, List.of("Elite", "Pen A", "Pen B")),
            Fixtures.num("stage", "BIGINT", 5, "1", "5"),
            Fixtures.col("dnf", "BOOLEAN", 2, List.of("true", "false")),
            Fixtures.col("stage_time", "VARCHAR", 560, List.of("4:12:33", "4:15:02")),
            Fixtures.num("stage_seconds", "BIGINT", 560, "14400", "17900"),
            Fixtures.num("gap_seconds", "BIGINT", 400, "0", "2400")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, STAGES, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void finishersAreTheRowsNotMarkedDidNotFinish() {
        assertThat(sql("how many finishers per team")).contains("\"dnf\" = FALSE").contains("COUNT(*)");
        assertThat(sql("how many riders failed to finish")).contains("\"dnf\" = TRUE");
    }

    @Test
    void finishersNotCountedLeaveTheirWordUnread() {
        Plan p = new OfflinePlanner().planNow(new PlanRequest("finishers per stage", STAGES, List.of(), null));
        assertThat(p.confidence()).as(p.interpretation()).isLessThan(0.8);
    }

    @Test
    void aValueWithItsColumnsNounIsThatValue() {
        assertThat(sql("how many riders finished from the Elite pen or Pen A"))
                .contains("\"start_pen\" IN ('Elite', 'Pen A')").doesNotContain("ILIKE");
    }

    @Test
    void aUnitNamedPicksTheColumnKeptInIt() {
        assertThat(sql("average stage time in seconds by team")).contains("AVG(\"stage_seconds\")");
        assertThat(sql("median stage time (seconds) per stage")).contains("\"stage_seconds\"");
    }
}
