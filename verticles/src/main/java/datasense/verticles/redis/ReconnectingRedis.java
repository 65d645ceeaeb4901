package datasense.verticles.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One self-healing Redis connection. vertx-redis-client does not reconnect by itself, so this holder connects,
 * watches the connection (end and exception handlers, plus a heartbeat that makes a hung server visible), and
 * reconnects with capped exponential backoff for as long as it lives. While Redis is away {@link #send} fails at
 * once, without touching the network, so callers can answer a miss instead of waiting.
 *
 * <p>One connection, pipelined: every command is written as it comes and replies return in order, so one
 * connection per event loop carries tens of thousands of commands a second without a pool's lease per command.
 *
 * <p>Confined to one Vert.x context: create, start and use it from the same verticle.
 */
public final class ReconnectingRedis {

    /** A heartbeat keeps bytes flowing, so {@link #READ_IDLE_MS} of silence means the server hangs. */
    private static final long HEARTBEAT_MS = 500;
    /** Silence after which Vert.x closes the socket (failing its pending commands) and we reconnect. */
    private static final int READ_IDLE_MS = 2_000;
    /** A dead host must not hold an attempt for the 60 s default. */
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    /** Commands in flight on the connection; beyond it a command fails at once (a miss) rather than queue. */
    private static final int MAX_IN_FLIGHT = 8_192;

    private static final VertxException UNAVAILABLE = new VertxException("Redis is unavailable", true);
    private static final VertxException BUSY = new VertxException("Redis connection has too many commands in flight", true);
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingRedis.class);

    /**
     * Holders currently down, per redacted URL, across the JVM: a node with several cache instances logs an outage
     * once (first holder down) and its end once (last holder back), not once per instance or per request.
     */
    private static final Map<String, Integer> DOWN = new ConcurrentHashMap<>();

    private final Vertx vertx;
    private final Redis client;
    private final String safeUrl;
    private final Backoff backoff;
    private final Function<RedisConnection, Future<?>> beforeUp;

    /** The live connection, or null while degraded. */
    private Link current;
    private Instant since = Instant.now();
    private boolean countedDown;
    private int failures;
    private long retryTimer = -1;
    private long heartbeatTimer = -1;
    private boolean closed;

    /**
     * A holder of {@code url} (not connected until {@link #start}).
     *
     * @param beforeUp runs on each new connection before it serves (e.g. replaying evictions missed while Redis
     *                 was away); a failure counts as a failed attempt. {@code c -> Future.succeededFuture()} for none.
     */
    public ReconnectingRedis(Vertx vertx, String url, Backoff backoff, Function<RedisConnection, Future<?>> beforeUp) {
        this.vertx = vertx;
        this.safeUrl = RedisUrls.redact(url);
        this.backoff = backoff;
        this.beforeUp = beforeUp;
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setReadIdleTimeout(READ_IDLE_MS)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTcpKeepAlive(true)
                .setTcpNoDelay(true);
        this.client = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(url)
                .setNetClientOptions(net)
                .setMaxWaitingHandlers(MAX_IN_FLIGHT)
                .setMaxPoolSize(2)
                .setMaxPoolWaiting(4));
    }

    /** Makes the first attempt and starts the heartbeat; completes after that attempt, successful or not, never failing. */
    public Future<Void> start() {
        heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
        return attempt();
    }

    /** True while a connection serves. */
    public boolean up() {
        return current != null;
    }

    /** The redacted URL (no password). */
    public String url() {
        return safeUrl;
    }

    /** Since when the holder is in its present state (up or degraded). */
    public Instant since() {
        return since;
    }

    /** {@code {backend: "redis", status: "ok"|"degraded", since, url}}, the URL without its password. */
    public JsonObject health() {
        return new JsonObject()
                .put("backend", "redis")
                .put("status", up() ? "ok" : "degraded")
                .put("since", since.toString())
                .put("url", safeUrl);
    }

    /** Sends {@code request} on the live connection; fails at once while Redis is away or the connection is saturated. */
    public Future<Response> send(Request request) {
        Link link = current;
        if (link == null) {
            return Future.failedFuture(UNAVAILABLE);
        }
        if (link.connection.pendingQueueFull()) {
            return Future.failedFuture(BUSY);
        }
        return link.connection.send(request);
    }

    /** Stops reconnecting and closes the connection and the client. */
    public Future<Void> close() {
        closed = true;
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(retryTimer);
        Link link = current;
        current = null;
        if (countedDown) {
            countedDown = false;
            DOWN.computeIfPresent(safeUrl, (url, n) -> n <= 1 ? null : n - 1);
        }
        Future<Void> closing = link == null ? Future.succeededFuture() : link.connection.close();
        return closing.transform(ignored -> client.close());
    }

    private Future<Void> attempt() {
        retryTimer = -1;
        if (closed) {
            return Future.succeededFuture();
        }
        return client.connect()
                .compose(connection -> {
                    Link link = new Link(connection);
                    connection.exceptionHandler(e -> lost(link, e));
                    connection.endHandler(v -> lost(link, null));
                    return beforeUp.apply(connection)
                            .<Link>map(ignored -> link)
                            .recover(e -> {
                                connection.close();
                                return Future.failedFuture(e);
                            });
                })
                .transform(result -> {
                    if (closed) {
                        if (result.succeeded()) {
                            result.result().connection.close();
                        }
                    } else if (result.succeeded() && !result.result().dead) {
                        connected(result.result());
                    } else {
                        failed(result.succeeded() ? new VertxException("connection closed while starting", true)
                                : result.cause());
                    }
                    return Future.succeededFuture();
                });
    }

    private void connected(Link link) {
        current = link;
        failures = 0;
        since = Instant.now();
        if (countedDown) {
            countedDown = false;
            Integer stillDown = DOWN.computeIfPresent(safeUrl, (url, n) -> n <= 1 ? null : n - 1);
            if (stillDown == null) {
                LOG.info("Redis at {} is back; the answer cache serves from Redis again", safeUrl);
            }
        } else {
            LOG.debug("connected to Redis at {}", safeUrl);
        }
    }

    private void failed(Throwable cause) {
        failures++;
        markDown(cause);
        long delay = backoff.delayMillis(failures - 1);
        LOG.debug("Redis at {} unreachable (attempt {}): {}; next attempt in {} ms", safeUrl, failures, cause.toString(), delay);
        retryTimer = vertx.setTimer(delay, id -> attempt());
    }

    /** The connection ended or broke; ignored unless it is the live one (an old one may end late). */
    private void lost(Link link, Throwable cause) {
        link.dead = true;
        if (link != current || closed) {
            return;
        }
        current = null;
        since = Instant.now();
        if (cause != null) {
            // the client evicted it after the error; closing releases it whatever state it is in
            link.connection.close();
        }
        markDown(cause == null ? new VertxException("connection closed", true) : cause);
        failures = 0;
        retryTimer = vertx.setTimer(backoff.delayMillis(0), id -> attempt());
    }

    private void markDown(Throwable cause) {
        if (countedDown) {
            return;
        }
        countedDown = true;
        if (DOWN.merge(safeUrl, 1, Integer::sum) == 1) {
            LOG.warn("Redis at {} is unreachable ({}); the node is degraded: answers are not cached and the file and "
                    + "job index is read from the object store, until it reconnects in the background", safeUrl, cause.getMessage());
        }
    }

    private void heartbeat() {
        Link link = current;
        if (link != null && !link.connection.pendingQueueFull()) {
            // the reply itself is not needed: its bytes keep the read-idle timer quiet while Redis answers
            link.connection.send(Request.cmd(Command.PING));
        }
    }

    /** A connection and whether it already ended (an end can arrive before the connection starts serving). */
    private static final class Link {
        final RedisConnection connection;
        boolean dead;

        Link(RedisConnection connection) {
            this.connection = connection;
        }
    }
}
