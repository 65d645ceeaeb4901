package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import datasense.RedisServerProcess;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.cache.CacheVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The answer cache against a real Redis server, through its bus addresses: round trip with TTL, misses,
 * eviction by file, a crash and a restart on the same port, a frozen server, and a node that starts before Redis.
 */
class RedisCacheIT {

    /** A get while Redis is away must come back far sooner than the 2 s bus timeout. */
    private static final long FAST_MS = 250;

    private Vertx vertx;
    private RedisServerProcess server;
    private Redis raw;
    private ListAppender<ILoggingEvent> logs;
    private Logger holderLogger;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        holderLogger = (Logger) LoggerFactory.getLogger(ReconnectingRedis.class);
        logs = new ListAppender<>();
        logs.start();
        holderLogger.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        holderLogger.detachAppender(logs);
        vertx.close().await();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void putThenGetRoundTripsWithTheTtl() throws Exception {
        server = RedisServerProcess.start();
        deploy(RedisSettings.of(server.url()));
        String key = "alice|f_1|offline|total sales by region";

        put(key, "{\"answer\":42,\"cached\":true}");

        assertThat(get(key)).isEqualTo("{\"answer\":42,\"cached\":true}");
        long ttl = raw(Request.cmd(Command.TTL).arg(RedisAnswerCache.ENTRY_PREFIX + key)).toLong();
        assertThat(ttl).isBetween(RedisSettings.DEFAULT_TTL.toSeconds() - 5, RedisSettings.DEFAULT_TTL.toSeconds());
        long indexTtl = raw(Request.cmd(Command.TTL).arg(RedisAnswerCache.FILE_INDEX_PREFIX + "f_1")).toLong();
        assertThat(indexTtl).isBetween(ttl - 5, RedisSettings.DEFAULT_TTL.toSeconds());
        assertThat(health().getMap()).containsEntry("backend", "redis").containsEntry("status", "ok")
                .containsEntry("url", server.url());
    }

    @Test
    void theTtlIsConfigurableAndAKeyOfAnotherShapeStillCaches() throws Exception {
        server = RedisServerProcess.start();
        deploy(new RedisSettings(server.url(), Duration.ofMinutes(10)));

        put("no-bars-here", "v");

        assertThat(get("no-bars-here")).isEqualTo("v");
        long ttl = raw(Request.cmd(Command.TTL).arg(RedisAnswerCache.ENTRY_PREFIX + "no-bars-here")).toLong();
        assertThat(ttl).isBetween(595L, 600L);
    }

    @Test
    void anUnknownKeyIsAMiss() throws Exception {
        server = RedisServerProcess.start();
        deploy(RedisSettings.of(server.url()));
        put("alice|f_1|offline|q", "v");

        assertThat(get("alice|f_1|offline|another question")).isNull();
        assertThat(get("bob|f_1|offline|q")).isNull();
    }

    @Test
    void evictingAFileDropsItsAnswersOfEveryTenantAndNothingElse() throws Exception {
        server = RedisServerProcess.start();
        deploy(RedisSettings.of(server.url()));
        put("alice|f_a|offline|q1", "a1");
        put("default|f_a|llm|q2", "a2"); // an unnamed user asking about alice's file
        put("alice|f_b|offline|q1", "b1");

        assertThat(evict("alice", "f_a")).isEqualTo(2);

        assertThat(get("alice|f_a|offline|q1")).isNull();
        assertThat(get("default|f_a|llm|q2")).isNull();
        assertThat(get("alice|f_b|offline|q1")).isEqualTo("b1");
        assertThat(raw(Request.cmd(Command.EXISTS).arg(RedisAnswerCache.FILE_INDEX_PREFIX + "f_a")).toInteger()).isZero();
        assertThat(evict("alice", "f_a")).isZero();
    }

    @Test
    void aCrashDegradesAtOnceLogsOnceAndTheCacheHealsWhenRedisIsBack() throws Exception {
        server = RedisServerProcess.start("--requirepass", "s3cret");
        String url = "redis://:s3cret@127.0.0.1:" + server.port();
        deploy(RedisSettings.of(url));
        put("alice|f_1|offline|q", "before");
        assertThat(get("alice|f_1|offline|q")).isEqualTo("before");
        assertThat(health().getString("url")).isEqualTo("redis://127.0.0.1:" + server.port()).doesNotContain("s3cret");

        server.kill();

        JsonObject degraded = awaitHealth(h -> "degraded".equals(h.getString("status")), Duration.ofSeconds(3));
        assertThat(degraded.getMap()).containsEntry("backend", "redis");
        assertThat(Instant.parse(degraded.getString("since"))).isAfter(Instant.now().minusSeconds(5));
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            assertThat(get("alice|f_1|offline|q")).isNull();
            put("alice|f_1|offline|q" + i, "dropped");
            assertThat((System.nanoTime() - start) / 1_000_000).as("get + put while Redis is away, ms").isLessThan(FAST_MS);
        }
        Thread.sleep(1_500); // several failed reconnect attempts, which must not log again
        assertThat(warnings()).hasSize(1);
        assertThat(warnings().get(0).getFormattedMessage()).contains("unreachable").doesNotContain("s3cret");

