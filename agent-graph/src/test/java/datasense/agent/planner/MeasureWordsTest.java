package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measure behind the words, on an invented bakery's order lines (several lines per order, a quantity, a
 * unit price and a line value): goods named by a value and sold are units, different items ordered may be
 * units, the money words name the value column, and "average number of X per Y" is one average of counts.
 */
class MeasureWordsTest {

    static final SchemaInfo BAKERY = new SchemaInfo("bakery_order_lines", 1200, List.of(
            Fixtures.col("order_no", "VARCHAR", 400, List.of("B-1001", "B-1002")),
            Fixtures.col("customer", "VARCHAR", 90, List.of("Cafe Lune", "Mrs Patel")),
            Fixtures.col("item", "VARCHAR", 25, List.of("Sourdough", "Croissant", "Rye loaf")),
            Fixtures.col("shop", "VARCHAR", 3, List.of("Old Town", "Quay", "Market")),
            new ColumnProfile("ordered_at", "TIMESTAMP", 0, 400, "2024-01-02 07:00:00", "2024-12-30 18:00:00",
                    List.of()),
            Fixtures.num("qty", "BIGINT", 12, "1", "40"),
            Fixtures.num("unit_price", "DOUBLE", 25, "0.9", "6.5"),
            Fixtures.num("line_value", "DOUBLE", 600, "0.9", "260")));

    static Plan plan(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, BAKERY, List.of(), null));
    }

    @Test
    void goodsNamedByAValueAndSoldAreUnits() {
        Intent it = Fixtures.intent(BAKERY, "how many croissants were sold");
        assertThat(it.measures()).containsExactly(new Measure(Agg.SUM, BAKERY.columns().get(5)));
        assertThat(it.filters()).extracting(Filter::sql).containsExactly("\"item\" = 'Croissant'");
        assertThat(it.unexplained()).isEmpty();
    }

    @Test
    void differentItemsOrderedMayBeUnits() {
        Plan p = plan("how many items were ordered at the Quay shop");
        assertThat(p.isBestGuess()).isTrue();
        assertThat(p.interpretation()).contains("it may mean the units, qty added up");
        assertThat(plan("how many different items are there").isBestGuess()).isFalse();
    }

    @Test
    void moneyWordsNameTheValueColumnBeforeAUnitPrice() {
        for (String q : List.of("revenue per customer per month", "sales by day of week", "top 3 customers by spend",
                "which item brings in the most money")) {
            assertThat(Fixtures.intents(BAKERY, q).get(0).measures()).as(q)
                    .allMatch(m -> m.column() != null && m.column().name().equals("line_value"));
        }
    }

    @Test
    void anAverageNumberPerSomethingIsOneAverageOfCounts() {
        Intent it = Fixtures.intent(BAKERY, "average number of items per order");
        assertThat(it.groups()).isEmpty();
        assertThat(it.measures()).hasSize(1);
        assertThat(it.measures().get(0).derived()).isEqualTo(Measure.Derived.PERIOD_AVERAGE);
        assertThat(it.measures().get(0).other().name()).isEqualTo("order_no");
        // a count per group stays one: "number of items per order" lists each order's count
        assertThat(Fixtures.intent(BAKERY, "number of items per order").groups()).hasSize(1);
    }

    @Test
    void theNounANameEndsWithNamesItBeforeANameItBegins() {
        SchemaInfo health = new SchemaInfo("health_staff", 11, List.of(
                Fixtures.col("Region", "VARCHAR", 11, List.of("Afar", "Amhara", "Tigray")),
                Fixtures.col("Nurse : Population Ratio", "VARCHAR", 11, List.of("1:5,222", "1:4,017")),
                Fixtures.num("All Nurses", "BIGINT", 11, "90", "5200")));
        Intent nurses = Fixtures.intent(health, "what number of nurses are in Afar?");
        assertThat(nurses.measures()).extracting(m -> m.column().name()).containsExactly("All Nurses");
        SchemaInfo prices = new SchemaInfo("catalogue", 50, List.of(
                Fixtures.col("Price Tier", "VARCHAR", 3, List.of("Low", "Mid", "High")),
                Fixtures.num("Unit Price", "DOUBLE", 50, "1", "90")));
        assertThat(Fixtures.intent(prices, "average price").measures()).extracting(m -> m.column().name())
                .containsExactly("Unit Price");
    }

    @Test
    void verbsOfEarningAndSpendingNameTheMoney() {
        Intent earns = Fixtures.intent(Fixtures.staff(), "who earns the most in sales?");
        assertThat(earns.columns()).extracting(c -> c.name()).containsExactly("full_name", "annual_salary");
        assertThat(earns.limit()).isEqualTo(1);
        Intent spends = Fixtures.intent(Fixtures.fleet(), "which depot spends the most on parts?");
        assertThat(spends.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Parts Cost");
    }
}
