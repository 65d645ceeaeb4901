package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.secrets.SecretStore;
import datasense.verticles.store.ObjectStore;
import datasense.verticles.store.ProjectIds;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * Database sources and the secrets they sign in with (README, Sources): a project's secrets are put, listed (names
 * and dates only) and deleted here, sealed by {@link SecretStore}; {@code POST /sources/postgres} imports a snapshot
 * of tables or one query as files ({@code ds.ingest.postgres}, where the files role opens the secret), and
 * {@code POST /files/{id}/refresh} imports a file's recorded source again under the same name, so it becomes the
 * file's new version and its boards follow it as after any re-upload (the same listener as uploads).
 */
final class SourceRoutes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EventBus bus;
    private final ObjectStore store;
    private final SecretStore secrets;
    private final UploadRoutes uploads;
    private final BiFunction<String, JsonObject, Future<Void>> ingested;

    /** @param ingested what runs after every upload's ingest (boards carried to a re-upload, the generated board) */
    SourceRoutes(EventBus bus, ObjectStore store, SecretStore secrets, UploadRoutes uploads,
                 BiFunction<String, JsonObject, Future<Void>> ingested) {
        this.bus = bus;
        this.store = store;
        this.secrets = secrets;
        this.uploads = uploads;
        this.ingested = ingested;
    }

    void mount(Router router) {
        router.put("/projects/:project/secrets/:name").handler(require(Scope.ADMIN)).handler(this::putSecret);
        router.get("/projects/:project/secrets").handler(require(Scope.READ)).handler(this::listSecrets);
        router.delete("/projects/:project/secrets/:name").handler(require(Scope.ADMIN)).handler(this::deleteSecret);
        router.post("/sources/postgres").handler(require(Scope.UPLOAD)).handler(uploads::admit).handler(this::importPostgres);
        router.post("/files/:fileId/refresh").handler(require(Scope.UPLOAD)).handler(uploads::admit).handler(this::refresh);
    }

    // ---- secrets ----------------------------------------------------------------------------------------

    private void putSecret(RoutingContext ctx) {
        if (!secrets.configured()) {
            error(ctx, SecretStore.notConfigured());
            return;
        }
        String project = ctx.pathParam("project");
        String name = ctx.pathParam("name");
        String value = jsonBody(ctx).getString("value");
        String tenant = tenant(ctx);
        ProjectIds.requireExists(store, tenant, project)
                .compose(v -> secrets.put(tenant, project, name, value))
                .onSuccess(v -> {
                    Audit.record(bus, tenant, "secret.put", actor(ctx), new JsonObject().put("project", project).put("name", name));
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void listSecrets(RoutingContext ctx) {
        String tenant = tenant(ctx);
        String project = ctx.pathParam("project");
        ProjectIds.requireExists(store, tenant, project)
                .compose(v -> secrets.list(tenant, project))
                .onSuccess(list -> json(ctx, 200, list))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private void deleteSecret(RoutingContext ctx) {
        String tenant = tenant(ctx);
        String project = ctx.pathParam("project");
        String name = ctx.pathParam("name");
        ProjectIds.requireExists(store, tenant, project)
                .compose(v -> secrets.delete(tenant, project, name))
                .onSuccess(v -> {
                    Audit.record(bus, tenant, "secret.delete", actor(ctx), new JsonObject().put("project", project).put("name", name));
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    // ---- Postgres ---------------------------------------------------------------------------------------

    /** {url, password_secret, tables | query, name?, project?}: 201 with the (first) file's manifest and {@code files}. */
    private void importPostgres(RoutingContext ctx) {
        JsonObject request;
        try {
            request = postgresRequest(jsonBody(ctx));
        } catch (BusError e) {
            error(ctx, e);
            return;
        }
        if (!secrets.configured()) {
            error(ctx, SecretStore.notConfigured());
            return;
        }
        String tenant = tenant(ctx);
        ProjectIds.requireExists(store, tenant, request.getString("project"))
                .compose(v -> runImport(ctx, tenant, request, "source.import"))
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /**
     * A file with a recorded source, imported again as a new upload of the same name: 201 with the new file's
     * manifest (and {@code files} for every table of the source); 409 {@code not_refreshable} for a file without one.
     */
    private void refresh(RoutingContext ctx) {
        String tenant = tenant(ctx);
        String fileId = ctx.pathParam("fileId");
        bus.<JsonObject>request(Address.FILES_GET, new JsonObject().put("file_id", fileId), options(ctx, BusTimeouts.STORE))
                .map(Message::body)
                .compose(manifest -> {
                    JsonObject source = manifest.getJsonObject("source");
                    if (source == null || !"postgres".equals(source.getString("kind"))) {
                        return Future.failedFuture(new BusError(409, "not_refreshable", "file '" + fileId
                                + "' was uploaded, not imported from a database: there is nothing to import again",
                                "upload the file again under the same name to make a new version"));
                    }
                    JsonObject request = new JsonObject().put("url", source.getString("url"))
                            .put("password_secret", source.getString("password_secret"))
                            .put("name", source.getString("name"))
                            .put("project", manifest.getString("project", Project.DEFAULT));
                    if (source.getString("query") != null) {
                        request.put("query", source.getString("query"));
                    } else {
                        request.put("tables", source.getJsonArray("tables", new JsonArray()));
                    }
                    return runImport(ctx, tenant, request, "source.refresh")
                            .map(created -> created.copy().put("refreshed_from", fileId));
                })
                .onSuccess(manifest -> json(ctx, 201, manifest))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** Imports on the files role under a new file id, then runs the upload listener; the reply. */
    private Future<JsonObject> runImport(RoutingContext ctx, String tenant, JsonObject request, String action) {
        String fileId = newFileId();
        return bus.<JsonObject>request(Address.INGEST_POSTGRES, request.copy().put("file_id", fileId), options(ctx, BusTimeouts.INGEST))
                .map(Message::body)
                .onComplete(done -> uploads.storedBytesChanged(tenant))
                .onSuccess(manifest -> Audit.record(bus, tenant, action, actor(ctx), new JsonObject().put("file_id", fileId)
                        .put("project", request.getString("project")).put("url", request.getString("url"))
                        .put("tables", request.getJsonArray("tables")).put("query", request.getString("query"))
                        .put("password_secret", request.getString("password_secret"))))
                .compose(manifest -> ingested.apply(tenant, manifest).map(manifest));
    }

    /**
     * The bus request of a POST /sources/postgres body whose shape the document's schema checked (a secret's name,
     * either a list of table names or one query): its url must be postgresql:// with a user and no password; the name
     * defaults to the database's.
     */
    static JsonObject postgresRequest(JsonObject body) {
        String url = body.getString("url").strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw sourceRefused("url is not a URL");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
            throw sourceRefused("url must be postgresql://user@host:port/db");
        }
        if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
            throw sourceRefused("url names no user: give postgresql://user@host:port/db");
        }
        if (uri.getRawUserInfo().contains(":")) {
            // never quote the URL: it holds a password
            throw BusError.badRequest("password_in_url", "the url holds a password; DataSense does not take passwords in URLs",
                    "store the password as a project secret (PUT /projects/{project}/secrets/{name}) and name it in password_secret");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw sourceRefused("url must be postgresql://user@host:port/db, without parameters");
        }
        JsonObject request = new JsonObject().put("url", url).put("password_secret", body.getString("password_secret"));
        if (body.containsKey("tables")) {
            request.put("tables", body.getJsonArray("tables").copy());
        } else {
            request.put("query", body.getString("query"));
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String name = body.getString("name", "").isBlank() ? db : body.getString("name").strip();
        String project = body.getString("project", "").isBlank() ? Project.DEFAULT : body.getString("project");
        return request.put("name", name).put("project", project);
    }

    private static BusError sourceRefused(String message) {
        return BusError.badRequest("source_refused", message, "POST /sources/postgres {\"url\": \"postgresql://user@host:5432/db\","
                + " \"password_secret\": \"pg\", \"tables\": [\"public.orders\"]} or {..., \"query\": \"select ...\"}");
    }

    private static io.vertx.core.eventbus.DeliveryOptions options(RoutingContext ctx, io.vertx.core.eventbus.DeliveryOptions timeout) {
        return RequestIdHeader.on(TenantHeader.on(timeout, tenant(ctx)), RequestId.of(ctx));
    }

    private static String actor(RoutingContext ctx) {
        return AuthHandler.principal(ctx) == null ? null : AuthHandler.principal(ctx).subject();
    }

    private static String newFileId() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "f_" + HexFormat.of().formatHex(random);
    }
}
