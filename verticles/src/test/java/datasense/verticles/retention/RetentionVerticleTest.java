package datasense.verticles.retention;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.store.LocalObjectStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' retention verticles over one store (one Vert.x, so one set of shared locks and maps, as a cluster has):
 * they sweep one period at a time between them, not each every period.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RetentionVerticleTest {

    private static final long PERIOD_MS = 200;

    @Test
    void twoNodesSweepOnceAPeriodBetweenThem(@TempDir Path root) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            LocalObjectStore store = new LocalObjectStore(vertx, root);
            RetentionSettings settings = new RetentionSettings(Duration.ofHours(1), Duration.ofMillis(PERIOD_MS), 0, 90);
            List<SimpleMeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
            long started = System.nanoTime();
            vertx.deployVerticle(new RetentionVerticle(store, settings, "node-a", new ProductMetrics(registries.get(0)))).await();
            vertx.deployVerticle(new RetentionVerticle(store, settings, "node-b", new ProductMetrics(registries.get(1)))).await();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sweeps(registries) < 15 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double sweeps = sweeps(registries);
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(sweeps).as("sweeps ran").isGreaterThanOrEqualTo(15);
            // a lease lasts a period less 50 ms, so sweeps are at least that far apart; two nodes each sweeping every
            // period would make about twice elapsed / period
            assertThat(sweeps).as("sweeps in %d ms", elapsedMs).isLessThanOrEqualTo(elapsedMs / (double) (PERIOD_MS - 50) + 2);
        } finally {
            vertx.close().await();
        }
    }

    private static double sweeps(List<SimpleMeterRegistry> registries) {
        return registries.stream().mapToDouble(r -> r.find("datasense.retention.sweeps").counter() == null ? 0
                : r.find("datasense.retention.sweeps").counter().count()).sum();
    }
}
