package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value said before a noun: of the column that noun names ("the Data team", even where "data" is otherwise
 * filler), or of another column, naming which of those things are meant ("for Poetry titles": the rows of that
 * genre, not a grouping by title). And "on which date" asks for the day. On an invented library's e-book loans.
 */
class ValuesBeforeNounsTest {

    static final SchemaInfo LOANS = new SchemaInfo("ebook_loans", 700, List.of(
            Fixtures.col("loan_id", "VARCHAR", 700, List.of("L-1", "L-2")),
            Fixtures.col("team", "VARCHAR", 3, List.of("Data", "Front Desk", "Archive")),
            Fixtures.col("title", "VARCHAR", 40, List.of("Salt Roads", "Paper Moons")),
            Fixtures.col("genre", "VARCHAR", 4, List.of("Poetry", "Crime", "History", "Kids")),
            new ColumnProfile("borrowed_at", "TIMESTAMP", 0, 700, "2025-01-02 09:00:00", "2025-06-30 18:00:00", List.of()),
            Fixtures.num("pages_read", "INTEGER", 300, "0", "800")));

    private static String sql(String q) {
        return DoubtsTest.sql(LOANS, q);
    }

    @Test
    void aCapitalisedValueBeforeItsColumnsNounIsThatValue() {
        assertThat(sql("how many loans did the Data team handle")).contains("\"team\" = 'Data'").doesNotContain("GROUP BY");
    }

    @Test
    void aValueOfAnotherColumnBeforeAPluralNamesWhichRows() {
        assertThat(sql("average pages read for Poetry titles")).contains("WHERE \"genre\" = 'Poetry'").doesNotContain("GROUP BY");
        assertThat(sql("average pages read by title for Poetry")).contains("GROUP BY \"title\"");
    }

    @Test
    void aNegatedVerbBeforeTheValuesOwnColumnNegatesTheValue() {
        assertThat(sql("in how many loans did she not pick the genre of Poetry")).contains("\"genre\" <> 'Poetry'");
    }

    @Test
    void whichDateAsksForTheDay() {
        assertThat(sql("on which date were the most loans borrowed")).contains("CAST(\"borrowed_at\" AS DATE)", "rank() OVER");
    }
}
