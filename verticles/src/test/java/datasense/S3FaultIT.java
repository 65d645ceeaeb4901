package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An S3 endpoint that answers only 500s (written here: it speaks just enough S3 to fail): the client is told the
 * store is unavailable (503 with what S3 answered), never a 500 carrying the SDK's text, and readiness says DOWN.
 */
@ExtendWith(VertxExtension.class)
@Timeout(120)
@Tag("fault")
class S3FaultIT {

    @Test
    void aBucketAnsweringOnly500sIsA503AndNotReady(Vertx vertx) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                    + "<Message>We encountered an internal error. Please try again.</Message></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(500, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            if (!"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        s3.start();
        TestNode node = TestNode.start(vertx, Map.of(
                "S3_BUCKET", "failing-bucket",
                "S3_ENDPOINT", "http://127.0.0.1:" + s3.getAddress().getPort(),
                "S3_ACCESS_KEY_ID", "key",
                "S3_SECRET_ACCESS_KEY", "secret-secret-secret",
                "DATASENSE_SAMPLE_DATA", "false"));
        try {
            HttpResponse<Buffer> upload = node.uploadCsv("sales.csv", "Region,Sales\nNorth,10\nSouth,20\n");
            assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(503);
            JsonObject body = upload.bodyAsJsonObject();
            assertThat(body.getString("error")).isEqualTo("storage_unavailable");
            assertThat(body.getString("message")).contains("S3 answered HTTP 500 InternalError");
            assertThat(body.getString("hint")).contains("S3_ENDPOINT");

            HttpResponse<Buffer> files = node.get("/files");
            assertThat(files.statusCode()).as(files.bodyAsString()).isEqualTo(503);

            HttpResponse<Buffer> ready = node.get("/health/ready");
            assertThat(ready.statusCode()).as(ready.bodyAsString()).isEqualTo(503);
            assertThat(ready.bodyAsString()).contains("store");
            assertThat(requests.get()).as("the node did ask S3").isPositive();
        } finally {
            node.close();
            s3.stop(0);
        }
    }
}
