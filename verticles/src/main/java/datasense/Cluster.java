package datasense;

import com.hazelcast.config.ClasspathXmlConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.FileNotFoundException;

/**
 * Joins a Hazelcast cluster: the event bus, shared maps, counters and locks become cluster-wide, so tool
 * workers on every {@code tools} node take work and a job's status is visible from any API node. The member
 * configuration comes from {@code DATASENSE_CLUSTER_CONFIG}, else the loopback file built into the jar
 * ({@code cluster-config/hazelcast-loopback.xml}: TCP-IP on 127.0.0.1, multicast off, a dead member noticed in
 * seconds rather than Hazelcast's default minute).
 */
public final class Cluster {

    /** The built-in member configuration (copied into the jar from cluster-config/). */
    static final String LOOPBACK_CONFIG = "hazelcast-loopback.xml";

    private Cluster() {
    }

    /**
     * A clustered Vert.x whose event bus listens on {@code config.clusterHost()}, reporting into {@code registry} and
     * tracing through {@code openTelemetry}, each unless null.
     */
    public static Future<Vertx> join(NodeConfig config, PrometheusMeterRegistry registry, OpenTelemetry openTelemetry) {
        Config hazelcast;
        try {
            hazelcast = config.clusterConfig().isBlank() ? new ClasspathXmlConfig(LOOPBACK_CONFIG)
                    : new FileSystemXmlConfig(config.clusterConfig());
        } catch (FileNotFoundException | RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("DATASENSE_CLUSTER_CONFIG: cannot read "
                    + config.clusterConfig() + ": " + e.getMessage(), e));
        }
        hazelcast.setProperty("hazelcast.logging.type", "slf4j");
        if (!config.clusterName().isBlank()) {
            hazelcast.setClusterName(config.clusterName());
        }
        hazelcast.setInstanceName("datasense-" + config.nodeName());
        VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost(config.clusterHost())
                .setClusterPublicHost(config.clusterHost()));
        return Node.vertxBuilder(options, registry, openTelemetry)
                .withClusterManager(new HazelcastClusterManager(hazelcast))
                .buildClustered();
    }
}
