package datasense.graph;

/** One node run of a graph run: its step number within the thread, the node's name and how long it took. */
public record StepRecord(int step, String node, long durationNanos) {
}
