package datasense.verticles.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * The {@code request-id} header: the id of the HTTP request a bus message works for (the one its reply carried in
 * {@code X-Request-Id} and in every error body), so the agent and the tool workers log a failure under the id the
 * client was shown. Optional: messages not started by a request (a resumed job) carry none.
 */
public final class RequestIdHeader {

    public static final String NAME = "request-id";

    private RequestIdHeader() {
    }

    /** {@code options} with the header added when {@code requestId} is not null. */
    public static DeliveryOptions on(DeliveryOptions options, String requestId) {
        return requestId == null ? options : options.addHeader(NAME, requestId);
    }

    /** The request id a message carries, or null. */
    public static String of(Message<?> message) {
        return message.headers().get(NAME);
    }
}
