package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names with titles ("Dr. Ada Obi"), the direction of "best" and "worst" for a measure where less is better
 * (delays), units said in full for a column kept in their abbreviation, the people who did what a date records,
 * and parts named as shares, rates or percentages, on an invented vets' home-visit rounds: one row per visit.
 */
class NamesAndPolarityTest {

    static final SchemaInfo VISITS = new SchemaInfo("vet_home_visits", 600, List.of(
            Fixtures.col("visit_id", "VARCHAR", 600, List.of("V0001", "V0002")),
            Fixtures.col("owner_id", "VARCHAR", 150, List.of("O001", "O002")),
            Fixtures.col("vet", "VARCHAR", 5, List.of("Dr. Ada Obi", "Dr. Lars Berg", "Dr. Mina Sato")),
            Fixtures.col("region", "VARCHAR", 4, List.of("Upland", "Coast")),
            new ColumnProfile("visited_on", "DATE", 0, 300, "2024-01-02", "2024-12-30", List.of()),
            Fixtures.num("arrival_delay_min", "INTEGER", 80, "-5", "120"),
            Fixtures.num("drive_km", "DOUBLE", 400, "1", "90"),
            Fixtures.num("fee", "DOUBLE", 30, "40", "400"),
            Fixtures.num("bonus", "DOUBLE", 30, "0", "50"),
            new ColumnProfile("urgent", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    private static String sql(String q) {
        return DoubtsTest.plan(VISITS, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aTitledNameIsOneValue() {
        assertThat(sql("How many visits did Dr. Lars Berg make?")).contains("\"vet\" = 'Dr. Lars Berg'").doesNotContain("ILIKE");
    }

    @Test
    void bestAndWorstOfAMeasureWhereLessIsBetter() {
        assertThat(sql("Which vet has the worst average arrival delay?")).contains("ORDER BY AVG(\"arrival_delay_min\") DESC");
        assertThat(sql("Which vet has the best average arrival delay?")).contains("ORDER BY AVG(\"arrival_delay_min\") ASC");
        assertThat(sql("Which vet has the best average fee?")).contains("ORDER BY AVG(\"fee\") DESC");
    }

    @Test
    void howManyOfAUnitAddsUpTheColumnKeptInIt() {
        assertThat(sql("How many kilometres did each vet drive?")).contains("SUM(\"drive_km\")", "GROUP BY \"vet\"");
    }

    @Test
    void thePeopleWhoDidWhatADateRecordsAreCountedOnce() {
        assertThat(sql("How many owners visited in March?")).contains("COUNT(DISTINCT \"owner_id\")");
    }

    @Test
    void aPartIsInPercentOnlyWhenPercentIsAsked() {
        assertThat(sql("What share of visits were urgent?")).contains("1.0 * ").doesNotContain("100.0");
        assertThat(sql("What percentage of visits were urgent?")).contains("100.0 * ");
        assertThat(sql("urgent rate by region")).contains("1.0 * AVG(CASE WHEN \"urgent\" = TRUE");
    }

    @Test
    void aPluralInEsNamesItsColumn() {
        assertThat(sql("total bonuses by region")).contains("SUM(\"bonus\")", "GROUP BY \"region\"");
    }

    @Test
    void theTablesRowsBeforeAGroupingAreCounted() {
        assertThat(sql("Visits per region")).contains("COUNT(*)", "GROUP BY \"region\"");
    }

    @Test
    void revenueIsWhatWasPaidWhenNoColumnSaysRevenue() {
        SchemaInfo lockers = new SchemaInfo("locker_rentals", 200, List.of(
                Fixtures.col("site", "VARCHAR", 4, List.of("Pier", "Depot")),
                Fixtures.num("hours", "DOUBLE", 50, "1", "48"),
                Fixtures.num("price_paid", "DOUBLE", 80, "2", "40")));
        assertThat(DoubtsTest.plan(lockers, "revenue per site").steps().get(0).args().get("sql").asText())
                .contains("SUM(\"price_paid\")", "GROUP BY \"site\"");
    }

    @Test
    void peopleWithAConditionAreWhoTheRowsAreAboutNotAGrouping() {
        SchemaInfo sales = new SchemaInfo("stall_orders", 300, List.of(
                Fixtures.col("order_id", "VARCHAR", 300, List.of("S1", "S2")),
                Fixtures.col("buyer", "VARCHAR", 60, List.of("Ana Lima", "Bo Chen")),
                Fixtures.col("town", "VARCHAR", 4, List.of("Oxford", "Bath")),
                Fixtures.num("amount", "DOUBLE", 200, "1", "90")));
        String sql = DoubtsTest.plan(sales, "How many orders came from buyers in Bath?").steps().get(0).args().get("sql").asText();
        assertThat(sql).contains("COUNT(*)", "\"town\" = 'Bath'").doesNotContain("GROUP BY");
    }

    @Test
    void aDistributionPerRowIsOfTheRows() {
        Plan p = DoubtsTest.plan(VISITS, "Histogram of fee per visit");
        assertThat(p.steps().get(0).tool()).isEqualTo("distribution_plot");
        assertThat(p.interpretation()).doesNotContain("not understood");
    }
}
