package datasense.verticles.redis;

import datasense.verticles.metrics.ProductMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts behind the limits per tenant, kept in Redis so that every node reads and adds to the same figure:
 * requests in a fixed one-minute window, asks in flight, LLM tokens in a UTC day. Each update is one script, so a
 * count and its expiry are written together: a node dying between two commands cannot leave a count that never
 * expires.
 *
 * <p>Limits fail open: when Redis does not answer (down, or hung until the connection's 2 s read timeout), the
 * request is admitted uncounted, counted in {@code datasense_limits_unchecked_total}, and the outage is logged
 * once at WARN. The node already answers without Redis; its limits must not become a new way to stop it.
 *
 * <p>Confined to one Vert.x context, like {@link ReconnectingRedis}: each verticle that counts holds its own.
 */
public final class RedisTenantCounters {

    public static final String PREFIX = "ds:limit:";
    public static final String REQUESTS_PER_MINUTE = "requests_per_minute";
    public static final String ASKS_IN_FLIGHT = "asks_in_flight";
    public static final String LLM_TOKENS_PER_DAY = "llm_tokens_per_day";

    /** A minute's window outlives its minute a little, so nodes whose clocks differ by seconds still share it. */
    private static final long WINDOW_TTL_SECONDS = 120;
    /** A day's tokens are kept a day past it, then dropped. */
    private static final long DAY_TTL_SECONDS = 2 * 86_400;

    /** INCRBY, and an expiry on a key that has none: a new window or day. */
    private static final String ADD_SCRIPT = """
            local n = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return n""";
    /**
     * An ask is a member of the tenant's sorted set scored by its deadline (ms): asks past it are dropped before
     * counting, so an ask whose node died stops counting at its deadline. Admits (1) when fewer than the limit
     * remain, else refuses (0) and adds nothing. The key itself expires a deadline after the last ask began.
     */
    private static final String START_ASK_SCRIPT = """
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return 1""";

    private static final Logger LOG = LoggerFactory.getLogger(RedisTenantCounters.class);
    /** One WARN per outage in this JVM, however many counters see it fail. */
    private static final AtomicBoolean FAILING_OPEN = new AtomicBoolean();

    private final ReconnectingRedis redis;
    private final ProductMetrics metrics;

    public RedisTenantCounters(Vertx vertx, String url, ProductMetrics metrics) {
        this.redis = new ReconnectingRedis(vertx, url, Backoff.DEFAULT, connection -> Future.succeededFuture());
        this.metrics = metrics;
    }

    /** Connects (or starts trying to); never fails. */
    public Future<Void> start() {
        return redis.start();
    }

    public Future<Void> close() {
        return redis.close();
    }

    /**
     * Counts one request of {@code tenant} in the minute {@code epochMinute} (the node's clock); the count so far in
     * that minute, this one included, or 0 when Redis did not answer (admitted uncounted).
     */
    public Future<Long> countRequest(String tenant, long epochMinute) {
        Request add = Request.cmd(Command.EVAL).arg(ADD_SCRIPT).arg(1).arg(PREFIX + tenant + ":rpm:" + epochMinute)
                .arg(1).arg(WINDOW_TTL_SECONDS);
        return failOpen(redis.send(add).map(Response::toLong), REQUESTS_PER_MINUTE, 0L);
    }

    /**
     * Starts ask {@code askId} of {@code tenant} when it has fewer than {@code limit} in flight: true when admitted
     * (or when Redis did not answer). It counts until {@link #endAsk} or until {@code nowMillis + ttlMillis}.
     */
    public Future<Boolean> startAsk(String tenant, String askId, int limit, long nowMillis, long ttlMillis) {
        Request start = Request.cmd(Command.EVAL).arg(START_ASK_SCRIPT).arg(1).arg(PREFIX + tenant + ":asks")
                .arg(nowMillis).arg(limit).arg(nowMillis + ttlMillis).arg(askId).arg(ttlMillis);
        return failOpen(redis.send(start).map(r -> r.toInteger() == 1), ASKS_IN_FLIGHT, true);
    }

    /** Ends ask {@code askId}; best effort: one that Redis misses stops counting at its deadline. */
    public void endAsk(String tenant, String askId) {
        redis.send(Request.cmd(Command.ZREM).arg(PREFIX + tenant + ":asks").arg(askId));
    }

    /** The tokens {@code tenant} spent on {@code day} (UTC), or 0 when Redis did not answer. */
    public Future<Long> tokens(String tenant, LocalDate day) {
        return failOpen(redis.send(Request.cmd(Command.GET).arg(tokensKey(tenant, day)))
                .map(r -> r == null ? 0L : r.toLong()), LLM_TOKENS_PER_DAY, 0L);
    }

    /** Adds {@code tokens} to what {@code tenant} spent on {@code day}; tokens Redis misses are not counted. */
    public void addTokens(String tenant, LocalDate day, long tokens) {
        Request add = Request.cmd(Command.EVAL).arg(ADD_SCRIPT).arg(1).arg(tokensKey(tenant, day)).arg(tokens).arg(DAY_TTL_SECONDS);
        failOpen(redis.send(add).map(Response::toLong), LLM_TOKENS_PER_DAY, 0L);
    }

    private static String tokensKey(String tenant, LocalDate day) {
        return PREFIX + tenant + ":tokens:" + day;
    }

    private <T> Future<T> failOpen(Future<T> counted, String limit, T admitted) {
        return counted.transform(result -> {
            if (result.succeeded()) {
                if (FAILING_OPEN.compareAndSet(true, false)) {
                    LOG.info("Redis at {} answers again; tenant limits are counted cluster-wide again", redis.url());
                }
                return Future.succeededFuture(result.result());
            }
            metrics.limitUnchecked(limit);
            if (FAILING_OPEN.compareAndSet(false, true)) {
                LOG.warn("tenant limits are not counted while Redis at {} does not answer ({}): requests are admitted "
                        + "uncounted (datasense_limits_unchecked_total) until it does", redis.url(), result.cause().getMessage());
            }
            return Future.succeededFuture(admitted);
        });
    }
}
