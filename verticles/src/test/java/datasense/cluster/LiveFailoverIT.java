package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A WebSocket client across the cluster: it asks on n1, which only takes questions; the job runs on n2 or n3,
 * whose events reach the client on n1 over the clustered bus. The job's agent is SIGKILLed mid-job; the other
 * agent resumes it, and the client, still connected to n1, gets the {@code resumed} event, the rest of the job's
 * events, {@code done} and the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("fault")
class LiveFailoverIT {

    private static final Duration START = Duration.ofSeconds(90);
    private final Orders large = new Orders(300_000, 23);
    private LoopbackCluster cluster;
    private Vertx vertx;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        vertx = Vertx.vertx();
        cluster = LoopbackCluster.start("LiveFailoverIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,writer,ingest", false),
                new LoopbackCluster.Spec("n2", "agent,tools", false),
                new LoopbackCluster.Spec("n3", "agent,tools", false)), START);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        vertx.close().await();
    }

    @Test
    void aWebSocketClientOnTheApiNodeGetsTheAnswerOfAJobWhoseAgentWasKilled() throws Exception {
        Api n1 = cluster.api("n1");
        Api.Response upload = n1.uploadCsv("large_orders.csv", large.csv());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        String fileId = upload.json().getString("file_id");

        try (WsClient client = WsClient.connect(vertx, cluster.node("n1").port, null)) {
            client.send(new JsonObject().put("type", "ask").put("id", "big").put("file_id", fileId)
                    .put("question", "total weight by category, average amount by region, distribution of units and monthly trend of weight"));
            JsonObject started = client.frames.next();
            assertThat(started.getString("event")).as(started.encode()).isEqualTo("started");
            String jobId = started.getString("job_id");
            String agent = started.getString("agent");
            assertThat(agent).as("the job runs on an agent node, not on n1").isIn("n2", "n3");
            String survivor = agent.equals("n2") ? "n3" : "n2";

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int step;
            while ((step = Answers.checkpointStep(cluster.dataDir, "default", jobId)) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            boolean finishedBeforeKill = Answers.storedAsEnded(cluster.dataDir, "default", jobId);
            cluster.node(agent).kill();
            assertThat(step).as("the job checkpointed its first steps").isGreaterThanOrEqualTo(2);
            assertThat(finishedBeforeKill).as("the job was still running when its agent was killed").isFalse();

            List<JsonObject> frames = new ArrayList<>(List.of(started));
            frames.addAll(client.frames.until(f -> !"event".equals(f.getString("type"))));
            JsonObject answer = frames.get(frames.size() - 1);
            assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("answer");
            assertThat(answer.getString("id")).isEqualTo("big");
            JsonObject body = answer.getJsonObject("body");
            assertThat(body.getString("job_id")).isEqualTo(jobId);
            assertThat(body.getJsonArray("unanswered")).as("every intent answered").isEmpty();
            Answers.assertRows(Answers.groupedTable(body, "category", "weight"), large.totalWeightByCategory(), 0);

            List<JsonObject> events = frames.subList(0, frames.size() - 1);
            assertThat(events).allSatisfy(e -> assertThat(e.getString("job_id")).isEqualTo(jobId));
            List<String> names = events.stream().map(e -> e.getString("event")).toList();
            assertThat(names).as("events seen on n1").containsSubsequence("started", "step_finished", "resumed", "done");
            assertThat(names.get(names.size() - 1)).isEqualTo("done");
            JsonObject resumed = events.stream().filter(e -> "resumed".equals(e.getString("event"))).findFirst().orElseThrow();
            assertThat(resumed.getString("agent")).isEqualTo(survivor);
            System.out.printf("[LiveFailoverIT] agent %s killed at graph step %d; the client on n1 saw %d events, resumed by %s, then the answer%n",
                    agent, step, events.size(), survivor);
        }
    }
}
