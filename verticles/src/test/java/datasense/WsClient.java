package datasense;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A client of a node's WebSocket API ({@code /ws}), through Vert.x's WebSocket client: JSON frames in, JSON frames out. */
public final class WsClient implements AutoCloseable {

    public final LiveFrames frames = new LiveFrames();
    private final WebSocketClient client;
    private final WebSocket ws;
    volatile Short closeStatus;
    volatile String closeReason;

    private WsClient(WebSocketClient client, WebSocket ws) {
        this.client = client;
        this.ws = ws;
        ws.textMessageHandler(text -> frames.add(new JsonObject(text)));
        ws.closeHandler(v -> {
            closeStatus = ws.closeStatusCode();
            closeReason = ws.closeReason();
            frames.add(new JsonObject().put("type", "closed").put("status", ws.closeStatusCode()).put("reason", ws.closeReason()));
        });
    }

    /** Opens {@code /ws} on {@code port}, with {@code authorization} on the upgrade request unless it is null; fails as the upgrade does. */
    public static WsClient connect(Vertx vertx, int port, String authorization) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws");
        if (authorization != null) {
            options.addHeader("Authorization", authorization);
        }
        try {
            // the handlers are set as the socket opens, on its event loop, so no frame is missed
            return client.connect(options).map(ws -> new WsClient(client, ws)).await();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public void send(JsonObject frame) {
        ws.writeTextMessage(frame.encode()).await();
    }

    void sendText(String text) {
        ws.writeTextMessage(text).await();
    }

    /** Writes {@code text} without waiting for it to leave: for a client that floods. */
    void sendTextNow(String text) {
        ws.writeTextMessage(text);
    }

    /** Stops reading the socket, as a client too slow to read would: the server's frames wait in the TCP buffers, then on the server. */
    void stopReading() {
        ws.pause();
    }

    void resumeReading() {
        ws.resume();
    }

    boolean isClosed() {
        return ws.isClosed();
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close().await();
        }
        client.close().await();
    }
}
