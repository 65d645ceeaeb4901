package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The opposite of a yes/no column's state ("failed" where the column is passed), the span of a date ("first and
 * last day"), "combined" before a measure, the people "who ..." listed once each, and "the number of tests each
 * learner took", on an invented driving school's tests: one row per test sat, a learner on many rows.
 */
class OppositesAndSpansTest {

    static final SchemaInfo TESTS = new SchemaInfo("driving_tests", 900, List.of(
            Fixtures.col("test_id", "VARCHAR", 900, List.of("T0001", "T0002")),
            Fixtures.col("learner_id", "VARCHAR", 300, List.of("L001", "L002")),
            Fixtures.col("learner_name", "VARCHAR", 300, List.of("Ana Lima", "Bo Chen")),
            Fixtures.col("examiner", "VARCHAR", 7, List.of("Mr. Dale", "Ms. Oduya")),
            Fixtures.col("centre", "VARCHAR", 4, List.of("Harbour Road", "Hillside")),
            new ColumnProfile("test_date", "DATE", 0, 500, "2024-01-03", "2025-06-30", List.of()),
            Fixtures.num("faults", "INTEGER", 20, "0", "19"),
            Fixtures.num("fee", "DOUBLE", 3, "62", "75"),
            new ColumnProfile("passed", "BOOLEAN", 12, 2, null, null, List.of("true", "false"))));

    /** Tenders a firm bid for: won is blank, like decided_on, while a bid awaits its decision. */
    static final SchemaInfo BIDS = new SchemaInfo("tender_bids", 400, List.of(
            Fixtures.col("bid_id", "VARCHAR", 400, List.of("B-001", "B-002")),
            Fixtures.col("sector", "VARCHAR", 5, List.of("Defence", "Health", "Transport")),
            new ColumnProfile("submitted_on", "DATE", 0, 300, "2023-01-04", "2025-05-30", List.of()),
            new ColumnProfile("decided_on", "DATE", 60, 250, "2023-02-10", "2025-06-20", List.of()),
            Fixtures.num("bid_value", "DOUBLE", 390, "5000", "900000"),
            new ColumnProfile("won", "BOOLEAN", 60, 2, null, null, List.of("true", "false"))));

    private static String sql(String q) {
        return DoubtsTest.plan(TESTS, q).steps().get(0).args().get("sql").asText();
    }

    private static String bids(String q) {
        return DoubtsTest.plan(BIDS, q).steps().get(0).args().get("sql").asText();
    }

    @Test
    void aVerbOfTheStateIsTheColumnAndDatedWhenItWasSettled() {
        assertThat(bids("How many bids did we win in 2024?")).contains("\"won\" = TRUE", "year(\"decided_on\") = 2024");
        assertThat(bids("How many bids were lost in 2023?")).contains("\"won\" = FALSE", "year(\"decided_on\") = 2023");
        assertThat(bids("How many bids were submitted in 2024?")).contains("year(\"submitted_on\") = 2024").doesNotContain("won");
        assertThat(bids("win rate by sector")).contains("CASE WHEN \"won\" = TRUE THEN 1.0", "GROUP BY \"sector\"");
    }

    @Test
    void aShareOfARowsPartIsTheRateAmongTheRowsNamedBeforeIt() {
        String sql = bids("What fraction of our Defence bids did we win?");
        assertThat(sql).contains("CASE WHEN \"won\" = TRUE THEN 1.0", "WHERE \"sector\" = 'Defence'")
                .doesNotContain("COUNT(*)");
    }

    @Test
    void aWordForTheOppositeStateIsTheColumnFalse() {
        assertThat(sql("How many tests were failed at Hillside?")).contains("\"passed\" = FALSE", "COUNT(*)");
        assertThat(sql("How many tests did each learner fail?")).contains("\"passed\" = FALSE", "GROUP BY \"learner_name\"");
        assertThat(sql("How many tests were passed?")).contains("\"passed\" = TRUE");
    }

    @Test
    void aRateOfTheOppositeCountsTheNoes() {
        Plan p = DoubtsTest.plan(TESTS, "failure rate by examiner");
        assertThat(p.steps().get(0).args().get("sql").asText())
                .contains("CASE WHEN \"passed\" = FALSE THEN 1.0 WHEN \"passed\" IS NOT NULL THEN 0.0 END", "GROUP BY \"examiner\"");
        assertThat(p.interpretation()).contains("passed = false").doesNotContain("not understood");
        assertThat(sql("What share of tests were failed at each centre?")).contains("\"passed\" = FALSE THEN 1.0")
                .doesNotContain("OVER ()");
    }

