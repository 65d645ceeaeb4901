package datasense.verticles.agent;

import datasense.NodeConfig;
import datasense.agent.AnalysisGraph;
import datasense.agent.AnalysisState;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.Turn;
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
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    /** How many earlier turns of a conversation the planners see. */
    private static final int HISTORY_TURNS = 10;

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
                    return history(request).compose(history -> jobs()
                            .compose(map -> map.put(jobId, running.copy().put("tenant", manifest.getString("tenant")), JOB_TTL_MS))
                            .compose(v -> {
                                if (async) {
                                    acknowledged.set(true);
                                    message.reply(running.copy().put("conversation_id", request.getString("conversation_id")));
                                }
                                publish(jobId, new JsonObject().put("event", "started"));
                                return execute(request, manifest, history);
                            }));
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

    /**
     * The conversation so far, as the planners read it. A new conversation gets an id here; one that belongs
     * to another file is refused, since its plans name that file's columns.
     */
    private Future<List<Turn>> history(JsonObject request) {
        String conversationId = request.getString("conversation_id");
        if (conversationId == null) {
            if (request.getBoolean("new_conversation", true)) {
                request.put("conversation_id", "c_" + UUID.randomUUID().toString().replace("-", ""));
            }
            return Future.succeededFuture(List.of());
        }
        return vertx.eventBus().<JsonObject>request(Address.HISTORY_CONVERSATION, new JsonObject()
                        .put("tenant", request.getString("tenant")).put("conversation_id", conversationId), BusTimeouts.STORE)
                .map(Message::body)
                .compose(conversation -> {
                    if (!request.getString("file_id").equals(conversation.getString("file_id"))) {
                        return Future.failedFuture(BusError.badRequest("conversation_file_mismatch", "conversation '"
                                        + conversationId + "' is about file '" + conversation.getString("file_id") + "'",
                                "ask about " + conversation.getString("file_id") + " in it, or omit conversation_id to start a new conversation"));
                    }
                    JsonArray turns = conversation.getJsonArray("turns", new JsonArray());
                    List<Turn> history = new ArrayList<>();
                    for (int i = Math.max(0, turns.size() - HISTORY_TURNS); i < turns.size(); i++) {
                        JsonObject t = turns.getJsonObject(i);
                        history.add(new Turn(t.getString("question"), Json.fromJson(t.getJsonObject("plan"), Plan.class)));
                    }
                    return Future.succeededFuture(history);
                }, e -> BusError.from(e).status() == 404
                        ? Future.succeededFuture(List.of()) // a client-chosen id starts a new conversation
                        : Future.failedFuture(e));
    }

    /**
     * Plans (or takes the plan of a re-run), looks the canonical plan up in the cache, runs the graph (serving
     * cached step outputs, so a rephrased question runs no tool), then stores, caches and records the answer.
     */
    private Future<JsonObject> execute(JsonObject request, JsonObject manifest, List<Turn> history) {
        String jobId = request.getString("job_id");
        String tenant = request.getString("tenant");
        String fileId = request.getString("file_id");
        String question = request.getString("question");
        SchemaInfo schema = Json.fromJson(manifest.getJsonObject("schema"), SchemaInfo.class);
        long planStart = System.nanoTime();
        Future<Plan> planned = request.getJsonObject("plan") != null
                ? Future.succeededFuture(Json.fromJson(request.getJsonObject("plan"), Plan.class))
                : vertx.eventBus().<JsonObject>request(Address.PLANNER_PLAN,
                                Json.toJson(new PlanRequest(question, schema, history, null)), BusTimeouts.PLAN)
                        .map(reply -> Json.fromJson(reply.body(), Plan.class));
        return planned.compose(plan -> {
            double planMs = (System.nanoTime() - planStart) / 1e6;
            String planKey = AgentCache.planKey(tenant, fileId, plan);
            boolean rerun = request.getString("rerun_of") != null;
            Future<String> cached = rerun || plan.steps().isEmpty() ? Future.succeededFuture(null)
                    : vertx.eventBus().<String>request(Address.CACHE_GET, planKey, BusTimeouts.SHORT)
                            .map(Message::body)
                            .recover(e -> Future.succeededFuture(null)); // no cache costs speed, not the answer
            return cached.compose(entry -> run(request, manifest, schema, history, plan, planMs, planKey, entry));
        });
    }

    private Future<JsonObject> run(JsonObject request, JsonObject manifest, SchemaInfo schema, List<Turn> history,
                                   Plan plan, double planMs, String planKey, String cachedEntry) {
        String jobId = request.getString("job_id");
        String tenant = request.getString("tenant");
        String fileId = request.getString("file_id");
        String answerPrefix = Keys.answerPrefix(tenant, fileId, Keys.hash(planKey));
        JobPorts ports = new JobPorts(vertx.eventBus(), context, jobId, manifest, answerPrefix, plan,
                AgentCache.replay(cachedEntry));
        AnalysisState initial = AnalysisState.start(jobId, tenant, request.getString("question"), schema, history);
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
                    boolean fromCache = cachedEntry != null && ports.toolRuns().stream().allMatch(t -> "cached".equals(t.status()));
                    JsonObject body = AnswerBody.of(request, state, run.records(), ports.toolRuns(), config.nodeName(), planMs);
                    String resultsKey = answerPrefix + "results.json";
                    body.put("results_key", resultsKey).put("cached", fromCache);
                    if (fromCache) {
                        body.put("cache", "plan");
                    }
                    return vertx.eventBus().request(Address.WRITER_PUT, new JsonObject().put("key", resultsKey)
                                    .put("content_type", "application/json")
                                    .put("data", java.util.Base64.getEncoder().encodeToString(body.toBuffer().getBytes())), BusTimeouts.STORE)
                            .compose(v -> record(request, state, body))
                            .compose(v -> cache(request, state, body, fromCache ? null : planKey))
                            .map(body);
                });
    }

    /** Records the question (and its conversation turn); the reply then names both. */
    private Future<Void> record(JsonObject request, AnalysisState state, JsonObject body) {
        String questionId = "q_" + Long.toHexString(System.currentTimeMillis()) + UUID.randomUUID().toString().substring(0, 8);
        String conversationId = request.getString("conversation_id");
        body.put("question_id", questionId).put("conversation_id", conversationId);
        if (request.getString("rerun_of") != null) {
            body.put("rerun_of", request.getString("rerun_of"));
        }
        JsonObject record = new JsonObject()
                .put("question_id", questionId)
                .put("conversation_id", conversationId)
                .put("file_id", request.getString("file_id"))
                .put("question", request.getString("question"))
                .put("job_id", request.getString("job_id"))
                .put("interpretation", body.getString("interpretation"))
                .put("confidence", body.getValue("confidence"))
                .put("answer", body.getString("answer"))
                .put("cached", body.getBoolean("cached"))
                .put("rerun_of", request.getString("rerun_of"))
                .put("plan", state.plan() == null ? null : Json.toJson(state.plan()))
                .put("reply", body);
        return vertx.eventBus().request(Address.HISTORY_RECORD,
                        new JsonObject().put("tenant", request.getString("tenant")).put("record", record), BusTimeouts.STORE)
                .mapEmpty();
    }

    /**
     * Only complete answers are cached: a partial one may come from a passing failure. The reply goes under
     * the question's own key (a question asked outside a conversation means the same thing every time), the
     * step outputs under the canonical plan's key (when they were computed, not replayed).
     */
    private Future<Void> cache(JsonObject request, AnalysisState state, JsonObject body, String planKey) {
        if (state.endReason() != null && !"not_understood".equals(state.endReason())) {
            return Future.succeededFuture();
        }
        List<Future<?>> puts = new ArrayList<>();
        String questionKey = request.getString("cache_key");
        if (questionKey != null) {
            JsonObject hit = body.copy().put("cached", true).put("cache", "question");
            hit.remove("conversation_id");
            hit.remove("question_id");
            puts.add(cachePut(questionKey, hit.encode()));
        }
        String entry = planKey == null ? null : AgentCache.entry(state);
        if (entry != null) {
            puts.add(cachePut(planKey, entry));
        }
        return Future.join(puts).<Void>mapEmpty().recover(e -> Future.succeededFuture()); // a missing cache costs speed, not the answer
    }

    private Future<Object> cachePut(String key, String value) {
        return vertx.eventBus().request(Address.CACHE_PUT, new JsonObject().put("key", key).put("value", value), BusTimeouts.SHORT)
                .map(Message::body);
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
