package datasense.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code plan} node. First visit: asks the planner for a plan. With a failure in hand (set by reflection):
 * asks the planner to repair it and splices the repaired steps in place of the failed one, shifting later
 * {@code from_step} references so charts still draw the table they meant. A repair that fails or comes back
 * empty leaves the failed step in place, marked as not worth another try.
 */
final class PlanNode implements Node<AnalysisState> {

    private final AnalysisPorts ports;

    PlanNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState state) {
        StepFailure failure = state.repair();
        if (failure == null) {
            return ports.plan(new PlanRequest(state.question(), state.schema(), state.history(), null))
                    .thenApply(plan -> planned(state, plan));
        }
        CompletionStage<Plan> repaired;
        try {
            repaired = ports.plan(new PlanRequest(state.question(), state.schema(), state.history(), failure));
        } catch (RuntimeException e) {
            repaired = CompletableFuture.failedFuture(e);
        }
        return repaired.handle((plan, error) -> {
            AnalysisState next = state.withRepair(null).withReplans(state.replans() + 1);
            if (error != null || plan == null || plan.steps() == null || plan.steps().isEmpty()) {
                String why = error != null ? "the planner failed: " + rootMessage(error) : "the planner had no fix";
                Progress.emit(ports, new JobEvent.Planned(state.jobId(), state.steps().size(), null, null, null, true, false));
                return next.withStep(failure.index(), state.steps().get(failure.index()).exhausted())
                        .noted("plan: could not repair step " + failure.index() + " (" + why + ")");
            }
            return splice(next, failure, plan);
        });
    }

    private AnalysisState planned(AnalysisState state, Plan plan) {
        List<PlanStep> planSteps = plan.steps() == null ? List.of() : plan.steps();
        List<StepState> steps = planSteps.stream().map(s -> StepState.pending(s, 0)).toList();
        Progress.emit(ports, new JobEvent.Planned(state.jobId(), steps.size(), plan.planner(), plan.interpretation(),
                plan.confidence(), false, null));
        return state.withPlan(plan, steps).noted("plan: " + steps.size() + " step(s) from the "
                + plan.planner() + " planner, confidence " + String.format(java.util.Locale.ROOT, "%.2f",
                plan.confidence()));
    }

    private AnalysisState splice(AnalysisState state, StepFailure failure, Plan repair) {
        int at = failure.index();
        StepState failed = state.steps().get(at);
        String intent = AnalysisState.intentOf(failed.step());
        int shift = repair.steps().size() - 1;
        List<StepState> steps = new ArrayList<>(state.steps().subList(0, at));
        for (PlanStep s : repair.steps()) {
            // The repair answers the same intent; keeping its name lets reflection see the intent answered.
            steps.add(StepState.pending(new PlanStep(s.tool(), s.args(), intent), failed.attempts()));
        }
        for (StepState later : state.steps().subList(at + 1, state.steps().size())) {
            steps.add(shifted(later, at, shift));
        }
        Plan old = state.plan();
        List<String> notes = new ArrayList<>(old.notes() == null ? List.of() : old.notes());
        if (repair.notes() != null) {
            notes.addAll(repair.notes());
        }
        Plan plan = new Plan(steps.stream().map(StepState::step).toList(), old.interpretation(), old.confidence(),
                notes, old.suggestions(), old.planner()).withJoins(old.joins());
        Progress.emit(ports, new JobEvent.Planned(state.jobId(), steps.size(), repair.planner(), null, null, true, true));
        return state.withPlan(plan, steps).noted("plan: replaced failed step " + at + " (" + failure.code()
                + ") with " + repair.steps().size() + " step(s)");
    }

    /** A later step whose {@code from_step} points past the spliced one must follow it by {@code shift}. */
    private static StepState shifted(StepState step, int at, int shift) {
        ObjectNode args = step.step().args();
        if (shift == 0 || args == null || !args.has("from_step") || args.get("from_step").asInt() <= at) {
            return step;
        }
        ObjectNode moved = args.deepCopy();
        moved.put("from_step", args.get("from_step").asInt() + shift);
        PlanStep s = step.step();
        return new StepState(new PlanStep(s.tool(), moved, s.intent()), step.status(), step.attempts(),
                step.output(), step.errorCode(), step.errorMessage(), step.errorHint());
    }

    static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
