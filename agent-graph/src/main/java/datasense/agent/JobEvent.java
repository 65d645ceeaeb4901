package datasense.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The progress events of one analysis job: a versioned contract, one record per event type, published on
 * {@code ds.job.<job_id>.events} and documented in docs/event-bus.md (a test keeps the two in step). On the wire
 * each is a JSON object with {@code v} (the contract's version), {@code event} (its type) and its fields in
 * snake_case. The graph emits {@code planned}, {@code step_started}, {@code step_finished}, {@code reflected} and
 * {@code answered}; the host runs the job and emits {@code started}, {@code resumed}, {@code step_retried} and last
 * {@code done} or {@code failed}. Within a version fields are only added; renaming or removing one is a new version.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JobEvent.Started.class, name = "started"),
        @JsonSubTypes.Type(value = JobEvent.Resumed.class, name = "resumed"),
        @JsonSubTypes.Type(value = JobEvent.Planned.class, name = "planned"),
        @JsonSubTypes.Type(value = JobEvent.StepStarted.class, name = "step_started"),
        @JsonSubTypes.Type(value = JobEvent.StepFinished.class, name = "step_finished"),
        @JsonSubTypes.Type(value = JobEvent.StepRetried.class, name = "step_retried"),
        @JsonSubTypes.Type(value = JobEvent.Reflected.class, name = "reflected"),
        @JsonSubTypes.Type(value = JobEvent.Answered.class, name = "answered"),
        @JsonSubTypes.Type(value = JobEvent.Done.class, name = "done"),
        @JsonSubTypes.Type(value = JobEvent.Failed.class, name = "failed")})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface JobEvent {

    /** The contract's version, in every event as {@code v}. */
    int VERSION = 1;

    String jobId();

    @JsonProperty("v")
    default int version() {
        return VERSION;
    }

    /** An agent accepted the job. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Started(String jobId, String agent) implements JobEvent {
    }

    /** Another agent took the job over from its last checkpoint (the first agent's node was lost). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Resumed(String jobId, String agent) implements JobEvent {
    }

    /**
     * A plan was made, or a failed step repaired ({@code repair}); {@code repaired} is false when the planner had
     * no fix. {@code planner}, {@code interpretation} and {@code confidence} are absent when nothing was planned.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Planned(String jobId, int steps, String planner, String interpretation, Double confidence, boolean repair,
                   Boolean repaired) implements JobEvent {
    }

    /** Step {@code index} is about to run ({@code attempt} 2 after a repair). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepStarted(String jobId, int index, String tool, String intent, int attempt) implements JobEvent {
    }

    /**
     * Step {@code index} ran: {@code status} "ok" with its {@code summary}, or "failed" with the tool's {@code code}
     * and {@code message}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepFinished(String jobId, int index, String tool, String status, long durationMs, String summary, String code,
                        String message) implements JobEvent {
    }

    /** A tool call was sent again (attempt {@code attempt}) because the node running it went silent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StepRetried(String jobId, int index, String tool, int attempt, String reason) implements JobEvent {
    }

    /** After a step, what comes next: "repair" (a failed step), "next_step" or "done"; {@code unanswered} intents so far. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reflected(String jobId, String decision, int unanswered) implements JobEvent {
    }

    /** The answer is written; {@code end_reason} is absent for a full answer. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answered(String jobId, String endReason, int unanswered, double confidence) implements JobEvent {
    }

    /** The job is over: {@code result} is the /ask body. The last event of a job that succeeded. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Done(String jobId, Map<String, Object> result) implements JobEvent {
    }

    /** The job is over: {@code error} says why. The last event of a job that failed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Failed(String jobId, Error error) implements JobEvent {
    }

    /** A failed job's error: the API's error body and the HTTP status it deserves. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String error, String message, String hint, int status) {
    }
}
