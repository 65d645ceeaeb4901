package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blank groups, on an invented gym's memberships: a freeze reason given only for the memberships that were frozen,
 * and a home club left blank for some members.
 */
class BlankGroupsTest {

    private static final SchemaInfo MEMBERSHIPS = new SchemaInfo("gym_memberships", 500, List.of(
            Fixtures.col("member_id", "VARCHAR", 500, List.of("M-1", "M-2")),
            new ColumnProfile("home_club", "VARCHAR", 40, 4, null, null, List.of("Docklands", "Eastgate", "Riverside")),
            new ColumnProfile("freeze_reason", "VARCHAR", 430, 4, null, null, List.of("Injury", "Travel", "Other")),
            Fixtures.num("monthly_fee", "DOUBLE", 12, "19", "59")));

    private static String sql(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, MEMBERSHIPS, List.of(), null)).steps().get(0).args()
                .get("sql").asText();
    }

    @Test
    void thingsCountedByTheirOwnColumnLeaveTheBlankRowsOut() {
        // a membership never frozen is no freeze: its blank reason is not a group of freezes
        assertThat(sql("freezes by reason as bars")).contains("\"freeze_reason\" IS NOT NULL")
                .contains("GROUP BY \"freeze_reason\"");
    }

    @Test
    void otherThingsCountedKeepTheBlankGroup() {
        // a member with no home club is still a member: the blank is a group of its own
        assertThat(sql("number of members per home club")).doesNotContain("IS NOT NULL").contains("GROUP BY \"home_club\"");
    }
}
