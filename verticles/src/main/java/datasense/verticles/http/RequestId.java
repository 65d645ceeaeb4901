package datasense.verticles.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The first handler of the router: gives each request an id, the client's {@code X-Request-Id} when it is a sane one
 * (1 to 64 letters, digits, {@code . _ : -}), else a new random one. Every response carries it back in
 * {@code X-Request-Id}, every error body as {@code request_id}, and every log line about the request (a 5xx, a failed
 * job or step) names it, so "see the node's log" finds the line. It travels on the bus as the
 * {@link datasense.verticles.bus.RequestIdHeader}.
 */
public final class RequestId implements Handler<RoutingContext> {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "ds.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The request's id; null only before this handler ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "r_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }
}
