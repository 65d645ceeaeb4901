package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the rows themselves are meant: "top 5 days by output" on a table of days ranks the rows by the value (never
 * an unordered five), a scatter "for every visit" on a table of visits plots each row; and "from fewest visits to
 * most" orders groups by how many there are; a date listed among the columns to show is shown, though a month
 * also filters it. On an invented wind farm's daily log and a physiotherapy practice.
 */
class RowRankingsAndPointsTest {

    static final SchemaInfo WIND = new SchemaInfo("wind_turbine_days", 400, List.of(
            Fixtures.col("turbine", "VARCHAR", 4, List.of("T1", "T2", "T3", "T4")),
            new ColumnProfile("day", "DATE", 0, 100, "2025-01-01", "2025-04-10", List.of()),
            Fixtures.num("output_mwh", "DOUBLE", 390, "0", "60"),
            Fixtures.num("wind_speed", "DOUBLE", 200, "0", "25")));

    static final SchemaInfo PHYSIO = new SchemaInfo("physio_visits", 420, List.of(
            Fixtures.col("visit_id", "VARCHAR", 420, List.of("V-0001", "V-0002")),
            Fixtures.col("therapist", "VARCHAR", 5, List.of("Kim", "Ola", "Raj")),
            new ColumnProfile("visit_date", "DATE", 0, 200, "2025-01-02", "2025-06-30", List.of()),
            Fixtures.col("treatment", "VARCHAR", 6, List.of("Massage", "Dry needling", "Mobilisation")),
            Fixtures.num("charge", "DOUBLE", 30, "35", "120"),
            Fixtures.num("minutes", "BIGINT", 6, "20", "60")));

    @Test
    void topDaysByAValueAreTheRowsRankedByIt() {
        Plan plan = DoubtsTest.plan(WIND, "top 5 days by output at T2");
        assertThat(plan.steps().get(0).args().path("sql").asText())
                .contains("ORDER BY \"output_mwh\" DESC").endsWith("LIMIT 5").doesNotContain("COUNT");
    }

    @Test
    void fromFewestToMostOrdersByHowMany() {
        assertThat(DoubtsTest.sql(PHYSIO, "list the treatments from fewest visits to most"))
                .contains("COUNT(").contains("GROUP BY \"treatment\"").contains("ASC");
    }

    @Test
    void aDateListedToShowIsShownAsWellAsFiltered() {
        String sql = DoubtsTest.sql(PHYSIO, "list the visit id, visit date and charge of Kim's visits in March 2025");
        assertThat(sql).startsWith("SELECT \"visit_id\", \"visit_date\", \"charge\"").contains("\"visit_date\" BETWEEN");
    }

    @Test
    void aScatterForEveryRowPlotsTheRows() {
        Plan plan = DoubtsTest.plan(PHYSIO, "scatter plot of charge versus minutes for every visit");
        String sql = plan.steps().get(0).args().path("sql").asText();
        assertThat(sql).startsWith("SELECT \"charge\", \"minutes\"").doesNotContain("GROUP BY").doesNotContain("SUM(");
        assertThat(DoubtsTest.sql(PHYSIO, "scatter of charge against minutes for each row")).doesNotContain("GROUP BY");
        // a point per therapist needs two figures; with one read, the plot is a guess
        assertThat(DoubtsTest.plan(PHYSIO, "scatter plot of the number of visits for each therapist").isBestGuess()).isTrue();
        assertThat(DoubtsTest.sql(PHYSIO, "scatter of average charge against average minutes for each therapist"))
                .contains("GROUP BY \"therapist\"");
    }
}
