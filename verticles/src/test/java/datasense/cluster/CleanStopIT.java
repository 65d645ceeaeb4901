package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.Node;
import datasense.StandInLlm;
import datasense.cluster.OtlpReceiver.Received;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single node stopped with SIGTERM mid-job lets its work finish (a synchronous /ask in flight is answered, an
 * accepted async job is recorded done, a WebSocket is closed with a reason) and exits by itself; a node killed
 * with SIGKILL mid-job resumes the job it accepted when it starts again on the same data. The jobs are kept
 * running by an LLM endpoint written here that holds each planning request, then refuses it (the planner falls
 * back to the offline one).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@Tag("fault")
class CleanStopIT {

    private static final String QUESTION = "total sales by region";

    @TempDir
    Path work;
    private StandInLlm llm;
    private OtlpReceiver receiver;
    private final AtomicInteger planningRequests = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(1);
    private volatile long holdMs = 110_000;
    private Vertx vertx;

    @BeforeEach
    void start() throws IOException {
        llm = StandInLlm.start(exchange -> {
            planningRequests.incrementAndGet();
            try {
                hold.await(holdMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        vertx = Vertx.vertx();
        receiver = OtlpReceiver.start();
    }

    @AfterEach
    void stop() {
        hold.countDown();
        llm.close();
        receiver.close();
        vertx.close().await();
    }

    private Map<String, String> llmSettings() {
        return llm.settings(Map.of("DATASENSE_STOP_SECONDS", "30"));
    }

    private void awaitPlanningRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (planningRequests.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(planningRequests.get()).as("jobs planning").isGreaterThanOrEqualTo(n);
    }

    private JsonObject record(Path data, String jobId) throws IOException {
        return new JsonObject(Files.readString(data.resolve(Node.SAMPLE_TENANT).resolve("jobs").resolve(jobId).resolve("job.json")));
    }

    @Test
    void sigtermLetsRequestsAndJobsInFlightFinishThenExits() throws Exception {
        Path data = work.resolve("data");
        holdMs = 2_000; // each job plans for 2 s
        try (NodeProcess node = NodeProcess.standalone("stopping", data, work, llmSettings())) {
            node.awaitReady(Duration.ofSeconds(60));
            Api api = new Api(node.port);
            Api.Response accepted = api.askAsync(Node.SAMPLE_FILE_ID, QUESTION);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            String asyncJob = accepted.json().getString("job_id");
            CompletableFuture<Api.Response> sync = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.postJson("/ask", new JsonObject().put("file_id", Node.SAMPLE_FILE_ID).put("question", "average profit by category"),
                            Duration.ofSeconds(60));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            WebSocket ws = vertx.createWebSocketClient()
                    .connect(new WebSocketConnectOptions().setHost("localhost").setPort(node.port).setURI("/ws")).await();
            CompletableFuture<String> wsClosed = new CompletableFuture<>();
            ws.closeHandler(v -> wsClosed.complete(ws.closeStatusCode() + " " + ws.closeReason()));
            awaitPlanningRequests(2);
            assertThat(record(data, asyncJob).getString("status")).as("an accepted job is on disk before it ends").isEqualTo("running");

            node.terminate();

            Api.Response answered = sync.get(60, TimeUnit.SECONDS);
            assertThat(answered.status()).as("the /ask in flight is answered: " + answered.text()).isEqualTo(200);
            assertThat(answered.json().getString("answer")).isNotBlank();
            assertThat(wsClosed.get(30, TimeUnit.SECONDS)).isEqualTo("1001 node stopping");
            Integer exit = node.awaitExit(Duration.ofSeconds(60));
            assertThat(exit).as("exited by itself:\n" + node.logTail(30)).isEqualTo(0);
            assertThat(record(data, asyncJob).getString("status")).as("the accepted async job finished before the exit").isEqualTo("done");
            assertThat(data.resolve("default/jobs/" + asyncJob + "/checkpoint.json")).as("an ended job keeps no checkpoint").doesNotExist();
            assertThat(data.resolve("_index").resolve("running-jobs")).satisfiesAnyOf(
                    dir -> assertThat(dir).doesNotExist(), dir -> assertThat(dir).isEmptyDirectory());
        }
    }

    @Test
    void aJobCaughtByAHardKillIsResumedWhenTheNodeStartsAgain() throws Exception {
        Path data = work.resolve("data");
        String jobId;
        try (NodeProcess node = NodeProcess.standalone("killed", data, work, llmSettings())) {
            node.awaitReady(Duration.ofSeconds(60));
            Api.Response accepted = new Api(node.port).askAsync(Node.SAMPLE_FILE_ID, QUESTION);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            jobId = accepted.json().getString("job_id");
            awaitPlanningRequests(1);
            node.kill();
        }
        assertThat(record(data, jobId).getString("status")).isEqualTo("running");

        hold.countDown(); // the planner now falls back at once
        Map<String, String> traced = new HashMap<>(llmSettings());
        traced.putAll(Map.of("DATASENSE_TRACING", "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url(""),
                "OTEL_BSP_SCHEDULE_DELAY", "200"));
        try (NodeProcess again = NodeProcess.standalone("restarted", data, work, traced)) {
            again.awaitReady(Duration.ofSeconds(60));
            JsonObject job = new Api(again.port).awaitJob(jobId, Duration.ofSeconds(60));
            assertThat(job).as("the job on the restarted node:\n" + again.logTail(30)).isNotNull();
            assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
            assertThat(record(data, jobId).getString("status")).isEqualTo("done");
            assertThat(data.resolve("default/jobs/" + jobId + "/checkpoint.json")).doesNotExist();
            assertThat(again.logText()).contains("job " + jobId + ": its agent is gone; resuming it here");

            // the resumed run is traced as a new trace of its own, marked resumed, with its steps under it
            Received resumed = receiver.await(s -> s.name().equals("job") && jobId.equals(s.attributes().get("datasense.job.id")),
                    Duration.ofSeconds(30));
            assertThat(resumed.attributes()).as(OtlpReceiver.describe(receiver.spans()))
                    .containsEntry("datasense.job.resumed", "true").containsEntry("datasense.agent", "restarted");
            assertThat(resumed.parentSpanId()).as("a root: the killed node's trace never ended").isEmpty();
            List<Received> trace = receiver.awaitTrace(resumed.traceId(), spans -> spans.stream()
                    .anyMatch(s -> s.name().startsWith("tool ")), Duration.ofSeconds(30));
            assertThat(trace).as(OtlpReceiver.describe(trace))
                    .anyMatch(s -> s.name().equals("act") && s.parentSpanId().equals(resumed.spanId()))
                    .allMatch(s -> s.instance().equals("restarted"));
        }
    }
}
