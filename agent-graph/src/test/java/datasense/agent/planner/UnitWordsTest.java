package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Units said in full for the columns kept in them, on an invented cider press's log: two columns in litres (the
 * juice pressed, and a loss that goes below zero), two in kilograms, and a duration in minutes ("press_min").
 */
class UnitWordsTest {

    private static final SchemaInfo PRESSINGS = new SchemaInfo("cider_pressings", 260, List.of(
            Fixtures.col("press_id", "VARCHAR", 260, List.of("P-001", "P-002")),
            Fixtures.col("orchard", "VARCHAR", 4, List.of("Hill Farm", "Brookside", "Long Acre", "Old Mill")),
            new ColumnProfile("pressed_on", "DATE", 0, 200, "2024-09-01", "2024-11-30", List.of()),
            Fixtures.num("juice_litres", "DOUBLE", 240, "120", "900"),
            Fixtures.num("loss_litres", "DOUBLE", 200, "-60", "5"),
            Fixtures.num("apples_kg", "DOUBLE", 250, "200", "1500"),
            Fixtures.num("pomace_kg", "DOUBLE", 250, "50", "400"),
            Fixtures.num("press_min", "BIGINT", 90, "20", "140")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, PRESSINGS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void aUnitOfSeveralColumnsIsTheAmountNotTheChangeBelowZero() {
        assertThat(sql("how many litres did we press in total")).contains("SUM(\"juice_litres\")")
                .doesNotContain("loss_litres");
        assertThat(sql("litres per orchard")).contains("SUM(\"juice_litres\")").contains("GROUP BY \"orchard\"");
    }

    @Test
    void aUnitOfSeveralColumnsSaidOfOneIsThatOne() {
        assertThat(sql("how many kilos of apples went in")).contains("SUM(\"apples_kg\")").doesNotContain("COUNT");
    }

    @Test
    void aLossInAUnitIsTheColumnInThatUnitBelowZero() {
        assertThat(sql("how many pressings lost more than 20 litres")).contains("COUNT(*)")
                .contains("\"loss_litres\" < -20").doesNotContain("juice_litres");
    }

    @Test
    void howLongIsTheColumnOfDurations() {
        assertThat(sql("how long does a pressing take on average per orchard")).contains("AVG(\"press_min\")")
                .contains("GROUP BY \"orchard\"");
        Plan box = new OfflinePlanner().planNow(new PlanRequest("box plot: how long each orchard's pressings take",
                PRESSINGS, List.of(), null));
        assertThat(box.steps().toString()).as(box.interpretation()).contains("press_min");
    }

    @Test
    void minutesAreTheColumnKeptInMin() {
        assertThat(sql("total minutes per orchard")).contains("SUM(\"press_min\")").contains("GROUP BY \"orchard\"");
    }
}
