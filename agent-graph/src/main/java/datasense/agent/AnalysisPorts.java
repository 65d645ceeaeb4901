package datasense.agent;

import java.util.concurrent.CompletionStage;

/**
 * What the analysis graph needs from its host (the job verticle): a planner, a way to run one tool call, and
 * a sink for progress events. The graph itself does no I/O.
 *
 * <p>Progress events are {@link JobEvent}s: the graph emits planned, step_started, step_finished, reflected and
 * answered.
 */
public interface AnalysisPorts {

    /** Plans the question; with {@link PlanRequest#failure()} set, returns the steps that replace the failed one. */
    CompletionStage<Plan> plan(PlanRequest request);

    /**
     * Runs step {@code index}. {@code input} is, for the {@code chart} tool, the first table of step
     * {@code args.from_step} and the SQL that produced it; else null. A failure completes exceptionally with a {@link StepFailedException}; any
     * other exception is recorded as an {@code internal} failure.
     */
    CompletionStage<StepOutput> runStep(AnalysisState state, int index, PlanStep step, StepInput input);

    /** Reports progress; must not block. Exceptions are ignored: progress is never worth failing a job for. */
    void progress(JobEvent event);
}
