package datasense.verticles.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Counter;

/**
 * Cluster-wide counters, obtained once and off the event loop. The Hazelcast cluster manager makes a counter with
 * a blocking map call on the calling thread: on an event loop, while the member that owns the counter's partition
 * is frozen, that call stalled the loop for seconds (a tools node stopped beating and its calls were run twice).
 * A counter obtained here is then only used through its asynchronous operations.
 */
public final class ClusterCounters {

    /** Tool runs, cluster-wide: incremented by the tools workers, reported by /health. */
    public static final String TOOL_RUNS = "ds.tool.runs";

    private ClusterCounters() {
    }

    /** The counter {@code name}, made on a worker thread. */
    public static Future<Counter> of(Vertx vertx, String name) {
        return vertx.executeBlocking(() -> vertx.sharedData().getCounter(name)).compose(counter -> counter);
    }

    /**
     * The counter's value; 0 when the cluster lost it (Hazelcast answers null for a counter whose entry went with a
     * member that was dropped and merged back; the next increment starts it again).
     */
    public static Future<Long> value(Counter counter) {
        return counter.get().map(n -> n == null ? 0L : n);
    }
}
