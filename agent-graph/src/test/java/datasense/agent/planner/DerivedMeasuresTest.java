package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratios, percents of another total, days between dates and running totals, on an invented bookings table. */
class DerivedMeasuresTest {

    static final SchemaInfo BOOKINGS = new SchemaInfo("bookings", 500, List.of(
            Fixtures.col("booking_ref", "VARCHAR", 500, List.of("BK-1", "BK-2")),
            Fixtures.col("agency", "VARCHAR", 5, List.of("Sunway", "Polar", "Atlas")),
            new ColumnProfile("booked_on", "DATE", 0, 300, "2024-01-02", "2024-12-30", List.of()),
            new ColumnProfile("departs_on", "DATE", 0, 300, "2024-01-20", "2025-03-01", List.of()),
            Fixtures.num("nights", "BIGINT", 20, "1", "21"),
            Fixtures.num("price", "DOUBLE", 480, "120", "9800"),
            Fixtures.num("commission", "DOUBLE", 450, "5", "900"),
            Fixtures.num("rating", "BIGINT", 5, "1", "5")));

    private static String sql(String question) {
        return new SqlWriter("bookings").aggregate(Fixtures.intent(BOOKINGS, question));
    }

    @Test
    void aPerBetweenTwoAmountsIsARatioOfTotals() {
        assertThat(sql("price per night for each agency")).isEqualTo("SELECT \"agency\", SUM(\"price\") / NULLIF("
                + "SUM(\"nights\"), 0) AS \"price per nights\" FROM \"bookings\" GROUP BY \"agency\" ORDER BY"
                + " \"price per nights\" DESC NULLS LAST");
        assertThat(sql("commission divided by price")).contains("SUM(\"commission\") / NULLIF(SUM(\"price\"), 0)");
        assertThat(sql("each agency's total commission divided by its total price"))
                .contains("SUM(\"commission\") / NULLIF(SUM(\"price\"), 0)").contains("GROUP BY \"agency\"");
        assertThat(sql("total commission over total price")).contains("SUM(\"commission\") / NULLIF(SUM(\"price\"), 0)");
        // "over" before a number is a threshold, not a ratio
        assertThat(sql("total commission over 500")).doesNotContain("NULLIF");
        assertThat(sql("ratio of commission to price by agency")).contains("SUM(\"commission\") / NULLIF(SUM(\"price\"), 0)")
                .contains("GROUP BY \"agency\"");
        // a level is a grouping, not a divisor; an average names its own reading
        assertThat(sql("price per rating")).doesNotContain("NULLIF").contains("GROUP BY \"rating\"");
        assertThat(sql("average price per nights")).doesNotContain("NULLIF");
    }

    @Test
    void aPercentOfAnotherTotal() {
        assertThat(sql("commission as a percent of price by agency"))
                .contains("100.0 * SUM(\"commission\") / NULLIF(SUM(\"price\"), 0) AS \"commission as percent of price\"");
    }

    @Test
    void daysBetweenTwoDatesAreAveragedUnlessTold() {
        assertThat(sql("days between booked_on and departs_on"))
                .isEqualTo("SELECT AVG(date_diff('day', \"booked_on\", \"departs_on\")) AS \"average days booked_on to"
                        + " departs_on\" FROM \"bookings\"");
        assertThat(sql("maximum days between booked_on and departs_on per agency"))
                .contains("MAX(date_diff('day', \"booked_on\", \"departs_on\"))").contains("GROUP BY \"agency\"");
        // the dates' events said with the row they belong to, and a few words before "from"
        assertThat(sql("average number of days between the booked on and the departs on by agency"))
                .contains("AVG(date_diff('day', \"booked_on\", \"departs_on\"))", "GROUP BY \"agency\"");
        assertThat(sql("how many days does it take on average from booked to departs"))
                .contains("AVG(date_diff('day', \"booked_on\", \"departs_on\"))");
    }

