package datasense.graph;

/**
 * How a compiled graph runs: the most steps a thread may take (its whole life, across resumes, so a graph
 * stuck in a loop stops even if it is resumed), where checkpoints go (null: none are kept), when a step waits
 * for its checkpoint ({@link Durability}) and what wraps each node call ({@link NodeHook}).
 */
public record GraphOptions<S>(int maxSteps, Checkpointer<S> checkpointer, Durability durability, NodeHook<S> nodeHook) {

    /** Used when none is given: generous for small graphs, still a hard stop for runaway loops. */
    public static final int DEFAULT_MAX_STEPS = 25;

    /**
     * When a step's checkpoint must be saved (the modes LangGraph calls durability). Either way every step is
     * checkpointed, in order, and a run ends only after its last checkpoint is saved (a failed save fails the run).
     */
    public enum Durability {
        /** The next step starts once the previous step's checkpoint is saved: a resume repeats at most one step. */
        SYNC,
        /**
         * The next step starts at once while the checkpoint is written behind it (saves stay in step order): a
         * run is not slowed by its saves, and a resume may repeat the steps whose saves were still in flight, so
         * use it only when a repeated step is harmless (its effects idempotent).
         */
        ASYNC
    }

    public GraphOptions {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, was " + maxSteps);
        }
        if (durability == null) {
            throw new IllegalArgumentException("durability is required");
        }
        if (nodeHook == null) {
            throw new IllegalArgumentException("nodeHook is required (NodeHook.none() for none)");
        }
    }

    public GraphOptions(int maxSteps, Checkpointer<S> checkpointer, Durability durability) {
        this(maxSteps, checkpointer, durability, NodeHook.none());
    }

    public GraphOptions(int maxSteps, Checkpointer<S> checkpointer) {
        this(maxSteps, checkpointer, Durability.SYNC);
    }

    /** The default step limit, no checkpoints, and {@link Durability#SYNC} once a checkpointer is given. */
    public static <S> GraphOptions<S> defaults() {
        return new GraphOptions<>(DEFAULT_MAX_STEPS, null, Durability.SYNC);
    }

    public GraphOptions<S> withMaxSteps(int steps) {
        return new GraphOptions<>(steps, checkpointer, durability, nodeHook);
    }

    public GraphOptions<S> withCheckpointer(Checkpointer<S> saver) {
        return new GraphOptions<>(maxSteps, saver, durability, nodeHook);
    }

    public GraphOptions<S> withDurability(Durability mode) {
        return new GraphOptions<>(maxSteps, checkpointer, mode, nodeHook);
    }

    public GraphOptions<S> withNodeHook(NodeHook<S> hook) {
        return new GraphOptions<>(maxSteps, checkpointer, durability, hook);
    }
}
