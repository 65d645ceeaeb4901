package datasense.verticles.http;

import static datasense.verticles.http.HttpReplies.error;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.BusError;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.redis.RedisTenantCounters;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Limits per tenant, so one tenant cannot take every thread and every token: requests per minute and asks in
 * flight ({@code POST /ask}, tile re-runs and re-runs being answered at once). Over a limit the request is answered
 * 429 with {@code Retry-After} (seconds) and the JSON error body. A limit of 0 is none; with both 0 nothing is
 * mounted, so the cache-hit path pays nothing. The operator's routes (probes, metrics, the API document) and
 * requests without a principal are not counted. An asynchronous ask is in flight until its 202. The live channels
 * (WebSocket and event-bus bridge asks) take the same count through {@link #startAsk}, each refusing in its own
 * error shape.
 *
 * <p>With Redis ({@link RedisTenantCounters}) the counts are cluster-wide: requests in a fixed window per minute of
 * the node's clock, asks in a sorted set where each counts until it ends or until the ask timeout (plus a margin)
 * passes, so the asks of a node that died stop counting by themselves. When Redis does not answer the request is
 * admitted (fail open). Without Redis each node counts its own: a resilience4j {@link RateLimiter} per tenant,
 * refilled every minute, and a resilience4j {@link Bulkhead} per tenant.
 */
public final class TenantLimits {

    /** How long past the ask timeout an ask whose end Redis never heard of still counts. */
    private static final long ASK_MARGIN_MS = 30_000;

    private final RateLimiterRegistry rates;
    private final BulkheadRegistry asks;
    private final int requestsPerMinute;
    private final int asksInFlight;
    private final long askTtlMs;
    private final RedisTenantCounters shared;
    private final ProductMetrics metrics;

    /**
     * @param requestsPerMinute per tenant, 0 for no limit; @param asksInFlight per tenant, 0 for no limit
     * @param askTimeoutSeconds how long a synchronous ask may wait for its answer
     * @param shared the cluster-wide counts in Redis, or null to count on this node
     */
    public TenantLimits(int requestsPerMinute, int asksInFlight, int askTimeoutSeconds, RedisTenantCounters shared, ProductMetrics metrics) {
        this.requestsPerMinute = requestsPerMinute;
        this.asksInFlight = asksInFlight;
        this.askTtlMs = askTimeoutSeconds * 1000L + ASK_MARGIN_MS;
        this.shared = shared;
        this.metrics = metrics;
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

    /** True when a limit is set, so a node with Redis needs its counts there. */
    public static boolean any(int requestsPerMinute, int asksInFlight) {
        return requestsPerMinute > 0 || asksInFlight > 0;
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
        if (shared != null) {
            long nowSeconds = System.currentTimeMillis() / 1000;
            // a count Redis did not answer has failed open already
            holding(ctx, shared.countRequest(principal.tenant(), nowSeconds / 60), counted -> {
                if (counted.failed() || counted.result() <= requestsPerMinute) {
                    ctx.next();
                } else {
                    overPerMinute(ctx, 60 - nowSeconds % 60);
                }
            });
            return;
        }
        RateLimiter limiter = rates.rateLimiter(principal.tenant());
        if (limiter.acquirePermission()) {
            ctx.next();
            return;
        }
        // the registry makes AtomicRateLimiters, whose metrics tell how long until the next permit
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 60_000_000_000L;
        overPerMinute(ctx, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private void overPerMinute(RoutingContext ctx, long retryAfterSeconds) {
        metrics.limitExceeded(RedisTenantCounters.REQUESTS_PER_MINUTE);
        tooMany(ctx, retryAfterSeconds, "this tenant made more than " + requestsPerMinute + " requests in a minute",
                "wait " + retryAfterSeconds + " s (Retry-After), or ask the operator to raise DATASENSE_TENANT_REQUESTS_PER_MINUTE");
    }

    private void inFlight(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        if (principal == null) {
            ctx.next();
            return;
        }
        holding(ctx, startAsk(principal.tenant()), started -> {
            if (started.succeeded()) {
                Runnable end = once(started.result());
                // freed before the answer is written, as a client may ask again the moment it has it (on any node);
                // and when the connection closes with no answer
                ctx.addHeadersEndHandler(v -> end.run());
                ctx.addEndHandler(done -> end.run());
                ctx.next();
            } else {
                ctx.response().putHeader("Retry-After", "1");
                error(ctx, BusError.from(started.cause()));
            }
        });
    }

    private static Runnable once(Runnable r) {
        AtomicBoolean ran = new AtomicBoolean();
        return () -> {
            if (ran.compareAndSet(false, true)) {
                r.run();
            }
        };
    }

    /**
     * Counts one ask of {@code tenant} in flight, for every channel that asks: completes with what ends it (run it
     * once, when the ask is answered or accepted), or fails with the {@link BusError} 429 {@code too_many_requests}
     * when the tenant has its limit in flight already. Without a limit every ask is admitted; when Redis does not
     * answer, too (its counts fail open).
     */
    public Future<Runnable> startAsk(String tenant) {
        if (asksInFlight == 0) {
            return Future.succeededFuture(() -> { });
        }
        if (shared != null) {
            String askId = UUID.randomUUID().toString();
            return shared.startAsk(tenant, askId, asksInFlight, System.currentTimeMillis(), askTtlMs)
                    .compose(admitted -> admitted ? Future.succeededFuture(() -> shared.endAsk(tenant, askId)) : overInFlight());
        }
        Bulkhead bulkhead = asks.bulkhead(tenant);
        return bulkhead.tryAcquirePermission() ? Future.succeededFuture(bulkhead::onComplete) : overInFlight();
    }

    private Future<Runnable> overInFlight() {
        metrics.limitExceeded(RedisTenantCounters.ASKS_IN_FLIGHT);
        return Future.failedFuture(new BusError(429, "too_many_requests", "this tenant has " + asksInFlight + " questions being answered already",
                "wait for an answer, ask with \"async\": true and follow the job, or ask the operator to raise DATASENSE_TENANT_ASKS_IN_FLIGHT"));
    }

    /** Runs {@code then} once {@code pending} completes; the body waits meanwhile (as AuthHandler holds it while reading an API key). */
    private static <T> void holding(RoutingContext ctx, Future<T> pending, Handler<AsyncResult<T>> then) {
        boolean hold = !ctx.request().isEnded();
        if (hold) {
            ctx.request().pause();
        }
        pending.onComplete(result -> {
            if (hold) {
                ctx.request().resume();
            }
            then.handle(result);
        });
    }

    private static void tooMany(RoutingContext ctx, long retryAfterSeconds, String message, String hint) {
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        error(ctx, new BusError(429, "too_many_requests", message, hint));
    }
}
