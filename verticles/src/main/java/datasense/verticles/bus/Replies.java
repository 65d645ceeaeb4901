package datasense.verticles.bus;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Answers a request with what its handler's future gives, or its failure as a {@link BusError}. */
public final class Replies {

    private Replies() {
    }

    /** Runs {@code handler} on the request; a handler that throws fails the request instead of leaving it unanswered. */
    public static void answer(Message<JsonObject> message, Function<JsonObject, Future<JsonObject>> handler) {
        Future<JsonObject> result;
        try {
            result = handler.apply(message.body());
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onSuccess(message::reply).onFailure(e -> BusError.fail(message, e));
    }

    /** As {@link #answer}, for a request about a tenant's data: the handler gets the {@link TenantHeader} too. */
    public static void forTenant(Message<JsonObject> message, BiFunction<String, JsonObject, Future<JsonObject>> handler) {
        answer(message, body -> handler.apply(TenantHeader.of(message), body));
    }
}
