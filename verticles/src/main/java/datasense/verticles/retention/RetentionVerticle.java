package datasense.verticles.retention;

import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RetentionSweep} every {@code sweepEvery}, on one node of a cluster per period: a node sweeps
 * when it holds the cluster-wide lock {@code ds.retention.sweep} (so two sweeps never overlap) and finds no other
 * node has swept in this period (a lease in the cluster-wide map {@code ds.retention}, expiring after one period).
 * Deployed on agent nodes; a node that is not clustered is its own cluster. A failed sweep is logged and tried
 * again next period; a sweep run is counted in {@code datasense_retention_sweeps_total} with what it removed.
 */
public final class RetentionVerticle extends VerticleBase {

    static final String LOCK = "ds.retention.sweep";
    static final String LEASES = "ds.retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionVerticle.class);

    private final ObjectStore store;
    private final RetentionSettings settings;
    private final String owner;
    private final ProductMetrics metrics;
    private long timer = -1;

    public RetentionVerticle(ObjectStore store, RetentionSettings settings, String nodeName, ProductMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.settings = settings;
        this.owner = nodeName + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(settings.sweepEvery().toMillis(), id -> sweepIfDue());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    private void sweepIfDue() {
        vertx.sharedData().getLockWithTimeout(LOCK, 100).onSuccess(lock -> vertx.sharedData().<String, String>getAsyncMap(LEASES)
                .compose(leases -> leases.putIfAbsent("sweep", owner, Math.max(100, settings.sweepEvery().toMillis() - 50)))
                .compose(previous -> previous != null ? Future.<RetentionSweep.Outcome>succeededFuture(null)
                        : new RetentionSweep(vertx, store, settings).run())
                .onSuccess(outcome -> {
                    if (outcome != null) {
                        metrics.swept(outcome.questions(), outcome.jobs(), outcome.answers(), outcome.conversations(), outcome.auditDays(), outcome.bytes());
                    }
                    if (outcome != null && (outcome.jobs() + outcome.answers() + outcome.questions() + outcome.conversations() + outcome.auditDays()) > 0) {
                        LOG.info("retention sweep removed {}", outcome.toJson().encode());
                    }
                })
                .onFailure(e -> LOG.warn("retention sweep failed (tried again next period): {}", e.toString()))
                .onComplete(done -> lock.release()));
    }
}
