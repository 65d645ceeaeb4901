package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column named "{thing} amount" is the thing as a quantity: "refunds" and "refunded" name refund_amount, on an
 * invented garden centre's returns; a column named for what describes a thing (patient_age) still is not the thing.
 */
class AmountColumnsTest {

    private static final SchemaInfo RETURNS = new SchemaInfo("plant_returns", 260, List.of(
            Fixtures.col("return_id", "VARCHAR", 260, List.of("R-001", "R-002")),
            Fixtures.col("category", "VARCHAR", 4, List.of("Roses", "Shrubs", "Bulbs", "Tools")),
            Fixtures.col("reason", "VARCHAR", 3, List.of("Wilted", "Wrong size", "Changed mind")),
            Fixtures.num("refund_amount", "DOUBLE", 240, "2.5", "180"),
            Fixtures.num("restocking_fee", "DOUBLE", 5, "0", "12")));

    private static final SchemaInfo VISITS = new SchemaInfo("visits", 200, List.of(
            Fixtures.col("visit_id", "VARCHAR", 200, List.of("V-1", "V-2")),
            Fixtures.col("clinic", "VARCHAR", 3, List.of("North", "South", "East")),
            Fixtures.num("patient_age", "BIGINT", 80, "1", "95")));

    private static final SchemaInfo LINES = new SchemaInfo("seed_invoice_lines", 300, List.of(
            Fixtures.col("invoice_no", "VARCHAR", 90, List.of("INV-1", "INV-2")),
            Fixtures.col("order_id", "VARCHAR", 90, List.of("O-1", "O-2")),
            Fixtures.col("seed", "VARCHAR", 6, List.of("Basil", "Kale", "Leek", "Pea", "Bean", "Chard")),
            Fixtures.num("line_total", "DOUBLE", 280, "1.5", "90"),
            Fixtures.num("order_total", "DOUBLE", 90, "10", "400")));

    private static String sql(SchemaInfo schema, String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void refundsAreTheRefundAmount() {
        assertThat(sql(RETURNS, "total refunds by category")).contains("SUM(\"refund_amount\")").contains("GROUP BY \"category\"");
        assertThat(sql(RETURNS, "How much have we refunded so far?")).contains("SUM(\"refund_amount\")");
    }

    @Test
    void patientsAreStillWhoTheAgeIsAbout() {
        assertThat(sql(VISITS, "how many patients per clinic")).doesNotContain("SUM(\"patient_age\")");
    }

    @Test
    void rowsAndThingsWithAnIdAreCountedNotTheirTotals() {
        assertThat(sql(LINES, "On average how many lines does an invoice have?")).doesNotContain("line_total");
        assertThat(sql(LINES, "how many orders are there")).contains("COUNT(DISTINCT \"order_id\")")
                .doesNotContain("order_total");
    }
}
