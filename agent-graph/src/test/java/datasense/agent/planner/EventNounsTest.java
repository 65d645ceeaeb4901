package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outcomes named by their nouns ("rejections" for Rejected, "recalls" for Recalled) counted per group or as a rate
 * ("rejection rate"), and ranked
 * values listed with what each row has ("the 5 highest fees with their roles"). On an invented theatre's
 * auditions: one row per audition.
 */
class EventNounsTest {

    static final SchemaInfo AUDITIONS = new SchemaInfo("auditions", 800, List.of(
            Fixtures.col("audition_id", "VARCHAR", 800, List.of("A-0001", "A-0002")),
            Fixtures.col("role", "VARCHAR", 25, List.of("Lead", "Chorus", "Understudy")),
            Fixtures.col("production", "VARCHAR", 6, List.of("Hamlet", "Cats", "Oliver")),
            Fixtures.col("outcome", "VARCHAR", 3, List.of("rejected", "recalled", "cast")),
            Fixtures.num("fee_offered", "INTEGER", 300, "200", "9000")));

    private static String sql(String q) {
        return DoubtsTest.sql(AUDITIONS, q);
    }

    @Test
    void anOutcomesNounPerGroupCountsItsRows() {
        assertThat(sql("rejections per production")).contains("COUNT(*)", "\"outcome\" = 'rejected'", "GROUP BY \"production\"");
        assertThat(sql("bar chart of recalls by role")).contains("COUNT(*)", "\"outcome\" = 'recalled'", "GROUP BY \"role\"");
    }

    @Test
    void anOutcomesRateIsThePartOfTheRowsWithIt() {
        assertThat(sql("rejection rate by production"))
                .contains("AVG(CASE WHEN \"outcome\" = 'rejected' THEN 1.0 ELSE 0.0 END)", "GROUP BY \"production\"")
                .doesNotContain("WHERE");
        assertThat(sql("which role has the best recall rate")).contains("\"outcome\" = 'recalled'", "GROUP BY \"role\"");
    }

    @Test
    void rankedValuesWithWhatTheirRowsHaveAreListed() {
        assertThat(sql("the 5 highest fees offered with their roles"))
                .contains("SELECT \"role\", \"fee_offered\"", "ORDER BY \"fee_offered\" DESC", "LIMIT 5").doesNotContain("SUM(");
        assertThat(sql("the 3 productions with the highest total fee offered")).contains("SUM(\"fee_offered\")", "GROUP BY \"production\"");
    }
}
