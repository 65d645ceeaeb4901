package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Column;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.Table;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DataCaveatsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** 1,000 rows: Profit misses 120, City 38, Segment 50; Region and Sales are complete. */
    private static final SchemaInfo SCHEMA = new SchemaInfo("orders", 1000, List.of(
            new ColumnProfile("Region", "VARCHAR", 0, 4, "Central", "West", List.of("West", "East")),
            new ColumnProfile("City", "VARCHAR", 38, 120, "Aurora", "Yuma", List.of()),
            new ColumnProfile("Segment", "VARCHAR", 50, 3, "Consumer", "Home Office", List.of()),
            new ColumnProfile("Order Date", "DATE", 0, 400, "2024-01-01", "2024-03-05", List.of()),
            new ColumnProfile("Sales", "DOUBLE", 0, 900, "1", "5000", List.of()),
            new ColumnProfile("Profit", "DOUBLE", 120, 800, "-50", "900", List.of())));

    private static PlanStep sql(String statement) {
        return new PlanStep("sql_executor", JSON.objectNode().put("sql", statement), "q");
    }

    private static StepState ok(PlanStep step, Table table) {
        return StepState.pending(step, 0).succeeded(new StepOutput("done", table == null ? List.of() : List.of(table),
                List.of(), List.of(), "n", 1));
    }

    private static StepState ok(PlanStep step) {
        return ok(step, null);
    }

    private static Table table(List<Column> columns, Object[]... rows) {
        List<List<Object>> data = Arrays.stream(rows).map(Arrays::asList).toList();
        return new Table("t", columns, data, data.size(), false);
    }

    @Test
    void aMissingMeasureIsWordedForItsAggregateAndAMissingGroupFormsItsOwnGroup() {
        StepState s = ok(sql("SELECT \"City\", AVG(\"Profit\") AS \"avg_profit\" FROM \"orders\" GROUP BY \"City\""
                + " ORDER BY \"avg_profit\" DESC"));

        assertThat(DataCaveats.of(SCHEMA, List.of(s))).containsExactly(
                "12.0% of Profit is missing (120 of 1,000 rows); averages skip those rows.",
                "38 rows have no City; they form their own group.");
    }

    @Test
    void sumsAndRowCountsInOneStepAreBothWorded() {
        StepState s = ok(sql("SELECT \"Region\", SUM(\"Profit\") AS \"total\", COUNT(*) AS \"orders\""
                + " FROM \"orders\" GROUP BY 1"));

        assertThat(DataCaveats.of(SCHEMA, List.of(s))).containsExactly(
                "12.0% of Profit is missing (120 of 1,000 rows); totals skip those rows, while row counts include"
                        + " them.");
    }

    @Test
    void cleanColumnsGiveNoCaveatsAndNeitherDoFailedStepsOrExplicitNullChecks() {
        assertThat(DataCaveats.of(SCHEMA, List.of(ok(sql(
                "SELECT \"Region\", SUM(\"Sales\") AS \"total_sales\" FROM \"orders\" GROUP BY \"Region\""))))).isEmpty();

        StepState failed = StepState.pending(sql("SELECT AVG(\"Profit\") FROM \"orders\""), 0)
                .failed("sql_error", "boom", null);
        assertThat(DataCaveats.of(SCHEMA, List.of(failed))).isEmpty();

        // The question asked for rows with a city; missing cities are then no surprise.
        assertThat(DataCaveats.of(SCHEMA, List.of(ok(sql("SELECT \"City\", COUNT(*) AS \"n\" FROM \"orders\""
                + " WHERE \"City\" IS NOT NULL GROUP BY \"City\""))))).isEmpty();
        assertThat(DataCaveats.of(null, List.of(ok(sql("SELECT AVG(\"Profit\") FROM \"orders\""))))).isEmpty();
    }

    @Test
    void bareColumnNamesInSqlCountButAliasesLiteralsAndFunctionsDoNot() {
        StepState s = ok(sql("SELECT region, median(profit) AS city FROM orders WHERE region <> 'Segment'"
                + " GROUP BY region"));

        assertThat(DataCaveats.of(SCHEMA, List.of(s))).containsExactly(
                "12.0% of Profit is missing (120 of 1,000 rows); medians skip those rows.");
    }

    @Test
    void aFilterOnAColumnWithMissingValuesLeavesThoseRowsOut() {
        ObjectNode args = JSON.objectNode().put("date_column", "Order Date").put("value_column", "Sales")
                .put("agg", "sum").put("grain", "day");
        ArrayNode filters = args.putArray("filters");
        filters.addObject().put("column", "Segment").put("op", "eq").put("value", "Consumer");
        StepState s = ok(new PlanStep("trend_plot", args, "q"));

        assertThat(DataCaveats.of(SCHEMA, List.of(s))).containsExactly(
                "50 rows have no Segment; the filter on Segment leaves them out.",
                "Order Date in the data runs from 2024-01-01 to 2024-03-05.");
        assertThat(DataCaveats.headline(SCHEMA, List.of(s))).isNull(); // 5% missing in a filter: listed, not said
    }

    @Test
    void aTrendNotesItsDateRangeAndAPartialLastPeriod() {
        ObjectNode args = JSON.objectNode().put("date_column", "Order Date").put("value_column", "Profit")
                .put("agg", "avg").put("grain", "month");
        StepState s = ok(new PlanStep("trend_plot", args, "q"));

        assertThat(DataCaveats.of(SCHEMA, List.of(s))).containsExactly(
                "Order Date in the data runs from 2024-01-01 to 2024-03-05; the last month (from 2024-03-01) has"
                        + " data for only 5 of its 31 days, so it reads low.",
                "12.0% of Profit is missing (120 of 1,000 rows); averages skip those rows.");
    }

    @Test
    void theGrainOfATrendIsReadFromSqlOrFromTheResultPeriods() {
        StepState bySql = ok(sql("SELECT CAST(date_trunc('month', \"Order Date\") AS DATE) AS \"month\","
                + " SUM(\"Sales\") AS \"sales\" FROM \"orders\" GROUP BY 1 ORDER BY 1"));
        StepState byPeriods = ok(new PlanStep("trend_plot", JSON.objectNode().put("value_column", "Sales"), "q"),
                table(List.of(new Column("period", "DATE"), new Column("value", "DOUBLE")),
                        new Object[]{"2024-01-01", 1.0}, new Object[]{"2024-02-01", 2.0},
                        new Object[]{"2024-03-01", 3.0}));
        String partial = "Order Date in the data runs from 2024-01-01 to 2024-03-05; the last month (from 2024-03-01)"
                + " has data for only 5 of its 31 days, so it reads low.";

        assertThat(DataCaveats.of(SCHEMA, List.of(bySql))).containsExactly(partial);
        assertThat(DataCaveats.of(SCHEMA, List.of(byPeriods))).containsExactly(partial);
    }

    @Test
    void aTinySampleIsSaidFromTheRowsAStepKept() {
        ObjectNode args = JSON.objectNode();
        args.putArray("columns").add("Sales");
        args.putArray("filters").addObject().put("column", "Region").put("op", "eq").put("value", "West");
        Table stats = table(List.of(new Column("column", "VARCHAR"), new Column("type", "VARCHAR"),
                        new Column("count", "BIGINT"), new Column("nulls", "BIGINT")),
                new Object[]{"Sales", "DOUBLE", 10L, 4L});
        StepState s = ok(new PlanStep("summary_stats", args, "q"), stats);

        assertThat(DataCaveats.of(SCHEMA, List.of(s)))
                .containsExactly("Only 14 rows match the question; treat these figures as indicative.");

        StepState rows = ok(sql("SELECT \"City\", \"Sales\" FROM \"orders\" WHERE \"Sales\" > 4000 LIMIT 100"),
                table(List.of(new Column("City", "VARCHAR"), new Column("Sales", "DOUBLE")),
                        new Object[]{"Yuma", 4500.0}, new Object[]{"Aurora", 4800.0}));
        assertThat(DataCaveats.of(SCHEMA, List.of(rows)))
                .containsExactly("Only 2 rows match the question; treat these figures as indicative.");

        // A LIMIT that was reached says nothing about how many rows matched.
        StepState capped = ok(sql("SELECT \"Sales\" FROM \"orders\" ORDER BY \"Sales\" DESC LIMIT 2"),
                table(List.of(new Column("Sales", "DOUBLE")), new Object[]{5000.0}, new Object[]{4900.0}));
        assertThat(DataCaveats.of(SCHEMA, List.of(capped))).isEmpty();

        StepState counted = ok(sql("SELECT \"Region\", COUNT(*) AS \"n\" FROM \"orders\" WHERE \"Sales\" > 4000"
                        + " GROUP BY \"Region\""),
                table(List.of(new Column("Region", "VARCHAR"), new Column("n", "BIGINT")),
                        new Object[]{"West", 5L}, new Object[]{"East", 4L}));
        assertThat(DataCaveats.of(SCHEMA, List.of(counted)))
                .containsExactly("Only 9 rows match the question; treat these figures as indicative.");
    }

    @Test
    void aTinyFileIsSaidWhateverTheStep() {
        SchemaInfo tiny = new SchemaInfo("orders", 16, SCHEMA.columns().stream()
                .map(c -> new ColumnProfile(c.name(), c.type(), 0, c.distinct(), c.min(), c.max(), c.values()))
                .toList());
        StepState s = ok(sql("SELECT SUM(\"Sales\") AS \"total\" FROM \"orders\""));

        assertThat(DataCaveats.of(tiny, List.of(s)))
                .containsExactly("The data has only 16 rows; treat these figures as indicative.");
    }

    @Test
    void theAnswerNodeStoresTheCaveatsAndTheyRoundTripThroughJson() throws Exception {
        PlanStep step = sql("SELECT \"City\", AVG(\"Profit\") AS \"avg_profit\" FROM \"orders\" GROUP BY \"City\"");
        Plan plan = new Plan(List.of(step), "Average profit per city.", 0.9, List.of(), List.of(), "offline");
        Table t = table(List.of(new Column("City", "VARCHAR"), new Column("avg_profit", "DOUBLE")),
                new Object[]{"Yuma", 30.0}, new Object[]{null, 20.0});
        AnalysisState state = AnalysisState.start("j", "acme", "q", SCHEMA, List.of())
                .withPlan(plan, List.of(StepState.pending(step, 0).succeeded(
                        new StepOutput("2 rows", List.of(t), List.of(), List.of(), "n", 1))));

        AnalysisState answered = new AnswerNode(new NoPorts()).apply(state).toCompletableFuture().get();

        assertThat(answered.caveats()).containsExactly(
                "12.0% of Profit is missing (120 of 1,000 rows); averages skip those rows.",
                "38 rows have no City; they form their own group.");
        assertThat(answered.answer()).contains("(missing) is lowest with 20")
                .contains("\nNote: 12.0% of Profit is missing (120 of 1,000 rows); averages skip those rows.\n")
                .doesNotContain("38 rows");
        String json = AnalysisJson.MAPPER.writeValueAsString(answered);
        assertThat(AnalysisJson.MAPPER.readValue(json, AnalysisState.class)).isEqualTo(answered);
        // A checkpoint written before caveats existed still loads, with none.
        String old = json.replaceFirst(",\"caveats\":\\[[^\\]]*\\]", "");
        assertThat(old).doesNotContain("caveats");
        assertThat(AnalysisJson.MAPPER.readValue(old, AnalysisState.class).caveats()).isEmpty();
    }

    /** Ports the answer node only reports progress to. */
    private static final class NoPorts implements AnalysisPorts {
        @Override
        public CompletionStage<Plan> plan(PlanRequest request) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public CompletionStage<StepOutput> runStep(AnalysisState state, int index, PlanStep step, StepInput in) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }

        @Override
        public void progress(JobEvent event) {
        }
    }
}
