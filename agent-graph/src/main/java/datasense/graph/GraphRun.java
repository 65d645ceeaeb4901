package datasense.graph;

import java.util.List;

/**
 * How a run ended. {@code state} is the last state produced (for FAILED: the state the failing node was
 * given); {@code steps} is the thread's step count (it continues across resumes); {@code records} lists the
 * steps of this run only; {@code lastNode} is the last node run (for FAILED: the one that failed);
 * {@code error} is the cause of a FAILED run, else null.
 */
public record GraphRun<S>(S state, Outcome outcome, int steps, List<StepRecord> records, String lastNode,
                          Throwable error) {

    /** How a run ended. */
    public enum Outcome {
        /** Reached END. */
        COMPLETED,
        /** Stopped because the thread took {@link GraphOptions#maxSteps()} steps before reaching END. */
        STEP_LIMIT,
        /** A node, a router or the checkpointer failed; see {@link GraphRun#error()}. */
        FAILED
    }

    public GraphRun {
        records = List.copyOf(records);
    }

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }
}
