package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens of an identity provider: RS256 keys published at a JWKS URL (served here by a small HTTP server, as
 * Cognito, Auth0 or Keycloak would) and an ES256 public key given as PEM, with the tenant in a claim of the
 * provider's choosing.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderIT {

    private Vertx vertx;
    private HttpServer jwksServer;
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private KeyPair rsa;
    private KeyPair ec;
    private TestNode node;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        rsa = TestKeys.rsa();
        ec = TestKeys.ec();
        JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(TestKeys.jwk((RSAPublicKey) rsa.getPublic(), "rsa-1")));
        jwksServer = vertx.createHttpServer()
                .requestHandler(request -> {
                    jwksFetches.incrementAndGet();
                    request.response().putHeader("Content-Type", "application/json").end(jwks.encode());
                })
                .listen(0).await();
        node = TestNode.start(vertx, Map.of(
                "DATASENSE_AUTH", "required",
                "DATASENSE_JWKS_URL", "http://localhost:" + jwksServer.actualPort() + "/.well-known/jwks.json",
                "DATASENSE_JWT_PUBLIC_KEY", TestKeys.pem(ec.getPublic()),
                "DATASENSE_TENANT_CLAIM", "org_id",
                "DATASENSE_SAMPLE_DATA", "false"));
    }

    @AfterAll
    void stop() {
        node.close();
        jwksServer.close().await();
    }

    private HttpResponse<Buffer> files(String token) {
        return Caller.bearer(node, token).get("/files");
    }

    private static JsonObject claims() {
        return new JsonObject().put("sub", "auth0|user-7").put("org_id", "acme");
    }

    @Test
    void aKeyFromTheJwksVerifiesTokensAndTheTenantComesFromTheConfiguredClaim() throws Exception {
        assertThat(jwksFetches.get()).as("fetched at start").isGreaterThanOrEqualTo(1);
        String token = TestKeys.token(vertx, rsa, "RS256", "rsa-1", claims());
        HttpResponse<Buffer> upload = Caller.bearer(node, token).uploadCsv("acme.csv", "Region,Sales\nNorth,10\n");
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        assertThat(upload.bodyAsJsonObject().getString("s3_key")).startsWith("acme/uploads/");

        HttpResponse<Buffer> forged = files(TestKeys.token(vertx, TestKeys.rsa(), "RS256", "rsa-1", claims()));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.bodyAsJsonObject().getString("error")).isEqualTo("token_bad_signature");
        HttpResponse<Buffer> unknownKid = files(TestKeys.token(vertx, TestKeys.rsa(), "RS256", "rsa-9", claims()));
        assertThat(unknownKid.statusCode()).isEqualTo(401);
        assertThat(unknownKid.bodyAsJsonObject().getString("error")).isEqualTo("token_unknown_key");
    }

    @Test
    void aPemPublicKeyVerifiesEs256Tokens() throws Exception {
        assertThat(files(TestKeys.token(vertx, ec, "ES256", null, claims())).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> forged = files(TestKeys.token(vertx, TestKeys.ec(), "ES256", null, claims()));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.bodyAsJsonObject().getString("error")).isEqualTo("token_bad_signature");
    }

    @Test
    void withoutASecretTheNodeMintsNoTokens() throws Exception {
        String token = TestKeys.token(vertx, rsa, "RS256", "rsa-1", claims().put("scope", "admin read"));
        JsonObject key = Caller.bearer(node, token).post("/api-keys", new JsonObject()).bodyAsJsonObject();
        assertThat(key.getString("key")).startsWith("dsk_");
        HttpResponse<Buffer> exchange = new Caller(node, "ApiKey " + key.getString("key")).post("/auth/token", new JsonObject());
        assertThat(exchange.statusCode()).isEqualTo(501);
        assertThat(exchange.bodyAsJsonObject().getString("error")).isEqualTo("cannot_mint");
    }
}
