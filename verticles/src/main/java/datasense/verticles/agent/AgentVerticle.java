package datasense.verticles.agent;

import datasense.NodeConfig;
import datasense.agent.AnalysisGraph;
import datasense.agent.AnalysisState;
import datasense.graph.GraphOptions;
import datasense.graph.GraphRun;
import datasense.tools.SchemaInfo;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis jobs: for each question it reads the file's manifest, runs the analysis graph (plan, act,
 * reflect, answer) with ports over the event bus, checkpoints the graph state to the object store after every
 * step, writes the answer's results.json, fills the cache and answers. Job status lives in the shared map
 * {@code ds.jobs} while running and in the object store once finished.
 */
public final class AgentVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);
    private static final String JOBS_MAP = "ds.jobs";
    private static final long JOB_TTL_MS = 3_600_000;

    private final NodeConfig config;
    private final ObjectStore store;

    public AgentVerticle(NodeConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(
                bus.<JsonObject>consumer(Address.AGENT_RUN, this::run).completion(),
                bus.<JsonObject>consumer(Address.JOBS_GET, this::job).completion());
    }

    private Future<AsyncMap<String, JsonObject>> jobs() {
        return vertx.sharedData().getAsyncMap(JOBS_MAP);
    }

    private void run(Message<JsonObject> message) {
        JsonObject request = message.body();
        String jobId = request.getString("job_id");
        boolean async = request.getBoolean("async", false);
        JsonObject running = new JsonObject().put("job_id", jobId).put("status", "running")
                .put("file_id", request.getString("file_id")).put("question", request.getString("question"));
        AtomicBoolean acknowledged = new AtomicBoolean();
        Future<JsonObject> outcome = manifest(request)
                .compose(manifest -> {
                    // From here on the job belongs to the file's owner (see IngestVerticle's file lookup).
                    request.put("tenant", manifest.getString("tenant"));
                    return jobs().compose(map -> map.put(jobId, running.copy().put("tenant", manifest.getString("tenant")), JOB_TTL_MS))
                            .compose(v -> {
                                if (async) {
                                    acknowledged.set(true);
                                    message.reply(running);
                                }
                                publish(jobId, new JsonObject().put("event", "started"));
                                return execute(request, manifest);
                            });
                });
        outcome.compose(body -> finish(request.getString("tenant"), jobId, running.copy().put("status", "done")
                        .put("result", body).put("trace", body.getValue("trace"))).map(body))
                .recover(e -> {
                    BusError error = BusError.from(e);
                    LOG.warn("job {} failed: {}", jobId, error.getMessage());
                    publish(jobId, new JsonObject().put("event", "failed").put("error", error.body()));
                    return finish(request.getString("tenant"), jobId, running.copy().put("status", "failed").put("error", error.body()))
                            .transform(ignored -> Future.failedFuture(error));
                })
                .onSuccess(body -> {
                    publish(jobId, new JsonObject().put("event", "done"));
                    if (!async) {
                        message.reply(body);
                    }
                })
                .onFailure(e -> {
                    // An async job that was acknowledged reports its failure through GET /jobs/{id} instead.
                    if (!acknowledged.get()) {
                        BusError.fail(message, e);
                    }
                });
    }

    /** An /ask naming an unknown file is the client's mistake (400), as the DataSense AI API documents. */
    private Future<JsonObject> manifest(JsonObject request) {
        String fileId = request.getString("file_id");
        return vertx.eventBus().<JsonObject>request(Address.FILES_GET, new JsonObject()
                        .put("tenant", request.getString("tenant"))
                        .put("file_id", fileId)
                        .put("any_tenant", !request.getBoolean("tenant_explicit", true)), BusTimeouts.STORE)
                .map(Message::body)
                .recover(e -> {
                    BusError error = BusError.from(e);
                    return Future.failedFuture(error.status() == 404
                            ? BusError.badRequest("unknown_file_id", "no file '" + fileId + "' is registered for this user",
                                    "upload it first (POST /files or POST /upload), or list files with GET /files")
                            : error);
                });
    }

    private Future<JsonObject> execute(JsonObject request, JsonObject manifest) {
        String jobId = request.getString("job_id");
        String tenant = request.getString("tenant");
        String fileId = request.getString("file_id");
        String question = request.getString("question");
        String answerPrefix = Keys.answerPrefix(tenant, fileId, Keys.hash(request.getString("cache_key")));
        JobPorts ports = new JobPorts(vertx.eventBus(), context, jobId, manifest, answerPrefix);
        SchemaInfo schema = Json.fromJson(manifest.getJsonObject("schema"), SchemaInfo.class);
        AnalysisState initial = AnalysisState.start(jobId, tenant, question, schema, List.of());
        var graph = AnalysisGraph.build(ports, GraphOptions.<AnalysisState>defaults()
                .withMaxSteps(AnalysisGraph.DEFAULT_MAX_STEPS)
                .withCheckpointer(new StoreCheckpointer(vertx, store, tenant)));
        return Future.fromCompletionStage(graph.invoke(jobId, initial), context)
                .compose(run -> {
                    AnalysisState state = AnalysisGraph.settle(run);
                    if (run.outcome() == GraphRun.Outcome.FAILED && (state == null || state.plan() == null)) {
                        return Future.failedFuture(new BusError(500, "job_failed", "the analysis failed at " + run.lastNode()
                                + ": " + (run.error() == null ? "unknown error" : run.error().getMessage()), "see the node's log"));
                    }
                    JsonObject body = AnswerBody.of(request, state, run.records(), ports.toolRuns(), config.nodeName());
                    String resultsKey = answerPrefix + "results.json";
                    body.put("results_key", resultsKey);
                    return vertx.eventBus().request(Address.WRITER_PUT, new JsonObject().put("key", resultsKey)
                                    .put("content_type", "application/json")
                                    .put("data", java.util.Base64.getEncoder().encodeToString(body.toBuffer().getBytes())), BusTimeouts.STORE)
                            .compose(v -> cache(request, state, body))
                            .map(body);
                });
    }

    /** Only complete answers are cached: a partial one may come from a passing failure. */
    private Future<Void> cache(JsonObject request, AnalysisState state, JsonObject body) {
        if (state.endReason() != null && !"not_understood".equals(state.endReason())) {
            return Future.succeededFuture();
        }
        JsonObject hit = body.copy().put("cached", true);
        return vertx.eventBus().request(Address.CACHE_PUT,
                        new JsonObject().put("key", request.getString("cache_key")).put("value", hit.encode()), BusTimeouts.SHORT)
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture()); // a missing cache costs speed, not the answer
    }

    private Future<Void> finish(String tenant, String jobId, JsonObject job) {
        return jobs().compose(map -> map.put(jobId, job.copy().put("tenant", tenant), JOB_TTL_MS))
                .compose(v -> store.put(Keys.job(tenant, jobId), job.toBuffer()));
    }

    private void job(Message<JsonObject> message) {
        String tenant = message.body().getString("tenant");
        boolean anyTenant = !message.body().getBoolean("tenant_explicit", true);
        String jobId = message.body().getString("job_id");
        if (!Keys.safeId(jobId)) {
            BusError.notFound("job", String.valueOf(jobId), null).failReply(message);
            return;
        }
        jobs().compose(map -> map.get(jobId))
                .compose(job -> job != null && (anyTenant || tenant.equals(job.getString("tenant")))
                        ? Future.succeededFuture(job.copy())
                        : store.get(Keys.job(tenant, jobId)).map(Buffer::toJsonObject))
                .map(job -> {
                    job.remove("tenant");
                    return job;
                })
                .onSuccess(message::reply)
                .onFailure(e -> BusError.fail(message, e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("job", jobId, "job ids come from POST /ask") : e));
    }

    private void publish(String jobId, JsonObject event) {
        vertx.eventBus().publish(Address.jobEvents(jobId), event.put("job_id", jobId));
    }
}
