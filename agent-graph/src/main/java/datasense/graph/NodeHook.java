package datasense.graph;

import java.util.concurrent.CompletionStage;

/**
 * Wraps every node call of a run, so a host can observe the steps (time them, trace them) without the graph knowing
 * how: LangChain's callbacks, as one function. An implementation calls {@code node} once with {@code state} and
 * returns its stage, or a stage completing as it does. Set it with {@link GraphOptions#withNodeHook}.
 */
@FunctionalInterface
public interface NodeHook<S> {

    /** Runs {@code node}, named {@code name}, as step {@code step} (1 for a thread's first) of thread {@code threadId}. */
    CompletionStage<S> around(String threadId, int step, String name, S state, Node<S> node);

    /** The hook that only calls the node: the default. */
    static <S> NodeHook<S> none() {
        return (threadId, step, name, state, node) -> node.apply(state);
    }
}
