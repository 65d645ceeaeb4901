package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.graph.Checkpoint;
import datasense.graph.Checkpointer;
import datasense.graph.CompiledGraph;
import datasense.graph.GraphOptions;
import datasense.graph.GraphRun;
import datasense.graph.InMemoryCheckpointer;
import datasense.graph.StateGraph;
import datasense.graph.StepRecord;
import datasense.tools.Column;
import datasense.tools.ColumnProfile;
import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.Table;
import datasense.tools.sql.DuckDb;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis graph end to end with a small rule planner and ports that run real SQL on DuckDB over a CSV
 * written here, on a worker thread like the host's.
 */
class AnalysisGraphTest {

    @TempDir
    static Path dir;
    static Connection db;
    static ExecutorService worker;
    static final SchemaInfo SCHEMA = new SchemaInfo("orders", 16, List.of(
            new ColumnProfile("region", "VARCHAR", 0, 4, "Central", "West", List.of("West", "East", "South", "Central")),
            new ColumnProfile("month", "DATE", 0, 4, "2024-01-01", "2024-04-01", List.of()),
            new ColumnProfile("sales", "DOUBLE", 0, 14, "30", "150", List.of()),
            new ColumnProfile("profit", "DOUBLE", 0, 14, "3", "30", List.of())));

