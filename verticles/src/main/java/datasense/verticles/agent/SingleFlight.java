package datasense.verticles.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;

/**
 * Identical questions in flight at once run once, across the cluster: the first job to claim a canonical plan
 * in {@code ds.jobs.inflight} runs it; the others wait until it is over, then find its step outputs in the
 * cache and replay them. A leader that died is noticed through {@link JobLeases} (its job is resumed, and
 * still leads) or, when its job is gone, its claim is taken over.
 */
final class SingleFlight {

    static final String INFLIGHT = "ds.jobs.inflight";
    private static final long POLL_MS = 100;

    private final Vertx vertx;
    private final JobLeases leases;
    private final long claimTtlMs;

    SingleFlight(Vertx vertx, JobLeases leases, long claimTtlMs) {
        this.vertx = vertx;
        this.leases = leases;
        this.claimTtlMs = claimTtlMs;
    }

    private Future<AsyncMap<String, String>> inflight() {
        return vertx.sharedData().getAsyncMap(INFLIGHT);
    }

    /**
     * True when {@code jobId} now leads {@code planKey} (and must release it when over); false once another job
     * that led it has finished, so its answer is probably in the cache: look there, and come back on a miss.
     */
    Future<Boolean> turn(String planKey, String jobId) {
        return inflight().compose(map -> map.putIfAbsent(planKey, jobId, claimTtlMs))
                .compose(leader -> leader == null || leader.equals(jobId) ? Future.succeededFuture(true)
                        : waitFor(planKey, leader).map(false))
                .recover(e -> Future.succeededFuture(true)); // a failing shared map costs a duplicate run, not the answer
    }

    /** Completes when {@code leader} no longer leads {@code planKey}: it released it, or its job is gone. */
    private Future<Void> waitFor(String planKey, String leader) {
        Promise<Void> over = Promise.promise();
        poll(planKey, leader, over);
        return over.future();
    }

    private void poll(String planKey, String leader, Promise<Void> over) {
        inflight().compose(map -> map.get(planKey).compose(current -> {
            if (!leader.equals(current)) {
                return Future.succeededFuture(true);
            }
            // a leader whose job is no longer registered (ended without releasing, or lost): take its claim away
            return leases.isRunning(leader).compose(running -> running ? Future.succeededFuture(false)
                    : map.removeIfPresent(planKey, leader).map(true));
        })).onComplete(done -> {
            if (done.failed() || done.result()) {
                over.complete();
            } else {
                vertx.setTimer(POLL_MS, t -> poll(planKey, leader, over));
            }
        });
    }

    /** The job is over: the next identical question runs (or, usually, finds the answer cached). */
    Future<Void> release(String planKey, String jobId) {
        return inflight().compose(map -> map.removeIfPresent(planKey, jobId)).mapEmpty();
    }
}
