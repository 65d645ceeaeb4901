package datasense.verticles.http;

import datasense.NodeConfig;
import datasense.agent.JobEvent;
import datasense.agent.Plan;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.bus.JobEvents;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.RunJob;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Asking a question, the same way for every client: POST /ask, a WebSocket {@code ask} frame and the bridge's
 * {@code ds.client.ask} all come here with the tenant their edge decided, so the checks, the cache lookup, the job
 * and the reply body (links signed for the tenant) cannot differ between them. A caller that wants the job's
 * progress passes a listener, which sees every event of the job before the answer completes.
 */
public final class Asks {

    /** How often a waiting question looks at its job, in case an event was lost. */
    private static final long JOB_POLL_MS = 2_000;
    /** The operation of the API document whose body schema every question is checked against. */
    private static final String ASK = "POST /ask";

    /** A reply: its HTTP status (200, or 202 for an accepted {@code async} job) and its encoded body, links signed. */
    public record Reply(int status, String body) {
    }

    private final Vertx vertx;
    private final EventBus bus;
    private final NodeConfig config;
    private final UploadRoutes uploads;
    private final ArtifactLinks links;
    private final String planner;
    private final RequestValidation validation;

    Asks(Vertx vertx, NodeConfig config, UploadRoutes uploads, ArtifactLinks links, RequestValidation validation) {
        this.validation = validation;
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.config = config;
        this.uploads = uploads;
        this.links = links;
        this.planner = config.llmEnabled() ? "llm" : "offline";
    }

    /**
     * Answers {@code body} ({@code {file_id, question, conversation_id?, async?, user_id?}}) for {@code tenant}.
     * Fails with the {@link BusError} the client should see. {@code events}, when not null, gets each progress
     * event of the job (JSON, as published) in order, before the reply; a cached answer has no job and no events.
     * {@code requestId} (the HTTP request's, or null) travels with the job so its failures are logged under it.
     */
    public Future<Reply> ask(String tenant, String requestId, JsonObject body, Consumer<JsonObject> events) {
        // a WebSocket frame or a bridge message is checked here, as RequestValidation checks POST /ask on its way in
        BusError refusal = validation.bodyRefusal(ASK, body);
        return refusal != null ? Future.failedFuture(refusal) : askChecked(tenant, requestId, body, events);
    }

    /** As {@link #ask}, for a body already checked against the API document (POST /ask): not checked twice. */
    Future<Reply> askChecked(String tenant, String requestId, JsonObject body, Consumer<JsonObject> events) {
        // a cache hit is the same text again and again: signed once (signedCached), not per request
        return answer(tenant, requestId, body, events).map(r -> new Reply(r.status(), links.signedCached(r.body(), tenant)));
    }

    /**
     * As {@link #askChecked}, its links left unsigned: for answers kept server-side (a board's tiles), which are signed when
     * they are served.
     */
    Future<Reply> answer(String tenant, String requestId, JsonObject body, Consumer<JsonObject> events) {
        String fileId = body.getString("file_id");
        String question = body.getString("question");
        String userId = body.getString("user_id");
        if (config.auth().required() && userId != null && !userId.equals(tenant)) {
            return Future.failedFuture(AuthHandler.mismatch(userId));
        }
        String conversation = body.getString("conversation_id");
        boolean async = body.getBoolean("async", false);
        if (conversation != null) {
            // a follow-up means what the conversation makes it mean: no answer cached by its words alone
            return runJob(tenant, requestId, newJob(fileId, question, conversation, null), async, events);
        }
        String cacheKey = CacheKeys.key(tenant, fileId, planner, question);
        return bus.<String>request(Address.CACHE_GET, cacheKey, BusTimeouts.SHORT)
                .map(Message::body)
                .recover(e -> Future.succeededFuture(null)) // a slow or absent cache must not fail the question
                .compose(hit -> hit == null
                        // the job is made only on a miss: a cache hit stays as cheap as it can be
                        ? runJob(tenant, requestId, newJob(fileId, question, newConversationId(), cacheKey), async, events)
                        : Future.succeededFuture(new Reply(200, hit)));
    }

    /**
     * Runs {@code job} and answers with its /ask body (or, {@code async}, 202 with the job's status at once). A
     * direct upload the client asks about before completing it is completed first.
     */
    private Future<Reply> runJob(String tenant, String requestId, RunJob job, boolean async,
                                 Consumer<JsonObject> events) {
        return uploads.completePending(tenant, job.fileId())
                .compose(ingested -> async ? accept(tenant, requestId, job).map(JobStatus::toJson)
                        : awaitJob(tenant, requestId, job, events))
                .map(reply -> new Reply(async ? 202 : 200, reply.encode()));
    }

