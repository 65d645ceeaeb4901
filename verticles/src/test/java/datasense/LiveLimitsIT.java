package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one WebSocket client may hold on a node is bounded (see LiveLimits): a client that stops reading is closed
 * with a reason once its unread frames pass the bound, while another client on the node goes on being served; and a
 * socket follows at most 32 jobs at once. The jobs followed are kept running by an LLM endpoint written here that
 * holds every planning request until the test ends.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
@Tag("fault")
class LiveLimitsIT {

    private static final int MAX_SUBSCRIPTIONS = 32;

    private final CountDownLatch release = new CountDownLatch(1);
    private StandInLlm llm;
    private TestNode node;
    private String fileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        llm = StandInLlm.holding(release);
        node = TestNode.start(vertx, llm.settings(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        fileId = node.uploadedFileId("shop.csv", "Region,Sales\nNorth,10\nSouth,20\nWest,5\n");
    }

    @AfterAll
    void stop() {
        release.countDown();
        llm.close();
        node.close();
    }

    private WsClient ws(Vertx vertx) {
        return WsClient.connect(vertx, node.config.port(), null);
    }

    @Test
    void aClientThatStopsReadingIsClosedWithTheReasonWhileAnotherIsStillServed(Vertx vertx) throws Exception {
        try (WsClient slow = ws(vertx); WsClient other = ws(vertx)) {
            slow.stopReading();
            int pings = 200_000;
            for (int i = 0; i < pings; i++) {
                slow.sendTextNow("{\"type\":\"ping\"}");
            }
            slow.sendText("{\"type\":\"ping\"}");
            // the other client on the same node is answered while the slow one's frames pile up
            other.send(new JsonObject().put("type", "ping"));
            assertThat(other.frames.next().getString("type")).isEqualTo("pong");

            slow.resumeReading();
            List<JsonObject> frames = slow.frames.until(f -> "closed".equals(f.getString("type")));
            JsonObject closed = frames.get(frames.size() - 1);
            assertThat(closed.getInteger("status")).as("closed as too slow, 1013 try again later").isEqualTo(1013);
            assertThat(closed.getString("reason")).startsWith("too slow: 1024 frames unread");
            long pongs = frames.stream().filter(f -> "pong".equals(f.getString("type"))).count();
            assertThat(pongs).as("the frames after the close were never queued").isLessThan(pings);

            other.send(new JsonObject().put("type", "ping"));
            assertThat(other.frames.next().getString("type")).as("the other client is still served").isEqualTo("pong");
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void aSocketFollowsAtMost32JobsAtOnce(Vertx vertx) throws Exception {
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i <= MAX_SUBSCRIPTIONS; i++) {
            var accepted = node.post("/ask", new JsonObject().put("file_id", fileId).put("question", "total sales by region, take " + i)
                    .put("async", true));
            assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
            jobs.add(accepted.bodyAsJsonObject().getString("job_id"));
        }
        try (WsClient client = ws(vertx)) {
            for (int i = 0; i < MAX_SUBSCRIPTIONS; i++) {
                int id = i;
                client.send(new JsonObject().put("type", "subscribe").put("id", id).put("job_id", jobs.get(i)));
                List<JsonObject> frames = client.frames.until(f -> Integer.valueOf(id).equals(f.getValue("id")));
                assertThat(frames.get(frames.size() - 1).getString("type")).as(frames.toString()).isEqualTo("subscribed");
            }
            client.send(new JsonObject().put("type", "subscribe").put("id", "one more").put("job_id", jobs.get(MAX_SUBSCRIPTIONS)));
            JsonObject refused = client.frames.until(f -> "one more".equals(f.getValue("id"))).stream()
                    .filter(f -> "one more".equals(f.getValue("id"))).findFirst().orElseThrow();
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("error")).isEqualTo("too_many_subscriptions");
            assertThat(refused.getInteger("status")).isEqualTo(429);

            // letting one go makes room
            client.send(new JsonObject().put("type", "unsubscribe").put("id", "drop").put("job_id", jobs.get(0)));
            client.send(new JsonObject().put("type", "subscribe").put("id", "again").put("job_id", jobs.get(MAX_SUBSCRIPTIONS)));
            JsonObject again = client.frames.until(f -> "again".equals(f.getValue("id"))).stream()
                    .filter(f -> "again".equals(f.getValue("id"))).findFirst().orElseThrow();
            assertThat(again.getString("type")).as(again.encode()).isEqualTo("subscribed");
        }
    }
}
