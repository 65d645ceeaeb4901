package datasense.verticles.agent;

import datasense.agent.AnalysisPorts;
import datasense.agent.AnalysisState;
import datasense.agent.ArtifactRef;
import datasense.agent.JobEvent;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.agent.StepFailedException;
import datasense.agent.StepInput;
import datasense.agent.StepOutput;
import datasense.tools.Table;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.JobEvents;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.Retry;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.logs.IdLog;
import io.opentelemetry.context.Scope;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis graph's ports for one job, over the event bus: planning goes to {@code ds.planner.plan}, a
 * step to {@code ds.tool.<name>} and each artifact it made to {@code ds.writer.put} under the answer's
 * deterministic prefix, progress to the job's own address. Records which node ran each step for the trace.
 * The agent plans before the graph runs (to look the plan up in the cache), so the first plan request is
 * answered with that plan; a step whose output the cache holds for the same canonical step is served from it.
 */
final class JobPorts implements AnalysisPorts {

    /** One executed tool call, for the job's trace. */
    record ToolRun(int index, String tool, String worker, long durationMs, String status) {
    }

    private final EventBus bus;
    private final Context context;
    private final String tenant;
    private final String jobId;
    private final JsonObject manifest;
    private final String answerPrefix;
    /**
     * A lost call is sent again at most this many times in all (each to whichever node the bus picks). A call is
     * given up only after the cluster has dropped a silent member (see BusTimeouts.WORKER_LOST_MS), so a try sent
     * again reaches a live node; a node that is gone fails a try at once (no handler).
     */
    private static final int MAX_ATTEMPTS = 4;
    /** The error codes of a step no tool worker ran: none serves the tool's address, or every try lost its worker. */
    static final String UNAVAILABLE = "unavailable";
    static final String WORKER_LOST = "worker_lost";
    private static final Logger LOG = LoggerFactory.getLogger(JobPorts.class);

    private final List<ToolRun> toolRuns = new ArrayList<>();
    private final Map<String, Long> lastBeat = new ConcurrentHashMap<>();
    /** In {@link #lastBeat}: the try's worker claimed it to answer (see {@link #open}); it is no longer watched. */
    private static final long CLAIMED = Long.MIN_VALUE;
    private MessageConsumer<JsonObject> heartbeats;
    private int workerLosses;
    private Plan preset;
    private final Map<Integer, JsonObject> replay;
    private final String requestId;
    private final JobTrace trace;

    /**
     * @param preset the plan the agent already made (null: ask the planner)
     * @param replay cached step outputs by step index, each {step: canonical step, output: StepOutput}
     */
    JobPorts(EventBus bus, Context context, String tenant, String jobId, JsonObject manifest, String answerPrefix, Plan preset,
             Map<Integer, JsonObject> replay, String requestId, JobTrace trace) {
        this.requestId = requestId;
        this.trace = trace;
        this.bus = bus;
        this.context = context;
        this.tenant = tenant;
        this.jobId = jobId;
        this.manifest = manifest;
        this.answerPrefix = answerPrefix;
        this.preset = preset;
        this.replay = replay == null ? Map.of() : replay;
    }

    List<ToolRun> toolRuns() {
        return List.copyOf(toolRuns);
    }

    @Override
    public CompletionStage<Plan> plan(PlanRequest request) {
        if (preset != null && request.failure() == null) {
            Plan plan = preset;
            preset = null;
            return Future.succeededFuture(plan).toCompletionStage();
        }
        return bus.<JsonObject>request(Address.PLANNER_PLAN, Json.toJson(request), TenantHeader.on(BusTimeouts.PLAN, tenant))
                .map(reply -> Json.fromJson(reply.body(), Plan.class))
                .toCompletionStage();
    }

