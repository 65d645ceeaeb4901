package datasense.verticles.agent;

import datasense.NodeConfig;
import datasense.agent.AnalysisGraph;
import datasense.agent.AnalysisState;
import datasense.agent.JoinableTable;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.StepState;
import datasense.agent.Turn;
import datasense.graph.Checkpointer;
import datasense.graph.CompiledGraph;
import datasense.graph.GraphOptions;
import datasense.graph.GraphRun;
import datasense.tools.SchemaInfo;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.Retry;
import datasense.verticles.bus.RunJob;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.bus.WriterPut;
import datasense.verticles.redis.RedisIndex;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job from its plan to its recorded answer: plans (or takes a re-run's plan), waits its turn when an
 * identical plan is already running ({@link SingleFlight}), serves cached step outputs of the same canonical
 * plan, runs the analysis graph with checkpoints, then writes results.json, records the question, fills the
 * caches and returns the /ask body. {@link #resume} continues a job another agent started, from its last
 * checkpoint.
 */
final class JobExecution {

    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final Vertx vertx;
    private final Context context;
    private final NodeConfig config;
    private final ObjectStore store;
    private final SingleFlight singleFlight;
    private final RedisIndex redis;
    private final RunJob job;
    private final JsonObject manifest;
    private final String jobId;
    private final String tenant;
    private final String fileId;
    private final String requestId;
    private final JobTrace trace;

    /**
     * @param redis the Redis index that keeps checkpoints, or null to keep them in the object store
     * @param requestId the HTTP request the job answers (logged with its failures), or null
     * @param trace the job's spans ({@link JobTrace#OFF} when tracing is off)
     */
    JobExecution(Context context, NodeConfig config, ObjectStore store, SingleFlight singleFlight, RedisIndex redis,
                 String tenant, RunJob job, JsonObject manifest, String requestId, JobTrace trace) {
        this.requestId = requestId;
        this.trace = trace;
        this.vertx = context.owner();
        this.context = context;
        this.config = config;
        this.store = store;
        this.singleFlight = singleFlight;
        this.redis = redis;
        this.job = job;
        this.manifest = manifest;
        this.jobId = job.jobId();
        this.tenant = tenant;
        this.fileId = job.fileId();
    }

    private SchemaInfo schema() {
        return Json.fromJson(manifest.getJsonObject("schema"), SchemaInfo.class);
    }

    /** The LLM calls a plan cost, in the tenant's audit log: how many and their tokens (never the prompt). */
    private void audit(Plan plan) {
        if (plan.usage() != null && plan.usage().calls() > 0) {
            Audit.record(vertx.eventBus(), tenant, "llm.call", null, new JsonObject().put("job_id", jobId)
                    .put("planner", plan.planner()).put("calls", plan.usage().calls())
                    .put("prompt_tokens", plan.usage().promptTokens()).put("completion_tokens", plan.usage().completionTokens()));
        }
    }

    /** A new job: plan, then run (or replay) the plan. */
    Future<JsonObject> run(List<Turn> history) {
        long planStart = System.nanoTime();
        Future<Plan> planned = job.plan() != null
                ? Future.succeededFuture(job.plan())
                : joinable().compose(joinable -> vertx.eventBus().<JsonObject>request(Address.PLANNER_PLAN,
                                Json.toJson(new PlanRequest(job.question(), schema(), history, null, joinable)),
                                TenantHeader.on(BusTimeouts.PLAN, tenant))) // the LLM token budget is the tenant's
                        .map(reply -> Json.fromJson(reply.body(), Plan.class));
        return planned.compose(plan -> {
            audit(plan);
            double planMs = (System.nanoTime() - planStart) / 1e6;
            String planKey = AgentCache.planKey(tenant, fileId, plan);
            if (job.rerunOf() != null || plan.steps().isEmpty()) {
                return runGraph(history, plan, planMs, planKey, null); // a re-run computes afresh
            }
            return cachedSteps(planKey).compose(entry -> entry != null
                    ? runGraph(history, plan, planMs, planKey, entry)
                    : inTurn(history, plan, planMs, planKey));
        });
    }

    /**
     * The files the asked one may join along its join hints, each with its schema ({@code ds.files.joinable}). None
     * when they cannot be had: the question is then planned over the asked file alone, as before hints existed.
     */
    private Future<List<JoinableTable>> joinable() {
        return vertx.eventBus().<JsonObject>request(Address.FILES_JOINABLE, new JsonObject().put("file_id", fileId),
                        TenantHeader.on(BusTimeouts.STORE, tenant))
                .map(reply -> reply.body().getJsonArray("joinable", new JsonArray()).stream()
                        .map(j -> Json.fromJson((JsonObject) j, JoinableTable.class)).toList())
                .otherwise(e -> {
                    LOG.warn("job {}: the files it may join are unknown ({}); planning over file {} alone", jobId,
                            e.getMessage(), fileId);
                    return List.of();
                });
    }

    /** Runs the plan once this job leads it; a job that waited finds the leader's steps cached (or leads next). */
    private Future<JsonObject> inTurn(List<Turn> history, Plan plan, double planMs, String planKey) {
        return singleFlight.turn(planKey, jobId).compose(leads -> {
            if (!leads) {
                return cachedSteps(planKey).compose(entry -> entry != null
                        ? runGraph(history, plan, planMs, planKey, entry)
                        : inTurn(history, plan, planMs, planKey));
            }
            // the leader before may have cached the steps between our lookup and our claim
            return cachedSteps(planKey)
                    .compose(entry -> runGraph(history, plan, planMs, planKey, entry))
                    .onComplete(done -> singleFlight.release(planKey, jobId));
        });
    }

    /** A job another agent started: from its last checkpoint, or from the start when it has none. */
    Future<JsonObject> resume(List<Turn> history) {
        return Future.fromCompletionStage(checkpointer().latest(jobId), context).compose(latest -> {
            if (latest.isEmpty() || latest.get().state().plan() == null) {
                return run(history);
            }
            Plan plan = latest.get().state().plan();
            String planKey = AgentCache.planKey(tenant, fileId, plan);
            JobPorts ports = ports(null, Map.of(), planKey);
            return ports.open()
                    .compose(v -> Future.fromCompletionStage(graph(ports).resume(jobId), context))
                    .compose(run -> complete(run, ports, 0, planKey, false, true))
                    .onComplete(done -> ports.close());
        });
    }

    private Future<String> cachedSteps(String planKey) {
        return vertx.eventBus().<String>request(Address.CACHE_GET, planKey, BusTimeouts.SHORT)
                .map(Message::body)
                .recover(e -> Future.succeededFuture(null)); // no cache costs speed, not the answer
    }

    private JobPorts ports(Plan preset, Map<Integer, JsonObject> replay, String planKey) {
        return new JobPorts(vertx.eventBus(), context, tenant, jobId, manifest, answerPrefix(planKey), preset, replay, requestId, trace);
    }

    private String answerPrefix(String planKey) {
        return Keys.answerPrefix(tenant, fileId, Keys.hash(planKey));
    }

    private CompiledGraph<AnalysisState> graph(JobPorts ports) {
        // checkpoints are written behind the run: a step repeated on resume is harmless (tools only read, and
        // their artifacts go to keys named by the plan), and six saves no longer sit on every answer's path
        return AnalysisGraph.build(ports, GraphOptions.<AnalysisState>defaults()
                .withMaxSteps(AnalysisGraph.DEFAULT_MAX_STEPS)
                .withCheckpointer(checkpointer())
                .withDurability(GraphOptions.Durability.ASYNC)
                .withNodeHook(trace.steps()));
    }

    /** Checkpoints go to Redis when it is configured (falling back to the store), else to the object store. */
    private Checkpointer<AnalysisState> checkpointer() {
        StoreCheckpointer inStore = new StoreCheckpointer(vertx, store, tenant);
        return redis == null ? inStore : new RedisCheckpointer(vertx, redis, inStore);
    }

    private Future<JsonObject> runGraph(List<Turn> history, Plan plan, double planMs, String planKey, String cachedEntry) {
        JobPorts ports = ports(plan, AgentCache.replay(cachedEntry), planKey);
        AnalysisState initial = AnalysisState.start(jobId, tenant, job.question(), schema(), history);
        return ports.open()
                .compose(v -> Future.fromCompletionStage(graph(ports).invoke(jobId, initial), context))
                .compose(run -> complete(run, ports, planMs, planKey, cachedEntry != null, false))
                .onComplete(done -> ports.close());
    }

    /** From a finished graph run to the recorded, cached /ask body. */
    private Future<JsonObject> complete(GraphRun<AnalysisState> run, JobPorts ports, double planMs, String planKey,
                                        boolean replayed, boolean resumed) {
        AnalysisState state = AnalysisGraph.settle(run);
        if (run.outcome() == GraphRun.Outcome.FAILED && (state == null || state.plan() == null)) {
            return Future.failedFuture(new BusError(500, "job_failed", "the analysis failed at " + run.lastNode()
                    + ": " + (run.error() == null ? "unknown error" : run.error().getMessage()), "see the node's log"));
        }
        BusError unserved = unserved(state);
        if (unserved != null) {
            return Future.failedFuture(unserved);
        }
        boolean fromCache = replayed && ports.toolRuns().stream().allMatch(t -> "cached".equals(t.status()));
        JsonObject body = AnswerBody.of(tenant, job, state, run.records(), ports.toolRuns(), config.nodeName(), planMs);
        String resultsKey = answerPrefix(planKey) + "results.json";
        body.put("results_key", resultsKey).put("cached", fromCache);
        if (fromCache) {
            body.put("cache", "plan");
        }
        if (resumed) {
            body.put("resumed_on", config.nodeName());
        }
        if (ports.workerLosses() > 0) {
            body.put("steps_retried", ports.workerLosses());
        }
        // the answer's manifest and its question record are independent writes: made side by side
        Future<Void> recorded = record(state, body);
        Future<Message<JsonObject>> written = WriterPut.send(vertx, tenant, resultsKey, "application/json", body.toBuffer());
        return Future.all(recorded, written)
                .compose(v -> cache(state, body, fromCache ? null : planKey))
                .map(body);
    }

    /**
     * A run none of whose steps reached a tool worker (none is deployed, or every one stopped answering) is no
     * answer to write up: the service is unavailable, and the client gets a 503 saying so, not a 200 that
     * answers nothing.
     */
    static BusError unserved(AnalysisState state) {
        List<StepState> steps = state.steps() == null ? List.of() : state.steps();
        // the other steps then failed for want of theirs (a chart of a table never made)
        StepState unserved = steps.stream().filter(s -> JobPorts.UNAVAILABLE.equals(s.errorCode()) || JobPorts.WORKER_LOST.equals(s.errorCode()))
                .findFirst().orElse(null);
        if (unserved == null || steps.stream().anyMatch(s -> s.status() == StepState.Status.OK)) {
            return null;
        }
        return new BusError(503, "no_tool_worker", "no tools node could run the plan: " + unserved.errorMessage(),
                "start a node with the tools role (DATASENSE_ROLES), or ask again once one has joined");
    }

    /**
     * Records the question (and its conversation turn); the reply then names both. The question id derives from
     * when it was asked and the job id, so a resumed job or a repeated record names the same question once.
     */
    private Future<Void> record(AnalysisState state, JsonObject body) {
        String questionId = "q_" + Long.toHexString(job.askedAt()) + Keys.hash(jobId).substring(0, 8);
        String conversationId = job.conversationId();
        body.put("question_id", questionId).put("conversation_id", conversationId);
        if (job.rerunOf() != null) {
            body.put("rerun_of", job.rerunOf());
        }
        QuestionRecord record = new QuestionRecord(questionId, conversationId, fileId, job.question(), jobId,
                Instant.ofEpochMilli(job.askedAt()).toString(), body.getString("interpretation"), body.getDouble("confidence"),
                body.getString("answer"), body.getBoolean("cached"), job.rerunOf(), state.plan(), body);
        return Retry.idempotent(vertx, Address.HISTORY_RECORD, record.toJson(), TenantHeader.on(BusTimeouts.STORE, tenant))
                .mapEmpty();
    }

    /**
     * Only complete answers are cached: a partial one may come from a passing failure. The reply goes under
     * the question's own key (a question asked outside a conversation means the same thing every time), the
     * step outputs under the canonical plan's key (when they were computed, not replayed).
     */
    private Future<Void> cache(AnalysisState state, JsonObject body, String planKey) {
        if (state.endReason() != null && !"not_understood".equals(state.endReason())) {
            return Future.succeededFuture();
        }
        List<Future<?>> puts = new ArrayList<>();
        String questionKey = job.cacheKey();
        // an answer that joined another file is not kept under the question's words: that file may be uploaded
        // again (a new file id, new hints) while the words stay; its plan key names both files
        if (questionKey != null && (state.plan() == null || state.plan().joins().isEmpty())) {
            // a hit names no conversation, but the recorded question it repeats (so it can be pinned or re-run)
            JsonObject hit = body.copy().put("cached", true).put("cache", "question");
            hit.remove("conversation_id");
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
}
