package datasense.graph;

/**
 * The state of a thread right after a step: the step number (1 for the first node run), the node just run,
 * the node to run next ({@link StateGraph#END} when the run is over) and the state it produced. Resuming
 * starts at {@code nextNode} with {@code state}.
 */
public record Checkpoint<S>(String threadId, int step, String nodeJustRun, String nextNode, S state) {
}
