package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker done with a call claims it from its agent before answering: the call's answer goes out only when the
 * agent still awaits that try. Here the test plays the agent on the call's heartbeat address, with a real node's
 * tools worker: a refused claim drops the call (503 tool_call_given_up, no answer), a granted one is answered.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
@Tag("fault")
class ToolClaimIT {

    @Test
    void aRefusedClaimDropsTheCallAndAGrantedOneIsAnswered(Vertx vertx) throws Exception {
        TestNode node = TestNode.start(vertx, Map.of());
        try {
            JsonObject manifest = node.get("/files/" + Node.SAMPLE_FILE_ID).bodyAsJsonObject();

            List<JsonObject> claims = new CopyOnWriteArrayList<>();
            MessageConsumer<JsonObject> agent = vertx.eventBus().consumer(Address.jobAlive("j_claimtest"), (Message<JsonObject> m) -> {
                if (m.body().getBoolean("claim", false)) {
                    claims.add(m.body());
                    m.reply(m.body().getInteger("attempt") == 2); // try 1 was given up; try 2 is awaited
                }
            });
            agent.completion().await();

            Future<Message<JsonObject>> refused = call(vertx, manifest, 1);
            assertThat(refused.transform(Future::succeededFuture).await().failed()).isTrue();
            ReplyException why = (ReplyException) refused.cause();
            assertThat(why.failureCode()).isEqualTo(503);
            assertThat(new JsonObject(why.getMessage()).getString("error")).isEqualTo("tool_call_given_up");

            JsonObject answered = call(vertx, manifest, 2).await().body();
            assertThat(answered.getJsonArray("tables")).isNotEmpty();
            assertThat(answered.getString("node")).isEqualTo("test-node");
            assertThat(claims).extracting(c -> c.getInteger("attempt")).containsExactly(1, 2);
            assertThat(claims).allMatch(c -> c.getInteger("index") == 0 && "test-node".equals(c.getString("node")));
        } finally {
            node.close();
        }
    }

    /** A summary_stats call of the sample file, as an agent sends it (JobPorts). */
    private static Future<Message<JsonObject>> call(Vertx vertx, JsonObject manifest, int attempt) {
        JsonObject call = new JsonObject()
                .put("file_id", Node.SAMPLE_FILE_ID)
                .put("job_id", "j_claimtest")
                .put("index", 0)
                .put("attempt", attempt)
                .put("heartbeat", Address.jobAlive("j_claimtest"))
                .put("artifact_prefix", Keys.answerPrefix("default", Node.SAMPLE_FILE_ID, "claimtest" + attempt))
                .put("dataset", new JsonObject().put("table", manifest.getString("table"))
                        .put("columns", manifest.getJsonArray("columns")).put("rows", manifest.getLong("rows")))
                .put("args", new JsonObject().put("columns", new JsonArray()))
                .put("joins", new JsonArray());
        return vertx.eventBus().request(Address.tool("summary_stats"), call, TenantHeader.on(BusTimeouts.TOOL, "default"));
    }
}