    /**
     * Hands the job to an agent, which answers once it has accepted it; a question refused before that (an
     * unknown file) fails here. Sent again once when no agent answered: the agent runs a job id once, so a
     * second delivery of an accepted job only answers its status.
     */
    private Future<JobStatus> accept(String tenant, String requestId, RunJob job) {
        var options = RequestIdHeader.on(TenantHeader.on(BusTimeouts.STORE, tenant), requestId);
        return bus.<JsonObject>request(Address.AGENT_RUN, job.toJson(), options)
                .recover(e -> {
                    int status = BusError.from(e).status();
                    return status == 503 || status == 504 ? bus.<JsonObject>request(Address.AGENT_RUN, job.toJson(), options)
                            : Future.failedFuture(e);
                })
                .map(reply -> JobStatus.fromJson(reply.body()));
    }

    /**
     * A synchronous question runs as an accepted job whose last event carries the answer, so the reply does not
     * depend on the agent that took the job: when that agent dies, another resumes the job and its event answers
     * this request. A poll of the job every few seconds covers an event lost on the way. The answer's links are
     * not signed yet.
     */
    Future<JsonObject> awaitJob(String tenant, String requestId, RunJob job, Consumer<JsonObject> listener) {
        String jobId = job.jobId();
        Promise<JsonObject> answer = Promise.promise();
        // The event and the poll end the answer the same way: the listener sees the last event either way.
        Consumer<JobEvent> ended = event -> {
            if (answer.future().isComplete()) {
                return;
            }
            if (listener != null) {
                listener.accept(JobEvents.toJson(event));
            }
            settle(answer, event);
        };
        MessageConsumer<JsonObject> events = bus.consumer(Address.jobEvents(jobId), m -> {
            if (tenant.equals(m.headers().get(TenantHeader.NAME))) {
                ended.accept(JobEvents.fromJson(m.body()));
            }
        });
        long timeout = vertx.setTimer(config.askTimeoutSeconds() * 1000L, t -> answer.tryFail(new BusError(504, "timeout",
                "the answer took longer than " + config.askTimeoutSeconds() + " s", "follow GET /jobs/" + jobId + ", or ask with \"async\": true")));
        long poll = vertx.setPeriodic(JOB_POLL_MS, t -> bus.<JsonObject>request(Address.JOBS_GET, new JobQuery(jobId).toJson(),
                        TenantHeader.on(BusTimeouts.SHORT, tenant))
                .map(reply -> JobEvents.lastOf(JobStatus.fromJson(reply.body())))
                .onSuccess(last -> {
                    if (last != null) {
                        ended.accept(last);
                    }
                }));
        events.completion()
                .compose(v -> accept(tenant, requestId, job))
                .onFailure(answer::tryFail);
        return answer.future().onComplete(done -> {
            events.unregister();
            vertx.cancelTimer(timeout);
            vertx.cancelTimer(poll);
        });
    }

    /** Completes {@code answer} from the job's last event. */
    private static void settle(Promise<JsonObject> answer, JobEvent event) {
        if (event instanceof JobEvent.Done done) {
            answer.tryComplete(new JsonObject(done.result()));
        } else if (event instanceof JobEvent.Failed failed) {
            JobEvent.Error e = failed.error();
            answer.tryFail(new BusError(e.status(), e.error(), e.message(), e.hint()));
        }
    }

    /**
     * Runs a recorded question again with its recorded plan (so the answer is reproduced, not re-interpreted),
     * computing every step afresh; the new answer is recorded as a question of its own that names the original.
     */
    Future<Reply> rerun(String tenant, String requestId, JsonObject record) {
        return rerunAnswer(tenant, requestId, record).map(reply -> new Reply(200, links.signed(reply.encode(), tenant)));
    }

    /** As {@link #rerun}, the answer's links left unsigned (a board keeps it). */
    Future<JsonObject> rerunAnswer(String tenant, String requestId, JsonObject record) {
        RunJob job = new RunJob(newJobId(), record.getString("file_id"), record.getString("question"), planner,
                System.currentTimeMillis(), null, null, Json.fromJson(record.getJsonObject("plan"), Plan.class), record.getString("question_id"));
        return awaitJob(tenant, requestId, job, null);
    }

    private RunJob newJob(String fileId, String question, String conversationId, String cacheKey) {
        return new RunJob(newJobId(), fileId, question, planner, System.currentTimeMillis(), conversationId, cacheKey, null, null);
    }

    private static String newJobId() {
        return "j_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String newConversationId() {
        return "c_" + UUID.randomUUID().toString().replace("-", "");
    }
}
