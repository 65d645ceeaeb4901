package datasense.verticles.planner;

import datasense.verticles.redis.RedisTenantCounters;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The LLM tokens a tenant may spend per UTC day (DATASENSE_TENANT_LLM_TOKENS_PER_DAY): counted in Redis when it is
 * configured, so every node's planning adds to one figure, else in this node's memory. The budget is checked before
 * the model is called and the tokens its replies report are added after, so questions already planning when the
 * budget is reached still finish: a day may end a little past the budget, never far.
 *
 * <p>Confined to the planner verticle's context (its in-memory counts are a plain map).
 */
final class TokenBudget {

    private final long perDay;
    private final RedisTenantCounters redis;
    private final Clock clock;
    /** Without Redis: the day counted and the tokens spent that day, per tenant. */
    private final Map<String, Spent> local = new HashMap<>();

    private record Spent(LocalDate day, long tokens) {
    }

    /** @param perDay tokens per tenant per UTC day, 0 for no limit; @param redis the shared counts, or null */
    TokenBudget(long perDay, RedisTenantCounters redis, Clock clock) {
        this.perDay = perDay;
        this.redis = redis;
        this.clock = clock;
    }

    boolean limited() {
        return perDay > 0;
    }

    long perDay() {
        return perDay;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** True when {@code tenant} has spent its budget today (false when Redis does not answer: fail open). */
    Future<Boolean> spent(String tenant) {
        if (!limited()) {
            return Future.succeededFuture(false);
        }
        LocalDate today = today();
        if (redis != null) {
            return redis.tokens(tenant, today).map(tokens -> tokens >= perDay);
        }
        Spent spent = local.get(tenant);
        return Future.succeededFuture(spent != null && spent.day().equals(today) && spent.tokens() >= perDay);
    }

    /** Adds {@code tokens} to what {@code tenant} spent today. */
    void add(String tenant, long tokens) {
        if (!limited() || tokens <= 0) {
            return;
        }
        LocalDate today = today();
        if (redis != null) {
            redis.addTokens(tenant, today, tokens);
            return;
        }
        local.merge(tenant, new Spent(today, tokens),
                (before, now) -> before.day().equals(today) ? new Spent(today, before.tokens() + tokens) : now);
    }
}
