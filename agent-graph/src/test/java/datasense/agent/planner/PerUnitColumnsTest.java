package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A price of one unit beside the amount of each row, on two invented tables: a hardware shop's order lines
 * (unit_cost first, then line_cost) and a gas utility's bills (a rate per kWh named before the kWh used).
 */
class PerUnitColumnsTest {

    private static final SchemaInfo LINES = new SchemaInfo("hardware_order_lines", 300, List.of(
            Fixtures.col("order_no", "VARCHAR", 120, List.of("H-001", "H-002")),
            Fixtures.col("item", "VARCHAR", 6, List.of("Paint", "Hammer", "Screws", "Drill", "Glue", "Tape")),
            Fixtures.num("quantity", "BIGINT", 20, "1", "40"),
            Fixtures.num("unit_cost", "DOUBLE", 6, "0.5", "89.0"),
            Fixtures.num("line_cost", "DOUBLE", 280, "0.5", "900.0")));

    private static final SchemaInfo BILLS = new SchemaInfo("gas_bills", 240, List.of(
            Fixtures.col("meter_id", "VARCHAR", 60, List.of("M-01", "M-02")),
            Fixtures.col("zone", "VARCHAR", 3, List.of("North", "Harbour", "Old Town")),
            Fixtures.num("rate_eur_per_kwh", "DOUBLE", 3, "0.21", "0.34"),
            Fixtures.num("kwh_used", "DOUBLE", 230, "80", "2400"),
            Fixtures.num("energy_charge_eur", "DOUBLE", 235, "20", "700"),
            Fixtures.num("total_eur", "DOUBLE", 235, "35", "760")));

    private static String sql(SchemaInfo schema, String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void anAmountIsEachRowsOwnNotThePriceOfOneUnit() {
        assertThat(sql(LINES, "total cost by item")).contains("SUM(\"line_cost\")").doesNotContain("unit_cost");
        assertThat(sql(LINES, "what did we spend on Paint")).contains("SUM(\"line_cost\")").contains("'Paint'");
        assertThat(sql(LINES, "Which item cost us the most overall?")).contains("SUM(\"line_cost\")");
    }

    @Test
    void aUnitCostAskedForIsStillTheUnitCost() {
        assertThat(sql(LINES, "average unit cost by item")).contains("AVG(\"unit_cost\")");
    }

    @Test
    void aRatePerUnitIsNotWhatTheUnitNames() {
        assertThat(sql(BILLS, "total kwh by zone")).contains("SUM(\"kwh_used\")").doesNotContain("rate_eur_per_kwh");
        assertThat(sql(BILLS, "average rate by zone")).contains("AVG(\"rate_eur_per_kwh\")");
    }

    @Test
    void whatWasBilledIsTheBillsWholeAmountAndConsumptionWhatWasUsed() {
        assertThat(sql(BILLS, "total billed per zone")).contains("SUM(\"total_eur\")").doesNotContain("energy_charge_eur");
        assertThat(sql(BILLS, "consumption by zone")).contains("SUM(\"kwh_used\")");
    }

    @Test
    void theUsedAmountHeadsACompoundAndItsUnitMakesBinsAWidth() {
        assertThat(sql(BILLS, "average gas consumption per bill")).contains("AVG(\"kwh_used\")")
                .doesNotContain("energy_charge_eur");
        assertThat(sql(BILLS, "Top 3 meters by total gas use, highest first")).contains("SUM(\"kwh_used\")")
                .contains("LIMIT 3");
        Plan p = new OfflinePlanner().planNow(new PlanRequest("histogram of consumption using 250 kwh bins", BILLS, List.of(), null));
        assertThat(p.interpretation()).contains("bins 250 wide");
    }

    @Test
    void aTotalAfterTheRowsNounIsEachRowsTotal() {
        assertThat(sql(BILLS, "average bill total and average consumption by zone")).contains("AVG(\"total_eur\")")
                .contains("AVG(\"kwh_used\")").doesNotContain("SUM(");
    }
}
