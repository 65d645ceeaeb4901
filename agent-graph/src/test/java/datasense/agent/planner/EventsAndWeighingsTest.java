package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words for events and amounts on invented tables: a club's invoices (an irregular verb's noun, "payment", names
 * paid_on), a tennis club's court reservations (made on one day, for a later one), a grain elevator's truck
 * intakes (a weighing: gross, tare and net, and a fee per tonne) and a vet's invoice lines split between payers.
 */
class EventsAndWeighingsTest {

    private static final SchemaInfo INVOICES = new SchemaInfo("club_invoices", 900, List.of(
            Fixtures.col("invoice_no", "VARCHAR", 900, List.of("INV-1", "INV-2")),
            Fixtures.col("section", "VARCHAR", 4, List.of("Rowing", "Sailing", "Juniors")),
            new ColumnProfile("issued_on", "DATE", 0, 300, "2024-01-02", "2024-12-20", List.of()),
            new ColumnProfile("paid_on", "DATE", 120, 280, "2024-01-05", "2025-01-30", List.of()),
            Fixtures.num("amount_due", "DOUBLE", 40, "20", "400"),
            Fixtures.num("amount_paid", "DOUBLE", 60, "0", "400")));

    private static final SchemaInfo RESERVATIONS = new SchemaInfo("court_reservations", 700, List.of(
            Fixtures.col("reservation_id", "VARCHAR", 700, List.of("R-1", "R-2")),
            Fixtures.col("court", "VARCHAR", 6, List.of("Court 1", "Court 2", "Clay 1")),
            new ColumnProfile("reserved_at", "TIMESTAMP", 0, 690, "2023-12-01 08:10:00", "2024-06-28 21:00:00", List.of()),
            new ColumnProfile("reserved_for", "DATE", 0, 180, "2024-01-01", "2024-06-30", List.of()),
            Fixtures.num("price_eur", "DOUBLE", 12, "8", "30")));

    private static final SchemaInfo POTTERY = new SchemaInfo("pottery_class_bookings", 900, List.of(
            Fixtures.col("booking_id", "VARCHAR", 900, List.of("PB-1", "PB-2")),
            new ColumnProfile("booked_on", "DATE", 0, 300, "2023-11-20", "2024-06-25", List.of()),
            new ColumnProfile("class_start", "TIMESTAMP", 0, 400, "2024-01-03 18:00:00", "2024-06-30 10:00:00", List.of()),
            Fixtures.col("teacher", "VARCHAR", 4, List.of("Ana", "Rui")),
            Fixtures.num("price_paid", "DOUBLE", 8, "15", "60")));

    private static final SchemaInfo INTAKES = new SchemaInfo("grain_intakes", 500, List.of(
            Fixtures.col("ticket_no", "VARCHAR", 500, List.of("T-1", "T-2")),
            Fixtures.col("crop", "VARCHAR", 4, List.of("Wheat", "Barley", "Oats")),
            new ColumnProfile("weighed_at", "TIMESTAMP", 0, 500, "2024-07-01 06:00:00", "2024-09-30 18:00:00", List.of()),
            Fixtures.num("gross_kg", "DOUBLE", 480, "9000", "40000"),
            Fixtures.num("tare_kg", "DOUBLE", 300, "8000", "15000"),
            Fixtures.num("net_kg", "DOUBLE", 490, "1000", "25000"),
            Fixtures.num("fee_per_tonne", "DOUBLE", 4, "3", "6")));

    private static final SchemaInfo VET_LINES = new SchemaInfo("vet_invoice_lines", 800, List.of(
            Fixtures.col("line_id", "VARCHAR", 800, List.of("L-1", "L-2")),
            Fixtures.col("procedure_name", "VARCHAR", 15, List.of("Vaccination", "Dental", "X-ray")),
            Fixtures.num("fee", "DOUBLE", 90, "15", "900"),
            Fixtures.num("insurer_paid", "DOUBLE", 70, "0", "800"),
            Fixtures.num("owner_paid", "DOUBLE", 80, "0", "900")));

    private static Plan plan(String q, SchemaInfo schema) {
        return new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
    }

