package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a row is, from a compound table name: on an invented kennel's dog walks a row is a walk; "dog" is in the
 * name too, but dog_name repeats, so "per dog" groups each dog's many walks. A word of the name no column repeats
 * (bikes of bike_repairs) still names the rows.
 */
class TableHeadsTest {

    private static final SchemaInfo WALKS = new SchemaInfo("kennel_dog_walks", 300, List.of(
            Fixtures.col("walk_id", "VARCHAR", 300, List.of("DW-001", "DW-002")),
            Fixtures.col("dog_name", "VARCHAR", 20, List.of("Biscuit", "Juno", "Pepper", "Nalu")),
            Fixtures.col("walker", "VARCHAR", 5, List.of("Sam", "Lee")),
            Fixtures.num("distance_km", "DOUBLE", 120, "0.5", "9")));

    private static Plan plan(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, WALKS, List.of(), null));
    }

    @Test
    void aThingOfTheTablesNameWithManyRowsEachIsAGroup() {
        Plan p = plan("total distance per dog");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).contains("GROUP BY \"dog_name\"");
        assertThat(p.interpretation()).doesNotContain("one row each");
    }

    @Test
    void aQualifierNoColumnRepeatsNamesTheRowsToo() {
        // a bike shop's repairs: one bike a repair, no column of bikes
        SchemaInfo repairs = new SchemaInfo("bike_repairs", 200, List.of(
                Fixtures.col("repair_no", "VARCHAR", 200, List.of("R-1", "R-2")),
                Fixtures.col("mechanic", "VARCHAR", 4, List.of("Ola", "Kit")),
                Fixtures.num("cost", "DOUBLE", 90, "10", "300")));
        String sql = new OfflinePlanner().planNow(new PlanRequest("how many bikes per mechanic", repairs, List.of(), null))
                .steps().get(0).args().get("sql").asText();
        assertThat(sql).contains("COUNT(*)").contains("GROUP BY \"mechanic\"");
    }

    @Test
    void aPossessiveNamesItsOwner() {
        Plan p = plan("Nalu's total distance");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).contains("\"dog_name\" = 'Nalu'")
                .contains("SUM(\"distance_km\")");
    }

    @Test
    void theHeadOfTheTablesNameIsItsRows() {
        Plan p = plan("average distance per walk");
        assertThat(p.steps().get(0).args().get("sql").asText()).as(p.interpretation()).contains("AVG(\"distance_km\")")
                .doesNotContain("GROUP BY");
    }
}
