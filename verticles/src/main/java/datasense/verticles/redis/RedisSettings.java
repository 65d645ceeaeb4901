package datasense.verticles.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the answer cache lives in Redis and how long an answer stays there.
 *
 * @param url Redis connection string, e.g. {@code redis://:secret@cache:6379/0} (the REDIS_URL setting)
 * @param ttl how long a cached answer lives; Redis drops it afterwards (whole seconds, at least one)
 */
public record RedisSettings(String url, Duration ttl) {

    /** An answer stays a day: long enough for repeated questions, short enough that stale plans age out. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(ttl, "ttl");
        if (url.isBlank()) {
            throw new IllegalArgumentException("Redis URL is blank");
        }
        if (ttl.toSeconds() < 1) {
            throw new IllegalArgumentException("cache TTL must be at least one second, not " + ttl);
        }
    }

    /** {@code url} with the default TTL. */
    public static RedisSettings of(String url) {
        return new RedisSettings(url, DEFAULT_TTL);
    }

    /** The TTL in whole seconds, as Redis takes it. */
    public long ttlSeconds() {
        return ttl.toSeconds();
    }
}
