package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenant's asks in flight (DATASENSE_TENANT_ASKS_IN_FLIGHT=1) count the live channels' asks too: while one
 * WebSocket ask is being answered, another WebSocket ask gets an error frame 429 {@code too_many_requests}, an
 * event-bus-bridge ask the bridge's failure 429 with the same error body, and POST /ask a 429; once it is answered,
 * asks are admitted again. The ask is kept in flight by an LLM endpoint written here that holds every planning
 * request until the test lets it go.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
@Tag("fault")
class LiveAsksInFlightIT {

    private final CountDownLatch release = new CountDownLatch(1);
    private StandInLlm llm;
    private TestNode node;
    private String fileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        llm = StandInLlm.holding(release);
        node = TestNode.start(vertx, llm.settings(Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_TENANT_ASKS_IN_FLIGHT", "1")));
        fileId = node.uploadedFileId("shop.csv", "Region,Sales\nNorth,10\nSouth,20\nWest,5\n");
    }

    @AfterAll
    void stop() {
        release.countDown();
        llm.close();
        node.close();
    }

    private JsonObject ask(String id, String question) {
        return new JsonObject().put("type", "ask").put("id", id).put("file_id", fileId).put("question", question);
    }

    @Test
    void liveAsksCountTowardTheTenantsAsksInFlight(Vertx vertx) throws Exception {
        try (WsClient holder = WsClient.connect(vertx, node.config.port(), null);
             WsClient other = WsClient.connect(vertx, node.config.port(), null);
             SockJsClient browser = SockJsClient.connect(vertx, node.config.port())) {
            holder.send(ask("held", "total sales by region"));
            // a job event means the ask was admitted and counted; its planning waits for the LLM
            assertThat(holder.frames.next().getString("type")).isEqualTo("event");

            other.send(ask("second", "average sales by region"));
            JsonObject refused = other.frames.until(f -> "second".equals(f.getValue("id"))).stream()
                    .filter(f -> "second".equals(f.getValue("id"))).findFirst().orElseThrow();
            assertThat(refused.getString("type")).as(refused.encode()).isEqualTo("error");
            assertThat(refused.getInteger("status")).isEqualTo(429);
            assertThat(refused.getString("error")).isEqualTo("too_many_requests");
            assertThat(refused.getString("hint")).contains("DATASENSE_TENANT_ASKS_IN_FLIGHT");

            browser.sendTo("ds.client.ask", new JsonObject().put("file_id", fileId).put("question", "max sales by region"), null, "reply-1");
            JsonObject failed = browser.frames.next();
            assertThat(failed.getString("type")).as(failed.encode()).isEqualTo("err");
            assertThat(failed.getInteger("failureCode")).isEqualTo(429);
            assertThat(new JsonObject(failed.getString("message")).getString("error")).isEqualTo("too_many_requests");

            HttpResponse<Buffer> http = node.post("/ask", new JsonObject().put("file_id", fileId).put("question", "min sales by region"));
            assertThat(http.statusCode()).as("POST /ask counts the same asks").isEqualTo(429);

            // the held ask is answered (or fails): it stops counting, and the next live asks are admitted
            release.countDown();
            List<JsonObject> held = holder.frames.until(f -> "held".equals(f.getValue("id")));
            JsonObject heldEnd = held.get(held.size() - 1);
            assertThat(heldEnd.getString("type")).as(heldEnd.encode()).isIn("answer", "error");
            assertThat(heldEnd.getValue("status")).as(heldEnd.encode()).isNotEqualTo(429);
            other.send(ask("third", "count of rows by region"));
            JsonObject third = other.frames.until(f -> "third".equals(f.getValue("id"))
                    && List.of("answer", "error").contains(f.getString("type"))).stream()
                    .filter(f -> "third".equals(f.getValue("id"))).reduce((a, b) -> b).orElseThrow();
            assertThat(third.getValue("status")).as(third.encode()).isNotEqualTo(429);
            browser.sendTo("ds.client.ask", new JsonObject().put("file_id", fileId).put("question", "max sales by region"), null, "reply-2");
            JsonObject reply = browser.frames.next();
            assertThat(reply.getValue("failureCode")).as(reply.encode()).isNotEqualTo(429);
        }
    }
}
