package datasense.graph;

import java.util.Set;
import java.util.function.Function;

/**
 * Chooses the label of the conditional edge to follow after a node, from the state alone. It must be a pure
 * function: the runner calls it once per step and records the chosen next node in the checkpoint.
 */
@FunctionalInterface
public interface Router<S> {

    String route(S state);

    /**
     * The labels this router can return, when known; {@link StateGraph#compile} then checks each has a route.
     * Empty means "not declared" and a stray label is only caught when it is returned.
     */
    default Set<String> labels() {
        return Set.of();
    }

    /** A router that declares its labels so a missing route is a compile-time error. */
    static <S> Router<S> of(Set<String> labels, Function<S, String> route) {
        Set<String> declared = Set.copyOf(labels);
        return new Router<>() {
            @Override
            public String route(S state) {
                return route.apply(state);
            }

            @Override
            public Set<String> labels() {
                return declared;
            }
        };
    }
}
