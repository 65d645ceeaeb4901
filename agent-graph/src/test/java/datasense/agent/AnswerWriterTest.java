package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Column;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerWriterTest {

    private static Table table(List<Column> columns, Object[]... rows) {
        List<List<Object>> data = Arrays.stream(rows).map(r -> Arrays.asList(r)).toList();
        return new Table("t", columns, data, data.size(), false);
    }

    private static PlanStep step(String tool, String intent) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        return new PlanStep(tool, args, intent);
    }

    private static StepOutput output(String summary, Table table) {
        return new StepOutput(summary, table == null ? List.of() : List.of(table), List.of(), List.of(), "n1", 3);
    }

    @Test
    void numbersGetThousandsSeparatorsAndAtMostTwoDecimals() {
        assertThat(Numbers.format(1_234_567.891)).isEqualTo("1,234,567.89");
        assertThat(Numbers.format(1_234_567)).isEqualTo("1,234,567");
        assertThat(Numbers.format(-2500.5)).isEqualTo("-2,500.5");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(0.01234)).isEqualTo("0.0123");
        assertThat(Numbers.percent(0.41666)).isEqualTo("41.7%");
    }

    @Test
    void groupedTableNamesLeaderAndLaggardWithSharesAndSpread() {
        Table t = table(List.of(new Column("region", "VARCHAR"), new Column("sales", "DOUBLE")),
                new Object[]{"East", 380.0}, new Object[]{"West", 500.0}, new Object[]{"Central", 120.0},
                new Object[]{"South", 200.0});

        assertThat(AnswerWriter.insight(step("sql_executor", "sales by region"), output("4 rows", t)))
                .isEqualTo("West leads sales with 500 (41.7% of total); Central is lowest with 120 (10.0%);"
                        + " the largest is 4.2x the smallest across 4 groups.");
    }

    @Test
    void groupedTableWithNegativesHasNoSharesAndTruncationIsSaid() {
        Table t = new Table("t", List.of(new Column("segment", "VARCHAR"), new Column("profit", "BIGINT")),
                List.of(List.of("A", 1_500_000L), List.of("B", -250L)), 9, true);

        assertThat(TableInsight.grouped(t))
                .isEqualTo("A leads profit with 1,500,000; B is lowest with -250; spread 1,500,250 across 2 groups"
                        + " shown (of 9).");
    }

    @Test
    void singleValueIsWrittenWithSeparators() {
        Table t = table(List.of(new Column("total_sales", "DOUBLE")), new Object[]{2_297_200.8603});

        assertThat(AnswerWriter.insight(step("sql_executor", "total sales"), output("1 row", t)))
                .isEqualTo("total_sales: 2,297,200.86.");
    }

    @Test
    void aSingleCoefficientIsPutInWords() {
        Table t = table(List.of(new Column("correlation", "DOUBLE")), new Object[]{-0.2006});

        assertThat(AnswerWriter.insight(step("sql_executor", "correlation of discount and profit"), output("1 row", t)))
                .isEqualTo("r = -0.20, weak negative correlation.");
    }

    @Test
    void timeSeriesGivesDirectionChangeAndPeak() {
        Table t = table(List.of(new Column("month", "DATE"), new Column("sales", "DOUBLE")),
                new Object[]{"2024-02-01", 150.0}, new Object[]{"2024-01-01", 100.0},
                new Object[]{"2024-03-01", 90.0}, new Object[]{"2024-04-01", 125.0});

        assertThat(AnswerWriter.insight(step("trend_plot", "sales over time"), output("trend", t)))
                .isEqualTo("sales rose 25.0% from 100 in 2024-01-01 to 125 in 2024-04-01; peak 150 in 2024-02-01"
                        + " (4 periods).");

        Table years = table(List.of(new Column("order_year", "BIGINT"), new Column("orders", "BIGINT")),
                new Object[]{2016L, 4000L}, new Object[]{2017L, 3000L});
        assertThat(TableInsight.of(years))
                .isEqualTo("orders fell 25.0% from 4,000 in 2016 to 3,000 in 2017; peak 4,000 in 2016 (2 periods).");
    }

    @Test
    void correlationStrengthInWordsFromAMatrixOrALongTable() {
        assertThat(TableInsight.strength(0.05)).isEqualTo("no correlation");
        assertThat(TableInsight.strength(-0.2)).isEqualTo("weak negative correlation");
        assertThat(TableInsight.strength(0.3)).isEqualTo("moderate positive correlation");
        assertThat(TableInsight.strength(-0.5)).isEqualTo("strong negative correlation");

        Table matrix = table(List.of(new Column("column", "VARCHAR"), new Column("discount", "DOUBLE"),
                        new Column("profit", "DOUBLE"), new Column("sales", "DOUBLE")),
                new Object[]{"discount", 1.0, -0.22, -0.03},
                new Object[]{"profit", -0.22, 1.0, 0.48},
                new Object[]{"sales", -0.03, 0.48, 1.0});
        assertThat(AnswerWriter.insight(step("correlation", "correlation"), output("3x3 matrix", matrix)))
                .isEqualTo("profit and sales show moderate positive correlation (r = 0.48), the strongest of 3 pairs.");

        Table pairs = table(List.of(new Column("a", "VARCHAR"), new Column("b", "VARCHAR"), new Column("r", "DOUBLE")),
                new Object[]{"price", "units", -0.81});
        assertThat(TableInsight.correlation(pairs))
                .isEqualTo("price and units show strong negative correlation (r = -0.81).");
    }

    @Test
    void summaryAndDistributionUseTheStepSummary() {
        Table t = table(List.of(new Column("stat", "VARCHAR"), new Column("sales", "DOUBLE")),
                new Object[]{"mean", 10.0}, new Object[]{"max", 40.0});
        assertThat(AnswerWriter.insight(step("summary_stats", "describe"), output("sales: mean 10, max 40", t)))
                .isEqualTo("sales: mean 10, max 40");
        assertThat(AnswerWriter.insight(step("distribution_plot", "dist"), output("Sales is right-skewed", null)))
                .isEqualTo("Sales is right-skewed");
    }

    @Test
    void answerHasInterpretationInsightsUnansweredAndConfidence() {
        PlanStep bySales = step("sql_executor", "sales by region");
        PlanStep chart = step("chart", "sales by region");
        PlanStep weather = step("sql_executor", "weather");
        Plan plan = new Plan(List.of(bySales, chart, weather), "Total sales per region, and the weather.", 0.9,
                List.of(), List.of(), "test");
        Table t = table(List.of(new Column("region", "VARCHAR"), new Column("sales", "DOUBLE")),
                new Object[]{"West", 300.0}, new Object[]{"East", 100.0});
        AnalysisState state = AnalysisState.start("j", "acme", "q", null, List.of())
                .withPlan(plan, List.of(StepState.pending(bySales, 0).succeeded(output("2 rows", t)),
                        StepState.pending(chart, 0).failed("render_failed", "no fonts", null).exhausted(),
                        StepState.pending(weather, 1).failed("unknown_column", "No column 'weather'",
                                "Use one of: region, sales")))
                .withUnanswered(List.of(new UnansweredIntent("weather", "No column 'weather'")));

        assertThat(AnswerWriter.write(state)).isEqualTo("""
                Total sales per region, and the weather.

                - sales by region: West leads sales with 300 (75.0% of total); East is lowest with 100 (25.0%);\
                 the largest is 3.0x the smallest across 2 groups. (chart failed: no fonts)

                Not answered:
                - weather: No column 'weather'

                Confidence: 0.45""");
        assertThat(AnswerWriter.endReason(state)).isEqualTo("partial");
        assertThat(AnswerWriter.confidence(state)).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void planWithoutStepsAnswersWithSuggestions() {
        Plan plan = new Plan(List.of(), "I understood you want a poem; the data has region and sales.", 0.1,
                List.of(), List.of("What are total sales by region?", "How did sales change over time?"), "test");
        AnalysisState state = AnalysisState.start("j", "acme", "write a poem", null, List.of())
                .withPlan(plan, List.of());

        assertThat(AnswerWriter.write(state)).isEqualTo("""
                I understood you want a poem; the data has region and sales.
                I could not turn this question into an analysis of the data.

                You could ask:
                - What are total sales by region?
                - How did sales change over time?

                Confidence: 0.10""");
        assertThat(AnswerWriter.endReason(state)).isEqualTo("not_understood");
    }

    @Test
    void manyGroupsGetTheRangeAndCoefficientOfVariationInsteadOfARatio() {
        double[] v = {100, 120, 90, 110, 130, 95, 105, 115, 125, 100};
        Object[][] rows = new Object[v.length][];
        for (int i = 0; i < v.length; i++) {
            rows[i] = new Object[]{"G" + (i + 1), v[i]};
        }
        Table t = table(List.of(new Column("store", "VARCHAR"), new Column("sales", "DOUBLE")), rows);

        assertThat(TableInsight.grouped(t)).isEqualTo("G5 leads sales with 130 (11.9% of total); G3 is lowest with 90"
                + " (8.3%); range 90 to 130 (coefficient of variation 11.6%) across 10 groups.");
    }

    @Test
    void anOutlyingGroupIsNamedWithItsValue() {
        Table t = table(List.of(new Column("city", "VARCHAR"), new Column("orders", "BIGINT")),
                new Object[]{"A", 10L}, new Object[]{"B", 12L}, new Object[]{"C", 11L}, new Object[]{"D", 13L},
                new Object[]{"E", 12L}, new Object[]{"F", 11L}, new Object[]{"G", 10L}, new Object[]{"H", 50L});

        assertThat(TableInsight.grouped(t)).isEqualTo("H leads orders with 50 (38.8% of total); A is lowest with 10"
                + " (7.8%); range 10 to 50 (coefficient of variation 79.6%) across 8 groups. Outlier: H (50, high).");
    }

    @Test
    void aSpikeInATimeSeriesIsNamedAsAnOutlier() {
        double[] v = {100, 110, 105, 400, 115, 108, 112, 120};
        Object[][] rows = new Object[v.length][];
        for (int i = 0; i < v.length; i++) {
            rows[i] = new Object[]{"2024-0" + (i + 1) + "-01", v[i]};
        }
        Table t = table(List.of(new Column("month", "DATE"), new Column("sales", "DOUBLE")), rows);

        assertThat(TableInsight.of(t)).isEqualTo("sales rose 20.0% from 100 in 2024-01-01 to 120 in 2024-08-01;"
                + " peak 400 in 2024-04-01 (8 periods). Outlier: 2024-04-01 (400, high).");
    }

    @Test
    void ratiosKeepOnlyTheDecimalsThatMatter() {
        assertThat(TableInsight.ratio(1.0416)).isEqualTo("1.04x");
        assertThat(TableInsight.ratio(3.2)).isEqualTo("3.2x");
        assertThat(TableInsight.ratio(1234.4)).isEqualTo("1,234x");
    }

    @Test
    void aBestGuessSaysSoAndOffersTheAlternativesAsQuestions() {
        PlanStep avg = step("sql_executor", "average sales by region");
        Plan plan = new Plan(List.of(avg), "Average sales per region.", 0.45, List.of(), List.of(),
                List.of("What are total sales by region?", "How many orders per region?"), "offline", null);
        Table t = table(List.of(new Column("region", "VARCHAR"), new Column("avg_sales", "DOUBLE")),
                new Object[]{"West", 30.0}, new Object[]{"East", 20.0});
        AnalysisState state = AnalysisState.start("j", "acme", "sales region?", null, List.of())
                .withPlan(plan, List.of(StepState.pending(avg, 0).succeeded(output("2 rows", t))));

        assertThat(AnswerWriter.write(state)).isEqualTo("""
                Average sales per region.
                This is a best guess: I am not sure I read the question as you meant it.
                Did you mean:
                - What are total sales by region?
                - How many orders per region?

                - average sales by region: West leads avg_sales with 30 (60.0% of total); East is lowest with 20\
                 (40.0%); the largest is 1.50x the smallest across 2 groups.

                Confidence: 0.45""");

        Plan sure = new Plan(plan.steps(), plan.interpretation(), Plan.LOW_CONFIDENCE, List.of(), List.of(),
                plan.alternatives(), "offline", null);
        assertThat(AnswerWriter.write(state.withPlan(sure, state.steps())))
                .doesNotContain("best guess").doesNotContain("Did you mean");
    }

    @Test
    void theMostImportantCaveatIsMentionedAfterTheInsights() {
        SchemaInfo schema = new SchemaInfo("orders", 1000, List.of(
                new ColumnProfile("Region", "VARCHAR", 0, 2, "East", "West", List.of("West", "East")),
                new ColumnProfile("Profit", "DOUBLE", 120, 800, "-50", "900", List.of())));
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("sql",
                "SELECT \"Region\", AVG(\"Profit\") AS \"avg_profit\" FROM \"orders\" GROUP BY \"Region\"");
        PlanStep avg = new PlanStep("sql_executor", args, "average profit by region");
        Plan plan = new Plan(List.of(avg), "Average profit per region.", 0.9, List.of(), List.of(), "offline");
        Table t = table(List.of(new Column("Region", "VARCHAR"), new Column("avg_profit", "DOUBLE")),
                new Object[]{"West", 30.0}, new Object[]{"East", 20.0});
        AnalysisState state = AnalysisState.start("j", "acme", "q", schema, List.of())
                .withPlan(plan, List.of(StepState.pending(avg, 0).succeeded(output("2 rows", t))));

        assertThat(AnswerWriter.write(state)).isEqualTo("""
                Average profit per region.

                - average profit by region: West leads avg_profit with 30 (60.0% of total); East is lowest with 20\
                 (40.0%); the largest is 1.50x the smallest across 2 groups.

                Note: 12.0% of Profit is missing (120 of 1,000 rows); averages skip those rows.

                Confidence: 0.90""");
    }
}
