package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.agent.Plan;
import io.vertx.core.json.JsonObject;

/**
 * {@code ds.agent.run}: one question on one file, to be run as a job; the tenant travels in the
 * {@link TenantHeader}. The agent answers as soon as it has accepted the job ({@link JobStatus}, running); the
 * answer comes as the job's last event. Delivered twice (a re-send after a timeout), the job runs once.
 *
 * @param askedAt        when it was asked (epoch ms): the question's id derives from it and the job id
 * @param conversationId the conversation the question belongs to (an unknown id starts one); null: none (a re-run)
 * @param cacheKey       the question cache's key to fill with the answer, or null (a follow-up, a re-run)
 * @param plan           a re-run's recorded plan, used instead of planning; else null
 * @param rerunOf        the question id a re-run repeats, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunJob(String jobId, String fileId, String question, String planner, long askedAt,
                     String conversationId, String cacheKey, Plan plan, String rerunOf) {

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static RunJob fromJson(JsonObject json) {
        return Json.fromJson(json, RunJob.class);
    }
}
