package datasense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A node whose object store is S3 (S3Proxy in the JVM): the sample dataset is registered through S3, a
 * presigned PUT goes straight to the bucket and the node ingests it on complete (or when first asked about
 * it), questions are answered from the Parquet copy in S3, and an upload over the size limit is refused and
 * deleted, since a presigned PUT cannot bind its length.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3NodeIT {

    private static final String BUCKET = "datasense-node";
    private static final long MAX_UPLOAD = 2_500_000; // the 5,000-row sample dataset fits
    private final ShopData shop = new ShopData(300);
    private final HttpClient http = HttpClient.newHttpClient();
    private S3ProxyServer server;
    private S3Client s3;
    private TestNode node;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        server = S3ProxyServer.start();
        s3 = server.client();
        s3.createBucket(b -> b.bucket(BUCKET));
        node = TestNode.start(vertx, Map.of(
                "S3_BUCKET", BUCKET,
                "S3_ENDPOINT", server.endpoint().toString(),
                "S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                "S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
                "DATASENSE_MAX_UPLOAD_BYTES", Long.toString(MAX_UPLOAD)));
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
        s3.close();
        server.close();
    }

    /** POST /upload, then PUT the bytes to the presigned URL as a client would; returns the /upload reply. */
    private JsonObject presignAndPut(String name, String csv) throws Exception {
        HttpResponse<Buffer> upload = node.post("/upload", new JsonObject().put("file_name", name).put("content_type", "text/csv"));
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(200);
        JsonObject grant = upload.bodyAsJsonObject();
        URI url = URI.create(grant.getString("presigned_url"));
        assertThat(url.getPort()).as("the client talks to S3, not to the node").isEqualTo(server.endpoint().getPort());
        var put = http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)).build(), BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return grant;
    }

    @Test
    void theSampleDatasetLivesInTheBucket() {
        assertThat(node.get("/health").bodyAsJsonObject().getString("store")).isEqualTo("s3");
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("default/uploads/f_abc123/data.parquet")).contentLength()).isPositive();
        JsonObject body = node.ask(Node.SAMPLE_FILE_ID, "total sales by region").bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("ok");
        JsonObject image = body.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> "image".equals(r.getString("type"))).findFirst().orElseThrow();
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(image.getString("key"))).contentType()).isEqualTo("image/png");
        HttpResponse<Buffer> png = node.get(image.getString("url"));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.bodyAsBuffer().getBytes(1, 4)).isEqualTo("PNG".getBytes());
    }

    @Test
    void aDirectUploadIsIngestedOnCompleteAndAnswered() throws Exception {
        JsonObject grant = presignAndPut("shop.csv", shop.csv());
        String fileId = grant.getString("file_id");
        assertThat(grant.getString("complete_url")).isEqualTo("/files/" + fileId + "/complete");

        HttpResponse<Buffer> complete = node.post(grant.getString("complete_url"), new JsonObject());
        assertThat(complete.statusCode()).as(complete.bodyAsString()).isEqualTo(201);
        assertThat(complete.bodyAsJsonObject().getLong("rows")).isEqualTo(300);
        HttpResponse<Buffer> again = node.post(grant.getString("complete_url"), new JsonObject());
        assertThat(again.statusCode()).as("completing twice is harmless").isEqualTo(201);
        assertThat(again.bodyAsJsonObject().getLong("rows")).isEqualTo(300);

        JsonObject body = node.ask(fileId, "total sales by region").bodyAsJsonObject();
        JsonArray rows = body.getJsonArray("results").getJsonObject(0).getJsonArray("rows");
        Map<String, Double> expected = shop.salesByRegion();
        assertThat(rows).hasSize(expected.size());
        rows.forEach(r -> assertThat(((JsonArray) r).getDouble(1))
                .isCloseTo(expected.get(((JsonArray) r).getString(0)), Offset.offset(1e-6)));
    }

    @Test
    void askingAboutAnUploadCompletesIt() throws Exception {
        String fileId = presignAndPut("shop2.csv", shop.csv()).getString("file_id");
        HttpResponse<Buffer> answer = node.ask(fileId, "how many orders");
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        long orders = shop.rows.stream().map(ShopData.Row::orderId).distinct().count();
        assertThat(answer.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getJsonArray("rows").getJsonArray(0).getLong(0))
                .isEqualTo(orders);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndDeleted() throws Exception {
        StringBuilder big = new StringBuilder(shop.csv());
        while (big.length() <= MAX_UPLOAD) {
            big.append(shop.csv(), shop.csv().indexOf('\n') + 1, shop.csv().length());
        }
        JsonObject grant = presignAndPut("big.csv", big.toString());
        HttpResponse<Buffer> complete = node.post(grant.getString("complete_url"), new JsonObject());
        assertThat(complete.statusCode()).isEqualTo(413);
        assertThat(complete.bodyAsJsonObject().getString("error")).isEqualTo("too_large");
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(grant.getString("s3_key"))))
                .as("the oversized object is gone").isInstanceOf(NoSuchKeyException.class);
        assertThat(node.get("/files/" + grant.getString("file_id")).statusCode()).isEqualTo(404);
    }

    @Test
    void aDirectUploadPastTheTenantsStoredBytesIsRefusedAndDeleted(Vertx vertx) throws Exception {
        long stored = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("default/")).contents().stream()
                .mapToLong(o -> o.size()).sum();
        // a node of the same bucket whose tenants may keep 2,000 bytes more than the default tenant has now
        try (TestNode limited = TestNode.start(vertx, Map.of("S3_BUCKET", BUCKET, "S3_ENDPOINT", server.endpoint().toString(),
                "S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
                "DATASENSE_SAMPLE_DATA", "false", "DATASENSE_TENANT_MAX_STORED_BYTES", Long.toString(stored + 2_000)))) {
            HttpResponse<Buffer> upload = limited.post("/upload", new JsonObject().put("file_name", "more.csv").put("content_type", "text/csv"));
            assertThat(upload.statusCode()).as("under the limit, a URL is given: " + upload.bodyAsString()).isEqualTo(200);
            JsonObject grant = upload.bodyAsJsonObject();
            String csv = "Region,Sales\n" + "North,10\n".repeat(700); // about 6,300 bytes: past the limit once in the bucket
            var put = http.send(HttpRequest.newBuilder(URI.create(grant.getString("presigned_url"))).header("Content-Type", "text/csv")
                    .PUT(HttpRequest.BodyPublishers.ofString(csv)).build(), BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            HttpResponse<Buffer> complete = limited.post(grant.getString("complete_url"), new JsonObject());
            assertThat(complete.statusCode()).as(complete.bodyAsString()).isEqualTo(413);
            assertThat(complete.bodyAsJsonObject().getString("error")).isEqualTo("storage_quota_exceeded");
            assertThat(complete.bodyAsJsonObject().getString("hint")).contains("DELETE /files/");
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(grant.getString("s3_key"))))
                    .as("the object past the limit is gone").isInstanceOf(NoSuchKeyException.class);
            assertThat(limited.get("/files/" + grant.getString("file_id")).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void completingBeforeUploadingOrAnUnknownIdIsAClearError() {
        HttpResponse<Buffer> upload = node.post("/upload", new JsonObject().put("file_name", "later.csv"));
        String fileId = upload.bodyAsJsonObject().getString("file_id");
        HttpResponse<Buffer> early = node.post("/files/" + fileId + "/complete", new JsonObject());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.bodyAsJsonObject().getString("error")).isEqualTo("not_uploaded");
        assertThat(node.post("/files/f_unknown/complete", new JsonObject()).statusCode()).isEqualTo(404);
    }
}
