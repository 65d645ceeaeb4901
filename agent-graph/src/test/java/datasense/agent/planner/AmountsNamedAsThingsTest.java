package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Which" asks for things by a noun. When that noun only matches part of an amount's name ("canal" of
 * "Position [by Canal-km]"), it names the rows asked for, not an amount to add up, and stays unexplained.
 * On an invented canal's moorings.
 */
class AmountsNamedAsThingsTest {

    static final SchemaInfo MOORINGS = new SchemaInfo("moorings", 18, List.of(
            Fixtures.col("Mooring", "VARCHAR", 18, List.of("Lock 4 Basin", "Mill Wharf", "Kelpie Quay")),
            Fixtures.col("Bank", "VARCHAR", 2, List.of("north", "south")),
            Fixtures.num("Depth [m]", "DOUBLE", 15, "1.2", "3.4"),
            Fixtures.num("Position [by Canal-km]", "DOUBLE", 18, "0.8", "54.2"),
            Fixtures.num("Berths", "INTEGER", 12, "2", "40")));

    @Test
    void whichBeforePartOfAnAmountsNameIsNotThatAmount() {
        Plan plan = DoubtsTest.plan(MOORINGS, "which canal that has more than 10 berths also has a depth over 2 m?");
        assertThat(plan.steps().get(0).args().path("sql").asText()).doesNotContain("Position")
                .contains("\"Berths\" > 10").contains("\"Depth [m]\" > 2");
        assertThat(plan.interpretation()).contains("not understood: 'canal'");
        assertThat(plan.confidence()).isLessThan(0.8);
    }

    @Test
    void anAmountAskedForByNameIsStillAnAmount() {
        assertThat(DoubtsTest.sql(MOORINGS, "total berths on the north bank")).contains("SUM(\"Berths\")");
        assertThat(DoubtsTest.sql(MOORINGS, "which mooring has a depth over 2 m"))
                .startsWith("SELECT \"Mooring\"").doesNotContain("SUM(");
    }
}
