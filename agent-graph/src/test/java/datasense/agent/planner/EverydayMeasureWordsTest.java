package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Everyday words for measures no column is named by, on an invented winery's bottlings (a wine's strength is its
 * alcohol by volume, a tasting panel gives stars) and a car wash's visits (what a visit is charged).
 */
class EverydayMeasureWordsTest {

    private static final SchemaInfo BOTTLINGS = new SchemaInfo("winery_bottlings", 240, List.of(
            Fixtures.col("bottling_id", "VARCHAR", 240, List.of("WB-1", "WB-2")),
            Fixtures.col("grape", "VARCHAR", 5, List.of("Riesling", "Syrah", "Merlot")),
            Fixtures.num("abv_pct", "DOUBLE", 40, "10.5", "15.5"),
            Fixtures.num("bottles", "BIGINT", 200, "300", "6000"),
            Fixtures.num("rating", "BIGINT", 5, "1", "5")));

    private static final SchemaInfo WASHES = new SchemaInfo("car_wash_visits", 500, List.of(
            Fixtures.col("visit_id", "VARCHAR", 500, List.of("V-1", "V-2")),
            Fixtures.col("bay", "VARCHAR", 4, List.of("Bay 1", "Bay 2")),
            Fixtures.num("amount_eur", "DOUBLE", 30, "6", "35")));

    private static String sql(SchemaInfo s, String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, s, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void strengthIsAlcoholByVolume() {
        assertThat(sql(BOTTLINGS, "average strength per grape")).contains("AVG(\"abv_pct\")").contains("GROUP BY \"grape\"");
        assertThat(sql(BOTTLINGS, "how many bottlings came in stronger than 13.5%")).contains("\"abv_pct\" > 13.5");
    }

    @Test
    void starsAreTheRating() {
        assertThat(sql(BOTTLINGS, "how many bottlings got under 3 stars")).contains("COUNT(*)").contains("\"rating\" < 3");
    }

    @Test
    void toAverageUnderANumberIsAConditionOnEachGroupsAverage() {
        for (String q : List.of("which grapes average under 3.5 stars?", "which grapes average a rating under 3.5?")) {
            assertThat(sql(BOTTLINGS, q)).as(q).contains("GROUP BY \"grape\"").contains("HAVING AVG(\"rating\") < 3.5");
        }
    }

    @Test
    void aRateAfterTheNumberIsNoGrouping() {
        SchemaInfo shifts = new SchemaInfo("nurse_shifts", 900, List.of(
                Fixtures.col("ward", "VARCHAR", 6, List.of("Maple", "Cedar")),
                new datasense.tools.ColumnProfile("shift_date", "DATE", 0, 300, "2024-01-01", "2024-12-31", List.of()),
                Fixtures.num("hours_worked", "DOUBLE", 30, "4", "12")));
        String sql = sql(shifts, "which wards average more than 7.5 hours a day?");
        assertThat(sql).contains("GROUP BY \"ward\"").contains("HAVING AVG(\"hours_worked\") > 7.5")
                .doesNotContain("AS \"day\"");
    }

    @Test
    void theChargeIsWhatAVisitCost() {
        assertThat(sql(WASHES, "what's the average charge per visit?")).contains("AVG(\"amount_eur\")")
                .doesNotContain("GROUP BY");
    }

    @Test
    void theMostFinesAreHowManyFines() {
        // a library's loans: a fine in euros on the few loans returned late
        SchemaInfo loans = new SchemaInfo("loans", 600, List.of(
                Fixtures.col("loan_id", "VARCHAR", 600, List.of("L-1", "L-2")),
                Fixtures.col("branch", "VARCHAR", 4, List.of("Central", "Harbour")),
                new datasense.tools.ColumnProfile("fine_eur", "DOUBLE", 480, 30, "0.5", "12.5", List.of())));
        assertThat(sql(loans, "which branch had the fewest fines?")).contains("COUNT(\"fine_eur\")")
                .contains("GROUP BY \"branch\"");
        assertThat(sql(loans, "total fines per branch")).contains("SUM(\"fine_eur\")");
    }

    @Test
    void aRankingAsksForEachThingsTotal() {
        assertThat(sql(BOTTLINGS, "Bar chart ranking the grapes by total bottles, most first"))
                .contains("SUM(\"bottles\")").contains("GROUP BY \"grape\"");
    }
}
