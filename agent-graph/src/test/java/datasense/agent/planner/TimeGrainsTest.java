package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time grains from adjectives and nouns. */
class TimeGrainsTest {

    static Grain grain(String q) {
        Clause c = Fixtures.clause(Fixtures.fleet(), q);
        TimeGrains.read(c);
        return c.grain;
    }

    @Test
    void adjectivesAndNouns() {
        assertThat(grain("weekly parts cost")).isEqualTo(Grain.WEEK);
        assertThat(grain("labor hours per quarter")).isEqualTo(Grain.QUARTER);
        assertThat(grain("annual parts cost")).isEqualTo(Grain.YEAR);
        assertThat(grain("parts cost over the months")).isEqualTo(Grain.MONTH);
        assertThat(grain("jobs by day")).isEqualTo(Grain.DAY);
        assertThat(grain("parts cost year over year")).isEqualTo(Grain.YEAR);
        assertThat(grain("parts cost by depot")).isNull();
    }

    @Test
    void aPartOfADateIsNotAColumnBeginningWithItsWord() {
        SchemaInfo adverts = new SchemaInfo("job_adverts", 300, List.of(
                Fixtures.col("advert_id", "VARCHAR", 300, List.of("JA-1", "JA-2")),
                new ColumnProfile("posted_on", "DATE", 0, 250, "2025-01-02", "2025-10-30", List.of()),
                new ColumnProfile("days_open", "INTEGER", 12, 60, "1", "90", List.of())));
        assertThat(DoubtsTest.sql(adverts, "adverts by day of the week")).contains("dayname(\"posted_on\")")
                .doesNotContain("days_open");
        assertThat(DoubtsTest.sql(adverts, "average days open by posting month")).contains("AVG(\"days_open\")");
    }

    @Test
    void theMonthsOfSeveralYearsTakenTogetherAreTheMonthsOfTheYear() {
        assertThat(grain("parts cost by month number")).isEqualTo(Grain.MONTH_OF_YEAR);
        assertThat(grain("parts cost by month, regardless of the year")).isEqualTo(Grain.MONTH_OF_YEAR);
        assertThat(grain("parts cost by month across all years")).isEqualTo(Grain.MONTH_OF_YEAR);
        assertThat(grain("parts cost by month, all years combined")).isEqualTo(Grain.MONTH_OF_YEAR);
        // a trend stays a trend: "over the years" names no pooling, and a calendar month is a month
        assertThat(grain("parts cost by month over the years")).isEqualTo(Grain.MONTH);
        assertThat(grain("parts cost by calendar month")).isEqualTo(Grain.MONTH);
        assertThat(grain("parts cost by week across all years")).isEqualTo(Grain.WEEK);

        Intent it = Fixtures.intent(Fixtures.fleet(), "total parts cost by calendar month number, both years together");
        assertThat(it.groups()).extracting(Grouping::describe).containsExactly("month of year of Service Date");
        assertThat(it.unexplained()).extracting(Unexplained::text).doesNotContain("calendar", "number", "both", "years", "together");
        assertThat(Fixtures.intent(Fixtures.fleet(), "parts cost per calendar quarter").unexplained())
                .extracting(Unexplained::text).doesNotContain("calendar");
    }

    /** Monthly store figures whose date column is named by its grain: "month" holds 2023-01-01, 2023-02-01, ... */
    private static final datasense.tools.SchemaInfo MONTHLY = new datasense.tools.SchemaInfo("store_months", 480, java.util.List.of(
            new datasense.tools.ColumnProfile("month", "DATE", 0, 24, "2023-01-01", "2024-12-01", java.util.List.of()),
            Fixtures.col("store", "VARCHAR", 20, java.util.List.of("Aberdeen", "Bristol", "Cardiff")),
            Fixtures.num("revenue", "DOUBLE", 480, "9000", "30000")));

    @Test
    void aDateColumnNamedMonthGivesTheMonthsOfTheYearWhenItsNumberIsAsked() {
        Intent it = Fixtures.intent(MONTHLY, "total revenue by month number, both years together");
        assertThat(it.groups()).extracting(Grouping::describe).containsExactly("month of year of month");
        assertThat(it.unexplained()).extracting(Unexplained::text).doesNotContain("number", "both", "years", "together");
        assertThat(new SqlWriter("store_months").aggregate(it)).contains("CAST(month(\"month\") AS INTEGER)");
        // a span written after it restates the grain's numbers: nothing left unexplained
        for (String q : java.util.List.of("total revenue by calendar month number (1-12)", "revenue per month of the year, 1 to 12")) {
            assertThat(Fixtures.intent(MONTHLY, q).unexplained()).as(q).isEmpty();
        }
        assertThat(Fixtures.intent(MONTHLY, "revenue per month of the year (1-6)").unexplained()).isNotEmpty();
        // the column alone is still its own months, 2023-01 to 2024-12
        assertThat(Fixtures.intent(MONTHLY, "total revenue by month").groups()).extracting(Grouping::describe)
                .doesNotContain("month of year of month");
    }

