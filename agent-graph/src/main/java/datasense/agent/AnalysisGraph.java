package datasense.agent;

import datasense.graph.CompiledGraph;
import datasense.graph.GraphOptions;
import datasense.graph.GraphRun;
import datasense.graph.StateGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis graph: plan, act, reflect, then plan again (repair a failed step), act again (next step) or
 * answer. See docs/agent-graph.md for the diagram.
 */
public final class AnalysisGraph {

    public static final String PLAN = "plan";
    public static final String ACT = "act";
    public static final String REFLECT = "reflect";
    public static final String ANSWER = "answer";

    /** Enough for a dozen steps (act + reflect each) with repairs; a hard stop for anything looping. */
    public static final int DEFAULT_MAX_STEPS = 40;

    private AnalysisGraph() {
    }

    /** The graph with the default step limit and no checkpoints. */
    public static CompiledGraph<AnalysisState> build(AnalysisPorts ports) {
        return build(ports, new GraphOptions<>(DEFAULT_MAX_STEPS, null));
    }

    /** The graph with the host's options (e.g. a checkpointer writing {@link AnalysisJson} to a store). */
    public static CompiledGraph<AnalysisState> build(AnalysisPorts ports, GraphOptions<AnalysisState> options) {
        Map<String, String> afterReflect = new LinkedHashMap<>();
        afterReflect.put(ReflectNode.REPAIR, PLAN);
        afterReflect.put(ReflectNode.NEXT_STEP, ACT);
        afterReflect.put(ReflectNode.DONE, ANSWER);
        return new StateGraph<AnalysisState>()
                .addNode(PLAN, new PlanNode(ports))
                .addNode(ACT, new ActNode(ports))
                .addNode(REFLECT, new ReflectNode(ports))
                .addNode(ANSWER, new AnswerNode(ports))
                .setEntryPoint(PLAN)
                .addEdge(PLAN, ACT)
                .addEdge(ACT, REFLECT)
                .addConditionalEdges(REFLECT, ReflectNode.ROUTER, afterReflect)
                .addEdge(ANSWER, StateGraph.END)
                .compile(options);
    }

    /**
     * The final state of a run, whatever its outcome: a completed run as it is; a run stopped by the step limit
     * or a failure gets an answer from what it has, its pending or unanswered intents listed with the reason,
     * and endReason {@code step_limit} or {@code failed}.
     */
    public static AnalysisState settle(GraphRun<AnalysisState> run) {
        AnalysisState state = run.state();
        if (run.outcome() == GraphRun.Outcome.COMPLETED || state == null) {
            return state;
        }
        String why = run.outcome() == GraphRun.Outcome.STEP_LIMIT
                ? "the analysis stopped at its step limit (" + run.steps() + " steps)"
                : "the analysis failed at " + run.lastNode() + ": "
                + (run.error() == null ? "unknown error" : PlanNode.rootMessage(run.error()));
        List<UnansweredIntent> unanswered = new ArrayList<>(state.unanswered());
        for (String intent : state.intents()) {
            boolean answered = state.steps().stream().anyMatch(s -> s.status() == StepState.Status.OK
                    && AnalysisState.intentOf(s.step()).equals(intent));
            if (!answered && unanswered.stream().noneMatch(u -> u.intent().equals(intent))) {
                unanswered.add(new UnansweredIntent(intent, why));
            }
        }
        AnalysisState settled = state.withRepair(null).withUnanswered(unanswered);
        settled = settled.withCaveats(DataCaveats.of(settled));
        String reason = run.outcome() == GraphRun.Outcome.STEP_LIMIT ? "step_limit" : "failed";
        return settled.withAnswer(AnswerWriter.write(settled), reason).noted("settle: " + why);
    }
}
