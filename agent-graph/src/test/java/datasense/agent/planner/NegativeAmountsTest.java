package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deductions kept as negative numbers, on an invented market stall's card takings: chargebacks are zero or below,
 * so the biggest one is the most negative, and sales "less" chargebacks adds them.
 */
class NegativeAmountsTest {

    private static final SchemaInfo TAKINGS = new SchemaInfo("stall_card_takings", 280, List.of(
            Fixtures.col("payment_ref", "VARCHAR", 280, List.of("P-1", "P-2")),
            Fixtures.col("stall", "VARCHAR", 3, List.of("Cheese", "Bread", "Flowers")),
            Fixtures.num("sales_gbp", "DOUBLE", 270, "2.5", "180"),
            Fixtures.num("chargebacks_gbp", "DOUBLE", 20, "-95", "0"),
            Fixtures.num("change_gbp", "DOUBLE", 60, "-20", "20")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, TAKINGS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void theBiggestOfNegativeAmountsIsTheMostNegative() {
        assertThat(sql("the 3 payments with the biggest chargebacks")).contains("ORDER BY \"chargebacks_gbp\" ASC")
                .contains("LIMIT 3");
        assertThat(sql("the 3 payments with the biggest chargebacks, biggest first")).contains("\"chargebacks_gbp\" ASC")
                .doesNotContain("DESC");
        // an amount that is also above zero keeps its order
        assertThat(sql("the 3 payments with the biggest change")).contains("ORDER BY \"change_gbp\" DESC");
    }

    @Test
    void takingOffNegativeAmountsAddsThem() {
        assertThat(sql("sales less chargebacks by stall")).contains("(\"sales_gbp\" + \"chargebacks_gbp\")");
        assertThat(sql("sales minus change by stall")).contains("(\"sales_gbp\" - \"change_gbp\")");
    }
}
