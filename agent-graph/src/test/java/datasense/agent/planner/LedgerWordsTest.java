package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words of a goods ledger: goods counted in their packaging ("how many crates"), an event named by its verb where
 * a column holds its noun ("shipped" for Shipment, "received" for Receipt), an acronym's plural ("SKUs"), "boxes"
 * that are goods, not a box plot, and a signed quantity whose total nets outflows. On an invented orchard
 * cooperative's crate ledger: one row per movement.
 */
class LedgerWordsTest {

    static final SchemaInfo LEDGER = new SchemaInfo("crate_ledger", 800, List.of(
            Fixtures.col("entry_id", "VARCHAR", 800, List.of("E-0001", "E-0002")),
            Fixtures.col("sku", "VARCHAR", 9, List.of("APL-GALA", "PEAR-CONF")),
            Fixtures.col("depot", "VARCHAR", 3, List.of("Hollow", "Ridge", "Brook")),
            Fixtures.col("kind", "VARCHAR", 3, List.of("Delivery", "Shipment", "Receipt")),
            Fixtures.num("quantity", "INTEGER", 200, "1", "300"),
            Fixtures.num("net_change", "INTEGER", 300, "-300", "300"),
            new ColumnProfile("moved_on", "DATE", 0, 200, "2025-03-01", "2025-10-30", List.of())));

    static final SchemaInfo SIGNED = new SchemaInfo("crate_moves", 500, List.of(
            Fixtures.col("depot", "VARCHAR", 3, List.of("Hollow", "Ridge", "Brook")),
            Fixtures.col("kind", "VARCHAR", 2, List.of("Shipment", "Receipt")),
            Fixtures.num("quantity", "INTEGER", 200, "-300", "300")));

    private static String sql(SchemaInfo s, String q) {
        return DoubtsTest.sql(s, q);
    }

    @Test
    void goodsCountedInTheirPackagingAreTheQuantity() {
        assertThat(sql(LEDGER, "how many crates did each depot handle")).contains("SUM(\"quantity\")", "GROUP BY \"depot\"");
        Plan boxes = DoubtsTest.plan(LEDGER, "how many boxes by depot");
        assertThat(boxes.steps().get(0).tool()).isEqualTo("sql_executor");
        assertThat(boxes.steps().get(0).args().get("sql").asText()).contains("SUM(\"quantity\")");
    }

    @Test
    void aBoxPlotIsStillABoxPlot() {
        assertThat(DoubtsTest.plan(LEDGER, "box plot of quantity by depot").interpretation()).startsWith("Box plot");
        assertThat(DoubtsTest.plan(LEDGER, "boxplots of quantity per depot").interpretation()).startsWith("Box plot");
    }

    @Test
    void aVerbNamesTheEventAColumnHoldsAsANoun() {
        assertThat(sql(LEDGER, "total quantity shipped by depot")).contains("\"kind\" = 'Shipment'");
        assertThat(sql(LEDGER, "how many crates were received in total")).contains("\"kind\" = 'Receipt'");
        assertThat(sql(LEDGER, "how many crates did we ship")).contains("\"kind\" = 'Shipment'");
    }

    @Test
    void anAcronymsPluralNamesItsColumn() {
        assertThat(sql(LEDGER, "which SKUs had more than 40 entries")).contains("GROUP BY \"sku\"", "HAVING COUNT(*) > 40");
    }

    @Test
    void aSignedQuantityTotalIsAGuess() {
        Plan p = DoubtsTest.plan(SIGNED, "how many crates did each depot ship");
        assertThat(p.interpretation()).contains("negative values");
        assertThat(p.confidence()).isLessThan(0.8);
        assertThat(DoubtsTest.plan(LEDGER, "how many crates did each depot ship").confidence()).isGreaterThanOrEqualTo(0.8);
    }
}
