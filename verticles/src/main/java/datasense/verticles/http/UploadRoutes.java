package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.NodeConfig;
import datasense.tools.ingest.SourceFormat;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.Optional;

/**
 * The upload routes of the HTTP verticle: one-step uploads (raw or multipart, streamed to a staging file
 * within the size limit), and the two-step presigned flow, to this node (HMAC-signed, single-use URL) or,
 * with S3, straight to the bucket followed by {@code POST /files/{id}/complete}. Every upload ends in
 * {@code ds.ingest.file}, with its name and content type (which, with its first bytes, decide its format) and,
 * for a CSV, the line of its header when the client names it ({@code header_row}).
 */
final class UploadRoutes {

    private static final String PENDING_UPLOADS = "ds.uploads.pending";
    /** Where a one-step upload's project (checked before its body is read) waits on the request. */
    private static final String PROJECT = "datasense.project";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final EventBus bus;
    private final NodeConfig config;
    private final ObjectStore store;
    private final PresignedUrls presigned;
    private final UploadLimits limits;
    private java.util.function.BiFunction<String, JsonObject, Future<Void>> ingested = (tenant, manifest) -> Future.succeededFuture();

    UploadRoutes(Vertx vertx, NodeConfig config, ObjectStore store) {
        this.vertx = vertx;
        this.bus = vertx.eventBus();
        this.config = config;
        this.store = store;
        this.presigned = new PresignedUrls(config.signingKey());
        this.limits = new UploadLimits(store, config.tenantMaxConcurrentUploads(), config.tenantMaxStoredBytes());
    }

    /** The tenant's stored bytes changed other than by an upload here (a file deleted): its count is taken again. */
    void storedBytesChanged(String tenant) {
        limits.changed(tenant);
    }

    /** A route handler admitting an upload by the request's principal within the tenant's upload limits (a database import too). */
    void admit(RoutingContext ctx) {
        limits.admitPrincipal(ctx);
    }

    void mount(Router router) {
        router.post("/upload").handler(require(Scope.UPLOAD)).handler(limits::admitPrincipal).handler(this::presign);
        // the signed URL is the credential: no Authorization header needed (AuthHandler.OPEN)
        router.put("/uploads/:tenant/:fileId").handler(this::presignedPut);
        // the scope is checked on a route of its own, before the multipart body is received
        router.post("/files").handler(require(Scope.UPLOAD)).handler(limits::admitPrincipal).handler(this::chooseProject);
        router.post("/files").consumes("multipart/form-data")
                .handler(BodyHandler.create(store.stagingDir().toString()).setBodyLimit(config.maxUploadBytes()).setDeleteUploadedFilesOnEnd(true))
                .handler(this::multipartUpload);
        router.post("/files").handler(this::rawUpload);
        router.post("/files/:fileId/complete").handler(require(Scope.UPLOAD)).handler(this::complete);
    }