        server.restart();

        awaitHealth(h -> "ok".equals(h.getString("status")), Duration.ofSeconds(8));
        assertThat(infos("is back")).hasSize(1);
        assertThat(warnings()).hasSize(1);
        put("alice|f_1|offline|q", "after");
        assertThat(get("alice|f_1|offline|q")).isEqualTo("after");
        assertThat(get("alice|f_1|offline|q3")).as("a put dropped during the outage").isNull();
    }

    @Test
    void aFrozenServerIsDetectedAndEvictionsMadeMeanwhileAreReplayedOnReconnect() throws Exception {
        server = RedisServerProcess.start();
        deploy(RedisSettings.of(server.url()));
        put("alice|f_a|offline|q", "a");
        put("alice|f_b|offline|q", "b");

        server.freeze();

        // the heartbeat stops being answered; the read-idle limit closes the socket
        awaitHealth(h -> "degraded".equals(h.getString("status")), Duration.ofSeconds(5));
        long start = System.nanoTime();
        assertThat(get("alice|f_b|offline|q")).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(FAST_MS);
        assertThat(evict("alice", "f_a")).as("deferred while Redis is away").isZero();
        assertThat(health().getInteger("pending_evictions")).isEqualTo(1);

        server.thaw();

        JsonObject ok = awaitHealth(h -> "ok".equals(h.getString("status")), Duration.ofSeconds(8));
        assertThat(ok.getInteger("pending_evictions")).isZero();
        assertThat(get("alice|f_a|offline|q")).as("evicted while Redis was frozen").isNull();
        assertThat(get("alice|f_b|offline|q")).as("kept across the freeze").isEqualTo("b");
        assertThat(warnings()).hasSize(1);
        assertThat(infos("is back")).hasSize(1);
    }

    @Test
    void aNodeStartsWithRedisAwayAndConnectsWhenItAppears() throws Exception {
        int port = RedisServerProcess.freePort();
        deploy(RedisSettings.of("redis://127.0.0.1:" + port));

        assertThat(health().getMap()).containsEntry("status", "degraded");
        long start = System.nanoTime();
        assertThat(get("alice|f_1|offline|q")).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(FAST_MS);
        assertThat(warnings()).hasSize(1);

        server = RedisServerProcess.startOn(port);

        awaitHealth(h -> "ok".equals(h.getString("status")), Duration.ofSeconds(8));
        put("alice|f_1|offline|q", "v");
        assertThat(get("alice|f_1|offline|q")).isEqualTo("v");
    }

    private void deploy(RedisSettings settings) {
        vertx.deployVerticle(new CacheVerticle(settings)).await();
        raw = Redis.createClient(vertx, settings.url());
    }

    private String get(String key) {
        return vertx.eventBus().<String>request(Address.CACHE_GET, key, BusTimeouts.SHORT).await().body();
    }

    private void put(String key, String value) {
        vertx.eventBus().request(Address.CACHE_PUT, new JsonObject().put("key", key).put("value", value),
                BusTimeouts.SHORT).await();
    }

    private int evict(String tenant, String fileId) {
        return vertx.eventBus().<JsonObject>request(Address.CACHE_EVICT,
                new JsonObject().put("file_id", fileId), datasense.verticles.bus.TenantHeader.on(BusTimeouts.SHORT, tenant))
                .await().body().getInteger("evicted");
    }

    private JsonObject health() {
        return vertx.eventBus().<JsonObject>request(Address.CACHE_HEALTH, null, BusTimeouts.SHORT).await().body();
    }

    private JsonObject awaitHealth(Predicate<JsonObject> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = health();
        while (!wanted.test(last)) {
            assertThat(System.nanoTime()).as("health still %s after %s", last, within).isLessThan(deadline);
            Thread.sleep(50);
            last = health();
        }
        return last;
    }

    private Response raw(Request request) {
        return raw.send(request).await();
    }

    private List<ILoggingEvent> warnings() {
        return logged().stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    private List<ILoggingEvent> infos(String containing) {
        return logged().stream()
                .filter(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains(containing)).toList();
    }

    /** The appender appends under its own lock, from event-loop threads. */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }
}
