package datasense.verticles.bus;

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
     * A tool call whose worker has not beaten for this long is taken as lost (its node died) and sent again:
     * five missed beats of ToolWorkerVerticle.HEARTBEAT_MS, so a busy but live node is not mistaken for dead.
     */
    public static final long WORKER_LOST_MS = 2_500;
    /** How often the agent looks for silent calls. */
    public static final long HEARTBEAT_CHECK_MS = 250;
    /** Making a report: gathering its answers and charts, then drawing its PDF. */
    public static final DeliveryOptions REPORT = new DeliveryOptions().setSendTimeout(120_000);
    /** Ingest of a large upload. */
    public static final DeliveryOptions INGEST = new DeliveryOptions().setSendTimeout(300_000);

    /** A timeout of {@code seconds}. */
    public static DeliveryOptions seconds(int seconds) {
        return new DeliveryOptions().setSendTimeout(seconds * 1000L);
    }
}
