package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events a column records, against the status a row is in now: "the amount we have awarded" is award_amount, not
 * the rows whose status is still 'awarded'; "applicants that have submitted" are every row when every row has a
 * submitted_on; "the number of reviews" counts the rows with a review_date; "the number of declines" beside other
 * counts is a count of its own. On an invented arts council's grant applications.
 */
class EventsColumnsRecordTest {

    static final SchemaInfo GRANTS = new SchemaInfo("grant_applications", 520, List.of(
            Fixtures.col("application_id", "VARCHAR", 520, List.of("GA-0001", "GA-0002")),
            Fixtures.col("applicant_id", "VARCHAR", 300, List.of("AP-11", "AP-12")),
            Fixtures.col("program", "VARCHAR", 5, List.of("Arts", "Science", "Heritage")),
            new ColumnProfile("submitted_on", "DATE", 0, 300, "2025-01-02", "2025-11-20", List.of()),
            new ColumnProfile("review_date", "DATE", 210, 200, "2025-01-10", "2025-12-01", List.of()),
            new ColumnProfile("award_amount", "INTEGER", 400, 60, "1000", "50000", List.of()),
            Fixtures.col("status", "VARCHAR", 4, List.of("submitted", "reviewed", "awarded", "declined"))));

    private static String sql(String q) {
        return DoubtsTest.sql(GRANTS, q);
    }

    @Test
    void aVerbThatNamesTheMeasuresColumnDescribesItAndIsNoStatus() {
        assertThat(sql("average amount awarded per program")).contains("AVG(\"award_amount\")").doesNotContain("status");
        assertThat(sql("what is the average amount awarded to Arts applicants"))
                .contains("WHERE \"program\" = 'Arts'").doesNotContain("status");
        // with no such measure the participle is the status it names
        assertThat(sql("how many were awarded")).contains("\"status\" = 'awarded'");
    }

    @Test
    void anEventEveryRowHasDatedIsNoCondition() {
        assertThat(sql("How many applicants have submitted?")).contains("COUNT(DISTINCT \"applicant_id\")")
                .doesNotContain("WHERE");
    }

    @Test
    void eventsAnOftenEmptyDateRecordsAreTheRowsThatHaveIt() {
        assertThat(sql("number of reviews by program")).contains("WHERE \"review_date\" IS NOT NULL", "GROUP BY \"program\"");
    }

    @Test
    void gettingOrHavingOneOfWhatAColumnRecordsIsTheRowsWhereItIsThere() {
        assertThat(sql("how many applications have a review date")).contains("WHERE \"review_date\" IS NOT NULL");
        assertThat(sql("average award amount by program for applications that received an award"))
                .contains("WHERE \"award_amount\" > 0", "AVG(\"award_amount\")").doesNotContain("SUM(");
    }

    @Test
    void countsOfValuesListedBesideOtherCountsAreEachTheirOwn() {
        assertThat(sql("For each program show the number of applications, the number of reviews and the number of declines"))
                .contains("COUNT(*) AS", "COUNT(*) FILTER (WHERE \"review_date\" IS NOT NULL)",
                        "COUNT(*) FILTER (WHERE \"status\" = 'declined')", "GROUP BY \"program\"")
                .doesNotContain("\"grant_applications\" WHERE");
    }
}
