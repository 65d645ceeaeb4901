package datasense;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * A browser's event-bus bridge client written out by hand: the SockJS WebSocket transport
 * ({@code /eventbus/<server>/<session>/websocket}; the server opens with {@code o}, beats with {@code h}, sends
 * messages as {@code a["<json>", ...]} and closes with {@code c[code, "reason"]}; the client sends
 * {@code ["<json>", ...]}) carrying the bridge's JSON messages ({@code send}, {@code register}, {@code ping}; back
 * {@code rec} and {@code err}). It pings the bridge every 5 s as the bridge client does.
 */
final class SockJsClient implements AutoCloseable {

    final LiveFrames frames = new LiveFrames();
    private final Vertx vertx;
    private final WebSocketClient client;
    private final WebSocket ws;
    private final long pinger;

    private SockJsClient(Vertx vertx, WebSocketClient client, WebSocket ws) {
        this.vertx = vertx;
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(this::received);
        ws.closeHandler(v -> frames.add(new JsonObject().put("type", "closed")));
        pinger = vertx.setPeriodic(5_000, t -> ws.writeTextMessage(new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode()));
    }

    static SockJsClient connect(Vertx vertx, int port) throws InterruptedException {
        WebSocketClient client = vertx.createWebSocketClient();
        String session = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        // the handlers are set as the socket opens, on its event loop, so the server's first frame is not missed
        SockJsClient sock = client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port)
                .setURI("/eventbus/123/" + session + "/websocket")).map(ws -> new SockJsClient(vertx, client, ws)).await();
        JsonObject open = sock.frames.next();
        if (!"open".equals(open.getString("type"))) {
            throw new AssertionError("the SockJS session did not open: " + open);
        }
        return sock;
    }

    private void received(String text) {
        switch (text.charAt(0)) {
            case 'o' -> frames.add(new JsonObject().put("type", "open"));
            case 'h' -> { } // heartbeat
            case 'a' -> new JsonArray(text.substring(1)).forEach(m -> frames.add(new JsonObject((String) m)));
            case 'c' -> frames.add(new JsonObject().put("type", "closed").put("sockjs", new JsonArray(text.substring(1))));
            default -> frames.add(new JsonObject().put("type", "unknown").put("text", text));
        }
    }

    /** Sends one bridge message as one SockJS frame. */
    void send(JsonObject message) {
        ws.writeTextMessage(new JsonArray().add(message.encode()).encode()).await();
    }

    static JsonObject headers(String token) {
        return token == null ? new JsonObject() : new JsonObject().put("authorization", "Bearer " + token);
    }

    void sendTo(String address, JsonObject body, String token, String replyAddress) {
        JsonObject message = new JsonObject().put("type", "send").put("address", address).put("body", body).put("headers", headers(token));
        if (replyAddress != null) {
            message.put("replyAddress", replyAddress);
        }
        send(message);
    }

    void register(String address, String token) {
        send(new JsonObject().put("type", "register").put("address", address).put("headers", headers(token)));
    }

    @Override
    public void close() {
        vertx.cancelTimer(pinger);
        if (!ws.isClosed()) {
            ws.close().await();
        }
        client.close().await();
    }
}
