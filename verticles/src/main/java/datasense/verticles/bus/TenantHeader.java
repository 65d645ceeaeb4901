package datasense.verticles.bus;

import datasense.verticles.store.Keys;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * How every bus message about a tenant's data says whose it is: the {@code tenant} header, set once by the edge
 * that authenticated the request (the HTTP routes, the WebSocket API, the event-bus bridge) and passed on by
 * each consumer to the requests it makes. Never a body field, never taken from a client.
 */
public final class TenantHeader {

    public static final String NAME = "tenant";

    private TenantHeader() {
    }

    /** {@code options} (a shared timeout constant, left untouched) with the tenant header. */
    public static DeliveryOptions on(DeliveryOptions options, String tenant) {
        return new DeliveryOptions(options).addHeader(NAME, tenant);
    }

    /** The tenant a message is about; fails (400) when the header is missing or not a tenant id. */
    public static String of(Message<?> message) {
        String tenant = message.headers().get(NAME);
        if (!Keys.safeTenant(tenant)) {
            throw BusError.badRequest("bad_message", "the message to " + message.address() + " names no valid tenant header",
                    "send it with TenantHeader.on(options, tenant)");
        }
        return tenant;
    }

    /** The tenant {@code message} carries, or null after failing it with the reason (a consumer then returns). */
    public static String orFail(Message<?> message) {
        try {
            return of(message);
        } catch (BusError e) {
            e.failReply(message);
            return null;
        }
    }
}
