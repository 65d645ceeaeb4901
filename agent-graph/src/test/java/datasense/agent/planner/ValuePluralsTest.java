package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value said in a plural in "-es" ("buses", "tomatoes"), on an invented market's stall sales. */
class ValuePluralsTest {

    private static final SchemaInfo STALLS = new SchemaInfo("stall_sales", 300, List.of(
            Fixtures.col("sale_id", "VARCHAR", 300, List.of("S-1", "S-2")),
            Fixtures.col("produce", "VARCHAR", 3, List.of("Tomato", "Potato", "Leek")),
            Fixtures.col("delivered_by", "VARCHAR", 2, List.of("bus", "van")),
            Fixtures.num("takings", "DOUBLE", 280, "1", "90")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, STALLS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void aPluralInEsNamesItsValue() {
        assertThat(sql("takings of tomatoes vs potatoes")).contains("GROUP BY \"produce\"").contains("'Tomato'")
                .contains("'Potato'");
        assertThat(sql("how many sales came by buses")).contains("\"delivered_by\" = 'bus'");
    }
}
