package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How long things lasted, on tables with a start and an end; schemas invented for the test. */
class DurationsTest {

    /** Boat rentals: taken out and brought back (times of day), listed end first to check the order is read. */
    private static final SchemaInfo RENTALS = new SchemaInfo("rentals", 500, List.of(
            Fixtures.col("boat", "VARCHAR", 12, List.of("Kayak", "Canoe")),
            new ColumnProfile("returned_at", "TIMESTAMP", 0, 500, "2024-05-01 10:40:00", "2024-09-30 19:00:00", List.of()),
            new ColumnProfile("rented_at", "TIMESTAMP", 0, 500, "2024-05-01 09:00:00", "2024-09-30 17:00:00", List.of())));

    /** Library loans: borrowed and returned on dates. */
    private static final SchemaInfo LOANS = new SchemaInfo("loans", 800, List.of(
            Fixtures.col("branch", "VARCHAR", 5, List.of("Central", "Riverside")),
            new ColumnProfile("borrowed_on", "DATE", 0, 300, "2024-01-02", "2024-12-20", List.of()),
            new ColumnProfile("completed_on", "DATE", 0, 300, "2024-01-09", "2025-01-20", List.of())));

    private static Plan plan(SchemaInfo s, String q) {
        return new OfflinePlanner().plan(new PlanRequest(q, s, List.of(), null)).toCompletableFuture().join();
    }

    private static String sql(SchemaInfo s, String q) {
        return plan(s, q).steps().get(0).args().get("sql").asText();
    }

    /** A pottery's pieces: shaped on one date, fired on a later one. */
    private static final SchemaInfo POTTERY = new SchemaInfo("pottery_pieces", 400, List.of(
            Fixtures.col("piece_no", "VARCHAR", 400, List.of("PP-1", "PP-2")),
            Fixtures.col("kiln", "VARCHAR", 3, List.of("Big Kiln", "Small Kiln")),
            new ColumnProfile("shape_date", "DATE", 0, 300, "2024-01-02", "2024-12-10", List.of()),
            new ColumnProfile("fire_date", "DATE", 0, 300, "2024-01-09", "2024-12-20", List.of())));

    /** Ferry bookings: booked on one date, for a sailing on a later one. */
    private static final SchemaInfo FERRY = new SchemaInfo("ferry_bookings", 600, List.of(
            Fixtures.col("booking_ref", "VARCHAR", 600, List.of("F-1", "F-2")),
            Fixtures.col("route", "VARCHAR", 4, List.of("North Sound", "East Channel")),
            new ColumnProfile("booked_on", "DATE", 0, 300, "2023-12-01", "2024-12-20", List.of()),
            new ColumnProfile("sailing_date", "DATE", 0, 300, "2024-01-02", "2024-12-31", List.of()),
            Fixtures.num("fare", "DOUBLE", 90, "12", "140")));

    @Test
    void theEventsOfTwoDatesNamedByTheirGerunds() {
        for (String q : List.of("On average, how many days does a piece spend between shaping and firing?",
                "average days from shaping to firing")) {
            Plan p = plan(POTTERY, q);
            assertThat(p.steps().get(0).args().get("sql").asText()).as(q + "\n" + p.interpretation())
                    .contains("AVG(").contains("\"fire_date\"").contains("\"shape_date\"");
        }
    }

