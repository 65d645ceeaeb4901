package datasense;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * Bearer tokens for tests, minted by vertx-auth-jwt with the HS256 secret a test node is configured with (or,
 * for the bad-token cases, with another secret, issuer or audience).
 */
final class TestTokens {

    static final String SECRET = "test-jwt-secret-of-at-least-32-bytes!";
    static final String ISSUER = "datasense";
    static final String AUDIENCE = "datasense";

    private TestTokens() {
    }

    /** The settings of a node that requires authentication with {@link #SECRET}. */
    static Map<String, String> required(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("DATASENSE_AUTH", "required");
        settings.put("DATASENSE_JWT_SECRET", SECRET);
        return settings;
    }

    /** A valid token for {@code tenant} with every scope, for an hour. */
    static String forTenant(Vertx vertx, String tenant) {
        return mint(vertx, SECRET, new JsonObject().put("sub", "user-of-" + tenant).put("tenant", tenant)
                .put("scope", "read ask upload admin"), new JWTOptions().setIssuer(ISSUER).addAudience(AUDIENCE).setExpiresInSeconds(3600));
    }

    static String mint(Vertx vertx, String secret, JsonObject claims, JWTOptions options) {
        JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
        return auth.generateToken(claims, options.setAlgorithm("HS256"));
    }
}
