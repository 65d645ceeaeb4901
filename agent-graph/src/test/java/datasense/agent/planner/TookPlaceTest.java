package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "actually" or "really" before a verb says the thing took place: the rows a yes/no column marks as not having
 * happened are left out; a "no-show" is a booking not attended. On an invented swimming school's lessons and a
 * driving school's booked lessons.
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

    static final SchemaInfo DRIVING = new SchemaInfo("driving_lessons", 300, List.of(
            Fixtures.col("instructor", "VARCHAR", 6, List.of("Mo", "Sue", "Tom")),
            new ColumnProfile("attended", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.num("fee", "DOUBLE", 5, "30", "55")));

    @Test
    void aNoShowIsABookingNotAttended() {
        assertThat(DoubtsTest.sql(DRIVING, "how many lessons were no-shows?")).contains("\"attended\" = FALSE");
        assertThat(DoubtsTest.sql(DRIVING, "which instructor had the most no-shows"))
                .contains("\"attended\" = FALSE").contains("GROUP BY \"instructor\"");
        assertThat(DoubtsTest.sql(DRIVING, "how many lessons had pupils who showed up")).contains("\"attended\" = TRUE");
        assertThat(DoubtsTest.sql(DRIVING, "show the fees by instructor")).doesNotContain("attended");
    }

    static final SchemaInfo PHYSIO = new SchemaInfo("physio_sessions", 500, List.of(
            Fixtures.col("therapist", "VARCHAR", 5, List.of("Ada Moss", "Ben Ure")),
            Fixtures.col("client_id", "VARCHAR", 150, List.of("C-1", "C-2")),
            new ColumnProfile("cancelled", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            new ColumnProfile("no_show", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    @Test
    void everyWayOfNotHappeningIsLeftOut() {
        // a session cancelled did not take place, and neither did one the client missed
        assertThat(DoubtsTest.sql(PHYSIO, "how many clients did Ada Moss actually see"))
                .contains("\"cancelled\" = FALSE", "\"no_show\" = FALSE", "\"therapist\" = 'Ada Moss'");
    }

    static final SchemaInfo GROOMING_LINES = new SchemaInfo("grooming_lines", 900, List.of(
            Fixtures.col("visit_id", "VARCHAR", 400, List.of("V-1", "V-2")),
            Fixtures.col("dog_id", "VARCHAR", 150, List.of("D-1", "D-2")),
            Fixtures.col("service", "VARCHAR", 6, List.of("Bath", "Nail trim", "Full groom")),
            Fixtures.col("groomer", "VARCHAR", 3, List.of("Kim", "Lou")),
            new ColumnProfile("no_show", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    @Test
    void noShowsPerGroupAreCountedNotListed() {
        assertThat(DoubtsTest.sql(GROOMING_LINES, "no-shows per groomer")).contains("COUNT(")
                .contains("\"no_show\" = TRUE").contains("GROUP BY \"groomer\"");
    }
}
