package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the rows are and when they happened, on invented tables: a climbing gym's class bookings (a class's launch
 * date shared by many bookings, each booking stamped with its time), a lease's payment schedule (payment_no numbers
 * the payments of each lease), a webshop's order lines (an order number, and a timestamp of the last edit) and a
 * helpdesk's calls (a rota's kind beside its id).
 */
class RowDatesAndPositionsTest {

    private static final SchemaInfo BOOKINGS = new SchemaInfo("climbing_bookings", 400, List.of(
            Fixtures.col("booking_id", "VARCHAR", 400, List.of("B-1", "B-2")),
            Fixtures.col("class_name", "VARCHAR", 8, List.of("Bouldering 101", "Lead Basics", "Kids Club")),
            new ColumnProfile("class_launch_date", "DATE", 0, 8, "2023-01-09", "2024-02-05", List.of()),
            new ColumnProfile("booked_at", "TIMESTAMP", 0, 396, "2024-01-02 07:10:00", "2024-06-29 20:40:00", List.of()),
            Fixtures.num("climbers", "BIGINT", 6, "1", "6")));

    private static final SchemaInfo LEASES = new SchemaInfo("lease_payments", 360, List.of(
            Fixtures.col("lease_id", "VARCHAR", 30, List.of("L-01", "L-02")),
            Fixtures.col("lessee", "VARCHAR", 25, List.of("Acme", "Birch Ltd")),
            Fixtures.num("payment_no", "BIGINT", 12, "1", "12"),
            new ColumnProfile("due_on", "DATE", 0, 300, "2023-01-01", "2024-12-01", List.of()),
            Fixtures.num("amount", "DOUBLE", 200, "150", "2400")));

    private static final SchemaInfo ORDERS = new SchemaInfo("webshop_order_lines", 500, List.of(
            Fixtures.num("order_no", "BIGINT", 250, "50001", "50250"),
            new ColumnProfile("order_date", "DATE", 0, 150, "2024-01-01", "2024-06-30", List.of()),
            new ColumnProfile("updated_at", "TIMESTAMP", 0, 700, "2024-01-01 08:00:00", "2024-07-02 09:00:00", List.of()),
            Fixtures.num("total", "DOUBLE", 480, "5", "700")));

    private static final SchemaInfo CALLS = new SchemaInfo("helpdesk_calls", 480, List.of(
            Fixtures.col("call_id", "VARCHAR", 480, List.of("C-1", "C-2")),
            Fixtures.col("rota", "VARCHAR", 3, List.of("Morning", "Evening", "Night")),
            Fixtures.col("rota_id", "VARCHAR", 90, List.of("R-001", "R-002")),
            Fixtures.col("agent", "VARCHAR", 12, List.of("Ines", "Tom", "Wei")),
            Fixtures.num("minutes", "DOUBLE", 300, "1", "58")));

    private static String sql(SchemaInfo schema, String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void aPeriodIsOfEachRowsOwnTimeNotADateTheRowsShare() {
        assertThat(sql(BOOKINGS, "climbers by month")).contains("strftime(\"booked_at\"").doesNotContain("class_launch_date");
        assertThat(sql(BOOKINGS, "how many bookings in March")).contains("\"booked_at\" >=");
        // a date named is still that date
        assertThat(sql(BOOKINGS, "bookings by class launch date year")).contains("class_launch_date");
    }

    @Test
    void aTimestampOfRecordKeepingIsNotWhenTheRowHappened() {
        assertThat(sql(ORDERS, "total by month")).contains("strftime(\"order_date\"").doesNotContain("updated_at");
    }

    @Test
    void thingsCountedBesideTheirKindsAreTheirIds() {
        assertThat(sql(CALLS, "how many rotas did each agent work")).contains("COUNT(DISTINCT \"rota_id\")");
        assertThat(sql(CALLS, "minutes by rota")).contains("GROUP BY \"rota\"");
    }

    @Test
    void thingsAPositionNumbersAreRows() {
        assertThat(sql(LEASES, "how many payments per lessee")).contains("COUNT(*)").doesNotContain("DISTINCT");
        // an order number that names each order is still counted as different numbers
        assertThat(sql(ORDERS, "how many orders in May")).contains("COUNT(DISTINCT \"order_no\")");
    }
}
