package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists of functions, of periods and of owners, as other people word them, on an invented ferry company's crossings:
 * "the lowest, average and highest fare", "ports whose name starts with S", "most of our crossings", "the highest
 * single fare", "sailed more than 6 times".
 */
class ListsAndOwnersTest {

    static final SchemaInfo CROSSINGS = new SchemaInfo("ferry_crossings", 800, List.of(
            Fixtures.col("crossing_id", "VARCHAR", 800, List.of("X0001", "X0002")),
            Fixtures.col("captain_name", "VARCHAR", 30, List.of("Ada Holm", "Rui Sousa")),
            Fixtures.col("port", "VARCHAR", 6, List.of("Stavanger", "Bergen", "Kiel", "Oslo")),
            Fixtures.col("vessel", "VARCHAR", 4, List.of("Nordlys", "Havbris")),
            new ColumnProfile("sailed_on", "DATE", 0, 600, "2024-01-01", "2025-12-30", List.of()),
            Fixtures.num("fare", "DOUBLE", 300, "12", "240"),
            Fixtures.num("cars", "INTEGER", 80, "0", "120")));

    private static String sql(String q) {
        return DoubtsTest.plan(CROSSINGS, q).steps().get(0).args().get("sql").asText();
    }

    static final SchemaInfo TRAM_TRIPS = new SchemaInfo("tram_trips", 900, List.of(
            Fixtures.col("trip_id", "VARCHAR", 900, List.of("TT-0001", "TT-0002")),
            Fixtures.col("tram_id", "VARCHAR", 40, List.of("TR-104", "TR-221")),
            Fixtures.col("line", "VARCHAR", 6, List.of("Red", "Blue")),
            new ColumnProfile("departed_at", "TIMESTAMP", 0, 900, "2025-03-01 05:00:00", "2025-05-31 23:00:00", List.of()),
            Fixtures.num("passengers", "INTEGER", 120, "0", "180")));

    @Test
    void anEntityNamingTheValueAfterItIsAConditionOfTheListedRows() {
        String sql = DoubtsTest.sql(TRAM_TRIPS, "Show the trip id, line and passengers for every trip of tram TR-104");
        assertThat(sql).contains("\"trip_id\"", "\"line\"", "\"passengers\"", "WHERE \"tram_id\" = 'TR-104'")
                .doesNotContain("GROUP BY", "SUM(");
    }

    @Test
    void extremesListedWithOtherFunctionsAreFunctionsOfOneMeasure() {
        for (String q : List.of("For each port give me the lowest, average and highest fare", "lowest and highest fare per port")) {
            Plan p = DoubtsTest.plan(CROSSINGS, q);
            String sql = p.steps().get(0).args().get("sql").asText();
            assertThat(sql).as(q).contains("MIN(\"fare\")", "MAX(\"fare\")", "GROUP BY \"port\"").doesNotContain("LIMIT", "QUALIFY");
            assertThat(p.interpretation()).as(q).doesNotContain("not understood");
        }
        assertThat(sql("For each port give me the lowest, average and highest fare")).contains("AVG(\"fare\")");
    }

    @Test
    void theNameOfTheThingJustNamedIsItsOwnColumn() {
        assertThat(sql("crossings per port, just the ports whose name starts with S")).contains("\"port\" AS VARCHAR) ILIKE 'S%'")
                .doesNotContain("captain_name");
        assertThat(sql("How many crossings left from ports with 'en' in their name?")).contains("\"port\" AS VARCHAR) ILIKE '%en%'");
    }

    @Test
    void mostOfOurRowsCountsThemAndTheHighestSingleValueIsOneRows() {
        assertThat(sql("which 3 ports do most of our crossings sail from?")).contains("COUNT(*)", "GROUP BY \"port\"")
                .doesNotContain("crossing_id");
        assertThat(sql("What was the highest single fare?")).isEqualTo("SELECT MAX(\"fare\") AS \"max fare\" FROM \"ferry_crossings\"");
    }

    @Test
    void aNumberOfTimesIsAConditionOnHowManyRows() {
        assertThat(sql("Which captains have sailed more than 6 times?")).contains("HAVING COUNT(*) > 6", "GROUP BY \"captain_name\"");
    }

