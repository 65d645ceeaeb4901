package datasense.verticles.live;

import datasense.verticles.auth.Authenticator;
import datasense.verticles.auth.Principal;
import datasense.verticles.auth.Scope;
import datasense.verticles.bus.BusError;
import datasense.verticles.http.ArtifactLinks;
import datasense.verticles.http.Asks;
import datasense.verticles.http.TenantLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One client of the WebSocket API ({@code /ws}, see README, Live clients): JSON text frames in both directions.
 * The tenant is decided once, by the upgrade request's credential or by a first {@code auth} frame, and every
 * frame after acts for it. A client asks ({@code ask}: the same body, checks and answer as POST /ask, with the
 * job's progress events before the answer, counted toward the tenant's asks in flight as POST /ask is) and follows
 * jobs it started elsewhere ({@code subscribe}); a job of
 * another tenant is answered exactly like an unknown one. Everything it may hold is bounded by {@link LiveLimits};
 * a client that does not read what it is sent is closed with the reason, so it slows nobody else.
 */
final class LiveSocket {

    /** Close codes of RFC 6455: going away (the node stops), a policy violation, and a peer too slow to be served. */
    private static final short GOING_AWAY = 1001;
    private static final short POLICY = 1008;
    private static final short TRY_LATER = 1013;

    private final Vertx vertx;
    private final ServerWebSocket ws;
    private final Authenticator authenticator;
    private final Asks asks;
    private final ArtifactLinks links;
    private final TenantLimits tenantLimits;
    private final LiveLimits limits;
    private final Map<String, JobFeed> subscriptions = new HashMap<>();
    private Principal principal;
    private int asksInFlight;
    private int pendingSubscriptions;
    private int unsent;
    private boolean closed;

    LiveSocket(Vertx vertx, ServerWebSocket ws, Authenticator authenticator, Asks asks, ArtifactLinks links, TenantLimits tenantLimits,
               LiveLimits limits) {
        this.vertx = vertx;
        this.tenantLimits = tenantLimits;
        this.ws = ws;
        this.authenticator = authenticator;
        this.asks = asks;
        this.links = links;
        this.limits = limits;
    }

    /** Serves the socket; {@code principal} is the upgrade request's, or null when the client must send an {@code auth} frame. */
    void start(Principal principal) {
        this.principal = principal;
        ws.closeHandler(v -> closed());
        // the node is stopping (SIGTERM): say so, so the client reconnects elsewhere or later
        ws.shutdownHandler(v -> close(GOING_AWAY, "node stopping"));
        ws.exceptionHandler(e -> ws.close());
        ws.binaryMessageHandler(b -> error(null, BusError.badRequest("bad_frame", "frames are JSON text", "send text frames")));
        ws.textMessageHandler(this::received);
        if (principal == null) {
            vertx.setTimer(limits.authTimeoutMs(), t -> {
                if (this.principal == null) {
                    close(POLICY, "no auth frame within " + limits.authTimeoutMs() / 1000 + " s");
                }
            });
        }
    }

    private void received(String text) {
        if (text.length() > limits.maxFrameChars()) {
            error(null, new BusError(413, "frame_too_large", "a frame may hold at most " + limits.maxFrameChars() + " characters", null));
            return;
        }
        JsonObject frame;
        try {
            frame = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            error(null, BusError.badRequest("bad_json", "the frame is not a JSON object", "send {\"type\": \"ping\"}"));
            return;
        }
        Object id = frame.getValue("id");
        String type = frame.getValue("type") instanceof String s ? s : "";
        if (type.equals("ping")) {
            send(new JsonObject().put("type", "pong"));
        } else if (type.equals("auth")) {
            authenticate(id, frame.getValue("token") instanceof String s ? s : null);
        } else if (principal == null) {
            error(id, new BusError(401, "missing_credentials", "send {\"type\": \"auth\", \"token\": ...} first",
                    "or open the socket with Authorization: Bearer <token>"));
            close(POLICY, "not authenticated");
        } else {
            switch (type) {
                case "ask" -> ask(id, frame);
                case "subscribe" -> subscribe(id, frame.getValue("job_id") instanceof String s ? s : null);
                case "unsubscribe" -> unsubscribe(id, frame.getValue("job_id") instanceof String s ? s : null);
                default -> error(id, BusError.badRequest("unknown_type", "unknown frame type '" + type + "'",
                        "send auth, ask, subscribe, unsubscribe or ping"));
            }
        }
    }

