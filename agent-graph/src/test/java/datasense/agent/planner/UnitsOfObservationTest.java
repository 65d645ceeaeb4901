package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a question counts, read from the noun it counts. "Depot-weeks" names the unit each row records (one per depot
 * and week), so rows are counted; "depots" stays the depots. On an invented bakery chain's weekly figures.
 */
class UnitsOfObservationTest {

    /** Eight depots over 30 weeks: one row per depot and week. */
    static final SchemaInfo WEEKLY = new SchemaInfo("bakery_weekly", 240, List.of(
            new ColumnProfile("week", "DATE", 0, 30, "2025-01-06", "2025-07-28", List.of()),
            Fixtures.col("depot", "VARCHAR", 8, List.of("Leith", "Govan", "Partick")),
            Fixtures.col("area", "VARCHAR", 3, List.of("East", "West", "Central")),
            Fixtures.num("loaves_baked", "INTEGER", 200, "400", "3000"),
            Fixtures.num("margin", "DOUBLE", 240, "-900", "2500")));

    @Test
    void anEntityJoinedToAPluralPeriodCountsTheRows() {
        Plan plan = DoubtsTest.plan(WEEKLY, "how many depot-weeks lost more than 500?");
        String sql = plan.steps().get(0).args().path("sql").asText();
        assertThat(sql).contains("COUNT(*)").doesNotContain("DISTINCT").contains("\"margin\" < -500");
        assertThat(plan.interpretation()).contains("'depot weeks' counted as rows, one per depot and week");
        assertThat(plan.isBestGuess()).isFalse();
    }

    @Test
    void thePeriodMayBeAWordOfNoColumn() {
        // "days" names no column of a table whose date is fired_on: still the unit each row records
        SchemaInfo daily = new SchemaInfo("kiln_days", 120, List.of(
                Fixtures.col("kiln", "VARCHAR", 4, List.of("K1", "K2", "K3", "K4")),
                new ColumnProfile("fired_on", "DATE", 0, 30, "2025-03-01", "2025-03-30", List.of()),
                Fixtures.num("firing_hours", "DOUBLE", 100, "0", "24")));
        assertThat(DoubtsTest.sql(daily, "on how many kiln-days was there more than 20 hours of firing?"))
                .contains("COUNT(*)").doesNotContain("DISTINCT");
        // a yes/no column before the period says which days ("burner fault days"), it is no unit of the rows
        SchemaInfo flagged = new SchemaInfo("kiln_days", 120, List.of(
                Fixtures.col("kiln", "VARCHAR", 4, List.of("K1", "K2", "K3", "K4")),
                new ColumnProfile("fired_on", "DATE", 0, 30, "2025-03-01", "2025-03-30", List.of()),
                new ColumnProfile("burner_fault", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));
        assertThat(DoubtsTest.plan(flagged, "which kilns had at least 4 burner fault days?").interpretation())
                .doesNotContain("one per burner_fault");
    }

    @Test
    void theEntityAloneIsStillCountedOnce() {
        assertThat(DoubtsTest.sql(WEEKLY, "how many depots lost more than 500?"))
                .contains("COUNT(DISTINCT \"depot\")");
    }

    @Test
    void withoutARowPerPairTheCountIsAGuess() {
        // three areas over 30 weeks are 90 pairs, not the table's 240 rows: an area-week may span several rows
        Plan plan = DoubtsTest.plan(WEEKLY, "number of area-weeks with a margin above 1000");
        assertThat(plan.steps().get(0).args().path("sql").asText()).contains("COUNT(*)");
        assertThat(plan.isBestGuess()).isTrue();
        assertThat(plan.interpretation()).contains("does not hold one row per area and week");
    }
}
