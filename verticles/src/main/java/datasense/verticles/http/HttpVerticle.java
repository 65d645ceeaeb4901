package datasense.verticles.http;

import datasense.NodeConfig;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The HTTP API (see README.md): uploads, the file catalog, /ask, jobs and artifacts. It holds no state of
 * its own: every request becomes event-bus requests, large bodies are streamed into the object store and
 * only their keys travel. Failures become JSON {error, message, hint} with the status the failing consumer chose.
 */
public final class HttpVerticle extends VerticleBase {

    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/octet-stream", "application/gzip", "application/x-gzip", "text/tab-separated-values",
            "application/vnd.ms-excel");
    private static final String PENDING_UPLOADS = "ds.uploads.pending";
    private static final long PRESIGN_SECONDS = 900;
    /** How often a waiting synchronous /ask looks at its job, in case an event was lost. */
    private static final long JOB_POLL_MS = 2_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NodeConfig config;
    private final ObjectStore store;
    private final PresignedUrls presigned;
    private final String planner;
    private EventBus bus;

    public HttpVerticle(NodeConfig config, ObjectStore store) {
        this.config = config;
        this.store = store;
        this.presigned = new PresignedUrls(config.signingKey());
        this.planner = config.llmEnabled() ? "llm" : "offline";
    }

    @Override
    public Future<?> start() {
        bus = vertx.eventBus();
        Router router = Router.router(vertx);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(1 << 20);
        router.get("/health").handler(this::health);
        router.post("/upload").handler(json).handler(this::presign);
        router.put("/uploads/:tenant/:fileId").handler(this::presignedPut);
        router.post("/files").consumes("multipart/form-data")
                .handler(BodyHandler.create(store.stagingDir().toString()).setBodyLimit(config.maxUploadBytes()).setDeleteUploadedFilesOnEnd(true))
                .handler(this::multipartUpload);
        router.post("/files").handler(this::rawUpload);
        router.get("/files").handler(ctx -> forward(ctx, Address.FILES_LIST, new JsonObject().put("tenant", tenant(ctx)), BusTimeouts.STORE, 200));
        router.get("/files/:fileId").handler(ctx -> forward(ctx, Address.FILES_GET, fileRequest(ctx), BusTimeouts.STORE, 200));
        router.post("/files/:fileId/complete").handler(this::complete);
        router.get("/files/:fileId/preview").handler(ctx -> forward(ctx, Address.FILES_PREVIEW,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 20)), BusTimeouts.TOOL, 200));
        router.delete("/files/:fileId").handler(ctx -> forward(ctx, Address.FILES_DELETE, fileRequest(ctx), BusTimeouts.STORE, 200));
        router.get("/files/:fileId/questions").handler(ctx -> forward(ctx, Address.HISTORY_QUESTIONS,
                fileRequest(ctx).put("limit", intParam(ctx, "limit", 100)), BusTimeouts.STORE, 200));
        router.post("/ask").handler(json).handler(this::ask);
        router.get("/conversations/:conversationId").handler(ctx -> forward(ctx, Address.HISTORY_CONVERSATION,
                new JsonObject().put("tenant", tenant(ctx)).put("conversation_id", ctx.pathParam("conversationId")), BusTimeouts.STORE, 200));
        router.get("/questions/:questionId").handler(ctx -> forward(ctx, Address.HISTORY_QUESTION, questionRequest(ctx), BusTimeouts.STORE, 200));
        router.delete("/questions/:questionId").handler(ctx -> forward(ctx, Address.HISTORY_DELETE, questionRequest(ctx), BusTimeouts.STORE, 200));
        router.post("/questions/:questionId/rerun").handler(this::rerun);
        router.get("/jobs/:jobId").handler(ctx -> forward(ctx, Address.JOBS_GET,
                new JsonObject().put("tenant", tenant(ctx)).put("job_id", ctx.pathParam("jobId"))
                        .put("tenant_explicit", ctx.request().getParam("user_id") != null), BusTimeouts.STORE, 200));
        router.get("/artifacts/*").handler(this::artifact);
        router.route().last().handler(ctx -> error(ctx, new BusError(404, "not_found",
                "no route " + ctx.request().method() + " " + ctx.request().path(), "see README.md for the API")));
        router.errorHandler(405, ctx -> error(ctx, new BusError(405, "method_not_allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path(), null)));
        router.errorHandler(413, ctx -> error(ctx, tooLarge()));
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
        completePending(tenant, job.getString("file_id"))
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
                .onSuccess(record -> forward(ctx, Address.AGENT_RUN,
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

    // ---- uploads ----------------------------------------------------------------------------------------

    /** Step one of the presigned flow: a signed, single-use URL on this node to PUT the bytes to. */
    private void presign(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        if (body == null) {
            return;
        }
        String fileName = body.getValue("file_name") instanceof String s ? s.trim() : "";
        String contentType = body.getValue("content_type") instanceof String s ? s.trim() : "text/csv";
        if (fileName.isEmpty()) {
            error(ctx, BusError.badRequest("bad_request", "file_name is required",
                    "POST /upload {\"file_name\": \"orders.csv\", \"content_type\": \"text/csv\"}"));
            return;
        }
        if (!supported(fileName, contentType)) {
            error(ctx, unsupported(fileName, contentType));
            return;
        }
        String tenant = tenant(ctx, body);
        if (tenant == null) {
            return;
        }
        String fileId = newFileId();
        long expires = Instant.now().getEpochSecond() + PRESIGN_SECONDS;
        // With S3 the client PUTs straight to the bucket and then calls complete; else to this node, which ingests.
        Optional<URI> direct = store.presignPut(Keys.csv(tenant, fileId), contentType, Duration.ofSeconds(PRESIGN_SECONDS));
        String url = direct.map(URI::toString).orElseGet(() -> {
            PresignedUrls.Grant grant = new PresignedUrls.Grant(tenant, fileId, fileName, contentType, config.maxUploadBytes(), expires);
            return baseUrl(ctx) + "/uploads/" + tenant + "/" + fileId
                    + "?name=" + enc(fileName) + "&ct=" + enc(contentType) + "&max=" + config.maxUploadBytes()
                    + "&expires=" + expires + "&sig=" + presigned.sign(grant);
        });
        JsonObject pending = new JsonObject().put("tenant", tenant).put("name", fileName).put("direct", direct.isPresent());
        JsonObject reply = new JsonObject()
                .put("file_id", fileId)
                .put("presigned_url", url)
                .put("s3_key", Keys.csv(tenant, fileId))
                .put("method", "PUT")
                .put("headers", new JsonObject().put("Content-Type", contentType))
                .put("max_bytes", config.maxUploadBytes())
                .put("expires_at", Instant.ofEpochSecond(expires).toString());
        if (direct.isPresent()) {
            reply.put("complete_url", "/files/" + fileId + "/complete");
        }
        pendingUploads()
                .compose(map -> map.put(fileId, pending, PRESIGN_SECONDS * 1000))
                .onSuccess(v -> json(ctx, 200, reply))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /**
     * After a direct PUT to S3: checks the object exists and is within the size limit (S3 cannot bind the length
     * of a presigned PUT, so it is enforced here; an oversized object is deleted), then ingests it. Completing a
     * file that is already registered answers its manifest, so a retried call is harmless.
     */
    private void complete(RoutingContext ctx) {
        String tenant = tenant(ctx);
        if (tenant == null) {
            return;
        }
        String fileId = ctx.pathParam("fileId");
        completePending(tenant, fileId)
                .compose(done -> done ? forwardManifest(tenant, fileId)
                        : forwardManifest(tenant, fileId).recover(e -> Future.failedFuture(BusError.from(e).status() == 404
                                ? BusError.notFound("pending upload", fileId, "ask POST /upload for a presigned URL, PUT the file, then complete it")
                                : e)))
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private Future<JsonObject> forwardManifest(String tenant, String fileId) {
        return bus.<JsonObject>request(Address.FILES_GET, new JsonObject().put("tenant", tenant).put("file_id", fileId), BusTimeouts.STORE)
                .map(Message::body);
    }

    /**
     * Ingests a direct upload the node has not seen yet; true when it did, false when no direct upload of this
     * tenant is pending under that id. The pending record is removed before ingesting, so of two callers only
     * one ingests; the other then finds the manifest (or the ingest's error).
     */
    private Future<Boolean> completePending(String tenant, String fileId) {
        if (!Keys.safeId(fileId)) {
            return Future.succeededFuture(false);
        }
        String key = Keys.csv(tenant, fileId);
        return pendingUploads().compose(map -> map.get(fileId).compose(pending -> {
            if (pending == null || !pending.getBoolean("direct", false) || !tenant.equals(pending.getString("tenant"))) {
                return Future.succeededFuture(false);
            }
            return store.size(key)
                    .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                            ? new BusError(409, "not_uploaded", "nothing was uploaded for " + fileId + " yet",
                                    "PUT the file to the presigned_url first, then complete it")
                            : e))
                    .compose(size -> {
                        if (size > config.maxUploadBytes()) {
                            return map.remove(fileId).compose(v -> store.deletePrefix(key))
                                    .compose(v -> Future.failedFuture(tooLarge()));
                        }
                        if (size == 0) {
                            return Future.failedFuture(BusError.badRequest("empty_file", "the upload is empty", "PUT the CSV's bytes to the presigned_url"));
                        }
                        return map.remove(fileId).compose(removed -> removed == null ? Future.succeededFuture(false)
                                : ingest(tenant, fileId, pending.getString("name")).map(true));
                    });
        }));
    }

    /** Step two: the client PUTs the bytes; the URL must be signed, unexpired, unused and within its size. */
    private void presignedPut(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String tenant = ctx.pathParam("tenant");
        String fileId = ctx.pathParam("fileId");
        long max;
        long expires;
        try {
            max = Long.parseLong(req.getParam("max", ""));
            expires = Long.parseLong(req.getParam("expires", ""));
        } catch (NumberFormatException e) {
            error(ctx, new BusError(403, "bad_signature", "the upload URL is incomplete", "use the presigned_url exactly as POST /upload returned it"));
            return;
        }
        PresignedUrls.Grant grant = new PresignedUrls.Grant(tenant, fileId, req.getParam("name", ""), req.getParam("ct", ""), max, expires);
        if (!Keys.safeId(tenant) || !Keys.safeId(fileId) || !presigned.verify(grant, req.getParam("sig"))) {
            error(ctx, new BusError(403, "bad_signature", "the upload URL's signature does not match", "use the presigned_url exactly as POST /upload returned it"));
            return;
        }
        if (Instant.now().getEpochSecond() > expires) {
            error(ctx, new BusError(403, "expired", "the upload URL expired at " + Instant.ofEpochSecond(expires), "ask POST /upload for a new one"));
            return;
        }
        if (!contentLengthWithin(ctx, max)) {
            return;
        }
        req.pause();
        // remove() is atomic: of two PUTs racing on one URL, only one gets the pending record.
        pendingUploads().compose(map -> map.remove(fileId)).onComplete(pending -> {
            if (pending.failed() || pending.result() == null) {
                req.resume();
                error(ctx, new BusError(409, "already_used", "this upload URL was already used or never issued", "ask POST /upload for a new one"));
                return;
            }
            receiveAndIngest(ctx, tenant, fileId, grant.fileName(), max, 200);
        });
    }

    /** One-step upload: the raw CSV is the body. */
    private void rawUpload(RoutingContext ctx) {
        String name = ctx.request().getParam("name", "data.csv");
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (!supported(name, type)) {
            error(ctx, unsupported(name, type));
            return;
        }
        String tenant = tenant(ctx);
        if (tenant == null || !contentLengthWithin(ctx, config.maxUploadBytes())) {
            return;
        }
        receiveAndIngest(ctx, tenant, newFileId(), name, config.maxUploadBytes(), 201);
    }

    /** One-step upload as multipart/form-data: the first file part is the CSV. */
    private void multipartUpload(RoutingContext ctx) {
        if (ctx.fileUploads().isEmpty()) {
            error(ctx, BusError.badRequest("bad_request", "the multipart body has no file part", "curl -F file=@orders.csv http://localhost:8080/files"));
            return;
        }
        FileUpload upload = ctx.fileUploads().get(0);
        String name = ctx.request().getParam("name", upload.fileName());
        if (!supported(name, upload.contentType())) {
            error(ctx, unsupported(name, upload.contentType()));
            return;
        }
        String tenant = tenant(ctx);
        if (tenant == null) {
            return;
        }
        String fileId = newFileId();
        store.putFile(Keys.csv(tenant, fileId), Path.of(upload.uploadedFileName()))
                .compose(v -> ingest(tenant, fileId, name))
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** Streams the body to a staging file (bounded), moves it into the store, then asks ingest to register it. */
    private void receiveAndIngest(RoutingContext ctx, String tenant, String fileId, String name, long maxBytes, int status) {
        Path staging = store.stagingDir().resolve(fileId + ".upload");
        HttpServerRequest req = ctx.request();
        req.pause(); // hold the body until the staging file is open; pipeTo resumes it
        vertx.fileSystem().open(staging.toString(), new OpenOptions().setCreate(true).setTruncateExisting(true))
                .compose(file -> {
                    SizeLimitedStream limited = new SizeLimitedStream(file, maxBytes);
                    // pipeTo ends (and so closes) the file on success; on failure it is closed here
                    return req.pipeTo(limited).transform(piped -> piped.succeeded()
                            ? Future.succeededFuture(limited.written())
                            : file.close().transform(closed -> Future.<Long>failedFuture(piped.cause())));
                })
                .compose(bytes -> bytes == 0
                        ? Future.failedFuture(BusError.badRequest("empty_file", "the upload is empty", "send the CSV's bytes as the request body"))
                        : store.putFile(Keys.csv(tenant, fileId), staging))
                .compose(v -> ingest(tenant, fileId, name))
                .onSuccess(manifest -> json(ctx, status, manifest))
                .onFailure(e -> {
                    vertx.fileSystem().delete(staging.toString()).otherwise((Void) null);
                    error(ctx, e instanceof SizeLimitedStream.TooLargeException ? tooLarge() : BusError.from(e));
                });
    }

    private Future<JsonObject> ingest(String tenant, String fileId, String name) {
        return bus.<JsonObject>request(Address.INGEST_FILE,
                        new JsonObject().put("tenant", tenant).put("file_id", fileId).put("name", name), BusTimeouts.INGEST)
                .map(Message::body);
    }

    private boolean contentLengthWithin(RoutingContext ctx, long max) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length) > max) {
                    error(ctx, tooLarge());
                    return false;
                }
            } catch (NumberFormatException e) {
                error(ctx, BusError.badRequest("bad_request", "Content-Length is not a number", null));
                return false;
            }
        }
        return true;
    }

    private Future<AsyncMap<String, JsonObject>> pendingUploads() {
        return vertx.sharedData().getAsyncMap(PENDING_UPLOADS);
    }

    private static boolean supported(String fileName, String contentType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean nameOk = name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")
                || name.endsWith(".csv.gz") || name.endsWith(".tsv.gz") || !name.contains(".");
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return nameOk && (type.isEmpty() || CSV_TYPES.contains(type));
    }

    private BusError unsupported(String fileName, String contentType) {
        return new BusError(415, "unsupported_type", "'" + fileName + "' (" + (contentType == null ? "no content type" : contentType)
                + ") is not a CSV file", "upload a .csv, .tsv or .csv.gz file as text/csv");
    }

    private BusError tooLarge() {
        return new BusError(413, "too_large", "the upload is larger than " + config.maxUploadBytes() + " bytes",
                "split the file, or raise DATASENSE_MAX_UPLOAD_BYTES");
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

    // ---- helpers -----------------------------------------------------------------------------------------

    private void forward(RoutingContext ctx, String address, JsonObject request, io.vertx.core.eventbus.DeliveryOptions timeout, int status) {
        if (request.getString("tenant") == null) {
            return; // tenant(ctx) already answered 400
        }
        bus.<JsonObject>request(address, request, timeout)
                .onSuccess(reply -> json(ctx, status, reply.body()))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private JsonObject fileRequest(RoutingContext ctx) {
        return new JsonObject().put("tenant", tenant(ctx)).put("file_id", ctx.pathParam("fileId"));
    }

    /** The tenant: the user_id query parameter, else "default"; null (after answering 400) when malformed. */
    private String tenant(RoutingContext ctx) {
        return checkTenant(ctx, ctx.request().getParam("user_id"));
    }

    /** The tenant of a JSON request: its user_id, else the query parameter, else "default". */
    private String tenant(RoutingContext ctx, JsonObject body) {
        Object userId = body.getValue("user_id");
        return checkTenant(ctx, userId instanceof String s ? s : ctx.request().getParam("user_id"));
    }

    private String checkTenant(RoutingContext ctx, String userId) {
        if (userId == null || userId.isBlank()) {
            return "default";
        }
        if (!Keys.safeId(userId)) {
            if (!ctx.response().ended()) {
                error(ctx, BusError.badRequest("bad_user_id", "user_id may hold only letters, digits, '_', '-' and '.' (at most 64)", null));
            }
            return null;
        }
        return userId;
    }

    private JsonObject jsonBody(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new DecodeException("empty body");
            }
            return body;
        } catch (DecodeException | ClassCastException e) {
            error(ctx, BusError.badRequest("bad_json", "the body is not a JSON object", "send a JSON object with Content-Type: application/json"));
            return null;
        }
    }

    private static int intParam(RoutingContext ctx, String name, int fallback) {
        try {
            return Integer.parseInt(ctx.request().getParam(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String newFileId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "f_" + HexFormat.of().formatHex(random);
    }

    private static String baseUrl(RoutingContext ctx) {
        String host = ctx.request().authority() == null ? "localhost" : ctx.request().authority().toString();
        return ctx.request().scheme() + "://" + host;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toBuffer());
        }
    }

    private static void error(RoutingContext ctx, BusError e) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(e.status())
                .setStatusMessage(HttpResponseStatus.valueOf(e.status()).reasonPhrase())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(e.body().toBuffer());
    }
}