    /** The tenant is decided once: a second auth frame may only repeat it. The socket waits while a key is looked up. */
    private void authenticate(Object id, String token) {
        ws.pause();
        authenticator.authenticate(token).onComplete(result -> {
            ws.resume();
            if (result.failed()) {
                error(id, BusError.from(result.cause()));
                close(POLICY, "authentication failed");
            } else if (principal != null && !principal.tenant().equals(result.result().tenant())) {
                error(id, new BusError(403, "tenant_mismatch", "this socket already acts for another tenant", "open another socket"));
            } else {
                principal = result.result();
                send(new JsonObject().put("type", "authenticated").put("id", id).put("tenant", principal.tenant()));
            }
        });
    }

    private void ask(Object id, JsonObject frame) {
        if (!principal.can(Scope.ASK)) {
            error(id, scope(Scope.ASK));
            return;
        }
        if (asksInFlight >= limits.maxAsksInFlight()) {
            error(id, new BusError(429, "too_many_asks", "at most " + limits.maxAsksInFlight() + " questions run at once per socket",
                    "wait for an answer before asking again"));
            return;
        }
        JsonObject body = new JsonObject();
        for (String field : new String[] {"file_id", "question", "conversation_id", "user_id"}) {
            if (frame.containsKey(field)) {
                body.put(field, frame.getValue(field));
            }
        }
        asksInFlight++;
        String tenant = principal.tenant();
        tenantLimits.startAsk(tenant)
                .compose(end -> asks.ask(tenant, null, body, this::event).onComplete(answered -> end.run()))
                .onComplete(reply -> {
                    asksInFlight--;
                    if (reply.succeeded()) {
                        // the body is already encoded, its links signed: it goes into the frame as it is
                        send("{\"type\":\"answer\",\"id\":" + Json.encode(id) + ",\"body\":" + reply.result().body() + "}");
                    } else {
                        error(id, BusError.from(reply.cause()));
                    }
                });
    }

    private void subscribe(Object id, String jobId) {
        if (!principal.can(Scope.READ)) {
            error(id, scope(Scope.READ));
            return;
        }
        if (jobId != null && subscriptions.containsKey(jobId)) {
            send(new JsonObject().put("type", "subscribed").put("id", id).put("job_id", jobId));
            return;
        }
        if (subscriptions.size() + pendingSubscriptions >= limits.maxSubscriptions()) {
            error(id, new BusError(429, "too_many_subscriptions", "at most " + limits.maxSubscriptions() + " jobs are followed at once per socket",
                    "unsubscribe from a job first"));
            return;
        }
        pendingSubscriptions++;
        JobFeed.open(vertx, principal.tenant(), jobId).onComplete(opened -> {
            pendingSubscriptions--;
            if (opened.failed()) {
                error(id, BusError.from(opened.cause()));
                return;
            }
            JobFeed feed = opened.result();
            if (closed || subscriptions.containsKey(jobId)) {
                feed.close();
                return;
            }
            subscriptions.put(jobId, feed);
            send(new JsonObject().put("type", "subscribed").put("id", id).put("job_id", jobId));
            feed.follow(this::event, () -> subscriptions.remove(jobId));
        });
    }

    private void unsubscribe(Object id, String jobId) {
        JobFeed feed = jobId == null ? null : subscriptions.remove(jobId);
        if (feed != null) {
            feed.close();
        }
        send(new JsonObject().put("type", "unsubscribed").put("id", id).put("job_id", jobId));
    }

    /** A job event as the client sees it: {@code {type: "event", job_id, event, ...}}, its links signed. */
    private void event(JsonObject event) {
        JsonObject frame = new JsonObject().put("type", "event").mergeIn(event);
        send(links.signed(frame.encode(), principal.tenant()));
    }

    private void error(Object id, BusError e) {
        JsonObject body = e.body();
        send(new JsonObject().put("type", "error").put("id", id).put("status", e.status())
                .put("error", body.getString("error")).put("message", body.getString("message")).put("hint", body.getString("hint")));
    }

    private static BusError scope(Scope scope) {
        return new BusError(403, "insufficient_scope", "this credential lacks the '" + scope.wire() + "' scope", null);
    }

    private void send(JsonObject frame) {
        frame.getMap().values().removeIf(Objects::isNull);
        send(frame.encode());
    }

    /** Writes a frame, or closes a client that has left {@link LiveLimits#maxQueuedFrames} frames unread. */
    private void send(String text) {
        if (closed) {
            return;
        }
        if (unsent >= limits.maxQueuedFrames()) {
            close(TRY_LATER, "too slow: " + unsent + " frames unread");
            return;
        }
        unsent++;
        ws.writeTextMessage(text).onComplete(written -> unsent--);
    }

    private void close(short code, String reason) {
        if (!closed) {
            closed();
            ws.close(code, reason);
        }
    }

    private void closed() {
        closed = true;
        subscriptions.values().forEach(JobFeed::close);
        subscriptions.clear();
    }
}
