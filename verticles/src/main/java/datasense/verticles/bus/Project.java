package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * A project: a tenant's named group of files (and so of their questions, boards and reports). It is the reply of
 * {@code ds.projects.create} and {@code ds.projects.get} and the store's {@code {tenant}/projects/{id}/project.json}.
 * Every tenant has the implicit project {@value #DEFAULT} (no record, never deleted), where a file uploaded without a
 * project goes and where a manifest without a {@code project} field belongs; any other id is {@code p_} and 12
 * lowercase hex characters.
 *
 * @param description null when none was given
 * @param createdAt   null for the implicit default project
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Project(String projectId, String name, String description, String createdAt) {

    /** The implicit project of every tenant. */
    public static final String DEFAULT = "default";
    /** The default project as listed: it has no record. */
    public static final Project DEFAULT_PROJECT = new Project(DEFAULT, "Default", "files uploaded without a project", null);

    private static final Pattern MADE_ID = Pattern.compile("p_[0-9a-f]{12}");

    /** True for {@value #DEFAULT} and for an id POST /projects could have made. */
    public static boolean validId(String id) {
        return id != null && (DEFAULT.equals(id) || MADE_ID.matcher(id).matches());
    }

    /** The project a file's manifest belongs to: its {@code project}, or {@value #DEFAULT} for a manifest from before projects. */
    public static String of(JsonObject manifest) {
        return manifest.getValue("project") instanceof String p && !p.isEmpty() ? p : DEFAULT;
    }

    /**
     * The cluster-wide lock under which a project's join hints are written (by the files role) and under which the
     * project's own keys are deleted (by the projects role), so no hints are written back after a delete.
     */
    public static String hintsLock(String tenant, String projectId) {
        return "ds.project." + tenant + "." + projectId;
    }

    /** The answer to an id that is not one of the tenant's projects (whoever else has it). */
    public static BusError notFound(String id) {
        return new BusError(404, "project_not_found", "project '" + id + "' does not exist",
                "list your projects with GET /projects, or make one with POST /projects");
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static Project fromJson(JsonObject json) {
        return Json.fromJson(json, Project.class);
    }
}
