package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts per period on average ("average monthly headcount", "the average number of deliveries per week"): each
 * period's count, averaged over the periods, as an analyst reads them, not a count per period. On an invented
 * bakery's delivery rounds: one row per drop, a driver named in a column of their own.
 */
class PeriodCountsTest {

    static final SchemaInfo DROPS = new SchemaInfo("bakery_drops", 900, List.of(
            Fixtures.col("drop_id", "VARCHAR", 900, List.of("D0001", "D0002")),
            Fixtures.col("round_code", "VARCHAR", 300, List.of("R-101", "R-102")),
            Fixtures.col("employee", "VARCHAR", 14, List.of("Mo Adel", "Ines Kolar")),
            Fixtures.col("district", "VARCHAR", 6, List.of("Harbour", "Old Town")),
            new ColumnProfile("dropped_on", "DATE", 0, 200, "2025-01-02", "2025-09-30", List.of()),
            Fixtures.num("crates", "INTEGER", 12, "1", "12"),
            Fixtures.num("unit_price", "DOUBLE", 30, "2", "9"),
            Fixtures.num("quantity", "INTEGER", 40, "1", "60")));

    private static Plan plan(String q) {
        return DoubtsTest.plan(DROPS, q);
    }

    private static String sql(String q) {
        return DoubtsTest.sql(DROPS, q);
    }

    @Test
    void anAverageMonthlyHeadcountAveragesEachMonthsDistinctPeople() {
        assertThat(sql("what was the average monthly headcount?"))
                .contains("COUNT(DISTINCT \"employee\") AS \"period total\"", "AVG(\"period total\")", "GROUP BY strftime(\"dropped_on\", '%Y-%m')")
                .doesNotEndWith("ORDER BY \"month\"");
        assertThat(sql("headcount by district")).contains("COUNT(DISTINCT \"employee\")", "GROUP BY \"district\"");
    }

    @Test
    void theAverageNumberPerPeriodIsOneNumber() {
        String perWeek = sql("what is the average number of drops per week");
        assertThat(perWeek).contains("COUNT(*) AS \"period total\"", "AVG(\"period total\")", "date_trunc('week'");
        assertThat(sql("how many rounds a day on average")).contains("COUNT(DISTINCT \"round_code\") AS \"period total\"", "AVG(");
        // without "average" a count per period stays a breakdown
        assertThat(sql("number of drops per week")).doesNotContain("AVG(").contains("GROUP BY");
    }

    @Test
    void anAverageAmountPerPeriodAveragesThePeriodsTotals() {
        assertThat(sql("average crates per week")).contains("SUM(\"crates\") AS \"period total\"", "AVG(\"period total\")");
        assertThat(sql("what is the average crates delivered per week in each district"))
                .contains("SUM(\"crates\") AS \"period total\"", "GROUP BY \"district\"");
        // drawn as a chart, the average per period is a series of the periods
        assertThat(sql("line chart of average crates per week")).doesNotContain("period total").contains("AVG(\"crates\")");
        // a level is averaged within each period, never added up
        assertThat(sql("average unit price per week")).doesNotContain("period total");
    }

    @Test
    void anAverageMonthlyProductOfColumnsIsShownAsMonthlyTotalsAndSaidToBeAGuess() {
        Plan p = plan("average monthly revenue");
        assertThat(p.interpretation()).contains("best guess", "not their average");
        assertThat(p.confidence()).isLessThan(0.8);
    }
}
