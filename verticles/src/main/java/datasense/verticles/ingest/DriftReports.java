package datasense.verticles.ingest;

import datasense.tools.Limits;
import datasense.tools.profile.Drift;
import datasense.tools.sql.DuckDb;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drift reports between two versions of a file ({@link Drift}), computed on demand and kept at {@link Keys#drift}
 * under the later file: a file's data never changes once ingested (a re-upload is a new file), so a report once
 * computed stays true and is read back rather than computed again. The files role warms the report of each upload
 * that has an earlier version just after the upload is answered, so the profile's warning is usually ready; whatever
 * was not warmed is computed on first read. DuckDB runs in executeBlocking.
 */
final class DriftReports {

    private final Vertx vertx;
    private final ObjectStore store;
    private final Limits limits;

    DriftReports(Vertx vertx, ObjectStore store, String memoryLimit, int threads) {
        this.vertx = vertx;
        this.store = store;
        this.limits = new Limits(0, 0, 0, memoryLimit, threads);
    }

    /** The report from the file of manifest {@code from} to that of {@code to}: kept, or computed and kept now. */
    Future<Drift.Report> of(String tenant, JsonObject from, JsonObject to) {
        String key = Keys.drift(tenant, to.getString("file_id"), from.getString("file_id"));
        return store.get(key).map(b -> Json.fromJson(b.toJsonObject(), Drift.Report.class))
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException
                        ? store.localPath(from.getString("parquet_key"))
                        .compose(fromParquet -> store.localPath(to.getString("parquet_key"))
                                .compose(toParquet -> vertx.executeBlocking(() -> compute(fromParquet, toParquet), false)))
                        .compose(report -> store.put(key, Json.toJson(report).toBuffer()).map(report))
                        : Future.failedFuture(e));
    }

    private Drift.Report compute(Path from, Path to) {
        Set<Path> dirs = new LinkedHashSet<>(List.of(from.toAbsolutePath().getParent(), to.toAbsolutePath().getParent()));
        try (Connection db = DuckDb.open(List.copyOf(dirs), limits)) {
            return new Drift().compare(db, from, to);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new BusError(500, "internal", "the drift report could not be computed: " + message, null);
        }
    }
}
