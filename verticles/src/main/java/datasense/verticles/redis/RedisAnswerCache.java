package datasense.verticles.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer cache in Redis. An answer lives at {@code ds:cache:<cache key>} with the configured TTL; each file
 * has a SET {@code ds:cache-file:<file_id>} naming its answers, so evicting a file is one atomic script over its
 * own keys, whatever the size of the keyspace (SCAN by pattern would walk every key of the server, and not
 * atomically: an answer put during the walk could survive its file's deletion).
 *
 * <p>Degraded (Redis away): gets are misses, puts are dropped, and evictions are remembered and replayed before
 * the next connection serves, so an answer about a deleted file cannot come back with Redis. Confined to the
 * context of the verticle that created it.
 */
public final class RedisAnswerCache {

    /** Namespace of the answers, so a shared Redis can hold other data. */
    public static final String ENTRY_PREFIX = "ds:cache:";
    /** Namespace of the per-file key sets. */
    public static final String FILE_INDEX_PREFIX = "ds:cache-file:";

    /**
     * KEYS = entry, file index; ARGV = value, TTL seconds. The index outlives its longest-lived answer: it is
     * extended, never shortened (a node with a shorter TTL must not orphan the answers of one with a longer).
     */
    private static final String PUT_SCRIPT = """
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            redis.call('SADD', KEYS[2], KEYS[1])
            if redis.call('TTL', KEYS[2]) < tonumber(ARGV[2]) then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
            return 1""";
    /** KEYS = file index; returns how many answers it deleted (expired members count for nothing). */
    private static final String EVICT_SCRIPT = """
            local n = 0
            for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do n = n + redis.call('DEL', key) end
            redis.call('DEL', KEYS[1])
            return n""";

    private static final int REPLAY_BATCH = 500;

    private final ReconnectingRedis redis;
    private final long ttlSeconds;
    /** File ids evicted while Redis was away, in order. */
    private final Set<String> pendingEvictions = new LinkedHashSet<>();

    /** A cache on {@code settings.url()}; call {@link #start} from the owning verticle. */
    public RedisAnswerCache(Vertx vertx, RedisSettings settings, Backoff backoff) {
        this.ttlSeconds = settings.ttlSeconds();
        this.redis = new ReconnectingRedis(vertx, settings.url(), backoff, this::replayEvictions);
    }

    /** Connects (first attempt only; never fails: a node starts with Redis away, degraded). */
    public Future<Void> start() {
        return redis.start();
    }

    /** Closes the connection; stops reconnecting. */
    public Future<Void> close() {
        return redis.close();
    }

    /** {@code {backend: "redis", status: "ok"|"degraded", since, url, pending_evictions}}. */
    public JsonObject health() {
        return redis.health().put("pending_evictions", pendingEvictions.size());
    }

    /** The cached reply body, or null on a miss, on any Redis error, and at once while Redis is away. */
    public Future<String> get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(ENTRY_PREFIX + key))
                .transform(result -> Future.succeededFuture(
                        result.succeeded() && result.result() != null ? result.result().toString() : null));
    }

    /** Stores an answer with the TTL; completes when stored, or at once when dropped (Redis away or failing). */
    public Future<Void> put(String key, String value) {
        String fileId = fileIdOf(key);
        Request request = fileId == null
                ? Request.cmd(Command.SET).arg(ENTRY_PREFIX + key).arg(value).arg("EX").arg(ttlSeconds)
                : Request.cmd(Command.EVAL).arg(PUT_SCRIPT).arg(2).arg(ENTRY_PREFIX + key)
                        .arg(FILE_INDEX_PREFIX + fileId).arg(value).arg(ttlSeconds);
        return redis.send(request).transform(ignored -> Future.succeededFuture());
    }

    /**
     * Drops every answer about {@code fileId}, whichever tenant asked it (an unnamed user may ask about another
     * tenant's file, see docs/event-bus.md). While Redis is away the eviction is deferred: answers 0 now.
     */
    public Future<Integer> evict(String fileId) {
        if (!redis.up()) {
            pendingEvictions.add(fileId);
            return Future.succeededFuture(0);
        }
        return redis.send(evictRequest(fileId))
                .map(response -> response == null ? 0 : response.toInteger())
                .recover(e -> {
                    // the connection broke mid-way: it may or may not have run; running it again is harmless
                    pendingEvictions.add(fileId);
                    return Future.succeededFuture(0);
                });
    }

    /** The file id of a cache key {@code tenant|file_id|...}, or null when the key has another shape. */
    static String fileIdOf(String key) {
        int start = key.indexOf('|') + 1;
        int end = start == 0 ? -1 : key.indexOf('|', start);
        return end > start ? key.substring(start, end) : null;
    }

    private static Request evictRequest(String fileId) {
        return Request.cmd(Command.EVAL).arg(EVICT_SCRIPT).arg(1).arg(FILE_INDEX_PREFIX + fileId);
    }

    /**
     * Before a new connection serves: the evictions missed while Redis was away, in pipelined batches small
     * enough for the connection's in-flight limit.
     */
    private Future<?> replayEvictions(RedisConnection connection) {
        if (pendingEvictions.isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> fileIds = pendingEvictions.stream().limit(REPLAY_BATCH).toList();
        List<Request> requests = fileIds.stream().map(RedisAnswerCache::evictRequest).toList();
        return connection.batch(requests)
                .compose(ignored -> {
                    fileIds.forEach(pendingEvictions::remove);
                    return replayEvictions(connection);
                });
    }

    /** Evictions waiting for Redis (for health and tests). */
    public int pendingEvictions() {
        return pendingEvictions.size();
    }
}
