package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S3 answering 503 (SlowDown), then 500 (InternalError), then well again (issue 11's fault suite), in front of a
 * real S3Proxy: while it is sick an upload gets 503 storage_unavailable saying what S3 answered and readiness is
 * 503; once it is well, readiness comes back by itself and uploads and asks work, the files stored before intact.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fault")
class S3OutageIT {

    private static final String BUCKET = "outage-bucket";
    /** Uploads refused with "S3 could not be reached" (a closed pooled connection) rather than S3's own status. */
    private int unreachable;

    @Test
    void s3Answering503Then500IsA503WithItsReasonAndTheNodeRecovers(Vertx vertx) throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            try (var client = s3.client()) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
            try (FaultyFront front = FaultyFront.of(s3.endpoint().getPort());
                 TestNode node = TestNode.start(vertx, Map.of(
                         "S3_BUCKET", BUCKET,
                         "S3_ENDPOINT", front.url(),
                         "S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                         "S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
                         "DATASENSE_SAMPLE_DATA", "false"))) {
                ShopData shop = new ShopData(100);
                HttpResponse<Buffer> before = node.uploadCsv("before.csv", shop.csv());
                assertThat(before.statusCode()).as(before.bodyAsString()).isEqualTo(201);
                String fileId = before.bodyAsJsonObject().getString("file_id");
                assertThat(node.get("/health/ready").statusCode()).isEqualTo(200);

                long sickFrom = System.nanoTime();
                front.fail(503, "SlowDown");
                long slowDownTook = refused(node, "HTTP 503");
                assertThat(Polls.until(() -> node.get("/health/ready").statusCode(), s -> s == 503)).as("not ready on 503s").isEqualTo(503);

                front.fail(500, "InternalError");
                long internalTook = refused(node, "HTTP 500");
                HttpResponse<Buffer> notReady = Polls.until(() -> node.get("/health/ready"), r -> r.statusCode() == 503);
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(notReady.bodyAsString()).contains("store");
                long sickMs = ms(System.nanoTime() - sickFrom);

                long wellAt = System.nanoTime();
                front.pass();
                int readyStatus = Polls.until(() -> node.get("/health/ready").statusCode(), s -> s == 200);
                long readyAfter = ms(System.nanoTime() - wellAt);
                assertThat(readyStatus).as("ready again by itself").isEqualTo(200);
                HttpResponse<Buffer> after = node.uploadCsv("after.csv", shop.csv());
                assertThat(after.statusCode()).as(after.bodyAsString()).isEqualTo(201);
                HttpResponse<Buffer> answer = node.ask(fileId, "total sales by region");
                assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
                assertThat(node.get("/files/" + after.bodyAsJsonObject().getString("file_id")).statusCode()).isEqualTo(200);
                assertThat(front.failedRequests()).as("the node did meet the sick S3").isPositive();
                System.out.printf("[fault] S3 sick for %,d ms (503 SlowDown, then 500 InternalError; %d requests refused by it):"
                                + " uploads 503 storage_unavailable naming S3's status in %,d ms and %,d ms (%d more 503s on"
                                + " connections closed under the client), readiness 503; ready %,d ms after S3 was well,"
                                + " upload and ask answered%n",
                        sickMs, front.failedRequests(), slowDownTook, internalTook, unreachable, readyAfter);
            }
        }
    }

    /**
     * Uploads files while S3 is sick, each answered 503 storage_unavailable with a reason, until one names what S3
     * answered ({@code what}). The first ones may each meet a pooled connection the front closed when it turned
     * sick (as S3 closes idle ones; the JDK keeps up to 5 per host, http.maxConnections): the SDK's URL-connection
     * client does not retry a PUT that meets one, and the node says "S3 could not be reached". At most 6 uploads.
     * Returns how long the last answer took.
     */
    private long refused(TestNode node, String what) {
        for (int attempt = 1; ; attempt++) {
            long sent = System.nanoTime();
            HttpResponse<Buffer> upload = node.uploadCsv("during.csv", "Region,Sales\nNorth,10\nSouth,20\n");
            long took = ms(System.nanoTime() - sent);
            assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(503);
            JsonObject body = upload.bodyAsJsonObject();
            assertThat(body.getString("error")).isEqualTo("storage_unavailable");
            assertThat(body.getString("hint")).isNotBlank();
            String message = body.getString("message");
            if (message.contains("S3 answered " + what)) {
                return took;
            }
            assertThat(message).as("a reason, attempt " + attempt).contains("S3 could not be reached");
            unreachable++;
            assertThat(attempt).as("uploads before one names " + what).isLessThan(6);
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
