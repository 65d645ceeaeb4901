package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.http.PresignedUrls;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication on a real node with DATASENSE_AUTH=required: every way a token can be wrong gets a 401 that
 * says which; scopes are enforced per route; API keys are made, used, listed, exchanged for tokens and revoked;
 * artifact links are signed, expire, and work for no other tenant.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {

    private Vertx vertx;
    private TestNode node;
    private Caller alice;
    private String aliceFile;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        alice = Caller.bearer(node, TestTokens.forTenant(vertx, "alice"));
        HttpResponse<Buffer> upload = alice.uploadCsv("shop.csv", new ShopData(120).csv());
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        aliceFile = upload.bodyAsJsonObject().getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private Caller bearer(String token) {
        return Caller.bearer(node, token);
    }

    private static JsonObject claims(String tenant) {
        return new JsonObject().put("sub", "u-" + tenant).put("tenant", tenant);
    }

    private static JWTOptions valid() {
        return new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE).setExpiresInSeconds(600);
    }

    private static void assertRefused(HttpResponse<Buffer> response, String error) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(401);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("message")).isNotBlank();
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsACredential() {
        assertThat(node.get("/health").statusCode()).isEqualTo(200);
        assertThat(node.get("/health").bodyAsJsonObject().getString("auth")).isEqualTo("required");
        assertRefused(node.get("/files"), "missing_credentials");
        assertRefused(node.ask(aliceFile, "total sales by region"), "missing_credentials");
        assertRefused(node.get("/jobs/j_x"), "missing_credentials");
        assertRefused(node.uploadCsv("x.csv", "a\n1\n"), "missing_credentials");
        assertRefused(node.get("/no/such/route"), "missing_credentials");
    }

    @Test
    void everyBadTokenIsRefusedWithWhatWasWrong() throws Exception {
        long now = Instant.now().getEpochSecond();
        String payload = claims("alice").put("iss", TestTokens.ISSUER).put("aud", TestTokens.AUDIENCE).put("exp", now + 600).encode();
        assertRefused(bearer(base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".").get("/files"), "token_unsigned");
        assertRefused(bearer(base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload)).get("/files"), "token_unsigned");
        assertRefused(bearer(TestTokens.mint(vertx, "another-secret-that-is-32-bytes-long!!", claims("alice"), valid())).get("/files"),
                "token_bad_signature");
        assertRefused(bearer(TestKeys.token(vertx, TestKeys.rsa(), "RS256", "k1", claims("alice"))).get("/files"), "token_unknown_key");
        assertRefused(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice"),
                new JWTOptions().setIssuer("someone-else").addAudience(TestTokens.AUDIENCE).setExpiresInSeconds(600))).get("/files"),
                "token_wrong_issuer");
        assertRefused(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice"),
                new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience("another-api").setExpiresInSeconds(600))).get("/files"),
                "token_wrong_audience");
        assertRefused(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice").put("exp", now - 3600),
                new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE))).get("/files"), "token_expired");
        assertRefused(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice"),
                new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE))).get("/files"), "token_without_expiry");
        assertRefused(bearer("not-a-token").get("/files"), "token_malformed");
        assertRefused(bearer("a.b.c").get("/files"), "token_malformed");
        assertRefused(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("../etc"), valid())).get("/files"), "token_bad_tenant");
        assertRefused(new Caller(node, "Bearer ").get("/files"), "missing_credentials");
        assertRefused(bearer("dsk_0123456789abcdef_" + "A".repeat(43)).get("/files"), "api_key_invalid");
        // within the leeway (30 s) a just-expired token still passes
        assertThat(bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice").put("exp", now - 5),
                new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE))).get("/files").statusCode()).isEqualTo(200);
    }

    @Test
    void theTenantComesFromTheTenantClaimElseTheSubject() {
        String subjectOnly = TestTokens.mint(vertx, TestTokens.SECRET, new JsonObject().put("sub", "alice"), valid());
        JsonArray files = bearer(subjectOnly).get("/files").bodyAsJsonObject().getJsonArray("files");
        assertThat(files.stream().map(f -> ((JsonObject) f).getString("file_id"))).contains(aliceFile);
        HttpResponse<Buffer> mismatch = alice.get("/files?user_id=bob");
        assertThat(mismatch.statusCode()).isEqualTo(403);
        assertThat(mismatch.bodyAsJsonObject().getString("error")).isEqualTo("tenant_mismatch");
        assertThat(alice.get("/files?user_id=alice").statusCode()).as("a user_id naming one's own tenant is fine").isEqualTo(200);
    }

    @Test
    void scopesAreEnforcedPerRoute() {
        Caller reader = bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice").put("scope", "read"), valid()));
        assertThat(reader.get("/files").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> ask = reader.ask(aliceFile, "total sales by region");
        assertThat(ask.statusCode()).isEqualTo(403);
        assertThat(ask.bodyAsJsonObject().getString("error")).isEqualTo("insufficient_scope");
        assertThat(reader.uploadCsv("x.csv", "a\n1\n").statusCode()).isEqualTo(403);
        assertThat(reader.delete("/files/" + aliceFile).statusCode()).isEqualTo(403);
        assertThat(reader.get("/api-keys").statusCode()).isEqualTo(403);
        // a token naming none of our scopes is a tenant's user: read, ask, upload, not admin
        Caller user = bearer(TestTokens.mint(vertx, TestTokens.SECRET, claims("alice").put("scope", "openid profile"), valid()));
        assertThat(user.get("/files").statusCode()).isEqualTo(200);
        assertThat(user.get("/api-keys").statusCode()).isEqualTo(403);
    }

    @Test
    void apiKeysAreMadeUsedListedExchangedAndRevoked() throws Exception {
        HttpResponse<Buffer> made = alice.post("/api-keys", new JsonObject().put("name", "nightly report").put("scopes", new JsonArray().add("read").add("ask")));
        assertThat(made.statusCode()).as(made.bodyAsString()).isEqualTo(201);
        JsonObject key = made.bodyAsJsonObject();
        assertThat(key.getString("key")).startsWith("dsk_");
        assertThat(key.containsKey("hash")).isFalse();
        assertThat(key.getJsonArray("scopes")).containsExactlyInAnyOrder("ask", "read");

        Caller script = new Caller(node, "ApiKey " + key.getString("key"));
        assertThat(script.get("/files").statusCode()).isEqualTo(200);
        assertThat(bearer(key.getString("key")).get("/files/" + aliceFile).statusCode()).as("as a bearer credential too").isEqualTo(200);
        assertThat(script.uploadCsv("x.csv", "a\n1\n").statusCode()).as("not granted upload").isEqualTo(403);

        JsonArray listed = alice.get("/api-keys").bodyAsJsonObject().getJsonArray("api_keys");
        assertThat(listed.stream().map(k -> ((JsonObject) k).getString("key_id"))).contains(key.getString("key_id"));
        assertThat(listed.encode()).doesNotContain(key.getString("key")).doesNotContain("hash");
        // the store holds the hash, never the key
        assertThat(java.nio.file.Files.readString(node.dataDir.resolve("alice/api-keys/" + key.getString("key_id") + ".json")))
                .doesNotContain(key.getString("key")).contains("hash");

        // a browser exchanges the key for a short-lived token with the key's tenant and scopes
        HttpResponse<Buffer> exchanged = script.post("/auth/token", new JsonObject());
        assertThat(exchanged.statusCode()).as(exchanged.bodyAsString()).isEqualTo(200);
        JsonObject token = exchanged.bodyAsJsonObject();
        assertThat(token.getInteger("expires_in")).isEqualTo(900);
        assertThat(token.getString("tenant")).isEqualTo("alice");
        assertThat(bearer(token.getString("token")).get("/files").statusCode()).isEqualTo(200);
        assertThat(bearer(token.getString("token")).uploadCsv("x.csv", "a\n1\n").statusCode()).isEqualTo(403);
        assertThat(alice.post("/auth/token", new JsonObject()).bodyAsJsonObject().getString("error")).isEqualTo("api_key_required");
        assertThat(script.post("/auth/token", new JsonObject().put("scopes", "upload")).statusCode()).as("no more than the key has").isEqualTo(403);

        // keys grant no more than their maker holds, and only admins make them
        assertThat(script.post("/api-keys", new JsonObject()).statusCode()).isEqualTo(403);

        HttpResponse<Buffer> revoked = alice.delete("/api-keys/" + key.getString("key_id"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertRefused(script.get("/files"), "api_key_invalid");
        assertThat(alice.delete("/api-keys/" + key.getString("key_id")).statusCode()).isEqualTo(404);

        // another tenant cannot see or revoke alice's keys
        JsonObject other = alice.post("/api-keys", new JsonObject().put("name", "other")).bodyAsJsonObject();
        Caller bob = Caller.bearer(node, TestTokens.forTenant(vertx, "bob"));
        assertThat(bob.delete("/api-keys/" + other.getString("key_id")).statusCode()).isEqualTo(404);
        assertThat(bob.get("/api-keys").bodyAsJsonObject().getJsonArray("api_keys")).isEmpty();
        assertThat(new Caller(node, "ApiKey " + other.getString("key")).get("/files").statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredApiKeyIsRefused() throws Exception {
        JsonObject key = alice.post("/api-keys", new JsonObject().put("expires_in_seconds", 1)).bodyAsJsonObject();
        Caller script = new Caller(node, "ApiKey " + key.getString("key"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<Buffer> response = script.get("/files");
        while (response.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = script.get("/files");
        }
        assertRefused(response, "api_key_expired");
    }

    @Test
    void artifactLinksAreSignedExpireAndServeOnlyTheirTenant() {
        JsonObject body = alice.ask(aliceFile, "total sales by region").bodyAsJsonObject();
        JsonObject image = body.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> "image".equals(r.getString("type"))).findFirst().orElseThrow();
        String url = image.getString("url");
        assertThat(url).startsWith("/artifacts/alice/uploads/" + aliceFile + "/answers/").contains("?exp=").contains("&sig=");

        // an <img src> sends no header: the link alone is enough
        HttpResponse<Buffer> png = node.get(url);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.getHeader("Content-Type")).isEqualTo("image/png");
        // the same answer from the cache comes with signed links as well
        String cached = alice.ask(aliceFile, "total sales by region").bodyAsJsonObject().getJsonArray("results").encode();
        assertThat(cached).contains("&sig=");

        String key = image.getString("key");
        Caller bob = Caller.bearer(node, TestTokens.forTenant(vertx, "bob"));
        HttpResponse<Buffer> copied = bob.get(url);
        assertThat(copied.statusCode()).isEqualTo(403);
        assertThat(copied.bodyAsJsonObject().getString("error")).isEqualTo("other_tenant");
        assertThat(bob.get("/artifacts/" + key).statusCode()).as("another tenant's key without a link").isEqualTo(404);
        int at = url.indexOf("sig=") + 4;
        String tampered = url.substring(0, at) + (url.charAt(at) == '0' ? '1' : '0') + url.substring(at + 1); // always a change
        assertThat(node.get(tampered).statusCode()).as("tampered").isEqualTo(403);
        assertThat(node.get("/artifacts/" + key).statusCode()).as("no link, no credential").isEqualTo(401);
        assertThat(alice.get("/artifacts/" + key).statusCode()).as("its tenant needs no link").isEqualTo(200);

        long past = Instant.now().getEpochSecond() - 10;
        String expired = "/artifacts/" + key + "?exp=" + past + "&sig=" + new PresignedUrls("test-signing-key").signArtifact("alice", key, past);
        HttpResponse<Buffer> late = node.get(expired);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.bodyAsJsonObject().getString("error")).isEqualTo("expired");

        // GET /jobs/{id} signs the links of the answer it holds
        JsonObject job = alice.get("/jobs/" + body.getString("job_id")).bodyAsJsonObject();
        assertThat(job.getJsonObject("result").getJsonArray("results").encode()).contains("&sig=");
    }
}