    @Test
    void theEndsOfAScaleOrderEveryRowWithOrWithoutFrom() {
        assertThat(sql("Sort the ports by number of crossings, lowest to highest")).endsWith("ORDER BY \"rows\" ASC NULLS LAST");
        assertThat(sql("ports sorted by number of crossings, busiest first")).endsWith("ORDER BY \"rows\" DESC NULLS LAST");
        Plan listed = DoubtsTest.plan(CROSSINGS, "list the ports by average fare from highest to lowest");
        assertThat(listed.steps().get(0).args().get("sql").asText()).contains("GROUP BY \"port\"").endsWith("DESC NULLS LAST");
        assertThat(listed.interpretation()).doesNotContain("not understood");
    }

    @Test
    void moreOfAMeasureThanTheAverageRowComparesItWithItsMean() {
        assertThat(sql("How many crossings carried more cars than the average crossing?"))
                .isEqualTo("SELECT COUNT(*) AS \"rows\" FROM \"ferry_crossings\" WHERE \"cars\" > (SELECT AVG(\"cars\") FROM \"ferry_crossings\")");
        assertThat(sql("crossings with fewer cars than the average")).contains("\"cars\" < (SELECT AVG(\"cars\")");
    }

    @Test
    void aThresholdBeyondEveryRowIsOnTheTotalOfTheThingThatRepeats() {
        SchemaInfo shifts = new SchemaInfo("shifts", 900, List.of(
                Fixtures.col("nurse_id", "VARCHAR", 40, List.of("N01", "N02")),
                Fixtures.col("ward", "VARCHAR", 5, List.of("A", "B")),
                new ColumnProfile("shift_date", "DATE", 0, 300, "2024-01-01", "2024-12-30", List.of()),
                Fixtures.num("hours", "DOUBLE", 20, "4", "12")));
        String sql = DoubtsTest.plan(shifts, "nurses with more than 150 hours").steps().get(0).args().get("sql").asText();
        assertThat(sql).contains("GROUP BY \"nurse_id\"", "HAVING SUM(\"hours\") > 150");
        // within the rows' range it stays a condition on each row
        assertThat(DoubtsTest.plan(shifts, "nurses with more than 10 hours").steps().get(0).args().get("sql").asText())
                .contains("WHERE \"hours\" > 10");
    }

