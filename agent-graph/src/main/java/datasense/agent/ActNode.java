package datasense.agent;

import com.fasterxml.jackson.databind.JsonNode;
import datasense.graph.Node;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The {@code act} node: runs the first pending step through the host and records its output or its failure.
 * Steps run one at a time, in plan order, so a chart's {@code from_step} has always run before it; the chart gets
 * that step's first table and the SQL statement behind it ({@link StepInput}). The node
 * itself never fails: a failing step is data for reflection.
 */
final class ActNode implements Node<AnalysisState> {

    /** A chart whose source step failed cannot be repaired on its own; it is given up at once. */
    static final String DEPENDENCY_FAILED = "dependency_failed";
    static final String NO_INPUT = "no_input";
    static final String INTERNAL = "internal";

    private final AnalysisPorts ports;

    ActNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState state) {
        int index = state.nextPending();
        if (index < 0) {
            return done(state.noted("act: no step to run"));
        }
        StepState current = state.steps().get(index);
        PlanStep step = current.step();
        StepInput input = null;
        if ("chart".equals(step.tool())) {
            JsonNode from = step.args() == null ? null : step.args().get("from_step");
            int source = from != null && from.canConvertToInt() ? from.asInt() : -1;
            if (source < 0 || source >= index) {
                return done(recorded(state, index, current.failed(NO_INPUT, "chart step " + index
                        + " must draw an earlier step, but from_step is " + (from == null ? "missing" : from),
                        "Set from_step to the index of an earlier step that returns a table."), 0));
            }
            StepState src = state.steps().get(source);
            if (src.status() != StepState.Status.OK) {
                return done(recorded(state, index, current.failed(DEPENDENCY_FAILED, "the step it draws (step "
                        + source + ", " + src.step().tool() + ") did not succeed", null).exhausted(), 0));
            }
            if (src.output() == null || src.output().tables() == null || src.output().tables().isEmpty()) {
                return done(recorded(state, index, current.failed(NO_INPUT, "step " + source + " ("
                        + src.step().tool() + ") returned no table to draw", "Draw a step that returns a table."), 0));
            }
            List<String> sql = src.output().sql();
            input = new StepInput(src.output().tables().get(0), sql == null || sql.isEmpty() ? null : sql.get(sql.size() - 1));
        }
        Progress.emit(ports, new JobEvent.StepStarted(state.jobId(), index, step.tool(), step.intent(), current.attempts() + 1));
        long started = System.nanoTime();
        CompletionStage<StepOutput> run;
        try {
            run = ports.runStep(state, index, step, input);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        return run.handle((output, error) -> {
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (error == null && output != null) {
                return recorded(state, index, current.succeeded(output), ms);
            }
            Throwable cause = unwrap(error);
            StepState failed = cause instanceof StepFailedException f
                    ? current.failed(f.code(), f.getMessage(), f.hint())
                    : current.failed(INTERNAL, cause == null ? "the step returned no output"
                    : PlanNode.rootMessage(cause), null);
            return recorded(state, index, failed, ms);
        });
    }

    private static CompletionStage<AnalysisState> done(AnalysisState state) {
        return CompletableFuture.completedFuture(state);
    }

    private AnalysisState recorded(AnalysisState state, int index, StepState outcome, long ms) {
        String tool = outcome.step().tool();
        if (outcome.status() == StepState.Status.OK) {
            Progress.emit(ports, new JobEvent.StepFinished(state.jobId(), index, tool, "ok", ms, outcome.output().summary(), null, null));
            return state.withStep(index, outcome).noted("act: step " + index + " " + tool + " ok in " + ms + " ms");
        }
        Progress.emit(ports, new JobEvent.StepFinished(state.jobId(), index, tool, "failed", ms, null, outcome.errorCode(),
                outcome.errorMessage()));
        return state.withStep(index, outcome).noted("act: step " + index + " " + tool + " failed ("
                + outcome.errorCode() + "): " + outcome.errorMessage());
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t != null && t.getCause() != null
                && (t instanceof CompletionException || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        return t;
    }
}
