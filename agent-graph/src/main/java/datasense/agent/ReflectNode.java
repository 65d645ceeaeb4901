package datasense.agent;

import datasense.graph.Node;
import datasense.graph.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code reflect} node: pure Java, no I/O (its decision is reported as a {@code reflected} event). After each
 * step it decides what comes next and leaves the decision in the state, so {@link #ROUTER} only reads it:
 * <ol>
 *   <li>a step failed on its first attempt: hand the failure to the planner ({@code repair});</li>
 *   <li>a step failed again (or cannot be repaired): its intent is unanswered, with the reason; go on;</li>
 *   <li>steps are pending: run the next one ({@code next step});</li>
 *   <li>otherwise ({@code done}), including a plan with no steps: every intent without an OK step is listed as
 *       unanswered, and the answer is written.</li>
 * </ol>
 */
final class ReflectNode implements Node<AnalysisState> {

    /** A step is tried once, then once more after the planner repaired it with the error in hand. */
    static final int MAX_ATTEMPTS = 2;

    static final String REPAIR = "repair";
    static final String NEXT_STEP = "next step";
    static final String DONE = "done";

    /** Reads the decision {@link #reflect} left in the state. */
    static final Router<AnalysisState> ROUTER = Router.of(Set.of(REPAIR, NEXT_STEP, DONE), ReflectNode::route);

    private final AnalysisPorts ports;

    ReflectNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState state) {
        AnalysisState next = reflect(state);
        Progress.emit(ports, new JobEvent.Reflected(next.jobId(), route(next).replace(' ', '_'), next.unanswered().size()));
        return CompletableFuture.completedFuture(next);
    }

    static String route(AnalysisState state) {
        if (state.repair() != null) {
            return REPAIR;
        }
        return state.nextPending() >= 0 ? NEXT_STEP : DONE;
    }

    static AnalysisState reflect(AnalysisState state) {
        List<StepState> steps = state.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepState s = steps.get(i);
            if (s.status() == StepState.Status.FAILED && s.attempts() < MAX_ATTEMPTS) {
                return state.withRepair(new StepFailure(i, s.step(), s.errorCode(), s.errorMessage()))
                        .noted("reflect: step " + i + " (" + s.step().tool() + ") failed with " + s.errorCode()
                                + "; asking the planner to repair it");
            }
        }
        List<UnansweredIntent> unanswered = new ArrayList<>(state.unanswered());
        AnalysisState next = state.withRepair(null);
        for (int i = 0; i < steps.size(); i++) {
            StepState s = steps.get(i);
            String intent = AnalysisState.intentOf(s.step());
            // A failed chart does not unanswer an intent whose data step succeeded; the answer mentions it.
            if (s.status() == StepState.Status.FAILED && !answered(steps, intent) && !listed(unanswered, intent)) {
                unanswered.add(new UnansweredIntent(intent, failureReason(s)));
                next = next.noted("reflect: gave up on step " + i + " (" + s.step().tool() + "); '" + intent
                        + "' is unanswered");
            }
        }
        if (state.nextPending() < 0) {
            if (steps.isEmpty()) {
                next = next.noted("reflect: the plan has no steps; answering with the interpretation and suggestions");
            }
            // A later step of the same intent may have succeeded after an earlier one was given up.
            unanswered.removeIf(u -> answered(steps, u.intent()));
            for (String intent : state.intents()) {
                if (!answered(steps, intent) && !listed(unanswered, intent)) {
                    unanswered.add(new UnansweredIntent(intent, "no step of the plan produced a result for it"));
                }
            }
        }
        return next.withUnanswered(unanswered);
    }

    /** Why a step failed, in the words of the tool (with its hint, which says how to fix it). */
    static String failureReason(StepState s) {
        String reason = s.errorMessage() == null || s.errorMessage().isBlank() ? s.errorCode() : s.errorMessage();
        if (s.errorHint() != null && !s.errorHint().isBlank()) {
            reason += " (" + s.errorHint() + ")";
        }
        return reason;
    }

    private static boolean answered(List<StepState> steps, String intent) {
        return steps.stream().anyMatch(s -> s.status() == StepState.Status.OK
                && AnalysisState.intentOf(s.step()).equals(intent));
    }

    private static boolean listed(List<UnansweredIntent> unanswered, String intent) {
        return unanswered.stream().anyMatch(u -> u.intent().equals(intent));
    }
}
