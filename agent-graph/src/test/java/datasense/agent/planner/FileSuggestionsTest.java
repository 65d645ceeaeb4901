package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A greenhouse's harvest log and a station's readings, invented for the test. */
class FileSuggestionsTest {

    private static final SchemaInfo HARVESTS = new SchemaInfo("harvests", 500, List.of(
            new ColumnProfile("harvested_on", "DATE", 0, 200, "2024-01-02", "2024-12-20", List.of()),
            Fixtures.col("bed", "VARCHAR", 6, List.of("North", "South", "East")),
            Fixtures.col("crop", "VARCHAR", 24, List.of("Kale", "Leek", "Chard")),
            Fixtures.num("weight_kg", "DOUBLE", 400, "0.2", "31.5"),
            Fixtures.num("hours_worked", "DOUBLE", 60, "0.5", "9")));

    private static final OfflinePlanner PLANNER = new OfflinePlanner();

    @Test
    void suggestionsUseTheFilesOwnColumnsAndEachIsReadWithFullConfidence() {
        List<String> suggested = FileSuggestions.of(HARVESTS, PLANNER, 6);
        assertThat(suggested).hasSizeBetween(4, 6).doesNotHaveDuplicates()
                .contains("total weight_kg by bed", "top 5 crop by weight_kg");
        for (String question : suggested) {
            Plan plan = PLANNER.planNow(new PlanRequest(question, HARVESTS, List.of(), null));
            assertThat(plan.confidence()).as(question).isEqualTo(1.0);
            assertThat(plan.steps()).as(question).isNotEmpty();
        }
    }

    @Test
    void theLimitIsKept() {
        assertThat(FileSuggestions.of(HARVESTS, PLANNER, 2)).hasSize(2);
    }

    @Test
    void aFileWithoutNumbersGetsOnlyCountingQuestions() {
        SchemaInfo visitors = new SchemaInfo("visitors", 90, List.of(
                Fixtures.col("visitor_name", "VARCHAR", 90, List.of("Ann", "Bo")),
                Fixtures.col("gate", "VARCHAR", 3, List.of("A", "B", "C"))));
        assertThat(FileSuggestions.of(visitors, PLANNER, 6)).isNotEmpty()
                .allSatisfy(q -> assertThat(q).doesNotContain("total", "average", "distribution"));
    }
}
