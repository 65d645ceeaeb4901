package datasense.verticles.agent;

import datasense.agent.AnalysisJson;
import datasense.agent.AnalysisState;
import datasense.graph.Checkpoint;
import datasense.graph.Checkpointer;
import datasense.verticles.redis.RedisIndex;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Checkpoints in Redis when it is configured (a step's checkpoint then costs a Redis SET, not an object-store
 * write), and in the object store whenever Redis does not take one. Reading takes the later of the two, so a
 * checkpoint written to the store during a Redis outage is not shadowed by an older one in Redis.
 */
final class RedisCheckpointer implements Checkpointer<AnalysisState> {

    /** Long enough for any job to be resumed; a finished job's checkpoint is of no further use. */
    private static final Duration TTL = Duration.ofHours(6);

    private final Vertx vertx;
    private final RedisIndex redis;
    private final StoreCheckpointer store;

    RedisCheckpointer(Vertx vertx, RedisIndex redis, StoreCheckpointer store) {
        this.vertx = vertx;
        this.redis = redis;
        this.store = store;
    }

    @Override
    public CompletionStage<Void> save(Checkpoint<AnalysisState> checkpoint) {
        return vertx.executeBlocking(() -> Buffer.buffer(AnalysisJson.MAPPER.writeValueAsBytes(checkpoint)), false)
                .compose(bytes -> redis.putCheckpoint(checkpoint.threadId(), bytes, TTL))
                .compose(taken -> taken ? Future.<Void>succeededFuture() : Future.fromCompletionStage(store.save(checkpoint)))
                .toCompletionStage();
    }

    @Override
    public CompletionStage<Optional<Checkpoint<AnalysisState>>> latest(String threadId) {
        Future<Optional<Checkpoint<AnalysisState>>> fromRedis = redis.checkpoint(threadId)
                .map(bytes -> bytes == null ? Optional.<Checkpoint<AnalysisState>>empty() : Optional.of(StoreCheckpointer.read(bytes)));
        Future<Optional<Checkpoint<AnalysisState>>> fromStore = Future.fromCompletionStage(store.latest(threadId));
        return Future.all(fromRedis, fromStore).map(both -> {
            Optional<Checkpoint<AnalysisState>> a = fromRedis.result();
            Optional<Checkpoint<AnalysisState>> b = fromStore.result();
            if (a.isEmpty()) {
                return b;
            }
            return b.isPresent() && b.get().step() > a.get().step() ? b : a;
        }).toCompletionStage();
    }
}