    @BeforeAll
    static void data() throws Exception {
        StringBuilder csv = new StringBuilder("region,month,sales,profit\n");
        Map<String, double[]> sales = new java.util.LinkedHashMap<>();
        sales.put("West", new double[]{100, 120, 130, 150});
        sales.put("East", new double[]{80, 90, 100, 110});
        sales.put("South", new double[]{50, 40, 60, 50});
        sales.put("Central", new double[]{30, 30, 30, 30});
        sales.forEach((region, values) -> {
            for (int m = 0; m < 4; m++) {
                csv.append(region).append(",2024-0").append(m + 1).append("-01,").append(values[m]).append(',')
                        .append(values[m] / 5 + (m % 2)).append('\n');
            }
        });
        Files.writeString(dir.resolve("orders.csv"), csv);
        db = DuckDb.open(List.of(dir), Limits.defaults());
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE orders AS SELECT * FROM read_csv("
                    + DuckDb.quoteLiteral(dir.resolve("orders.csv").toString()) + ", header = true)");
        }
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "job-worker"));
    }

    @AfterAll
    static void close() throws Exception {
        worker.shutdownNow();
        db.close();
    }

    // ---- a tiny rule planner: one canned plan per question, and canned repairs ----

    static PlanStep sql(String intent, String label, String sql) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("sql", sql).put("label", label);
        return new PlanStep("sql_executor", args, intent);
    }

    static PlanStep chart(String intent, int fromStep) {
        return new PlanStep("chart", JsonNodeFactory.instance.objectNode().put("from_step", fromStep), intent);
    }

    static Plan planOf(String interpretation, PlanStep... steps) {
        return new Plan(List.of(steps), interpretation, 0.8, List.of(), List.of(), "rules");
    }

    static final class RulePlanner implements Planner {
        @Override
        public String name() {
            return "rules";
        }

        @Override
        public CompletionStage<Plan> plan(PlanRequest request) {
            StepFailure failure = request.failure();
            if (failure != null) {
                return CompletableFuture.completedFuture(repair(failure));
            }
            String q = request.question();
            Plan p = switch (q) {
                case "sales by region" -> planOf("Total sales per region.",
                        sql("sales by region", "sales_by_region",
                                "SELECT region, SUM(sales) AS sales FROM orders GROUP BY region ORDER BY 2 DESC"),
                        chart("sales by region", 0));
                case "revenue by region" -> planOf("Total revenue per region.",
                        sql("revenue by region", "revenue_by_region",
                                "SELECT region, SUM(revenue) AS sales FROM orders GROUP BY region"),
                        chart("revenue by region", 0));
                case "total sales and weather" -> planOf("Total sales, and the weather per month.",
                        sql("total sales", "total_sales", "SELECT SUM(sales) AS total_sales FROM orders"),
                        sql("weather", "weather", "SELECT month, AVG(weather) AS w FROM orders GROUP BY month"),
                        chart("weather", 1));
                case "orders per region, then total" -> planOf("Orders per region, then total sales.",
                        sql("orders per region", "orders", "SELECT region, SUM(qty) FROM orders GROUP BY region"),
                        sql("total sales", "total_sales", "SELECT SUM(sales) AS total_sales FROM orders"),
                        chart("total sales", 1));
                case "sales over time and sales vs profit" -> planOf("Monthly sales trend; sales against profit.",
                        sql("sales over time", "monthly",
                                "SELECT month, SUM(sales) AS sales FROM orders GROUP BY month ORDER BY month"),
                        new PlanStep("correlation", JsonNodeFactory.instance.objectNode(), "sales vs profit"));
                default -> new Plan(List.of(), "This does not look like a question about region, month, sales "
                        + "or profit.", 0.1, List.of(), List.of("What are total sales by region?",
                        "How did sales change by month?"), "rules");
            };
            return CompletableFuture.completedFuture(p);
        }

        private Plan repair(StepFailure failure) {
            String sql = failure.step().args().get("sql").asText();
            if (sql.contains("revenue")) {
                return planOf("repair", sql(failure.step().intent(), "sales_by_region", sql.replace("revenue", "sales")));
            }
            if (sql.contains("weather")) { // the planner guesses again, and is wrong again
                return planOf("repair", sql(failure.step().intent(), "weather", sql.replace("weather", "temperature")));
            }
            if (sql.contains("qty")) { // one failed step becomes two
                return planOf("repair",
                        sql("orders per region", "orders", "SELECT region, COUNT(*) AS orders FROM orders GROUP BY 1"),
                        sql("orders per region", "order_sales", "SELECT region, SUM(sales) AS s FROM orders GROUP BY 1"));
            }
            return planOf("repair");
        }
    }

    // ---- ports running real SQL on a worker thread ----

    record Call(int index, String tool, String inputLabel, String thread) {
    }

    static final class SqlPorts implements AnalysisPorts {
        final Planner planner = new RulePlanner();
        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        final List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<PlanRequest> planRequests = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, String> inputSql = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public CompletionStage<Plan> plan(PlanRequest request) {
            planRequests.add(request);
            return planner.plan(request);
        }

        @Override
        public CompletionStage<StepOutput> runStep(AnalysisState state, int index, PlanStep step, StepInput in) {
            Table input = in == null ? null : in.table();
            inputSql.put(index, in == null || in.sql() == null ? "" : in.sql());
            return CompletableFuture.supplyAsync(() -> {
                calls.add(new Call(index, step.tool(), input == null ? null : input.label(),
                        Thread.currentThread().getName()));
                return switch (step.tool()) {
                    case "sql_executor" -> {
                        String sql = step.args().get("sql").asText();
                        Table t = query(step.args().path("label").asText("result"), sql);
                        yield new StepOutput(t.totalRows() + " rows", List.of(t), List.of(), List.of(sql), "n1", 1);
                    }
                    case "chart" -> {
                        if (input == null) {
                            throw new StepFailedException("no_input", "chart without a table", null);
                        }
                        yield new StepOutput("bar chart of " + input.label() + " (" + input.rows().size() + " bars)",
                                List.of(), List.of(new ArtifactRef("charts/" + input.label() + ".png", input.label(),
                                "image/png", "bar")), List.of(), "n1", 1);
                    }
                    case "correlation" -> {
                        Table t = query("correlation",
                                "SELECT 'sales' AS a, 'profit' AS b, corr(sales, profit) AS r FROM orders");
                        yield new StepOutput("1 pair", List.of(t), List.of(), List.of(), "n1", 1);
                    }
                    default -> throw new StepFailedException("unknown_tool", "no tool " + step.tool(), null);
                };
            }, worker);
        }

        @Override
        public void progress(JobEvent event) {
            events.add(event);
            if (event instanceof JobEvent.Answered) {
                throw new IllegalStateException("a broken progress sink must not fail the job");
            }
        }

        List<Integer> indexesRun() {
            return calls.stream().map(Call::index).toList();
        }
    }

    static Table query(String label, String sql) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int c = 1; c <= md.getColumnCount(); c++) {
                columns.add(new Column(md.getColumnName(c), md.getColumnTypeName(c)));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= columns.size(); c++) {
                    Object v = rs.getObject(c);
                    row.add(v instanceof BigInteger || v instanceof Integer ? ((Number) v).longValue()
                            : v instanceof BigDecimal || v instanceof Float ? ((Number) v).doubleValue()
                            : v instanceof Number || v instanceof String || v == null ? v : v.toString());
                }
                rows.add(row);
            }
            return new Table(label, columns, rows, rows.size(), false);
        } catch (SQLException e) {
            String msg = e.getMessage();
            boolean column = msg.contains("not found") || msg.contains("Referenced column");
            throw new StepFailedException(column ? "unknown_column" : "sql_error", msg.lines().findFirst().orElse(msg),
                    "Columns: region, month, sales, profit");
        }
    }

    static GraphRun<AnalysisState> run(CompiledGraph<AnalysisState> graph, String question) throws Exception {
        return graph.invoke("job-" + question.hashCode(),
                AnalysisState.start("job-1", "acme", question, SCHEMA, List.of()))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    // ---- the tests ----

    @Test
    void definitionReadsLikeTheDiagram() {
        assertThat(AnalysisGraph.build(new SqlPorts()).mermaid()).isEqualTo("""
                flowchart TD
                    __start__([start])
                    plan[plan]
                    act[act]
                    reflect[reflect]
                    answer[answer]
                    __end__([end])
                    __start__ --> plan
                    plan --> act
                    act --> reflect
                    reflect -.->|repair| plan
                    reflect -.->|next step| act
                    reflect -.->|done| answer
                    answer --> __end__
                """);
        assertThat(AnalysisGraph.build(new SqlPorts()).options().maxSteps()).isEqualTo(40);
    }

    @Test
    void stepsSucceedAndTheChartGetsTheTableOfItsFromStep() throws Exception {
        SqlPorts ports = new SqlPorts();
        GraphRun<AnalysisState> run = run(AnalysisGraph.build(ports), "sales by region");
        AnalysisState s = run.state();

        assertThat(run.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(run.records()).extracting(StepRecord::node)
                .containsExactly("plan", "act", "reflect", "act", "reflect", "answer");
        assertThat(ports.calls).containsExactly(new Call(0, "sql_executor", null, "job-worker"),
                new Call(1, "chart", "sales_by_region", "job-worker"));
        // the chart also gets the SQL behind its table, to draw the whole result when the table was cut
        assertThat(ports.inputSql.get(1)).isNotEmpty().isEqualTo(s.steps().get(0).output().sql().get(0));
        assertThat(ports.inputSql.get(0)).isEmpty();
        assertThat(s.steps()).extracting(StepState::status).containsOnly(StepState.Status.OK);
        assertThat(s.steps().get(1).output().artifacts()).extracting(ArtifactRef::key)
                .containsExactly("charts/sales_by_region.png");
        assertThat(s.answer()).isEqualTo("""
                Total sales per region.

                - sales by region: West leads sales with 500 (41.7% of total); Central is lowest with 120 (10.0%);\
                 the largest is 4.2x the smallest across 4 groups.

                Note: The data has only 16 rows; treat these figures as indicative.

                Confidence: 0.80""");
        assertThat(s.endReason()).isNull();
        assertThat(s.unanswered()).isEmpty();
        assertThat(ports.events).anyMatch(e -> e instanceof JobEvent.StepStarted started && started.index() == 1
                        && started.tool().equals("chart") && started.jobId().equals(s.jobId()))
                .anyMatch(e -> e instanceof JobEvent.Reflected r && r.decision().equals("next_step"))
                .anyMatch(e -> e instanceof JobEvent.Reflected r && r.decision().equals("done"))
                .anyMatch(e -> e instanceof JobEvent.Answered);
    }

    @Test
    void aStepFailingOnceIsRepairedWithTheErrorInHand() throws Exception {
        SqlPorts ports = new SqlPorts();
        InMemoryCheckpointer<AnalysisState> saver = new InMemoryCheckpointer<>();
        GraphRun<AnalysisState> run = run(AnalysisGraph.build(ports, new GraphOptions<>(40, saver)),
                "revenue by region");
        AnalysisState s = run.state();

        assertThat(run.records()).extracting(StepRecord::node)
                .containsExactly("plan", "act", "reflect", "plan", "act", "reflect", "act", "reflect", "answer");
        PlanRequest repair = ports.planRequests.get(1);
        assertThat(repair.failure().index()).isZero();
        assertThat(repair.failure().code()).isEqualTo("unknown_column");
        assertThat(repair.failure().message()).contains("revenue");
        assertThat(s.replans()).isEqualTo(1);
        assertThat(s.steps().get(0).status()).isEqualTo(StepState.Status.OK);
        assertThat(s.steps().get(0).attempts()).isEqualTo(2);
        assertThat(s.plan().steps().get(0).args().get("sql").asText()).contains("SUM(sales)");
        assertThat(ports.calls).extracting(Call::inputLabel).containsExactly(null, null, "sales_by_region");
        assertThat(s.unanswered()).isEmpty();
        assertThat(s.answer()).contains("- revenue by region: West leads sales with 500");
        assertThat(s.trace()).anyMatch(n -> n.contains("asking the planner to repair"));

        // A checkpoint after every step, naming the node just run and the next one.
        List<Checkpoint<AnalysisState>> cps = saver.history("job-" + "revenue by region".hashCode());
        assertThat(cps).extracting(Checkpoint::nodeJustRun).containsExactly(
                "plan", "act", "reflect", "plan", "act", "reflect", "act", "reflect", "answer");
        assertThat(cps).extracting(Checkpoint::nextNode).containsExactly(
                "act", "reflect", "plan", "act", "reflect", "act", "reflect", "answer", StateGraph.END);
        assertThat(cps.get(2).state().repair()).isNotNull();
        // and each checkpoint's state survives JSON as it is.
        for (Checkpoint<AnalysisState> cp : cps) {
            String json = AnalysisJson.MAPPER.writeValueAsString(cp.state());
            assertThat(AnalysisJson.MAPPER.readValue(json, AnalysisState.class)).isEqualTo(cp.state());
            byte[] whole = AnalysisJson.MAPPER.writeValueAsBytes(cp);
            assertThat(AnalysisJson.MAPPER.<Checkpoint<AnalysisState>>readValue(whole,
                    new com.fasterxml.jackson.core.type.TypeReference<Checkpoint<AnalysisState>>() { })).isEqualTo(cp);
        }
    }

    @Test
    void aStepFailingTwiceLeavesItsIntentUnansweredAndTheRestGoesOn() throws Exception {
        SqlPorts ports = new SqlPorts();
        AnalysisState s = run(AnalysisGraph.build(ports), "total sales and weather").state();

        // The chart of the failed step is given up without being run.
        assertThat(ports.calls).extracting(Call::tool).containsExactly("sql_executor", "sql_executor", "sql_executor");
        assertThat(s.steps()).extracting(StepState::status)
                .containsExactly(StepState.Status.OK, StepState.Status.FAILED, StepState.Status.FAILED);
        assertThat(s.steps().get(1).attempts()).isEqualTo(2);
        assertThat(s.steps().get(2).errorCode()).isEqualTo(ActNode.DEPENDENCY_FAILED);
        assertThat(s.replans()).isEqualTo(1);
        assertThat(s.unanswered()).hasSize(1);
        assertThat(s.unanswered().get(0).intent()).isEqualTo("weather");
        assertThat(s.unanswered().get(0).reason()).contains("temperature").contains("Columns: region");
        assertThat(s.endReason()).isEqualTo("partial");
        assertThat(s.answer()).startsWith("Total sales, and the weather per month.\n\n- total sales: total_sales: 1,200.\n")
                .contains("Not answered:\n- weather: ").endsWith("Confidence: 0.40");
    }

    @Test
    void repairedStepsAreSplicedInAndLaterFromStepsFollow() throws Exception {
        SqlPorts ports = new SqlPorts();
        AnalysisState s = run(AnalysisGraph.build(ports), "orders per region, then total").state();

        assertThat(s.steps()).hasSize(4);
        assertThat(s.plan().steps()).extracting(PlanStep::intent)
                .containsExactly("orders per region", "orders per region", "total sales", "total sales");
        assertThat(s.plan().steps().get(3).args().get("from_step").asInt()).isEqualTo(2);
        assertThat(ports.calls).extracting(Call::index).containsExactly(0, 0, 1, 2, 3);
        assertThat(ports.calls.get(4).inputLabel()).isEqualTo("total_sales");
        assertThat(s.steps()).extracting(StepState::status).containsOnly(StepState.Status.OK);
        assertThat(s.answer()).contains("- orders per region: all 4 groups have the same orders: 4.\n")
                .contains("- total sales: total_sales: 1,200.");
    }

    @Test
    void aPlanWithoutStepsIsAnsweredWithSuggestions() throws Exception {
        SqlPorts ports = new SqlPorts();
        GraphRun<AnalysisState> run = run(AnalysisGraph.build(ports), "write me a poem");

        assertThat(run.records()).extracting(StepRecord::node).containsExactly("plan", "act", "reflect", "answer");
        assertThat(ports.calls).isEmpty();
        assertThat(run.state().endReason()).isEqualTo("not_understood");
        assertThat(run.state().answer()).contains("You could ask:\n- What are total sales by region?\n")
                .endsWith("Confidence: 0.10");
    }

    @Test
    void timeSeriesAndCorrelationInsightsComeFromRealResults() throws Exception {
        AnalysisState s = run(AnalysisGraph.build(new SqlPorts()), "sales over time and sales vs profit").state();

        assertThat(s.answer()).contains("- sales over time: sales rose 30.8% from 260 in 2024-01-01 to 340 in"
                + " 2024-04-01; peak 340 in 2024-04-01 (4 periods).");
        assertThat(s.answer()).contains("- sales vs profit: sales and profit show strong positive correlation");
    }

    @Test
    void aRunStoppedByTheStepLimitIsResumedFromItsJsonCheckpoint() throws Exception {
        JsonCheckpointer saver = new JsonCheckpointer();
        SqlPorts ports = new SqlPorts();
        GraphRun<AnalysisState> stopped = run(AnalysisGraph.build(ports, new GraphOptions<>(3, saver)),
                "sales by region");

        assertThat(stopped.outcome()).isEqualTo(GraphRun.Outcome.STEP_LIMIT);
        assertThat(stopped.lastNode()).isEqualTo("reflect");
        AnalysisState settled = AnalysisGraph.settle(stopped);
        assertThat(settled.endReason()).isEqualTo("step_limit");
        assertThat(settled.answer()).contains("- sales by region: West leads sales");

        // A new graph (as on another node after a restart) continues from the checkpoint: act on step 1.
        GraphRun<AnalysisState> resumed = AnalysisGraph.build(ports, new GraphOptions<>(40, saver))
                .resume("job-" + "sales by region".hashCode()).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(resumed.outcome()).isEqualTo(GraphRun.Outcome.COMPLETED);
        assertThat(resumed.records()).extracting(StepRecord::node).containsExactly("act", "reflect", "answer");
        assertThat(ports.indexesRun()).containsExactly(0, 1);
        assertThat(resumed.state().answer()).contains("West leads sales").endsWith("Confidence: 0.80");
    }

    /** Keeps checkpoints as JSON text only, as a store would, so resuming really reads them back. */
    static final class JsonCheckpointer implements Checkpointer<AnalysisState> {
        private final Map<String, String> latest = new ConcurrentHashMap<>();

        record Stored(String threadId, int step, String nodeJustRun, String nextNode, AnalysisState state) {
        }

        @Override
        public CompletionStage<Void> save(Checkpoint<AnalysisState> cp) {
            try {
                latest.put(cp.threadId(), AnalysisJson.MAPPER.writeValueAsString(
                        new Stored(cp.threadId(), cp.step(), cp.nodeJustRun(), cp.nextNode(), cp.state())));
                return CompletableFuture.completedFuture(null);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletionStage<Optional<Checkpoint<AnalysisState>>> latest(String threadId) {
            String json = latest.get(threadId);
            if (json == null) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            try {
                Stored s = AnalysisJson.MAPPER.readValue(json, Stored.class);
                return CompletableFuture.completedFuture(Optional.of(
                        new Checkpoint<>(s.threadId(), s.step(), s.nodeJustRun(), s.nextNode(), s.state())));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }
}
