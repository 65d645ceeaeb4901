package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis down for exactly 10 s, then back, under a steady stream of asks (issue 11's fault suite): every ask is
 * answered (without the cache while Redis is away), /health says degraded during the outage and ready after, by
 * itself, and the cache answers again. Prints the figure docs/RELIABILITY.md records.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fault")
class RedisOutageIT {

    private static final long OUTAGE_MS = 10_000;
    private static final List<String> QUESTIONS = List.of("total sales by region", "average discount by region",
            "total profit by category", "median quantity by region", "count of orders by region");

    /** One ask of the stream: when it was sent (ms since the start), its status, how long it took, from the cache or not. */
    private record Ask(long atMs, int status, long tookMs, boolean cached, String body) {
    }

    @Test
    void everyAskIsAnsweredWhileRedisIsDownForTenSecondsAndTheNodeRecoversByItself(Vertx vertx) throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             TestNode node = TestNode.start(vertx, Map.of("REDIS_URL", redis.url(), "DATASENSE_SAMPLE_DATA", "false"))) {
            String fileId = node.uploadCsv("shop.csv", new ShopData(200).csv()).bodyAsJsonObject().getString("file_id");
            QUESTIONS.forEach(q -> assertThat(node.ask(fileId, q).statusCode()).isEqualTo(200)); // warm: cached in Redis
            assertThat(health(node).getJsonObject("cache").getString("status")).isEqualTo("ok");

            long start = System.nanoTime();
            AtomicBoolean asking = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Ask> asks = new ConcurrentLinkedQueue<>();
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; asking.get(); i++) {
                    long sent = System.nanoTime();
                    HttpResponse<Buffer> r = node.ask(fileId, QUESTIONS.get(i % QUESTIONS.size()));
                    boolean cached = r.statusCode() == 200 && Boolean.TRUE.equals(r.bodyAsJsonObject().getBoolean("cached"));
                    asks.add(new Ask(ms(sent - start), r.statusCode(), ms(System.nanoTime() - sent), cached, r.bodyAsString()));
                }
            });
            Polls.until(asks::size, n -> n >= 5); // the stream runs before Redis goes

            long killedAt = ms(System.nanoTime() - start);
            redis.kill();
            JsonObject degraded = Polls.until(() -> health(node), h -> "degraded".equals(h.getString("status")));
            long degradedAfter = ms(System.nanoTime() - start) - killedAt;
            assertThat(degraded.getString("status")).as(degraded.encode()).isEqualTo("degraded");
            assertThat(degraded.getJsonObject("cache").getString("status")).isEqualTo("degraded");
            // down for exactly OUTAGE_MS: the stream and the health checks go on meanwhile
            long backAt = killedAt + OUTAGE_MS;
            while (ms(System.nanoTime() - start) < backAt) {
                assertThat(health(node).getString("status")).as("still degraded while Redis is away").isEqualTo("degraded");
                Thread.sleep(Math.min(200, Math.max(1, backAt - ms(System.nanoTime() - start))));
            }
            redis.restart();
            long restartedAt = ms(System.nanoTime() - start);
            JsonObject ready = Polls.until(() -> health(node), h -> "ready".equals(h.getString("status")));
            long readyAfter = ms(System.nanoTime() - start) - restartedAt;
            assertThat(ready.getString("status")).as(ready.encode()).isEqualTo("ready");
            assertThat(ready.getJsonObject("cache").getString("status")).isEqualTo("ok");
            int afterRecovery = asks.size();
            Polls.until(asks::size, n -> n >= afterRecovery + QUESTIONS.size() * 2); // each question asked again twice
            asking.set(false);
            stream.get(30, TimeUnit.SECONDS);

            List<Ask> all = List.copyOf(asks);
            List<Ask> failed = all.stream().filter(a -> a.status() != 200).toList();
            assertThat(failed).as("asks not answered").isEmpty();
            List<Ask> during = all.stream().filter(a -> a.atMs() >= killedAt + degradedAfter && a.atMs() + a.tookMs() <= restartedAt).toList();
            assertThat(during).as("asks answered while Redis was away").isNotEmpty();
            assertThat(during).as("answered without the cache").noneMatch(Ask::cached);
            assertThat(all.stream().filter(a -> a.atMs() > restartedAt + readyAfter)).as("the cache answers again").anyMatch(Ask::cached);
            long maxDuring = during.stream().mapToLong(Ask::tookMs).max().orElse(0);
            System.out.printf("[fault] Redis down %,d ms under a stream of asks: %d asks, %d answered, %d failed;"
                            + " %d during the outage (slowest %,d ms, none cached); degraded %,d ms after the kill;"
                            + " ready %,d ms after Redis was back%n",
                    restartedAt - killedAt, all.size(), all.size() - failed.size(), failed.size(), during.size(), maxDuring,
                    degradedAfter, readyAfter);
        }
    }

    private static JsonObject health(TestNode node) {
        return node.get("/health").bodyAsJsonObject();
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
