package datasense.verticles.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Artifact;
import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.Table;
import datasense.tools.ToolContext;
import datasense.tools.ToolException;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolResult;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.ClusterCounters;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.bus.WriterPut;
import datasense.verticles.logs.IdLog;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Counter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tools for any node's agents. It listens on every tool's address ({@code ds.tool.<name>}) on an event
 * loop and runs each call on the node's tool pool ({@code DATASENSE_TOOL_INSTANCES} worker threads), so DuckDB
 * and JFreeChart never touch an event loop and the bus spreads calls over nodes when clustered. From the
 * moment a call arrives until its reply, it sends a heartbeat every {@link #HEARTBEAT_MS} ms to the call's
 * {@code heartbeat} address: the agent takes silence as a lost node and runs the step elsewhere. A node that was
 * itself silent that long (frozen, stopped, paused) knows the agent has given the call up: it drops the call's
 * result and answers 503 instead, so a step the agent ran again elsewhere is not run twice. Counts its runs in the
 * shared counter {@link ClusterCounters#TOOL_RUNS}, which /health reports.
 */
public final class ToolWorkerVerticle extends VerticleBase {

    /** How often a running call says it is alive; the agent gives a call up after a few missed beats. */
    public static final long HEARTBEAT_MS = 500;
    /**
     * A gap between this node's own beats after which the agent may have given the call up: one beat short of
     * the agent's {@link BusTimeouts#WORKER_LOST_MS}, so the two never both keep a call.
     */
    static final long GIVEN_UP_MS = BusTimeouts.WORKER_LOST_MS - HEARTBEAT_MS;

    private static final Logger LOG = LoggerFactory.getLogger(ToolWorkerVerticle.class);

    private final ObjectStore store;
    private final Limits limits;
    private final String nodeName;
    private final int threads;
    private final ProductMetrics metrics;
    private final ToolRegistry registry = ToolRegistry.standard();
    private WorkerExecutor pool;
    private Counter runs;
    /** When this verticle's pulse last ticked, and when it last found it had been paused past GIVEN_UP_MS. */
    private long lastPulse = System.nanoTime();
    private long pauseEndedAt = Long.MIN_VALUE / 2;

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
        vertx.setPeriodic(HEARTBEAT_MS, t -> pulse());
        return ClusterCounters.of(vertx, ClusterCounters.TOOL_RUNS)
                .compose(counter -> {
                    runs = counter;
                    return Future.all(registry.specs().stream()
                            .map(spec -> vertx.eventBus().<JsonObject>consumer(Address.tool(spec.name()), m -> run(spec.name(), m)).completion())
                            .toList());
                });
    }

    @Override
    public Future<?> stop() {
        return pool.close();
    }

    /**
     * Counts a finished run, unless the pause came while it ran (then the agent has sent the call again) or its
     * agent refuses the claim ({@link Beats#claimed}). Once claimed the call is answered whatever follows: its agent
     * waits for it and sends it nowhere else.
     */
    private <T> Future<T> counted(Beats beats, T result) {
        beats.checkNotGivenUp();
        // the count is the operators' figure, not the answer's: a counter lost with a member (Hazelcast can fail
        // the increment while the cluster heals) is logged, and the call is answered all the same
        return beats.claimed().compose(v -> runs.incrementAndGet().transform(n -> {
            if (n.failed()) {
                LOG.warn("the cluster-wide tool-run count was not taken: {}", n.cause().toString());
            }
            return Future.succeededFuture(result);
        }));
    }

    private void pulse() {
        long now = System.nanoTime();
        if (now - lastPulse > GIVEN_UP_MS * 1_000_000) {
            pauseEndedAt = now;
        }
        lastPulse = now;
    }

    /**
     * True for a call that may have waited out a pause of this node in its socket: sent before or during the
     * pause, its agent has given it up by now. Refused (the agent, if still waiting, sends it again) while the
     * pause is under way or within a second of its end, when the calls queued during it are delivered.
     */
    private boolean arrivedAfterAPause() {
        long now = System.nanoTime();
        if (now - lastPulse > GIVEN_UP_MS * 1_000_000) {
            pulse(); // the pulse itself has not run since: this call is among the first after the pause
        }
        return now - pauseEndedAt < 1_000_000_000L;
    }

    private void run(String tool, Message<JsonObject> message) {
        JsonObject body = message.body();
        long started = System.nanoTime();
        if (body.getString("heartbeat") != null && arrivedAfterAPause()) {
            LOG.warn("job {}: {} step {} refused: it arrived just after this node was paused", body.getString("job_id"), tool, body.getInteger("index"));
            metrics.toolRun(tool, "given_up", 0);
            givenUp("it arrived just after this node was paused").failReply(message);
            return;
        }
        Beats beats = new Beats(body.getString("heartbeat"),
                new JsonObject().put("index", body.getInteger("index")).put("attempt", body.getInteger("attempt")).put("node", nodeName));
        // composed from a completed future, so anything thrown on the way fails the call (and stops the beats)
        Future.succeededFuture()
                .compose(v -> store.localPath(Keys.parquet(TenantHeader.of(message), body.getString("file_id"))))
                .compose(parquet -> joined(TenantHeader.of(message), body).map(joined -> Map.entry(parquet, joined)))
                // unordered: calls queue for the pool's threads, not behind one another on this verticle
                .compose(files -> pool.executeBlocking(() -> {
                    beats.checkNotGivenUp(); // a call that waited out a pause in the queue is not started
                    return runBlocking(tool, body, files.getKey(), files.getValue());
                }, false))
                // the files first, then the count and its checks: a pause while they are written (a frozen node) is
                // seen before the reply, so a given-up call is never answered; the retry overwrites the same keys
                .compose(result -> written(message, body.getString("artifact_prefix"), result))
                .compose(reply -> counted(beats, reply))
                .map(reply -> reply
                        .put("node", nodeName)
                        .put("duration_ms", (System.nanoTime() - started) / 1_000_000))
                .onComplete(done -> {
                    beats.stop();
                    String outcome = done.succeeded() ? "ok"
                            : BusError.TOOL_CALL_GIVEN_UP.equals(BusError.from(done.cause()).code()) ? "given_up" : "failed";
                    metrics.toolRun(tool, outcome, System.nanoTime() - started);
                })
                .onSuccess(message::reply)
                .onFailure(e -> {
                    BusError error = BusError.from(e);
                    if (BusError.TOOL_CALL_GIVEN_UP.equals(error.code())) {
                        LOG.warn("job {}: {} step {} dropped: {}", body.getString("job_id"), tool, body.getInteger("index"), e.getMessage());
                    } else if (error.status() >= 500) {
                        // the agent sees only the message; the stack trace stays here, with the ids to find it
                        IdLog.error(LOG, "tool " + tool + " failed on this node: " + e, e, RequestIdHeader.of(message),
                                body.getString("job_id"), message.headers().get(TenantHeader.NAME));
                    }
                    error.failReply(message);
                });
    }


    /**
     * The call's reply once its artifacts are stored: each goes straight from here to the writer as raw bytes
     * ({@link WriterPut}) under {@code prefix} (the answer's folder, which the agent names), and the reply names
     * each by its key instead of carrying its bytes.
     */
    private Future<JsonObject> written(Message<JsonObject> call, String prefix, ToolResult result) {
        // the reply is made without the bytes, so they are never encoded as text
        List<Artifact> unfilled = result.artifacts().stream()
                .map(a -> new Artifact(a.path(), a.label(), a.contentType(), a.chart(), a.series(), a.stacked(), null)).toList();
        JsonObject reply = Json.toJson(new ToolResult(result.summary(), result.tables(), unfilled, result.sql()));
        JsonArray artifacts = reply.getJsonArray("artifacts", new JsonArray());
        if (artifacts.isEmpty()) {
            return Future.succeededFuture(reply);
        }
        if (prefix == null) {
            return Future.failedFuture(BusError.badRequest("bad_message", "a call whose tool makes files needs artifact_prefix",
                    "send the answer's folder under the tenant as artifact_prefix"));
        }
        String tenant = TenantHeader.of(call);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Artifact made = result.artifacts().get(i);
            JsonObject a = artifacts.getJsonObject(i);
            String key = prefix + made.path();
            a.remove("bytes");
            a.put("key", key).put("size", made.bytes().length);
            writes.add(WriterPut.send(vertx, tenant, key, made.contentType(), Buffer.buffer(made.bytes())));
        }
        return Future.all(writes).map(reply);
    }

    private static BusError givenUp(String why) {
        return new BusError(503, BusError.TOOL_CALL_GIVEN_UP, why + ", so its agent has sent the call again",
                "nothing to do: the call's other try answers");
    }

    /**
     * A call's heartbeat: once at once (the call has a live node), then every HEARTBEAT_MS; and this node's own
     * view of its silences, since a frozen process cannot tell it was frozen except by a gap between its beats.
     */
    private final class Beats {
        /** A beat every 500 ms is no part of a trace: it would bury the call's spans. */
        private static final DeliveryOptions UNTRACED = new DeliveryOptions().setTracingPolicy(TracingPolicy.IGNORE);
        /** The claim before the answer: a beat that waits for its reply, as long as the agent's own patience. */
        private static final DeliveryOptions CLAIM = new DeliveryOptions(UNTRACED).setSendTimeout(BusTimeouts.WORKER_LOST_MS);
        private final String address;
        private final JsonObject beat;
        private final long timer;
        private volatile long last = System.nanoTime();
        private volatile long longestGapMs;

        Beats(String address, JsonObject beat) {
            this.address = address;
            this.beat = beat;
            if (address == null) { // the caller wants no beats (and watches none)
                timer = -1;
                return;
            }
            vertx.eventBus().send(address, beat, UNTRACED);
            timer = vertx.setPeriodic(HEARTBEAT_MS, t -> beat());
        }

        private void beat() {
            long now = System.nanoTime();
            longestGapMs = Math.max(longestGapMs, (now - last) / 1_000_000);
            last = now;
            vertx.eventBus().send(address, beat, UNTRACED);
        }

        /**
         * Asks the call's agent whether it still awaits this try (the last word on a given-up call: this node's own
         * view of its silences misses a pause that falls after its last look); once it says yes, it waits for the
         * answer however long it takes. Fails with {@link BusError#TOOL_CALL_GIVEN_UP} when it says no, and when it
         * does not answer in time (it is gone, or this node is cut off from it).
         */
        Future<Void> claimed() {
            if (timer < 0) {
                return Future.succeededFuture();
            }
            return vertx.eventBus().<Boolean>request(address, beat.copy().put("claim", true), CLAIM)
                    .transform(claim -> claim.succeeded() && Boolean.TRUE.equals(claim.result().body())
                            ? Future.<Void>succeededFuture()
                            : Future.failedFuture(givenUp("its agent no longer awaits this try")));
        }

        /** Fails with {@link BusError#TOOL_CALL_GIVEN_UP} when this node has been silent past {@link #GIVEN_UP_MS} while holding the call. */
        void checkNotGivenUp() {
            if (timer < 0) {
                return;
            }
            long silentMs = Math.max(longestGapMs, (System.nanoTime() - last) / 1_000_000);
            if (silentMs > GIVEN_UP_MS) {
                throw givenUp("this tools node was silent for " + silentMs + " ms (paused or frozen)");
            }
        }

        void stop() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }

    /**
     * The files the call's plan joins ({@code joins: [{file_id, table}]}), each at hand locally: only the tenant's own
     * (their keys are under the tenant's prefix, so another tenant's file id is simply not found).
     */
    private Future<List<Dataset.Joined>> joined(String tenant, JsonObject body) {
        JsonArray joins = body.getJsonArray("joins", new JsonArray());
        List<Future<Dataset.Joined>> files = new ArrayList<>();
        for (int i = 0; i < joins.size(); i++) {
            JsonObject j = joins.getJsonObject(i);
            String fileId = j.getString("file_id");
            if (!Keys.safeId(fileId) || j.getString("table") == null) {
                return Future.failedFuture(BusError.badRequest("bad_message", "a join names no file or table: " + j.encode(), null));
            }
            files.add(store.localPath(Keys.parquet(tenant, fileId))
                    .map(path -> new Dataset.Joined(j.getString("table"), path))
                    .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                            ? new BusError(422, "dataset_unavailable", "the file " + fileId + " joined to this question is gone",
                            "upload it again, or ask again once the join hints are measured") : e)));
        }
        return Future.all(files).map(all -> all.<Dataset.Joined>list());
    }

    private ToolResult runBlocking(String tool, JsonObject body, Path parquet, List<Dataset.Joined> joined) {
        JsonObject ds = body.getJsonObject("dataset");
        Dataset dataset = new Dataset(ds.getString("table"), parquet, Json.columns(ds.getJsonArray("columns")), ds.getLong("rows", 0L),
                joined);
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
