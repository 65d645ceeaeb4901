package datasense.verticles.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.cluster.OtlpReceiver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The resource a node's spans carry, as a collector receives them over OTLP/HTTP: the node's name as
 * {@code service.instance.id}, unless the operator set one in {@code OTEL_RESOURCE_ATTRIBUTES} (given here as its system
 * property, {@code otel.resource.attributes}, which the autoconfigured SDK reads the same way).
 */
@Timeout(30)
class NodeTracingTest {

    @Test
    void theNodeNameIsTheInstanceUnlessTheOperatorSetsOne() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            assertThat(exportOneSpan(receiver, "n-named", Map.of(), "by-name").instance()).isEqualTo("n-named");
            OtlpReceiver.Received set = exportOneSpan(receiver, "n-named",
                    Map.of("otel.resource.attributes", "service.instance.id=operator-set,deployment.environment=test"), "by-operator");
            assertThat(set.instance()).isEqualTo("operator-set");
            assertThat(set.service()).isEqualTo("datasense");
        }
    }

    /** One span named {@code spanName} through an SDK built from these system properties, as the receiver got it. */
    private static OtlpReceiver.Received exportOneSpan(OtlpReceiver receiver, String nodeName, Map<String, String> properties,
                                                      String spanName) throws Exception {
        Map<String, String> all = new HashMap<>(properties);
        all.put("otel.exporter.otlp.endpoint", receiver.url(""));
        all.forEach(System::setProperty);
        try (OpenTelemetrySdk sdk = NodeTracing.fromEnvironment(nodeName)) {
            Span span = NodeTracing.tracer(sdk).spanBuilder(spanName).startSpan();
            span.end();
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        } finally {
            all.keySet().forEach(System::clearProperty);
        }
        return receiver.await(s -> s.name().equals(spanName), Duration.ofSeconds(10));
    }
}
