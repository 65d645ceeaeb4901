package datasense.cluster;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A minimal OTLP/HTTP receiver: every POST is kept (its path, and its spans when it is an ExportTraceServiceRequest), answered 200. */
public final class OtlpReceiver implements AutoCloseable {

    /** One span as received: its node (resource service.instance.id), service, scope, ids in hex, name, kind, string attributes. */
    public record Received(String instance, String service, String scope, String traceId, String spanId, String parentSpanId,
                    String name, Span.SpanKind kind, Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> spans = new ConcurrentLinkedQueue<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpReceiver receiver = new OtlpReceiver(server);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                receiver.paths.add(path);
                byte[] body;
                try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                if (path.endsWith("/v1/traces")) {
                    receiver.keep(ExportTraceServiceRequest.parseFrom(body));
                }
                // an empty ExportTraceServiceResponse: full success
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        return receiver;
    }

    /** The endpoint base for OTEL_EXPORTER_OTLP_ENDPOINT: the exporter posts to it plus /v1/traces. */
    public String url(String base) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + base;
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, String> resource = strings(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(new Received(resource.getOrDefault("service.instance.id", ""), resource.getOrDefault("service.name", ""),
                            scopeSpans.getScope().getName(), hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind(), strings(span.getAttributesList())));
                }
            }
        }
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> plain(kv.getValue()), (a, b) -> b));
    }

    /** A value as text: strings, booleans and integers as written ("true", "3"), anything else in protobuf's text form. */
    private static String plain(AnyValue value) {
        if (value.hasStringValue()) {
            return value.getStringValue();
        }
        if (value.hasBoolValue()) {
            return String.valueOf(value.getBoolValue());
        }
        return value.hasIntValue() ? String.valueOf(value.getIntValue()) : value.toString().trim();
    }

    public List<Received> spans() {
        return List.copyOf(spans);
    }

    Set<String> paths() {
        return Set.copyOf(paths);
    }

    /** The first span to match, polled until {@code timeout}; fails with every span seen. */
    public Received await(Predicate<Received> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Received found = find(spans(), test);
            if (found != null) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such span after " + timeout + "; received:\n" + describe(spans()));
    }

    /** The spans of trace {@code traceId} once {@code complete} holds for them, polled until {@code timeout}. */
    List<Received> awaitTrace(String traceId, Predicate<List<Received>> complete, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> trace = List.of();
        while (System.nanoTime() < deadline) {
            trace = spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (complete.test(trace)) {
                return trace;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("trace " + traceId + " incomplete after " + timeout + ":\n" + describe(trace));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Received find(List<Received> spans, Predicate<Received> test) {
        return spans.stream().filter(test).findFirst().orElse(null);
    }

    /** One line per span: node, kind, name, span id &lt; parent id, the trace id's start. */
    static String describe(List<Received> spans) {
        return spans.stream().map(s -> s.instance() + " " + s.kind() + " " + s.name() + " " + s.spanId() + "<" + s.parentSpanId()
                + " " + s.traceId().substring(0, 8)).collect(Collectors.joining("\n"));
    }
}
