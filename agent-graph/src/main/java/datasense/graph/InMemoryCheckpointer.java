package datasense.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every checkpoint of every thread in memory: for tests, docs and single-process runs. */
public final class InMemoryCheckpointer<S> implements Checkpointer<S> {

    private final Map<String, List<Checkpoint<S>>> threads = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> save(Checkpoint<S> checkpoint) {
        threads.compute(checkpoint.threadId(), (id, list) -> {
            List<Checkpoint<S>> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(checkpoint);
            return List.copyOf(next);
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Checkpoint<S>>> latest(String threadId) {
        List<Checkpoint<S>> list = threads.get(threadId);
        return CompletableFuture.completedFuture(
                list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1)));
    }

    /** Every checkpoint of the thread, oldest first (empty if none). */
    public List<Checkpoint<S>> history(String threadId) {
        return threads.getOrDefault(threadId, List.of());
    }

    /** Forgets a thread, e.g. once its job is finished. */
    public void clear(String threadId) {
        threads.remove(threadId);
    }
}
