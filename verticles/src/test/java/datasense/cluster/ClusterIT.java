package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three node JVMs on loopback: n1 takes the questions (api, agent, writer, ingest) and runs no tool; n2 and n3
 * run the tools. Tools run on n2 and n3; fifty identical questions at once run their tools once; n2 is
 * SIGKILLed in the middle of a job and the job still ends with a complete, correct answer and no artifact
 * written twice; every job accepted ends done or failed. The tests run in this order on one cluster; the kill
 * comes last but one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("fault")
class ClusterIT {

    private static final Duration START = Duration.ofSeconds(90);
    private final Orders small = new Orders(3_000, 11);
    private final Orders large = new Orders(300_000, 12);
    private final ConcurrentLinkedQueue<String> jobIds = new ConcurrentLinkedQueue<>();
    private LoopbackCluster cluster;
    private Api n1;
    private String smallFile;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LoopbackCluster.start("ClusterIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,agent,writer,ingest", true),
                new LoopbackCluster.Spec("n2", "tools", false),
                new LoopbackCluster.Spec("n3", "tools", false)), START);
        n1 = cluster.api("n1");
        Api.Response upload = n1.uploadCsv("small_orders.csv", small.csv());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        assertThat(upload.json().getLong("rows")).isEqualTo(small.rows());
        smallFile = upload.json().getString("file_id");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private JsonObject askOk(String fileId, String question) throws Exception {
        Api.Response response = n1.ask(fileId, question);
        assertThat(response.status()).as(question + ": " + response.text()).isEqualTo(200);
        JsonObject body = response.json();
        jobIds.add(body.getString("job_id"));
        assertThat(body.getString("status")).isEqualTo("ok");
        assertThat(body.getJsonArray("unanswered")).as(question + " fully answered").isEmpty();
        return body;
    }

    @Test
    @Order(1)
    void toolsRunOnTheToolNodesAndTheTraceNamesThem() throws Exception {
        JsonObject byRegion = askOk(smallFile, "total amount by region");
        Answers.assertRows(Answers.groupedTable(byRegion, "region", "amount"), small.totalAmountByRegion(), 0);
        JsonObject byCategory = askOk(smallFile, "average units by category");
        Answers.assertRows(Answers.groupedTable(byCategory, "category", "units"), small.averageUnitsByCategory(), 0);
        JsonObject weight = askOk(smallFile, "total weight by region");
        Answers.assertRows(Answers.groupedTable(weight, "region", "weight"), small.totalWeightByRegion(), 0);
        JsonObject trend = askOk(smallFile, "monthly trend of amount");
        Answers.assertRows(Answers.labelledTable(trend, "amount", "month"), small.monthlyAmount(), 7);

        List<String> ranOn = new ArrayList<>();
        for (JsonObject body : List.of(byRegion, byCategory, weight, trend)) {
            List<JsonObject> acts = Api.actSteps(body);
            assertThat(acts).as("tool steps of " + body.getString("question")).isNotEmpty();
            assertThat(acts.size()).isEqualTo(body.getJsonArray("plan").size());
            acts.forEach(a -> ranOn.add(a.getString("ran_on")));
            // the agent's own steps ran on n1, which has the agent role
            assertThat(body.getJsonArray("trace").stream().map(t -> (JsonObject) t)
                    .filter(t -> "plan".equals(t.getString("node"))).map(t -> t.getString("ran_on"))).containsOnly("n1");
            Answers.assertEveryResultFetches(n1, body);
        }
        System.out.println("[ClusterIT] tool steps ran on " + ranOn);
        assertThat(ranOn).as("every tool step ran on a tools node").allMatch(n -> n.equals("n2") || n.equals("n3"));
        assertThat(ranOn).as("both tools nodes took work").contains("n2", "n3");
    }

    @Test
    @Order(2)
    void fiftyIdenticalNewQuestionsRunTheirToolsOnce() throws Exception {
        String question = "average amount by category";
        long runsBefore = n1.health().getLong("tool_runs");
        List<CompletableFuture<Api.Response>> asks = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            asks.add(n1.postJsonAsync("/ask", new JsonObject().put("file_id", smallFile).put("question", question),
                    Duration.ofSeconds(120)));
        }
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).join();
        long ms = (System.nanoTime() - started) / 1_000_000;
        List<JsonObject> bodies = new ArrayList<>();
        for (CompletableFuture<Api.Response> ask : asks) {
            Api.Response r = ask.join();
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            bodies.add(r.json());
            jobIds.add(r.json().getString("job_id"));
        }
        JsonObject first = bodies.stream().filter(b -> !b.getBoolean("cached", false)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer of the 50 was computed; all say cached"));
        Answers.assertRows(Answers.groupedTable(first, "category", "amount"), small.averageAmountByCategory(), 0);
        JsonArray tables = new JsonArray(Api.results(first, "table"));
        for (JsonObject body : bodies) {
            assertThat(new JsonArray(Api.results(body, "table"))).as("tables of every answer").isEqualTo(tables);
            assertThat(body.getJsonArray("results")).as("results (artifact keys included) of every answer")
                    .isEqualTo(first.getJsonArray("results"));
        }
        int stepsOfOneRun = first.getJsonArray("plan").size();
        long computed = bodies.stream().filter(b -> !b.getBoolean("cached", false)).count();
        long runsAfter = n1.health().getLong("tool_runs");
        System.out.printf("[ClusterIT] 50 identical questions answered in %d ms; %d computed, tool runs +%d (one run = %d steps)%n",
                ms, computed, runsAfter - runsBefore, stepsOfOneRun);
        assertThat(runsAfter - runsBefore).as("tool runs of 50 identical questions (cluster-wide counter)").isEqualTo(stepsOfOneRun);
        assertThat(computed).as("answers computed rather than served from the first").isEqualTo(1);
    }

    @Test
    @Order(3)
    void aWorkerKilledMidJobLeavesACompleteAnswerAndNoDuplicateArtifacts() throws Exception {
        Api.Response upload = n1.uploadCsv("large_orders.csv", large.csv());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        String largeFile = upload.json().getString("file_id");

        Api.Response accepted = n1.askAsync(largeFile,
                "total amount by region, average units by category, distribution of weight and monthly trend of amount");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().getString("job_id");
        jobIds.add(jobId);

        // SIGKILL n2 once the job has planned and run its first tool step (its checkpoint says so)
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int step;
        while ((step = Answers.checkpointStep(cluster.dataDir, "default", jobId)) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean finishedBeforeKill = Answers.storedAsEnded(cluster.dataDir, "default", jobId);
        cluster.node("n2").kill();
        long killed = System.nanoTime();
        assertThat(step).as("the job checkpointed its first steps").isGreaterThanOrEqualTo(2);
        assertThat(finishedBeforeKill).as("the job was still running when n2 was killed").isFalse();

        JsonObject job = n1.awaitJob(jobId, Duration.ofSeconds(90));
        long killToDone = (System.nanoTime() - killed) / 1_000_000;
        assertThat(job).as("job status readable").isNotNull();
        System.out.printf("[ClusterIT] n2 killed at graph step %d; job %s %s %d ms after the kill (steps_retried=%s)%n",
                step, jobId, job.getString("status"), killToDone,
                job.getJsonObject("result") == null ? null : job.getJsonObject("result").getValue("steps_retried"));
        assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");

        JsonObject body = job.getJsonObject("result");
        assertThat(body.getJsonArray("unanswered")).as("every intent answered").isEmpty();
        assertThat(body.getJsonArray("plan").stream().map(p -> ((JsonObject) p).getString("status"))).containsOnly("ok");
        assertThat(body.getJsonArray("plan").stream().map(p -> ((JsonObject) p).getString("tool")))
                .contains("sql_executor", "distribution_plot", "trend_plot");
        Answers.assertRows(Answers.groupedTable(body, "region", "amount"), large.totalAmountByRegion(), 0);
        Answers.assertRows(Answers.groupedTable(body, "category", "units"), large.averageUnitsByCategory(), 0);
        Answers.assertRows(Answers.labelledTable(body, "amount", "month"), large.monthlyAmount(), 7);
        JsonObject histogram = Answers.labelledTable(body, "histogram", "weight");
        long counted = histogram.getJsonArray("rows").stream().mapToLong(r -> ((Number) ((JsonArray) r).getValue(2)).longValue()).sum();
        assertThat(counted).as("rows in the histogram of weight").isEqualTo(large.rows());
        assertThat(Api.actSteps(body)).allSatisfy(a -> assertThat(a.getString("ran_on")).isIn("n2", "n3"));

        Answers.assertEveryResultFetches(n1, body);
        Answers.assertNoDuplicateArtifacts(cluster.dataDir, body);
        JsonObject written = new JsonObject(java.nio.file.Files.readString(cluster.dataDir.resolve(body.getString("results_key"))));
        assertThat(written.getJsonArray("results")).as("results.json is the answer the job gave").isEqualTo(body.getJsonArray("results"));
        JsonArray recorded = n1.get("/files/" + largeFile + "/questions").json().getJsonArray("questions");
        assertThat(recorded.stream().filter(q -> jobId.equals(((JsonObject) q).getString("job_id"))).count())
                .as("the job is recorded once, not answered twice").isEqualTo(1);

        // the cluster answers on with one tools node
        JsonObject after = askOk(smallFile, "total units by region");
        assertThat(Api.actSteps(after)).allSatisfy(a -> assertThat(a.getString("ran_on")).isEqualTo("n3"));
    }

    @Test
    @Order(4)
    void everyAcceptedJobEndsDoneOrFailed() throws Exception {
        Set<String> ids = new HashSet<>(jobIds);
        assertThat(ids).as("jobs seen").isNotEmpty();
        for (String id : ids) {
            JsonObject job = n1.awaitJob(id, Duration.ofSeconds(30));
            assertThat(job).as("status of " + id).isNotNull();
            assertThat(job.getString("status")).as(id + ": " + job.encode()).isIn("done", "failed");
            if ("failed".equals(job.getString("status"))) {
                assertThat(job.getJsonObject("error")).as("a failed job says why").isNotNull();
            }
            JsonObject stored = Answers.storedJob(cluster.dataDir, "default", id);
            assertThat(stored).as("job.json of " + id).isNotNull();
            assertThat(stored.getString("status")).isEqualTo(job.getString("status"));
        }
        System.out.println("[ClusterIT] " + ids.size() + " jobs, all ended");
    }
}
