package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonObject;

/**
 * One run listed by {@code GET /projects/{id}/runs} ({@code ds.projects.runs}): a file's profile computed at ingest,
 * an analysis job on one of the project's files, or a report made of one. Built from what each run leaves in the
 * store (the profile, the job's record, the report's manifest), so the list is rebuilt from the system of record.
 *
 * @param kind       {@value #PROFILE}, {@value #ANALYSIS} or {@value #REPORT}
 * @param id         the file id (profile), job id (analysis) or report id (report)
 * @param fileId     the file it ran on
 * @param status     {@code running}, {@code done} or {@code failed}
 * @param finishedAt null while running
 * @param durationMs null while running, or when the record does not say when it started
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectRun(String kind, String id, String fileId, String status, String startedAt, String finishedAt, Long durationMs) {

    public static final String PROFILE = "profile";
    public static final String ANALYSIS = "analysis";
    public static final String REPORT = "report";

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static ProjectRun fromJson(JsonObject json) {
        return Json.fromJson(json, ProjectRun.class);
    }
}