    @Override
    public CompletionStage<StepOutput> runStep(AnalysisState state, int index, PlanStep step, StepInput input) {
        JsonObject cached = replay.get(index);
        if (cached != null && cached.getString("step").equals(AgentCache.canonical(step))) {
            StepOutput out = Json.fromJson(cached.getJsonObject("output"), StepOutput.class);
            toolRuns.add(new ToolRun(index, step.tool(), null, 0, "cached"));
            return Future.succeededFuture(out).toCompletionStage();
        }
        JsonObject call = new JsonObject()
                .put("file_id", manifest.getString("file_id"))
                .put("job_id", jobId)
                .put("index", index)
                .put("heartbeat", aliveAddress())
                .put("artifact_prefix", answerPrefix)
                .put("dataset", new JsonObject()
                        .put("table", manifest.getString("table"))
                        .put("columns", manifest.getJsonArray("columns"))
                        .put("rows", manifest.getLong("rows")))
                .put("args", new JsonObject(step.args().toString()))
                .put("joins", joins(state))
                .put("input", input == null ? null : Json.toJson(input.table()))
                .put("input_sql", input == null ? null : input.sql());
        // called while the act step starts its work, so the call's span is that step's child
        io.opentelemetry.context.Context span = trace.toolCall(step.tool(), index);
        int lossesBefore = workerLosses;
        return attempt(step.tool(), call, index, 1, span)
                .map(result -> toOutput(result, artifacts(result)))
                .onSuccess(out -> toolRuns.add(new ToolRun(index, step.tool(), out.node(), out.durationMs(), "ok")))
                .onComplete(done -> JobTrace.endToolCall(span, done.succeeded() ? "ok" : "failed",
                        done.succeeded() ? done.result().node() : null, 1 + workerLosses - lossesBefore, done.cause()))
                .recover(e -> {
                    BusError error = e instanceof WorkerLost ? new BusError(503, WORKER_LOST, e.getMessage(), "a tools node stopped answering; ask again")
                            : BusError.from(e);
                    toolRuns.add(new ToolRun(index, step.tool(), null, 0, "failed"));
                    IdLog.warn(LOG, "job " + jobId + ": step " + index + " (" + step.tool() + ") failed with " + error.status() + " "
                            + error.body().getString("error") + ": " + error.getMessage(), requestId, jobId, tenant);
                    return Future.failedFuture(new StepFailedException(error.body().getString("error"),
                            error.getMessage(), error.body().getString("hint")));
                })
                .toCompletionStage();
    }

    /** The files the plan's SQL joins, {file_id, table} each: the only other files the tool call may read. */
    private static JsonArray joins(AnalysisState state) {
        JsonArray joins = new JsonArray();
        if (state.plan() != null) {
            state.plan().joins().forEach(j -> joins.add(new JsonObject().put("file_id", j.fileId()).put("table", j.table())));
        }
        return joins;
    }

    /**
     * One try of a tool call. The worker beats while it holds the call; when the beats stop (its node died) or
     * never start (the call went to a node that is gone), the call is sent again, and the bus picks a live
     * node. A repeated step is safe: its artifacts have deterministic keys, so a retry overwrites, never adds.
     */
    private Future<JsonObject> attempt(String tool, JsonObject call, int index, int attempt, io.opentelemetry.context.Context span) {
        Vertx vertx = context.owner();
        String beatKey = index + "/" + attempt;
        // the first beat may come only once a handler is found (see Retry.whenHandled): the silence counts from then
        long handlerWaitMs = BusTimeouts.handlerWaitMs(vertx);
        lastBeat.put(beatKey, System.nanoTime() + handlerWaitMs * 1_000_000L);
        Promise<JsonObject> outcome = Promise.promise();
        Future<Message<JsonObject>> sent;
        try (Scope ignored = JobTrace.enter(span)) { // each try, retries too, is the call's: its traceparent goes along
            // a missing handler means the call reached no worker: waiting for one to appear runs nothing twice
            sent = Retry.whenHandled(vertx, Address.tool(tool), call.copy().put("attempt", attempt),
                    RequestIdHeader.on(TenantHeader.on(BusTimeouts.TOOL, tenant), requestId), handlerWaitMs);
        }
        sent.onComplete(reply -> {
                    if (reply.succeeded()) {
                        if (!outcome.tryComplete(reply.result().body())) {
                            // a run done twice: the try was given up, yet its worker ran it to the end
                            LOG.warn("job {}: {} step {} try {} answered by {} after it was given up", jobId, tool, index,
                                    attempt, reply.result().body().getString("node"));
                        }
                    } else {
                        outcome.tryFail(reply.cause());
                    }
                });
        long watchdog = vertx.setPeriodic(BusTimeouts.HEARTBEAT_CHECK_MS, t -> {
            long beat = lastBeat.getOrDefault(beatKey, 0L);
            long silentMs = (System.nanoTime() - beat) / 1_000_000;
            if (beat != CLAIMED && silentMs > BusTimeouts.WORKER_LOST_MS) {
                outcome.tryFail(new WorkerLost(tool + " step " + index + ": no heartbeat for " + silentMs + " ms"));
            }
        });
        return outcome.future()
                .onComplete(done -> {
                    vertx.cancelTimer(watchdog);
                    lastBeat.remove(beatKey);
                })
                .recover(e -> {
                    boolean lost = e instanceof WorkerLost || BusError.TOOL_CALL_GIVEN_UP.equals(BusError.from(e).code())
                            || workerUnserved(vertx, e);
                    if (!lost || attempt >= MAX_ATTEMPTS) {
                        return Future.failedFuture(e);
                    }
                    workerLosses++;
                    LOG.warn("job {}: {}; sending it again (attempt {})", jobId, e.getMessage(), attempt + 1);
                    progress(new JobEvent.StepRetried(jobId, index, tool, attempt + 1, e.getMessage()));
                    return attempt(tool, call, index, attempt + 1, span);
                });
    }

