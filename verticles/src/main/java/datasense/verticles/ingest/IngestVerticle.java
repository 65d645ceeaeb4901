package datasense.verticles.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.agent.JoinableTable;
import datasense.tools.Dataset;
import datasense.verticles.metrics.ProductMetrics;
import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.Table;
import datasense.tools.ToolContext;
import datasense.tools.ToolException;
import datasense.tools.ToolRegistry;
import datasense.tools.ingest.FileIngestor;
import datasense.tools.ingest.IngestException;
import datasense.tools.ingest.IngestLimits;
import datasense.tools.ingest.IngestReport;
import datasense.tools.ingest.PostgresSnapshot;
import datasense.tools.profile.DriftWarning;
import datasense.tools.profile.JoinHints;
import datasense.tools.profile.ProfilePage;
import datasense.tools.profile.TableProfile;
import datasense.tools.sql.DuckDb;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Conversation;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.Replies;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.redis.Backoff;
import datasense.verticles.redis.RedisIndex;
import datasense.verticles.redis.RedisSettings;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import datasense.verticles.secrets.SecretBox;
import datasense.verticles.secrets.SecretStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files role: ingests uploads already in the object store (CSV, Parquet, JSON or NDJSON, gzip or not, to
 * typed Parquet plus a column profile, see {@link FileIngestor}) and snapshots of Postgres databases
 * ({@link PostgresSnapshot}), profiles each table ({@link Profiles}), registers them by writing their manifest last, and serves the file catalog (get, list, preview, profile, delete).
 * The catalog is read from the object store, the system of record, so any node can serve any file; with
 * Redis configured it is read through the Redis index first ({@link RedisIndex}), which is rebuilt from the
 * store on demand and answers misses at once while Redis is away.
 * Runs as a worker verticle: ingest and preview are blocking DuckDB work.
 */
