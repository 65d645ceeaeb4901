package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One /ask on a traced node is one trace: the HTTP server span, the event-bus spans, the job, its steps and tool calls. */
class TracingIT {

    @Test
    @Timeout(120)
    void oneAskIsOneTraceFromTheHttpRequestToEveryToolCall() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Vertx vertx = Node.vertxBuilder(new VertxOptions(), null, otel).build();
        try {
            int port = TestNode.freePort();
            NodeConfig config = NodeConfig.withOverrides(Map.of("DATASENSE_PORT", Integer.toString(port),
                    "DATASENSE_DATA_DIR", TempFolders.create("datasense-tracing").toString(),
                    "DATASENSE_NODE_NAME", "traced", "DATASENSE_GENERATED_BOARDS", "false", "DATASENSE_TRACING", "otlp"));
            Node.start(vertx, config, null, otel).await();
            spans.reset(); // the sample dataset's registration is no request's

            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"file_id\":\"" + Node.SAMPLE_FILE_ID + "\",\"question\":\"total revenue by region\"}"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);

            // the job span ends once the job is recorded, just after the reply; the HTTP span when the reply has been
            // written, which under load may come after it: wait for both
            Predicate<SpanData> isHttp = s -> s.getKind() == SpanKind.SERVER
                    && s.getInstrumentationScopeInfo().getName().equals("io.vertx") && s.getName().startsWith("POST");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((find(spans.getFinishedSpanItems(), s -> s.getName().equals("job")) == null
                    || find(spans.getFinishedSpanItems(), isHttp) == null) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<SpanData> all = spans.getFinishedSpanItems();
            SpanData http = find(all, isHttp);
            SpanData job = find(all, s -> s.getName().equals("job"));
            SpanData act = find(all, s -> s.getName().equals("act"));
            SpanData tool = find(all, s -> s.getName().startsWith("tool "));
            assertThat(job).as(names(all)).isNotNull();
            assertThat(act).as(names(all)).isNotNull();
            assertThat(tool).as(names(all)).isNotNull();
            Set<String> traces = all.stream().map(SpanData::getTraceId).collect(Collectors.toSet());
            assertThat(traces).as(names(all)).hasSize(1);
            assertThat(act.getParentSpanId()).isEqualTo(job.getSpanId());
            assertThat(tool.getParentSpanId()).isEqualTo(act.getSpanId());
            // the tool call's message: a client span under the tool span, its consumer's server span under that
            SpanData send = find(all, s -> s.getKind() == SpanKind.CLIENT && s.getParentSpanId().equals(tool.getSpanId()));
            assertThat(send).as(names(all)).isNotNull();
            assertThat(find(all, s -> s.getKind() == SpanKind.SERVER && s.getParentSpanId().equals(send.getSpanId()))).as(names(all)).isNotNull();
            assertThat(http).as(names(all)).isNotNull();
            assertThat(find(all, s -> s.getName().equals("plan"))).isNotNull();
            assertThat(find(all, s -> s.getName().equals("reflect"))).isNotNull();
        } finally {
            vertx.close().await();
            otel.close();
        }
    }

    private static SpanData find(List<SpanData> spans, Predicate<SpanData> test) {
        return spans.stream().filter(test).findFirst().orElse(null);
    }

    private static String names(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getSpanId() + "<" + s.getParentSpanId() + " " + s.getTraceId().substring(0, 6))
                .collect(Collectors.joining("\n"));
    }
}
