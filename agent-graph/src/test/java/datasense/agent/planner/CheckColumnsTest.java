package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A yes/no column that records a check, on an invented log of pipe welds: its yes is a pass, its no a fail. */
class CheckColumnsTest {

    private static final SchemaInfo WELDS = new SchemaInfo("pipe_welds", 350, List.of(
            Fixtures.col("weld_id", "VARCHAR", 350, List.of("W-1", "W-2")),
            Fixtures.col("welder", "VARCHAR", 9, List.of("Okafor", "Lind", "Sato")),
            Fixtures.col("pressure_test", "BOOLEAN", 2, List.of("true", "false")),
            Fixtures.num("length_mm", "DOUBLE", 300, "40", "900")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, WELDS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void failingACheckIsItsNoAndPassingItsYes() {
        assertThat(sql("how many welds failed the pressure test")).contains("\"pressure_test\" = FALSE");
        assertThat(sql("welds per welder that failed the pressure test")).contains("\"pressure_test\" = FALSE");
        assertThat(sql("total length of welds that passed the pressure test")).contains("\"pressure_test\" = TRUE");
    }
}
