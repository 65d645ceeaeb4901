package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thing's noun stands for the date its name begins, on an invented webshop's returns (order_date, return_date). */
class DatesOfThingsTest {

    private static final SchemaInfo RETURNS = new SchemaInfo("webshop_returns", 380, List.of(
            Fixtures.col("return_id", "VARCHAR", 380, List.of("R-1", "R-2")),
            Fixtures.col("order_id", "VARCHAR", 250, List.of("O-1", "O-2")),
            Fixtures.col("reason", "VARCHAR", 5, List.of("Too small", "Defective", "Changed mind")),
            new ColumnProfile("order_date", "DATE", 0, 300, "2024-01-02", "2024-11-28", List.of()),
            new ColumnProfile("return_date", "DATE", 0, 300, "2024-01-12", "2024-12-14", List.of()),
            Fixtures.num("refund_amount", "DOUBLE", 300, "5", "400")));

    @Test
    void daysFromOneThingToAnotherAreBetweenTheirDates() {
        Plan p = new OfflinePlanner().planNow(new PlanRequest("Average days from order to return for each reason", RETURNS,
                List.of(), null));
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation())
                .contains("AVG(date_diff('day', \"order_date\", \"return_date\"))").contains("GROUP BY \"reason\"");
        assertThat(p.confidence()).isEqualTo(1.0);
    }
}
