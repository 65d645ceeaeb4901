package datasense.graph;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where a compiled graph keeps its checkpoints. The runner waits for {@link #save} to complete before it runs
 * the next step, so a thread resumed after a crash repeats at most the one step that was in flight.
 */
public interface Checkpointer<S> {

    CompletionStage<Void> save(Checkpoint<S> checkpoint);

    /** The last checkpoint saved for the thread, if any. */
    CompletionStage<Optional<Checkpoint<S>>> latest(String threadId);
}
