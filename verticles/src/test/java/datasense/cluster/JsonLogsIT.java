package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A clustered node started as an operator would, in its own JVM with {@code DATASENSE_LOG_FORMAT=json}: every line it
 * writes is a JSON object; each request and each job ends in a line carrying the client's request id, the tenant (and
 * the job id), its outcome and duration as fields; its readiness probe checks the cluster too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JsonLogsIT {

    private static LoopbackCluster cluster;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    static void start() throws Exception {
        cluster = LoopbackCluster.start("JsonLogsIT", "n1",
                List.of(new LoopbackCluster.Spec("n1", "api,agent,tools,writer,ingest", true, Map.of("DATASENSE_LOG_FORMAT", "json", "DATASENSE_REQUEST_LOG", "true"))),
                Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aFailedJobIsOneJsonLineWithItsRequestIdJobIdAndTenant() throws Exception {
        NodeProcess node = cluster.node("n1");
        String requestId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> reply = ask(node, requestId, "f_missing", "total sales");
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.headers().firstValue("X-Request-Id")).contains(requestId);
        assertThat(new JsonObject(reply.body()).getString("request_id")).isEqualTo(requestId);

        JsonObject line = awaitLine(node, requestId, "datasense.verticles.agent.AgentVerticle", Duration.ofSeconds(10));
        assertThat(line.getString("level")).isEqualTo("WARN");
        assertThat(line.getString("formattedMessage")).matches("job j_\\S+ failed after \\d+\\.\\d ms with 400 unknown_file_id: .*");
        JsonObject mdc = line.getJsonObject("mdc");
        assertThat(mdc.getString("job_id")).startsWith("j_");
        assertThat(mdc.getString("tenant")).isEqualTo("default");

        JsonObject request = awaitLine(node, requestId, "datasense.requests", Duration.ofSeconds(10));
        assertThat(request.getString("level")).isEqualTo("INFO");
        assertThat(request.getString("formattedMessage")).matches("POST /ask 400 in \\d+\\.\\d ms");
        assertThat(request.getJsonObject("mdc").getString("outcome")).isEqualTo("400");
        assertThat(request.getJsonObject("mdc").getString("tenant")).isEqualTo("default");
        assertThat(Double.parseDouble(request.getJsonObject("mdc").getString("duration_ms"))).isPositive();
        for (String text : node.logText().lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(json(text)).as("a log line that is not JSON: %s", text).isPresent();
        }
    }

    @Test
    void aJobThatEndsWellIsOneInfoLineWithItsIdsOutcomeAndDuration() throws Exception {
        NodeProcess node = cluster.node("n1");
        String requestId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> reply = ask(node, requestId, "f_abc123", "total sales by region");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);

        JsonObject job = awaitLine(node, requestId, "datasense.verticles.agent.AgentVerticle", Duration.ofSeconds(10));
        assertThat(job.getString("level")).isEqualTo("INFO");
        assertThat(job.getString("formattedMessage")).matches("job j_\\S+ done in \\d+\\.\\d ms");
        JsonObject mdc = job.getJsonObject("mdc");
        assertThat(mdc.getString("job_id")).isEqualTo(new JsonObject(reply.body()).getString("job_id"));
        assertThat(mdc.getString("outcome")).isEqualTo("done");
        assertThat(Double.parseDouble(mdc.getString("duration_ms"))).isPositive();
        assertThat(awaitLine(node, requestId, "datasense.requests", Duration.ofSeconds(10)).getJsonObject("mdc").getString("outcome"))
                .isEqualTo("200");
    }

    @Test
    void readinessChecksTheClusterWhenClustered() throws Exception {
        Api.Response ready = cluster.api("n1").get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        JsonArray checks = new JsonObject(new String(ready.body())).getJsonArray("checks");
        assertThat(checks.stream().map(c -> ((JsonObject) c).getString("id") + "=" + ((JsonObject) c).getString("status")))
                .containsExactlyInAnyOrder("store=UP", "cache=UP", "cluster=UP");
    }

    /** POST /ask to {@code node} with the client's own {@code X-Request-Id}. */
    private static HttpResponse<String> ask(NodeProcess node, String requestId, String fileId, String question) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + "/ask"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("file_id", fileId).put("question", question).encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON line of {@code logger} whose MDC names {@code requestId}, polled until it is written. */
    private static JsonObject awaitLine(NodeProcess node, String requestId, String logger, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonObject> line = node.logText().lines().map(JsonLogsIT::json).flatMap(Optional::stream)
                    .filter(l -> logger.equals(l.getString("loggerName")) && l.getJsonObject("mdc") != null
                            && requestId.equals(l.getJsonObject("mdc").getString("request_id")))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line of " + logger + " names request_id " + requestId + ":\n" + node.logTail(20));
    }

    private static Optional<JsonObject> json(String line) {
        try {
            return Optional.of(new JsonObject(line));
        } catch (DecodeException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
