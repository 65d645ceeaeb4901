package datasense.verticles.projects;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.ProjectRun;
import datasense.verticles.bus.Replies;
import datasense.verticles.bus.ReportManifest;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's projects (README, Projects): groups of files, and through them of questions, boards and reports. A project
 * is only its record ({@code {tenant}/projects/{id}/project.json}) and the {@code project} field of its files'
 * manifests; files stay under the tenant's uploads. What a project holds is asked of the roles that keep it, over the
 * bus as the request's tenant: files ({@code ds.files.list}), boards ({@code ds.boards.list}), reports
 * ({@code ds.reports.list}). Deleting a project deletes each file as {@code DELETE /files/{id}} does
 * ({@code ds.files.delete}: data, answers, questions, boards, cached answers), then its reports, then the keys under
 * its folder (join hints, secrets) under the hints' lock, and its record last, so a project half deleted is still
 * listed and can be deleted again. Its runs are read from what each run left: a file's profile time, a job's record
 * ({@code {tenant}/jobs/{id}/job.json}, as the agent writes it), a report's manifest.
 */
public final class ProjectVerticle extends VerticleBase {

    private static final int MAX_NAME = 80;
    private static final int MAX_DESCRIPTION = 1000;
    /** Job records read at a time while looking for a project's analysis runs, newest written first. */
    private static final int JOB_BATCH = 100;
    private static final long LOCK_TIMEOUT_MS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectStore store;

