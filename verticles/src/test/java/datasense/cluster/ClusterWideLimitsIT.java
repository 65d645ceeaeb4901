package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import datasense.RedisServerProcess;
import datasense.StandInLlm;
import datasense.TempFolders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The limits per tenant counted once across two node JVMs that share one real Redis (each a standalone node behind
 * what would be a load balancer, both on one data folder): a tenant gets its requests per minute, its asks in
 * flight and its LLM tokens per day once across both nodes, not once per node; another tenant's figures are its
 * own. Then Redis is killed: the limits fail open (requests admitted, one WARN, a metric), and count again once it
 * is back. The model is the tests' OpenAI-compatible stand-in, reporting 333 tokens a reply; it can hold a
 * planning request to keep an ask in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@Tag("fault")
class ClusterWideLimitsIT {

    private static final String SECRET = "cluster-limits-jwt-secret-of-32-bytes-or-more";
    private static final int PER_MINUTE = 10;
    private static final int TOKENS_PER_REPLY = 333;
    private static final String CSV = "Region,Sales\nNorth,10\nSouth,20\nWest,5\n";

    private RedisServerProcess redis;
    private StandInLlm llm;
    private NodeProcess a;
    private NodeProcess b;
    /** While set, the model holds each planning request until it is counted down. */
    private volatile CountDownLatch hold;
    private volatile CountDownLatch planning = new CountDownLatch(1);

    @BeforeAll
    void start() throws Exception {
        redis = RedisServerProcess.start();
        llm = StandInLlm.start(this::reply);
        Path data = TempFolders.create("datasense-limits-data");
        Path logs = Files.createDirectories(Path.of("target", "cluster-logs", "ClusterWideLimitsIT"));
        Map<String, String> settings = new HashMap<>(llm.settings(Map.of(
                "REDIS_URL", redis.url(),
                "DATASENSE_AUTH", "required",
                "DATASENSE_JWT_SECRET", SECRET,
                "DATASENSE_SAMPLE_DATA", "false",
                "DATASENSE_TENANT_REQUESTS_PER_MINUTE", Integer.toString(PER_MINUTE),
                "DATASENSE_TENANT_ASKS_IN_FLIGHT", "1",
                "DATASENSE_TENANT_LLM_TOKENS_PER_DAY", "500")));
        long started = System.nanoTime();
        a = NodeProcess.standalone("limits-a", data, logs, settings);
        b = NodeProcess.standalone("limits-b", data, logs, settings);
        a.awaitReady(Duration.ofSeconds(90));
        b.awaitReady(Duration.ofSeconds(90));
        System.out.printf("[ClusterWideLimitsIT] two nodes sharing Redis ready in %d ms (logs in %s)%n",
                (System.nanoTime() - started) / 1_000_000, logs.toAbsolutePath());
    }

    @AfterAll
    void stop() {
        CountDownLatch held = hold;
        if (held != null) {
            held.countDown();
        }
        for (AutoCloseable c : new AutoCloseable[] {a, b, llm, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.out.println("closing " + c + ": " + e);
            }
        }
    }

