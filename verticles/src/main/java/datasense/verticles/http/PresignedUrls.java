package datasense.verticles.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the node's signed URLs with one HMAC-SHA256 key (DATASENSE_SIGNING_KEY, the same on every node
 * of a cluster): presigned upload URLs, over everything the URL grants (tenant, file, name, content type, size
 * limit, expiry), and artifact links, over the tenant they were issued to, the key and the expiry. None of it can
 * be changed without the key.
 */
public final class PresignedUrls {

    /** One keyed MAC per thread: looking the algorithm up and keying it costs more than signing a link. */
    private final ThreadLocal<Mac> mac;

    public PresignedUrls(String signingKey) {
        byte[] key = signingKey.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key, "HmacSHA256"));
                return m;
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The grant a URL carries. */
    public record Grant(String tenant, String fileId, String fileName, String contentType, long maxBytes, long expiresEpochSeconds) {

        String canonical() {
            return String.join("\n", tenant, fileId, fileName, contentType, Long.toString(maxBytes), Long.toString(expiresEpochSeconds));
        }
    }

    public String sign(Grant grant) {
        return hmac(grant.canonical());
    }

    /** True when {@code signature} is this key's signature of {@code grant} (compared in constant time). */
    public boolean verify(Grant grant, String signature) {
        return same(sign(grant), signature);
    }

    /** The signature of a link to artifact {@code key}, issued to {@code tenant}, valid until {@code expires}. */
    public String signArtifact(String tenant, String key, long expiresEpochSeconds) {
        return hmac(String.join("\n", "artifact", tenant, key, Long.toString(expiresEpochSeconds)));
    }

    /** True when {@code signature} signs that link (whether it has expired is the caller's question). */
    public boolean verifyArtifact(String tenant, String key, long expiresEpochSeconds, String signature) {
        return same(signArtifact(tenant, key, expiresEpochSeconds), signature);
    }

    private String hmac(String text) {
        return HexFormat.of().formatHex(mac.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean same(String expected, String signature) {
        return signature != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
