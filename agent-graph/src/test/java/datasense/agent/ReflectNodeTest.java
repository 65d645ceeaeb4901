package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectNodeTest {

    private static final PlanStep A = new PlanStep("sql_executor", JsonNodeFactory.instance.objectNode(), "a");
    private static final PlanStep B = new PlanStep("sql_executor", JsonNodeFactory.instance.objectNode(), "b");
    private static final StepOutput OUT = new StepOutput("ok", List.of(), List.of(), List.of(), "n", 1);

    private static AnalysisState with(StepState... steps) {
        List<StepState> list = List.of(steps);
        return AnalysisState.start("j", "t", "q", null, List.of())
                .withPlan(new Plan(list.stream().map(StepState::step).toList(), "i", 1, List.of(), List.of(), "p"),
                        list);
    }

    @Test
    void firstFailureGoesBackToThePlannerWithTheError() {
        AnalysisState s = ReflectNode.reflect(with(StepState.pending(A, 0).failed("bad_args", "no such op", "use eq"),
                StepState.pending(B, 0)));

        assertThat(ReflectNode.route(s)).isEqualTo(ReflectNode.REPAIR);
        assertThat(s.repair()).isEqualTo(new StepFailure(0, A, "bad_args", "no such op"));
        assertThat(s.unanswered()).isEmpty();
    }

    @Test
    void secondFailureIsUnansweredWithItsReasonAndTheRunGoesOn() {
        AnalysisState s = ReflectNode.reflect(with(StepState.pending(A, 1).failed("bad_args", "no such op", "use eq"),
                StepState.pending(B, 0)));

        assertThat(ReflectNode.route(s)).isEqualTo(ReflectNode.NEXT_STEP);
        assertThat(s.repair()).isNull();
        assertThat(s.unanswered()).containsExactly(new UnansweredIntent("a", "no such op (use eq)"));
        // reflecting again does not list it twice
        assertThat(ReflectNode.reflect(s).unanswered()).hasSize(1);
    }

    @Test
    void whenNothingIsPendingEveryIntentNeedsAnOkStep() {
        AnalysisState s = ReflectNode.reflect(with(StepState.pending(A, 0).succeeded(OUT),
                new StepState(B, StepState.Status.OK, 1, null, null, null, null),
                new StepState(new PlanStep("chart", null, "c"), StepState.Status.PENDING, 0, null, null, null, null)
                        .failed("no_input", "x", null).exhausted()));

        assertThat(ReflectNode.route(s)).isEqualTo(ReflectNode.DONE);
        assertThat(s.unanswered()).containsExactly(new UnansweredIntent("c", "x"));

        AnalysisState empty = ReflectNode.reflect(with());
        assertThat(ReflectNode.route(empty)).isEqualTo(ReflectNode.DONE);
        assertThat(empty.trace()).anyMatch(n -> n.contains("no steps"));
    }
}
