package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded load of mixed work on one node (issue 11's fault suite): 4 clients for 60 s (the 5 minutes
 * with {@code -Ddatasense.load.seconds=300}, or the environment variable DATASENSE_LOAD_SECONDS), each asking
 * questions of the sample file (cached after their first answer) and, one call in ten, uploading a new CSV and
 * asking it a question cold. Errors (any status but 2xx, or no answer) must stay under 1 %. Prints the figure.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 480, unit = TimeUnit.SECONDS)
@Tag("fault")
class LoadIT {

    private static final int CLIENTS = 4;
    private static final List<String> QUESTIONS = List.of("total sales by region", "average profit by category",
            "total quantity by segment", "average discount by region", "count of orders by category",
            "monthly trend of sales", "total profit by region and category", "top 5 products by sales");

    @Test
    void mixedAsksAndUploadsForAMinuteFailUnderOnePercent(Vertx vertx) throws Exception {
        long seconds = loadSeconds();
        try (TestNode node = TestNode.start(vertx, Map.of())) {
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger asks = new AtomicInteger();
            AtomicInteger uploads = new AtomicInteger();
            Map<String, Integer> errors = new ConcurrentHashMap<>();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        if (i % 10 == 9) {
                            int n = i;
                            HttpResponse<Buffer> up = timed(latencies, errors, "upload",
                                    () -> node.uploadCsv("load-" + client + "-" + n + ".csv", new ShopData(40 + n % 7).csv()));
                            uploads.incrementAndGet();
                            if (up != null && up.statusCode() == 201) {
                                String fileId = up.bodyAsJsonObject().getString("file_id");
                                timed(latencies, errors, "cold ask", () -> node.ask(fileId, "total sales by region"));
                                asks.incrementAndGet();
                            }
                        } else {
                            String question = QUESTIONS.get((client + i) % QUESTIONS.size());
                            timed(latencies, errors, "ask", () -> node.ask(Node.SAMPLE_FILE_ID, question));
                            asks.incrementAndGet();
                        }
                    }
                }));
            }
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(seconds + 120, TimeUnit.SECONDS);

            List<Long> sorted = latencies.stream().sorted().toList();
            int total = sorted.size();
            int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
            double errorRate = total == 0 ? 1 : (double) failed / total;
            System.out.printf("[fault] load %d s, %d clients: %,d requests (%,d asks, %,d uploads), %.1f/s; errors %d (%.2f %%) %s;"
                            + " latency p50 %,d ms, p99 %,d ms, max %,d ms%n",
                    seconds, CLIENTS, total, asks.get(), uploads.get(), total / (double) seconds, failed, errorRate * 100, errors,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(total - 1));
            assertThat(total).as("requests made").isGreaterThan(CLIENTS * 10);
            assertThat(uploads.get()).as("uploads made").isPositive();
            assertThat(errorRate).as("errors " + errors).isLessThan(0.01);
            assertThat(node.get("/health").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<Buffer> timed(ConcurrentLinkedQueue<Long> latencies, Map<String, Integer> errors, String kind,
                                              java.util.function.Supplier<HttpResponse<Buffer>> call) {
        long sent = System.nanoTime();
        HttpResponse<Buffer> r = null;
        try {
            r = call.get();
        } catch (RuntimeException e) {
            errors.merge(kind + " " + e.getClass().getSimpleName(), 1, Integer::sum);
        }
        latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        if (r != null && (r.statusCode() < 200 || r.statusCode() > 299)) {
            errors.merge(kind + " " + r.statusCode(), 1, Integer::sum);
        }
        return r;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static long loadSeconds() {
        String value = System.getProperty("datasense.load.seconds", System.getenv().getOrDefault("DATASENSE_LOAD_SECONDS", "60"));
        return Long.parseLong(value);
    }
}
