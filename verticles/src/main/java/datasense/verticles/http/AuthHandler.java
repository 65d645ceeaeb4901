package datasense.verticles.http;

import static datasense.verticles.http.HttpReplies.error;

import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.BusError;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The first handler of the router: decides once who a request acts for and puts the {@link Principal} on the
 * routing context, where every route reads it ({@link #principal}); no handler takes a tenant from a body or a
 * query. The credential is the {@code Authorization} header ({@code Bearer <jwt or API key>}, {@code ApiKey <key>})
 * or {@code X-API-Key}; {@link Authenticator} verifies it. With authentication off every request is
 * {@link Principal#LOCAL}. A refused credential is answered 401 with what was wrong with it.
 *
 * <p>Open paths need no credential because they need none ({@code GET /health}) or carry their own proof: a
 * presigned upload URL, a signed artifact link. A credential sent to an open path is still verified, and used.
 * Routes that need one more than being signed in say so with {@link #require}.
 */
public final class AuthHandler implements Handler<RoutingContext> {

    private static final String PRINCIPAL = "ds.principal";

    /** A method and path prefix open to requests without a credential. */
    public record Open(HttpMethod method, String pathPrefix) {

        boolean matches(HttpServerRequest request) {
            return request.method().equals(method) && request.path().startsWith(pathPrefix);
        }
    }

    /** What is open on every node: health, metrics, docs, presigned uploads and signed artifact links. */
    public static final List<Open> OPEN = List.of(
            new Open(HttpMethod.GET, "/health"),
            new Open(HttpMethod.GET, "/metrics"),
            new Open(HttpMethod.GET, "/docs"),
            new Open(HttpMethod.GET, "/openapi.json"),
            new Open(HttpMethod.GET, "/static/"),
            new Open(HttpMethod.PUT, "/uploads/"),
            new Open(HttpMethod.GET, "/artifacts/"));

    private final Authenticator authenticator;
    private final List<Open> open;

    /** @param open the paths that need no credential (e.g. {@link #OPEN}, plus a WebSocket path that authenticates its first frame) */
    public AuthHandler(Authenticator authenticator, List<Open> open) {
        this.authenticator = authenticator;
        this.open = List.copyOf(open);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!authenticator.required()) {
            ctx.put(PRINCIPAL, Principal.LOCAL);
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        String credential = request.getHeader("Authorization");
        if (credential == null) {
            credential = request.getHeader("X-API-Key");
        }
        if (credential == null && open.stream().anyMatch(o -> o.matches(request))) {
            ctx.next();
            return;
        }
        Future<Principal> authenticated = authenticator.authenticate(credential);
        if (authenticated.isComplete()) {
            decided(ctx, authenticated); // a JWT, or a cached API key: no need to hold the body back
            return;
        }
        // the body waits for the routes' handlers while the API key is read from the store
        if (!request.isEnded()) {
            request.pause();
        }
        authenticated.onComplete(result -> {
            if (!request.isEnded()) {
                request.resume();
            }
            decided(ctx, result);
        });
    }

    private static void decided(RoutingContext ctx, AsyncResult<Principal> result) {
        if (result.failed()) {
            unauthorized(ctx, BusError.from(result.cause()));
            return;
        }
        Principal principal = result.result();
        String userId = ctx.request().getParam("user_id");
        if (userId != null && !userId.equals(principal.tenant())) {
            error(ctx, mismatch(userId));
            return;
        }
        ctx.put(PRINCIPAL, principal);
        ctx.next();
    }

    /** The request's principal; null only on an open path reached without a credential. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    /**
     * The tenant of a request with a JSON body. A {@code user_id} in the body is ignored with authentication off
     * (one local tenant) and must be the principal's own tenant with it on (403 otherwise); null once answered.
     */
    static String tenant(RoutingContext ctx, JsonObject body, boolean required) {
        Principal principal = principal(ctx);
        Object userId = body.getValue("user_id");
        if (required && userId != null && !userId.equals(principal.tenant())) {
            error(ctx, mismatch(String.valueOf(userId)));
            return null;
        }
        return principal.tenant();
    }

    /** A handler that lets through only requests whose principal holds {@code scope}: 401 without one, 403 without the scope. */
    public static Handler<RoutingContext> require(Scope scope) {
        return ctx -> {
            Principal principal = principal(ctx);
            if (principal == null) {
                unauthorized(ctx, new BusError(401, "missing_credentials", "this request needs a credential",
                        "send Authorization: Bearer <token> (a JWT, or an API key from POST /api-keys)"));
            } else if (!principal.can(scope)) {
                error(ctx, new BusError(403, "insufficient_scope", "this credential lacks the '" + scope.wire() + "' scope",
                        "use a token or API key granted '" + scope.wire() + "'"));
            } else {
                ctx.next();
            }
        };
    }

    static BusError mismatch(String userId) {
        return new BusError(403, "tenant_mismatch", "user_id '" + userId + "' is not the tenant of your credential",
                "leave user_id out: the credential decides the tenant");
    }

    private static void unauthorized(RoutingContext ctx, BusError e) {
        if (!ctx.response().ended()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + e.body().getString("error") + "\"");
        }
        error(ctx, e);
    }
}