    @Test
    void firstAndLastDayIsTheSpanOfTheDate() {
        for (String q : List.of("Show each examiner with their first and last day", "earliest and latest test date per examiner")) {
            String sql = sql(q);
            assertThat(sql).as(q).contains("MIN(\"test_date\")", "MAX(\"test_date\")", "GROUP BY \"examiner\"")
                    .doesNotContain("WHERE");
        }
        assertThat(sql("tests on the last day")).contains("WHERE \"test_date\"");
    }

    @Test
    void combinedBeforeAMeasureIsItsTotal() {
        assertThat(sql("What is the combined fee of the tests at Hillside?")).contains("SUM(\"fee\")").doesNotContain("AVG");
    }

    @Test
    void peopleWhoDidSomethingAreListedOnceEach() {
        String sql = sql("List the learners who made more than 15 faults");
        assertThat(sql).startsWith("SELECT DISTINCT \"learner_name\" FROM").contains("\"faults\" > 15");
    }

    @Test
    void theNumberOfRowsEachEntityHadGroupsByIt() {
        assertThat(sql("Number of tests each learner took")).contains("COUNT(*)", "GROUP BY \"learner_name\"")
                .doesNotContain("DISTINCT");
    }

    @Test
    void aCountOrATotalOfOneThingOnAverageIsAveragedOverThoseThings() {
        assertThat(sql("On average, how many tests does an examiner run?"))
                .contains("AVG(\"period total\")", "\"examiner\" AS \"period\"", "COUNT(*)");
        assertThat(sql("On average, how many faults in total does each learner make?"))
                .contains("AVG(\"period total\")", "SUM(\"faults\")", "GROUP BY \"learner_id\"");
    }

    @Test
    void aFunctionOfADailyFigurePerGroupIsNotSure() {
        assertThat(DoubtsTest.plan(TESTS, "max daily faults per centre").confidence()).isLessThan(0.8);
    }

    @Test
    void aStateAskedBothWaysIsComparedNotBothRequired() {
        Plan p = DoubtsTest.plan(BIDS, "grouped bar chart of total bid value by sector, won vs lost");
        assertThat(p.steps().get(0).args().get("sql").asText()).contains("GROUP BY \"sector\", \"won\"",
                "\"won\" IS NOT NULL").doesNotContain("= TRUE", "= FALSE");
        assertThat(p.interpretation()).doesNotContain("not understood");
    }

    @Test
    void aComparativeThanTheAverageComparesWithTheMean() {
        assertThat(bids("How many bids are bigger than the average bid value?"))
                .contains("\"bid_value\" > (SELECT AVG(\"bid_value\") FROM \"tender_bids\")");
    }

    @Test
    void neitherNorLeavesBothOut() {
        assertThat(sql("How many tests were at neither Hillside nor Harbour Road?"))
                .contains("\"centre\" <> 'Hillside'", "\"centre\" <> 'Harbour Road'").doesNotContain("\"centre\" IN");
    }

    @Test
    void eventsWithAConditionThenAGroupingAreCounted() {
        SchemaInfo harvests = new SchemaInfo("orchard_harvests", 300, List.of(
                Fixtures.col("orchard", "VARCHAR", 4, List.of("Northfield", "Brook End")),
                Fixtures.col("fruit", "VARCHAR", 3, List.of("Apple", "Pear", "Plum")),
                new ColumnProfile("harvested_on", "DATE", 0, 200, "2022-08-01", "2024-10-30", List.of()),
                Fixtures.num("crates", "INTEGER", 90, "1", "140")));
        String sql = DoubtsTest.plan(harvests, "harvests that were not Pear by orchard").steps().get(0).args().get("sql").asText();
        assertThat(sql).contains("COUNT(*)", "GROUP BY \"orchard\"", "'Pear'");
    }

    @Test
    void neverIsAboutEveryRowOfEachThingNamed() {
        String sql = sql("Which learners never passed?");
        assertThat(sql).contains("GROUP BY \"learner_name\"", "HAVING", "\"passed\" = TRUE THEN 1.0").doesNotContain("WHERE");
        assertThat(sql("Which learners never failed?")).contains("HAVING", "\"passed\" = FALSE THEN 1.0").doesNotContain("WHERE");
    }

    @Test
    void stillSaysTheEndingHasNotHappened() {
        assertThat(bids("How many bids are still under review?")).contains("\"decided_on\" IS NULL");
    }
}
