package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes an answer is asked in, on an invented table of a ferry company's crossings: each group's extreme as a sort
 * key, a figure with its running total, a box for each value named, a correlation of one pair, and a family of
 * values said with "ones".
 */
class AskedShapesTest {

    private static final SchemaInfo CROSSINGS = new SchemaInfo("ferry_crossings", 420, List.of(
            Fixtures.col("crossing_id", "VARCHAR", 420, List.of("C-1", "C-2")),
            Fixtures.col("vessel", "VARCHAR", 5, List.of("Sea Breeze", "Sea Breeze II", "Islander", "Gull", "Tern")),
            Fixtures.col("route", "VARCHAR", 3, List.of("Harbour-Isle", "Isle-Point", "Point-Harbour")),
            new datasense.tools.ColumnProfile("departed_at", "TIMESTAMP", 0, 418, "2024-01-01 06:00:00",
                    "2024-08-31 21:00:00", List.of()),
            Fixtures.num("trip_no", "BIGINT", 8, "1", "8"),
            Fixtures.num("passengers", "BIGINT", 300, "3", "410"),
            Fixtures.num("cars", "BIGINT", 60, "0", "70"),
            Fixtures.num("delay_min", "BIGINT", 80, "0", "95"),
            Fixtures.num("fuel_litres", "DOUBLE", 400, "120", "900")));

    private static Plan plan(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, CROSSINGS, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p;
    }

    private static String args(String q) {
        return plan(q).steps().get(0).args().toString();
    }

    @Test
    void aSuperlativeAfterByTheirIsEachGroupsExtreme() {
        String sql = args("sort the routes by their longest delay");
        assertThat(sql).contains("MAX(\\\"delay_min\\\")").doesNotContain("LIMIT");
    }

    @Test
    void aRunningTotalWithAFigureKeepsTheFigure() {
        String sql = args("passengers per month with a running total");
        assertThat(sql).contains("SUM(\\\"passengers\\\") AS").contains("OVER (ORDER BY");
    }

    @Test
    void aRunningTotalAloneIsChartedWithEachPeriodsFigureBesideIt() {
        // as a ledger: the month's own passengers beside the running total; the line is the running total
        var steps = plan("running total of passengers by month").steps();
        assertThat(steps.get(0).args().toString()).contains("AS \\\"running total passengers\\\"")
                .contains("SUM(\\\"passengers\\\") AS \\\"total passengers\\\"");
        assertThat(steps.get(1).args().get("y").asText()).isEqualTo("running total passengers");
    }

    @Test
    void aBoxPlotOfValuesNamedTogetherHasABoxEach() {
        assertThat(args("box plot of delay for Gull and Tern")).contains("\"by\":\"vessel\"");
        assertThat(args("box plot of delay for Gull")).doesNotContain("\"by\"");
    }

    @Test
    void correlatedWithIsOnePair() {
        assertThat(args("is the delay correlated with how many passengers a trip carries")).contains("corr(")
                .doesNotContain("trip_no");
        assertThat(args("correlation between passengers, cars and fuel")).contains("fuel_litres");
    }

    @Test
    void valuesSaidWithOnesAreTheFamilyTheyBegin() {
        assertThat(args("passengers on all vessels except the Sea Breeze ones")).contains("NOT (").contains("ILIKE 'Sea Breeze%'");
        assertThat(args("passengers on Sea Breeze")).contains("= 'Sea Breeze'");
    }
}
