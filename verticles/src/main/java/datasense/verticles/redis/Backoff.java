package datasense.verticles.redis;

import java.time.Duration;

/**
 * Exponential reconnect delays: {@code min}, doubling after each failed attempt, never above {@code max}.
 * Capped so a Redis that comes back is found within {@code max}, and the cap bounds the retry load too.
 */
public record Backoff(Duration min, Duration max) {

    /** 100 ms .. 5 s: a restart is noticed quickly, a long outage costs one attempt per 5 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    public Backoff {
        if (min.toMillis() < 1 || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 1 ms <= min <= max, not " + min + " .. " + max);
        }
    }

    /** The wait before the next attempt after {@code failures} consecutive failed attempts (0 or more). */
    public long delayMillis(int failures) {
        long delay = min.toMillis();
        long cap = max.toMillis();
        // doubling stops at the cap, so large failure counts cannot overflow
        for (int i = 0; i < failures && delay < cap; i++) {
            delay *= 2;
        }
        return Math.min(delay, cap);
    }
}