    public ProjectVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(List.of(
                bus.<JsonObject>consumer(Address.PROJECTS_CREATE, m -> Replies.forTenant(m, this::create)).completion(),
                bus.<JsonObject>consumer(Address.PROJECTS_LIST, m -> Replies.forTenant(m, (t, r) -> list(t))).completion(),
                bus.<JsonObject>consumer(Address.PROJECTS_GET, m -> Replies.forTenant(m, (t, r) -> find(t, r.getValue("project_id")).map(Project::toJson))).completion(),
                bus.<JsonObject>consumer(Address.PROJECTS_CONTENTS, m -> Replies.forTenant(m, this::contents)).completion(),
                bus.<JsonObject>consumer(Address.PROJECTS_DELETE, m -> Replies.forTenant(m, this::delete)).completion(),
                bus.<JsonObject>consumer(Address.PROJECTS_RUNS, m -> Replies.forTenant(m, this::runs)).completion()));
    }

    /**
     * {name, description?}: a new project. Names are unique per tenant once trimmed and compared without case ("Default"
     * is the default project's), checked under a lock per tenant so two creations at once cannot both take one.
     */
    private Future<JsonObject> create(String tenant, JsonObject request) {
        String name = text(request.getValue("name"), MAX_NAME);
        if (name == null) {
            return Future.failedFuture(BusError.badRequest("bad_request", "name must be a string of 1 to " + MAX_NAME + " characters",
                    "POST /projects {\"name\": \"Sales 2026\", \"description\": \"orders and customers\"}"));
        }
        Object rawDescription = request.getValue("description");
        String description = rawDescription == null ? null : text(rawDescription, MAX_DESCRIPTION);
        if (rawDescription != null && description == null) {
            return Future.failedFuture(BusError.badRequest("bad_request", "description must be a string of 1 to " + MAX_DESCRIPTION
                    + " characters, or left out", null));
        }
        Project project = new Project(newId(), name, description, Instant.now().toString());
        return vertx.sharedData().getLockWithTimeout("ds.projects." + tenant, LOCK_TIMEOUT_MS)
                .compose(lock -> records(tenant)
                        .compose(existing -> {
                            String wanted = name.toLowerCase(Locale.ROOT);
                            boolean taken = existing.stream().anyMatch(p -> p.name().toLowerCase(Locale.ROOT).equals(wanted))
                                    || Project.DEFAULT_PROJECT.name().toLowerCase(Locale.ROOT).equals(wanted);
                            return taken
                                    ? Future.<Void>failedFuture(new BusError(409, "project_name_taken", "a project named '" + name + "' exists already",
                                    "choose another name, or use that project (GET /projects)"))
                                    : store.put(Keys.projectRecord(tenant, project.projectId()), project.toJson().toBuffer());
                        })
                        .onComplete(done -> lock.release()))
                .map(v -> project.toJson());
    }

    /** The tenant's project records, oldest first (the default project has none). */
    private Future<List<Project>> records(String tenant) {
        String prefix = Keys.projectsPrefix(tenant);
        return store.list(prefix)
                .compose(keys -> Future.all(keys.stream()
                        .filter(k -> k.endsWith("/project.json") && k.substring(prefix.length()).split("/").length == 2)
                        .map(k -> store.get(k).map(b -> Project.fromJson(b.toJsonObject())).recover(e -> Future.succeededFuture((Project) null)))
                        .toList()))
                .map(all -> all.<Project>list().stream().filter(Objects::nonNull)
                        .sorted(Comparator.comparing(Project::createdAt).thenComparing(Project::projectId))
                        .toList());
    }

    /** The tenant's project {@code id}: the default one, or one with a record; 404 {@code project_not_found} otherwise. */
    private Future<Project> find(String tenant, Object id) {
        if (!(id instanceof String projectId) || !Project.validId(projectId)) {
            return Future.failedFuture(Project.notFound(String.valueOf(id)));
        }
        if (Project.DEFAULT.equals(projectId)) {
            return Future.succeededFuture(Project.DEFAULT_PROJECT);
        }
        return store.get(Keys.projectRecord(tenant, projectId)).map(b -> Project.fromJson(b.toJsonObject()))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException ? Project.notFound(projectId) : e));
    }

    /** Every project, the default one first, each with how many files, boards and reports it holds. */
    private Future<JsonObject> list(String tenant) {
        Future<List<Project>> records = records(tenant);
        Future<List<JsonObject>> files = files(tenant, null);
        Future<List<JsonObject>> reports = reports(tenant, null);
        Future<List<JsonObject>> boards = files.compose(all -> boards(tenant, all));
        return Future.all(records, reports, boards).map(all -> {
            Map<String, String> projectOfFile = new HashMap<>();
            files.result().forEach(f -> projectOfFile.put(f.getString("file_id"), Project.of(f)));
            Map<String, Long> fileCounts = files.result().stream().collect(Collectors.groupingBy(Project::of, Collectors.counting()));
            Map<String, Long> boardCounts = boards.result().stream()
                    .collect(Collectors.groupingBy(b -> projectOfFile.getOrDefault(b.getString("file_id"), Project.DEFAULT), Collectors.counting()));
            Map<String, Long> reportCounts = reports.result().stream().collect(Collectors.groupingBy(Project::of, Collectors.counting()));
            JsonArray projects = new JsonArray();
            List<Project> every = new ArrayList<>(List.of(Project.DEFAULT_PROJECT));
            every.addAll(records.result());
            for (Project p : every) {
                projects.add(p.toJson()
                        .put("files", fileCounts.getOrDefault(p.projectId(), 0L))
                        .put("boards", boardCounts.getOrDefault(p.projectId(), 0L))
                        .put("reports", reportCounts.getOrDefault(p.projectId(), 0L)));
            }
            return new JsonObject().put("projects", projects);
        });
    }

    /** {project_id}: the project's record with its files (manifest summaries), their boards and its reports. */
    private Future<JsonObject> contents(String tenant, JsonObject request) {
        return find(tenant, request.getValue("project_id")).compose(project -> {
            Future<List<JsonObject>> files = files(tenant, project.projectId());
            Future<List<JsonObject>> boards = files.compose(all -> boards(tenant, all));
            Future<List<JsonObject>> reports = reports(tenant, project.projectId());
            return Future.all(boards, reports).map(all -> project.toJson()
                    .put("files", new JsonArray(files.result().stream().map(ProjectVerticle::summary).map(Object.class::cast).toList()))
                    .put("boards", new JsonArray(boards.result().stream().map(Object.class::cast).toList()))
                    .put("reports", new JsonArray(reports.result().stream().map(Object.class::cast).toList())));
        });
    }

    /**
     * {project_id}: deletes every file of the project (one after another, each as DELETE /files/{id}), then its reports,
     * then what its folder holds (join hints, secrets) under the hints' lock, then its record. 409 for the default one.
     */
    private Future<JsonObject> delete(String tenant, JsonObject request) {
        if (Project.DEFAULT.equals(request.getValue("project_id"))) {
            return Future.failedFuture(new BusError(409, "default_project", "the default project cannot be deleted",
                    "delete its files one by one with DELETE /files/{file_id}"));
        }
        return find(tenant, request.getValue("project_id")).compose(project -> {
            String id = project.projectId();
            List<String> fileIds = new ArrayList<>();
            List<String> reportIds = new ArrayList<>();
            return files(tenant, id)
                    .compose(files -> {
                        Future<Void> chain = Future.succeededFuture();
                        for (JsonObject file : files) {
                            String fileId = file.getString("file_id");
                            chain = chain.compose(v -> request(tenant, Address.FILES_DELETE, new JsonObject().put("file_id", fileId), BusTimeouts.STORE)
                                    .recover(e -> BusError.from(e).status() == 404 ? Future.succeededFuture() : Future.failedFuture(e))
                                    .onSuccess(r -> fileIds.add(fileId))
                                    .mapEmpty());
                        }
                        return chain;
                    })
                    .compose(v -> reports(tenant, id))
                    .compose(reports -> {
                        Future<Void> chain = Future.succeededFuture();
                        for (JsonObject report : reports) {
                            String reportId = report.getString("report_id");
                            chain = chain.compose(v -> request(tenant, Address.REPORTS_DELETE, new JsonObject().put("report_id", reportId), BusTimeouts.STORE)
                                    .recover(e -> BusError.from(e).status() == 404 ? Future.succeededFuture() : Future.failedFuture(e))
                                    .onSuccess(r -> reportIds.add(reportId))
                                    .mapEmpty());
                        }
                        return chain;
                    })
                    .compose(v -> vertx.sharedData().getLockWithTimeout(Project.hintsLock(tenant, id), LOCK_TIMEOUT_MS))
                    .compose(lock -> deleteFolder(tenant, id).onComplete(done -> lock.release()))
                    .map(v -> new JsonObject().put("project_id", id).put("deleted", true)
                            .put("files", new JsonArray(new ArrayList<Object>(fileIds)))
                            .put("reports", new JsonArray(new ArrayList<Object>(reportIds))));
        });
    }

    /**
     * Every key under the project's folder but its record, then the folder with the record: the project is gone when
     * that is, and a delete cut short before leaves it listed.
     */
    private Future<Void> deleteFolder(String tenant, String id) {
        String record = Keys.projectRecord(tenant, id);
        return store.list(Keys.projectPrefix(tenant, id))
                .compose(keys -> Future.all(keys.stream().filter(k -> !k.equals(record)).map(store::deletePrefix).toList()))
                .compose(v -> store.deletePrefix(Keys.projectPrefix(tenant, id)));
    }

    /** {project_id, limit}: the project's profile, analysis and report runs, newest first, at most {@code limit}. */
    private Future<JsonObject> runs(String tenant, JsonObject request) {
        Integer limit = ProjectRuns.limit(request.getValue("limit"));
        if (limit == null) {
            return Future.failedFuture(BusError.badRequest("bad_request", "limit must be a whole number from 1 to " + ProjectRuns.MAX_LIMIT,
                    "GET /projects/{project_id}/runs?limit=100"));
        }
        return find(tenant, request.getValue("project_id")).compose(project -> files(tenant, project.projectId()).compose(files -> {
            Set<String> fileIds = files.stream().map(f -> f.getString("file_id")).collect(Collectors.toSet());
            Future<List<ProjectRun>> profiles = Future.all(files.stream().map(f -> profileRun(tenant, f)).toList()).map(all -> all.<ProjectRun>list());
            Future<List<ProjectRun>> jobs = store.listObjects(tenant + "/jobs/")
                    .map(objects -> objects.stream().filter(o -> o.key().endsWith("/job.json"))
                            .sorted(Comparator.comparing(ObjectStore.StoredObject::modified).reversed()).toList())
                    .compose(records -> jobRuns(records, 0, fileIds, new ArrayList<>(), limit));
            Future<List<ProjectRun>> reports = reports(tenant, project.projectId())
                    .map(all -> all.stream().map(r -> ProjectRuns.report(ReportManifest.fromJson(r))).toList());
            return Future.all(profiles, jobs, reports).map(all -> {
                List<ProjectRun> every = new ArrayList<>(profiles.result());
                every.addAll(jobs.result());
                every.addAll(reports.result());
                return new JsonObject().put("project_id", project.projectId()).put("limit", limit)
                        .put("runs", new JsonArray(ProjectRuns.newestFirst(every, limit).stream().map(r -> (Object) r.toJson()).toList()));
            });
        }));
    }

    /**
     * The analysis runs among job records {@code records} (newest written first) from {@code from} on, read a batch at a
     * time until {@code limit} of the project's are found: jobs of other projects are read but not kept.
     */
    private Future<List<ProjectRun>> jobRuns(List<ObjectStore.StoredObject> records, int from, Set<String> fileIds, List<ProjectRun> found, int limit) {
        if (from >= records.size() || found.size() >= limit) {
            return Future.succeededFuture(found);
        }
        List<ObjectStore.StoredObject> batch = records.subList(from, Math.min(records.size(), from + JOB_BATCH));
        return Future.all(batch.stream().map(o -> store.get(o.key()).map(b -> ProjectRuns.analysis(JobStatus.fromJson(b.toJsonObject()), o.modified()))
                        .recover(e -> Future.succeededFuture((ProjectRun) null))).toList())
                .compose(all -> {
                    all.<ProjectRun>list().stream().filter(r -> r != null && fileIds.contains(r.fileId())).forEach(found::add);
                    return jobRuns(records, from + JOB_BATCH, fileIds, found, limit);
                });
    }

    /** A file's profile run, from the times its manifest holds; a file ingested before manifests held them is asked for its profile. */
    private Future<ProjectRun> profileRun(String tenant, JsonObject manifest) {
        String fileId = manifest.getString("file_id");
        if (manifest.getString("profiled_at") != null) {
            return Future.succeededFuture(ProjectRuns.profile(fileId, manifest.getString("profiled_at"), manifest.getLong("profile_ms", 0L)));
        }
        return request(tenant, Address.FILES_PROFILE, new JsonObject().put("file_id", fileId), BusTimeouts.TOOL)
                .map(p -> ProjectRuns.profile(fileId, p.getString("computed_at"), p.getLong("computed_ms", 0L)));
    }

    /** The tenant's files (manifests without their schema), or those of one project. */
    private Future<List<JsonObject>> files(String tenant, String project) {
        JsonObject request = new JsonObject();
        if (project != null) {
            request.put("project", project);
        }
        return request(tenant, Address.FILES_LIST, request, BusTimeouts.STORE)
                .map(reply -> reply.getJsonArray("files").stream().map(JsonObject.class::cast).toList());
    }

    /** The boards of {@code files}, each file's oldest first, files in the order given. */
    private Future<List<JsonObject>> boards(String tenant, List<JsonObject> files) {
        return Future.all(files.stream().map(f -> request(tenant, Address.BOARDS_LIST, new JsonObject().put("file_id", f.getString("file_id")), BusTimeouts.STORE)
                        .map(reply -> reply.getJsonArray("boards").stream().map(JsonObject.class::cast).toList())
                        // a file deleted meanwhile has no boards
                        .recover(e -> BusError.from(e).status() == 404 ? Future.succeededFuture(List.<JsonObject>of()) : Future.failedFuture(e)))
                        .toList())
                .map(all -> all.<List<JsonObject>>list().stream().flatMap(List::stream).toList());
    }

    /** The tenant's reports (with links), or those of one project, newest first. */
    private Future<List<JsonObject>> reports(String tenant, String project) {
        JsonObject request = new JsonObject();
        if (project != null) {
            request.put("project", project);
        }
        return request(tenant, Address.REPORTS_LIST, request, BusTimeouts.STORE)
                .map(reply -> reply.getJsonArray("reports").stream().map(JsonObject.class::cast).toList());
    }

    private Future<JsonObject> request(String tenant, String address, JsonObject body, DeliveryOptions timeout) {
        return vertx.eventBus().<JsonObject>request(address, body, TenantHeader.on(timeout, tenant)).map(Message::body);
    }

    /** What a project shows of a file: its manifest without the schema and the rejected lines. */
    private static JsonObject summary(JsonObject manifest) {
        JsonObject summary = manifest.copy();
        summary.remove("schema");
        summary.remove("rejected_lines");
        return summary;
    }

    /** A name or description: a string of 1 to {@code max} characters once trimmed, else null. */
    private static String text(Object value, int max) {
        if (!(value instanceof String s)) {
            return null;
        }
        String trimmed = s.strip();
        return trimmed.isEmpty() || trimmed.length() > max ? null : trimmed;
    }

    private static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "p_" + HexFormat.of().formatHex(bytes);
    }
}
