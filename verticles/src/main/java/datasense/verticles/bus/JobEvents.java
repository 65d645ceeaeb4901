package datasense.verticles.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import datasense.agent.JobEvent;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * The one JSON mapping of {@link JobEvent}s and the one way they are published: on {@code ds.job.<job_id>.events},
 * with the job's tenant in the {@link TenantHeader} (so a bridge can tell whose event it is without reading it).
 */
public final class JobEvents {

    private JobEvents() {
    }

    public static JsonObject toJson(JobEvent event) {
        try {
            return new JsonObject(Json.MAPPER.writerFor(JobEvent.class).writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + event, e);
        }
    }

    public static JobEvent fromJson(JsonObject json) {
        return Json.fromJson(json, JobEvent.class);
    }

    public static void publish(EventBus bus, String tenant, JobEvent event) {
        bus.publish(Address.jobEvents(event.jobId()), toJson(event), TenantHeader.on(BusTimeouts.SHORT, tenant));
    }

    /**
     * The last event of a job that {@code status} says is over ({@code done} with its answer, or {@code failed}),
     * or null while it runs: what a listener is handed when a poll learns of the end before the event arrives.
     */
    public static JobEvent lastOf(JobStatus status) {
        if (JobStatus.DONE.equals(status.status()) && status.result() != null) {
            return new JobEvent.Done(status.jobId(), status.result().getMap());
        }
        if (JobStatus.FAILED.equals(status.status()) && status.error() != null) {
            return new JobEvent.Failed(status.jobId(), error(BusError.of(status.error())));
        }
        return null;
    }

    /** The error a failed job's last event carries. */
    public static JobEvent.Error error(BusError failure) {
        JsonObject body = failure.body();
        return new JobEvent.Error(body.getString("error"), body.getString("message"), body.getString("hint"), failure.status());
    }
}
