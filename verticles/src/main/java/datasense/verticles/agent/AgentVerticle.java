package datasense.verticles.agent;

import datasense.NodeConfig;
import datasense.agent.JobEvent;
import datasense.agent.Turn;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Conversation;
import datasense.verticles.bus.JobEvents;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.Retry;
import datasense.verticles.bus.RunJob;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.logs.IdLog;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.redis.Backoff;
import datasense.verticles.redis.RedisIndex;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs analysis jobs: for each question it reads the file's manifest and the conversation, then hands the job
 * to a {@link JobExecution} (plan, cache, graph, record). A job id runs once: the first delivery of
 * {@code ds.agent.run} claims it in the shared map {@code ds.jobs} and a repeated delivery is answered with the
 * job's status. Job status lives in that map while running and in the object store once finished; the job's
 * events, the last one carrying the result or the error, go to {@code ds.job.<id>.events}. Every second it renews
 * the leases of its jobs and, clustered, resumes jobs whose agent is gone ({@link JobLeases}); an accepted job is
 * recorded in the store before it is acknowledged, and an agent starting up resumes those a stopped or killed node
 * left running, so every accepted job ends as done or failed.
 */
public final class AgentVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);
    private static final String JOBS_MAP = "ds.jobs";
    /** How long the shared map and the Redis index keep a job's status (at most: never past the job's retention). */
    private static final long JOB_TTL_MS = 3_600_000;
    /** How many earlier turns of a conversation the planners see. */
    private static final int HISTORY_TURNS = 10;

    private final NodeConfig config;
    private final ObjectStore store;
    private final ProductMetrics metrics;
    /** The Redis index of job status, or null without Redis. */
    private RedisIndex index;
    private JobLeases leases;
    private MessageConsumer<JsonObject> runs;
    private SingleFlight singleFlight;
    private boolean adopting;
    private final long jobTtlMs;

    /** Our tracer, or null when tracing is off ({@link JobTrace}). */
    private final Tracer tracer;

    public AgentVerticle(NodeConfig config, ObjectStore store, ProductMetrics metrics, Tracer tracer) {
        this.tracer = tracer;
        this.metrics = metrics;
        this.config = config;
        this.store = store;
        this.jobTtlMs = Math.max(1, Math.min(JOB_TTL_MS, config.retention().jobRetention().toMillis()));
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
        runs = bus.consumer(Address.AGENT_RUN, this::run);
        return Future.all(
                        index == null ? Future.succeededFuture() : index.start(),
                        runs.completion(),
                        leases.listen(),
                        bus.<JsonObject>consumer(Address.JOBS_GET, this::job).completion())
                .onSuccess(v -> resumeStopped());
    }

    /**
     * A clean stop: no new job lands here, and the running ones get until the stop cap (DATASENSE_STOP_SECONDS) to
     * finish. Those still running then stay in the running-jobs index with their checkpoints: another agent
     * resumes them once their lease lapses, or this node when it starts again.
     */
    @Override
    public Future<?> stop() {
        long deadline = System.currentTimeMillis() + config.stopSeconds() * 1000L;
        Promise<Void> drained = Promise.promise();
        runs.unregister().onComplete(v -> vertx.setPeriodic(1, 50, t -> {
            if (leases.heldCount() == 0 || System.currentTimeMillis() >= deadline) {
                vertx.cancelTimer(t);
                if (leases.heldCount() > 0) {
                    LOG.warn("stopping with {} job(s) still running; they resume from their checkpoints on restart or on another node",
                            leases.heldCount());
                }
                drained.tryComplete();
            }
        }));
        return drained.future().compose(v -> index == null ? Future.succeededFuture() : index.close());
    }

    private Future<AsyncMap<String, JsonObject>> jobs() {
        return vertx.sharedData().getAsyncMap(JOBS_MAP);
    }

    /**
     * Accepts a job, answers its status at once (running), then runs it. Refused before it is accepted (an unknown
     * file, another file's conversation) it fails the request instead.
     */
    private void run(Message<JsonObject> message) {
        String tenant;
        RunJob job;
        String requestId = RequestIdHeader.of(message);
        // the message's span: current only until the reply below (202), while the job runs on
        io.opentelemetry.context.Context parent = io.opentelemetry.context.Context.current();
        try {
            tenant = TenantHeader.of(message);
            job = RunJob.fromJson(message.body());
        } catch (RuntimeException e) {
            BusError.fail(message, e);
            return;
        }
        JobStatus running = JobStatus.running(tenant, job, config.nodeName(), false);
        claim(running).onComplete(claimed -> {
            if (claimed.failed()) {
                BusError.fail(message, claimed.cause());
            } else if (claimed.result() != null) {
                // the same job delivered again (its sender timed out and sent it once more): it runs once
                JobStatus existing = claimed.result();
                if (tenant.equals(existing.tenant())) {
                    message.reply(existing.forClient().toJson());
                } else {
                    new BusError(409, "job_id_taken", "job id " + job.jobId() + " is taken", "use a fresh job id").failReply(message);
                }
            } else {
                AtomicBoolean acknowledged = new AtomicBoolean();
                AcceptedJob accepted = new AcceptedJob(tenant, job);
                Future<JsonObject> outcome = manifest(tenant, job).compose(manifest -> history(tenant, job)
                        .compose(history -> leases.start(accepted)
                                .compose(v -> recordAccepted(running, accepted))
                                .compose(v -> {
                                    acknowledged.set(true);
                                    message.reply(running.forClient().toJson());
                                    JobEvents.publish(vertx.eventBus(), tenant, new JobEvent.Started(job.jobId(), config.nodeName()));
                                    JobTrace trace = JobTrace.start(tracer, parent, job.jobId(), config.nodeName(), false);
                                    Scope scope = trace.attach();
                                    return trace.endWith(new JobExecution(context, config, store, singleFlight, index, tenant, job, manifest, requestId, trace)
                                            .run(history)).onComplete(done -> scope.close());
                                })));
                // an acknowledged job reports its failure through its events and GET /jobs/{id} instead
                conclude(tenant, running, outcome, requestId).onFailure(e -> {
                    if (!acknowledged.get()) {
                        BusError.fail(message, e);
                    }
                });
            }
        });
    }

    /**
     * Claims the job id cluster-wide and makes the job visible to GET /jobs; the previous status when another
     * delivery claimed it first, else null.
     */
    private Future<JobStatus> claim(JobStatus running) {
        return jobs().compose(map -> map.putIfAbsent(running.jobId(), running.toJson(), jobTtlMs))
                .compose(previous -> previous != null ? Future.succeededFuture(JobStatus.fromJson(previous))
                        : indexStatus(running).map((JobStatus) null));
    }

    /**
     * Records how the job ended, tells its listeners (the last event carries the result or the error with its
     * HTTP status) and gives up its lease. A job whose lease lapsed meanwhile was taken over by another agent,
     * which will record it: this one then records nothing, so no job is answered twice.
     */
    private Future<JsonObject> conclude(String tenant, JobStatus status, Future<JsonObject> outcome, String requestId) {
        String jobId = status.jobId();
        long started = System.nanoTime();
        return outcome
                .compose(body -> leases.stillHeld(jobId).compose(held -> !held ? handedOver(jobId, body)
                        : finish(status.done(body))
                        .onSuccess(v -> JobEvents.publish(vertx.eventBus(), tenant, new JobEvent.Done(jobId, body.getMap())))
                        .onSuccess(v -> {
                            long nanos = System.nanoTime() - started;
                            metrics.jobEnded("done", null, nanos / 1_000_000);
                            IdLog.ended(LOG, "job " + jobId + " done in " + IdLog.millis(nanos) + " ms", requestId, jobId, tenant, "done", nanos);
                        })
                        .map(body)))
                .recover(e -> {
                    long nanos = System.nanoTime() - started;
                    BusError error = BusError.from(e);
                    String line = "job " + jobId + " failed after " + IdLog.millis(nanos) + " ms with " + error.status() + " "
                            + error.body().getString("error") + ": " + error.getMessage();
                    if (error.status() >= 500) {
                        IdLog.error(LOG, line, e, requestId, jobId, tenant);
                    } else {
                        IdLog.warn(LOG, line, requestId, jobId, tenant);
                    }
                    metrics.jobEnded("failed", error.body().getString("error"), nanos / 1_000_000);
                    return finish(status.failed(error))
                            .onComplete(v -> JobEvents.publish(vertx.eventBus(), tenant, new JobEvent.Failed(jobId, JobEvents.error(error))))
                            .transform(ignored -> Future.failedFuture(error));
                })
                .onComplete(done -> leases.end(jobId));
    }

    /** The job's lease lapsed and another agent claimed it: that one resumes and records it, this one does not. */
    private Future<JsonObject> handedOver(String jobId, JsonObject body) {
        LOG.warn("job {}: its lease lapsed and another agent took it over; that agent records it", jobId);
        return Future.succeededFuture(body);
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

    private Future<Void> adopt(JobLeases.Running running) {
        AcceptedJob accepted = running.accepted();
        String tenant = accepted.tenant();
        RunJob job = accepted.job();
        return leases.abandoned(running)
                .compose(abandoned -> abandoned ? leases.claim(job.jobId()) : Future.succeededFuture(false))
                .compose(claimed -> !claimed ? Future.succeededFuture(false) : finished(tenant, job.jobId())
                .compose(over -> {
                    if (over) {
                        return store.deletePrefix(Keys.runningJob(job.jobId())).eventually(() -> leases.end(job.jobId())).map(false);
                    }
                    return Future.succeededFuture(true);
                })).compose(resume -> {
            if (!resume) {
                return Future.succeededFuture();
            }
            LOG.warn("job {}: its agent is gone; resuming it here from its last checkpoint", job.jobId());
            JobStatus resumed = JobStatus.running(tenant, job, config.nodeName(), true);
            Future<JsonObject> outcome = manifest(tenant, job).compose(manifest -> history(tenant, job)
                    .compose(history -> putStatus(resumed).map(history))
                    .compose(history -> {
                        JobEvents.publish(vertx.eventBus(), tenant, new JobEvent.Resumed(job.jobId(), config.nodeName()));
                        JobTrace trace = JobTrace.start(tracer, io.opentelemetry.context.Context.root(), job.jobId(), config.nodeName(), true);
                        return trace.endWith(trace.within(() -> new JobExecution(context, config, store, singleFlight, index, tenant, job,
                                manifest, null, trace).resume(history)));
                    }));
            return conclude(tenant, resumed, outcome, null).<Void>mapEmpty().recover(e -> Future.succeededFuture());
        });
    }

    /** True when the job's record in the store says it is over (done or failed). */
    private Future<Boolean> finished(String tenant, String jobId) {
        return store.get(Keys.job(tenant, jobId))
                .map(buffer -> !JobStatus.fromJson(buffer.toJsonObject()).running())
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException ? Future.succeededFuture(false) : Future.failedFuture(e));
    }

    /** An /ask naming an unknown file is the client's mistake (400), as the DataSense AI API documents. */
    private Future<JsonObject> manifest(String tenant, RunJob job) {
        String fileId = job.fileId();
        return Retry.<JsonObject>idempotent(vertx, Address.FILES_GET, new JsonObject().put("file_id", fileId),
                        TenantHeader.on(BusTimeouts.STORE, tenant))
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
     * The conversation so far, as the planners read it; none for a job outside a conversation, and none yet for
     * a conversation id the tenant has not used (it starts there). One that belongs to another file is refused,
     * since its plans name that file's columns.
     */
    private Future<List<Turn>> history(String tenant, RunJob job) {
        String conversationId = job.conversationId();
        if (conversationId == null) {
            return Future.succeededFuture(List.of());
        }
        return vertx.eventBus().<JsonObject>request(Address.HISTORY_CONVERSATION, new JsonObject().put("conversation_id", conversationId),
                        TenantHeader.on(BusTimeouts.STORE, tenant))
                .map(reply -> Conversation.fromJson(reply.body()))
                .compose(conversation -> {
                    if (!job.fileId().equals(conversation.fileId())) {
                        return Future.failedFuture(BusError.badRequest("conversation_file_mismatch", "conversation '"
                                        + conversationId + "' is about file '" + conversation.fileId() + "'",
                                "ask about " + conversation.fileId() + " in it, or omit conversation_id to start a new conversation"));
                    }
                    List<Conversation.Turn> turns = conversation.turns();
                    List<Turn> history = new ArrayList<>();
                    for (Conversation.Turn t : turns.subList(Math.max(0, turns.size() - HISTORY_TURNS), turns.size())) {
                        history.add(new Turn(t.question(), t.plan()));
                    }
                    return Future.succeededFuture(history);
                }, e -> BusError.from(e).status() == 404
                        ? Future.succeededFuture(List.of()) // a client-chosen id starts a new conversation
                        : Future.failedFuture(e));
    }

    /** A finished job: in the object store for good, and in the status index for GET /jobs. */
    private Future<Void> finish(JobStatus job) {
        // an ended job needs no resume: its checkpoint (tens of KB) and its running-jobs entry go
        return store.put(Keys.job(job.tenant(), job.jobId()), job.toJson().toBuffer())
                .compose(v -> store.deletePrefix(Keys.runningJob(job.jobId())))
                .compose(v -> store.deletePrefix(StoreCheckpointer.key(job.tenant(), job.jobId())))
                .compose(v -> putStatus(job));
    }

    /**
     * Makes an accepted job durable before it is acknowledged: its record says running (so GET /jobs/{id} knows it
     * after a restart) and the running-jobs index holds what it takes to resume it (read by {@link #resumeStopped}).
     */
    private Future<Void> recordAccepted(JobStatus running, AcceptedJob accepted) {
        return Future.all(store.put(Keys.job(running.tenant(), running.jobId()), running.toJson().toBuffer()),
                store.put(Keys.runningJob(running.jobId()), accepted.toJson().toBuffer())).mapEmpty();
    }

    /**
     * Resumes the accepted jobs that no agent is running: what a node stopped or killed mid-job left in the
     * running-jobs index. Each is claimed like an orphan (one agent wins), so in a cluster a job whose agent
     * still renews its lease is left alone.
     */
    private Future<Void> resumeStopped() {
        return store.list(Keys.RUNNING_JOBS)
                .compose(keys -> Future.join(keys.stream().map(key -> store.get(key)
                        // its agent is unknown here: the lease alone says whether one still runs it
                        .map(buffer -> new JobLeases.Running(null, AcceptedJob.fromJson(buffer.toJsonObject())))
                        .compose(this::adopt)
                        .recover(e -> {
                            LOG.warn("cannot resume the stopped job at {}: {}", key, e.getMessage());
                            return Future.succeededFuture();
                        })).toList()))
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.warn("cannot list the jobs left running: {}", e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /**
     * A job's status, where any API node finds it: the shared map (cluster-wide when clustered) and, with
     * Redis, the Redis index. Neither is the only copy of a finished job: that is in the object store.
     */
    private Future<Void> putStatus(JobStatus job) {
        return jobs().compose(map -> map.put(job.jobId(), job.toJson(), jobTtlMs))
                .compose(v -> indexStatus(job));
    }

    private Future<Void> indexStatus(JobStatus job) {
        return index == null ? Future.succeededFuture() : index.putJob(job.toJson(), Duration.ofMillis(jobTtlMs));
    }

    private Future<JobStatus> currentStatus(String jobId) {
        Future<JsonObject> fromMap = jobs().compose(map -> map.get(jobId));
        Future<JsonObject> found = index == null ? fromMap
                : index.job(jobId).compose(job -> job != null ? Future.succeededFuture(job) : fromMap);
        return found.map(json -> json == null ? null : JobStatus.fromJson(json));
    }

    private Future<JobStatus> recorded(String tenant, String jobId) {
        return store.get(Keys.job(tenant, jobId)).map(Buffer::toJsonObject).map(JobStatus::fromJson);
    }

    /**
     * A job the shared map or the index says is running, unless its record in the store says it has ended: the
     * store is the system of record, and the map can hold a stale "running" (a cluster split whose halves merged
     * back keeps one half's entry; the other half may have ended the job) as can the index. A stale entry is put
     * right; a record that cannot be read leaves the answer as the map has it.
     */
    private Future<JobStatus> endedSince(JobStatus running) {
        return recorded(running.tenant(), running.jobId())
                .compose(stored -> stored.running() ? Future.succeededFuture(running)
                        : putStatus(stored).otherwiseEmpty().map(stored))
                .otherwise(running);
    }

    /** A job of the asking tenant; another tenant's job id is as unknown as one never made. */
    private void job(Message<JsonObject> message) {
        String tenant;
        String jobId;
        try {
            tenant = TenantHeader.of(message);
            jobId = JobQuery.fromJson(message.body()).jobId();
        } catch (RuntimeException e) {
            BusError.fail(message, e);
            return;
        }
        if (!Keys.safeId(jobId)) {
            BusError.notFound("job", String.valueOf(jobId), null).failReply(message);
            return;
        }
        currentStatus(jobId)
                .compose(job -> job == null || !tenant.equals(job.tenant()) ? recorded(tenant, jobId)
                        : job.running() ? endedSince(job) : Future.succeededFuture(job))
                .onSuccess(job -> message.reply(job.forClient().toJson()))
                .onFailure(e -> BusError.fail(message, e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("job", jobId, "job ids come from POST /ask") : e));
    }
}
