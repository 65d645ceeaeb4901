package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line-level table (several lines per shipment, numbered by line_no), invented for the test. */
class LineTablesTest {

    private static final SchemaInfo PARCELS = new SchemaInfo("parcel_lines", 300, List.of(
            Fixtures.col("shipment_id", "VARCHAR", 90, List.of("S-1", "S-2", "S-3")),
            Fixtures.num("line_no", "BIGINT", 5, "1", "5"),
            Fixtures.col("description", "VARCHAR", 12, List.of("Box small", "Box large", "Tube", "Cone",
                    "Envelope", "Pallet", "Sack", "Drum", "Roll", "Bag", "Case", "Tin")),
            Fixtures.num("weight_kg", "DOUBLE", 280, "0.1", "400")));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().plan(new PlanRequest(q, PARCELS, List.of(), null)).toCompletableFuture().join();
        assertThat(p.steps()).as(p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void shipmentLinesAreTheRowsEvenBesideALineNumberColumn() {
        assertThat(sql("How many shipment lines are there?")).contains("COUNT(*)").doesNotContain("line_no");
        assertThat(sql("average weight per shipment line")).contains("AVG(\"weight_kg\")")
                .doesNotContain("GROUP BY");
    }

    @Test
    void listingTheColumnAConditionSelectsListsItsValues() {
        assertThat(sql("List the descriptions that begin with 'Tube'"))
                .startsWith("SELECT DISTINCT \"description\"").contains("ILIKE 'Tube%'");
        // a quoted value is cited, not a word of the question: 'Box' is no box plot
        assertThat(sql("List the descriptions that begin with 'Box'")).contains("ILIKE 'Box%'");
    }
    @Test
    void orderingACategoryByANumberRanksItsTotals() {
        assertThat(sql("Order the descriptions by weight_kg, descending"))
                .contains("SUM(\"weight_kg\")").contains("GROUP BY \"description\"").contains("DESC");
    }
    @Test
    void theTradeVerbChoosesBetweenTwoQuantityColumns() {
        // a garden centre's sale lines: the units sold, and how many of them came back
        SchemaInfo lines = new SchemaInfo("garden_sale_lines", 400, List.of(
                Fixtures.col("receipt_no", "VARCHAR", 150, List.of("R-1", "R-2")),
                Fixtures.col("buyer", "VARCHAR", 40, List.of("Ada", "Bo")),
                Fixtures.num("units", "BIGINT", 12, "1", "12"),
                Fixtures.num("unit_price", "DOUBLE", 30, "1", "20"),
                Fixtures.num("units_returned", "BIGINT", 3, "1", "3")));
        for (String q : List.of("how many bags were returned", "How many items were returned to us in total?",
                "how many units were returned by Ada")) {
            Plan p = new OfflinePlanner().plan(new PlanRequest(q, lines, List.of(), null)).toCompletableFuture().join();
            assertThat(p.steps().get(0).args().get("sql").asText()).as(q + "\n" + p.interpretation())
                    .contains("SUM(\"units_returned\")").doesNotContain("GROUP BY");
        }
        Plan sold = new OfflinePlanner().plan(new PlanRequest("how many bags were sold", lines, List.of(), null))
                .toCompletableFuture().join();
        // no column says 'sold': the plain quantity is the one the sale is about
        assertThat(sold.steps().get(0).args().get("sql").asText()).as(sold.interpretation()).contains("SUM(\"units\")")
                .doesNotContain("units_returned");
    }

    @Test
    void goodsCountedWithATradeVerbAreTheQuantityColumnAddedUp() {
        SchemaInfo nursery = new SchemaInfo("nursery_sales", 500, List.of(
                Fixtures.col("buyer", "VARCHAR", 40, List.of("Ada", "Bo")),
                Fixtures.num("pots", "BIGINT", 9, "1", "9"),
                Fixtures.num("unit_price", "DOUBLE", 30, "1", "20"),
                Fixtures.num("qty", "BIGINT", 9, "1", "12")));
        Plan p = new OfflinePlanner().plan(new PlanRequest("how many seedlings did each buyer buy", nursery,
                List.of(), null)).toCompletableFuture().join();
        // two whole-number columns, one named as a quantity: that one
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("SUM(\"qty\")").contains("GROUP BY \"buyer\"");
        assertThat(p.interpretation()).contains("'seedlings' buy counted by adding up qty");
        // without a trade verb, nothing says the seedlings are the goods the quantity counts
        Plan listed = new OfflinePlanner().plan(new PlanRequest("how many seedlings are listed", nursery,
                List.of(), null)).toCompletableFuture().join();
        assertThat(listed.steps()).noneMatch(st -> st.args().path("sql").asText().contains("SUM"));
    }
    @Test
    void anAveragePerTransactionIsOverEachOnesTotalButARateStaysAnAverage() {
        assertThat(sql("average weight per shipment")).isEqualTo("SELECT AVG(\"period total\") AS \"average total"
                + " weight_kg per shipment_id\" FROM (SELECT \"shipment_id\" AS \"period\", SUM(\"weight_kg\") AS"
                + " \"period total\" FROM \"parcel_lines\" GROUP BY \"shipment_id\")");
        SchemaInfo withRate = new SchemaInfo("parcel_lines", 300, List.of(PARCELS.columns().get(0),
                Fixtures.num("discount_pct", "DOUBLE", 5, "0", "20")));
        Plan rate = new OfflinePlanner().plan(new PlanRequest("average discount per shipment", withRate, List.of(), null))
                .toCompletableFuture().join();
        assertThat(rate.steps().get(0).args().get("sql").asText()).doesNotContain("period total");
    }
    @Test
    void theAmountIsTheMoneyColumnButTheAmountOfSomethingIsNot() {
        SchemaInfo invoices = new SchemaInfo("invoice_lines", 90, List.of(
                Fixtures.col("invoice_id", "VARCHAR", 30, List.of("I-1", "I-2")),
                Fixtures.col("item", "VARCHAR", 12, List.of("Bolt", "Nut")),
                Fixtures.num("line_total", "DOUBLE", 80, "1", "500")));
        Plan avg = new OfflinePlanner().plan(new PlanRequest("average amount per invoice", invoices, List.of(), null))
                .toCompletableFuture().join();
        assertThat(avg.steps().get(0).args().get("sql").asText()).contains("SUM(\"line_total\")")
                .contains("GROUP BY \"invoice_id\"");
        assertThat(avg.interpretation()).contains("'amount' read as line_total");
        Plan of = new OfflinePlanner().plan(new PlanRequest("the amount of invoices by item", invoices, List.of(), null))
                .toCompletableFuture().join();
        assertThat(of.interpretation()).doesNotContain("'amount' read as");
    }
}