    /**
     * True when a worker ran the call but found no node for a request of its own (it writes its files through
     * {@code ds.writer.put}), in a cluster: the writer's half is away until a split heals, so the call is sent again,
     * and a try after the merge finds it. A call that found no worker at all is not this (it already waited).
     */
    private static boolean workerUnserved(Vertx vertx, Throwable e) {
        return vertx.isClustered() && e instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
                && UNAVAILABLE.equals(BusError.from(e).code());
    }

    /** The address workers beat on for this job's calls; consumed while the job runs ({@link #open}). */
    private String aliveAddress() {
        return Address.jobAlive(jobId);
    }

    /**
     * Starts listening for the workers' heartbeats (cluster-wide: workers may be on any node). A worker done with a
     * call claims it before answering ({@code claim: true}, a request): granted while the try is still awaited, and
     * then never given up (only the call's own send timeout ends it), refused once it was given up and sent again.
     * So a worker frozen between its last check and its answer waits for the refusal instead of answering a
     * call that another worker ran too.
     */
    Future<Void> open() {
        heartbeats = bus.<JsonObject>consumer(aliveAddress(), m -> {
            String key = m.body().getInteger("index") + "/" + m.body().getInteger("attempt");
            if (m.body().getBoolean("claim", false)) {
                m.reply(lastBeat.computeIfPresent(key, (k, v) -> CLAIMED) != null);
            } else {
                lastBeat.computeIfPresent(key, (k, v) -> v == CLAIMED ? v : System.nanoTime());
            }
        });
        return heartbeats.completion();
    }

    Future<Void> close() {
        return heartbeats == null ? Future.succeededFuture() : heartbeats.unregister();
    }

    /** How many tool calls were sent again because their node went silent. */
    int workerLosses() {
        return workerLosses;
    }

    /** A tool call whose node stopped beating. */
    static final class WorkerLost extends RuntimeException {
        WorkerLost(String message) {
            super(message, null, false, false);
        }
    }

    /** The artifacts the tools node wrote (under {@code artifact_prefix}) before it answered. */
    private static List<ArtifactRef> artifacts(JsonObject result) {
        List<ArtifactRef> refs = new ArrayList<>();
        for (Object o : result.getJsonArray("artifacts", new JsonArray())) {
            JsonObject a = (JsonObject) o;
            refs.add(new ArtifactRef(a.getString("key"), a.getString("label"), a.getString("contentType"), a.getString("chart"),
                    a.getString("series"), a.getBoolean("stacked")));
        }
        return refs;
    }

    private static StepOutput toOutput(JsonObject result, List<ArtifactRef> refs) {
        List<Table> tables = new ArrayList<>();
        result.getJsonArray("tables", new JsonArray()).forEach(t -> tables.add(Json.fromJson((JsonObject) t, Table.class)));
        List<String> sql = new ArrayList<>();
        result.getJsonArray("sql", new JsonArray()).forEach(s -> sql.add((String) s));
        return new StepOutput(result.getString("summary"), tables, refs, sql, result.getString("node"),
                result.getLong("duration_ms", 0L));
    }

    @Override
    public void progress(JobEvent event) {
        try {
            context.runOnContext(v -> JobEvents.publish(bus, tenant, event));
        } catch (RuntimeException ignored) {
            // progress is never worth failing a job for
        }
    }
}
