package datasense.graph;

import java.util.concurrent.CompletionStage;

/**
 * One unit of work of a graph: takes the current state and completes with the next one. States are treated
 * as immutable values, so a node returns a new state rather than changing the one it was given; that is what
 * makes a saved checkpoint safe to resume from.
 */
@FunctionalInterface
public interface Node<S> {

    CompletionStage<S> apply(S state);
}
