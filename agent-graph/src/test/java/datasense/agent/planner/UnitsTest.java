package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures asked in another unit than their column keeps, on an invented pottery's kiln log: durations in minutes
 * asked in hours, weights in grams asked in kilos, glaze in millilitres asked in litres, heights in millimetres
 * compared with metres. A minimum (min_temp_c) and an hour of the day (start_hour) are no units of time.
 */
class UnitsTest {

    private static final SchemaInfo KILN = new SchemaInfo("kiln_firings", 420, List.of(
            Fixtures.col("firing_id", "VARCHAR", 420, List.of("F-1", "F-2")),
            Fixtures.col("kiln", "VARCHAR", 3, List.of("Big Bertha", "Test Kiln", "Raku")),
            Fixtures.num("firing_minutes", "BIGINT", 300, "45", "900"),
            Fixtures.num("start_hour", "BIGINT", 14, "6", "20"),
            Fixtures.num("min_temp_c", "DOUBLE", 200, "600", "900"),
            Fixtures.num("load_g", "DOUBLE", 400, "800", "60000"),
            Fixtures.num("glaze_ml", "DOUBLE", 300, "0", "4000"),
            Fixtures.num("tallest_piece_mm", "DOUBLE", 250, "40", "900")));

    private static String sql(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, KILN, List.of(), null)).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aFigureAskedInAnotherUnitIsConvertedFromItsColumns() {
        assertThat(sql("total hours of firing by kiln")).contains("SUM((\"firing_minutes\" / 60.0))").contains("GROUP BY \"kiln\"");
        assertThat(sql("how many hours did Big Bertha fire in total")).contains("SUM((\"firing_minutes\" / 60.0))");
        assertThat(sql("how many kilos were fired in the Raku kiln")).contains("SUM((\"load_g\" / 1000.0))");
        assertThat(sql("average load in kg by kiln")).contains("AVG((\"load_g\" / 1000.0))");
        assertThat(sql("total glaze in litres")).contains("SUM((\"glaze_ml\" / 1000.0))");
        // in its own unit, nothing changes
        assertThat(sql("total firing minutes by kiln")).contains("SUM(\"firing_minutes\")");
    }

    @Test
    void aThresholdInAnotherUnitIsComparedInTheColumns() {
        assertThat(sql("how many firings had a load over 5 kg")).contains("\"load_g\" > 5000");
        assertThat(sql("firings where the tallest piece was taller than 0.5 metres")).contains("\"tallest_piece_mm\" > 500");
    }

    @Test
    void aMinimumAndAnHourOfTheDayAreNoUnitsOfTime() {
        assertThat(Units.ofColumn(KILN.column("min_temp_c"))).isNull();
        assertThat(Units.ofColumn(KILN.column("start_hour"))).isNull();
        assertThat(Units.ofColumn(KILN.column("firing_minutes")).plural()).isEqualTo("minutes");
        // a rate's unit is never the denominator's alone: "per hour" converts nothing
        assertThat(sql("average glaze per hour")).doesNotContain("/ 60.0");
    }
}
