package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits per tenant on a real node: over its requests per minute a tenant gets 429 with Retry-After and the JSON
 * error body while another tenant and the probes still get answers; over its asks in flight, 429 too.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fault")
class TenantLimitsIT {

    private static final int PER_MINUTE = 5;
    private TestNode node;
    private String acme;
    private String globex;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_TENANT_REQUESTS_PER_MINUTE", Integer.toString(PER_MINUTE),
                "DATASENSE_TENANT_ASKS_IN_FLIGHT", "1")));
        acme = TestTokens.forTenant(vertx, "acme");
        globex = TestTokens.forTenant(vertx, "globex");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<Buffer> files(String token) {
        return node.client.get("/files").putHeader("Authorization", "Bearer " + token).send().await();
    }

    @Test
    void aTenantOverItsRequestsPerMinuteGets429WithRetryAfterAndOthersDoNot() {
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(files(acme).statusCode()).as("request %d of %d", i + 1, PER_MINUTE).isEqualTo(200);
        }
        HttpResponse<Buffer> refused = files(acme);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        JsonObject body = refused.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("too_many_requests");
        assertThat(body.getString("hint")).contains("DATASENSE_TENANT_REQUESTS_PER_MINUTE");
        assertThat(body.getString("request_id")).isEqualTo(refused.getHeader("X-Request-Id"));
        // another tenant's budget is its own; the operator's routes are not counted
        assertThat(files(globex).statusCode()).isEqualTo(200);
        assertThat(node.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(node.get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void aTenantOverItsAsksInFlightGets429() throws Exception {
        String csv = "Region,Sales\nNorth,10\nSouth,20\nEast,5\n";
        HttpResponse<Buffer> upload = node.client.post("/files").addQueryParam("name", "mini.csv").putHeader("Authorization", "Bearer " + globex)
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(csv)).await();
        assertThat(upload.statusCode()).isEqualTo(201);
        String fileId = upload.bodyAsJsonObject().getString("file_id");
        // four different questions at once (none cached): one runs, the others find the tenant's one ask in flight
        List<Future<HttpResponse<Buffer>>> asks = new ArrayList<>();
        for (String question : List.of("total sales by region", "average sales by region", "max sales by region", "count of rows by region")) {
            asks.add(node.client.post("/ask").putHeader("Authorization", "Bearer " + globex)
                    .sendJsonObject(new JsonObject().put("file_id", fileId).put("question", question)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<Buffer>> ask : asks) {
            HttpResponse<Buffer> reply = ask.await();
            statuses.add(reply.statusCode());
            if (reply.statusCode() == 429) {
                assertThat(reply.getHeader("Retry-After")).isEqualTo("1");
                assertThat(reply.bodyAsJsonObject().getString("hint")).contains("DATASENSE_TENANT_ASKS_IN_FLIGHT");
            }
        }
        assertThat(statuses).contains(200, 429).containsOnly(200, 429);
    }
}