    @Test
    void aRunningTotalFollowsTheTimeGrouping() {
        String monthly = sql("cumulative number of bookings per month of booked_on");
        // bookings are counted by their unique reference, month after month
        assertThat(monthly).contains("SUM(COUNT(DISTINCT \"booking_ref\")) OVER (ORDER BY strftime(\"booked_on\"");
        assertThat(sql("running total of price by quarter")).contains("SUM(SUM(\"price\")) OVER (ORDER BY");
        // without a time grouping there is nothing to run along: the word stays unexplained
        Intent flat = Fixtures.intent(BOOKINGS, "cumulative price by agency");
        assertThat(flat.measures()).noneMatch(m -> m.derived() == Measure.Derived.RUNNING);
        assertThat(flat.unexplained()).extracting(Unexplained::text).contains("cumulative");
    }

    @Test
    void aChangeAlongTimeIsThePercentChangeFromThePreviousPeriod() {
        assertThat(sql("growth of commission by year of booked_on")).isEqualTo("SELECT CAST(year(\"booked_on\") AS INTEGER) AS \"year\","
                + " SUM(\"commission\") AS \"total commission\", 100.0 * (SUM(\"commission\") - lag(SUM(\"commission\")) OVER (ORDER BY"
                + " CAST(year(\"booked_on\") AS INTEGER))) / NULLIF(lag(SUM(\"commission\")) OVER (ORDER BY CAST(year(\"booked_on\")"
                + " AS INTEGER)), 0) AS \"percent change total commission\" FROM \"bookings\" GROUP BY CAST(year(\"booked_on\") AS INTEGER)"
                + " ORDER BY \"year\"");
        // a level (price) changes as its average
        assertThat(sql("growth of price by year of booked_on")).contains("lag(AVG(\"price\"))");
        // one series per agency: the window restarts for each
        assertThat(sql("percent change in commission per month by agency")).contains("OVER (PARTITION BY \"agency\" ORDER BY strftime(");
        Intent it = Fixtures.intent(BOOKINGS, "year over year growth rate of commission");
        assertThat(it.unexplained()).isEmpty();
        assertThat(it.measures()).extracting(Measure::derived).containsExactly(Measure.Derived.NONE, Measure.Derived.CHANGE);
        // "percent change" is a change, not a share
        assertThat(Fixtures.intent(BOOKINGS, "monthly percent change in commission by agency").measures())
                .extracting(Measure::derived, Measure::share)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Measure.Derived.NONE, false), org.assertj.core.groups.Tuple.tuple(Measure.Derived.CHANGE, false));
        // a change between two named periods compares those two: grouped by their grain, only they kept
        Intent between = Fixtures.intent(BOOKINGS, "change in commission from 2022 to 2023");
        assertThat(between.unexplained()).isEmpty();
        assertThat(between.groups()).extracting(Grouping::grain).containsExactly(Grain.YEAR);
        assertThat(between.filters()).singleElement().extracting(Filter::op).isEqualTo("any");
    }

    @Test
    void revenueOfATableOfPricesAndQuantitiesIsTheirProduct(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SchemaInfo orders = new SchemaInfo("restaurant_orders", 6, List.of(
                Fixtures.col("course", "VARCHAR", 3, List.of("Starter", "Main", "Dessert")),
                new datasense.tools.ColumnProfile("ordered_at", "TIMESTAMP", 0, 6, "2024-01-01 11:00:00", "2024-03-31 23:00:00", List.of()),
                Fixtures.num("quantity", "BIGINT", 3, "1", "3"),
                Fixtures.num("unit_price", "DOUBLE", 4, "4.5", "32")));
        Plan byCourse = new OfflinePlanner().planNow(new PlanRequest("what share of revenue comes from each course?", orders, List.of(), null));
        String sql = byCourse.steps().get(0).args().get("sql").asText();
        datasense.tools.sql.SqlGuard.vet(sql, "restaurant_orders");
        try (java.sql.Connection db = datasense.tools.sql.DuckDb.open(List.of(dir), datasense.tools.Limits.defaults());
             java.sql.Statement st = db.createStatement()) {
            st.execute("CREATE TABLE restaurant_orders AS SELECT * FROM (VALUES ('Main', TIMESTAMP '2024-01-02 12:00:00', 2, 30.0),"
                    + " ('Main', TIMESTAMP '2024-02-02 12:00:00', 1, 20.0), ('Dessert', TIMESTAMP '2024-02-03 12:00:00', 3, 5.0),"
                    + " ('Starter', TIMESTAMP '2024-03-03 12:00:00', 1, 5.0)) t(course, ordered_at, quantity, unit_price)");
            List<List<Object>> rows = Fixtures.query(db, sql);
            // Main: 2 x 30 + 1 x 20 = 80 of 100
            assertThat(rows.get(0).get(0)).isEqualTo("Main");
            assertThat(((Number) rows.get(0).get(1)).doubleValue()).isEqualTo(0.8); // a share: a fraction of 1
        }
        assertThat(byCourse.interpretation()).contains("'revenue' read as unit_price × quantity on each row");
        // a revenue column, when there is one, is what revenue means
        assertThat(new OfflinePlanner().planNow(new PlanRequest("revenue by course", new SchemaInfo("o", 6, List.of(
                orders.columns().get(0), Fixtures.num("revenue", "DOUBLE", 6, "1", "90"), orders.columns().get(2),
                orders.columns().get(3))), List.of(), null)).interpretation()).startsWith("Total of revenue by course");
    }

    /** Timesheets: hours a day at an hourly rate; and listings with an asking and a selling price. */
    static final SchemaInfo TIMESHEETS = new SchemaInfo("timesheets", 600, List.of(
            Fixtures.col("employee_id", "VARCHAR", 40, List.of("E01", "E02")),
            Fixtures.col("department", "VARCHAR", 5, List.of("Finance", "Engineering")),
            new ColumnProfile("work_date", "DATE", 0, 400, "2024-01-01", "2025-12-30", List.of()),
            Fixtures.num("hours_worked", "DOUBLE", 30, "1", "12"),
            Fixtures.num("hourly_rate", "DOUBLE", 20, "20", "90"),
            Fixtures.num("list_price", "INTEGER", 500, "1000", "90000"),
            Fixtures.num("sold_price", "INTEGER", 500, "900", "88000")));

    private static Plan plan(String question) {
        return DoubtsTest.plan(TIMESHEETS, question);
    }

    @Test
    void twoAmountsTimesOrMinusEachOtherAreCombinedOnEachRowThenAggregated() {
        for (String q : List.of("total payroll cost (hours x rate) by department", "total of hours_worked times hourly_rate by department",
                "total hours * hourly rate by department")) {
            Plan p = plan(q);
            assertThat(p.steps().get(0).args().get("sql").asText()).as(q)
                    .contains("SUM((\"hours_worked\" * \"hourly_rate\"))", "GROUP BY \"department\"");
            assertThat(p.interpretation()).as(q).doesNotContain("not understood");
        }
        assertThat(plan("average discount (list price minus sold price) by department").steps().get(0).args().get("sql").asText())
                .contains("AVG((\"list_price\" - \"sold_price\"))");
        // the function is the one named before the words that name the expression; long such words stay unexplained
        Plan pay = plan("What is the average pay for a single work day (hours times rate)?");
        assertThat(pay.steps().get(0).args().get("sql").asText()).contains("AVG((\"hours_worked\" * \"hourly_rate\"))");
        assertThat(pay.confidence()).isLessThan(0.8);
        // "less than" compares
        assertThat(plan("hours worked less than 5 by department").steps().get(0).args().get("sql").asText())
                .contains("\"hours_worked\" < 5");
    }

    @Test
    void aDurationNamedInTheUnitOfAColumnIsThatColumn() {
        SchemaInfo stays = new SchemaInfo("harbour_stays", 300, java.util.List.of(
                Fixtures.col("marina", "VARCHAR", 3, java.util.List.of("North Quay", "Old Basin", "Reef Point")),
                new datasense.tools.ColumnProfile("arrival_date", "DATE", 0, 250, "2024-01-02", "2024-12-20", java.util.List.of()),
                new datasense.tools.ColumnProfile("departure_date", "DATE", 12, 240, "2024-01-04", "2024-12-30", java.util.List.of()),
                Fixtures.num("nights", "BIGINT", 20, "1", "24"),
                Fixtures.num("boat_length_m", "DOUBLE", 120, "6.5", "31")));
        String sql = DoubtsTest.sql(stays, "average length of stay in nights per marina");
        assertThat(sql).contains("AVG(\"nights\")").contains("GROUP BY \"marina\"").doesNotContain("boat_length_m")
                .doesNotContain("date_diff");
        // "stay length in nights", said the other way round
        assertThat(DoubtsTest.sql(stays, "average stay length in nights")).contains("AVG(\"nights\")")
                .doesNotContain("boat_length_m");
    }
}
