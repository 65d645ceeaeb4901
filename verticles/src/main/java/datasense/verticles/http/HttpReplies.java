package datasense.verticles.http;

import datasense.verticles.bus.BusError;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.logs.IdLog;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every HTTP route does the same way: read the tenant (from the principal) and a checked JSON body, answer JSON,
 * answer an error as {error, message, hint} with its status, and forward a request to a bus address.
 */
public final class HttpReplies {

    private static final Logger LOG = LoggerFactory.getLogger(HttpReplies.class);

    private HttpReplies() {
    }

    /**
     * Sends {@code request} to {@code address} as the request's tenant (the {@link TenantHeader}) and answers with
     * its reply (or its failure).
     */
    static void forward(EventBus bus, RoutingContext ctx, String address, JsonObject request, DeliveryOptions timeout, int status) {
        bus.<JsonObject>request(address, request, RequestIdHeader.on(TenantHeader.on(timeout, tenant(ctx)), RequestId.of(ctx)))
                .onSuccess(reply -> json(ctx, status, reply.body()))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    /** The tenant the request acts for, as {@link AuthHandler} decided it. */
    static String tenant(RoutingContext ctx) {
        return AuthHandler.principal(ctx).tenant();
    }

    /**
     * The request's JSON body, read and checked against the API document by {@link RequestValidation}: the object its
     * schema describes, or an empty one when an optional body was left out.
     */
    static JsonObject jsonBody(RoutingContext ctx) {
        return ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
    }

    /** An integer query parameter ({@link RequestValidation} checked it is one), {@code fallback} when absent. */
    static int intParam(RoutingContext ctx, String name, int fallback) {
        String value = ctx.request().getParam(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.toBuffer());
        }
    }

    /** An already encoded JSON body (a cached answer, a reply whose links were signed). */
    static void json(RoutingContext ctx, int status, String body) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
        }
    }

    /**
     * Answers {@code e} as {error, message, hint?, request_id}. A 5xx is logged here, once, with the request's id, its
     * tenant and the cause's stack trace when the failure happened on this node.
     */
    public static void error(RoutingContext ctx, BusError e) {
        if (ctx.response().ended()) {
            return;
        }
        String requestId = RequestId.of(ctx);
        if (e.status() >= 500) {
            var principal = AuthHandler.principal(ctx);
            IdLog.error(LOG, ctx.request().method() + " " + ctx.request().path() + " answered " + e.status() + " "
                            + e.body().getString("error") + ": " + e.getMessage(), e.getCause(), requestId, null,
                    principal == null ? null : principal.tenant());
        }
        JsonObject body = e.body();
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        ctx.response().setStatusCode(e.status())
                .setStatusMessage(HttpResponseStatus.valueOf(e.status()).reasonPhrase())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.toBuffer());
    }
}
