package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A job's state: the reply of {@code ds.jobs.get} and of {@code ds.agent.run} (once accepted), the body of
 * {@code GET /jobs/{id}}, the entry of the shared map {@code ds.jobs} and the finished job's record in the store.
 * Only the map and the store hold {@code tenant} (whose job it is); {@link #forClient()} leaves it out.
 *
 * @param status  {@value #RUNNING}, {@value #DONE} or {@value #FAILED}
 * @param resumed true when another agent took the job over
 * @param result  the /ask body, once done
 * @param trace   the step trace, once done
 * @param error   {error, message, hint, status}, once failed
 * @param startedAt  when the job was asked (its {@link RunJob#askedAt()}, so a resumed job keeps it)
 * @param finishedAt when it ended, done or failed; null while running
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(String jobId, String status, String fileId, String question, String agent, String conversationId,
                        Boolean resumed, String tenant, JsonObject result, JsonArray trace, JsonObject error,
                        String startedAt, String finishedAt) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** A job just accepted (or resumed) by {@code agent}. */
    public static JobStatus running(String tenant, RunJob job, String agent, boolean resumed) {
        return new JobStatus(job.jobId(), RUNNING, job.fileId(), job.question(), agent, job.conversationId(),
                resumed ? Boolean.TRUE : null, tenant, null, null, null,
                java.time.Instant.ofEpochMilli(job.askedAt()).toString(), null);
    }

    public JobStatus done(JsonObject body) {
        return new JobStatus(jobId, DONE, fileId, question, agent, conversationId, resumed, tenant, body,
                body.getJsonArray("trace"), null, startedAt, java.time.Instant.now().toString());
    }

    public JobStatus failed(BusError failure) {
        return new JobStatus(jobId, FAILED, fileId, question, agent, conversationId, resumed, tenant, null, null,
                failure.bodyWithStatus(), startedAt, java.time.Instant.now().toString());
    }

    /** What a client is shown: everything but whose job it is. */
    public JobStatus forClient() {
        return new JobStatus(jobId, status, fileId, question, agent, conversationId, resumed, null, result, trace, error,
                startedAt, finishedAt);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static JobStatus fromJson(JsonObject json) {
        return Json.fromJson(json, JobStatus.class);
    }
}
