package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table's own noun in the plural names its rows, even where a column classifies those things under the same
 * first word: "vessels" of vessel_calls are calls counted, not the values of vessel_class. On an invented port's
 * vessel calls: one row per call.
 */
class TableNounsTest {

    static final SchemaInfo CALLS = new SchemaInfo("vessel_calls", 700, List.of(
            Fixtures.col("call_id", "VARCHAR", 700, List.of("C-0001", "C-0002")),
            Fixtures.col("berth", "VARCHAR", 6, List.of("North Quay", "South Quay")),
            Fixtures.col("vessel_class", "VARCHAR", 4, List.of("tanker", "bulk", "container", "ro-ro")),
            Fixtures.num("tonnage", "INTEGER", 600, "900", "90000")));

    private static String sql(String q) {
        return DoubtsTest.sql(CALLS, q);
    }

    @Test
    void theTablesNounCountsRowsNotTheKindsOfThem() {
        assertThat(sql("how many vessels docked at North Quay")).contains("COUNT(*)").doesNotContain("DISTINCT");
        assertThat(sql("number of vessels by berth")).contains("COUNT(*)", "GROUP BY \"berth\"");
    }

    @Test
    void aNounAndCountIsHowManyOfThem() {
        assertThat(sql("berths ranked by call count")).contains("COUNT(*)", "GROUP BY \"berth\"").doesNotContain("call_id\",");
        assertThat(sql("top 2 berths by call count")).contains("ORDER BY \"rows\" DESC", "LIMIT 2").doesNotContain("GROUP BY \"berth\", ");
    }

    @Test
    void theKindWordStillNamesTheColumn() {
        assertThat(sql("how many vessel classes are there")).contains("COUNT(DISTINCT \"vessel_class\")");
        assertThat(sql("number of calls by vessel class")).contains("GROUP BY \"vessel_class\"");
    }

    static final SchemaInfo SCOOTERS = new SchemaInfo("scooter_charging_sessions", 800, List.of(
            Fixtures.col("session_id", "VARCHAR", 800, List.of("SC-0001", "SC-0002")),
            Fixtures.col("scooter_id", "VARCHAR", 90, List.of("S-11", "S-12")),
            Fixtures.col("dock_name", "VARCHAR", 14, List.of("Harbour", "Market Hall")),
            Fixtures.num("price_paid", "DOUBLE", 300, "0.5", "9"),
            Fixtures.num("kwh", "DOUBLE", 400, "0.1", "1.2")));

    @Test
    void aVerbOfTheTablesOwnActivityIsWhatTheRowsRecordNotMoney() {
        assertThat(DoubtsTest.sql(SCOOTERS, "which scooter has charged at the most different docks"))
                .contains("COUNT(DISTINCT \"dock_name\")").doesNotContain("price_paid");
        // money asked for, by "how much" or a money word before the verb
        assertThat(DoubtsTest.sql(SCOOTERS, "total amount charged per dock")).contains("SUM(\"price_paid\")");
    }
}
