package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words about the answer rather than the data, on an invented allotment society's plot rentals (a tenant rents
 * several plots): "a list of the tenants" names each tenant once, "just the name" asks for the answer alone, and
 * "compare" with nothing to compare on is a guess.
 */
class AnswerWordsTest {

    private static final SchemaInfo PLOTS = new SchemaInfo("allotment_rentals", 600, List.of(
            Fixtures.col("rental_id", "VARCHAR", 600, List.of("R-1", "R-2")),
            Fixtures.col("tenant_id", "VARCHAR", 200, List.of("T-1", "T-2")),
            Fixtures.col("tenant_name", "VARCHAR", 200, List.of("Iris Hale", "Omar Diaz")),
            Fixtures.col("plot_id", "VARCHAR", 120, List.of("P-01", "P-02")),
            Fixtures.col("site", "VARCHAR", 3, List.of("Brook Lane", "Mill Field", "Orchard")),
            Fixtures.col("tier", "VARCHAR", 3, List.of("Full plot", "Half plot", "Raised bed")),
            new ColumnProfile("started_on", "DATE", 0, 300, "2022-01-01", "2024-12-01", List.of()),
            Fixtures.num("rent_gbp", "DOUBLE", 20, "20", "140")));

    private static Plan plan(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, PLOTS, List.of(), null));
    }

    private static String sql(String q) {
        return plan(q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aListOfPeopleNamesEachOnce() {
        assertThat(sql("give me a list of the tenants on a Half plot")).startsWith("SELECT DISTINCT \"tenant_name\"")
                .contains("\"tier\" = 'Half plot'");
        // a plot rented many times, though it has no name, is listed once; a rental is a row
        assertThat(sql("list the plots at Orchard")).startsWith("SELECT DISTINCT \"plot_id\"");
        assertThat(sql("list the rentals on a Half plot")).startsWith("SELECT *");
    }

    @Test
    void justTheNameIsTheAnswerAloneNotAColumnCalledName() {
        String q = sql("which site brings in the most rent? just the name");
        assertThat(q).contains("GROUP BY \"site\"").doesNotContain("tenant_name");
        assertThat(sql("just the name of the tenant with the highest rent")).contains("tenant_name");
    }

    @Test
    void comparingOnNothingNamedIsAGuess() {
        assertThat(plan("compare Brook Lane and Orchard").confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(plan("compare the total rent of Brook Lane and Orchard").confidence()).isEqualTo(1.0);
    }

    @Test
    void anyOneOfThemIsTheExtremeOverAllNotARankingOfThem() {
        // "any tenant": whichever tenant it is; the highest rent is over the rows, not the top tenant's total
        assertThat(sql("what is the highest rent any tenant pays")).doesNotContain("GROUP BY").doesNotContain("SUM(");
        assertThat(sql("which tenant pays the highest total rent")).contains("GROUP BY");
    }

    @Test
    void theDayOfAnHourOfTheDayIsTimeNotAValue() {
        // a climbing wall's entries, where pass types begin with "Day": "hour of the day" is still a time of day
        SchemaInfo entries = new SchemaInfo("wall_entries", 800, List.of(
                Fixtures.col("pass_type", "VARCHAR", 3, List.of("Day pass", "Day pass (child)", "Annual")),
                new ColumnProfile("entered_at", "TIMESTAMP", 0, 790, "2024-01-01 09:00:00", "2024-06-30 21:00:00", List.of())));
        String q = new OfflinePlanner().planNow(new PlanRequest("entries per hour of the day", entries, List.of(), null))
                .steps().get(0).args().get("sql").asText();
        assertThat(q).contains("hour(\"entered_at\")").doesNotContain("pass_type");
    }
}
