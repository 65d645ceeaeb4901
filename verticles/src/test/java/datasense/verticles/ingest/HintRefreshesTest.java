package datasense.verticles.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A burst of join-hint refresh requests for one project from two files roles sharing one Vert.x (one set of locks
 * and maps, as a cluster has). Each measurement takes longer than a request waits for the lock, as a large
 * project's does: when waiters queued on the lock instead, they gave up and their refreshes were dropped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HintRefreshesTest {

    /** Longer than a request waits for the lock, so requests during a measurement cannot wait it out. */
    private static final long MEASUREMENT_MS = HintRefreshes.TRY_LOCK_MS + 500;

    /**
     * Sixteen requests in two waves (half at once, half once the first measurement has begun); each measurement
     * notes the newest request made before it began. Measurements never overlap, the burst costs a few of them, the
     * last began after the last request (it saw the newest file), and no mark is left.
     */
    @Test
    void aBurstIsMeasuredAFewTimesOneAtATimeAndTheLastRequestIsMeasured() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            int requests = 16;
            List<HintRefreshes> nodes = List.of(new HintRefreshes(vertx), new HintRefreshes(vertx));
            AtomicInteger newest = new AtomicInteger();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<Integer> measured = Collections.synchronizedList(new ArrayList<>());
            Promise<Void> firstBegun = Promise.promise();
            Supplier<Future<Set<String>>> measurement = () -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                measured.add(newest.get());
                firstBegun.tryComplete();
                Promise<Set<String>> finished = Promise.promise();
                vertx.setTimer(MEASUREMENT_MS, id -> {
                    running.decrementAndGet();
                    finished.complete(Set.of("f_" + measured.size()));
                });
                return finished.future();
            };
            List<Future<Set<String>>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                if (i == requests / 2) {
                    firstBegun.future().await(20, TimeUnit.SECONDS);
                }
                newest.incrementAndGet(); // the upload is registered before its refresh is asked for
                done.add(nodes.get(i % 2).request("acme", "p_1", measurement));
            }
            Future.all(done).await(40, TimeUnit.SECONDS);

            assertThat(overlaps.get()).as("measurements at once").isZero();
            assertThat(measured).as("measurements (the newest request each saw)").isNotEmpty().hasSizeLessThanOrEqualTo(3);
            assertThat(measured.get(0)).as("the first measurement began before the second wave").isLessThan(requests);
            assertThat(measured.get(measured.size() - 1)).as("the last measurement saw the last request").isEqualTo(requests);
            assertThat(done.stream().mapToInt(f -> f.result().size()).sum())
                    .as("each measurement's changed files reach exactly one request").isEqualTo(measured.size());
            assertThat(vertx.sharedData().<String, Boolean>getAsyncMap(HintRefreshes.DIRTY)
                    .compose(marks -> marks.get("acme/p_1")).await(5, TimeUnit.SECONDS)).as("mark left").isNull();
        } finally {
            vertx.close().await();
        }
    }
}
