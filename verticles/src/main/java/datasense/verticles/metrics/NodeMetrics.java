package datasense.verticles.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;

/**
 * The node's one Prometheus registry, and Vert.x reporting into it through vertx-micrometer-metrics: HTTP server
 * requests per route template, method and status with a latency histogram, the event bus per address family,
 * worker pools, JVM and process. {@link ProductMetrics} adds ours to the same registry, and {@code GET /metrics}
 * serves it. Every label is bounded: no path, no ids, no tenant; per-job addresses are folded into one family.
 */
public final class NodeMetrics {

    /** Latency buckets of every histogram we publish, 1 ms to 2 minutes. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120)};

    private NodeMetrics() {
    }

    /**
     * A registry that publishes our histograms with {@link #BUCKETS}. Empty: Vert.x adds its label filters when it
     * starts, and Micrometer wants every filter before the first meter (ProductMetrics binds ours later).
     */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // the size of each HTTP request and response as a distribution: two more meters looked up and recorded per
        // request (5 % of a cached answer's CPU, docs/BENCHMARKS.md) for what the bytes read and written counters
        // already say per connection
        registry.config().meterFilter(MeterFilter.deny(id -> id.getName().startsWith("vertx.http.server.")
                && (id.getName().endsWith(".request.bytes") || id.getName().endsWith(".response.bytes"))));
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER
                        && (id.getName().startsWith("vertx.http.server.") || id.getName().startsWith("datasense."))) {
                    double[] nanos = new double[BUCKETS.length];
                    for (int i = 0; i < BUCKETS.length; i++) {
                        nanos[i] = BUCKETS[i].toNanos();
                    }
                    return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
                }
                return config;
            }
        });
        return registry;
    }

    /**
     * What Vert.x reports: the labels we allow and how event-bus addresses are folded ({@code ds.job.<id>.events}
     * becomes {@code ds.job.*}; replies and anything else outside {@code ds.} become {@code other}).
     */
    public static MicrometerMetricsOptions options() {
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setJvmMetricsEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_ADDRESS, Label.EB_SIDE,
                        Label.EB_FAILURE, Label.POOL_TYPE, Label.POOL_NAME))
                .addLabelMatch(address("ds\\.job\\..*", "ds.job.*"))
                .addLabelMatch(address("ds\\.client\\..*", "ds.client.*"))
                .addLabelMatch(address("(?!ds\\.).*", "other"));
        options.setEnabled(true);
        return options;
    }

    private static Match address(String regex, String alias) {
        // each match with an alias is a filter replacing the values it matches, applied in turn
        return new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
                .setType(MatchType.REGEX).setValue(regex).setAlias(alias);
    }

    /** A Vert.x builder whose instance reports into {@code registry}. */
    public static VertxBuilder builder(VertxOptions options, PrometheusMeterRegistry registry) {
        return io.vertx.core.Vertx.builder()
                .with(options.setMetricsOptions(options()))
                .withMetrics(new MicrometerMetricsFactory(registry));
    }
}