    @Test
    void groupsTheDateColumnByQuarterOfTheYear() {
        Intent it = Fixtures.intent(Fixtures.fleet(), "labor hours per quarter");
        assertThat(it.groups()).extracting(Grouping::describe).containsExactly("quarter of Service Date");
        Intent inYear = Fixtures.intent(Fixtures.fleet(), "labor hours per quarter in 2022");
        assertThat(inYear.groups()).extracting(Grouping::describe).containsExactly("quarter of Service Date");
    }

    @Test
    void anAverageBeforeAPeriodAdjectiveAveragesThePeriodsTotals() {
        Intent it = Fixtures.intent(Fixtures.fleet(), "average monthly parts cost");
        assertThat(it.groups()).isEmpty();
        assertThat(it.measures()).extracting(Measure::derived).containsExactly(Measure.Derived.PERIOD_AVERAGE);
        assertThat(it.readings()).anyMatch(r -> r.contains("average of the monthly totals of Parts Cost"));
        assertThat(new SqlWriter("fleet_log").aggregate(it)).isEqualTo("SELECT AVG(\"period total\") AS \"average monthly total Parts Cost\""
                + " FROM (SELECT strftime(\"Service Date\", '%Y-%m') AS \"period\", SUM(\"Parts Cost\") AS \"period total\""
                + " FROM \"fleet_log\" GROUP BY strftime(\"Service Date\", '%Y-%m'))");

        Intent perDepot = Fixtures.intent(Fixtures.fleet(), "average weekly labor hours per depot");
        assertThat(new SqlWriter("fleet_log").aggregate(perDepot)).startsWith("SELECT \"Depot\", AVG(\"period total\")")
                .contains("GROUP BY \"Depot\", CAST(date_trunc('week', \"Service Date\") AS DATE))")
                .endsWith("GROUP BY \"Depot\" ORDER BY \"average weekly total Labor Hours\" DESC NULLS LAST");
    }

    @Test
    void aLevelOrAPeriodNamedOtherwiseStaysATrend() {
        // "monthly average" and "average ... by month" ask for each month's average; a level does not add up
        assertThat(Fixtures.intent(Fixtures.fleet(), "monthly average parts cost").groups()).extracting(Grouping::describe)
                .containsExactly("month of Service Date");
        assertThat(Fixtures.intent(Fixtures.fleet(), "average parts cost by month").groups()).extracting(Grouping::describe)
                .containsExactly("month of Service Date");
        assertThat(Fixtures.intent(Fixtures.fleet(), "total monthly parts cost").groups()).extracting(Grouping::describe)
                .containsExactly("month of Service Date");
    }

    private static final datasense.tools.SchemaInfo VISITS = new datasense.tools.SchemaInfo("clinic_visits", 900, java.util.List.of(
            new datasense.tools.ColumnProfile("booked_on", "DATE", 0, 300, "2024-01-02", "2024-12-30", java.util.List.of()),
            new datasense.tools.ColumnProfile("checked_in", "TIMESTAMP", 0, 900, "2024-01-02 08:01:00", "2024-12-30 19:55:00", java.util.List.of()),
            Fixtures.col("clinic", "VARCHAR", 3, java.util.List.of("Elm", "Oak", "Pine")),
            Fixtures.num("fee", "DOUBLE", 400, "20", "300")));

    @Test
    void theHourOfTheDayGroupsATimestamp() {
        for (String q : java.util.List.of("fees by hour of day", "total fee per hour of the day", "number of visits by hour")) {
            Intent it = Fixtures.intent(VISITS, q);
            assertThat(it.groups()).as(q).extracting(Grouping::describe).containsExactly("hour of day of checked_in");
        }
        assertThat(new SqlWriter("clinic_visits").aggregate(Fixtures.intent(VISITS, "fees by hour of day")))
                .contains("CAST(hour(\"checked_in\") AS INTEGER) AS \"hour_of_day\"").contains("ORDER BY \"hour_of_day\"");
        // a table of dates alone has no hours: the words stay unexplained (so confidence falls), nothing is grouped
        Intent noTime = Fixtures.intent(Fixtures.shop(), "sales by hour of day");
        assertThat(noTime.groups()).isEmpty();
        assertThat(noTime.unexplained()).extracting(Unexplained::text).contains("hour");
    }
}
