package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules found by a question set written blind over tables of its own (eval/classset/audit), each tested here on
 * tables invented for the test: events that have not ended, the date an event's verb names, orders by a scale a word
 * names, times taken, phrasal nouns, contractions, and the doubts of averages said of a repeated entity.
 */
class EventsAndOrdersTest {

    /** Repair jobs: received, then completed (blank while open), with a yes/no warranty flag. */
    static final SchemaInfo REPAIRS = new SchemaInfo("repairs", 3000, List.of(
            Fixtures.col("job_id", "VARCHAR", 3000, List.of("J-0001", "J-0002")),
            Fixtures.col("technician", "VARCHAR", 12, List.of("Ana Ruiz", "Tom Berg")),
            Fixtures.col("device", "VARCHAR", 6, List.of("Phone", "Laptop", "Tablet")),
            new ColumnProfile("received_at", "TIMESTAMP", 0, 2990, "2022-01-01 08:00:00", "2024-12-28 17:00:00", List.of()),
            new ColumnProfile("completed_at", "TIMESTAMP", 300, 2690, "2022-01-02 08:00:00", "2025-01-02 17:00:00", List.of()),
            new ColumnProfile("under_warranty", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.num("labour_minutes", "DOUBLE", 300, "10", "400"),
            Fixtures.num("charge", "DOUBLE", 800, "0", "900")));

    /** Swimming pool check-ins: swimmers (who come back), their ages, minutes swum and a monthly fee. */
    static final SchemaInfo POOL = new SchemaInfo("pool_checkins", 900, List.of(
            Fixtures.col("checkin_id", "VARCHAR", 900, List.of("P0001", "P0002")),
            Fixtures.col("swimmer_id", "VARCHAR", 80, List.of("S001", "S002")),
            Fixtures.col("swimmer_name", "VARCHAR", 80, List.of("Ann Lee", "Bo Chen")),
            Fixtures.col("pool", "VARCHAR", 4, List.of("Lido", "Harbour Baths")),
            Fixtures.col("membership", "VARCHAR", 3, List.of("Adult", "Junior", "Senior")),
            new ColumnProfile("class_taken", "VARCHAR", 400, 6, null, null, List.of("Aqua Fit", "Lengths")),
            new ColumnProfile("checkin_at", "TIMESTAMP", 0, 900, "2023-01-01 06:00:00", "2024-12-28 21:00:00", List.of()),
            Fixtures.num("minutes_swum", "INTEGER", 90, "10", "120"),
            Fixtures.num("first_lap_minutes", "DOUBLE", 90, "1", "12"),
            Fixtures.num("monthly_fee", "DOUBLE", 3, "20", "45"),
            Fixtures.num("entry_price", "DOUBLE", 4, "3.5", "7"),
            Fixtures.num("age", "INTEGER", 70, "8", "90")));

    /** The same check-ins with one column of minutes only. */
    static final SchemaInfo SWIMS = new SchemaInfo("pool_checkins", 900, POOL.columns().stream()
            .filter(col -> !col.name().equals("first_lap_minutes")).toList());

    /** Cars listed, then sold (blank when unsold). */
    static final SchemaInfo CARS = new SchemaInfo("used_cars", 3000, List.of(
            Fixtures.col("car_id", "VARCHAR", 3000, List.of("C-0001", "C-0002")),
            Fixtures.col("make", "VARCHAR", 8, List.of("Ford", "Toyota", "Honda")),
            new ColumnProfile("listed_on", "DATE", 0, 700, "2022-01-01", "2024-12-28", List.of()),
            new ColumnProfile("sold_on", "DATE", 800, 600, "2022-01-05", "2025-01-28", List.of()),
            Fixtures.num("asking_price", "INTEGER", 2800, "1500", "60000"),
            Fixtures.num("sold_price", "INTEGER", 2000, "1400", "58000")));

    /** A bakery's order lines: an order has several lines, each a product of a category, a quantity and a price. */
    static final SchemaInfo BAKERY = new SchemaInfo("bakery_lines", 2000, List.of(
            Fixtures.col("order_no", "VARCHAR", 800, List.of("B-0001", "B-0002")),
            Fixtures.col("cashier", "VARCHAR", 5, List.of("Ines", "Karl")),
            Fixtures.col("product", "VARCHAR", 30, List.of("Croissant", "Rye Loaf")),
            Fixtures.col("category", "VARCHAR", 3, List.of("Pastry", "Bread", "Cake")),
            new ColumnProfile("gluten_free", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.num("qty", "INTEGER", 6, "1", "6"),
            Fixtures.num("unit_price", "DOUBLE", 40, "1.2", "24"),
            new ColumnProfile("sold_at", "TIMESTAMP", 0, 1990, "2023-01-02 07:00:00", "2024-12-30 18:00:00", List.of())));

    private static String sql(SchemaInfo s, String q) {
        return plan(s, q).steps().get(0).args().get("sql").asText();
    }

    private static Plan plan(SchemaInfo s, String q) {
        return DoubtsTest.plan(s, q);
    }

    @Test
    void whatHasNotEndedHasNoEndDate() {
        for (String q : List.of("how many repairs are still open", "how many jobs are outstanding")) {
            assertThat(sql(REPAIRS, q)).as(q).contains("WHERE \"completed_at\" IS NULL").contains("COUNT(*)");
            assertThat(plan(REPAIRS, q).confidence()).as(q).isEqualTo(1.0);
        }
        assertThat(sql(REPAIRS, "show me the open jobs, oldest first"))
                .contains("\"completed_at\" IS NULL").contains("ORDER BY \"received_at\" ASC");
    }

    @Test
    void theTimeToAnEventRunsToTheDateItsVerbNames() {
        assertThat(sql(REPAIRS, "average number of days to complete a job by device"))
                .contains("AVG((epoch(\"completed_at\") - epoch(\"received_at\")) / 86400.0)").doesNotContain("COUNT");
        // the date of what the verb names, for filters, groupings and irregular verbs
        assertThat(sql(CARS, "how many cars sold in 2024")).contains("year(\"sold_on\") = 2024");
        assertThat(sql(CARS, "median sold price by quarter")).contains("quarter(\"sold_on\")");
        assertThat(sql(CARS, "how many cars were listed in 2023")).contains("year(\"listed_on\") = 2023");
        assertThat(sql(CARS, "which month of the year do the most cars sell in")).contains("month(\"sold_on\")");
    }

    @Test
    void aVerbOfAnEventWithABlankDateKeepsTheRowsItHappenedTo() {
        assertThat(sql(CARS, "how many cars sold")).contains("WHERE \"sold_on\" IS NOT NULL");
        assertThat(sql(CARS, "how many cars have not sold")).contains("WHERE \"sold_on\" IS NULL");
        assertThat(sql(CARS, "how many unsold cars are Fords")).contains("\"sold_on\" IS NULL").contains("'Ford'");
        assertThat(sql(CARS, "what percentage of cars actually sold, by year listed?"))
                .contains("AVG(CASE WHEN \"sold_on\" IS NOT NULL THEN 1.0 ELSE 0.0 END)").contains("year(\"listed_on\")");
        assertThat(plan(CARS, "average sold price").interpretation()).doesNotContain("sold_on");
        // along periods, the blank date is no period
        assertThat(sql(CARS, "median sold price by quarter")).contains("\"sold_on\" IS NOT NULL");
        // years taken together are a filter, not a comparison
        String pooled = sql(SWIMS, "check-ins by month of the year, 2023 and 2024 combined");
        assertThat(pooled).contains("month(\"checkin_at\")").doesNotContain("year(\"checkin_at\") AS");
    }

    @Test
    void whichPeriodAsksForTheOnePeriodRankedAndNeverTheBlankOne() {
        String month = sql(CARS, "which month do we sell the fewest cars in?");
        assertThat(month).contains("rank() OVER (ORDER BY COUNT(*) ASC").contains("\"sold_on\" IS NOT NULL");
        String popular = sql(POOL, "what's the most popular class taken?");
        assertThat(popular).contains("\"class_taken\" IS NOT NULL").contains("DESC");
        assertThat(plan(POOL, "what's the most common class taken?").confidence()).isEqualTo(1.0);
    }

    @Test
    void aWordOfScaleBeforeFirstOrdersEveryRowByIt() {
        assertThat(sql(CARS, "Ford cars, cheapest first")).contains("ORDER BY \"asking_price\" ASC");
        assertThat(sql(CARS, "Toyota cars, most expensive first")).contains("ORDER BY \"asking_price\" DESC");
        assertThat(sql(POOL, "swimmers over 60, oldest first")).contains("ORDER BY \"age\" DESC");
        // a time taken: the fastest is the least, the ranked entity grouped
        String fastest = sql(POOL, "Rank the swimmers by average first lap time, fastest first");
        assertThat(fastest).contains("GROUP BY \"swimmer_name\"").contains("ASC").doesNotContain("SUM(");
        assertThat(sql(REPAIRS, "3 slowest jobs by labour minutes")).contains("ORDER BY \"labour_minutes\" DESC");
        assertThat(sql(REPAIRS, "which technician has the fastest labour time")).contains("MIN(\"labour_minutes\")");
    }

    @Test
    void binsOfAnAmountAreAWidth() {
        assertThat(Fixtures.intent(POOL, "histogram of entry price in £1 bins").display().binWidth()).isEqualTo(1.0);
        assertThat(Fixtures.intent(POOL, "histogram of minutes swum using 15-minute bins").display().binWidth())
                .isEqualTo(15.0);
        assertThat(Fixtures.intent(POOL, "histogram of minutes swum with 20 bins").display().bins()).isEqualTo(20);
    }

    @Test
    void phrasalNounsContractionsAndVerbsOfColumns() {
        assertThat(sql(SWIMS, "check-ins per quarter")).contains("COUNT(*)").contains("quarter(\"checkin_at\")");
        assertThat(sql(SWIMS, "avg minutes per visit")).contains("AVG(\"minutes_swum\")").doesNotContain("GROUP BY");
        assertThat(sql(SWIMS, "How many minutes did swimmers swim altogether?")).contains("SUM(\"minutes_swum\")");
        assertThat(sql(REPAIRS, "how many jobs aren't under warranty")).contains("\"under_warranty\" = FALSE");
        assertThat(sql(REPAIRS, "jobs that don't have a warranty")).contains("\"under_warranty\" = FALSE");
        assertThat(sql(POOL, "Which swimmers over 50 are not on the Senior membership?"))
                .contains("\"age\" > 50").contains("\"membership\" <> 'Senior'");
    }

    @Test
    void aChargePerPeriodIsALevelAndAnAverageOfARepeatedEntityIsDoubted() {
        assertThat(sql(POOL, "what's the monthly fee on the Senior membership")).contains("AVG(\"monthly_fee\")");
        for (String q : List.of("average swimmer age by pool", "what is the average age of a swimmer")) {
            assertThat(plan(POOL, q).isBestGuess()).as(q).isTrue();
        }
        assertThat(plan(POOL, "average entry price by pool").isBestGuess()).isFalse();
        Plan why = plan(REPAIRS, "why do laptops take longer to repair");
        assertThat(why.isBestGuess()).isTrue();
        assertThat(why.interpretation()).contains("asks why");
    }

    /** Dinner order lines: dishes in courses, quantities, servers and the staff who served. */
    static final SchemaInfo DINNER = new SchemaInfo("dinner_lines", 600, List.of(
            Fixtures.col("line_id", "VARCHAR", 600, List.of("D001", "D002")),
            Fixtures.col("order_id", "VARCHAR", 250, List.of("O001", "O002")),
            Fixtures.col("course", "VARCHAR", 4, List.of("Starter", "Main", "Dessert", "Drink")),
            new ColumnProfile("project", "VARCHAR", 60, 5, null, null, List.of("Apollo", "Borealis")),
            new ColumnProfile("ordered_at", "TIMESTAMP", 0, 600, "2024-01-01 12:00:00", "2025-12-30 22:00:00", List.of()),
            Fixtures.num("quantity", "INTEGER", 4, "1", "4"),
            Fixtures.num("unit_price", "DOUBLE", 20, "3", "25"),
            new ColumnProfile("loyalty_member", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.col("staff_id", "VARCHAR", 30, List.of("E01", "E02")),
            Fixtures.col("staff_name", "VARCHAR", 30, List.of("Ann", "Bo"))));

    @Test
    void whoAndHowManyPeople() {
        assertThat(sql(DINNER, "headcount by course")).contains("COUNT(DISTINCT \"staff_id\")");
        assertThat(sql(DINNER, "number of desserts ordered in 2025")).contains("SUM(\"quantity\")");
        // "by" after a copula names who did it: a condition, not a grouping
        assertThat(sql(DINNER, "What percentage of lines are by loyalty members?"))
                .contains("\"loyalty_member\" = TRUE").doesNotContain("GROUP BY");
        assertThat(plan(DINNER, "average unit price per staff name").isBestGuess()).isTrue();
        assertThat(sql(DINNER, "Rank the courses by average unit price, cheapest first"))
                .contains("ORDER BY \"average unit_price\" ASC");
        // the groups other than an excluded value are values, not the blank
        assertThat(sql(DINNER, "quantity per project for every project other than Apollo"))
                .contains("\"project\" IS NOT NULL");
    }

    @Test
    void aDatesNameBeforeAGrainAndANumbersShortName() {
        SchemaInfo stays = new SchemaInfo("hotel_bookings", 450, List.of(
                Fixtures.col("booking_id", "VARCHAR", 450, List.of("B001", "B002")),
                Fixtures.col("channel", "VARCHAR", 4, List.of("Direct", "Expedia")),
                Fixtures.num("room_no", "INTEGER", 40, "101", "440"),
                new ColumnProfile("booked_on", "DATE", 0, 400, "2023-10-01", "2025-12-01", List.of()),
                new ColumnProfile("check_in", "DATE", 0, 400, "2024-01-01", "2025-12-30", List.of()),
                Fixtures.num("nightly_rate", "DOUBLE", 300, "60", "400")));
        Plan perYear = plan(stays, "Stacked bar chart of bookings per check-in year, split by channel");
        assertThat(perYear.steps().get(0).args().get("sql").asText()).contains("year(\"check_in\")");
        assertThat(perYear.confidence()).isEqualTo(1.0);
        Plan rooms = plan(stays, "which 3 room numbers have the highest average nightly rate");
        assertThat(rooms.steps().get(0).args().get("sql").asText()).contains("GROUP BY \"room_no\"").contains("LIMIT 3");
        assertThat(rooms.confidence()).isEqualTo(1.0);
    }

    @Test
    void oneColumnNamedInTwoPiecesIsOneMention() {
        assertThat(sql(POOL, "Which swimmers have an average first lap time above the overall average?"))
                .contains("HAVING AVG(\"first_lap_minutes\") > (SELECT AVG(\"first_lap_minutes\")");
    }

    @Test
    void theMostGoodsSoldAreTheirUnitsAddedUpForAPeriodAsForAPerson() {
        assertThat(sql(BAKERY, "which quarter did we sell the most pastries"))
                .contains("SUM(\"qty\")", "quarter(\"sold_at\")", "\"category\" = 'Pastry'").doesNotContain("COUNT(");
        assertThat(sql(BAKERY, "which cashier sold the most pastries"))
                .contains("SUM(\"qty\")", "GROUP BY \"cashier\"").doesNotContain("COUNT(");
        // no verb of trade: the rows are what is counted
        assertThat(sql(BAKERY, "which cashier has the most lines")).contains("COUNT(*)");
    }

    @Test
    void aShareOfOrderLinesIsOfTheRows() {
        assertThat(sql(BAKERY, "What percentage of order lines are gluten free"))
                .contains("100.0 * COUNT(CASE WHEN \"gluten_free\" = TRUE THEN 1 END) / COUNT(*)");
    }

    @Test
    void theTimeAnEventTakesIsUnderstoodWithItsVerb() {
        Plan p = plan(CARS, "how long do cars take to sell on average");
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("AVG(date_diff('day', \"listed_on\", \"sold_on\"))");
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(p.interpretation()).doesNotContain("not understood");
    }

    @Test
    void goodsCountedPastTheirConditionsAreTheirUnits() {
        // the condition read before the goods only qualifies them; a second count word counts the same units
        for (String q : List.of("how many non-gluten-free pastries were sold", "How many non-gluten-free pastries were sold? count the qty")) {
            assertThat(sql(BAKERY, q)).as(q).startsWith("SELECT SUM(\"qty\")")
                    .contains("\"category\" = 'Pastry'", "\"gluten_free\" = FALSE");
        }
    }
}
