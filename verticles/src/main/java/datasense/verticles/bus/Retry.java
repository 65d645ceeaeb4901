package datasense.verticles.bus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Requests that are safe to repeat (writes under deterministic keys, reads) are sent again when they may never have
 * been handled. No answer in time: clustered, a node died with the request, and one more try goes to another node.
 * No handler at all, in a cluster: the role's nodes are away for a moment (a restart, a cluster split healing), so
 * the request is sent again with growing pauses for as long as its own timeout, then fails; on a single node the
 * handlers are its own verticles, and one that is missing is not deployed or is stopping, so it fails at once. A
 * failure the handler replied with is final.
 */
public final class Retry {

    /** The first pause before asking again for a handler; each later one doubles, up to {@link #MAX_PAUSE_MS}. */
    static final long FIRST_PAUSE_MS = 100;
    static final long MAX_PAUSE_MS = 2_000;

    private Retry() {
    }

    public static <T> Future<Message<T>> idempotent(Vertx vertx, String address, Object body, DeliveryOptions options) {
        return idempotent(vertx, address, body, options, vertx.isClustered() ? options.getSendTimeout() : 0);
    }

    /** As {@link #idempotent(Vertx, String, Object, DeliveryOptions)}, waiting at most {@code handlerWaitMs} for a handler. */
    static <T> Future<Message<T>> idempotent(Vertx vertx, String address, Object body, DeliveryOptions options,
                                             long handlerWaitMs) {
        return send(vertx, address, body, options, System.nanoTime() + handlerWaitMs * 1_000_000L, FIRST_PAUSE_MS, true);
    }

    /**
     * A request that must not run twice (a tool call), or whose "no handler" answer means a node is gone: sent again
     * only while no handler is there, for at most {@code waitMs}, never after a handler took it. While the cluster's
     * membership changes (a member dropped, a split healing) the subscriptions of live nodes can be missing for a
     * moment, so one "no handler" is no proof that nobody serves the address.
     */
    public static <T> Future<Message<T>> whenHandled(Vertx vertx, String address, Object body, DeliveryOptions options,
                                                     long waitMs) {
        return send(vertx, address, body, options, System.nanoTime() + waitMs * 1_000_000L, FIRST_PAUSE_MS, false);
    }

    private static <T> Future<Message<T>> send(Vertx vertx, String address, Object body, DeliveryOptions options,
                                               long deadline, long pauseMs, boolean mayResend) {
        // the deadline bounds the wait for a handler; a request that timed out is sent once more, not more
        return vertx.eventBus().<T>request(address, body, options).recover(e -> {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (noHandler(e) && leftMs > 0) { // the last pause ends at the deadline, and one more try is made then
                return pause(vertx, Math.min(pauseMs, leftMs)).compose(v -> send(vertx, address, body, options, deadline,
                        Math.min(pauseMs * 2, MAX_PAUSE_MS), mayResend));
            }
            if (timedOut(e) && mayResend) {
                return vertx.eventBus().request(address, body, options); // the last try
            }
            return Future.failedFuture(e);
        });
    }

    private static Future<Void> pause(Vertx vertx, long ms) {
        Promise<Void> done = Promise.promise();
        vertx.setTimer(ms, t -> done.complete());
        return done.future();
    }

    public static boolean noHandler(Throwable e) {
        return e instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS;
    }

    private static boolean timedOut(Throwable e) {
        return e instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT;
    }
}
