package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Groups compared with the average group, on an invented climbing gym's pass sales (a climber buys many passes):
 * a group's total is compared with the average of the groups' totals, never with one row's average amount.
 */
class AboveTheGroupAverageTest {

    private static final SchemaInfo PASSES = new SchemaInfo("climbing_pass_sales", 2000, List.of(
            Fixtures.col("sale_id", "VARCHAR", 2000, List.of("S-1", "S-2")),
            Fixtures.col("climber_id", "VARCHAR", 300, List.of("C-10", "C-11")),
            Fixtures.col("wall", "VARCHAR", 5, List.of("Boulder Cave", "Lead Hall", "Kids Wall")),
            new ColumnProfile("sold_on", "DATE", 0, 360, "2024-01-01", "2024-12-30", List.of()),
            Fixtures.num("price_eur", "DOUBLE", 12, "8", "95")));

    private static String sql(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, PASSES, List.of(), null)).steps().get(0).args()
                .get("sql").asText();
    }

    @Test
    void aTotalPerGroupIsComparedWithTheAverageOfTheTotals() {
        assertThat(sql("walls whose total price is above the average")).contains("GROUP BY \"wall\"")
                .contains("HAVING SUM(\"price_eur\") > (SELECT AVG(per_group) FROM (SELECT SUM(\"price_eur\") AS per_group"
                        + " FROM \"climbing_pass_sales\" GROUP BY \"wall\"))");
    }

    @Test
    void theMonthlyAverageAndTheAverageClimberAreAveragesOfTotals() {
        assertThat(sql("which months had more price than the monthly average"))
                .contains("GROUP BY strftime(\"sold_on\", '%Y-%m') HAVING SUM(\"price_eur\") > (SELECT AVG(per_group)");
        assertThat(sql("climbers who spent more than the average climber")).contains("GROUP BY \"climber_id\"")
                .contains("HAVING SUM(\"price_eur\") > (SELECT AVG(per_group)");
    }

    @Test
    void aRowAboveTheAverageRowStaysARowCondition() {
        assertThat(sql("sales with a price above the average price"))
                .contains("WHERE \"price_eur\" > (SELECT AVG(\"price_eur\") FROM \"climbing_pass_sales\")")
                .doesNotContain("HAVING");
    }
}
