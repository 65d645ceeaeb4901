package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import datasense.verticles.metrics.NodeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.slf4j.LoggerFactory;

/**
 * What an operator relies on, against a real node with authentication on and Vert.x reporting into its registry:
 * /metrics moves when a job runs and a cached answer is served, with bounded labels; the probes and the API document
 * are open; every reply names its request id and every error body carries it; a 5xx is logged once under that id.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OperationsIT {

    private static Vertx vertx;
    private static TestNode node;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        PrometheusMeterRegistry registry = NodeMetrics.registry();
        vertx = NodeMetrics.builder(new VertxOptions(), registry).build();
        node = TestNode.start(vertx, TestTokens.required(Map.of()), registry);
        token = TestTokens.forTenant(vertx, Node.SAMPLE_TENANT);
    }

    @AfterAll
    static void stop() {
        node.close();
        vertx.close().await();
    }

    private static <T> HttpRequest<T> signedIn(HttpRequest<T> request) {
        return request.putHeader("Authorization", "Bearer " + token);
    }

    private static HttpResponse<Buffer> ask(String question) {
        return signedIn(node.client.post("/ask")).sendJsonObject(new JsonObject().put("file_id", Node.SAMPLE_FILE_ID).put("question", question)).await();
    }

    @Test
    void metricsMoveWhenAJobRunsAndWhenAnAnswerIsServedFromTheCache() {
        String before = node.get("/metrics").bodyAsString();
        assertThat(ask("average profit by category").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> hit = ask("average profit by category");
        assertThat(hit.bodyAsJsonObject().getBoolean("cached")).isTrue();
        HttpResponse<Buffer> scrape = node.get("/metrics");
        String after = scrape.bodyAsString();

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.getHeader("Content-Type")).startsWith("text/plain");
        assertThat(value(after, "datasense_job_duration_seconds_count{outcome=\"done\"}"))
                .isEqualTo(value(before, "datasense_job_duration_seconds_count{outcome=\"done\"}") + 1);
        assertThat(value(after, "datasense_cache_lookups_total{kind=\"question\",result=\"hit\"}"))
                .isEqualTo(value(before, "datasense_cache_lookups_total{kind=\"question\",result=\"hit\"}") + 1);
        assertThat(value(after, "datasense_cache_lookups_total{kind=\"question\",result=\"miss\"}"))
                .isGreaterThan(value(before, "datasense_cache_lookups_total{kind=\"question\",result=\"miss\"}"));
        assertThat(value(after, "datasense_planner_plans_total{planner=\"offline\"}"))
                .isGreaterThan(value(before, "datasense_planner_plans_total{planner=\"offline\"}"));
        assertThat(sum(after, "datasense_tool_duration_seconds_count")).isGreaterThan(sum(before, "datasense_tool_duration_seconds_count"));
        assertThat(value(after, "datasense_ingest_rows_total")).isGreaterThanOrEqualTo(5_000);
        // Vert.x's own: per route template, status and a latency histogram; the event bus per address; JVM and process
        assertThat(value(after, "vertx_http_server_requests_total{code=\"200\",method=\"POST\",route=\"/ask\"}"))
                .isEqualTo(value(before, "vertx_http_server_requests_total{code=\"200\",method=\"POST\",route=\"/ask\"}") + 2);
        assertThat(after).contains("vertx_http_server_response_time_seconds_bucket{code=\"200\",method=\"POST\",route=\"/ask\",le=\"0.1\"}");
        assertThat(after).contains("vertx_eventbus_processed_total{address=\"ds.cache.get\",side=\"local\"}");
        assertThat(after).contains("jvm_memory_used_bytes{", "process_cpu_usage", "process_uptime_seconds", "vertx_pool_in_use{");
        // not kept: each request's and response's size (the byte counters say it per connection, at less cost)
        assertThat(after).contains("vertx_http_server_bytes_read_total")
                .doesNotContain("vertx_http_server_request_bytes", "vertx_http_server_response_bytes");
        // bounded labels: no job, file or request id, no tenant, no raw path
        assertThat(after).doesNotContain("f_abc123", "tenant=", "path=");
        assertThat(Pattern.compile("=\"[jrcq]_[0-9a-f]{16,}").matcher(after).find()).as("an id as a label value").isFalse();
    }

    @Test
    void probesMetricsAndTheApiDocumentAreOpenWithoutACredential() {
        HttpResponse<Buffer> live = node.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        HttpResponse<Buffer> ready = node.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.bodyAsJsonObject().getJsonArray("checks").stream().map(c -> ((JsonObject) c).getString("id") + "=" + ((JsonObject) c).getString("status")))
                .containsExactlyInAnyOrder("store=UP", "cache=UP");
        assertThat(node.get("/health").bodyAsJsonObject().getString("status")).isEqualTo("ready");
        assertThat(node.get("/metrics").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> document = node.get("/openapi.json");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.bodyAsJsonObject().getString("openapi")).isEqualTo("3.1.0");
        assertThat(document.bodyAsJsonObject().getJsonObject("paths").fieldNames()).contains("/ask", "/health/ready");
        HttpResponse<Buffer> page = node.client.get("/docs/").send().await();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("swagger-ui-bundle.js");
        assertThat(node.get("/docs/swagger-initializer.js").bodyAsString()).contains("/openapi.json");
        assertThat(node.get("/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        // and the API itself is not
        assertThat(node.get("/files").statusCode()).isEqualTo(401);
    }

    @Test
    void everyReplyNamesItsRequestIdAndEveryErrorBodyCarriesIt() {
        HttpResponse<Buffer> ok = signedIn(node.client.get("/files")).send().await();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.getHeader("X-Request-Id")).matches("r_[0-9a-f]{32}");

        HttpResponse<Buffer> echoed = signedIn(node.client.get("/files/f_nope")).putHeader("X-Request-Id", "lb-1234.abc").send().await();
        assertThat(echoed.statusCode()).isEqualTo(404);
        assertThat(echoed.getHeader("X-Request-Id")).isEqualTo("lb-1234.abc");
        assertThat(echoed.bodyAsJsonObject().getString("request_id")).isEqualTo("lb-1234.abc");

        HttpResponse<Buffer> refused = node.client.get("/files").putHeader("X-Request-Id", "not sane; <script>").send().await();
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.getHeader("X-Request-Id")).matches("r_[0-9a-f]{32}");
        assertThat(refused.bodyAsJsonObject().getString("request_id")).isEqualTo(refused.getHeader("X-Request-Id"));
        assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("missing_credentials");
    }

    @Test
    @Tag("fault")
    void aServerErrorIsLoggedOnceWithItsRequestIdTenantAndCause() throws Exception {
        // tenant acme's folder is a file: the store cannot write the upload, a real fault of the node's disk
        Files.writeString(node.dataDir.resolve("acme"), "not a folder");
        String acme = TestTokens.forTenant(vertx, "acme");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        try {
            HttpResponse<Buffer> failed = node.client.post("/files").addQueryParam("name", "mini.csv")
                    .putHeader("Authorization", "Bearer " + acme).putHeader("Content-Type", "text/csv")
                    .sendBuffer(Buffer.buffer("Region,Sales\nNorth,10\nSouth,20\n")).await();
            String requestId = failed.getHeader("X-Request-Id");
            assertThat(failed.statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(failed.bodyAsJsonObject().getString("request_id")).isEqualTo(requestId);

            List<ILoggingEvent> logged = List.copyOf(lines.list).stream()
                    .filter(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))).toList();
            assertThat(logged).hasSize(1);
            ILoggingEvent line = logged.get(0);
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getMDCPropertyMap()).containsEntry("tenant", "acme");
            assertThat(line.getFormattedMessage()).contains("POST /files answered " + failed.statusCode());
            assertThat(line.getThrowableProxy()).as("the cause's stack trace").isNotNull();
        } finally {
            root.detachAppender(lines);
        }
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double sum(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(scrape);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
