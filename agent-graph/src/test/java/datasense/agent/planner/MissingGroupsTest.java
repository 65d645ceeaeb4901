package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A grouping's missing values are left out of the groups, and the interpretation says so. */
class MissingGroupsTest {

    static final SchemaInfo TICKETS = new SchemaInfo("helpdesk_tickets", 300, List.of(
            Fixtures.col("ticket_id", "VARCHAR", 300, List.of("H-001", "H-002")),
            new ColumnProfile("assignee", "VARCHAR", 41, 6, null, null, List.of("Ines", "Omar", "Tove")),
            Fixtures.col("queue", "VARCHAR", 3, List.of("Billing", "Access", "Hardware")),
            Fixtures.num("minutes_open", "DOUBLE", 280, "4", "900")));

    @Test
    void aGroupingLeavesOutTheRowsWithNoValue() {
        Plan plan = DoubtsTest.plan(TICKETS, "average minutes open per assignee");
        assertThat(plan.steps().get(0).args().toString()).contains("\\\"assignee\\\" IS NOT NULL");
        assertThat(plan.interpretation()).contains("rows with no assignee left out of the groups (41 in the table)");
        // a column with no missing values, and a question about the missing ones, are left as they are
        assertThat(DoubtsTest.sql(TICKETS, "average minutes open per queue")).doesNotContain("IS NOT NULL");
        assertThat(DoubtsTest.sql(TICKETS, "how many tickets have no assignee?")).doesNotContain("IS NOT NULL");
    }
}
