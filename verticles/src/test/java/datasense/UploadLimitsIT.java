package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upload limits per tenant on a real node: a second upload while the tenant's one allowed upload is still
 * streaming gets 429 with Retry-After (another tenant's does not); a tenant past its stored bytes gets 413
 * storage_quota_exceeded with a hint on freeing space, and uploads again once it deleted a file.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fault")
class UploadLimitsIT {

    private static final String SMALL = "Region,Sales\nNorth,10\nSouth,20\n";
    private TestNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private HttpResponse<Buffer> upload(String token, String csv) {
        return node.client.post("/files").addQueryParam("name", "mini.csv").putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(csv)).await();
    }

    /** A POST /files whose body has no length and streams from {@code body}. */
    private CompletableFuture<java.net.http.HttpResponse<String>> streamed(String token, java.util.function.Supplier<java.io.InputStream> body) {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + node.config.port() + "/files?name=big.csv"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(body)).build();
        // HTTP/1.1: an h2c upgrade would have the server gather the whole body before the request starts
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSecondUploadAtOnceGets429WithRetryAfter(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS", "1", "DATASENSE_SAMPLE_DATA", "false")));
        String acme = TestTokens.forTenant(vertx, "acme");
        String globex = TestTokens.forTenant(vertx, "globex");
        byte[] csv = ("Region,Sales\n" + "North,10\n".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
        try (Socket first = new Socket("localhost", node.config.port())) {
            first.setSoTimeout(60_000);
            OutputStream out = first.getOutputStream();
            // the headers and half the body: the upload is admitted and being received
            out.write(("POST /files?name=big.csv HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + acme
                    + "\r\nContent-Type: text/csv\r\nContent-Length: " + csv.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(csv, 0, csv.length / 2);
            out.flush();
            assertThat(Polls.until(() -> stagedBytes(node.dataDir), bytes -> bytes > 0)).isPositive();

            HttpResponse<Buffer> second = upload(acme, SMALL);
            assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(429);
            assertThat(Integer.parseInt(second.getHeader("Retry-After"))).isPositive();
            assertThat(second.bodyAsJsonObject().getString("error")).isEqualTo("too_many_requests");
            assertThat(second.bodyAsJsonObject().getString("hint")).contains("DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS");
            assertThat(upload(globex, SMALL).statusCode()).as("another tenant's slot is its own").isEqualTo(201);

            out.write(csv, csv.length / 2, csv.length - csv.length / 2);
            out.flush();
            String reply = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 201").contains("\"rows\":2000");
        }
        assertThat(upload(acme, SMALL).statusCode()).as("the slot is free again").isEqualTo(201);
    }

    @Test
    void aTenantPastItsStoredBytesGets413UntilItDeletesAFile(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_TENANT_MAX_STORED_BYTES", "8192", "DATASENSE_SAMPLE_DATA", "false")));
        String acme = TestTokens.forTenant(vertx, "acme");
        String globex = TestTokens.forTenant(vertx, "globex");

        HttpResponse<Buffer> declaredTooBig = upload(acme, "Region,Sales\n" + "North,10\n".repeat(1_000));
        assertThat(declaredTooBig.statusCode()).as(declaredTooBig.bodyAsString()).isEqualTo(413);
        assertThat(declaredTooBig.bodyAsJsonObject().getString("error")).isEqualTo("storage_quota_exceeded");

        // a body without a length is admitted while the tenant is under its limit, and takes it past
        String big = "Region,Sales\n" + "North,10\n".repeat(1_000);
        var admitted = streamed(acme, () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS);
        assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
        String fileId = new JsonObject(admitted.body()).getString("file_id");
        assertThat(bytesUnder(node.dataDir.resolve("acme"))).isGreaterThan(8192);

        HttpResponse<Buffer> refused = upload(acme, SMALL);
        assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(413);
        JsonObject body = refused.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo("storage_quota_exceeded");
        assertThat(body.getString("message")).contains("8192");
        assertThat(body.getString("hint")).contains("DELETE /files/").contains("DATASENSE_TENANT_MAX_STORED_BYTES");
        assertThat(body.getString("request_id")).isEqualTo(refused.getHeader("X-Request-Id"));
        assertThat(upload(globex, SMALL).statusCode()).as("another tenant's bytes are its own").isEqualTo(201);

        assertThat(node.client.delete("/files/" + fileId).putHeader("Authorization", "Bearer " + acme).send().await().statusCode()).isEqualTo(200);
        HttpResponse<Buffer> after = upload(acme, SMALL);
        assertThat(after.statusCode()).as(after.bodyAsString()).isEqualTo(201);
    }

    private static long stagedBytes(Path dataDir) {
        return bytesUnder(dataDir.resolve(".staging"));
    }

    private static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
