package datasense.graph;

/**
 * How a compiled graph runs: the most steps a thread may take (its whole life, across resumes, so a graph
 * stuck in a loop stops even if it is resumed) and where checkpoints go (null: none are kept).
 */
public record GraphOptions<S>(int maxSteps, Checkpointer<S> checkpointer) {

    /** Used when none is given: generous for small graphs, still a hard stop for runaway loops. */
    public static final int DEFAULT_MAX_STEPS = 25;

    public GraphOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
    }

    /** The default step limit and no checkpoints. */
    public static <S> GraphOptions<S> defaults() {
        return new GraphOptions<>(DEFAULT_MAX_STEPS, null);
    }

    public GraphOptions<S> withMaxSteps(int steps) {
        return new GraphOptions<>(steps, checkpointer);
    }

    public GraphOptions<S> withCheckpointer(Checkpointer<S> saver) {
        return new GraphOptions<>(maxSteps, saver);
    }
}
