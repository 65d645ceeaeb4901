package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.forward;
import static datasense.verticles.http.HttpReplies.intParam;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.NodeConfig;
import datasense.verticles.auth.ApiKeys;
import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.ClusterCounters;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.live.LiveRoutes;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.redis.RedisTenantCounters;
import datasense.verticles.secrets.SecretStore;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Counter;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API (see README.md): the file catalog, /ask, conversations and questions, jobs and artifacts;
 * uploads are {@link UploadRoutes} (into a project with {@code ?project=}), projects {@link ProjectRoutes}, API keys and tokens {@link KeyRoutes}, questions {@link Asks}, and the live clients
 * (WebSocket, Server-Sent Events, the event-bus bridge) {@link LiveRoutes}, boards {@link BoardRoutes}, reports
 * {@link ReportRoutes}, database sources and project secrets {@link SourceRoutes}. {@link AuthHandler} runs first and
 * decides the request's principal; every route after it acts for that principal's tenant (the {@link TenantHeader}
 * of its bus requests) and checks the scope it needs. It holds no state of its own: every request becomes
 * event-bus requests, large bodies are streamed into the object store and only their keys travel. Failures become
 * JSON {error, message, hint} with the status the failing consumer chose.
 */
public final class HttpVerticle extends VerticleBase {

    private final NodeConfig config;
    private final ObjectStore store;
    private final String planner;
    private EventBus bus;
    private UploadRoutes uploads;
    private Asks asks;
    private LiveRoutes live;
    private Authenticator authenticator;
    private ArtifactLinks links;
    private final PrometheusMeterRegistry registry;
    private final ProductMetrics metrics;
    /** The limits' counts in Redis (REDIS_URL and a limit set), or null: counted on this node. */
    private RedisTenantCounters limitCounts;
    private Router router;
    private HttpServer server;
    private Counter toolRuns;

    /**
     * @param registry the node's metrics registry, served at /metrics; null when metrics are off
     * @param metrics the node's own meters (on {@code registry}, or detached)
     */
    public HttpVerticle(NodeConfig config, ObjectStore store, PrometheusMeterRegistry registry, ProductMetrics metrics) {
        this.registry = registry;
        this.metrics = metrics;
        this.config = config;
        this.store = store;
        this.planner = config.llmEnabled() ? "llm" : "offline";
    }

    @Override
    public Future<?> start() {
        bus = vertx.eventBus();
        ApiKeys apiKeys = new ApiKeys(vertx, store);
        links = new ArtifactLinks(new PresignedUrls(config.signingKey()), config.auth().required(), config.auth().artifactUrlTtlSeconds());
        if (config.redis() != null && TenantLimits.any(config.tenantRequestsPerMinute(), config.tenantAsksInFlight())) {
            limitCounts = new RedisTenantCounters(vertx, config.redis().url(), metrics);
        }
        return apiKeys.listen()
                .compose(v -> limitCounts == null ? Future.succeededFuture() : limitCounts.start())
                .compose(v -> ClusterCounters.of(vertx, ClusterCounters.TOOL_RUNS))
                .compose(counter -> {
                    toolRuns = counter;
                    return Authenticator.start(vertx, config.auth(), apiKeys);
                })
                .compose(auth -> {
                    authenticator = auth;
                    return RequestValidation.load(vertx, BodyHandler.create(false).setBodyLimit(1 << 20));
                })
                .compose(validation -> {
                    router(apiKeys, validation);
                    server = vertx.createHttpServer().requestHandler(router);
                    return live.listen().compose(v -> server.listen(config.port()));
                });
    }

    /** The routes this verticle serves, once started: what ApiDocumentTest compares with the API document. */
    public List<Route> routes() {
        return router.getRoutes();
    }