    /** Season tickets: a fan may hold several over the years; weekly or seasonal billing, a self-print flag. */
    static final SchemaInfo TICKETS = new SchemaInfo("season_tickets", 600, List.of(
            Fixtures.col("ticket_id", "VARCHAR", 600, List.of("T0001", "T0002")),
            Fixtures.col("fan_id", "VARCHAR", 350, List.of("F001", "F002")),
            Fixtures.col("billing", "VARCHAR", 2, List.of("Weekly", "Seasonal")),
            Fixtures.num("weekly_price", "DOUBLE", 80, "5", "90"),
            new ColumnProfile("sold_on", "DATE", 0, 400, "2022-01-01", "2024-12-30", List.of()),
            new ColumnProfile("self_printed", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    private static String ticketSql(String q) {
        return DoubtsTest.plan(TICKETS, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aWordOfAColumnsNameIsNotAlsoAValueOfAnother() {
        assertThat(ticketSql("average weekly price by billing")).doesNotContain("WHERE").contains("AVG(\"weekly_price\")");
        assertThat(ticketSql("average weekly price of seasonal tickets")).contains("\"billing\" = 'Seasonal'").doesNotContain("'Weekly'");
    }

    @Test
    void theHeadOfAYesNoColumnsNameAloneIsNoCondition() {
        // "printed" is every print, self_printed the ones the fan printed: no condition unless "self" is said
        assertThat(ticketSql("how many tickets were printed")).doesNotContain("self_printed");
        assertThat(ticketSql("how many self-printed tickets")).contains("\"self_printed\" = TRUE");
    }

    @Test
    void aCountAskedOfOneThingThatRepeatsOnAverageIsTheAverageOfEachOnesCount() {
        for (String q : List.of("How many tickets does a fan have on average?", "On average, how many tickets does each fan hold?")) {
            assertThat(ticketSql(q)).as(q).isEqualTo("SELECT AVG(\"period total\") AS \"average rows per fan_id\" FROM (SELECT \"fan_id\""
                    + " AS \"period\", COUNT(*) AS \"period total\" FROM \"season_tickets\" GROUP BY \"fan_id\")");
        }
        assertThat(ticketSql("how many tickets does each fan have")).contains("GROUP BY \"fan_id\"").doesNotContain("AVG");
    }

    /** Orchard picks: tonnes picked per picking, returned crates, a yes/no organic flag that may be blank. */
    static final SchemaInfo PICKS = new SchemaInfo("orchard_picks", 700, List.of(
            Fixtures.col("pick_id", "VARCHAR", 700, List.of("P0001", "P0002")),
            Fixtures.col("orchard", "VARCHAR", 4, List.of("Hillside", "Riverbank", "Old Mill", "Lakeside")),
            Fixtures.col("fruit", "VARCHAR", 3, List.of("Apples", "Pears", "Plums")),
            new ColumnProfile("picked_on", "DATE", 0, 300, "2024-01-02", "2024-12-30", List.of()),
            new ColumnProfile("returned_on", "DATE", 200, 200, "2024-01-05", "2025-01-09", List.of()),
            Fixtures.num("picked_tonnes", "DOUBLE", 300, "0.5", "12"),
            Fixtures.num("crate_deposit", "DOUBLE", 20, "0", "9"),
            new ColumnProfile("organic", "BOOLEAN", 40, 2, null, null, List.of("true", "false"))));

    private static String pickSql(String q) {
        return DoubtsTest.plan(PICKS, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void quantitiesCountedInTheirUnitConditionsOfAllOthersAndPeriodsAtTheirGrain() {
        // "how many tonnes": an amount in the column's unit, added up, not its rows counted
        assertThat(pickSql("How many tonnes of pears did Hillside or Riverbank pick?")).startsWith("SELECT SUM(\"picked_tonnes\")");
        // a yes/no left blank is unknown: the rate is over the rows that say
        assertThat(pickSql("organic rate by orchard")).contains("WHEN \"organic\" IS NOT NULL THEN 0.0 END");
        // "every orchard other than ...": the orchards the total is over, not a grouping
        assertThat(pickSql("total picked tonnes on every orchard other than Hillside and Lakeside")).doesNotContain("GROUP BY");
        // "per returned pick": the picks that were returned, one each
        assertThat(pickSql("average crate deposit per returned pick"))
                .isEqualTo("SELECT AVG(\"crate_deposit\") AS \"average crate_deposit\" FROM \"orchard_picks\" WHERE \"returned_on\" IS NOT NULL");
        // a change from one quarter to another compares those quarters
        assertThat(pickSql("Percent change in the number of picks from Q1 2024 to Q4 2024"))
                .contains("BETWEEN DATE '2024-01-01' AND DATE '2024-03-31' OR \"picked_on\" BETWEEN DATE '2024-10-01' AND DATE '2024-12-31'", "quarter(");
    }

    /** Gym memberships: joined, and left (blank while the membership runs). */
    static final SchemaInfo MEMBERSHIPS = new SchemaInfo("memberships", 500, List.of(
            Fixtures.col("membership_id", "VARCHAR", 500, List.of("G0001", "G0002")),
            Fixtures.col("tier", "VARCHAR", 3, List.of("Basic", "Plus", "Premium")),
            new ColumnProfile("joined_on", "DATE", 0, 400, "2021-01-01", "2024-12-30", List.of()),
            new ColumnProfile("cancelled_on", "DATE", 280, 150, "2021-03-01", "2024-12-30", List.of()),
            Fixtures.num("monthly_fee", "DOUBLE", 10, "15", "60")));

    private static String memberSql(String q) {
        return DoubtsTest.plan(MEMBERSHIPS, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void theNounOfAnEventAndAStateBeforeItsEndNameItsDate() {
        assertThat(memberSql("how many active memberships per tier")).contains("\"cancelled_on\" IS NULL", "GROUP BY \"tier\"");
        assertThat(memberSql("Number of cancellations per tier")).contains("\"cancelled_on\" IS NOT NULL", "GROUP BY \"tier\"");
        assertThat(memberSql("cancellations by day of the week")).contains("dayname(\"cancelled_on\")");
        assertThat(memberSql("When did the most recent cancellation happen?")).startsWith("SELECT MAX(\"cancelled_on\")");
    }

    @Test
    void aBinWidthWithItsUnitIsAWidthWhereverTheUnitStands() {
        SchemaInfo loans = new SchemaInfo("loans", 500, List.of(
                Fixtures.num("days_late", "INTEGER", 30, "-10", "40"), Fixtures.num("late_fee", "DOUBLE", 40, "0", "8")));
        Plan days = DoubtsTest.plan(loans, "Histogram of days late with 5-day bins");
        assertThat(days.steps().get(0).args().toString()).contains("\"bin_width\":5").doesNotContain("filters");
        assertThat(DoubtsTest.plan(loans, "Histogram of late fees with bins 2 dollars wide").steps().get(0).args().toString())
                .contains("\"bin_width\":2");
    }
}
