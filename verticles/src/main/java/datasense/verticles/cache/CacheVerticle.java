package datasense.verticles.cache;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.redis.Backoff;
import datasense.verticles.redis.RedisAnswerCache;
import datasense.verticles.redis.RedisSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer cache. Without settings it is in process: an LRU map from cache key to the reply body a hit
 * returns, bounded by the total size of the bodies; deploy one instance per node, the map is this verticle's own.
 * Its consumers are local: in a cluster each node asks its own cache verticle (a put and a later get must meet).
 * With {@link RedisSettings} (REDIS_URL) the answers live in Redis with a TTL, shared by every node, through one
 * self-healing pipelined connection per instance (deploy one per event loop if one loop is not enough); while
 * Redis is away gets answer misses at once and puts are dropped, and {@code ds.cache.health} says {@code degraded}.
 * Keys name the file ({@code tenant|file_id|...}), so deleting a file evicts its answers, whoever asked them.
 */
public final class CacheVerticle extends VerticleBase {

    /** Bound on the cached reply bodies, in characters (about 2 bytes each on the heap). */
    private static final long MAX_CHARS = 128L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(CacheVerticle.class);

    private final RedisSettings redisSettings;
    private final Backoff backoff;
    private final ProductMetrics metrics;
    private RedisAnswerCache redis;

    private final Map<String, String> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private final Instant started = Instant.now();

    /** The in-process LRU cache (no Redis configured). */
    public CacheVerticle() {
        this(null, Backoff.DEFAULT);
    }

    /** The cache in Redis per {@code redis}; null means the in-process LRU. */
    public CacheVerticle(RedisSettings redis) {
        this(redis, Backoff.DEFAULT);
    }

    /** As {@link #CacheVerticle(RedisSettings)}, counting hits and misses in {@code metrics}. */
    public CacheVerticle(RedisSettings redis, ProductMetrics metrics) {
        this(redis, Backoff.DEFAULT, metrics);
    }

    /** As {@link #CacheVerticle(RedisSettings)} with the reconnect backoff given (tests shorten it). */
    public CacheVerticle(RedisSettings redis, Backoff backoff) {
        this(redis, backoff, ProductMetrics.detached());
    }

    private CacheVerticle(RedisSettings redis, Backoff backoff, ProductMetrics metrics) {
        this.redisSettings = redis;
        this.backoff = backoff;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        Future<Void> ready = Future.succeededFuture();
        if (redisSettings != null) {
            redis = new RedisAnswerCache(vertx, redisSettings, backoff);
            ready = redis.start().onSuccess(v -> LOG.info("answer cache in Redis at {} (TTL {} s, {})",
                    redis.health().getString("url"), redisSettings.ttlSeconds(), redis.health().getString("status")));
        }
        var bus = vertx.eventBus();
        return Future.all(
                ready,
                bus.<String>localConsumer(Address.CACHE_GET, this::get).completion(),
                bus.<JsonObject>localConsumer(Address.CACHE_PUT, this::put).completion(),
                bus.<JsonObject>localConsumer(Address.CACHE_EVICT, this::evict).completion(),
                bus.localConsumer(Address.CACHE_HEALTH, this::health).completion());
    }

    @Override
    public Future<?> stop() {
        return redis == null ? Future.succeededFuture() : redis.close();
    }

    private void get(Message<String> message) {
        String key = message.body();
        if (redis != null) {
            redis.get(key).onComplete(result -> {
                metrics.cacheLookup(CacheKeys.isPlanKey(key), result.result() != null);
                message.reply(result.result());
            });
            return;
        }
        String hit = entries.get(key);
        metrics.cacheLookup(CacheKeys.isPlanKey(key), hit != null);
        message.reply(hit);
    }

    private void put(Message<JsonObject> message) {
        JsonObject body = message.body();
        String key = body.getString("key");
        String value = body.getString("value");
        if (redis != null) {
            redis.put(key, value).onComplete(result -> message.reply(null));
            return;
        }
        String previous = entries.put(key, value);
        chars += value.length() - (previous == null ? 0 : previous.length());
        // least recently used first, until the bodies fit again
        var eldest = entries.entrySet().iterator();
        while (chars > MAX_CHARS && eldest.hasNext()) {
            chars -= eldest.next().getValue().length();
            eldest.remove();
        }
        message.reply(null);
    }

    private void evict(Message<JsonObject> message) {
        String fileId = message.body().getString("file_id");
        if (redis != null) {
            redis.evict(fileId).onComplete(result -> message.reply(new JsonObject().put("evicted", result.result())));
            return;
        }
        int before = entries.size();
        entries.entrySet().removeIf(e -> {
            boolean drop = CacheKeys.about(e.getKey(), fileId);
            chars -= drop ? e.getValue().length() : 0;
            return drop;
        });
        message.reply(new JsonObject().put("evicted", before - entries.size()));
    }

    private void health(Message<Object> message) {
        message.reply(redis != null ? redis.health()
                : new JsonObject().put("backend", "memory").put("status", "ok").put("since", started.toString()));
    }
}
