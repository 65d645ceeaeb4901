package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import datasense.tools.Column;
import datasense.tools.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultDoubtsTest {

    private static StepState ran(String sql, List<Column> columns, List<List<Object>> rows) {
        PlanStep step = new PlanStep("sql_executor", JsonNodeFactory.instance.objectNode().put("sql", sql), "the intent");
        Table t = new Table("t", columns, rows, rows.size(), false);
        return StepState.pending(step, 0).succeeded(new StepOutput(null, List.of(t), List.of(), List.of(sql), "n", 1));
    }

    private static final List<Column> GROUPED = List.of(new Column("Stadium", "VARCHAR"), new Column("rows", "BIGINT"));

    @Test
    void aCountOfOneInEveryGroupIsADoubt() {
        StepState ones = ran("SELECT s, COUNT(*) AS rows FROM t GROUP BY s", GROUPED,
                List.of(List.of("A", 1L), List.of("B", 1L), List.of("C", 1L)));
        assertThat(ResultDoubts.of(List.of(ones))).singleElement().asString().contains("holds a single row");

        StepState varied = ran("SELECT s, COUNT(*) AS rows FROM t GROUP BY s", GROUPED,
                List.of(List.of("A", 1L), List.of("B", 2L), List.of("C", 1L)));
        assertThat(ResultDoubts.of(List.of(varied))).isEmpty();
        // two groups of one row each is too little to call the grouping degenerate
        StepState two = ran("SELECT s, COUNT(*) AS rows FROM t GROUP BY s", GROUPED,
                List.of(List.of("A", 1L), List.of("B", 1L)));
        assertThat(ResultDoubts.of(List.of(two))).isEmpty();
        // a sum that happens to be 1 everywhere is an amount, not a count of rows
        StepState sums = ran("SELECT s, SUM(x) AS \"total x\" FROM t GROUP BY s",
                List.of(new Column("s", "VARCHAR"), new Column("total x", "BIGINT")),
                List.of(List.of("A", 1L), List.of("B", 1L), List.of("C", 1L)));
        assertThat(ResultDoubts.of(List.of(sums))).isEmpty();
    }

    @Test
    void aFilterThatMatchesNothingIsADoubtButAnEmptyUnfilteredTableIsNot() {
        StepState none = ran("SELECT * FROM t WHERE \"Venue\" ILIKE '%played%'", GROUPED, List.of());
        assertThat(ResultDoubts.of(List.of(none))).singleElement().asString().contains("no row matches");
        StepState empty = ran("SELECT * FROM t", GROUPED, List.of());
        assertThat(ResultDoubts.of(List.of(empty))).isEmpty();
    }

    @Test
    void eachDoubtHalvesConfidenceAndIsNoted() {
        Plan p = new Plan(List.of(), "i", 1.0, List.of(), List.of(), "offline");
        Plan d = p.doubted(List.of("x"), ResultDoubts.FACTOR);
        assertThat(d.confidence()).isEqualTo(0.5);
        assertThat(d.notes()).containsExactly(Plan.DOUBT + "x");
    }
}
