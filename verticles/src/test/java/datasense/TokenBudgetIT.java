package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DATASENSE_TENANT_LLM_TOKENS_PER_DAY on one node without Redis (counted in the node's memory), against the tests'
 * OpenAI-compatible stand-in, whose every reply reports 333 tokens in its usage: with a budget of 500 a tenant's
 * first two questions are planned by the model (333, then 666 spent), the third by the offline planner, which says
 * why in the interpretation and the notes, and the model is not called for it; another tenant's budget is its own.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fault")
class TokenBudgetIT {

    static final int TOKENS_PER_REPLY = 333;

    private final AtomicInteger modelCalls = new AtomicInteger();
    private StandInLlm llm;
    private TestNode node;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        llm = StandInLlm.start(this::reply);
        node = TestNode.start(vertx, TestTokens.required(llm.settings(Map.of("DATASENSE_SAMPLE_DATA", "false",
                "DATASENSE_TENANT_LLM_TOKENS_PER_DAY", "500"))));
    }

    @AfterEach
    void stop() {
        node.close();
        llm.close();
    }

    /** A valid plan (a histogram of Sales) and the usage a real endpoint reports. */
    private void reply(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        modelCalls.incrementAndGet();
        byte[] body = histogramOfSales().encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static JsonObject histogramOfSales() {
        JsonObject call = new JsonObject().put("id", "call_1").put("type", "function")
                .put("function", new JsonObject().put("name", "distribution_plot").put("arguments", new JsonObject().put("column", "Sales").encode()));
        return new JsonObject()
                .put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "stand-in-model")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "tool_calls")
                        .put("message", new JsonObject().put("role", "assistant").putNull("content")
                                .put("tool_calls", new JsonArray().add(call)))))
                .put("usage", new JsonObject().put("prompt_tokens", TOKENS_PER_REPLY - 12).put("completion_tokens", 12)
                        .put("total_tokens", TOKENS_PER_REPLY));
    }

    private String upload(String token) {
        HttpResponse<Buffer> upload = node.client.post("/files").addQueryParam("name", "shop.csv").putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer("Region,Sales\nNorth,10\nSouth,20\nWest,5\n")).await();
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        return upload.bodyAsJsonObject().getString("file_id");
    }

    private JsonObject ask(String token, String fileId, String question) {
        HttpResponse<Buffer> reply = node.client.post("/ask").putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(new JsonObject().put("file_id", fileId).put("question", question)).await();
        assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(200);
        return reply.bodyAsJsonObject();
    }

    @Test
    void aTenantPastItsDailyTokensIsPlannedOfflineAndToldWhyWhileAnotherTenantIsNot(Vertx vertx) {
        String acme = TestTokens.forTenant(vertx, "acme");
        String globex = TestTokens.forTenant(vertx, "globex");
        String acmeFile = upload(acme);

        assertThat(ask(acme, acmeFile, "how are sales spread out").getString("planner")).isEqualTo("llm");
        assertThat(ask(acme, acmeFile, "show the spread of sales").getString("planner")).as("333 spent of 500").isEqualTo("llm");
        assertThat(modelCalls.get()).isEqualTo(2);

        JsonObject offline = ask(acme, acmeFile, "total sales by region");
        assertThat(modelCalls.get()).as("666 spent: the model is not called").isEqualTo(2);
        assertThat(offline.getString("planner")).isEqualTo("offline");
        assertThat(offline.getString("interpretation")).contains("LLM budget for today").contains("00:00 UTC");
        assertThat(offline.getJsonArray("notes").encode()).contains("DATASENSE_TENANT_LLM_TOKENS_PER_DAY");
        assertThat(offline.getJsonArray("results").getJsonObject(0).getJsonArray("rows")).as("still answered").hasSize(3);

        String globexFile = upload(globex);
        assertThat(ask(globex, globexFile, "how are sales spread out").getString("planner")).as("another tenant's budget").isEqualTo("llm");

        String metrics = node.get("/metrics").bodyAsString();
        assertThat(metrics).contains("datasense_limits_exceeded_total{limit=\"llm_tokens_per_day\"} 1.0")
                .doesNotContain("datasense_planner_fallbacks_total 1.0");
    }
}
