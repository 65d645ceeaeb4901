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
        assertThat(ResultDoubts.of(List.of(ones), 100)).singleElement().asString().contains("holds a single row");

        StepState varied = ran("SELECT s, COUNT(*) AS rows FROM t GROUP BY s", GROUPED,
                List.of(List.of("A", 1L), List.of("B", 2L), List.of("C", 1L)));
        assertThat(ResultDoubts.of(List.of(varied), 100)).isEmpty();
        // two groups of one row each is too little to call the grouping degenerate
        StepState two = ran("SELECT s, COUNT(*) AS rows FROM t GROUP BY s", GROUPED,
                List.of(List.of("A", 1L), List.of("B", 1L)));
        assertThat(ResultDoubts.of(List.of(two), 100)).isEmpty();
        // a sum that happens to be 1 everywhere is an amount, not a count of rows
        StepState sums = ran("SELECT s, SUM(x) AS \"total x\" FROM t GROUP BY s",
                List.of(new Column("s", "VARCHAR"), new Column("total x", "BIGINT")),
                List.of(List.of("A", 1L), List.of("B", 1L), List.of("C", 1L)));
        assertThat(ResultDoubts.of(List.of(sums), 100)).isEmpty();
    }

    @Test
    void aFilterThatMatchesNothingIsADoubtButAnEmptyUnfilteredTableIsNot() {
        StepState none = ran("SELECT * FROM t WHERE \"Venue\" ILIKE '%played%'", GROUPED, List.of());
        assertThat(ResultDoubts.of(List.of(none), 100)).singleElement().asString().contains("no row matches");
        StepState empty = ran("SELECT * FROM t", GROUPED, List.of());
        assertThat(ResultDoubts.of(List.of(empty), 100)).isEmpty();
        // a count returns its one row: counting none under a condition is the same sign
        List<Column> count = List.of(new Column("rows", "BIGINT"));
        StepState zero = ran("SELECT COUNT(*) AS rows FROM t WHERE \"Year\" = 1987", count, List.of(List.of(0L)));
        assertThat(ResultDoubts.of(List.of(zero), 100)).singleElement().asString().contains("no row matches");
        assertThat(ResultDoubts.of(List.of(ran("SELECT COUNT(*) AS rows FROM t WHERE \"Year\" = 1987", count,
                List.of(List.of(3L)))), 100)).isEmpty();
        assertThat(ResultDoubts.of(List.of(ran("SELECT COUNT(*) AS rows FROM t", count, List.of(List.of(0L)))), 100)).isEmpty();
        // a sum of 0 is an amount
        assertThat(ResultDoubts.of(List.of(ran("SELECT SUM(a) AS \"total a\" FROM t WHERE y = 1",
                List.of(new Column("total a", "DOUBLE")), List.of(List.of(0.0)))), 100)).isEmpty();
    }

    @Test
    void anAverageGroupedByALabelOfOneRowEachIsADoubtButATimeSeriesIsNot() {
        List<Column> avg = List.of(new Column("store", "VARCHAR"), new Column("average units", "DOUBLE"));
        List<List<Object>> three = List.of(List.of("A", 1.5), List.of("B", 2.0), List.of("C", 7.0));
        String grouped = "SELECT store, AVG(units) AS \"average units\" FROM t GROUP BY store";
        assertThat(ResultDoubts.of(List.of(ran(grouped, avg, three)), 3)).singleElement().asString()
                .contains("holds a single row");
        // the same three groups on a table of six rows: groups of two, a real grouping
        assertThat(ResultDoubts.of(List.of(ran(grouped, avg, three)), 6)).isEmpty();
        // one row per month is the normal shape of monthly data
        List<Column> monthly = List.of(new Column("month", "VARCHAR"), new Column("total units", "DOUBLE"));
        String byMonth = "SELECT strftime(d, '%Y-%m') AS month, SUM(units) FROM t GROUP BY month";
        assertThat(ResultDoubts.of(List.of(ran(byMonth, monthly, three)), 3)).isEmpty();
    }

    @Test
    void anEmptyMeasureAndASharedFirstPlaceAreDoubts() {
        List<Column> total = List.of(new Column("total Average", "DOUBLE"));
        List<List<Object>> nothing = new java.util.ArrayList<>();
        nothing.add(java.util.Arrays.asList((Object) null));
        assertThat(ResultDoubts.of(List.of(ran("SELECT SUM(a) FROM t WHERE y = 1", total, nothing)), 10))
                .singleElement().asString().contains("no value to compute with");
        assertThat(ResultDoubts.of(List.of(ran("SELECT SUM(a) FROM t WHERE y = 1", total,
                List.of(List.of(4.0)))), 10)).isEmpty();

        String top = "SELECT d, COUNT(*) AS rows FROM t GROUP BY d QUALIFY rank() OVER (ORDER BY COUNT(*) DESC) = 1";
        List<Column> cols = List.of(new Column("Driver", "VARCHAR"), new Column("rows", "BIGINT"));
        assertThat(ResultDoubts.of(List.of(ran(top, cols, List.of(List.of("A", 2L), List.of("B", 2L)))), 10))
                .singleElement().asString().contains("2 rows share the first place");
        assertThat(ResultDoubts.of(List.of(ran(top, cols, List.of(List.of("A", 2L)))), 10)).isEmpty();
    }

    @Test
    void eachDoubtHalvesConfidenceAndIsNoted() {
        Plan p = new Plan(List.of(), "i", 1.0, List.of(), List.of(), "offline");
        Plan d = p.doubted(List.of("x"), ResultDoubts.FACTOR);
        assertThat(d.confidence()).isEqualTo(0.5);
        assertThat(d.notes()).containsExactly(Plan.DOUBT + "x");
    }
}
