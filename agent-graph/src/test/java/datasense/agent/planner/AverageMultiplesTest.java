package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multiple of the average ("five times the average fine", "twice the average", "half the average"): the
 * comparison is with the average multiplied; how often ("more than once", "at least 3 times") is a count of rows per
 * thing. On an invented city's parking fines: one row per fine.
 */
class AverageMultiplesTest {

    static final SchemaInfo FINES = new SchemaInfo("parking_fines", 900, List.of(
            Fixtures.col("fine_id", "VARCHAR", 900, List.of("F-0001", "F-0002")),
            Fixtures.col("street", "VARCHAR", 40, List.of("Mill Lane", "Dock Road")),
            Fixtures.num("fine_amount", "DOUBLE", 30, "20", "400"),
            Fixtures.num("minutes_over", "INTEGER", 200, "1", "600")));

    private static String sql(String q) {
        return DoubtsTest.sql(FINES, q);
    }

    @Test
    void aMultipleOfTheAverageMultipliesIt() {
        assertThat(sql("fines with a fine amount more than five times the average fine amount"))
                .contains("\"fine_amount\" > (5 * (SELECT AVG(\"fine_amount\")");
        assertThat(sql("fines where minutes over is more than twice the average"))
                .contains("\"minutes_over\" > (2 * (SELECT AVG(\"minutes_over\")");
        assertThat(sql("fines with a fine amount under half the average fine amount"))
                .contains("\"fine_amount\" < (0.5 * (SELECT AVG(\"fine_amount\")");
    }

    @Test
    void howOftenIsACountOfRowsPerThing() {
        assertThat(sql("how many streets were fined more than once"))
                .contains("HAVING COUNT(*) > 1", "GROUP BY \"street\"");
        assertThat(sql("streets fined at least 3 times")).contains("HAVING COUNT(*) >= 3");
        // a comparison set off by commas is still one
        assertThat(sql("fines with, at most, 30 minutes over")).contains("\"minutes_over\" <= 30");
        // with no comparison, a verb of occurring says exactly how many
        assertThat(sql("which streets appear twice?")).contains("HAVING COUNT(*) = 2", "GROUP BY \"street\"");
        assertThat(sql("which streets were only listed once?")).contains("HAVING COUNT(*) = 1");
    }

    @Test
    void aNegatedVerbTurnsTheComparisonAfterIt() {
        assertThat(sql("how many fines do not have a fine amount greater than 100")).contains("\"fine_amount\" <= 100");
        assertThat(sql("how many fines have a fine amount greater than 100")).contains("\"fine_amount\" > 100");
    }

    @Test
    void theAverageAloneIsNotMultiplied() {
        assertThat(sql("fines with a fine amount above the average fine amount"))
                .contains("\"fine_amount\" > (SELECT AVG(\"fine_amount\")").doesNotContain("* (SELECT");
    }
}
