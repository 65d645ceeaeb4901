package datasense.verticles.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the local store's presigned upload URLs: an HMAC-SHA256 over everything the URL grants
 * (tenant, file, name, content type, size limit, expiry), so none of it can be changed without the key.
 */
public final class PresignedUrls {

    private final byte[] key;

    public PresignedUrls(String signingKey) {
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The grant a URL carries. */
    public record Grant(String tenant, String fileId, String fileName, String contentType, long maxBytes, long expiresEpochSeconds) {

        String canonical() {
            return String.join("\n", tenant, fileId, fileName, contentType, Long.toString(maxBytes), Long.toString(expiresEpochSeconds));
        }
    }

    public String sign(Grant grant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(grant.canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code signature} is this key's signature of {@code grant} (compared in constant time). */
    public boolean verify(Grant grant, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(grant).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
