package datasense.verticles.reports;

import datasense.tools.report.Report;
import datasense.tools.report.ReportBundle;
import datasense.tools.report.ReportHtml;
import datasense.tools.report.ReportMarkdown;
import datasense.tools.report.ReportPdf;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.ReportManifest;
import datasense.verticles.bus.Replies;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reports (README, Reports): makes one from an answer, a conversation, a board or a file's profile, and keeps it in the
 * object store (the system of record) under the request's tenant, {@code {tenant}/reports/{report_id}/}. What it states
 * is gathered over the bus ({@link ReportSources}); drawing it (Markdown, HTML, PDF: {@code datasense.tools.report}) is
 * blocking work and runs in executeBlocking, off the event loop. Its files are written first and its
 * {@link ReportManifest} last, so a report is listed or served only once whole, and a failure halfway leaves no report.
 */
public final class ReportVerticle extends VerticleBase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String REPORT_HINT = "list your reports with GET /reports";

    private final ObjectStore store;

    public ReportVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(List.of(
                bus.<JsonObject>consumer(Address.REPORTS_CREATE, this::create).completion(),
                bus.<JsonObject>consumer(Address.REPORTS_GET, m -> Replies.forTenant(m, (t, r) -> find(t, r.getString("report_id")).map(ReportManifest::toReply))).completion(),
                bus.<JsonObject>consumer(Address.REPORTS_LIST, m -> Replies.forTenant(m, (t, r) -> list(t, r.getString("project")))).completion(),
                bus.<JsonObject>consumer(Address.REPORTS_DELETE, m -> Replies.forTenant(m, this::delete)).completion()));
    }

    private void create(Message<JsonObject> message) {
        String requestId = RequestIdHeader.of(message);
        Replies.forTenant(message, (tenant, body) -> create(tenant, requestId, ReportRequest.of(body)));
    }

    /** Gathers the report, draws it off the event loop, stores its files and then its manifest; answers the manifest. */
    private Future<JsonObject> create(String tenant, String requestId, ReportRequest request) {
        String reportId = newId();
        String createdAt = Instant.now().toString();
        return new ReportSources(vertx.eventBus(), store, tenant, requestId).gather(request)
                .map(g -> new ToDraw(new Report(reportId, request.title() != null ? request.title() : g.title(), g.source(), createdAt,
                        g.data(), g.sections(), g.profile()), g.project()))
                .compose(toDraw -> vertx.executeBlocking(() -> new Drawn(toDraw.report(), toDraw.project(),
                        render(toDraw.report(), request.formats())), false))
                .compose(drawn -> {
                    Report report = drawn.report();
                    ReportManifest manifest = new ReportManifest(reportId, report.title(), Map.of(request.kind(), request.id()),
                            report.data().fileId(), report.data().name(), request.formats(), List.copyOf(drawn.files().keySet()),
                            report.sections().size(), createdAt, drawn.project(), Instant.now().toString());
                    return write(tenant, reportId, drawn.files(), manifest).map(v -> manifest.toReply());
                });
    }

    /** A report to draw and the project of its file. */
    private record ToDraw(Report report, String project) {
    }

    /** A report, its file's project and its files by name, as drawn. */
    private record Drawn(Report report, String project, Map<String, byte[]> files) {
    }

    /**
     * Blocking: the report's files by name, in the order they are written. The charts are files only beside the
     * Markdown, which also comes as one ZIP with them.
     */
    private static Map<String, byte[]> render(Report report, List<String> formats) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (formats.contains("md")) {
            String markdown = ReportMarkdown.render(report);
            report.charts().forEach(c -> files.put(c.file(), c.png()));
            files.put(ReportManifest.fileOf("md"), markdown.getBytes(StandardCharsets.UTF_8));
            files.put(ReportManifest.BUNDLE, ReportBundle.zip(report, markdown));
        }
        if (formats.contains("html") || formats.contains("pdf")) {
            String html = ReportHtml.render(report);
            if (formats.contains("html")) {
                files.put(ReportManifest.fileOf("html"), html.getBytes(StandardCharsets.UTF_8));
            }
            if (formats.contains("pdf")) {
                files.put(ReportManifest.fileOf("pdf"), ReportPdf.render(html));
            }
        }
        return files;
    }

    /**
     * Writes the files one after the other, then the manifest; a failure deletes what was written, so nothing is left
     * half made.
     */
    private Future<Void> write(String tenant, String reportId, Map<String, byte[]> files, ReportManifest manifest) {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            chain = chain.compose(v -> store.put(Keys.reportFile(tenant, reportId, file.getKey()), Buffer.buffer(file.getValue())));
        }
        return chain.compose(v -> store.put(Keys.reportManifest(tenant, reportId), manifest.toJson().toBuffer()))
                .recover(e -> store.deletePrefix(Keys.reportPrefix(tenant, reportId)).transform(cleaned -> Future.failedFuture(e)));
    }

    private Future<ReportManifest> find(String tenant, String reportId) {
        if (!Keys.safeId(reportId)) {
            return Future.failedFuture(BusError.notFound("report", String.valueOf(reportId), REPORT_HINT));
        }
        return store.get(Keys.reportManifest(tenant, reportId)).map(b -> ReportManifest.fromJson(b.toJsonObject()))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("report", reportId, REPORT_HINT) : e));
    }

    /**
     * The tenant's reports, newest first: only those whose manifest is written; of one project when {@code project}
     * is given (a report from before projects belongs to the default one).
     */
    private Future<JsonObject> list(String tenant, String project) {
        return store.list(Keys.reportsPrefix(tenant))
                .compose(keys -> Future.all(keys.stream().filter(k -> k.endsWith("/manifest.json"))
                        .map(k -> store.get(k).map(b -> ReportManifest.fromJson(b.toJsonObject()))
                                .recover(e -> Future.succeededFuture((ReportManifest) null)))
                        .toList()))
                .map(all -> {
                    JsonArray reports = new JsonArray();
                    all.<ReportManifest>list().stream().filter(Objects::nonNull)
                            .filter(r -> project == null || project.equals(r.project() == null ? Project.DEFAULT : r.project()))
                            .sorted(Comparator.comparing(ReportManifest::createdAt).reversed().thenComparing(ReportManifest::reportId))
                            .forEach(r -> reports.add(r.toReply()));
                    return new JsonObject().put("reports", reports);
                });
    }

    /** Removes the manifest first (the report is gone at once), then its files. */
    private Future<JsonObject> delete(String tenant, JsonObject request) {
        String reportId = request.getString("report_id");
        return find(tenant, reportId)
                .compose(r -> store.deletePrefix(Keys.reportManifest(tenant, reportId)))
                .compose(v -> store.deletePrefix(Keys.reportPrefix(tenant, reportId)))
                .map(v -> new JsonObject().put("report_id", reportId).put("deleted", true));
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "r_" + HexFormat.of().formatHex(bytes);
    }
}
