package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Date filters as planned: ranges, bounds, missing years and relative periods said in the readings. */
class DateFiltersTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo SHOP = Fixtures.shop();
    static final SchemaInfo WIDE = Fixtures.wide();

    static String filters(SchemaInfo schema, String question) {
        return SqlWriter.where(Fixtures.intent(schema, question).filters());
    }

    @Test
    void quartersAndMonthsBecomeDateRanges() {
        assertThat(filters(FLEET, "total parts cost in Q1 2022"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2022-01-01' AND DATE '2022-03-31'");
        assertThat(filters(FLEET, "labor hours in the second quarter of 2021"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2021-04-01' AND DATE '2021-06-30'");
        assertThat(filters(FLEET, "parts cost for August 2022 by depot"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2022-08-01' AND DATE '2022-08-31'");
    }

    @Test
    void aDayOfAMonthIsThatDayWrittenEitherWay() {
        String day = " WHERE \"Service Date\" BETWEEN DATE '2021-12-10' AND DATE '2021-12-10'";
        assertThat(filters(FLEET, "total parts cost on 10 December 2021")).isEqualTo(day);
        assertThat(filters(FLEET, "total parts cost on December 10, 2021")).isEqualTo(day);
        assertThat(filters(FLEET, "total parts cost on the 10th of December 2021")).isEqualTo(day);
        assertThat(Fixtures.intent(FLEET, "parts cost on 10 December 2021").readings())
                .contains("'10 December 2021' read as Service Date on 2021-12-10");
        // "May" before a day is the month; a number before a month that is no day stays a number
        assertThat(filters(FLEET, "labor hours on may 3 2022")).contains("'2022-05-03'");
        assertThat(filters(FLEET, "top 5 depots by parts cost in December 2021"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2021-12-01' AND DATE '2021-12-31'");
    }

    @Test
    void aMonthWithoutAYearIsTheLatestOneAndSaysSo() {
        Intent it = Fixtures.intent(FLEET, "parts cost in October");
        assertThat(SqlWriter.where(it.filters()))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2022-10-01' AND DATE '2022-10-31'");
        assertThat(it.readings()).anyMatch(r -> r.contains("'October' has no year; read as 2022"));
        assertThat(filters(FLEET, "parts cost in March")).contains("2023-03-01");
    }

    @Test
    void aListOfPeriodsIsAnyOfThemNeverAllAtOnce() {
        // a year said once at the end is every listed period's
        assertThat(filters(FLEET, "parts cost in Q1 and Q2 2022"))
                .isEqualTo(" WHERE (\"Service Date\" BETWEEN DATE '2022-01-01' AND DATE '2022-03-31'"
                        + " OR \"Service Date\" BETWEEN DATE '2022-04-01' AND DATE '2022-06-30')");
        assertThat(filters(FLEET, "labor hours in March 2021, May 2022 or June 2022")).contains("'2021-03-01'", "'2022-05-01'", "'2022-06-30'")
                .doesNotContain(") AND ");
        // months with no year: a season, those months of every year
        Intent winter = Fixtures.intent(FLEET, "parts cost in December, January or February");
        assertThat(SqlWriter.where(winter.filters())).isEqualTo(" WHERE (month(\"Service Date\") = 12"
                + " OR month(\"Service Date\") = 1 OR month(\"Service Date\") = 2)");
        assertThat(winter.readings()).anyMatch(r -> r.contains("read as those months of every year"));
    }

    @Test
    void aDayEndingARangeOfTimesIsWhole() {
        SchemaInfo rides = new SchemaInfo("rides", 100, List.of(
                new datasense.tools.ColumnProfile("started_at", "TIMESTAMP", 0, 100, "2024-01-01 08:00:00", "2025-12-31 18:00:00", List.of()),
                Fixtures.num("fare", "DOUBLE", 90, "2", "40")));
        assertThat(filters(rides, "total fare in 2024 and 2025 combined"))
                .isEqualTo(" WHERE (\"started_at\" >= DATE '2024-01-01' AND \"started_at\" < DATE '2026-01-01')");
        assertThat(filters(rides, "total fare in May and June 2025")).contains("\"started_at\" < DATE '2025-07-01'");
    }

    @Test
    void aDateOnTheXAxisIsGroupedAsWellAsFiltered() {
        SchemaInfo rides = new SchemaInfo("rides", 100, List.of(
                new datasense.tools.ColumnProfile("ride_date", "DATE", 0, 100, "2025-01-01", "2025-12-31", List.of()),
                Fixtures.num("fare", "DOUBLE", 90, "2", "40")));
        String sql = DoubtsTest.sql(rides, "line chart for May: ride date on the x axis, total fare on the y axis");
        assertThat(sql).contains("\"ride_date\" BETWEEN DATE '2025-05-01' AND DATE '2025-05-31'").contains("GROUP BY");
    }

    @Test
    void rangesAndBoundsOfYearsMonthsAndQuarters() {
        assertThat(filters(FLEET, "parts cost from 2021 to 2022"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2021-01-01' AND DATE '2022-12-31'");
        assertThat(filters(FLEET, "labor hours between Mar 2022 and May 2022"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2022-03-01' AND DATE '2022-05-31'");
        assertThat(filters(FLEET, "labor hours between March and May 2022")).contains("'2022-03-01'");
        assertThat(filters(FLEET, "jobs since Q3 2022 by depot")).isEqualTo(" WHERE \"Service Date\" >= DATE '2022-07-01'");
        assertThat(filters(FLEET, "parts cost before April 2022")).isEqualTo(" WHERE \"Service Date\" <= DATE '2022-03-31'");
        assertThat(filters(FLEET, "parts cost after 2021")).isEqualTo(" WHERE \"Service Date\" >= DATE '2022-01-01'");
        // two listed years are compared year by year, not a range
        Intent two = Fixtures.intent(FLEET, "parts cost in 2021 and 2022");
        assertThat(two.groups()).extracting(Grouping::grain).containsExactly(Grain.YEAR);
    }

    @Test
    void aPeriodTheDataDoesNotReachIsSaidSo() {
        Intent quarter = Fixtures.intent(SHOP, "sales in Q2 2012");
        assertThat(quarter.readings()).contains("no Order Date falls in that period: the data runs from 2015-01-03 to 2018-12-28");
        Intent year = Fixtures.intent(SHOP, "profit by region in 2031");
        assertThat(year.readings()).anyMatch(r -> r.startsWith("no Order Date falls in that period"));
        Intent inside = Fixtures.intent(SHOP, "sales in Q2 2016");
        assertThat(inside.readings()).noneMatch(r -> r.contains("falls in that period"));
    }

    @Test
    void relativePeriodsNameTheAnchorInTheReading() {
        Intent it = Fixtures.intent(FLEET, "total labor hours in the last 3 months");
        assertThat(SqlWriter.where(it.filters()))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2023-04-01' AND DATE '2023-06-28'");
        assertThat(it.readings()).contains("'last 3 months' read as Service Date from 2023-04-01 to 2023-06-28,"
                + " measured from the latest date in the data (2023-06-28)");
        assertThat(filters(FLEET, "parts cost last year"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2022-01-01' AND DATE '2022-12-31'");
        assertThat(filters(FLEET, "parts cost year to date by depot"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2023-01-01' AND DATE '2023-06-28'");
        assertThat(filters(FLEET, "how many work orders in the past thirty days"))
                .isEqualTo(" WHERE \"Service Date\" BETWEEN DATE '2023-05-30' AND DATE '2023-06-28'");
    }

    @Test
    void aNamedDateColumnIsUsedAndTimestampsKeepTheirLastDay() {
        assertThat(filters(SHOP, "sales by ship date in Q4 2017")).contains("\"Ship Date\" BETWEEN");
        // a timestamp column: the whole last day is kept with < next day
        assertThat(filters(WIDE, "average handle time in June 2022"))
                .isEqualTo(" WHERE \"Opened At\" >= DATE '2022-06-01' AND \"Opened At\" < DATE '2022-07-01'");
        assertThat(filters(WIDE, "average wait time closed on last month"))
                .isEqualTo(" WHERE \"Closed On\" BETWEEN DATE '2022-08-01' AND DATE '2022-08-31'");
    }

    @Test
    void plannedDateFiltersRunOnTheData(@TempDir Path dir) throws SQLException {
        try (Connection db = Fixtures.database(dir)) {
            for (String q : List.of("total sales in Q3 2017", "sales between Jan 2016 and June 2016 by region",
                    "sales in the last 6 months", "profit this year by category", "sales since March 2018")) {
                Intent it = Fixtures.intent(SHOP, q);
                String sql = new SqlWriter("shop_orders").aggregate(it);
                assertThat(Fixtures.query(db, sql)).as(q).isNotEmpty();
            }
            Intent q3 = Fixtures.intent(SHOP, "how many rows in Q3 2017");
            Object count = Fixtures.query(db, new SqlWriter("shop_orders").aggregate(q3)).get(0).get(0);
            Object expected = Fixtures.query(db, "SELECT COUNT(*) FROM shop_orders WHERE year(\"Order Date\") = 2017"
                    + " AND quarter(\"Order Date\") = 3").get(0).get(0);
            assertThat(count).isEqualTo(expected);
        }
    }

    @Test
    void aWholeNumberColumnOfYearsTakesTheYearItIsNamedWith() {
        var races = new datasense.tools.SchemaInfo("house_races", 12, java.util.List.of(
                Fixtures.col("Incumbent", "VARCHAR", 12, java.util.List.of("Steve Chabot", "Rob Portman")),
                Fixtures.num("First elected", "BIGINT", 10, "1978", "1996"),
                Fixtures.num("Votes", "BIGINT", 12, "1200", "98000")));
        assertThat(Fixtures.where(races, "who was first elected in 1994?")).containsExactly("\"First elected\" = 1994");
        assertThat(Fixtures.where(races, "how many incumbents were first elected before 1990?"))
                .containsExactly("\"First elected\" < 1990");
        // the table's only column of years, unnamed; "between" two years is the range
        assertThat(Fixtures.where(races, "how many incumbents won between 1980 and 1990?"))
                .containsExactly("\"First elected\" BETWEEN 1980 AND 1990");
        // "from ... to" and "from ... until" are ranges too; the second year is not lost
        assertThat(Fixtures.where(races, "how many incumbents were first elected from 1980 to 1990?"))
                .containsExactly("\"First elected\" BETWEEN 1980 AND 1990");
        assertThat(Fixtures.where(races, "incumbents first elected from 1982 until 1986"))
                .containsExactly("\"First elected\" BETWEEN 1982 AND 1986");
        assertThat(Fixtures.intent(races, "how many incumbents were first elected from 1980 to 1990?").unexplained()).isEmpty();
        assertThat(Fixtures.where(races, "how many incumbents were first elected until 1990?"))
                .containsExactly("\"First elected\" <= 1990");
        Intent earliest = Fixtures.intent(races, "which incumbent was first elected the earliest?");
        assertThat(earliest.columns()).extracting(c -> c.name()).containsExactly("Incumbent", "First elected");
        assertThat(earliest.ascending()).isTrue();
        assertThat(earliest.limit()).isEqualTo(1);
    }
}
