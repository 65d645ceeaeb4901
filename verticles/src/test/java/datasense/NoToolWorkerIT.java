package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A question no tools node can run fails fast with 503 and the reason, instead of a 200 that answers nothing. A
 * single node waits for no tools node (its tools would be its own verticles); a clustered one waits
 * BusTimeouts.HANDLER_WAIT_MS for one to (re)appear (RetryTest).
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
@Tag("fault")
class NoToolWorkerIT {

    @Test
    void aNodeWithoutToolWorkersAnswers503WithTheReason(Vertx vertx) throws Exception {
        TestNode node = TestNode.start(vertx, Map.of("DATASENSE_ROLES", "api,agent,writer,ingest"));
        try {
            long started = System.nanoTime();
            HttpResponse<Buffer> reply = node.ask(Node.SAMPLE_FILE_ID, "total sales by region");
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(503);
            JsonObject body = reply.bodyAsJsonObject();
            assertThat(body.getString("error")).isEqualTo("no_tool_worker");
            assertThat(body.getString("message")).contains("ds.tool.sql_executor");
            assertThat(body.getString("hint")).contains("tools role");
            assertThat(ms).as("failed fast").isLessThan(5_000);
            // nothing half-answered was cached: the same question fails the same way
            assertThat(node.ask(Node.SAMPLE_FILE_ID, "total sales by region").statusCode()).isEqualTo(503);
        } finally {
            node.close();
        }
    }
}
