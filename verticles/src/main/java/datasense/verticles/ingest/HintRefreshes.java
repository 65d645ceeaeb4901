package datasense.verticles.ingest;

import datasense.verticles.bus.Project;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Coalesces the re-measurements of a project's join hints that uploads and deletes ask for. A request marks the
 * project in the cluster-wide map {@link #DIRTY}, then tries the project's lock ({@link Project#hintsLock}) for
 * {@link #TRY_LOCK_MS}. The holder measures while the mark is set (clearing it before each measure), lets the lock go
 * and looks once more; a request that finds the lock held returns at once, its mark left for the holder. So a burst
 * of uploads costs a measurement or two at a time instead of one each (before, most refreshes of a burst timed out
 * on the lock and were dropped), and the last upload of a burst is always measured.
 *
 * <p>Why no request is lost: a request marks before it tries the lock, and a holder looks at the mark after letting
 * the lock go; a request fails the lock only because someone held it then, and that holder looks after that moment.
 */
final class HintRefreshes {

    /** Projects whose hints want measuring, by "tenant/project"; a mark outlives a lost holder by this long at most. */
    static final String DIRTY = "ds.hints.dirty";
    /** How long a request waits for the lock: time for a holder's release (clustered, asynchronous) to go through. */
    static final long TRY_LOCK_MS = 1_000;
    private static final long DIRTY_TTL_MS = 600_000;
    /** Bounds on the loops: measures per hold, and holds per request (each finds new marks). */
    private static final int MAX_MEASURES = 20;
    private static final int MAX_HOLDS = 5;

    private final Vertx vertx;

    HintRefreshes(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Asks for the project's hints to be measured by {@code measure}, which completes with the files whose hints it
     * changed. Completes with the files changed by the measures this request ran: none when another holds the lock.
     */
    Future<Set<String>> request(String tenant, String project, Supplier<Future<Set<String>>> measure) {
        String key = tenant + "/" + project;
        return vertx.sharedData().<String, Boolean>getAsyncMap(DIRTY)
                .compose(dirty -> dirty.put(key, true, DIRTY_TTL_MS)
                        .compose(v -> drain(dirty, key, measure, Project.hintsLock(tenant, project), 0)));
    }

    private Future<Set<String>> drain(AsyncMap<String, Boolean> dirty, String key, Supplier<Future<Set<String>>> measure,
                                      String lockName, int holds) {
        if (holds >= MAX_HOLDS) {
            return Future.succeededFuture(Set.of());
        }
        return vertx.sharedData().getLockWithTimeout(lockName, TRY_LOCK_MS).transform(locked -> {
            if (locked.failed()) {
                return Future.succeededFuture(Set.<String>of()); // the holder measures again after its current pass
            }
            Set<String> changed = new LinkedHashSet<>();
            return measureWhileDirty(dirty, key, measure, changed, 0)
                    .eventually(() -> {
                        locked.result().release();
                        return Future.succeededFuture();
                    })
                    .compose(v -> dirty.get(key)) // marked between the last look and the release
                    .compose(again -> again == null ? Future.succeededFuture(changed)
                            : drain(dirty, key, measure, lockName, holds + 1).map(more -> {
                                changed.addAll(more);
                                return changed;
                            }));
        });
    }

    private Future<Void> measureWhileDirty(AsyncMap<String, Boolean> dirty, String key, Supplier<Future<Set<String>>> measure,
                                           Set<String> changed, int measures) {
        return dirty.remove(key).compose(marked -> marked == null || measures >= MAX_MEASURES ? Future.<Void>succeededFuture()
                : measure.get().compose(files -> {
                    changed.addAll(files);
                    return measureWhileDirty(dirty, key, measure, changed, measures + 1);
                }));
    }
}
