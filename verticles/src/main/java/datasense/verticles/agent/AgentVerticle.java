package datasense.verticles.agent;

import datasense.NodeConfig;
import datasense.agent.Plan;
import datasense.agent.Turn;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.Retry;
import datasense.verticles.redis.Backoff;
import datasense.verticles.redis.RedisIndex;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis jobs: for each question it reads the file's manifest and the conversation, then hands the job
 * to a {@link JobExecution} (plan, cache, graph, record). Job status lives in the shared map {@code ds.jobs}
 * while running and in the object store once finished; the job's events, the last one carrying the result or
 * the error, go to {@code ds.job.<id>.events}. Every second it renews the leases of its jobs and, clustered,
 * resumes jobs whose agent is gone ({@link JobLeases}), so every accepted job ends as done or failed.
 */
public final class AgentVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);
    private static final String JOBS_MAP = "ds.jobs";
    private static final long JOB_TTL_MS = 3_600_000;
    /** How many earlier turns of a conversation the planners see. */
    private static final int HISTORY_TURNS = 10;

    private final NodeConfig config;
    private final ObjectStore store;
    /** The Redis index of job status, or null without Redis. */
    private RedisIndex index;
    private JobLeases leases;
    private SingleFlight singleFlight;
    private boolean adopting;

    public AgentVerticle(NodeConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
    }

    @Override
    public Future<?> start() {
        leases = new JobLeases(vertx, config.nodeName());
        if (config.redis() != null) {
            index = new RedisIndex(vertx, config.redis().url(), Backoff.DEFAULT);
        }
        singleFlight = new SingleFlight(vertx, leases, config.askTimeoutSeconds() * 1000L);
        var bus = vertx.eventBus();
        vertx.setPeriodic(JobLeases.RENEW_MS, t -> {
            leases.renew();
            if (vertx.isClustered()) {
                adoptOrphans();
            }
        });
        return Future.all(
                index == null ? Future.succeededFuture() : index.start(),
                bus.<JsonObject>consumer(Address.AGENT_RUN, this::run).completion(),
                bus.<JsonObject>consumer(Address.JOBS_GET, this::job).completion());
    }

    @Override
    public Future<?> stop() {
        return index == null ? Future.succeededFuture() : index.close();
    }

    private Future<AsyncMap<String, JsonObject>> jobs() {
        return vertx.sharedData().getAsyncMap(JOBS_MAP);
    }

    private void run(Message<JsonObject> message) {
        JsonObject request = message.body();
        String jobId = request.getString("job_id");
        boolean async = request.getBoolean("async", false);
        AtomicBoolean acknowledged = new AtomicBoolean();
        Future<JsonObject> outcome = manifest(request)
                .compose(manifest -> {
                    // From here on the job belongs to the file's owner (see IngestVerticle's file lookup).
                    request.put("tenant", manifest.getString("tenant"));
                    return history(request).compose(history -> register(request)
                            .compose(v -> {
                                if (async) {
                                    acknowledged.set(true);
                                    message.reply(status(request, "running").put("conversation_id", request.getString("conversation_id")));
                                }
                                publish(jobId, new JsonObject().put("event", "started").put("agent", config.nodeName()));
                                return new JobExecution(context, config, store, singleFlight, index, request, manifest).run(history);
                            }));
                });
        conclude(request, outcome)
                .onSuccess(body -> {
                    if (!async) {
                        message.reply(body);
                    }
                })
                .onFailure(e -> {
                    // An acknowledged job reports its failure through its events and GET /jobs/{id} instead.
                    if (!acknowledged.get()) {
                        BusError.fail(message, e);
                    }
                });
    }

    /** The job is accepted: visible to GET /jobs, leased to this agent, resumable by another. */
    private Future<Void> register(JsonObject request) {
        String jobId = request.getString("job_id");
        return putStatus(status(request, "running").put("tenant", request.getString("tenant")))
                .compose(v -> leases.start(jobId, request.copy()));
    }

    private JsonObject status(JsonObject request, String status) {
        return new JsonObject().put("job_id", request.getString("job_id")).put("status", status)
                .put("file_id", request.getString("file_id")).put("question", request.getString("question"))
                .put("agent", config.nodeName());
    }

    /**
     * Records how the job ended, tells its listeners (the last event carries the result or the error with its
     * HTTP status) and gives up its lease. A job whose lease lapsed meanwhile was taken over by another agent,
     * which will record it: this one then records nothing, so no job is answered twice.
     */
    private Future<JsonObject> conclude(JsonObject request, Future<JsonObject> outcome) {
        String jobId = request.getString("job_id");
        // the tenant is read when the job ends: by then it is the file owner's (see run)
        return outcome
                .compose(body -> leases.stillHeld(jobId).compose(held -> !held ? Future.succeededFuture(body)
                        : finish(request.getString("tenant"), jobId, status(request, "done").put("result", body).put("trace", body.getValue("trace")))
                        .onSuccess(v -> publish(jobId, new JsonObject().put("event", "done").put("result", body)))
                        .map(body)))
                .recover(e -> {
                    BusError error = BusError.from(e);
                    LOG.warn("job {} failed: {}", jobId, error.getMessage());
                    JsonObject failure = error.bodyWithStatus();
                    return finish(request.getString("tenant"), jobId, status(request, "failed").put("error", failure))
                            .onComplete(v -> publish(jobId, new JsonObject().put("event", "failed").put("error", failure)))
                            .transform(ignored -> Future.failedFuture(error));
                })
                .onComplete(done -> leases.end(jobId));
    }

    /** Resumes, once each, the jobs whose agent stopped renewing its lease. */
    private void adoptOrphans() {
        if (adopting) {
            return;
        }
        adopting = true;
        leases.orphans()
                .compose(orphans -> Future.join(orphans.stream().map(this::adopt).toList()))
                .onComplete(done -> adopting = false);
    }

    private Future<Void> adopt(JsonObject request) {
        String jobId = request.getString("job_id");
        return leases.claim(jobId).compose(claimed -> {
            if (!claimed) {
                return Future.succeededFuture();
            }
            LOG.warn("job {}: its agent is gone; resuming it here from its last checkpoint", jobId);
            Future<JsonObject> outcome = manifest(request).compose(manifest -> history(request)
                    .compose(history -> putStatus(status(request, "running")
                            .put("tenant", request.getString("tenant")).put("resumed", true)).map(history))
                    .compose(history -> {
                        publish(jobId, new JsonObject().put("event", "resumed").put("agent", config.nodeName()));
                        return new JobExecution(context, config, store, singleFlight, index, request, manifest).resume(history);
                    }));
            return conclude(request, outcome).<Void>mapEmpty().recover(e -> Future.succeededFuture());
        });
    }

    /** An /ask naming an unknown file is the client's mistake (400), as the DataSense AI API documents. */
    private Future<JsonObject> manifest(JsonObject request) {
        String fileId = request.getString("file_id");
        return Retry.<JsonObject>idempotent(vertx.eventBus(), Address.FILES_GET, new JsonObject()
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

    /** A finished job: in the object store for good, and in the status index for GET /jobs. */
    private Future<Void> finish(String tenant, String jobId, JsonObject job) {
        return store.put(Keys.job(tenant, jobId), job.toBuffer())
                .compose(v -> putStatus(job.copy().put("tenant", tenant)));
    }

    /**
     * A job's status, where any API node finds it: the shared map (cluster-wide when clustered) and, with
     * Redis, the Redis index. Neither is the only copy of a finished job: that is in the object store.
     */
    private Future<Void> putStatus(JsonObject job) {
        String jobId = job.getString("job_id");
        return jobs().compose(map -> map.put(jobId, job, JOB_TTL_MS))
                .compose(v -> index == null ? Future.succeededFuture() : index.putJob(job, Duration.ofMillis(JOB_TTL_MS)));
    }

    private Future<JsonObject> currentStatus(String jobId) {
        Future<JsonObject> fromMap = jobs().compose(map -> map.get(jobId));
        return index == null ? fromMap
                : index.job(jobId).compose(job -> job != null ? Future.succeededFuture(job) : fromMap);
    }

    private void job(Message<JsonObject> message) {
        String tenant = message.body().getString("tenant");
        boolean anyTenant = !message.body().getBoolean("tenant_explicit", true);
        String jobId = message.body().getString("job_id");
        if (!Keys.safeId(jobId)) {
            BusError.notFound("job", String.valueOf(jobId), null).failReply(message);
            return;
        }
        currentStatus(jobId)
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
