package datasense.verticles.store;

import datasense.verticles.bus.Project;
import io.vertx.core.Future;

/**
 * Which project ids exist for a tenant: {@link Project#DEFAULT} always (it is implicit and has no record), any other
 * only while its record ({@link Keys#projectRecord}) is in the store. One rule, so every route that takes a project
 * answers an unknown one the same way: 404 {@code project_not_found}.
 */
public final class ProjectIds {

    private ProjectIds() {
    }

    /** Completes when {@code projectId} is a project of {@code tenant}; else fails with 404 {@code project_not_found}. */
    public static Future<Void> requireExists(ObjectStore store, String tenant, String projectId) {
        if (Project.DEFAULT.equals(projectId)) {
            return Future.succeededFuture();
        }
        if (!Project.validId(projectId)) {
            return Future.failedFuture(Project.notFound(projectId));
        }
        return store.exists(Keys.projectRecord(tenant, projectId))
                .compose(found -> found ? Future.<Void>succeededFuture() : Future.failedFuture(Project.notFound(projectId)));
    }
}
