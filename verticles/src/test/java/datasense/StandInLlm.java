package datasense;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible endpoint written in the tests, on a port from the OS: each request goes to {@code handler},
 * on a thread of its own (a handler may hold a request to keep a job planning). {@link #settings} point a node at it.
 */
public final class StandInLlm implements AutoCloseable {

    private final HttpServer server;

    private StandInLlm(HttpServer server) {
        this.server = server;
    }

    public static StandInLlm start(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return new StandInLlm(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An endpoint that holds every planning request until {@code release} (at most 110 s), then answers 503: a job
     * asked meanwhile stays in flight, and falls back to the offline planner once let go.
     */
    public static StandInLlm holding(CountDownLatch release) {
        return start(exchange -> {
            try {
                release.await(110, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
    }

    /** A node's settings for this endpoint, with {@code more} added. */
    public Map<String, String> settings(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(more);
        all.put("OPENAI_API_KEY", "sk-test-key");
        all.put("OPENAI_BASE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        all.put("DATASENSE_MODEL", "stand-in-model");
        return all;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
