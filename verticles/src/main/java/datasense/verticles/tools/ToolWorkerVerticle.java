package datasense.verticles.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.Table;
import datasense.tools.ToolContext;
import datasense.tools.ToolException;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolResult;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.logs.FailureLog;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tools for any node's agents. It listens on every tool's address ({@code ds.tool.<name>}) on an event
 * loop and runs each call on the node's tool pool ({@code DATASENSE_TOOL_INSTANCES} worker threads), so DuckDB
 * and JFreeChart never touch an event loop and the bus spreads calls over nodes when clustered. From the
 * moment a call arrives until its reply, it sends a heartbeat every {@link #HEARTBEAT_MS} ms to the call's
 * {@code heartbeat} address: the agent takes silence as a lost node and runs the step elsewhere. Counts its
 * runs in the shared counter {@link #RUNS_COUNTER}, which /health reports.
 */
public final class ToolWorkerVerticle extends VerticleBase {

    /** Shared-data counter of tool runs on this node (cluster-wide when clustered). */
    public static final String RUNS_COUNTER = "ds.tool.runs";
    /** How often a running call says it is alive; the agent gives a call up after a few missed beats. */
    public static final long HEARTBEAT_MS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ToolWorkerVerticle.class);

    private final ObjectStore store;
    private final Limits limits;
    private final String nodeName;
    private final int threads;
    private final ProductMetrics metrics;
    private final ToolRegistry registry = ToolRegistry.standard();
    private WorkerExecutor pool;

    /** @param threads how many tool calls run at once on this node */
    public ToolWorkerVerticle(ObjectStore store, Limits limits, String nodeName, int threads, ProductMetrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.limits = limits;
        this.nodeName = nodeName;
        this.threads = threads;
    }

    @Override
    public Future<?> start() {
        pool = vertx.createSharedWorkerExecutor("ds-tools", threads);
        return Future.all(registry.specs().stream()
                .map(spec -> vertx.eventBus().<JsonObject>consumer(Address.tool(spec.name()), m -> run(spec.name(), m)).completion())
                .toList());
    }

    @Override
    public Future<?> stop() {
        return pool.close();
    }

    private void run(String tool, Message<JsonObject> message) {
        JsonObject body = message.body();
        long started = System.nanoTime();
        long heartbeat = heartbeat(body);
        // composed from a completed future, so anything thrown on the way fails the call (and stops the beats)
        Future.succeededFuture()
                .compose(v -> store.localPath(Keys.parquet(TenantHeader.of(message), body.getString("file_id"))))
                // unordered: calls queue for the pool's threads, not behind one another on this verticle
                .compose(parquet -> pool.executeBlocking(() -> runBlocking(tool, body, parquet), false))
                .compose(result -> vertx.sharedData().getCounter(RUNS_COUNTER)
                        .compose(c -> c.incrementAndGet())
                        .map(n -> Json.toJson(result)
                                .put("node", nodeName)
                                .put("duration_ms", (System.nanoTime() - started) / 1_000_000)))
                .onComplete(done -> {
                    vertx.cancelTimer(heartbeat);
                    metrics.toolRun(tool, done.succeeded() ? "ok" : "failed", System.nanoTime() - started);
                })
                .onSuccess(message::reply)
                .onFailure(e -> {
                    BusError error = BusError.from(e);
                    if (error.status() >= 500) {
                        // the agent sees only the message; the stack trace stays here, with the ids to find it
                        FailureLog.error(LOG, "tool " + tool + " failed on this node: " + e, e, RequestIdHeader.of(message),
                                body.getString("job_id"), message.headers().get(TenantHeader.NAME));
                    }
                    error.failReply(message);
                });
    }

    /** Beats at once (the call has a live node) and then every HEARTBEAT_MS; -1 when the caller wants none. */
    private long heartbeat(JsonObject body) {
        String address = body.getString("heartbeat");
        if (address == null) {
            return -1;
        }
        JsonObject beat = new JsonObject().put("index", body.getInteger("index")).put("attempt", body.getInteger("attempt"))
                .put("node", nodeName);
        vertx.eventBus().send(address, beat);
        return vertx.setPeriodic(HEARTBEAT_MS, t -> vertx.eventBus().send(address, beat));
    }

    private ToolResult runBlocking(String tool, JsonObject body, Path parquet) {
        JsonObject ds = body.getJsonObject("dataset");
        Dataset dataset = new Dataset(ds.getString("table"), parquet, Json.columns(ds.getJsonArray("columns")), ds.getLong("rows", 0L));
        JsonObject input = body.getJsonObject("input");
        Table table = input == null ? null : Json.fromJson(input, Table.class);
        ObjectNode args = Json.tree(body.getJsonObject("args", new JsonObject()));
        try {
            return registry.run(tool, new ToolContext(dataset, limits, table, body.getString("input_sql")), args);
        } catch (ToolException e) {
            throw new BusError(422, e.code(), e.getMessage(), e.hint());
        }
    }
}
