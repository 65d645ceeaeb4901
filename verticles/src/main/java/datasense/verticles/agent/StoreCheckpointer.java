package datasense.verticles.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import datasense.agent.AnalysisJson;
import datasense.agent.AnalysisState;
import datasense.graph.Checkpoint;
import datasense.graph.Checkpointer;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Checkpoints the analysis graph's state to the object store after every step, at
 * {@code {tenant}/jobs/{job_id}/checkpoint.json}, so a job can be resumed from its last step by any node.
 */
final class StoreCheckpointer implements Checkpointer<AnalysisState> {

    private final Vertx vertx;
    private final ObjectStore store;
    private final String tenant;

    StoreCheckpointer(Vertx vertx, ObjectStore store, String tenant) {
        this.vertx = vertx;
        this.store = store;
        this.tenant = tenant;
    }

    static String key(String tenant, String jobId) {
        return tenant + "/jobs/" + jobId + "/checkpoint.json";
    }

    @Override
    public CompletionStage<Void> save(Checkpoint<AnalysisState> checkpoint) {
        return vertx.executeBlocking(() -> Buffer.buffer(AnalysisJson.MAPPER.writeValueAsBytes(checkpoint)), false)
                .compose(bytes -> store.put(key(tenant, checkpoint.threadId()), bytes))
                .toCompletionStage();
    }

    /** A checkpoint from its JSON, as {@link #save} writes it. */
    static Checkpoint<AnalysisState> read(Buffer bytes) {
        try {
            return AnalysisJson.MAPPER.readValue(bytes.getBytes(), new TypeReference<Checkpoint<AnalysisState>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable checkpoint", e);
        }
    }

    @Override
    public CompletionStage<Optional<Checkpoint<AnalysisState>>> latest(String threadId) {
        return store.get(key(tenant, threadId))
                .map(bytes -> Optional.of(read(bytes)))
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException
                        ? Future.succeededFuture(Optional.empty())
                        : Future.failedFuture(e))
                .toCompletionStage();
    }
}
