package datasense.verticles.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Requests that are safe to repeat (writes under deterministic keys, reads) are sent once more when the first
 * try found no handler or got no answer: clustered, that is a node that died with the request, and the bus
 * picks another node for the second try. A failure the handler replied with is final.
 */
public final class Retry {

    private Retry() {
    }

    public static <T> Future<Message<T>> idempotent(EventBus bus, String address, Object body, DeliveryOptions options) {
        return bus.<T>request(address, body, options)
                .recover(e -> lost(e) ? bus.<T>request(address, body, options) : Future.failedFuture(e));
    }

    /** True when the request may never have been handled: no answer, or nobody to answer. */
    static boolean lost(Throwable e) {
        return e instanceof ReplyException re
                && (re.failureType() == ReplyFailure.TIMEOUT || re.failureType() == ReplyFailure.NO_HANDLERS);
    }
}
