package datasense.agent;

import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the analysis graph knows about one job, as an immutable value that checkpoints serialize with
 * {@link AnalysisJson#MAPPER}. {@code plan} is the current plan (repaired steps spliced in); {@code steps}
 * follows its steps one for one; {@code repair} is the failure reflection handed to the planner (null unless a
 * repair is due); {@code endReason} is null unless the run ended without a full answer ({@code not_understood},
 * {@code partial}, {@code no_results}, {@code step_limit}, {@code failed}); {@code caveats} are the data-quality
 * notes that matter to this answer (see {@link DataCaveats}), most important first, filled by the answer node.
 */
public record AnalysisState(String jobId, String tenant, String question, SchemaInfo schema, List<Turn> history,
                            Plan plan, List<StepState> steps, StepFailure repair, int replans, String answer,
                            String endReason, List<UnansweredIntent> unanswered, List<String> trace,
                            List<String> caveats) {

    public AnalysisState {
        history = history == null ? List.of() : List.copyOf(history);
        steps = steps == null ? List.of() : List.copyOf(steps);
        unanswered = unanswered == null ? List.of() : List.copyOf(unanswered);
        trace = trace == null ? List.of() : List.copyOf(trace);
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
    }

    /** A job about to be planned. */
    public static AnalysisState start(String jobId, String tenant, String question, SchemaInfo schema,
                                      List<Turn> history) {
        return new AnalysisState(jobId, tenant, question, schema, history, null, List.of(), null, 0, null, null,
                List.of(), List.of(), List.of());
    }

    public AnalysisState withPlan(Plan newPlan, List<StepState> newSteps) {
        return new AnalysisState(jobId, tenant, question, schema, history, newPlan, newSteps, repair, replans,
                answer, endReason, unanswered, trace, caveats);
    }

    public AnalysisState withSteps(List<StepState> newSteps) {
        return withPlan(plan, newSteps);
    }

    public AnalysisState withStep(int index, StepState step) {
        List<StepState> next = new ArrayList<>(steps);
        next.set(index, step);
        return withSteps(next);
    }

    public AnalysisState withRepair(StepFailure failure) {
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, failure, replans, answer,
                endReason, unanswered, trace, caveats);
    }

    public AnalysisState withReplans(int count) {
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, repair, count, answer,
                endReason, unanswered, trace, caveats);
    }

    public AnalysisState withUnanswered(List<UnansweredIntent> intents) {
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, repair, replans, answer,
                endReason, intents, trace, caveats);
    }

    public AnalysisState withAnswer(String text, String reason) {
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, repair, replans, text,
                reason, unanswered, trace, caveats);
    }

    public AnalysisState withCaveats(List<String> notes) {
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, repair, replans, answer,
                endReason, unanswered, trace, notes);
    }

    public AnalysisState noted(String note) {
        List<String> next = new ArrayList<>(trace);
        next.add(note);
        return new AnalysisState(jobId, tenant, question, schema, history, plan, steps, repair, replans, answer,
                endReason, unanswered, next, caveats);
    }

    /** Index of the first pending step, or -1. */
    public int nextPending() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).status() == StepState.Status.PENDING) {
                return i;
            }
        }
        return -1;
    }

    /** The distinct intents of the plan's steps, in plan order (blank intents count as the step's tool). */
    public List<String> intents() {
        Set<String> seen = new LinkedHashSet<>();
        for (StepState s : steps) {
            seen.add(intentOf(s.step()));
        }
        return List.copyOf(seen);
    }

    static String intentOf(PlanStep step) {
        return step.intent() == null || step.intent().isBlank() ? step.tool() : step.intent();
    }
}