    /** A valid plan (a histogram of Sales) with the usage a real endpoint reports; held while {@link #hold} is set. */
    private void reply(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        CountDownLatch held = hold;
        if (held != null) {
            planning.countDown();
            try {
                held.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        JsonObject call = new JsonObject().put("id", "call_1").put("type", "function")
                .put("function", new JsonObject().put("name", "distribution_plot").put("arguments", new JsonObject().put("column", "Sales").encode()));
        byte[] body = new JsonObject()
                .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "stand-in-model")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "tool_calls")
                        .put("message", new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray().add(call)))))
                .put("usage", new JsonObject().put("prompt_tokens", TOKENS_PER_REPLY - 12).put("completion_tokens", 12).put("total_tokens", TOKENS_PER_REPLY))
                .encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** An HS256 token for {@code tenant} with every scope, as an identity provider sharing the secret would mint it. */
    private static String bearer(String tenant) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(new JsonObject().put("sub", "user-of-" + tenant).put("tenant", tenant)
                .put("scope", "read ask upload admin").put("iss", "datasense").put("aud", new JsonArray().add("datasense"))
                .put("iat", now).put("exp", now + 3600).encode().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = b64.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
        return "Bearer " + header + "." + claims + "." + signature;
    }

    private static Api on(NodeProcess node, String tenant) throws Exception {
        return new Api(node.port).as(bearer(tenant));
    }

    private static String upload(Api api) throws Exception {
        Api.Response upload = api.uploadCsv("shop.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        return upload.json().getString("file_id");
    }

    private static long epochMinute() {
        return System.currentTimeMillis() / 60_000;
    }

    /**
     * {@code count} requests of a fresh tenant, alternating between the nodes, all within one minute of the clock:
     * the window is per minute, so a burst a minute's edge cut in two is made again by another tenant.
     */
    private List<Api.Response> burst(String tenant, int count) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Api onA = on(a, tenant + "-" + attempt);
            Api onB = on(b, tenant + "-" + attempt);
            long minute = epochMinute();
            List<Api.Response> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                replies.add((i % 2 == 0 ? onA : onB).get("/files"));
            }
            if (epochMinute() == minute) {
                return replies;
            }
        }
        return fail("three bursts in a row crossed a minute's edge");
    }

    private static List<Integer> statuses(List<Api.Response> replies) {
        return replies.stream().map(Api.Response::status).toList();
    }

    /** The value of a Prometheus series on {@code node}'s /metrics, 0 when it is not there. */
    private static double metric(NodeProcess node, String series) throws Exception {
        String scrape = new Api(node.port).get("/metrics").text();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    @Order(1)
    void aTenantGetsItsRequestsPerMinuteOnceAcrossBothNodes() throws Exception {
        long started = System.nanoTime();
        List<Api.Response> replies = burst("rpm-acme", PER_MINUTE + 2);
        assertThat(statuses(replies).subList(0, PER_MINUTE)).as("the figure, across both nodes").containsOnly(200);
        assertThat(statuses(replies).subList(PER_MINUTE, PER_MINUTE + 2)).as("past it, on either node").containsOnly(429);
        for (Api.Response refused : replies.subList(PER_MINUTE, PER_MINUTE + 2)) {
            assertThat(Long.parseLong(refused.header("Retry-After"))).as("the seconds left in the minute").isBetween(1L, 60L);
            JsonObject body = refused.json();
            assertThat(body.fieldNames()).containsExactlyInAnyOrder("error", "message", "hint", "request_id");
            assertThat(body.getString("error")).isEqualTo("too_many_requests");
            assertThat(body.getString("hint")).contains("DATASENSE_TENANT_REQUESTS_PER_MINUTE");
            assertThat(body.getString("request_id")).isEqualTo(refused.header("X-Request-Id"));
        }
        // another tenant's figure is its own, on both nodes
        assertThat(on(a, "rpm-globex").get("/files").status()).isEqualTo(200);
        assertThat(on(b, "rpm-globex").get("/files").status()).isEqualTo(200);
        String refusals = "datasense_limits_exceeded_total{limit=\"requests_per_minute\"}";
        assertThat(metric(a, refusals) + metric(b, refusals)).isGreaterThanOrEqualTo(2);
        System.out.printf("[ClusterWideLimitsIT] requests per minute %d across 2 nodes: %s in %d ms%n", PER_MINUTE,
                statuses(replies), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(2)
    void aTenantGetsItsAsksInFlightOnceAcrossBothNodes() throws Exception {
        Api acmeOnA = on(a, "asks-acme");
        Api acmeOnB = on(b, "asks-acme");
        String acmeFile = upload(acmeOnA);
        Api globexOnB = on(b, "asks-globex");
        String globexFile = upload(globexOnB);

        planning = new CountDownLatch(1);
        hold = new CountDownLatch(1);
        CompletableFuture<Api.Response> first = acmeOnA.postJsonAsync("/ask",
                new JsonObject().put("file_id", acmeFile).put("question", "how are sales spread out"), Duration.ofSeconds(120));
        try {
            assertThat(planning.await(60, TimeUnit.SECONDS)).as("the first ask reaches the model and is held there").isTrue();
            Api.Response refused = acmeOnB.ask(acmeFile, "show the spread of sales");
            assertThat(refused.status()).as(refused.text()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().getString("hint")).contains("DATASENSE_TENANT_ASKS_IN_FLIGHT");
            // another tenant asks meanwhile (async: it is in flight until its 202)
            Api.Response other = globexOnB.askAsync(globexFile, "how are sales spread out");
            assertThat(other.status()).as(other.text()).isEqualTo(202);
        } finally {
            hold.countDown();
            hold = null;
        }
        Api.Response answered = first.get(120, TimeUnit.SECONDS);
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        // its end freed the tenant's one ask, on the other node too
        Api.Response next = acmeOnB.ask(acmeFile, "total sales by region");
        assertThat(next.status()).as(next.text()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aTenantsLlmTokensPerDayAreCountedOnceAcrossBothNodes() throws Exception {
        Api acmeOnA = on(a, "tokens-acme");
        Api acmeOnB = on(b, "tokens-acme");
        String file = upload(acmeOnA);
        assertThat(ask(acmeOnA, file, "how are sales spread out").getString("planner")).isEqualTo("llm");
        assertThat(ask(acmeOnB, file, "show the spread of sales").getString("planner")).as("333 spent of 500").isEqualTo("llm");
        // 666 spent across both nodes: past the budget on each, though each node planned only 333 itself
        for (Api api : List.of(acmeOnA, acmeOnB)) {
            JsonObject offline = ask(api, file, api == acmeOnA ? "total sales by region" : "average sales by region");
            assertThat(offline.getString("planner")).isEqualTo("offline");
            assertThat(offline.getString("interpretation")).contains("LLM budget for today");
        }
        Api globex = on(b, "tokens-globex");
        assertThat(ask(globex, upload(globex), "how are sales spread out").getString("planner")).isEqualTo("llm");
    }

    private static JsonObject ask(Api api, String fileId, String question) throws Exception {
        Api.Response reply = api.ask(fileId, question);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    @Test
    @Order(4)
    void whileRedisIsDownTheLimitsFailOpenAndTheyCountAgainOnceItIsBack() throws Exception {
        redis.kill();
        long downAt = System.nanoTime();
        List<Api.Response> admitted = burst("open-acme", PER_MINUTE + 2);
        assertThat(statuses(admitted)).as("admitted uncounted").containsOnly(200);
        assertThat(metric(a, "datasense_limits_unchecked_total{limit=\"requests_per_minute\"}")).isGreaterThanOrEqualTo((PER_MINUTE + 2) / 2.0);
        String warning = "tenant limits are not counted while Redis";
        assertThat(a.logText().split(Pattern.quote(warning), -1)).as("one WARN for the outage").hasSize(2);

        redis.restart();
        long backAt = System.nanoTime();
        // each node counts again once its own connection is back (within its reconnect backoff, at most 5 s)
        for (NodeProcess node : List.of(a, b)) {
            Api probe = on(node, "open-probe");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!node.logText().contains("tenant limits are counted cluster-wide again") && System.nanoTime() < deadline) {
                probe.get("/files");
                Thread.sleep(100);
            }
            assertThat(node.logText()).contains("tenant limits are counted cluster-wide again");
        }
        List<Api.Response> counted = burst("open-globex", PER_MINUTE + 1);
        assertThat(statuses(counted).subList(0, PER_MINUTE)).containsOnly(200);
        assertThat(statuses(counted).get(PER_MINUTE)).isEqualTo(429);
        System.out.printf("[ClusterWideLimitsIT] Redis down %d ms: %d requests admitted uncounted; counted again %d ms after it was back%n",
                (backAt - downAt) / 1_000_000, admitted.size(), (System.nanoTime() - backAt) / 1_000_000);
    }
}
