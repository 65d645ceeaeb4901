package datasense.verticles.bus;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

/** The explicit timeouts of event-bus requests; the bus default (30 s) fits none of them. */
public final class BusTimeouts {

    private BusTimeouts() {
    }

    /** In-memory lookups: cache, job status. */
    public static final DeliveryOptions SHORT = new DeliveryOptions().setSendTimeout(2_000);
    /** Catalog reads and artifact writes. */
    public static final DeliveryOptions STORE = new DeliveryOptions().setSendTimeout(10_000);
    /** Planning (an LLM call may take a while; the planner has its own shorter limit and falls back). */
    public static final DeliveryOptions PLAN = new DeliveryOptions().setSendTimeout(60_000);
    /** One tool step: the query time limit plus charting, with margin. */
    public static final DeliveryOptions TOOL = new DeliveryOptions().setSendTimeout(60_000);
    /**
     * A tool call whose worker has not beaten for this long is taken as lost (its node died) and sent again. Longer
     * than the cluster's own failure detection (10 s without a member's heartbeat, cluster-config/): while a frozen
     * member still owns part of the cluster's maps, beats of live workers can wait on it too (the bus looks up the
     * beat address there), so a shorter wait gave up on live workers and ran their steps twice (FrozenMemberIT).
     */
    public static final long WORKER_LOST_MS = 12_000;
    /**
     * How long a request waits for a handler that is missing (see {@link Retry#whenHandled}) before it takes the
     * address's nodes as gone. Longer than the cluster's failure detection (10 s): when a member is dropped or a
     * split heals, the live members publish their subscriptions again, and until then their addresses look unserved.
     */
    public static final long HANDLER_WAIT_MS = 11_000;

    /**
     * How long a request of this node waits for a missing handler: {@link #HANDLER_WAIT_MS} in a cluster; none on a
     * single node, whose handlers are its own verticles (one that is missing is not deployed, or is stopping).
     */
    public static long handlerWaitMs(Vertx vertx) {
        return vertx.isClustered() ? HANDLER_WAIT_MS : 0;
    }
    /** How often the agent looks for silent calls. */
    public static final long HEARTBEAT_CHECK_MS = 250;
    /** Making a report: gathering its answers and charts, then drawing its PDF. */
    public static final DeliveryOptions REPORT = new DeliveryOptions().setSendTimeout(120_000);
    /** Work through every file of a project: deleting it (each file as DELETE /files/{id} would), listing its runs. */
    public static final DeliveryOptions PROJECT = new DeliveryOptions().setSendTimeout(120_000);
    /** Ingest of a large upload. */
    public static final DeliveryOptions INGEST = new DeliveryOptions().setSendTimeout(300_000);

    /** A timeout of {@code seconds}. */
    public static DeliveryOptions seconds(int seconds) {
        return new DeliveryOptions().setSendTimeout(seconds * 1000L);
    }
}