    private static String sql(String q, SchemaInfo schema) {
        return plan(q, schema).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aPaymentIsTheEventOfPaidOnAndTotalPaymentsAreItsAmount() {
        assertThat(sql("number of payments per month", INVOICES)).contains("strftime(\"paid_on\", '%Y-%m')")
                .contains("COUNT(*)");
        assertThat(sql("total payments by section", INVOICES)).contains("SUM(\"amount_paid\")").contains("GROUP BY \"section\"");
        assertThat(sql("when was the last payment received", INVOICES)).contains("MAX(\"paid_on\")");
    }

    @Test
    void ofTwoDatesOfOneEventTheLaterIsWhatTheRowIsFor() {
        // reserved in December for a court in January: January's courts are January's business
        assertThat(sql("takings by month", RESERVATIONS)).contains("strftime(\"reserved_for\", '%Y-%m')");
        assertThat(sql("reservations per month", RESERVATIONS)).contains("strftime(\"reserved_for\", '%Y-%m')");
    }

    @Test
    void aBookingIsDatedByWhatWasBookedAndBookedInNamesWhenItWasMade() {
        assertThat(sql("bookings per month", POTTERY)).contains("strftime(\"class_start\", '%Y-%m')");
        assertThat(sql("revenue by month", POTTERY)).contains("strftime(\"class_start\", '%Y-%m')");
        assertThat(sql("how many seats were booked in March 2024", POTTERY)).contains("\"booked_on\" BETWEEN");
        // booked_for is the day booked: a later follow-up date beside it dates something else
        SchemaInfo vet = new SchemaInfo("vet_visits", 500, List.of(
                new ColumnProfile("booked_for", "TIMESTAMP", 0, 480, "2024-01-02 09:00:00", "2024-11-30 17:00:00", List.of()),
                new ColumnProfile("follow_up_on", "DATE", 300, 150, "2024-01-20", "2025-01-15", List.of()),
                Fixtures.num("fee_eur", "DOUBLE", 30, "20", "400")));
        assertThat(sql("total fees by month", vet)).contains("strftime(\"booked_for\", '%Y-%m')");
    }

    @Test
    void theWeightOfAWeighingIsTheNetAndANamedPartIsThatPartAlone() {
        assertThat(sql("total weight by crop", INTAKES)).contains("SUM(\"net_kg\")").doesNotContain("gross_kg");
        assertThat(sql("total gross weight by crop", INTAKES)).contains("SUM(\"gross_kg\")").doesNotContain("net_kg");
    }

    @Test
    void tonnesAreNotTheFeePerTonne() {
        Plan p = plan("tonnes received per month", INTAKES);
        // the weight received, net_kg, in tonnes (Units)
        assertThat(p.steps().toString()).doesNotContain("fee_per_tonne").contains("SUM((\\\"net_kg\\\" / 1000.0))");
        assertThat(plan("total tonnage by crop", INTAKES).steps().toString()).doesNotContain("fee_per_tonne");
    }

    @Test
    void aDiscountInACurrencyIsMoneyThatAddsUpAndADiscountRateIsAveraged() {
        SchemaInfo lessons = new SchemaInfo("music_lessons", 400, List.of(
                Fixtures.col("teacher", "VARCHAR", 5, List.of("Ines", "Paul")),
                Fixtures.num("family_discount_eur", "DOUBLE", 4, "-20", "0"),
                Fixtures.num("discount_rate", "DOUBLE", 4, "0", "0.2")));
        assertThat(sql("family discounts by teacher", lessons)).contains("SUM(\"family_discount_eur\")");
        assertThat(sql("discount rate by teacher", lessons)).contains("AVG(\"discount_rate\")");
    }

    @Test
    void aTimeComparedIsOnTheTimeColumnTheClauseNames() {
        SchemaInfo sessions = new SchemaInfo("coaching_sessions", 300, List.of(
                new ColumnProfile("booked_on", "DATE", 0, 200, "2024-01-01", "2024-06-01", List.of()),
                new ColumnProfile("held_on", "DATE", 0, 180, "2024-01-05", "2024-06-20", List.of()),
                Fixtures.num("planned_min", "INTEGER", 6, "30", "120"),
                Fixtures.num("coached_min", "INTEGER", 40, "0", "120"),
                Fixtures.num("charge_eur", "DOUBLE", 30, "20", "150")));
        assertThat(sql("total charge for sessions planned for longer than an hour and a half", sessions))
                .contains("\"planned_min\" > 90");
        // two dates without a time of day cannot measure an hour: no condition is made up from them
        assertThat(plan("sessions that lasted more than an hour", sessions).steps().toString()).doesNotContain("date_diff");
    }

    @Test
    void revenueIsTheFeeNotOnePayersPart() {
        assertThat(sql("revenue by procedure", VET_LINES)).contains("SUM(\"fee\")").doesNotContain("_paid");
    }
}
