package datasense;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs an identity provider would hold, made by the JDK, and tokens signed with them by vertx-auth-jwt. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** PEM text of a public (X.509) or private (PKCS#8) key. */
    static String pem(Key key) {
        String kind = key instanceof java.security.PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + kind + "-----\n";
    }

    /** The JWK of an RSA public key, as a JWKS endpoint lists it. */
    static JsonObject jwk(RSAPublicKey key, String kid) {
        return new JsonObject().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
                .put("n", base64Url(key.getModulus())).put("e", base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token signed with {@code keys}' private key ({@code algorithm} RS256 or ES256), its header naming {@code kid}. */
    static String token(Vertx vertx, KeyPair keys, String algorithm, String kid, JsonObject claims) {
        return token(vertx, keys, algorithm, kid, claims, 600);
    }

    /** A token of the provider {@code keys} stand for, valid for {@code seconds}. */
    static String token(Vertx vertx, KeyPair keys, String algorithm, String kid, JsonObject claims, int seconds) {
        JWTAuth auth = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm).setId(kid).setBuffer(pem(keys.getPrivate()))));
        return auth.generateToken(claims, new JWTOptions().setAlgorithm(algorithm).setIssuer(TestTokens.ISSUER)
                .addAudience(TestTokens.AUDIENCE).setExpiresInSeconds(seconds));
    }
}
