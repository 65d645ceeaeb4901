package datasense.verticles.http;

import datasense.verticles.auth.Principal;
import datasense.verticles.logs.IdLog;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per HTTP request when its reply ends, on the logger {@code datasense.requests}: method, path (never
 * the query, which may hold a signed link's signature), status and time taken, with {@code request_id},
 * {@code tenant}, {@code outcome} (the status, or {@code closed} when the client went away first) and
 * {@code duration_ms} as fields. Mounted right after {@link RequestId} with {@code DATASENSE_REQUEST_LOG=true}: off by
 * default, as the line costs a cached answer 5-8 µs of CPU, about 30 % (docs/BENCHMARKS.md).
 * Vert.x's {@code LoggerHandler} writes such a line too, but as text only: here the ids are fields of the JSON line.
 */
public final class RequestLog implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger("datasense.requests");

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        // an HTTP/2 stream (a Java client's h2c upgrade) may report "closed" for a reply that was sent in full
        ctx.addEndHandler(ended -> line(ctx, ended.succeeded() || ctx.response().ended(), System.nanoTime() - started));
        ctx.next();
    }

    private static void line(RoutingContext ctx, boolean replied, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String outcome = replied ? Integer.toString(ctx.response().getStatusCode()) : "closed";
        Principal principal = AuthHandler.principal(ctx);
        IdLog.ended(LOG, ctx.request().method().name() + " " + ctx.request().path() + " " + outcome + " in " + IdLog.millis(nanos) + " ms",
                RequestId.of(ctx), null, principal == null ? null : principal.tenant(), outcome, nanos);
    }
}
