package datasense.verticles.live;

import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.http.ArtifactLinks;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus bridge for browsers ({@code /eventbus}, SockJS, {@code @vertx/eventbus-bridge-client.js}). Deny by
 * default: a browser may SEND to {@link Address#CLIENT_ASK} (request/reply: the /ask body in, the /ask reply out)
 * and REGISTER {@link Address#clientJob} of its own tenant's jobs, and nothing else; every internal address, and
 * PUBLISH, is refused. Browsers cannot set an {@code Authorization} header on SockJS, so each SEND and REGISTER
 * carries the token in its message headers ({@code authorization}); it is verified here by the
 * {@link Authenticator}, the first one decides the socket's tenant, and a later one for another tenant is refused.
 * A SEND reaches the bus with the client's headers replaced by the {@link TenantHeader}, so a browser can never
 * name a tenant. A REGISTER is granted only for a job the tenant has ({@link JobFeed}); its events are written to
 * the socket as {@code rec} messages of that address, the last one even when the job ended before. A refused
 * message gets the bridge's error frame ({@code {type: "err", body: "rejected"}}) and delivers nothing. Frames
 * and registrations per socket are bounded by {@link LiveLimits}; a SEND waiting for its reply counts as a
 * registration until the reply, which bounds the questions in flight as well.
 */
final class EventBusBridge implements Handler<BridgeEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBusBridge.class);
    private static final String TOKEN_HEADER = "authorization";

    /** What one socket holds: its tenant once a message decided it, and the jobs it follows by address. */
    private static final class Session {
        String tenant;
        final Map<String, JobFeed> feeds = new HashMap<>();
        boolean closed;
    }

    private final Vertx vertx;
    private final Authenticator authenticator;
    private final ArtifactLinks links;
    private final LiveLimits limits;
    private final long replyTimeoutMs;
    private final Map<SockJSSocket, Session> sessions = new HashMap<>();

    EventBusBridge(Vertx vertx, Authenticator authenticator, ArtifactLinks links, LiveLimits limits, long replyTimeoutMs) {
        this.vertx = vertx;
        this.authenticator = authenticator;
        this.links = links;
        this.limits = limits;
        this.replyTimeoutMs = replyTimeoutMs;
    }

    /** The SockJS router to mount at {@code /eventbus/*}. */
    Router router() {
        SockJSBridgeOptions options = new SockJSBridgeOptions()
                .addInboundPermitted(new PermittedOptions().setAddress(Address.CLIENT_ASK))
                .addOutboundPermitted(new PermittedOptions().setAddressRegex(Pattern.quote("ds.client.") + "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"
                        + Pattern.quote(".job.") + "[A-Za-z0-9_-]{1,64}"))
                .setMaxHandlersPerSocket(limits.maxSubscriptions() + limits.maxAsksInFlight())
                .setMaxAddressLength(160)
                .setReplyTimeout(replyTimeoutMs);
        return SockJSHandler.create(vertx, new SockJSHandlerOptions().setInsertJSESSIONID(false)).bridge(options, this);
    }

    @Override
    public void handle(BridgeEvent event) {
        SockJSSocket socket = event.socket();
        switch (event.type()) {
            case SOCKET_CREATED -> {
                sessions.put(socket, new Session());
                event.complete(true);
            }
            case SOCKET_CLOSED -> {
                Session session = sessions.remove(socket);
                if (session != null) {
                    session.closed = true;
                    session.feeds.values().forEach(f -> {
                        if (f != null) {
                            f.close();
                        }
                    });
                }
                event.complete(true);
            }
            case SEND -> send(event, sessions.get(socket));
            case REGISTER -> register(event, sessions.get(socket));
            case UNREGISTER -> {
                Session session = sessions.get(socket);
                JobFeed feed = session == null ? null : session.feeds.remove(event.getRawMessage().getString("address"));
                if (feed != null) {
                    feed.close();
                }
                event.complete(true);
            }
            // only replies to a client's own SEND go out through the bridge; job events are written by their feed
            case RECEIVE -> event.complete(!String.valueOf(event.getRawMessage().getString("address")).startsWith("ds."));
            case SOCKET_PING, SOCKET_IDLE, SOCKET_ERROR -> event.complete(true);
            default -> refuse(event, "PUBLISH is not allowed on this bridge");
        }
    }

    /** A question: authorized, then sent on with the tenant header in place of the client's headers. */
    private void send(BridgeEvent event, Session session) {
        JsonObject raw = event.getRawMessage();
        if (session == null || !Address.CLIENT_ASK.equals(raw.getString("address"))) {
            refuse(event, "SEND to an address that is not " + Address.CLIENT_ASK);
            return;
        }
        if (raw.encode().length() > limits.maxFrameChars()) {
            refuse(event, "a message larger than " + limits.maxFrameChars() + " characters");
            return;
        }
        principal(raw, session).onComplete(authorized -> {
            if (authorized.failed()) {
                refuse(event, authorized.cause().getMessage());
            } else if (!authorized.result().can(Scope.ASK)) {
                refuse(event, "a credential without the 'ask' scope");
            } else {
                raw.put("headers", new JsonObject().put(TenantHeader.NAME, authorized.result().tenant()));
                event.complete(true);
            }
        });
    }

    /** Following a job: granted for the tenant's own job at its client address, once per socket. */
    private void register(BridgeEvent event, Session session) {
        JsonObject raw = event.getRawMessage();
        String address = String.valueOf(raw.getString("address"));
        if (session == null || session.feeds.containsKey(address)) {
            refuse(event, "a second registration of " + address);
            return;
        }
        if (session.feeds.size() >= limits.maxSubscriptions()) {
            refuse(event, "more than " + limits.maxSubscriptions() + " registrations on one socket");
            return;
        }
        session.feeds.put(address, null); // held while the job is looked up, so a repeat is refused at once
        principal(raw, session)
                .compose(principal -> {
                    String prefix = Address.clientJob(principal.tenant(), "");
                    if (!principal.can(Scope.READ) || !address.startsWith(prefix)) {
                        return Future.failedFuture(new BusError(403, "not_permitted", "not a job address of tenant " + principal.tenant(), null));
                    }
                    return JobFeed.open(vertx, principal.tenant(), address.substring(prefix.length()));
                })
                .onComplete(opened -> {
                    if (opened.failed() || session.closed) {
                        if (opened.succeeded()) {
                            opened.result().close();
                        }
                        session.feeds.remove(address);
                        refuse(event, opened.failed() ? opened.cause().getMessage() : "the socket closed");
                        return;
                    }
                    JobFeed feed = opened.result();
                    session.feeds.put(address, feed);
                    event.complete(true);
                    feed.follow(e -> deliver(event.socket(), address, e, session.tenant), () -> { });
                });
    }

    /** The principal of a message's token; the socket's tenant is the first one's, and no other is accepted after it. */
    private Future<Principal> principal(JsonObject raw, Session session) {
        JsonObject headers = raw.getValue("headers") instanceof JsonObject h ? h : new JsonObject();
        Object token = headers.getValue(TOKEN_HEADER, headers.getValue("Authorization"));
        return authenticator.authenticate(token instanceof String s ? s : null).compose(principal -> {
            if (session.tenant != null && !session.tenant.equals(principal.tenant())) {
                return Future.failedFuture(new BusError(403, "tenant_mismatch", "this socket acts for another tenant", null));
            }
            session.tenant = principal.tenant();
            return Future.succeededFuture(principal);
        });
    }

    /** A job event as the bridge client expects a message of {@code address}; a socket too slow to read is closed. */
    private void deliver(SockJSSocket socket, String address, JsonObject event, String tenant) {
        if (socket.writeQueueFull()) {
            socket.close(1013, "too slow: frames unread");
            return;
        }
        JsonObject message = new JsonObject().put("type", "rec").put("address", address).put("body", event);
        socket.write(links.signed(message.encode(), tenant));
    }

    private static void refuse(BridgeEvent event, String why) {
        LOG.debug("bridge refused {} {}: {}", event.type(), event.getRawMessage() == null ? "" : event.getRawMessage().getString("address"), why);
        event.complete(false);
    }
}
