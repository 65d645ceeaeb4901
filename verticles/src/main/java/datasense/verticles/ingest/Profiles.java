package datasense.verticles.ingest;

import datasense.tools.Limits;
import datasense.tools.profile.JoinHints;
import datasense.tools.profile.TableProfile;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.Project;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The files role's profiles and join hints, kept in the object store (the system of record): a file's profile
 * at {@link Keys#profile} (computed on upload, replaced by each ingest, computed on first read for a file ingested
 * before profiles existed), and the join hints among the files of each project at {@link Keys#joinHints} and
 * {@link Keys#joinHintsMarkdown}, recomputed after every upload and delete in the project under the cluster-wide
 * lock {@code ds.project.<tenant>.<project>}, which deleting the project takes too: hints are written only while the
 * project exists, so none outlive it. Blocking DuckDB work runs in executeBlocking.
 */
final class Profiles {

    private final Vertx vertx;
    private final ObjectStore store;
    private final Limits limits;
    private final HintRefreshes refreshes;

    Profiles(Vertx vertx, ObjectStore store, String memoryLimit, int threads) {
        this.vertx = vertx;
        this.store = store;
        this.limits = new Limits(0, 0, 0, memoryLimit, threads);
        this.refreshes = new HintRefreshes(vertx);
    }

    /** Blocking: the profile of the Parquet file at {@code parquet}. */
    private TableProfile compute(Path parquet, String table) {
        try (Connection db = DuckDb.open(List.of(parquet.toAbsolutePath().getParent()), limits)) {
            return new TableProfiler().profile(db, parquet.toAbsolutePath(), table);
        } catch (SQLException e) {
            throw new BusError(500, "internal", "the profile could not be computed: " + firstLine(e.getMessage()), null);
        }
    }

    Future<Void> put(String tenant, String fileId, TableProfile profile) {
        return store.put(Keys.profile(tenant, fileId), Json.toJson(profile).toBuffer());
    }

    /** The stored profile of the file of {@code manifest}; computed and stored now when there is none. */
    Future<TableProfile> of(String tenant, JsonObject manifest) {
        String fileId = manifest.getString("file_id");
        return store.get(Keys.profile(tenant, fileId)).map(b -> Json.fromJson(b.toJsonObject(), TableProfile.class))
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException
                        ? store.localPath(manifest.getString("parquet_key"))
                        .compose(parquet -> vertx.executeBlocking(() -> compute(parquet, manifest.getString("table")), false))
                        .compose(profile -> put(tenant, fileId, profile).map(profile))
                        : Future.failedFuture(e));
    }

    /** The join hints that involve {@code fileId} (of project {@code project}), either side. */
    Future<List<JoinHints.Hint>> hintsOf(String tenant, String project, String fileId) {
        return store.get(Keys.joinHints(tenant, project))
                .map(b -> b.toJsonObject().getJsonArray("hints").stream()
                        .map(h -> Json.fromJson((JsonObject) h, JoinHints.Hint.class))
                        .filter(h -> h.fileId().equals(fileId) || h.otherFileId().equals(fileId))
                        .toList())
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException ? Future.succeededFuture(List.of()) : Future.failedFuture(e));
    }

    /**
     * Recomputes a project's join hints from its files' manifests (supplied) and profiles, one refresh at a time, and
     * writes them when {@code exists} still says the project exists (it is asked under the lock). The default project's
     * hints from before projects ({@link Keys#legacyJoinHintsPrefix}) are removed once its new ones are written.
     * Completes with the ids of the files whose own hints (from one of their columns to another file's key) changed,
     * whose answers may now read differently (none when the project is gone).
     *
     * <p>Refreshes coalesce ({@link HintRefreshes}): one that finds another measuring leaves its file to it, and
     * completes with no files.
     */
    Future<Set<String>> refreshHints(String tenant, String project, Supplier<Future<List<JsonObject>>> manifests, Supplier<Future<Boolean>> exists) {
        return refreshes.request(tenant, project, () -> measureHints(tenant, project, manifests, exists));
    }

    /** One measure of a project's hints, under its lock (held by the caller). */
    private Future<Set<String>> measureHints(String tenant, String project, Supplier<Future<List<JsonObject>>> manifests,
                                             Supplier<Future<Boolean>> exists) {
        return allHints(tenant, project).compose(before -> manifests.get()
                        .compose(all -> Future.all(all.stream().map(m -> of(tenant, m)).toList())
                                .compose(profiles -> {
                                    List<JoinHints.Table> tables = new ArrayList<>();
                                    for (int i = 0; i < all.size(); i++) {
                                        tables.add(new JoinHints.Table(all.get(i).getString("file_id"), all.get(i).getString("name"),
                                                null, profiles.resultAt(i)));
                                    }
                                    return withParquet(tenant, tables, JoinHints.involved(tables, before));
                                }))
                        .compose(tables -> vertx.executeBlocking(() -> find(tables, before), false))
                        .compose(hints -> exists.get().compose(present -> !present ? Future.succeededFuture(Set.<String>of())
                                : store.put(Keys.joinHints(tenant, project), new JsonObject()
                                        .put("updated_at", Instant.now().toString())
                                        .put("hints", new JsonArray(hints.stream().map(h -> (Object) Json.toJson(h)).toList()))
                                        .toBuffer())
                                .compose(v -> store.put(Keys.joinHintsMarkdown(tenant, project), Buffer.buffer(JoinHints.markdown(hints))))
                                .compose(v -> Project.DEFAULT.equals(project) ? store.deletePrefix(Keys.legacyJoinHintsPrefix(tenant))
                                        : Future.<Void>succeededFuture())
                                .map(v -> changed(before, hints)))));
    }

    /** Every stored hint of the project (none before the first measurement). */
    private Future<List<JoinHints.Hint>> allHints(String tenant, String project) {
        return store.get(Keys.joinHints(tenant, project))
                .map(b -> b.toJsonObject().getJsonArray("hints").stream()
                        .map(h -> Json.fromJson((JsonObject) h, JoinHints.Hint.class)).toList())
                .recover(e -> Future.succeededFuture(List.of()));
    }

    /** The files whose outgoing hints differ between {@code before} and {@code after}. */
    static Set<String> changed(List<JoinHints.Hint> before, List<JoinHints.Hint> after) {
        Set<JoinHints.Hint> was = new java.util.HashSet<>(before);
        Set<JoinHints.Hint> now = new java.util.HashSet<>(after);
        Set<String> files = new LinkedHashSet<>();
        before.stream().filter(h -> !now.contains(h)).forEach(h -> files.add(h.fileId()));
        after.stream().filter(h -> !was.contains(h)).forEach(h -> files.add(h.fileId()));
        return files;
    }

    /**
     * The tables, those a new hint involves with their Parquet file at hand (a download from S3); the others keep
     * none, as their hints are known.
     */
    private Future<List<JoinHints.Table>> withParquet(String tenant, List<JoinHints.Table> tables, Set<String> involved) {
        return Future.all(tables.stream().map(t -> involved.contains(t.fileId())
                        ? store.localPath(Keys.parquet(tenant, t.fileId())) : Future.<Path>succeededFuture(null)).toList())
                .map(paths -> {
                    List<JoinHints.Table> located = new ArrayList<>();
                    for (int i = 0; i < tables.size(); i++) {
                        JoinHints.Table t = tables.get(i);
                        located.add(new JoinHints.Table(t.fileId(), t.name(), paths.resultAt(i), t.profile()));
                    }
                    return located;
                });
    }

    private List<JoinHints.Hint> find(List<JoinHints.Table> tables, List<JoinHints.Hint> known) {
        if (tables.isEmpty()) {
            return List.of();
        }
        Set<Path> dirs = new LinkedHashSet<>();
        tables.stream().filter(t -> t.parquet() != null).forEach(t -> dirs.add(t.parquet().toAbsolutePath().getParent()));
        try (Connection db = DuckDb.open(List.copyOf(dirs), limits)) {
            return new JoinHints().find(db, tables, known);
        } catch (SQLException e) {
            throw new BusError(500, "internal", "the join hints could not be measured: " + firstLine(e.getMessage()), null);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
