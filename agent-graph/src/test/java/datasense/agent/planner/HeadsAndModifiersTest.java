package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which word of a phrase is its head and which only qualifies it, on invented tables: a used-boat broker's
 * listings (a yes/no "sold"), a nursery's crop harvests, a removal firm's crate lines (a packing type called Box), a
 * broadcaster's episode ratings (a "show" column), a ballet company's ticket lines (a show with a bracketed
 * variant), and a help desk's call log (tickets called about many times).
 */
class HeadsAndModifiersTest {

    private static final SchemaInfo BOATS = new SchemaInfo("boat_listings", 300, List.of(
            Fixtures.col("listing_id", "VARCHAR", 300, List.of("B-1", "B-2")),
            Fixtures.col("marina", "VARCHAR", 4, List.of("Poole", "Cowes", "Hamble", "Falmouth")),
            new ColumnProfile("listed_on", "DATE", 0, 250, "2023-01-02", "2024-12-20", List.of()),
            Fixtures.num("asking_price", "DOUBLE", 280, "9000", "450000"),
            Fixtures.num("sale_price", "DOUBLE", 150, "8000", "420000"),
            new ColumnProfile("sold", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    private static final SchemaInfo HARVESTS = new SchemaInfo("crop_harvests", 500, List.of(
            Fixtures.col("harvest_id", "VARCHAR", 500, List.of("H-1", "H-2")),
            Fixtures.col("crop_type", "VARCHAR", 6, List.of("Kale", "Leeks", "Onions", "Beans", "Peas", "Chard")),
            Fixtures.col("bed", "VARCHAR", 12, List.of("A1", "A2", "B1")),
            new ColumnProfile("picked_on", "DATE", 0, 200, "2024-03-01", "2024-10-30", List.of()),
            Fixtures.num("yield_kg", "DOUBLE", 400, "0.5", "42")));

    private static final SchemaInfo CRATES = new SchemaInfo("crate_lines", 400, List.of(
            Fixtures.num("line_id", "BIGINT", 400, "1", "400"),
            Fixtures.col("move_id", "VARCHAR", 120, List.of("M-1", "M-2")),
            Fixtures.col("packing", "VARCHAR", 3, List.of("Box", "Crate", "Wrap")),
            Fixtures.col("crew", "VARCHAR", 4, List.of("Red", "Blue", "Green", "Gold")),
            Fixtures.num("weight_kg", "DOUBLE", 350, "1", "95"),
            Fixtures.num("items", "BIGINT", 30, "1", "30"),
            Fixtures.num("haul_fee", "DOUBLE", 40, "2", "60"),
            Fixtures.num("line_total", "DOUBLE", 390, "5", "900"),
            Fixtures.num("distance_km", "DOUBLE", 300, "1", "400")));

    private static final SchemaInfo EPISODES = new SchemaInfo("episode_ratings", 250, List.of(
            Fixtures.col("episode_id", "VARCHAR", 250, List.of("E-1", "E-2")),
            Fixtures.col("show_name", "VARCHAR", 8, List.of("Harbour Lights", "Night Desk", "Green Acres")),
            Fixtures.col("channel", "VARCHAR", 3, List.of("One", "Two", "Four")),
            Fixtures.num("viewers_k", "DOUBLE", 240, "120", "5400")));

    private static final SchemaInfo BALLET = new SchemaInfo("ballet_ticket_lines", 600, List.of(
            Fixtures.col("line_id", "VARCHAR", 600, List.of("L-1", "L-2")),
            Fixtures.col("order_id", "VARCHAR", 260, List.of("O-1", "O-2")),
            Fixtures.col("production", "VARCHAR", 4, List.of("Swan Lake", "Swan Lake (Matinee)", "Giselle", "Coppelia")),
            Fixtures.col("channel", "VARCHAR", 3, List.of("Online", "Phone", "Box Office")),
            Fixtures.num("tickets", "BIGINT", 8, "1", "8"),
            Fixtures.num("estimate_gbp", "DOUBLE", 40, "10", "90"),
            Fixtures.num("paid_gbp", "DOUBLE", 300, "10", "720")));

    private static final SchemaInfo CALLS = new SchemaInfo("helpdesk_calls", 900, List.of(
            Fixtures.col("call_id", "VARCHAR", 900, List.of("C-1", "C-2")),
            Fixtures.col("ticket_id", "VARCHAR", 310, List.of("T-1", "T-2")),
            Fixtures.col("agent", "VARCHAR", 9, List.of("Ana", "Ben", "Cleo")),
            Fixtures.num("minutes", "DOUBLE", 90, "1", "95")));

    private static final SchemaInfo HOME_VISITS = new SchemaInfo("home_visits", 380, List.of(
            Fixtures.col("visit_id", "VARCHAR", 380, List.of("V-1", "V-2")),
            Fixtures.col("nurse", "VARCHAR", 6, List.of("Ada", "Bea", "Cal")),
            new ColumnProfile("scheduled_date", "DATE", 0, 200, "2024-01-02", "2024-12-20", List.of()),
            new ColumnProfile("completed_date", "DATE", 41, 180, "2024-01-02", "2024-12-20", List.of()),
            Fixtures.num("fee", "DOUBLE", 30, "20", "90")));

    private static Plan plan(SchemaInfo schema, String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
    }

    private static String sql(SchemaInfo schema, String q) {
        return plan(schema, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aParticipleThatIsAYesNoColumnsWholeNameKeepsItsRows() {
        // "sold" is never linked to a column on its own (it is the verb of "units sold"), yet here it names one
        assertThat(sql(BOATS, "how many boats sold at Poole")).contains("\"sold\" = TRUE").contains("'Poole'");
        assertThat(sql(BOATS, "number of boats sold each month")).contains("\"sold\" = TRUE");
        assertThat(sql(BOATS, "how many boats were not sold")).contains("\"sold\" = FALSE");
    }

    @Test
    void theFirstWordOfATablesNameIsAThingWhenAColumnIsItsType() {
        // crop_harvests: a harvest is a row, a crop is its crop_type, after "each" as after "by"
        assertThat(sql(HARVESTS, "average yield for each crop")).contains("GROUP BY \"crop_type\"");
        assertThat(sql(HARVESTS, "average yield per harvest")).doesNotContain("GROUP BY");
    }

    @Test
    void boxBeforeAChartWordIsTheChartNotAValue() {
        Plan box = plan(CRATES, "box plot of weight by crew");
        assertThat(box.steps().get(0).args().toString()).doesNotContain("'Box'");
        assertThat(box.interpretation()).startsWith("Box plot of weight_kg by crew");
        assertThat(sql(CRATES, "total weight of Box packing by crew")).contains("\"packing\" = 'Box'");
    }

    @Test
    void aVerbOfAskingAfterEachOrPerIsANoun() {
        assertThat(sql(EPISODES, "average viewers for each show")).contains("GROUP BY \"show_name\"");
        assertThat(sql(EPISODES, "show the average viewers per show")).contains("GROUP BY \"show_name\"");
    }

    @Test
    void aValueWithANoteInBracketsIsAnotherValue() {
        // "Swan Lake (Matinee)" is another production, not "Swan Lake" spelled differently
        assertThat(sql(BALLET, "tickets sold for Swan Lake")).contains("\"production\" = 'Swan Lake'")
                .doesNotContain("Matinee");
        assertThat(sql(BALLET, "tickets sold for Swan Lake (Matinee)")).contains("'Swan Lake (Matinee)'");
        // a code in brackets is the same thing noted: indoor hard courts are hard courts
        SchemaInfo matches = new SchemaInfo("matches", 60, List.of(
                Fixtures.col("Surface", "VARCHAR", 3, List.of("Hard", "Hard (i)", "Clay")),
                Fixtures.col("Outcome", "VARCHAR", 2, List.of("Winner", "Runner-up"))));
        assertThat(sql(matches, "how many matches were played on hard surfaces")).contains("'Hard (i)'");
    }

    @Test
    void aValueOfAnyKindTakesItsKindsInBrackets() {
        SchemaInfo visits = new SchemaInfo("clinic_bookings", 300, List.of(
                Fixtures.col("booking_id", "VARCHAR", 300, List.of("B-1", "B-2")),
                Fixtures.col("booking_type", "VARCHAR", 3, List.of("Check-up", "Check-up (video)", "Surgery"))));
        assertThat(sql(visits, "how many bookings were check-ups of any kind")).contains("'Check-up (video)'");
        assertThat(sql(visits, "how many bookings were check-ups")).doesNotContain("video");
    }

    @Test
    void perAnOrderBesideAnotherGroupingIsEachOrdersTotalAveraged() {
        // each order's tickets added up, then averaged over the orders of each channel: one row per channel
        String q = sql(BALLET, "average tickets per order for each channel");
        assertThat(q).startsWith("SELECT \"channel\", AVG(").contains("SUM(\"tickets\")").contains(") GROUP BY \"channel\" ");
        assertThat(plan(BALLET, "average tickets per order for each channel").interpretation())
                .contains("Average per order_id of the total of tickets by channel");
    }

    @Test
    void aCountPerThingBesideAnotherGroupingIsARateWithinEachGroup() {
        Plan p = plan(CALLS, "number of calls per ticket for each agent");
        assertThat(p.interpretation()).contains("Average per ticket_id of the count of rows by agent");
        assertThat(sql(CALLS, "number of calls per ticket for each agent")).startsWith("SELECT \"agent\", AVG(")
                .contains(") GROUP BY \"agent\" ");
    }

    @Test
    void theThingARowIsIsNoOperandOfACorrelationOrHistogram() {
        // "items on a line": whose items; line_id numbers the lines and is no measure
        assertThat(plan(CRATES, "is there a correlation between weight and the number of items on a line?").interpretation())
                .startsWith("Correlation between weight_kg and items,");
        assertThat(plan(CRATES, "correlation between line id and items").interpretation()).contains("line_id");
    }

    @Test
    void theAverageRatioIsEachRowsRatioAveraged() {
        assertThat(sql(BALLET, "the average ratio of paid to estimate by channel"))
                .contains("AVG(\"paid_gbp\" / NULLIF(\"estimate_gbp\", 0))");
        assertThat(sql(BALLET, "the ratio of paid to estimate by channel"))
                .contains("SUM(\"paid_gbp\") / NULLIF(SUM(\"estimate_gbp\"), 0)");
    }

    @Test
    void aWordOfAnotherAmountsNameBeforeAnAmountOnlyQualifiesIt() {
        // "haul distance": the distance of the haul, not haul_fee beside distance_km
        assertThat(plan(CRATES, "histogram of haul distance, 50 km bins").interpretation())
                .startsWith("Distribution of distance_km,");
        assertThat(sql(CRATES, "average haul distance by crew")).contains("AVG(\"distance_km\")")
                .doesNotContain("haul_fee");
        assertThat(sql(CRATES, "average haul fee by crew")).contains("AVG(\"haul_fee\")");
    }

    @Test
    void aMissedEventIsTheRowsWhoseDateOfItHappeningIsBlank() {
        assertThat(sql(HOME_VISITS, "how many visits were missed")).contains("\"completed_date\" IS NULL");
        assertThat(sql(HOME_VISITS, "missed visits per nurse")).contains("\"completed_date\" IS NULL").contains("GROUP BY \"nurse\"");
        assertThat(sql(HOME_VISITS, "how many visits were not missed")).contains("\"completed_date\" IS NOT NULL");
    }

    @Test
    void theRowsListedBesideAnAmountAreCountedToo() {
        assertThat(sql(HOME_VISITS, "visits and fees by nurse")).contains("COUNT(").contains("SUM(\"fee\")");
        assertThat(sql(HOME_VISITS, "fees and visits per nurse")).contains("COUNT(").contains("SUM(\"fee\")");
        assertThat(sql(HOME_VISITS, "fees by nurse")).doesNotContain("COUNT(");
        // a ranking's rows are listed, not counted: "trips, longest first" is no list of figures
        assertThat(sql(CRATES, "list the move id, weight and items of the 5 heaviest moves, heaviest first"))
                .doesNotContain("COUNT(");
    }

    @Test
    void theSpreadOfAThingOnSeveralRowsIsAGuess() {
        // a crate moves many times: each of its moves counts its weight again
        SchemaInfo lines = new SchemaInfo("crate_moves", 500, List.of(
                Fixtures.col("crate_id", "VARCHAR", 180, List.of("C-1", "C-2")),
                Fixtures.col("depot", "VARCHAR", 3, List.of("North", "South", "East")),
                Fixtures.num("crate_weight_kg", "DOUBLE", 170, "2", "80")));
        assertThat(plan(lines, "histogram of crate weights").confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(plan(lines, "box plot of crate weights by depot").confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(plan(CRATES, "histogram of weights").confidence()).isEqualTo(1.0);
    }
}
