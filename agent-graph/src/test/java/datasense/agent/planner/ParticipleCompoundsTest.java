package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "bill amounts" of amount_billed: a noun before its head names the participle a column puts after it. And a
 * histogram whose column the question names only in its comparison ("bill amounts under 500") is of that column.
 * On an invented garage's repair jobs.
 */
class ParticipleCompoundsTest {

    static final SchemaInfo REPAIRS = new SchemaInfo("garage_repairs", 600, List.of(
            Fixtures.col("repair_id", "VARCHAR", 600, List.of("R-0001", "R-0002")),
            Fixtures.col("bill_ref", "VARCHAR", 600, List.of("B-9001", "B-9002")),
            Fixtures.col("workshop", "VARCHAR", 4, List.of("Eastgate", "Mill Lane")),
            Fixtures.num("amount_billed", "DOUBLE", 500, "40", "4000"),
            Fixtures.num("hours", "DOUBLE", 40, "0.5", "20")));

    @Test
    void aNounBeforeItsHeadNamesTheParticipleAfterIt() {
        assertThat(DoubtsTest.sql(REPAIRS, "average bill amount by workshop")).contains("AVG(\"amount_billed\")");
    }

    @Test
    void aHistogramOfTheColumnItsComparisonNames() {
        Plan p = DoubtsTest.plan(REPAIRS, "histogram of bill amounts under 500");
        assertThat(p.interpretation()).startsWith("Distribution of amount_billed").contains("amount_billed < 500");
        assertThat(p.steps().get(0).args().toString()).contains("amount_billed");
    }
}
