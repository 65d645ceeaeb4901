package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Columns of one amount told apart by their first word, on an invented toy factory's production runs (a target
 * beside what was made and what was rejected, and two costs kept in one currency) and a council's tax instalments
 * (what was due and what was paid).
 */
class AmountColumnNamesTest {

    private static final SchemaInfo RUNS = new SchemaInfo("toy_factory_runs", 320, List.of(
            Fixtures.col("run_id", "VARCHAR", 320, List.of("R-1", "R-2")),
            Fixtures.col("line", "VARCHAR", 4, List.of("Line A", "Line B", "Line C", "Line D")),
            Fixtures.num("target_units", "BIGINT", 12, "100", "600"),
            Fixtures.num("actual_units", "BIGINT", 290, "40", "640"),
            Fixtures.num("rejected_units", "BIGINT", 60, "0", "75"),
            Fixtures.num("machine_hours", "DOUBLE", 200, "1.5", "11.0"),
            Fixtures.num("machine_cost_usd", "DOUBLE", 300, "40", "900"),
            Fixtures.num("paint_cost_usd", "DOUBLE", 300, "5", "120")));

    private static final SchemaInfo INSTALMENTS = new SchemaInfo("council_tax_instalments", 500, List.of(
            Fixtures.col("account_ref", "VARCHAR", 60, List.of("CT-1", "CT-2")),
            Fixtures.col("ward", "VARCHAR", 4, List.of("Abbey", "Castle", "Mill", "Priory")),
            Fixtures.num("amount_due", "DOUBLE", 40, "80", "260"),
            Fixtures.num("amount_paid", "DOUBLE", 120, "0", "260")));

    private static String sql(String q) {
        return sql(RUNS, q);
    }

    private static String sql(SchemaInfo schema, String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, schema, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void unitsAreWhatWasMadeNotWhatWasMeantToBe() {
        assertThat(sql("total units by line")).contains("SUM(\"actual_units\")").doesNotContain("target_units");
        assertThat(sql("how many units did Line B make")).contains("SUM(\"actual_units\")");
        assertThat(sql("average target units by line")).contains("AVG(\"target_units\")");
    }

    @Test
    void aParticipleAfterItsNounNamesTheColumnItBegins() {
        assertThat(sql("average units rejected per run")).contains("AVG(\"rejected_units\")").doesNotContain("actual_units");
    }

    @Test
    void theNounOfAParticipleNamesItsColumn() {
        assertThat(sql("total rejects by line")).contains("SUM(\"rejected_units\")");
    }

    @Test
    void whatWasCollectedIsWhatWasPaid() {
        assertThat(sql(INSTALMENTS, "total collected per ward")).contains("SUM(\"amount_paid\")").doesNotContain("amount_due");
        assertThat(sql(INSTALMENTS, "amount collected by ward")).contains("SUM(\"amount_paid\")").doesNotContain("amount_due");
        assertThat(sql(INSTALMENTS, "amount due by ward")).contains("SUM(\"amount_due\")");
    }

    @Test
    void aNameIsSaidWithoutItsCurrency() {
        assertThat(sql("machine cost by line")).contains("SUM(\"machine_cost_usd\")").doesNotContain("machine_hours");
        assertThat(sql("paint cost per actual unit")).contains("SUM(\"paint_cost_usd\") / NULLIF(SUM(\"actual_units\")")
                .doesNotContain("machine_cost_usd");
    }
}
