package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chart kind said alone at the end ("as a line") on an invented tram network whose taps have a column called line. */
class ChartKindAloneTest {

    private static final SchemaInfo T = new SchemaInfo("tram_taps", 400, List.of(
            Fixtures.col("tap_id", "VARCHAR", 400, List.of("T-1", "T-2")),
            Fixtures.col("line", "VARCHAR", 5, List.of("Tram 11", "Tram 13", "Bus 31")),
            Fixtures.col("mode", "VARCHAR", 2, List.of("tram", "bus")),
            new ColumnProfile("tap_time", "TIMESTAMP", 0, 390, "2024-04-01 05:10:00", "2024-06-30 23:50:00", List.of()),
            Fixtures.num("fare_chf", "DOUBLE", 40, "-4.4", "8.8")));

    @Test
    void asALineAtTheEndIsTheChartNotTheLineColumn() {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(
                "Plot month on the x-axis and fare revenue on the y-axis as a line", T, List.of(), null));
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).doesNotContain("\"line\"");
        assertThat(p.steps().toString()).contains("\"kind\":\"line\"");
        Plan bars = new OfflinePlanner().planNow(new PlanRequest("fares by line", T, List.of(), null));
        assertThat(bars.steps().get(0).args().get("sql").asText()).contains("GROUP BY \"line\"");
    }
}

