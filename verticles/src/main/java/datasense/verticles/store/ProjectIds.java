package datasense.verticles.store;

import datasense.verticles.bus.BusError;
import io.vertx.core.Future;
import java.util.regex.Pattern;

/**
 * Which project ids exist for a tenant: {@code default} always (it is implicit and has no record), any other only
 * while its record ({@link Keys#projectRecord}) is in the store. One rule, so every route that takes a project
 * answers an unknown one the same way: 404 {@code project_not_found}.
 */
public final class ProjectIds {

    /** The project every tenant has, and where files uploaded without one go. */
    public static final String DEFAULT = "default";
    private static final Pattern MADE = Pattern.compile("p_[0-9a-f]{12}");

    private ProjectIds() {
    }

    /** Completes when {@code projectId} is a project of {@code tenant}; else fails with 404 {@code project_not_found}. */
    public static Future<Void> requireExists(ObjectStore store, String tenant, String projectId) {
        if (DEFAULT.equals(projectId)) {
            return Future.succeededFuture();
        }
        if (projectId == null || !MADE.matcher(projectId).matches()) {
            return Future.failedFuture(notFound(projectId));
        }
        return store.exists(Keys.projectRecord(tenant, projectId))
                .compose(found -> found ? Future.<Void>succeededFuture() : Future.failedFuture(notFound(projectId)));
    }

    private static BusError notFound(String projectId) {
        return new BusError(404, "project_not_found", "project '" + projectId + "' does not exist",
                "list your projects with GET /projects, or use the project 'default'");
    }
}