    @Test
    void daysAheadAreTheLeadTimeFromTheEarlierDateToTheLater() {
        Plan p = plan(FERRY, "On average how many days ahead of the sailing do passengers book?");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation())
                .contains("AVG(").contains("\"sailing_date\"").contains("\"booked_on\"");
        // a booking date has no time of day: days to a sailing's time are whole days between their dates
        Plan toTime = plan(new SchemaInfo("ferry_bookings", 600, List.of(FERRY.columns().get(1), FERRY.columns().get(2),
                new ColumnProfile("sails_at", "TIMESTAMP", 0, 300, "2024-01-02 07:30:00", "2024-12-31 18:00:00", List.of()))),
                "average days booked ahead");
        assertThat(toTime.steps().get(0).args().get("sql").asText()).as(toTime.interpretation())
                .contains("date_diff('day', \"booked_on\", \"sails_at\")");
        Plan box = plan(FERRY, "box plot of days booked in advance, by route");
        assertThat(box.interpretation()).contains("days from booked_on to sailing_date");
    }

    @Test
    void aDurationRunsFromTheEarlierDateToTheLaterInTheNamedUnit() {
        // between times of day, the time that passed with its fraction (not the hour boundaries crossed)
        assertThat(sql(RENTALS, "average rental duration in hours"))
                .contains("AVG((epoch(\"returned_at\") - epoch(\"rented_at\")) / 3600.0)");
        // times of day default to minutes
        assertThat(sql(RENTALS, "average duration by boat"))
                .contains("AVG((epoch(\"returned_at\") - epoch(\"rented_at\")) / 60.0)").contains("GROUP BY \"boat\"");
        assertThat(sql(LOANS, "longest stay in days")).contains("MAX(date_diff('day', \"borrowed_on\", \"completed_on\"))");
        Plan howLong = plan(LOANS, "how long was the average stay by branch");
        assertThat(howLong.steps().get(0).args().get("sql").asText()).containsOnlyOnce("date_diff");
        assertThat(howLong.confidence()).isEqualTo(1.0);
    }

    @Test
    void theEventsNounOfADateColumnNamesIt() {
        assertThat(sql(LOANS, "average number of days between borrowing and completion"))
                .contains("AVG(date_diff('day', \"borrowed_on\", \"completed_on\"))");
    }

    @Test
    void aDurationNeedsExactlyTwoDates() {
        SchemaInfo one = new SchemaInfo("t", 10, List.of(Fixtures.col("x", "VARCHAR", 3, List.of("a")),
                new ColumnProfile("d", "DATE", 0, 10, "2024-01-01", "2024-02-01", List.of())));
        assertThat(plan(one, "average duration").steps()).isEmpty();
    }

    @Test
    void theTimeToAnEndingRunsFromTheFirstDateToTheOneItsVerbNames() {
        SchemaInfo tickets = new SchemaInfo("tickets", 900, List.of(
                Fixtures.col("team", "VARCHAR", 4, List.of("Billing", "Technical")),
                new ColumnProfile("opened_at", "TIMESTAMP", 0, 900, "2024-01-01 08:00:00", "2024-12-30 17:00:00", List.of()),
                new ColumnProfile("closed_at", "TIMESTAMP", 40, 860, "2024-01-01 09:00:00", "2025-01-04 17:00:00", List.of())));
        assertThat(sql(tickets, "average number of days to close a ticket, by team"))
                .contains("AVG((epoch(\"closed_at\") - epoch(\"opened_at\")) / 86400.0)").contains("GROUP BY \"team\"")
                .doesNotContain("COUNT");
        assertThat(sql(tickets, "median hours to close by team"))
                .contains("MEDIAN((epoch(\"closed_at\") - epoch(\"opened_at\")) / 3600.0)");
        // "still open": the ending has not happened
        assertThat(sql(tickets, "how many tickets are still open")).contains("WHERE \"closed_at\" IS NULL");
        // "does a team open": the verb of a question asked with do, not the state
        assertThat(sql(tickets, "on average, how many tickets does a team open")).doesNotContain("IS NULL");
        assertThat(sql(tickets, "how many tickets do our open cases have")).contains("\"closed_at\" IS NULL");
        assertThat(plan(tickets, "show me the open tickets, oldest first").steps().get(0).args().get("sql").asText())
                .contains("\"closed_at\" IS NULL").contains("ORDER BY \"opened_at\" ASC");
    }

    /** Gym visits: the time spent is kept as a number of minutes. */
    private static final SchemaInfo VISITS = new SchemaInfo("gym_visits", 900, List.of(
            Fixtures.col("club", "VARCHAR", 4, List.of("Dock", "Hill")),
            new ColumnProfile("visited_on", "DATE", 0, 600, "2024-01-01", "2025-12-30", List.of()),
            Fixtures.num("minutes_spent", "INTEGER", 150, "5", "240")));

    @Test
    void aTimeComparedIsTheTimeBetweenTheTwoDatesOrTheColumnKeptInAUnitOfTime() {
        assertThat(sql(RENTALS, "How many rentals lasted longer than an hour and a half?"))
                .isEqualTo("SELECT COUNT(*) AS \"rows\" FROM \"rentals\" WHERE (epoch(\"returned_at\") - epoch(\"rented_at\")) / 60.0 > 90");
        assertThat(sql(RENTALS, "rentals that took under 45 minutes")).contains("/ 60.0 < 45");
        assertThat(sql(LOANS, "how many loans lasted more than 3 weeks")).contains("date_diff('day', \"borrowed_on\", \"completed_on\") > 21");
        // a column kept in minutes: the time said in hours is converted to it
        assertThat(sql(VISITS, "How many visits lasted over 2 hours?")).contains("\"minutes_spent\" > 120");
        assertThat(sql(VISITS, "visits longer than half an hour by club")).contains("\"minutes_spent\" > 30");
    }
}
