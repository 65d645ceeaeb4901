package datasense.verticles.bus;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonObject;

/** {@code ds.jobs.get}: a job of the {@link TenantHeader}'s tenant; the reply is its {@link JobStatus}, or 404. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobQuery(String jobId) {

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static JobQuery fromJson(JsonObject json) {
        return Json.fromJson(json, JobQuery.class);
    }
}
