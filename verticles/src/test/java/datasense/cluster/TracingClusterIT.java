package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.Node;
import datasense.TempFolders;
import datasense.cluster.OtlpReceiver.Received;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tracing across node JVMs, over the real OTLP/HTTP path: n1 (api, agent, writer, ingest) and n2 (tools) run with
 * {@code DATASENSE_TRACING=otlp} and {@code OTEL_EXPORTER_OTLP_ENDPOINT} at a small OTLP/HTTP receiver in this test
 * (JDK HttpServer, POST /v1/traces decoded as {@code ExportTraceServiceRequest}, {@link OtlpReceiver}); a third node, standalone, has the
 * same endpoint variable (under {@code /off}) but no {@code DATASENSE_TRACING}, the default. One /ask is one trace
 * over both JVMs, down to the tools node's event-bus receive span; an asynchronous /ask keeps its job in the
 * request's trace past the 202; the default node sends nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingClusterIT {

    private static final Duration START = Duration.ofSeconds(90);
    /** How long spans may take to arrive: the batch processor's delay is 200 ms, so this is generous. */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** The OTLP base path the untraced node is given: anything it sent would land under it. */
    private static final String OFF_PATH = "/off";

    private OtlpReceiver receiver;
    private LoopbackCluster cluster;
    private NodeProcess off;
    private Api n1;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void start() throws Exception {
        receiver = OtlpReceiver.start();
        Map<String, String> traced = Map.of(
                "DATASENSE_TRACING", "otlp",
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url(""),
                "OTEL_BSP_SCHEDULE_DELAY", "200");
        Path logDir = Files.createDirectories(Path.of("target", "cluster-logs", "TracingClusterIT"));
        // the default node: the endpoint is set, the switch is not
        off = NodeProcess.standalone("off", TempFolders.create("datasense-tracing-off"), logDir, Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url(OFF_PATH),
                "OTEL_BSP_SCHEDULE_DELAY", "200"));
        cluster = LoopbackCluster.start("TracingClusterIT", "n1", List.of(
                new LoopbackCluster.Spec("n1", "api,agent,writer,ingest", true, traced),
                new LoopbackCluster.Spec("n2", "tools", false, traced)), START);
        off.awaitReady(START);
        n1 = cluster.api("n1");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (off != null) {
            off.kill();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(180)
    void oneAskIsOneTraceOverBothNodeJvms() throws Exception {
        Api.Response reply = n1.ask(Node.SAMPLE_FILE_ID, "total sales by region");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        String jobId = reply.json().getString("job_id");
        int toolCalls = reply.json().getJsonArray("plan").size();

        // the job span ends once the job is recorded, just after the reply; the tools node exports on its own schedule
        Received job = receiver.await(s -> s.name().equals("job") && jobId.equals(s.attributes().get("datasense.job.id")), ARRIVAL);
        // the HTTP span ends with the reply, so it may come in a later batch than the job's
        List<Received> trace = receiver.awaitTrace(job.traceId(), all -> toolCallsOnTheToolsNode(all) >= toolCalls && find(all, TracingClusterIT::isHttpPost) != null, ARRIVAL);
        assertTraceOverBothNodes(trace, job);
        // no traceparent came in, so the node's HTTP server span is the root
        Received http = find(trace, TracingClusterIT::isHttpPost);
        assertThat(http.instance()).isEqualTo("n1");
        assertThat(http.parentSpanId()).as("the HTTP request is the trace's root").isEmpty();
        assertThat(receiver.paths()).as("the traced nodes post to the standard path under OTEL_EXPORTER_OTLP_ENDPOINT")
                .contains("/v1/traces");
    }

    @Test
    @Order(2)
    @Timeout(180)
    void anAsyncAskKeepsItsJobInTheRequestsTracePastThe202() throws Exception {
        // the caller's own trace: the node continues it, so every span of this question carries this trace id
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.node("n1").port + "/ask"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("file_id", Node.SAMPLE_FILE_ID)
                        .put("question", "average quantity by category").put("async", true).encode()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String jobId = new JsonObject(accepted.body()).getString("job_id");
        JsonObject done = n1.awaitJob(jobId, Duration.ofSeconds(90));
        assertThat(done).as("job status readable").isNotNull();
        assertThat(done.getString("status")).as(done.encode()).isEqualTo("done");

        Received job = receiver.await(s -> s.name().equals("job") && jobId.equals(s.attributes().get("datasense.job.id")), ARRIVAL);
        assertThat(job.traceId()).as("the job's span is in the trace of the request that was answered 202\n"
                + describe(receiver.spans())).isEqualTo(traceId);
        int toolCalls = done.getJsonObject("result").getJsonArray("plan").size();
        List<Received> trace = receiver.awaitTrace(traceId, all -> toolCallsOnTheToolsNode(all) >= toolCalls && find(all, TracingClusterIT::isHttpPost) != null, ARRIVAL);
        assertTraceOverBothNodes(trace, job);
        Received http = find(trace, TracingClusterIT::isHttpPost);
        assertThat(http.parentSpanId()).as("the node's HTTP span continues the caller's").isEqualTo(callerSpan);
    }

    @Test
    @Order(3)
    @Timeout(180)
    void aNodeWithoutTheSwitchExportsNothing() throws Exception {
        Api offApi = new Api(off.port);
        Api.Response reply = offApi.ask(Node.SAMPLE_FILE_ID, "total sales by region");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        long answered = System.nanoTime();

        // What shows that the untraced node had its chance: a traced node, with the same 200 ms export delay, asked
        // after it, has exported its job's span. Then, as a documented bound rather than a condition, at least 2 s
        // (ten export delays) past the untraced node's answer, in case its job span had ended later than the reply.
        Api.Response later = n1.ask(Node.SAMPLE_FILE_ID, "total profit by segment");
        assertThat(later.status()).as(later.text()).isEqualTo(200);
        String laterJob = later.json().getString("job_id");
        receiver.await(s -> s.name().equals("job") && laterJob.equals(s.attributes().get("datasense.job.id")), ARRIVAL);
        long boundNanos = Duration.ofSeconds(2).toNanos() - (System.nanoTime() - answered);
        if (boundNanos > 0) {
            Thread.sleep(boundNanos / 1_000_000 + 1);
        }
        assertThat(receiver.paths()).as("requests the receiver got (the untraced node's would be under " + OFF_PATH + ")")
                .noneMatch(p -> p.startsWith(OFF_PATH));
        assertThat(receiver.spans()).as("spans of the untraced node").noneMatch(s -> s.instance().equals("off"));
    }

    // ---- what both traced asks must show ---------------------------------------------------------------------

    /** How many tool-call spans in {@code spans} have their message's receive span from n2 there too. */
    private static long toolCallsOnTheToolsNode(List<Received> spans) {
        return spans.stream().filter(tool -> tool.name().startsWith("tool ")).filter(tool -> spans.stream().anyMatch(client ->
                client.kind() == Span.SpanKind.SPAN_KIND_CLIENT && client.parentSpanId().equals(tool.spanId())
                        && spans.stream().anyMatch(s -> s.instance().equals("n2") && s.kind() == Span.SpanKind.SPAN_KIND_SERVER
                        && s.parentSpanId().equals(client.spanId())))).count();
    }

    private static void assertTraceOverBothNodes(List<Received> trace, Received job) {
        String all = describe(trace);
        assertThat(trace.stream().map(Received::instance).collect(Collectors.toSet())).as(all).contains("n1", "n2");
        assertThat(trace.stream().map(Received::service).collect(Collectors.toSet())).as(all).containsOnly("datasense");
        assertThat(job.instance()).isEqualTo("n1");
        Received act = find(trace, s -> s.name().equals("act") && s.parentSpanId().equals(job.spanId()));
        assertThat(act).as(all).isNotNull();
        assertThat(find(trace, s -> s.name().equals("plan") && s.parentSpanId().equals(job.spanId()))).as(all).isNotNull();
        List<Received> tools = trace.stream().filter(s -> s.name().startsWith("tool ")).toList();
        assertThat(tools).as(all).isNotEmpty();
        for (Received tool : tools) {
            assertThat(tool.instance()).isEqualTo("n1");
            assertThat(tool.attributes().get("datasense.job.id")).isEqualTo(job.attributes().get("datasense.job.id"));
            assertThat(trace).as("the parent of " + tool.name() + " is an act step of the job\n" + all)
                    .anyMatch(s -> s.name().equals("act") && s.spanId().equals(tool.parentSpanId()));
            assertThat(tool.attributes().get("datasense.outcome")).isEqualTo("ok");
            assertThat(tool.attributes().get("datasense.tool.worker")).as("the node that ran " + tool.name()).isEqualTo("n2");
            // the call's message: n1's client span under the tool span, n2's receive span under that
            Received send = find(trace, s -> s.kind() == Span.SpanKind.SPAN_KIND_CLIENT && s.parentSpanId().equals(tool.spanId()));
            assertThat(send).as("the bus request of " + tool.name() + "\n" + all).isNotNull();
            assertThat(send.instance()).isEqualTo("n1");
            Received receive = find(trace, s -> s.kind() == Span.SpanKind.SPAN_KIND_SERVER && s.parentSpanId().equals(send.spanId()));
            assertThat(receive).as("the tools node's receive of " + tool.name() + "\n" + all).isNotNull();
            assertThat(receive.instance()).isEqualTo("n2");
        }
    }

    /** The node's HTTP server span of the POST /ask. */
    private static boolean isHttpPost(Received s) {
        return s.kind() == Span.SpanKind.SPAN_KIND_SERVER && s.scope().equals("io.vertx") && s.name().startsWith("POST");
    }

    private static Received find(List<Received> spans, Predicate<Received> test) {
        return OtlpReceiver.find(spans, test);
    }

    private static String describe(List<Received> spans) {
        return OtlpReceiver.describe(spans);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero, which W3C calls invalid
        return bytes;
    }
}
