package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Order-line wordings: which date "orders" are dated by, "used a coupon", a threshold "in total" over an order's
 * lines, and a bar per value on the x axis. On an invented florist's order lines, where an order spans rows and
 * the first date column is the delivery date, not the date the order was placed.
 */
class OrderLinePhrasingsTest {

    static final SchemaInfo FLORIST = new SchemaInfo("florist_order_lines", 600, List.of(
            Fixtures.col("order_ref", "VARCHAR", 250, List.of("FL-1001", "FL-1002")),
            Fixtures.col("customer", "VARCHAR", 180, List.of("Ada Frost", "Ben Hale")),
            new ColumnProfile("delivery_date", "DATE", 0, 200, "2025-01-03", "2025-12-20", List.of()),
            Fixtures.col("bouquet", "VARCHAR", 8, List.of("Spring Mix", "Red Roses", "White Lilies")),
            Fixtures.num("stems", "BIGINT", 12, "3", "36"),
            Fixtures.num("price", "DOUBLE", 40, "12", "140"),
            new ColumnProfile("coupon", "VARCHAR", 410, 3, "FRESH10", "WELCOME", List.of("FRESH10", "MUM5", "WELCOME")),
            new ColumnProfile("ordered_at", "TIMESTAMP", 0, 600, "2024-12-20 08:00:00", "2025-12-18 21:00:00", List.of())));

    @Test
    void pluralOrdersAreDatedByTheDateNamedForOrdering() {
        assertThat(DoubtsTest.sql(FLORIST, "number of orders by day of the week they were placed"))
                .contains("dayname(\"ordered_at\")").doesNotContain("delivery_date");
        assertThat(DoubtsTest.sql(FLORIST, "total price of orders placed in March 2025")).contains("\"ordered_at\" >=");
        // a verb that names a date as written wins over the plural noun
        assertThat(DoubtsTest.sql(FLORIST, "how many orders were delivered in March 2025")).contains("\"delivery_date\"");
    }

    @Test
    void usingACodeMeansTheCodeIsThere() {
        assertThat(DoubtsTest.sql(FLORIST, "how many orders used a coupon"))
                .contains("COUNT(DISTINCT \"order_ref\")").contains("\"coupon\" IS NOT NULL");
    }

    @Test
    void theCodesCustomersUsedAreTheCodesNotTheCustomers() {
        // "customers" between "have" and the verb says who used them; a blank coupon is no coupon
        assertThat(DoubtsTest.sql(FLORIST, "what coupons have customers used?"))
                .startsWith("SELECT DISTINCT \"coupon\" FROM").contains("\"coupon\" IS NOT NULL");
    }

    @Test
    void aThresholdInTotalIsOnEachOrdersLinesAddedUp() {
        String sql = DoubtsTest.sql(FLORIST, "how many orders were for more than 20 stems in total?");
        assertThat(sql).contains("GROUP BY \"order_ref\" HAVING SUM(\"stems\") > 20").startsWith("SELECT COUNT(*)");
        assertThat(DoubtsTest.sql(FLORIST, "how many orders were for more than 20 stems?"))
                .contains("WHERE \"stems\" > 20").doesNotContain("HAVING");
    }

    @Test
    void aValueOfManyRowsOnTheXAxisIsOneBarEach() {
        assertThat(DoubtsTest.sql(FLORIST, "bar chart with the bouquets on the x axis and stems on the y axis"))
                .contains("SUM(\"stems\")").contains("GROUP BY \"bouquet\"").doesNotContain("DISTINCT");
    }
}
