package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log on a real node (authentication on, an LLM stand-in): a tenant's upload, LLM call, board creation and
 * deletion, API key creation and revocation and file delete are read back in order from GET /audit, with who did them and never the key;
 * another tenant reads none of them, a credential without the admin scope reads nothing, and each entry is its
 * own object in the store under _audit/{tenant}/{day}/.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditIT {

    private StandInLlm llm;
    private TestNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    private static void planWithTheModel(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        JsonObject call = new JsonObject().put("id", "call_1").put("type", "function")
                .put("function", new JsonObject().put("name", "summary_stats").put("arguments", new JsonObject().put("column", "Sales").encode()));
        byte[] body = new JsonObject().put("id", "chatcmpl-test").put("object", "chat.completion").put("created", 1_700_000_000L)
                .put("model", "stand-in-model")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "tool_calls")
                        .put("message", new JsonObject().put("role", "assistant").putNull("content").put("tool_calls", new JsonArray().add(call)))))
                .put("usage", new JsonObject().put("prompt_tokens", 321).put("completion_tokens", 12).put("total_tokens", 333))
                .encode().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void aTenantsActionsAreReadBackInOrderByThatTenantOnlyWithoutSecrets(Vertx vertx) throws Exception {
        llm = StandInLlm.start(AuditIT::planWithTheModel);
        node = TestNode.start(vertx, TestTokens.required(llm.settings(Map.of("DATASENSE_SAMPLE_DATA", "false"))));
        Caller acme = Caller.bearer(node, TestTokens.forTenant(vertx, "acme"));
        Caller globex = Caller.bearer(node, TestTokens.forTenant(vertx, "globex"));
        Caller acmeReader = Caller.bearer(node, TestTokens.mint(vertx, TestTokens.SECRET, new JsonObject().put("sub", "reader").put("tenant", "acme")
                .put("scope", "read ask upload"), new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE).setExpiresInSeconds(600)));

        String fileId = acme.uploadCsv("sales.csv", "Region,Sales\nNorth,10\nSouth,20\nEast,5\n").bodyAsJsonObject().getString("file_id");
        HttpResponse<Buffer> asked = acme.post("/ask", new JsonObject().put("file_id", fileId).put("question", "how are my sales spread out"));
        assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> board = acme.post("/files/" + fileId + "/boards", new JsonObject().put("name", "weekly"));
        assertThat(board.statusCode()).as(board.bodyAsString()).isEqualTo(201);
        String boardId = board.bodyAsJsonObject().getString("board_id");
        assertThat(acme.delete("/boards/" + boardId).statusCode()).isEqualTo(200);
        JsonObject key = acme.post("/api-keys", new JsonObject().put("name", "nightly")).bodyAsJsonObject();
        String keyId = key.getString("key_id");
        String secret = key.getString("key");
        assertThat(secret).isNotBlank();
        assertThat(acme.delete("/api-keys/" + keyId).statusCode()).isEqualTo(200);
        assertThat(acme.delete("/files/" + fileId).statusCode()).isEqualTo(200);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonObject log = Polls.until(() -> acme.get("/audit?since=" + today).bodyAsJsonObject(),
                body -> body.getJsonArray("entries", new JsonArray()).size() >= 7);
        JsonArray entries = log.getJsonArray("entries");
        List<String> actions = entries.stream().map(e -> ((JsonObject) e).getString("action")).toList();
        assertThat(actions).containsExactly("file.upload", "llm.call", "board.create", "board.delete", "api_key.create", "api_key.revoke", "file.delete");
        assertThat(entries.getJsonObject(0).getJsonObject("details").getString("file_id")).isEqualTo(fileId);
        assertThat(entries.getJsonObject(0).getString("actor")).isEqualTo("user-of-acme");
        JsonObject llmCall = entries.getJsonObject(1).getJsonObject("details");
        assertThat(llmCall.getString("job_id")).isEqualTo(asked.bodyAsJsonObject().getString("job_id"));
        // the stand-in charges 321 + 12 tokens a call
        int calls = llmCall.getInteger("calls");
        assertThat(calls).isPositive();
        assertThat(llmCall.getLong("prompt_tokens")).isEqualTo(321L * calls);
        assertThat(llmCall.getLong("completion_tokens")).isEqualTo(12L * calls);
        assertThat(entries.getJsonObject(2).getJsonObject("details").getString("board_id")).isEqualTo(boardId);
        assertThat(entries.getJsonObject(2).getJsonObject("details").getString("name")).isEqualTo("weekly");
        assertThat(entries.getJsonObject(3).getJsonObject("details").getString("board_id")).isEqualTo(boardId);
        assertThat(entries.getJsonObject(4).getJsonObject("details").getString("key_id")).isEqualTo(keyId);
        assertThat(entries.getJsonObject(5).getJsonObject("details").getString("key_id")).isEqualTo(keyId);
        assertThat(log.encode()).doesNotContain(secret).doesNotContain(TestTokens.SECRET);

        // a later since leaves the earlier entry out
        String llmCallAt = entries.getJsonObject(1).getString("at");
        assertThat(acme.get("/audit?since=" + llmCallAt).bodyAsJsonObject().getJsonArray("entries")).hasSize(6);
        // only the tenant's own, only with the admin scope, and a since that is no time is refused
        assertThat(globex.get("/audit?since=" + today).bodyAsJsonObject().getJsonArray("entries")).isEmpty();
        assertThat(acmeReader.get("/audit").statusCode()).isEqualTo(403);
        assertThat(acme.get("/audit?since=yesterday").statusCode()).isEqualTo(400);

        Path day = node.dataDir.resolve("_audit/acme/" + today);
        try (Stream<Path> files = Files.list(day)) {
            List<Path> written = files.toList();
            assertThat(written).hasSize(7);
            for (Path entry : written) {
                assertThat(Files.readString(entry)).doesNotContain(secret);
            }
        }
    }
}
