package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agent node SIGKILLed in the middle of a job: n1 only takes questions (api, writer, ingest), n2 and n3 are
 * agent and tools nodes. The job's agent dies after its first checkpoints; the other agent finds the job's
 * lease lapsed, resumes it from its last checkpoint, and the job ends done with a correct, complete answer,
 * recorded once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("fault")
class FailoverIT {

    private static final Duration START = Duration.ofSeconds(90);
    /** A resumed job: lease expiry, member loss, the wait for its agent's handler (BusTimeouts.HANDLER_WAIT_MS), the rest of the job. */
    private static final Duration RESUMED_WITHIN = Duration.ofSeconds(30);
    private final Orders large = new Orders(300_000, 21);
    private LoopbackCluster cluster;
    private Api n1;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LoopbackCluster.start("FailoverIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,writer,ingest", true),
                new LoopbackCluster.Spec("n2", "agent,tools", false),
                new LoopbackCluster.Spec("n3", "agent,tools", false)), START);
        n1 = cluster.api("n1");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aJobWhoseAgentIsKilledIsResumedByTheOtherAgentAndEndsDone() throws Exception {
        Api.Response upload = n1.uploadCsv("large_orders.csv", large.csv());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        String fileId = upload.json().getString("file_id");

        Api.Response accepted = n1.askAsync(fileId,
                "total weight by category, average amount by region, distribution of units and monthly trend of weight");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().getString("job_id");
        String agent = accepted.json().getString("agent");
        if (agent == null) {
            JsonObject running = n1.jobOrNull(jobId);
            agent = running == null ? null : running.getString("agent");
        }
        assertThat(agent).as("the job names its agent (202 body or GET /jobs/{id} \"agent\"): " + accepted.text()).isIn("n2", "n3");
        String survivor = agent.equals("n2") ? "n3" : "n2";

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int step;
        while ((step = Answers.checkpointStep(cluster.dataDir, "default", jobId)) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean finishedBeforeKill = Answers.storedAsEnded(cluster.dataDir, "default", jobId);
        cluster.node(agent).kill();
        long killed = System.nanoTime();
        assertThat(step).as("the job checkpointed its first steps").isGreaterThanOrEqualTo(2);
        assertThat(finishedBeforeKill).as("the job was still running when its agent was killed").isFalse();

        JsonObject job = n1.awaitJob(jobId, RESUMED_WITHIN.plusSeconds(40));
        long killToDone = (System.nanoTime() - killed) / 1_000_000;
        assertThat(job).as("job status readable").isNotNull();
        System.out.printf("[FailoverIT] agent %s killed at graph step %d; job %s %s %d ms after the kill, by %s%n",
                agent, step, jobId, job.getString("status"), killToDone, job.getString("agent"));
        assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
        assertThat(killToDone).as("ms from the kill to done").isLessThanOrEqualTo(RESUMED_WITHIN.toMillis());
        if (job.getString("agent") != null) {
            assertThat(job.getString("agent")).as("the agent that finished the job").isEqualTo(survivor);
        }

        JsonObject body = job.getJsonObject("result");
        assertThat(body.getJsonArray("unanswered")).as("every intent answered").isEmpty();
        assertThat(body.getJsonArray("plan").stream().map(p -> ((JsonObject) p).getString("status"))).containsOnly("ok");
        Answers.assertRows(Answers.groupedTable(body, "category", "weight"), large.totalWeightByCategory(), 0);
        Answers.assertRows(Answers.groupedTable(body, "region", "amount"), large.averageAmountByRegion(), 0);
        Answers.assertRows(Answers.labelledTable(body, "weight", "month"), large.monthlyWeight(), 7);
        JsonObject histogram = Answers.labelledTable(body, "histogram", "units");
        long counted = histogram.getJsonArray("rows").stream().mapToLong(r -> ((Number) ((JsonArray) r).getValue(2)).longValue()).sum();
        assertThat(counted).as("rows in the histogram of units").isEqualTo(large.rows());
        Answers.assertEveryResultFetches(n1, body);
        Answers.assertNoDuplicateArtifacts(cluster.dataDir, body);
        JsonObject written = new JsonObject(Files.readString(cluster.dataDir.resolve(body.getString("results_key"))));
        assertThat(written.getJsonArray("results")).as("results.json is the answer the job gave").isEqualTo(body.getJsonArray("results"));

        // every accepted job ends, once: done in the store too, and recorded as one answered question
        JsonObject stored = Answers.storedJob(cluster.dataDir, "default", jobId);
        assertThat(stored).as("job.json").isNotNull();
        assertThat(stored.getString("status")).isEqualTo("done");
        assertThat(stored.getJsonObject("result").getJsonArray("results")).isEqualTo(body.getJsonArray("results"));
        JsonArray recorded = n1.get("/files/" + fileId + "/questions").json().getJsonArray("questions");
        assertThat(recorded.stream().filter(q -> jobId.equals(((JsonObject) q).getString("job_id"))).count())
                .as("the job is recorded once, not answered twice").isEqualTo(1);

        // the survivor answers new questions alone
        Api.Response next = n1.ask(fileId, "total units by region");
        assertThat(next.status()).as(next.text()).isEqualTo(200);
        JsonObject answer = next.json();
        assertThat(answer.getJsonArray("trace").stream().map(t -> ((JsonObject) t).getString("ran_on"))).containsOnly(survivor);
        assertThat(Answers.storedJob(cluster.dataDir, "default", answer.getString("job_id")).getString("status")).isEqualTo("done");
    }
}