public final class IngestVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);

    private final ObjectStore store;
    private final IngestLimits ingestLimits;
    private final Limits queryLimits;
    private final RedisSettings redis;
    private final ProductMetrics metrics;
    private final SecretStore secrets;
    /** How long one statement of a Postgres snapshot may run: under the ingest's bus timeout (300 s). */
    static final int SNAPSHOT_TIMEOUT_SECONDS = 240;
    /** The Redis index of files, or null without Redis. */
    private RedisIndex index;
    private Profiles profiles;
    private DriftReports drifts;

    /** A table ingested from an upload, and its profile. */
    private record Profiled(FileIngestor.Table table, TableProfile profile) {
    }

    /**
     * @param redis the Redis holding the file index, or null to read the object store alone
     * @param box   the box opening projects' secrets (database passwords), or null when no key is configured
     */
    public IngestVerticle(ObjectStore store, IngestLimits ingestLimits, Limits queryLimits, RedisSettings redis, ProductMetrics metrics,
                          SecretBox box) {
        this.secrets = new SecretStore(store, box);
        this.metrics = metrics;
        this.store = store;
        this.ingestLimits = ingestLimits;
        this.queryLimits = queryLimits;
        this.redis = redis;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        profiles = new Profiles(vertx, store, "2GB", 2);
        drifts = new DriftReports(vertx, store, "2GB", 2);
        if (redis != null) {
            index = new RedisIndex(vertx, redis.url(), Backoff.DEFAULT);
        }
        return Future.all(List.of(
                index == null ? Future.succeededFuture() : index.start(),
                bus.<JsonObject>consumer(Address.INGEST_FILE, m -> Replies.forTenant(m, this::ingest)).completion(),
                bus.<JsonObject>consumer(Address.INGEST_POSTGRES, m -> Replies.forTenant(m, this::ingestPostgres)).completion(),
                bus.<JsonObject>consumer(Address.FILES_GET, m -> Replies.forTenant(m, this::fileManifest)).completion(),
                bus.<JsonObject>consumer(Address.FILES_LIST, m -> Replies.forTenant(m, (tenant, body) -> list(tenant, body == null ? null : body.getString("project")))).completion(),
                bus.<JsonObject>consumer(Address.FILES_PREVIEW, m -> Replies.forTenant(m, this::preview)).completion(),
                bus.<JsonObject>consumer(Address.FILES_PROFILE, m -> Replies.forTenant(m, this::profile)).completion(),
                bus.<JsonObject>consumer(Address.FILES_PROFILE_PAGE, m -> Replies.forTenant(m, this::profilePage)).completion(),
                bus.<JsonObject>consumer(Address.FILES_VERSIONS, m -> Replies.forTenant(m, this::versions)).completion(),
                bus.<JsonObject>consumer(Address.FILES_DRIFT, m -> Replies.forTenant(m, this::drift)).completion(),
                bus.<JsonObject>consumer(Address.FILES_JOINABLE, m -> Replies.forTenant(m, this::joinable)).completion(),
                bus.<JsonObject>consumer(Address.FILES_DELETE, m -> Replies.forTenant(m, this::delete)).completion()));
    }

    @Override
    public Future<?> stop() {
        return index == null ? Future.succeededFuture() : index.close();
    }

    /**
     * {file_id, name, content_type?, header_row?}: the upload, as sent, is at Keys.csv(tenant, file_id); it is
     * replaced by its UTF-8 CSV rendition next to the Parquet file. An upload holding several tables (the sheets
     * of a workbook, the files of a ZIP) registers each as a file of its own: the first under file_id, the next
     * under file_id_2, file_id_3, ...; the reply is the first one's manifest with {@code files} listing them all.
     */
    private Future<JsonObject> ingest(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        String name = request.getString("name", "data.csv");
        String contentType = request.getString("content_type");
        long headerRow = request.getLong("header_row", 0L);
        String project = request.getValue("project") == null ? Project.DEFAULT : request.getValue("project") instanceof String p ? p : "";
        if (!Project.validId(project)) {
            return Future.failedFuture(Project.notFound(project));
        }
        // Ingest writes each table's normalized CSV and Parquet copy into a staging folder of its own; they then
        // go into the store (a move for the local folder, an upload for S3), so any store works the same way.
        Path staging = store.stagingDir().resolve("ingest-" + fileId);
        return register(tenant, fileId, name, staging, new JsonObject().put("project", project), store.localPath(Keys.csv(tenant, fileId))
                // unordered: a long ingest must not hold up the catalog requests queued on this worker
                .compose(upload -> vertx.executeBlocking(() -> runIngest(upload, staging, name, contentType, headerRow), false)));
    }

    /**
     * {file_id, name, project, url, tables | query, password_secret}: the project's secret is opened here (never
     * sent on the bus), the snapshot is read on this worker ({@link PostgresSnapshot}, off the event loop) and its
     * tables are registered as an upload's are; each manifest carries {@code project} and
     * {@code source: {kind: "postgres", url, tables | query, password_secret, name, imported_at}}, what
     * {@code POST /files/{id}/refresh} imports again. A failure's message never holds the password.
     */
    private Future<JsonObject> ingestPostgres(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        if (!Keys.safeId(fileId)) {
            return Future.failedFuture(BusError.badRequest("bad_request", "file_id is not a file id", null));
        }
        if (!(request.getValue("url") instanceof String) || !(request.getValue("password_secret") instanceof String)) {
            return Future.failedFuture(BusError.badRequest("bad_request", "url and password_secret are required", null));
        }
        String project = request.getString("project", Project.DEFAULT);
        String name = request.getString("name", "postgres");
        JsonArray tables = request.getJsonArray("tables");
        String query = request.getString("query");
        String secret = request.getString("password_secret");
        JsonObject source = new JsonObject().put("kind", "postgres").put("url", request.getString("url"));
        if (query != null) {
            source.put("query", query);
        } else {
            source.put("tables", tables == null ? new JsonArray() : tables.copy());
        }
        source.put("password_secret", secret).put("name", name).put("imported_at", Instant.now().toString());
        PostgresSnapshot.Source snapshot = new PostgresSnapshot.Source(source.getString("url"),
                tables == null ? List.of() : tables.stream().map(String::valueOf).toList(), query);
        Path staging = store.stagingDir().resolve("ingest-" + fileId);
        return register(tenant, fileId, name, staging, new JsonObject().put("project", project).put("source", source),
                secrets.open(tenant, project, secret)
                        .compose(password -> vertx.executeBlocking(() -> runSnapshot(snapshot, password, staging), false)));
    }

    private List<Profiled> runSnapshot(PostgresSnapshot.Source source, String password, Path staging) {
        try {
            List<Profiled> profiled = new ArrayList<>();
            for (FileIngestor.Table table : new PostgresSnapshot("2GB", 2, SNAPSHOT_TIMEOUT_SECONDS).read(source, password, staging, ingestLimits)) {
                // a query's one table is named for the import alone; each table of a list by the import and the table
                FileIngestor.Table named = source.query() != null ? new FileIngestor.Table(null, null, table.table(), table.report()) : table;
                profiled.add(new Profiled(named, table.report().profile()));
            }
            return profiled;
        } catch (IngestException e) {
            throw refusal(e, password);
        }
    }

    /**
     * Registers the tables {@code ingested} gives (into {@code staging}) as files {@code fileId}, {@code fileId_2}, ...
     * named {@code name} (and their sheet or member), with {@code extra}'s fields on every manifest; on any failure
     * nothing of them is kept. The reply of {@link #ingest}.
     */
    private Future<JsonObject> register(String tenant, String fileId, String name, Path staging, JsonObject extra,
                                        Future<List<Profiled>> ingested) {
        List<String> ids = new ArrayList<>(List.of(fileId));
        String project = extra.getString("project", Project.DEFAULT);
        return ingested
                .compose(tables -> {
                    for (int i = 1; i < tables.size(); i++) {
                        ids.add(fileId + "_" + (i + 1));
                    }
                    Future<Void> stored = Future.succeededFuture();
                    for (int i = 0; i < tables.size(); i++) {
                        String id = ids.get(i);
                        IngestReport report = tables.get(i).table().report();
                        TableProfile profile = tables.get(i).profile();
                        // the profile replaces any earlier one before the manifest registers the file
                        // a Parquet or JSON upload has no CSV copy: the upload as sent stays at its key
                        stored = stored.compose(v -> report.csv() == null ? Future.<Void>succeededFuture()
                                        : store.putFile(Keys.csv(tenant, id), report.csv()))
                                .compose(v -> store.putFile(Keys.parquet(tenant, id), report.parquet()))
                                .compose(v -> profiles.put(tenant, id, profile));
                    }
                    return stored.map(tables);
                })
                .onComplete(done -> vertx.fileSystem().deleteRecursive(staging.toString()).otherwise((Void) null))
                .compose(tables -> {
                    // Manifests last, after every table's files: a table is registered only when all of them are stored.
                    List<JsonObject> manifests = new ArrayList<>();
                    for (int i = 0; i < tables.size(); i++) {
                        manifests.add(manifest(tenant, ids.get(i), name, project, tables.get(i)).mergeIn(extra.copy()));
                    }
                    Future<Void> registered = Future.succeededFuture();
                    for (JsonObject manifest : manifests) {
                        registered = registered.compose(v -> store.put(Keys.manifest(tenant, manifest.getString("file_id")), manifest.toBuffer()));
                    }
                    for (JsonObject manifest : manifests) {
                        registered = registered.compose(v -> index == null ? Future.succeededFuture() : index.putFile(manifest));
                    }
                    return registered.compose(v -> withVersions(tenant, manifests)).map(versioned -> {
                        refreshHints(tenant, project); // after the reply: the upload does not wait on other files
                        warmDrift(tenant, manifests);
                        manifests.forEach(m -> metrics.ingested("ok", m.getLong("rows", 0L), m.getLong("rows_rejected", 0L)));
                        return reply(versioned);
                    });
                })
                // Nothing half-registered remains: on any failure every table's whole folder goes.
                .recover(e -> Future.all(ids.stream().map(id -> store.deletePrefix(Keys.filePrefix(tenant, id))
                                .compose(v -> index == null ? Future.succeededFuture() : index.removeFile(tenant, id))).toList())
                        .transform(ignored -> Future.failedFuture(e)))
                .onFailure(e -> metrics.ingested(BusError.from(e).body().getString("error"), 0, 0));
    }

    /**
     * The manifests just registered, each with its {@code version} and {@code latest}, as GET /files/{id} shows them;
     * as they are, should the catalog not be readable now (the upload stands: its manifests are written).
     */
    private Future<List<JsonObject>> withVersions(String tenant, List<JsonObject> registered) {
        return manifests(tenant)
                .map(all -> registered.stream().map(m -> FileVersions.annotated(all, m)).toList())
                .recover(e -> {
                    LOG.warn("versions of the upload {} of tenant {} not read: {}", registered.get(0).getString("file_id"), tenant, e.getMessage());
                    return Future.succeededFuture(registered);
                });
    }

    /** The first table's manifest, and with several tables a {@code files} list naming each. */
    private static JsonObject reply(List<JsonObject> manifests) {
        if (manifests.size() == 1) {
            return manifests.get(0);
        }
        JsonArray files = new JsonArray();
        manifests.forEach(m -> files.add(new JsonObject().put("file_id", m.getString("file_id")).put("name", m.getString("name"))
                .put("table", m.getString("table")).put("rows", m.getLong("rows"))
                .put("member", m.getString("member")).put("sheet", m.getString("sheet"))
                .put("version", m.getInteger("version")).put("latest", m.getBoolean("latest"))));
        return manifests.get(0).copy().put("files", files);
    }

    private List<Profiled> runIngest(Path upload, Path staging, String name, String contentType, long headerRow) {
        try {
            java.nio.file.Files.createDirectories(staging);
            List<Profiled> profiled = new ArrayList<>();
            for (FileIngestor.Table table : new FileIngestor().ingestAll(upload, staging, ingestLimits, name, contentType, headerRow)) {
                profiled.add(new Profiled(table, table.report().profile()));
            }
            return profiled;
        } catch (java.io.IOException e) {
            throw new BusError(500, "internal", "cannot create the staging folder: " + e.getMessage(), null);
        } catch (IngestException e) {
            throw refusal(e, null);
        }
    }

    /**
     * The BusError of an ingest failure, with its status; {@code password} (when given) is masked in its message and
     * hint, whatever a server may have quoted.
     */
    private static BusError refusal(IngestException e, String password) {
        int status = switch (e.code()) {
            case IngestException.TOO_LARGE -> 413;
            case IngestException.UNSUPPORTED -> 415;
            case IngestException.INTERNAL -> 500;
            case IngestException.SOURCE_UNREACHABLE -> 502;
            default -> 400;
        };
        return new BusError(status, e.code(), masked(e.getMessage(), password), masked(e.hint(), password));
    }

    private static String masked(String text, String password) {
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, "********");
    }

    private static JsonObject manifest(String tenant, String fileId, String uploadName, String project, Profiled profiled) {
        FileIngestor.Table table = profiled.table();
        IngestReport report = table.report();
        String name = uploadName + (table.member() == null ? "" : " / " + table.member())
                + (table.sheet() == null ? "" : " / " + table.sheet());
        JsonArray columns = new JsonArray();
        report.schema().columns().forEach(c -> columns.add(new JsonObject().put("name", c.name()).put("type", c.type())));
        JsonArray rejected = new JsonArray();
        report.rejected().forEach(r -> rejected.add(Json.toJson(r)));
        return new JsonObject()
                .put("file_id", fileId)
                .put("tenant", tenant)
                .put("name", name)
                .put("project", project)
                .put("status", "ready")
                .put("format", report.format())
                .put("member", table.member())
                .put("sheet", table.sheet())
                .put("compression", report.compression())
                .put("table", report.table())
                .put("rows", report.rowsIngested())
                .put("rows_rejected", report.rowsRejected())
                .put("data_lines", report.dataLines())
                .put("rejected_lines", rejected)
                .put("columns", columns)
                .put("bytes", report.bytes())
                .put("encoding", report.encoding())
                .put("delimiter", report.delimiter())
                .put("header_line", report.headerLine() > 0 ? report.headerLine() : null)
                .put("header", report.header())
                .put("s3_key", Keys.csv(tenant, fileId))
                .put("parquet_key", Keys.parquet(tenant, fileId))
                .put("created_at", Instant.now().toString())
                .put("profiled_at", profiled.profile().computedAt())
                .put("profile_ms", profiled.profile().computedMs())
                .put("schema", Json.toJson(report.schema()));
    }

    /**
     * {@code ds.files.get} {file_id, versions?}: the manifest, with {@code version} and {@code latest} when
     * {@code versions} is true (that reads the catalog, which the agent's look-up of a file does not need).
     */
    private Future<JsonObject> fileManifest(String tenant, JsonObject request) {
        return request.getBoolean("versions", false)
                ? manifest(tenant, request).compose(m -> manifests(tenant).map(all -> FileVersions.annotated(all, m)))
                : manifest(tenant, request);
    }

    /** {file_id}: the tenant's manifest of that file; 404 for a file id the tenant has not (whoever else has it). */
    private Future<JsonObject> manifest(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        if (!Keys.safeId(fileId)) {
            return Future.failedFuture(BusError.notFound("file", String.valueOf(fileId), "list your files with GET /files"));
        }
        return ownManifest(tenant, fileId).recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                ? BusError.notFound("file", fileId, "list your files with GET /files")
                : e));
    }

    /** A tenant's manifest: through the Redis index when there is one (it reads the store on a miss). */
    private Future<JsonObject> ownManifest(String tenant, String fileId) {
        Supplier<Future<JsonObject>> fromStore = () -> store.get(Keys.manifest(tenant, fileId)).map(Buffer::toJsonObject);
        return index == null ? fromStore.get() : index.file(tenant, fileId, fromStore);
    }

    /**
     * The join hints among the files of one project, measured again, after the upload or delete that asks for it has
     * been answered (measuring reads every file's profile, so no reply waits on it). They are written only while the
     * project exists ({@code ds.projects.get}), so a project being deleted gets none back. A failure is logged, not
     * passed on: the upload or delete stands, and the next one measures again.
     */
    private Future<Void> refreshHints(String tenant, String project) {
        return profiles.refreshHints(tenant, project, () -> manifests(tenant, project), () -> projectExists(tenant, project))
                // a file whose hints changed may answer its questions differently now (a join it could not make,
                // or one with another file): its cached answers go, as a re-upload's would
                .compose(changed -> Future.join(changed.stream().map(fileId -> vertx.eventBus().request(Address.CACHE_EVICT,
                        new JsonObject().put("file_id", fileId), TenantHeader.on(BusTimeouts.SHORT, tenant))).toList()))
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.warn("join hints of project {} of tenant {} not refreshed: {}", project, tenant, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<Boolean> projectExists(String tenant, String project) {
        return Project.DEFAULT.equals(project) ? Future.succeededFuture(true)
                : vertx.eventBus().request(Address.PROJECTS_GET, new JsonObject().put("project_id", project), TenantHeader.on(BusTimeouts.STORE, tenant))
                .map(true)
                .recover(e -> BusError.from(e).status() == 404 ? Future.succeededFuture(false) : Future.failedFuture(e));
    }

    /**
     * {file_id}: the files a question about it may join, {file_id, joinable: [JoinableTable]}: one per join hint from
     * one of its columns to another file's key (many to one), with that file's schema from its manifest. A hint whose
     * other file is gone (deleted since the hints were measured) is left out.
     */
    private Future<JsonObject> joinable(String tenant, JsonObject request) {
        return manifest(tenant, request).compose(m -> profiles.hintsOf(tenant, Project.of(m), m.getString("file_id")))
                .compose(hints -> {
                    String fileId = request.getString("file_id");
                    List<JoinHints.Hint> outgoing = hints.stream().filter(h -> h.fileId().equals(fileId)).toList();
                    return Future.all(outgoing.stream().map(h -> ownManifest(tenant, h.otherFileId())
                                    .map(other -> (Object) Json.toJson(new JoinableTable(h.otherFileId(), h.otherName(),
                                            other.getString("table"), h.column(), h.otherKey(), h.distinct(), h.matched(),
                                            h.overlap(), other.getString("created_at"),
                                            Json.fromJson(other.getJsonObject("schema"), SchemaInfo.class))))
                                    .otherwise((Object) null)).toList())
                            .map(all -> new JsonObject().put("file_id", fileId).put("joinable",
                                    new JsonArray(all.list().stream().filter(java.util.Objects::nonNull).toList())));
                });
    }

    /**
     * {file_id}: the file's profile, with {@code join_hints} that involve it and, when the file has an earlier
     * version, {@code drift} (a {@link DriftWarning}).
     */
    private Future<JsonObject> profile(String tenant, JsonObject request) {
        return manifest(tenant, request).compose(m -> profiles.of(tenant, m)
                .compose(p -> profiles.hintsOf(tenant, Project.of(m), m.getString("file_id")).compose(hints -> driftWarning(tenant, m)
                        .map(drift -> {
                            JsonObject json = Json.toJson(p)
                                    .put("file_id", m.getString("file_id")).put("name", m.getString("name"))
                                    .put("join_hints", new JsonArray(hints.stream().map(h -> (Object) Json.toJson(h)).toList()));
                            return drift == null ? json : json.put("drift", Json.toJson(drift));
                        }))));
    }

    /** {file_id}: the file's profile page, {html}, with a drift warning as the profile has one. */
    private Future<JsonObject> profilePage(String tenant, JsonObject request) {
        return manifest(tenant, request).compose(m -> profiles.of(tenant, m)
                .compose(p -> profiles.hintsOf(tenant, Project.of(m), m.getString("file_id")).compose(hints -> driftWarning(tenant, m)
                        .map(drift -> new JsonObject().put("html", ProfilePage.html(m.getString("name"), p, hints, drift))))));
    }

    /** The drift of the file of {@code manifest} since its previous version, or null when it is the oldest kept. */
    private Future<DriftWarning> driftWarning(String tenant, JsonObject manifest) {
        String fileId = manifest.getString("file_id");
        return manifests(tenant).compose(all -> {
            List<JsonObject> versions = FileVersions.of(all, manifest);
            JsonObject previous = FileVersions.previous(versions, fileId);
            if (previous == null) {
                return Future.succeededFuture(null);
            }
            return drifts.of(tenant, previous, manifest).map(report -> new DriftWarning(previous.getString("file_id"),
                    FileVersions.number(versions, previous.getString("file_id")), FileVersions.number(versions, fileId),
                    report.summary(), report.driftedColumns(), report.warnings(),
                    "/files/" + fileId + "/drift?from=" + previous.getString("file_id")));
        });
    }

    /** {file_id}: the file's versions, newest first. */
    private Future<JsonObject> versions(String tenant, JsonObject request) {
        return manifest(tenant, request).compose(m -> manifests(tenant)
                .map(all -> FileVersions.listing(FileVersions.of(all, m)).put("file_id", m.getString("file_id"))));
    }

    /**
     * {file_id, from?, to?}: the drift report between two versions of the file; {@code to} defaults to the file,
     * {@code from} to the version before {@code to}. A {@code from} or {@code to} that is not a version of the file
     * (another name or project, another tenant's, unknown) is a 404, as is a {@code to} with no earlier version; the
     * same version on both sides is a 400.
     */
    private Future<JsonObject> drift(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        String toId = blank(request.getString("to")) ? fileId : request.getString("to");
        String fromId = blank(request.getString("from")) ? null : request.getString("from");
        if (toId.equals(fromId)) {
            return Future.failedFuture(BusError.badRequest("same_version", "from and to name the same version " + toId,
                    "compare two versions: GET /files/" + fileId + "/versions lists them"));
        }
        return manifest(tenant, request).compose(m -> manifests(tenant).compose(all -> {
            List<JsonObject> versions = FileVersions.of(all, m);
            String hint = "GET /files/" + fileId + "/versions lists the versions of " + m.getString("name");
            int toVersion = FileVersions.number(versions, toId);
            if (toVersion == 0) {
                return Future.failedFuture(BusError.notFound("version", toId, hint));
            }
            int fromAt = fromId == null ? toVersion - 1 : FileVersions.number(versions, fromId);
            if (fromAt == 0) {
                return Future.failedFuture(fromId == null
                        ? new BusError(404, "no_earlier_version", "version " + toVersion + " of " + m.getString("name")
                        + " (" + toId + ") has no earlier version to compare with", "upload the file again under the same name to make a version")
                        : BusError.notFound("version", fromId, hint));
            }
            JsonObject from = versions.get(fromAt - 1);
            JsonObject to = versions.get(toVersion - 1);
            return drifts.of(tenant, from, to).map(report -> new JsonObject().put("name", m.getString("name"))
                    .put("from", from.getString("file_id")).put("to", toId)
                    .put("from_version", fromAt).put("to_version", toVersion)
                    .put("summary", report.summary()).put("drifted_columns", new JsonArray(report.driftedColumns()))
                    .mergeIn(Json.toJson(report)));
        }));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * After an upload's reply, the drift report of each of its tables that has an earlier version is computed and
     * kept, so the profile's warning needs no wait. A failure is logged: the report is computed on first read instead.
     */
    private void warmDrift(String tenant, List<JsonObject> uploaded) {
        Future<Void> chain = Future.succeededFuture();
        for (JsonObject manifest : uploaded) {
            chain = chain.compose(v -> driftWarning(tenant, manifest).<Void>mapEmpty())
                    .recover(e -> {
                        LOG.warn("drift of {} of tenant {} not computed ahead: {}", manifest.getString("file_id"), tenant, e.getMessage());
                        return Future.succeededFuture();
                    });
        }
    }

    private Future<List<JsonObject>> manifests(String tenant) {
        Supplier<Future<List<JsonObject>>> fromStore = () -> store.list(tenant + "/uploads/")
                .compose(keys -> Future.all(keys.stream()
                        .filter(k -> k.endsWith("/manifest.json") && k.split("/").length == 4)
                        .map(k -> store.get(k).map(Buffer::toJsonObject))
                        .toList()))
                .map(all -> all.<JsonObject>list());
        return index == null ? fromStore.get() : index.files(tenant, fromStore);
    }

    /** The manifests of one project's files. */
    private Future<List<JsonObject>> manifests(String tenant, String project) {
        return manifests(tenant).map(all -> all.stream().filter(m -> project.equals(Project.of(m))).toList());
    }

    /** {project?}: the tenant's files, or those of one project. */
    private Future<JsonObject> list(String tenant, String project) {
        return (project == null ? manifests(tenant) : manifests(tenant, project)).map(manifests -> {
            JsonArray files = new JsonArray();
            FileVersions.annotatedAll(manifests).forEach(m -> files.add(m.put("schema", (Object) null)));
            return new JsonObject().put("files", files);
        });
    }

    private Future<JsonObject> preview(String tenant, JsonObject request) {
        int limit = Math.max(1, Math.min(request.getInteger("limit", 20), queryLimits.inlineRows()));
        return manifest(tenant, request).compose(m -> store.localPath(m.getString("parquet_key"))
                .compose(parquet -> vertx.executeBlocking(() -> previewRows(m, parquet, limit), false)));
    }

    private JsonObject previewRows(JsonObject manifest, Path parquet, int limit) throws ToolException {
        Dataset dataset = new Dataset(manifest.getString("table"), parquet, Json.columns(manifest.getJsonArray("columns")), manifest.getLong("rows"));
        ObjectNode args = JsonNodeFactory.instance.objectNode()
                .put("sql", "SELECT * FROM " + DuckDb.quoteIdent(dataset.table()) + " LIMIT " + limit)
                .put("label", "preview");
        Table table = ToolRegistry.standard().run("sql_executor", new ToolContext(dataset, queryLimits, null), args).tables().get(0);
        return Json.toJson(table).put("file_id", manifest.getString("file_id"));
    }

    private Future<JsonObject> delete(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        return manifest(tenant, request)
                .compose(m -> store.list(Keys.questionsPrefix(tenant, fileId))
                        .compose(questions -> conversationsOf(tenant, fileId, questions)
                                .compose(conversations -> store.deletePrefix(Keys.filePrefix(tenant, fileId))
                                        .compose(v -> deleteQuestionIndex(tenant, questions))
                                        .compose(v -> Future.all(conversations.stream().map(store::deletePrefix).toList()))))
                        .compose(v -> index == null ? Future.succeededFuture() : index.removeFile(tenant, fileId))
                        .onSuccess(v -> refreshHints(tenant, Project.of(m))))
                .compose(v -> vertx.eventBus().<JsonObject>request(Address.CACHE_EVICT,
                        new JsonObject().put("file_id", fileId), TenantHeader.on(BusTimeouts.SHORT, tenant)))
                .map(evicted -> new JsonObject().put("file_id", fileId).put("deleted", true)
                        .put("cache_entries_evicted", evicted.body().getInteger("evicted")));
    }

    /**
     * The keys of the conversations a file's questions were asked in and that are about that file (a conversation
     * names its file): they live outside the file's folder, so without this each conversation of a deleted file
     * stayed for good (the 30-minute soak's disk growth). Read before the file's folder goes, as the question
     * records name them.
     */
    private Future<List<String>> conversationsOf(String tenant, String fileId, List<String> questionKeys) {
        return Future.all(questionKeys.stream().map(key -> store.get(key)
                        .map(bytes -> QuestionRecord.fromJson(bytes.toJsonObject()).conversationId())
                        .otherwise((String) null)).toList())
                .compose(ids -> Future.all(ids.<String>list().stream().filter(Objects::nonNull).filter(Keys::safeId).distinct()
                        .map(id -> store.get(Keys.conversation(tenant, id))
                                .map(bytes -> fileId.equals(Conversation.fromJson(bytes.toJsonObject()).fileId())
                                        ? Keys.conversation(tenant, id) : null)
                                .otherwise((String) null)).toList()))
                .map(keys -> keys.<String>list().stream().filter(Objects::nonNull).toList());
    }

    /**
     * The tenant-level index entries (question id to file) of a deleted file's questions: they live outside the
     * file's folder, so without this each question ever asked of a deleted file left one behind for good.
     */
    private Future<Void> deleteQuestionIndex(String tenant, List<String> questionKeys) {
        return Future.all(questionKeys.stream().map(key -> {
            String name = key.substring(key.lastIndexOf('/') + 1);
            return store.deletePrefix(Keys.questionIndex(tenant, name.substring(0, name.length() - ".json".length())));
        }).toList()).mapEmpty();
    }
}
