package datasense.verticles.live;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.BusError;
import datasense.verticles.http.ArtifactLinks;
import datasense.verticles.http.AuthHandler;
import datasense.verticles.http.HttpReplies;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /jobs/{id}/events}: a job's progress events as Server-Sent Events, for {@code curl -N} and the
 * browser's {@code EventSource}. Each event is {@code event: <type>} and {@code data: <the event's JSON>}; the
 * stream ends after {@code done} or {@code failed}. A job of another tenant is a 404 like an unknown one, answered
 * before the stream starts. A comment line every 15 s keeps proxies from closing a quiet stream; a client that
 * stops reading is cut off rather than buffered for.
 */
final class JobEventStream implements Handler<RoutingContext> {

    private static final long KEEP_ALIVE_MS = 15_000;
    /** Bytes written but not yet taken by the client before it counts as too slow. */
    private static final int MAX_UNREAD_BYTES = 1 << 20;

    private final Vertx vertx;
    private final ArtifactLinks links;

    JobEventStream(Vertx vertx, ArtifactLinks links) {
        this.vertx = vertx;
        this.links = links;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        JobFeed.open(vertx, principal.tenant(), ctx.pathParam("jobId"))
                .onFailure(e -> HttpReplies.error(ctx, BusError.from(e)))
                .onSuccess(feed -> stream(ctx.response(), feed, principal.tenant()));
    }

    private void stream(HttpServerResponse response, JobFeed feed, String tenant) {
        if (response.closed()) {
            feed.close();
            return;
        }
        response.setChunked(true)
                .setWriteQueueMaxSize(MAX_UNREAD_BYTES)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        response.write(": job " + feed.jobId() + "\n\n");
        long keepAlive = vertx.setPeriodic(KEEP_ALIVE_MS, t -> response.write(": keep-alive\n\n"));
        response.closeHandler(v -> {
            vertx.cancelTimer(keepAlive);
            feed.close();
        });
        feed.follow(event -> write(response, feed, event, tenant), () -> {
            vertx.cancelTimer(keepAlive);
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
    }

    private void write(HttpServerResponse response, JobFeed feed, JsonObject event, String tenant) {
        if (response.writeQueueFull()) {
            feed.close();
            response.reset();
            return;
        }
        response.write("event: " + event.getString("event") + "\ndata: " + links.signed(event.encode(), tenant) + "\n\n");
    }
}
