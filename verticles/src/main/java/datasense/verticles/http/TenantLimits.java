package datasense.verticles.http;

import static datasense.verticles.http.HttpReplies.error;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.BusError;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Limits per tenant, on this node, so one tenant cannot take every thread and every token: requests per minute
 * (a resilience4j {@link RateLimiter} per tenant, refilled every minute) and asks in flight ({@code POST /ask}, tile re-runs and
 * re-runs being answered at once: a resilience4j {@link Bulkhead} per tenant). Over a limit the request is answered
 * 429 with {@code Retry-After} (seconds) and the JSON error body. A limit of 0 is none; with both 0 nothing is
 * mounted, so the cache-hit path pays nothing. The operator's routes (probes, metrics, the API document) and
 * requests without a principal are not counted. An asynchronous ask is in flight until its 202.
 */
public final class TenantLimits {

    private final RateLimiterRegistry rates;
    private final BulkheadRegistry asks;
    private final int requestsPerMinute;
    private final int asksInFlight;

    /** @param requestsPerMinute per tenant, 0 for no limit; @param asksInFlight per tenant, 0 for no limit */
    public TenantLimits(int requestsPerMinute, int asksInFlight) {
        this.requestsPerMinute = requestsPerMinute;
        this.asksInFlight = asksInFlight;
        this.rates = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, requestsPerMinute))
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.asks = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, asksInFlight))
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    /** Mounts the limits that are set: after authentication (the tenant is known), before the routes. */
    public void mount(Router router) {
        if (requestsPerMinute > 0) {
            router.route().handler(this::perMinute);
        }
        if (asksInFlight > 0) {
            Handler<RoutingContext> inFlight = this::inFlight;
            router.post("/ask").handler(inFlight);
            router.post("/questions/:questionId/rerun").handler(inFlight);
            router.post("/boards/:boardId/tiles/:tileId/rerun").handler(inFlight);
        }
    }

    private void perMinute(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        String path = ctx.request().path();
        if (principal == null || path.startsWith("/health") || path.equals("/metrics") || path.equals("/openapi.json")
                || path.startsWith("/docs")) {
            ctx.next();
            return;
        }
        RateLimiter limiter = rates.rateLimiter(principal.tenant());
        if (limiter.acquirePermission()) {
            ctx.next();
            return;
        }
        // the registry makes AtomicRateLimiters, whose metrics tell how long until the next permit
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 60_000_000_000L;
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        tooMany(ctx, seconds, "this tenant made more than " + requestsPerMinute + " requests in a minute",
                "wait " + seconds + " s (Retry-After), or ask the operator to raise DATASENSE_TENANT_REQUESTS_PER_MINUTE");
    }

    private void inFlight(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        if (principal == null) {
            ctx.next();
            return;
        }
        Bulkhead bulkhead = asks.bulkhead(principal.tenant());
        if (!bulkhead.tryAcquirePermission()) {
            tooMany(ctx, 1, "this tenant has " + asksInFlight + " questions being answered already",
                    "wait for an answer, ask with \"async\": true and follow the job, or ask the operator to raise DATASENSE_TENANT_ASKS_IN_FLIGHT");
            return;
        }
        ctx.addEndHandler(done -> bulkhead.onComplete());
        ctx.next();
    }

    private static void tooMany(RoutingContext ctx, long retryAfterSeconds, String message, String hint) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        error(ctx, new BusError(429, "too_many_requests", message, hint));
    }
}