    /** Step one of the presigned flow: a signed, single-use URL on this node to PUT the bytes to. */
    private void presign(RoutingContext ctx) {
        JsonObject body = jsonBody(ctx);
        String fileName = body.getString("file_name").trim();
        String contentType = body.getString("content_type", "text/csv").trim();
        if (!SourceFormat.acceptable(fileName, contentType)) {
            error(ctx, unsupported(fileName, contentType));
            return;
        }
        Long headerRow = headerRow(ctx, body.getValue("header_row"));
        if (headerRow == null) {
            return;
        }
        String tenant = AuthHandler.tenant(ctx, body, config.auth().required());
        if (tenant == null) {
            return;
        }
        Object asked = ctx.request().getParam("project") != null ? ctx.request().getParam("project") : body.getValue("project");
        project(ctx, tenant, asked)
                .onSuccess(project -> presign(ctx, tenant, fileName, contentType, headerRow, project))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void presign(RoutingContext ctx, String tenant, String fileName, String contentType, long headerRow, String project) {
        String fileId = newFileId();
        long expires = Instant.now().getEpochSecond() + config.presignedUrlTtlSeconds();
        // With S3 the client PUTs straight to the bucket and then calls complete; else to this node, which ingests.
        Optional<URI> direct = store.presignPut(Keys.csv(tenant, fileId), contentType, Duration.ofSeconds(config.presignedUrlTtlSeconds()));
        String url = direct.map(URI::toString).orElseGet(() -> {
            PresignedUrls.Grant grant = new PresignedUrls.Grant(tenant, fileId, fileName, contentType, config.maxUploadBytes(), expires);
            return baseUrl(ctx) + "/uploads/" + tenant + "/" + fileId
                    + "?name=" + enc(fileName) + "&ct=" + enc(contentType) + "&max=" + config.maxUploadBytes()
                    + "&expires=" + expires + "&sig=" + presigned.sign(grant);
        });
        JsonObject pending = new JsonObject().put("tenant", tenant).put("by", actor(ctx)).put("name", fileName).put("direct", direct.isPresent())
                .put("content_type", contentType).put("header_row", headerRow).put("project", project);
        JsonObject reply = new JsonObject()
                .put("file_id", fileId)
                .put("presigned_url", url)
                .put("s3_key", Keys.csv(tenant, fileId))
                .put("project", project == null ? Project.DEFAULT : project)
                .put("method", "PUT")
                .put("headers", new JsonObject().put("Content-Type", contentType))
                .put("max_bytes", config.maxUploadBytes())
                .put("expires_at", Instant.ofEpochSecond(expires).toString());
        if (direct.isPresent()) {
            reply.put("complete_url", "/files/" + fileId + "/complete");
        }
        pendingUploads()
                .compose(map -> map.put(fileId, pending, config.presignedUrlTtlSeconds() * 1000L))
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
        return bus.<JsonObject>request(Address.FILES_GET, new JsonObject().put("file_id", fileId), TenantHeader.on(BusTimeouts.STORE, tenant))
                .map(Message::body);
    }

    /**
     * Ingests a direct upload the node has not seen yet; true when it did, false when no direct upload of this
     * tenant is pending under that id. The pending record is removed before ingesting, so of two callers only
     * one ingests; the other then finds the manifest (or the ingest's error).
     */
    Future<Boolean> completePending(String tenant, String fileId) {
        if (!store.takesDirectUploads() || !Keys.safeId(fileId)) {
            return Future.succeededFuture(false); // uploads to this node are ingested as they arrive
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
                        // the bytes are in the bucket already: past the tenant's stored bytes they go, as an oversized object does
                        Future<Void> room = limits.requireRoomWithUploaded(tenant)
                                .recover(full -> map.remove(fileId).compose(v -> store.deletePrefix(key)).compose(v -> Future.failedFuture(full)));
                        return room.compose(ok -> map.remove(fileId)).compose(removed -> removed == null ? Future.succeededFuture(false)
                                : ingest(tenant, pending.getString("by"), fileId, pending.getString("name"), pending.getString("content_type"),
                                        pending.getLong("header_row", 0L), pending.getString("project")).map(true));
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
        if (!Keys.safeTenant(tenant) || !Keys.safeId(fileId) || !presigned.verify(grant, req.getParam("sig"))) {
            error(ctx, new BusError(403, "bad_signature", "the upload URL's signature does not match", "use the presigned_url exactly as POST /upload returned it"));
            return;
        }
        if (Instant.now().getEpochSecond() > expires) {
            error(ctx, new BusError(403, "expired", "the upload URL expired at " + Instant.ofEpochSecond(expires), "ask POST /upload for a new one"));
            return;
        }
        if (!grant.contentType().isEmpty() && !sameMediaType(req.getHeader(HttpHeaders.CONTENT_TYPE), grant.contentType())) {
            error(ctx, new BusError(403, "content_type_mismatch", "the upload URL was signed for Content-Type " + grant.contentType()
                    + ", and this PUT sent " + req.getHeader(HttpHeaders.CONTENT_TYPE), "send the headers POST /upload returned with the URL"));
            return;
        }
        if (!contentLengthWithin(ctx, max)) {
            return;
        }
        req.pause();
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        limits.admit(ctx, tenant, length == null ? -1 : Long.parseLong(length)).onSuccess(admitted -> {
            if (admitted) {
                receivePresigned(ctx, grant, expires, max);
            } else {
                req.resume();
            }
        });
    }

    private void receivePresigned(RoutingContext ctx, PresignedUrls.Grant grant, long expires, long max) {
        HttpServerRequest req = ctx.request();
        String tenant = grant.tenant();
        String fileId = grant.fileId();
        // remove() is atomic: of two PUTs racing on one URL, only one gets the pending record.
        pendingUploads().compose(map -> map.remove(fileId)).onComplete(pending -> {
            if (pending.failed() || pending.result() == null) {
                req.resume();
                error(ctx, new BusError(409, "already_used", "this upload URL was already used or never issued", "ask POST /upload for a new one"));
                return;
            }
            JsonObject record = pending.result();
            receiveAndIngest(ctx, tenant, record.getString("by"), fileId, grant.fileName(), grant.contentType(), record.getLong("header_row", 0L),
                    record.getString("project"), max)
                    .onSuccess(manifest -> json(ctx, 200, manifest))
                    .onFailure(e -> {
                        BusError refused = BusError.from(e);
                        // a body refused for itself (too large, empty, unreadable) leaves the URL usable until it expires
                        Future<Void> kept = refused.status() >= 400 && refused.status() < 500
                                ? pendingUploads().compose(map -> map.put(fileId, record, Math.max(1, expires - Instant.now().getEpochSecond()) * 1000))
                                : Future.succeededFuture();
                        kept.onComplete(v -> error(ctx, refused));
                    });
        });
    }

    /** One-step upload: the raw file is the body. */
    private void rawUpload(RoutingContext ctx) {
        String name = ctx.request().getParam("name", "data.csv");
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (!SourceFormat.acceptable(name, type)) {
            error(ctx, unsupported(name, type));
            return;
        }
        Long headerRow = headerRow(ctx, ctx.request().getParam("header_row"));
        if (headerRow == null) {
            return;
        }
        String tenant = tenant(ctx);
        if (!contentLengthWithin(ctx, config.maxUploadBytes())) {
            return;
        }
        receiveAndIngest(ctx, tenant, actor(ctx), newFileId(), name, type, headerRow, ctx.get(PROJECT), config.maxUploadBytes())
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** One-step upload as multipart/form-data: the first file part is the CSV. */
    private void multipartUpload(RoutingContext ctx) {
        if (ctx.fileUploads().isEmpty()) {
            error(ctx, BusError.badRequest("bad_request", "the multipart body has no file part", "curl -F file=@orders.csv http://localhost:8080/files"));
            return;
        }
        FileUpload upload = ctx.fileUploads().get(0);
        String name = ctx.request().getParam("name", upload.fileName());
        if (!SourceFormat.acceptable(name, upload.contentType())) {
            error(ctx, unsupported(name, upload.contentType()));
            return;
        }
        String headerParam = ctx.request().getParam("header_row");
        Long headerRow = headerRow(ctx, headerParam != null ? headerParam : ctx.request().getFormAttribute("header_row"));
        if (headerRow == null) {
            return;
        }
        String tenant = tenant(ctx);
        String fileId = newFileId();
        store.putFile(Keys.csv(tenant, fileId), Path.of(upload.uploadedFileName()))
                .compose(v -> ingest(tenant, actor(ctx), fileId, name, upload.contentType(), headerRow, ctx.get(PROJECT)))
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** Streams the body to a staging file (bounded), moves it into the store, then asks ingest to register it; the manifest. */
    private Future<JsonObject> receiveAndIngest(RoutingContext ctx, String tenant, String actor, String fileId, String name,
                                                String contentType, long headerRow, String project, long maxBytes) {
        Path staging = store.stagingDir().resolve(fileId + ".upload");
        HttpServerRequest req = ctx.request();
        req.pause(); // hold the body until the staging file is open; pipeTo resumes it
        return vertx.fileSystem().open(staging.toString(), new OpenOptions().setCreate(true).setTruncateExisting(true))
                .compose(file -> {
                    SizeLimitedStream limited = new SizeLimitedStream(file, maxBytes);
                    // pipeTo ends (and so closes) the file on success; on failure it is closed here
                    // a chunked body has no length to refuse up front: past the limit the pipe fails (and may have
                    // closed the file already); the client is told it was too large, not what broke on the way
                    return req.pipeTo(limited).transform(piped -> piped.succeeded()
                            ? Future.succeededFuture(limited.written())
                            : closeQuietly(file).transform(closed -> Future.<Long>failedFuture(limited.overflowed()
                                    ? new SizeLimitedStream.TooLargeException(maxBytes) : piped.cause())));
                })
                .compose(bytes -> bytes == 0
                        ? Future.failedFuture(BusError.badRequest("empty_file", "the upload is empty", "send the file's bytes as the request body"))
                        : store.putFile(Keys.csv(tenant, fileId), staging))
                .compose(v -> ingest(tenant, actor, fileId, name, contentType, headerRow, project))
                .recover(e -> {
                    vertx.fileSystem().delete(staging.toString()).otherwise((Void) null);
                    return Future.failedFuture(e instanceof SizeLimitedStream.TooLargeException ? tooLarge() : BusError.from(e));
                });
    }

    /** Closes {@code file} unless the pipe already did (then {@code close} throws rather than fails). */
    private static Future<Void> closeQuietly(AsyncFile file) {
        try {
            return file.close().otherwiseEmpty();
        } catch (IllegalStateException alreadyClosed) {
            return Future.succeededFuture();
        }
    }

    /** Who sent an upload: the principal's subject (a presigned upload is the one who asked for its URL). */
    private static String actor(RoutingContext ctx) {
        return AuthHandler.principal(ctx) == null ? null : AuthHandler.principal(ctx).subject();
    }

    private Future<JsonObject> ingest(String tenant, String actor, String fileId, String name, String contentType, long headerRow,
                                      String project) {
        JsonObject request = new JsonObject().put("file_id", fileId).put("name", name).put("content_type", contentType);
        if (project != null) {
            request.put("project", project);
        }
        if (headerRow > 0) {
            request.put("header_row", headerRow);
        }
        return bus.<JsonObject>request(Address.INGEST_FILE, request, TenantHeader.on(BusTimeouts.INGEST, tenant))
                .map(Message::body)
                .onComplete(done -> limits.changed(tenant))
                .onSuccess(manifest -> Audit.record(bus, tenant, "file.upload", actor, new JsonObject().put("file_id", fileId)
                        .put("name", name).put("rows", manifest.getValue("rows")).put("format", manifest.getValue("format"))
                        .put("project", manifest.getValue("project"))))
                .compose(manifest -> ingested.apply(tenant, manifest).map(manifest));
    }

    /**
     * Called with the tenant and the manifest of every upload ingested here; the upload's reply waits for the future
     * it returns (which must not fail).
     */
    void onIngested(java.util.function.BiFunction<String, JsonObject, Future<Void>> listener) {
        this.ingested = listener;
    }

    /**
     * Before a one-step upload's body is read: the project named by {@code ?project=}, checked to be the tenant's
     * ({@code ds.projects.get}; 404 {@code project_not_found} otherwise) and kept on the request for the upload routes.
     */
    private void chooseProject(RoutingContext ctx) {
        // the body waits while the project is looked up (as UploadLimits holds it while counting)
        boolean hold = !ctx.request().isEnded();
        if (hold) {
            ctx.request().pause();
        }
        project(ctx, tenant(ctx), ctx.request().getParam("project"))
                .onSuccess(project -> {
                    if (project != null) {
                        ctx.put(PROJECT, project);
                    }
                    if (hold) {
                        ctx.request().resume();
                    }
                    ctx.next();
                })
                .onFailure(e -> {
                    if (hold) {
                        ctx.request().resume();
                    }
                    error(ctx, BusError.from(e));
                });
    }

    /** The project an upload asked for, once the tenant's project is found: null when it named none (the default project). */
    private Future<String> project(RoutingContext ctx, String tenant, Object asked) {
        if (asked == null || asked instanceof String s && s.isEmpty()) {
            return Future.succeededFuture(null);
        }
        return bus.<JsonObject>request(Address.PROJECTS_GET, new JsonObject().put("project_id", asked),
                        RequestIdHeader.on(TenantHeader.on(BusTimeouts.STORE, tenant), RequestId.of(ctx)))
                .map(reply -> reply.body().getString("project_id"));
    }

    /**
     * The CSV header line a client named (a positive whole number, as text or JSON), 0 when it named none, or
     * null after answering 400.
     */
    private static Long headerRow(RoutingContext ctx, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return 0L;
        }
        try {
            long row = value instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue()
                    : Long.parseLong(value.toString().trim());
            if (row >= 1 && row <= 1_000_000) {
                return row;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        error(ctx, BusError.badRequest("bad_request", "header_row must be a line number from 1 to 1000000, not '" + value + "'",
                "name the line that holds the column names, counting from 1 (blank lines included)"));
        return null;
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

    /** The same media type, parameters (charset, boundary) aside and in any case. */
    private static boolean sameMediaType(String sent, String signed) {
        return sent != null && mediaType(sent).equals(mediaType(signed));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private Future<AsyncMap<String, JsonObject>> pendingUploads() {
        return vertx.sharedData().getAsyncMap(PENDING_UPLOADS);
    }

    private BusError unsupported(String fileName, String contentType) {
        return new BusError(415, "unsupported_type", "'" + fileName + "' (" + (contentType == null ? "no content type" : contentType)
                + ") is not a file type DataSense reads", "accepted: " + SourceFormat.ACCEPTED);
    }

    BusError tooLarge() {
        return new BusError(413, "too_large", "the upload is larger than " + config.maxUploadBytes() + " bytes",
                "split the file, or raise DATASENSE_MAX_UPLOAD_BYTES");
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
}
