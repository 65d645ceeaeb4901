package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words analysts use for what a table keeps under other names: metrics defined as a ratio ("click-through rate",
 * "ROAS"), a unit said in full for its abbreviation in a column's name ("kilometres" for route_km), "cost" for
 * spend, a value written as a name ("the Awareness flights"), and a period that may cover all the data. On an
 * invented podcast network's ad flights: one row per flight per day.
 */
class AnalystWordsTest {

    static final SchemaInfo FLIGHTS = new SchemaInfo("podcast_ad_flights", 700, List.of(
            new ColumnProfile("aired_on", "DATE", 0, 250, "2024-09-02", "2025-05-30", List.of()),
            Fixtures.col("podcast", "VARCHAR", 12, List.of("Night Shift", "Deep Roots")),
            Fixtures.col("goal", "VARCHAR", 3, List.of("Awareness", "Installs", "Sales")),
            Fixtures.num("spend", "DOUBLE", 650, "20", "900"),
            Fixtures.num("impressions", "INTEGER", 650, "500", "90000"),
            Fixtures.num("clicks", "INTEGER", 500, "0", "900"),
            Fixtures.num("installs", "INTEGER", 90, "0", "120"),
            Fixtures.num("revenue", "DOUBLE", 600, "0", "9000"),
            Fixtures.num("route_km", "DOUBLE", 40, "1", "80"),
            Fixtures.num("season", "INTEGER", 3, "2023", "2025")));

    private static Plan plan(String q) {
        return DoubtsTest.plan(FLIGHTS, q);
    }

    private static String sql(String q) {
        return plan(q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aMetricNamedByItsWordsIsTheRatioItIsDefinedBy() {
        assertThat(sql("Click-through rate by podcast")).contains("SUM(\"clicks\") / NULLIF(SUM(\"impressions\"), 0)", "GROUP BY \"podcast\"");
        assertThat(sql("ROAS by goal")).contains("SUM(\"revenue\") / NULLIF(SUM(\"spend\"), 0)", "GROUP BY \"goal\"");
        Plan restated = plan("return on ad spend (revenue / spend) by podcast");
        assertThat(restated.steps().get(0).args().get("sql").asText()).contains("SUM(\"revenue\") / NULLIF(SUM(\"spend\"), 0)")
                .doesNotContain("SUM(\"revenue\") AS", "SUM(\"spend\") AS");
        assertThat(restated.interpretation()).doesNotContain("not understood");
    }

    @Test
    void aUnitSaidInFullNamesTheColumnKeptInIt() {
        assertThat(sql("total kilometres by podcast")).contains("SUM(\"route_km\")");
    }

    @Test
    void costIsWhatWasSpent() {
        assertThat(sql("cost per click by podcast")).contains("SUM(\"spend\") / NULLIF(SUM(\"clicks\"), 0)");
    }

    @Test
    void aWordWrittenAsTheValueIsWrittenNamesTheValue() {
        assertThat(sql("total spend of the Installs flights")).contains("\"goal\" = 'Installs'", "SUM(\"spend\")");
        assertThat(sql("total installs by podcast")).contains("SUM(\"installs\")").doesNotContain("'Installs'");
    }

    @Test
    void thisYearInDataOfLessThanAYearIsNotSure() {
        Plan p = plan("total spend this year");
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("2025-01-01");
        assertThat(p.confidence()).isLessThan(0.8);
    }

    @Test
    void aLineGoesAlongItsAxisAndATrailingGroupingBelongsToTheQuestion() {
        assertThat(sql("line chart of average spend by season")).endsWith("ORDER BY \"season\"");
        assertThat(sql("Spend per click for the Installs flights, by season"))
                .contains("SUM(\"spend\") / NULLIF(SUM(\"clicks\"), 0)", "GROUP BY \"season\"", "'Installs'");
    }
}
