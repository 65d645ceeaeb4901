package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A currency code that ends a column's name is its unit, on an invented Swiss courier's parcels (francs, CHF). */
class CurrencyCodesTest {

    private static final SchemaInfo PARCELS = new SchemaInfo("parcels", 300, List.of(
            Fixtures.col("parcel_id", "VARCHAR", 300, List.of("P-001", "P-002")),
            Fixtures.col("canton", "VARCHAR", 4, List.of("Bern", "Zug", "Uri", "Vaud")),
            Fixtures.num("weight_kg", "DOUBLE", 250, "0.2", "30"),
            Fixtures.num("fee_chf", "DOUBLE", 40, "6", "48"),
            Fixtures.num("total_chf", "DOUBLE", 280, "6", "95")));

    private static Plan plan(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, PARCELS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p;
    }

    @Test
    void totalsNameTheColumnOfTotalsInFrancs() {
        Plan box = plan("box plot of parcel totals by canton");
        assertThat(box.steps().toString()).as(box.interpretation()).contains("total_chf");
    }

    @Test
    void francsAreTheUnitOfTheFee() {
        Plan p = plan("how many parcels had a fee over 20 francs");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).contains("\"fee_chf\" > 20");
        assertThat(p.interpretation()).doesNotContain("not understood");
    }
}
