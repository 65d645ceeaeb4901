package datasense.verticles.live;

import static datasense.verticles.http.AuthHandler.require;

import datasense.NodeConfig;
import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.http.ArtifactLinks;
import datasense.verticles.http.Asks;
import datasense.verticles.http.AuthHandler;
import datasense.verticles.http.TenantLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The live clients' routes, mounted by the HTTP verticle after {@link AuthHandler}: the WebSocket API
 * ({@code GET /ws}, {@link LiveSocket}), Server-Sent Events ({@code GET /jobs/{id}/events}, {@link JobEventStream})
 * and the browsers' event-bus bridge ({@code /eventbus}, {@link EventBusBridge}), plus the consumer of the bridge's
 * one inbound address, {@link Address#CLIENT_ASK}. Each acts for the tenant its credential names, decided once, and
 * an ask on either counts toward the tenant's asks in flight ({@link TenantLimits#startAsk}) as POST /ask does.
 */
public final class LiveRoutes {

    /** The WebSocket and bridge paths open without a credential on the upgrade: they authenticate their frames. */
    private static final List<AuthHandler.Open> OPEN = List.of(
            new AuthHandler.Open(HttpMethod.GET, "/ws"),
            new AuthHandler.Open(HttpMethod.GET, "/eventbus/"),
            new AuthHandler.Open(HttpMethod.POST, "/eventbus/"));

    private final Vertx vertx;
    private final Authenticator authenticator;
    private final Asks asks;
    private final ArtifactLinks links;
    private final TenantLimits tenantLimits;
    private final LiveLimits limits = LiveLimits.DEFAULT;
    private final long askTimeoutMs;

    public LiveRoutes(Vertx vertx, NodeConfig config, Authenticator authenticator, Asks asks, ArtifactLinks links, TenantLimits tenantLimits) {
        this.vertx = vertx;
        this.tenantLimits = tenantLimits;
        this.authenticator = authenticator;
        this.asks = asks;
        this.links = links;
        this.askTimeoutMs = config.askTimeoutSeconds() * 1000L;
    }

    /** {@code open} and the live paths. */
    public static List<AuthHandler.Open> open(List<AuthHandler.Open> open) {
        List<AuthHandler.Open> all = new ArrayList<>(open);
        all.addAll(OPEN);
        return all;
    }

    public void mount(Router router) {
        router.get("/ws").handler(this::upgrade);
        router.get("/jobs/:jobId/events").handler(require(Scope.READ)).handler(new JobEventStream(vertx, links));
        router.route("/eventbus/*").subRouter(new EventBusBridge(vertx, authenticator, links, limits, askTimeoutMs + 5_000).router());
    }

    /** Registers the consumer of {@link Address#CLIENT_ASK}; completes once it is registered (cluster-wide). */
    public Future<Void> listen() {
        return vertx.eventBus().consumer(Address.CLIENT_ASK, this::clientAsk).completion();
    }

    private void upgrade(RoutingContext ctx) {
        var principal = AuthHandler.principal(ctx);
        ctx.request().toWebSocket()
                .onSuccess(ws -> new LiveSocket(vertx, ws, authenticator, asks, links, tenantLimits, limits).start(principal))
                .onFailure(e -> ctx.fail(400, e));
    }

    /** A question from the bridge: its tenant is the header the bridge put in place of the browser's headers. */
    private void clientAsk(Message<Object> message) {
        if (!(message.body() instanceof JsonObject body)) {
            BusError.badRequest("bad_request", "the body is not a JSON object", "send {file_id, question}").failReply(message);
            return;
        }
        String tenant = TenantHeader.orFail(message);
        if (tenant == null) {
            return;
        }
        tenantLimits.startAsk(tenant)
                .compose(end -> asks.ask(tenant, null, body, null).onComplete(answered -> end.run()))
                .onSuccess(reply -> message.reply(new JsonObject(reply.body())))
                .onFailure(e -> BusError.fail(message, e));
    }
}
