package datasense.verticles.http;

import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.fileRequest;
import static datasense.verticles.http.HttpReplies.forward;
import static datasense.verticles.http.HttpReplies.intParam;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.NodeConfig;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.UUID;

/**
 * The HTTP API (see README.md): the file catalog, /ask, conversations and questions, jobs and artifacts;
 * uploads are {@link UploadRoutes}. It holds no state of
 * its own: every request becomes event-bus requests, large bodies are streamed into the object store and
 * only their keys travel. Failures become JSON {error, message, hint} with the status the failing consumer chose.
 */
public final class HttpVerticle extends VerticleBase {

    /** How often a waiting synchronous /ask looks at its job, in case an event was lost. */
    private static final long JOB_POLL_MS = 2_000;

    private final NodeConfig config;
    private final ObjectStore store;
    private final String planner;
    private EventBus bus;
    private UploadRoutes uploads;

    public HttpVerticle(NodeConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
        this.planner = config.llmEnabled() ? "llm" : "offline";
    }

    @Override
    public Future<?> start() {
        bus = vertx.eventBus();
        uploads = new UploadRoutes(vertx, config, store);
        Router router = Router.router(vertx);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(1 << 20);
        router.get("/health").handler(this::health);
        uploads.mount(router, json);
        router.get("/files").handler(ctx -> forward(bus, ctx, Address.FILES_LIST, new JsonObject().put("tenant", tenant(ctx)), BusTimeouts.STORE, 200));
        router.get("/files/:fileId").handler(ctx -> forward(bus, ctx, Address.FILES_GET, fileRequest(ctx), BusTimeouts.STORE, 200));
        router.get("/files/:fileId/preview").handler(ctx -> forward(bus, ctx, Address.FILES_PREVIEW,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 20)), BusTimeouts.TOOL, 200));
        router.delete("/files/:fileId").handler(ctx -> forward(bus, ctx, Address.FILES_DELETE, fileRequest(ctx), BusTimeouts.STORE, 200));
        router.get("/files/:fileId/questions").handler(ctx -> forward(bus, ctx, Address.HISTORY_QUESTIONS,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 100)), BusTimeouts.STORE, 200));
        router.post("/ask").handler(json).handler(this::ask);
        router.get("/conversations/:conversationId").handler(ctx -> forward(bus, ctx, Address.HISTORY_CONVERSATION,
                new JsonObject().put("tenant", tenant(ctx)).put("conversation_id", ctx.pathParam("conversationId")), BusTimeouts.STORE, 200));
        router.get("/questions/:questionId").handler(ctx -> forward(bus, ctx, Address.HISTORY_QUESTION, questionRequest(ctx), BusTimeouts.STORE, 200));
        router.delete("/questions/:questionId").handler(ctx -> forward(bus, ctx, Address.HISTORY_DELETE, questionRequest(ctx), BusTimeouts.STORE, 200));
        router.post("/questions/:questionId/rerun").handler(this::rerun);
        router.get("/jobs/:jobId").handler(ctx -> forward(bus, ctx, Address.JOBS_GET,
                new JsonObject().put("tenant", tenant(ctx)).put("job_id", ctx.pathParam("jobId"))
                        .put("tenant_explicit", ctx.request().getParam("user_id") != null), BusTimeouts.STORE, 200));
        router.get("/artifacts/*").handler(this::artifact);
        router.route().last().handler(ctx -> error(ctx, new BusError(404, "not_found",
                "no route " + ctx.request().method() + " " + ctx.request().path(), "see README.md for the API")));
        router.errorHandler(405, ctx -> error(ctx, new BusError(405, "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path(), null)));
        router.errorHandler(413, ctx -> error(ctx, uploads.tooLarge()));
        router.errorHandler(400, ctx -> error(ctx, BusError.badRequest("bad_request", "the request could not be read",
                "send a JSON body with Content-Type: application/json")));
        router.errorHandler(500, ctx -> error(ctx, BusError.from(ctx.failure() == null ? new RuntimeException("internal error") : ctx.failure())));
        return vertx.createHttpServer().requestHandler(router).listen(config.port());
    }

    /**
     * Ready, or degraded when the cache's backend (Redis) is away: the node still answers, only without its
     * cache, so the status is 200 either way and load balancers keep sending questions.
     */
    private void health(RoutingContext ctx) {
        Future<JsonObject> cache = bus.<JsonObject>request(Address.CACHE_HEALTH, null, BusTimeouts.SHORT)
                .map(Message::body)
                .recover(e -> Future.succeededFuture(new JsonObject().put("status", "degraded").put("error", e.getMessage())));
        Future<Long> runs = vertx.sharedData().getCounter("ds.tool.runs").compose(c -> c.get());
        Future.all(cache, runs)
                .onSuccess(all -> json(ctx, 200, new JsonObject()
                        .put("status", "ok".equals(cache.result().getString("status")) ? "ready" : "degraded")
                        .put("node", config.nodeName())
                        .put("planner", planner)
                        .put("store", store.kind())
                        .put("cache", cache.result())
                        .put("cluster", cluster())
                        .put("tool_runs", runs.result())))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** The members this node sees: how an operator checks that a cluster formed. */
    private JsonObject cluster() {
        if (!vertx.isClustered()) {
            return new JsonObject().put("enabled", false);
        }
        var members = ((io.vertx.core.internal.VertxInternal) vertx).clusterManager().getNodes();
        return new JsonObject().put("enabled", true).put("members", members.size());
    }

    // ---- /ask -------------------------------------------------------------------------------------------

    private void ask(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String fileId = body.getValue("file_id") instanceof String s ? s : null;
        String question = body.getValue("question") instanceof String s ? s : null;
        if (fileId == null || fileId.isBlank() || question == null || question.isBlank()) {
            error(ctx, BusError.badRequest("bad_request", "file_id and question are required strings",
                    "POST /ask {\"file_id\": \"f_...\", \"question\": \"total sales by region\"}"));
            return;
        }
        if (question.length() > 2000) {
            error(ctx, new BusError(413, "too_large", "the question is longer than 2000 characters", "ask a shorter question"));
            return;
        }
        String tenant = tenant(ctx, body);
        if (tenant == null) {
            return;
        }
        Object conversation = body.getValue("conversation_id");
        if (conversation != null && !(conversation instanceof String c && Keys.safeId(c))) {
            error(ctx, BusError.badRequest("bad_conversation_id", "conversation_id must be a string of letters, digits, '_', '-' or '.' (at most 64)",
                    "use the conversation_id a previous /ask returned, or omit it to start a new conversation"));
            return;
        }
        boolean async = body.getBoolean("async", false);
        boolean tenantExplicit = body.getValue("user_id") instanceof String || ctx.request().getParam("user_id") != null;
        if (conversation != null) {
            // a follow-up means what the conversation makes it mean: no answer cached by its words alone
            runJob(ctx, newJob(tenant, tenantExplicit, fileId, question, async).put("conversation_id", conversation), tenant);
            return;
        }
        String cacheKey = CacheKeys.key(tenant, fileId, planner, question);
        bus.<String>request(Address.CACHE_GET, cacheKey, BusTimeouts.SHORT)
                .map(Message::body)
                .recover(e -> Future.succeededFuture(null)) // a slow or absent cache must not fail the question
                .onSuccess(hit -> {
                    if (hit != null) {
                        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(hit);
                    } else {
                        // the job is made only on a miss: a cache hit stays as cheap as it can be
                        runJob(ctx, newJob(tenant, tenantExplicit, fileId, question, async).put("cache_key", cacheKey), tenant);
                    }
                });
    }

    /** A direct upload the client asks about before completing it is completed first (see {@link #complete}). */
    private void runJob(RoutingContext ctx, JsonObject job, String tenant) {
        uploads.completePending(tenant, job.getString("file_id"))
                .compose(ingested -> job.getBoolean("async") ? accept(job) : awaitJob(job))
                .onSuccess(reply -> json(ctx, job.getBoolean("async") ? 202 : 200, reply))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /**
     * Hands the job to an agent, which answers once it has accepted it; a question refused before that (an
     * unknown file) fails here. Sent again once when no agent answered, since nothing was accepted yet.
     */
    private Future<JsonObject> accept(JsonObject job) {
        JsonObject async = job.copy().put("async", true);
        return bus.<JsonObject>request(Address.AGENT_RUN, async, BusTimeouts.STORE)
                .recover(e -> {
                    int status = BusError.from(e).status();
                    return status == 503 || status == 504 ? bus.<JsonObject>request(Address.AGENT_RUN, async, BusTimeouts.STORE)
                            : Future.failedFuture(e);
                })
                .map(Message::body);
    }

    /**
     * A synchronous /ask runs as an accepted job whose last event carries the answer, so the reply does not
     * depend on the agent that took the job: when that agent dies, another resumes the job and its event answers
     * this request. A poll of the job every few seconds covers an event lost on the way.
     */
    private Future<JsonObject> awaitJob(JsonObject job) {
        String jobId = job.getString("job_id");
        Promise<JsonObject> answer = Promise.promise();
        MessageConsumer<JsonObject> events = bus.consumer(Address.jobEvents(jobId), m -> settle(answer, m.body()));
        long timeout = vertx.setTimer(config.askTimeoutSeconds() * 1000L, t -> answer.tryFail(new BusError(504, "timeout",
                "the answer took longer than " + config.askTimeoutSeconds() + " s", "follow GET /jobs/" + jobId + ", or ask with \"async\": true")));
        long poll = vertx.setPeriodic(JOB_POLL_MS, t -> bus.<JsonObject>request(Address.JOBS_GET, new JsonObject()
                        .put("tenant", job.getString("tenant")).put("tenant_explicit", false).put("job_id", jobId), BusTimeouts.SHORT)
                .onSuccess(reply -> settle(answer, reply.body())));
        events.completion()
                .compose(v -> accept(job))
                .onFailure(answer::tryFail);
        return answer.future().onComplete(done -> {
            events.unregister();
            vertx.cancelTimer(timeout);
            vertx.cancelTimer(poll);
        });
    }

    /** Completes {@code answer} from a job event or a job record that says the job is over. */
    private static void settle(Promise<JsonObject> answer, JsonObject news) {
        String state = news.getString("event", news.getString("status"));
        if ("done".equals(state) && news.getJsonObject("result") != null) {
            answer.tryComplete(news.getJsonObject("result"));
        } else if ("failed".equals(state) && news.getJsonObject("error") != null) {
            answer.tryFail(BusError.of(news.getJsonObject("error")));
        }
    }

    /** Without a user_id the file may be another tenant's (see IngestVerticle); the agent resolves its owner. */
    private JsonObject newJob(String tenant, boolean tenantExplicit, String fileId, String question, boolean async) {
        return new JsonObject()
                .put("job_id", "j_" + UUID.randomUUID().toString().replace("-", ""))
                .put("tenant", tenant)
                .put("tenant_explicit", tenantExplicit)
                .put("file_id", fileId)
                .put("question", question)
                .put("planner", planner)
                .put("async", async);
    }

    /**
     * Runs a recorded question again with its recorded plan (so the answer is reproduced, not re-interpreted),
     * computing every step afresh; the new answer is recorded as a question of its own that names the original.
     */
    private void rerun(RoutingContext ctx) {
        JsonObject request = questionRequest(ctx);
        if (request.getString("tenant") == null) {
            return;
        }
        String tenant = request.getString("tenant");
        bus.<JsonObject>request(Address.HISTORY_QUESTION, request, BusTimeouts.STORE)
                .map(Message::body)
                .onSuccess(record -> forward(bus, ctx, Address.AGENT_RUN,
                        newJob(tenant, true, record.getString("file_id"), record.getString("question"), false)
                                .put("plan", record.getJsonObject("plan"))
                                .put("rerun_of", record.getString("question_id"))
                                .put("new_conversation", false),
                        BusTimeouts.seconds(config.askTimeoutSeconds()), 200))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private JsonObject questionRequest(RoutingContext ctx) {
        return new JsonObject().put("tenant", tenant(ctx)).put("question_id", ctx.pathParam("questionId"));
    }

    // ---- artifacts -----------------------------------------------------------------------------------------

    private void artifact(RoutingContext ctx) {
        String key = ctx.pathParam("*");
        String tenant = tenant(ctx);
        if (tenant == null) {
            return;
        }
        if (key == null || key.contains("..") || !key.startsWith(tenant + "/") || key.endsWith("/")) {
            error(ctx, BusError.notFound("artifact", String.valueOf(key), "use the url of a result of /ask"));
            return;
        }
        store.get(key)
                .onSuccess(bytes -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, Keys.contentType(key))
                        .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                        .end(bytes))
                .onFailure(e -> error(ctx, e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("artifact", key, "use the url of a result of /ask")
                        : BusError.from(e)));
    }

}
