package datasense.verticles.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.vertx.core.VertxBuilder;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.Map;

/**
 * Tracing of a node ({@code DATASENSE_TRACING=otlp}): Vert.x's own OpenTelemetry tracer (vertx-opentelemetry) makes
 * the spans of HTTP requests and event-bus messages and carries their context in W3C {@code traceparent} headers,
 * across nodes too; the agent adds a span per job, per graph step and per tool call ({@code JobTrace}). The SDK is
 * OpenTelemetry's autoconfigured one, so every standard {@code OTEL_*} variable applies (endpoint, sampler, headers,
 * resource); only our defaults differ: OTLP over HTTP/protobuf, traces alone, service {@code datasense}. Off, no
 * tracer is built and Vert.x runs exactly as without this class.
 */
public final class NodeTracing {

    /** The instrumentation scope of the spans DataSense makes itself (Vert.x names its own {@code io.vertx}). */
    public static final String SCOPE = "datasense";

    private static final AttributeKey<String> INSTANCE = AttributeKey.stringKey("service.instance.id");

    private NodeTracing() {
    }

    /**
     * The SDK the standard {@code OTEL_*} environment variables and system properties describe, with our defaults
     * under them; {@code nodeName} is the resource's {@code service.instance.id} unless {@code OTEL_RESOURCE_ATTRIBUTES} sets one. It flushes its spans when the
     * JVM exits (the SDK's own shutdown hook).
     */
    public static OpenTelemetrySdk fromEnvironment(String nodeName) {
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", "datasense",
                        "otel.traces.exporter", "otlp",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none",
                        // the JDK's HTTP client sends OTLP/HTTP; gRPC would need OkHttp or grpc-java
                        "otel.exporter.otlp.protocol", "http/protobuf"))
                // autoconfigure gives every SDK a random service.instance.id (its ServiceInstanceIdResourceProvider), so
                // "unless one is set" can only mean set by the operator, in OTEL_RESOURCE_ATTRIBUTES
                .addResourceCustomizer((resource, config) -> config.getMap("otel.resource.attributes").containsKey(INSTANCE.getKey())
                        ? resource : resource.merge(Resource.builder().put(INSTANCE, nodeName).build()))
                .build()
                .getOpenTelemetrySdk();
    }

    /** {@code builder} with Vert.x tracing through {@code openTelemetry}; unchanged when it is null (tracing off). */
    public static VertxBuilder traced(VertxBuilder builder, OpenTelemetry openTelemetry) {
        return openTelemetry == null ? builder : builder.withTracer(new OpenTelemetryTracingFactory(openTelemetry));
    }

    /** Our tracer, or null when tracing is off. */
    public static Tracer tracer(OpenTelemetry openTelemetry) {
        return openTelemetry == null ? null : openTelemetry.getTracer(SCOPE);
    }
}