    /**
     * A clean stop: no new connection is accepted, requests in flight (a synchronous /ask waiting for its job, an
     * event stream) get until the stop cap to end, WebSockets are closed with a reason.
     */
    @Override
    public Future<?> stop() {
        Future<Void> drained = server == null ? Future.succeededFuture() : server.shutdown(config.stopSeconds(), TimeUnit.SECONDS);
        return drained.eventually(() -> authenticator == null ? Future.succeededFuture() : authenticator.close())
                .eventually(() -> limitCounts == null ? Future.succeededFuture() : limitCounts.close());
    }

    private Router router(ApiKeys apiKeys, RequestValidation validation) {
        uploads = new UploadRoutes(vertx, config, store);
        asks = new Asks(vertx, config, uploads, links, validation);
        TenantLimits tenantLimits = new TenantLimits(config.tenantRequestsPerMinute(), config.tenantAsksInFlight(), config.askTimeoutSeconds(),
                limitCounts, metrics);
        live = new LiveRoutes(vertx, config, authenticator, asks, links, tenantLimits);
        BoardRoutes boards = new BoardRoutes(vertx.eventBus(), asks, links);
        BoardGenerator generator = new BoardGenerator(vertx.eventBus(), asks, boards);
        ReuploadedBoards reuploaded = new ReuploadedBoards(vertx.eventBus(), asks);
        // a re-upload's boards move first, so the generated board of the new file is listed after them
        java.util.function.BiFunction<String, JsonObject, Future<Void>> afterIngest = (tenant, manifest) -> reuploaded.ingested(tenant, manifest)
                .compose(v -> config.generatedBoards() ? generator.ingested(tenant, manifest) : Future.succeededFuture());
        uploads.onIngested(afterIngest);
        router = Router.router(vertx);
        router.route().handler(new RequestId());
        if (config.requestLog()) {
            router.route().handler(new RequestLog());
        }
        DashboardRoutes.mount(router);
        router.route().handler(new AuthHandler(authenticator, LiveRoutes.open(AuthHandler.OPEN)));
        tenantLimits.mount(router);
        // JSON bodies are read and every documented request checked against the API document before its route
        validation.mount(router);
        router.get("/health").handler(this::health);
        new OperationsRoutes(vertx, store, registry, toolRuns).mount(router);
        uploads.mount(router);
        new KeyRoutes(authenticator, apiKeys, vertx.eventBus()).mount(router);
        new SourceRoutes(vertx.eventBus(), store, new SecretStore(store, config.secretBox()), uploads, afterIngest).mount(router);
        router.get("/files").handler(require(Scope.READ)).handler(this::files);
        router.get("/files/:fileId").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.FILES_GET,
                fileRequest(ctx).put("versions", true), BusTimeouts.STORE, 200));
        router.get("/files/:fileId/versions").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.FILES_VERSIONS,
                fileRequest(ctx), BusTimeouts.STORE, 200));
        router.get("/files/:fileId/drift").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.FILES_DRIFT,
                fileRequest(ctx).put("from", ctx.request().getParam("from")).put("to", ctx.request().getParam("to")), BusTimeouts.TOOL, 200));
        router.get("/files/:fileId/preview").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.FILES_PREVIEW,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 20)), BusTimeouts.TOOL, 200));
        router.get("/files/:fileId/profile").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.FILES_PROFILE,
                fileRequest(ctx), BusTimeouts.TOOL, 200));
        router.get("/files/:fileId/profile.html").handler(require(Scope.READ)).handler(this::profilePage);
        router.get("/files/:fileId/suggestions").handler(require(Scope.READ)).handler(this::suggestions);
        router.delete("/files/:fileId").handler(require(Scope.UPLOAD)).handler(ctx -> {
            String tenant = tenant(ctx);
            ctx.addEndHandler(done -> {
                uploads.storedBytesChanged(tenant);
                if (ctx.response().getStatusCode() == 200) {
                    Audit.record(bus, tenant, "file.delete", AuthHandler.principal(ctx).subject(), new JsonObject().put("file_id", ctx.pathParam("fileId")));
                }
            });
            forward(bus, ctx, Address.FILES_DELETE, fileRequest(ctx), BusTimeouts.STORE, 200);
        });
        router.get("/files/:fileId/questions").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.HISTORY_QUESTIONS,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 100)), BusTimeouts.STORE, 200));
        router.post("/ask").handler(require(Scope.ASK)).handler(this::ask);
        router.get("/conversations/:conversationId").handler(require(Scope.READ)).handler(ctx -> forward(bus, ctx, Address.HISTORY_CONVERSATION,
                new JsonObject().put("conversation_id", ctx.pathParam("conversationId")), BusTimeouts.STORE, 200));
        router.get("/questions/:questionId").handler(require(Scope.READ)).handler(this::question);
        router.delete("/questions/:questionId").handler(require(Scope.ASK)).handler(ctx -> forward(bus, ctx, Address.HISTORY_DELETE, questionRequest(ctx), BusTimeouts.STORE, 200));
        router.post("/questions/:questionId/rerun").handler(require(Scope.ASK)).handler(this::rerun);
        boards.mount(router);
        new ReportRoutes(vertx.eventBus(), store).mount(router);
        new ProjectRoutes(vertx.eventBus(), uploads::storedBytesChanged).mount(router);
        router.get("/jobs/:jobId").handler(require(Scope.READ)).handler(this::job);
        router.get("/audit").handler(require(Scope.ADMIN)).handler(ctx -> forward(bus, ctx, Address.AUDIT_READ,
                new JsonObject().put("since", ctx.request().getParam("since")), BusTimeouts.STORE, 200));
        router.get("/artifacts/*").handler(this::artifact);
        live.mount(router);
        router.route().last().handler(ctx -> error(ctx, new BusError(404, "not_found",
                "no route " + ctx.request().method() + " " + ctx.request().path(), "see README.md for the API")));
        router.errorHandler(405, ctx -> error(ctx, new BusError(405, "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path(), null)));
        router.errorHandler(413, ctx -> error(ctx, uploads.tooLarge()));
        router.errorHandler(400, ctx -> error(ctx, BusError.badRequest("bad_request", "the request could not be read",
                "send a JSON body with Content-Type: application/json")));
        router.errorHandler(500, ctx -> error(ctx, BusError.from(ctx.failure() == null ? new RuntimeException("internal error") : ctx.failure())));
        return router;
    }

    /**
     * Ready, or degraded when the cache's backend (Redis) is away: the node still answers, only without its
     * cache, so the status is 200 either way and load balancers keep sending questions.
     */
    private void health(RoutingContext ctx) {
        Future<JsonObject> cache = bus.<JsonObject>request(Address.CACHE_HEALTH, null, BusTimeouts.SHORT)
                .map(Message::body)
                .recover(e -> Future.succeededFuture(new JsonObject().put("status", "degraded").put("error", e.getMessage())));
        Future<Long> runs = ClusterCounters.value(toolRuns);
        Future.all(cache, runs)
                .onSuccess(all -> json(ctx, 200, new JsonObject()
                        .put("status", "ok".equals(cache.result().getString("status")) ? "ready" : "degraded")
                        .put("node", config.nodeName())
                        .put("planner", planner)
                        .put("auth", config.auth().required() ? "required" : "none")
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

    /** The tenant's files; with {@code ?project=}, those of that project (404 {@code project_not_found} for another id). */
    private void files(RoutingContext ctx) {
        String project = ctx.request().getParam("project");
        if (project == null) {
            forward(bus, ctx, Address.FILES_LIST, new JsonObject(), BusTimeouts.STORE, 200);
            return;
        }
        bus.request(Address.PROJECTS_GET, new JsonObject().put("project_id", project),
                        RequestIdHeader.on(TenantHeader.on(BusTimeouts.STORE, tenant(ctx)), RequestId.of(ctx)))
                .onSuccess(found -> forward(bus, ctx, Address.FILES_LIST, new JsonObject().put("project", project), BusTimeouts.STORE, 200))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private static JsonObject fileRequest(RoutingContext ctx) {
        return new JsonObject().put("file_id", ctx.pathParam("fileId"));
    }

    private static JsonObject questionRequest(RoutingContext ctx) {
        return new JsonObject().put("question_id", ctx.pathParam("questionId"));
    }

    // ---- /ask -------------------------------------------------------------------------------------------

    private void ask(RoutingContext ctx) {
        reply(ctx, asks.askChecked(tenant(ctx), RequestId.of(ctx), jsonBody(ctx), null));
    }

    private static void reply(RoutingContext ctx, Future<Asks.Reply> reply) {
        reply.onSuccess(r -> json(ctx, r.status(), r.body())).onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** Runs a recorded question again with its recorded plan (see {@link Asks#rerun}). */
    private void rerun(RoutingContext ctx) {
        String tenant = tenant(ctx);
        reply(ctx, bus.<JsonObject>request(Address.HISTORY_QUESTION, questionRequest(ctx), TenantHeader.on(BusTimeouts.STORE, tenant))
                .compose(record -> asks.rerun(tenant, RequestId.of(ctx), record.body())));
    }

    private void question(RoutingContext ctx) {
        String tenant = tenant(ctx);
        bus.<JsonObject>request(Address.HISTORY_QUESTION, questionRequest(ctx), TenantHeader.on(BusTimeouts.STORE, tenant))
                .onSuccess(reply -> json(ctx, 200, links.signed(reply.body().encode(), tenant)))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void job(RoutingContext ctx) {
        String tenant = tenant(ctx);
        bus.<JsonObject>request(Address.JOBS_GET, new JobQuery(ctx.pathParam("jobId")).toJson(), TenantHeader.on(BusTimeouts.STORE, tenant))
                .onSuccess(reply -> json(ctx, 200, links.signed(reply.body().encode(), tenant)))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /**
     * The profile page: HTML that fetches nothing, and a Content-Security-Policy that lets it fetch nothing even
     * if a value in it looked like a link.
     */
    private void profilePage(RoutingContext ctx) {
        bus.<JsonObject>request(Address.FILES_PROFILE_PAGE, fileRequest(ctx),
                        RequestIdHeader.on(TenantHeader.on(BusTimeouts.TOOL, tenant(ctx)), RequestId.of(ctx)))
                .onSuccess(reply -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                        .end(reply.body().getString("html")))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** Questions to suggest for a file: its manifest's schema, read by the planner (see FileSuggestions). */
    private void suggestions(RoutingContext ctx) {
        String fileId = ctx.pathParam("fileId");
        bus.<JsonObject>request(Address.FILES_GET, fileRequest(ctx),
                        RequestIdHeader.on(TenantHeader.on(BusTimeouts.STORE, tenant(ctx)), RequestId.of(ctx)))
                .compose(manifest -> bus.<JsonObject>request(Address.PLANNER_SUGGEST, new JsonObject()
                        .put("schema", manifest.body().getJsonObject("schema"))
                        .put("limit", intParam(ctx, "limit", 6)), BusTimeouts.PLAN))
                .onSuccess(reply -> json(ctx, 200, new JsonObject().put("file_id", fileId)
                        .put("questions", reply.body().getJsonArray("questions"))))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    // ---- artifacts -----------------------------------------------------------------------------------------

    /** An answer's artifact, to its tenant or to the holder of a signed link (see {@link ArtifactLinks#refusal}). */
    private void artifact(RoutingContext ctx) {
        String key = ctx.pathParam("*");
        var principal = AuthHandler.principal(ctx);
        if (principal != null && !principal.can(Scope.READ)) {
            error(ctx, new BusError(403, "insufficient_scope", "this credential lacks the 'read' scope", null));
            return;
        }
        BusError refusal = links.refusal(key, principal, ctx.request().getParam("exp"), ctx.request().getParam("sig"));
        if (refusal != null) {
            error(ctx, refusal);
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
