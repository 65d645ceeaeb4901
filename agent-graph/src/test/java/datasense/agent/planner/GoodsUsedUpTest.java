package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Goods used up, named by a mass noun, on an invented bakery's store issues: a kitchen, an ingredient, a quantity. */
class GoodsUsedUpTest {

    private static final SchemaInfo ISSUES = new SchemaInfo("store_issues", 320, List.of(
            Fixtures.col("issue_id", "VARCHAR", 320, List.of("I-001", "I-002")),
            Fixtures.col("kitchen", "VARCHAR", 3, List.of("Pastry", "Bread", "Savoury")),
            Fixtures.col("ingredient", "VARCHAR", 4, List.of("Flour", "Butter", "Sugar", "Yeast")),
            Fixtures.num("quantity", "BIGINT", 30, "1", "40"),
            new ColumnProfile("issued_on", "DATE", 0, 200, "2024-01-02", "2024-12-20", List.of())));

    private static String sql(String q) {
        Plan p = new OfflinePlanner().planNow(new PlanRequest(q, ISSUES, List.of(), null));
        assertThat(p.steps()).as(q + "\n" + p.interpretation()).isNotEmpty();
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void whoUsesTheMostOfAGoodAddsUpItsQuantity() {
        assertThat(sql("Which kitchen uses the most butter?")).contains("SUM(\"quantity\")")
                .contains("\"ingredient\" = 'Butter'").contains("GROUP BY \"kitchen\"");
        assertThat(sql("which kitchen used the most flour in 2024")).contains("SUM(\"quantity\")");
    }
}
