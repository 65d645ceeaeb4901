package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "actually" or "really" before a verb says the thing took place: the rows a yes/no column marks as not having
 * happened are left out. On an invented swimming school's lessons.
 */
class TookPlaceTest {

    static final SchemaInfo LESSONS = new SchemaInfo("swim_lessons", 400, List.of(
            Fixtures.col("lesson_id", "VARCHAR", 400, List.of("SL-001", "SL-002")),
            Fixtures.col("pool", "VARCHAR", 3, List.of("North", "Lido")),
            Fixtures.col("level", "VARCHAR", 4, List.of("Beginner", "Improver")),
            Fixtures.num("pupils", "INTEGER", 12, "1", "12"),
            new ColumnProfile("cancelled", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    @Test
    void whatActuallyHappenedLeavesOutWhatDidNot() {
        assertThat(DoubtsTest.sql(LESSONS, "how many Beginner lessons actually took place at each pool"))
                .contains("\"cancelled\" = FALSE", "\"level\" = 'Beginner'", "GROUP BY \"pool\"");
        assertThat(DoubtsTest.sql(LESSONS, "how many pupils were really taught")).contains("\"cancelled\" = FALSE");
        // without the adverb, nothing is said of it; said outright, it is what is said
        assertThat(DoubtsTest.sql(LESSONS, "how many Beginner lessons were there")).doesNotContain("cancelled");
        assertThat(DoubtsTest.sql(LESSONS, "how many cancelled lessons actually took place")).contains("\"cancelled\" = TRUE")
                .doesNotContain("FALSE");
    }
}
