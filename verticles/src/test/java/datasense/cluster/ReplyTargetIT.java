package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reply target killed (issue 11's fault suite): n1, an API node, takes a synchronous /ask and is SIGKILLed
 * while the job runs on n3's agent, so the answer has nobody to go to. The job still ends, its record says done
 * (read through n2, another API node), it is recorded once, and its tools ran once (the cluster's tool-run count
 * grows by the plan's steps).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
@Tag("fault")
class ReplyTargetIT {

    private static final Duration START = Duration.ofSeconds(90);
    private final Orders large = new Orders(300_000, 21);
    private LoopbackCluster cluster;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LoopbackCluster.start("ReplyTargetIT", "n2", List.of(
                new LoopbackCluster.Spec("n1", "api", false),
                new LoopbackCluster.Spec("n2", "api,writer,ingest", false),
                new LoopbackCluster.Spec("n3", "agent,tools", false)), START);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aJobWhoseAskingNodeIsKilledStillEndsDoneOnce() throws Exception {
        Api n1 = cluster.api("n1");
        Api n2 = cluster.api("n2");
        Api.Response upload = n2.uploadCsv("large_orders.csv", large.csv());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        String fileId = upload.json().getString("file_id");
        long runsBefore = n2.health().getLong("tool_runs");

        CompletableFuture<Api.Response> ask = n1.postJsonAsync("/ask", new JsonObject().put("file_id", fileId).put("question",
                "total weight by category, average amount by region, distribution of units and monthly trend of weight"),
                Duration.ofSeconds(60));
        String jobId = awaitOnlyJob(Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (Answers.checkpointStep(cluster.dataDir, "default", jobId) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        boolean endedBeforeKill = Answers.storedAsEnded(cluster.dataDir, "default", jobId);
        cluster.node("n1").kill();
        long killed = System.nanoTime();
        assertThat(endedBeforeKill).as("the job was still running when the node that asked was killed").isFalse();
        assertThat(ask).as("the /ask's connection died with n1").failsWithin(Duration.ofSeconds(10));

        JsonObject job = n2.awaitJob(jobId, Duration.ofSeconds(40));
        long killToDone = (System.nanoTime() - killed) / 1_000_000;
        assertThat(job).as("GET /jobs/" + jobId + " on n2").isNotNull();
        assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
        JsonObject stored = Answers.storedJob(cluster.dataDir, "default", jobId);
        assertThat(stored.getString("status")).as("the job's record").isEqualTo("done");
        JsonObject body = job.getJsonObject("result");
        Answers.assertRows(Answers.groupedTable(body, "category", "weight"), large.totalWeightByCategory(), 0);
        Answers.assertNoDuplicateArtifacts(cluster.dataDir, body);

        JsonArray recorded = n2.get("/files/" + fileId + "/questions").json().getJsonArray("questions");
        assertThat(recorded.stream().filter(q -> jobId.equals(((JsonObject) q).getString("job_id"))).count())
                .as("recorded once").isEqualTo(1);
        int steps = body.getJsonArray("plan").size();
        long runs = n2.health().getLong("tool_runs") - runsBefore;
        assertThat(runs).as("tool runs (cluster-wide) of the one job: its plan's steps, none twice").isEqualTo(steps);
        assertThat(cluster.node("n3").logText()).as("the agent never resumed its own job").doesNotContain("resuming it here");
        System.out.printf("[fault] reply target killed: n1 killed mid-job; job %s done %,d ms after the kill, read on n2;"
                + " recorded once; %d tool runs for %d steps%n", jobId, killToDone, runs, steps);
    }

    /** The id of the one job in the shared store, once it is there. */
    private String awaitOnlyJob(Duration timeout) throws Exception {
        Path jobs = cluster.dataDir.resolve("default").resolve("jobs");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(jobs)) {
                List<String> ids = list(jobs);
                if (!ids.isEmpty()) {
                    assertThat(ids).as("jobs in the store").hasSize(1);
                    return ids.get(0);
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no job in " + jobs + " after " + timeout);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
