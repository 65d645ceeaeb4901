package datasense.verticles.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a tenant's secret (a database password) for storing at rest, and opens it again: AES-256-GCM under the key
 * from {@code DATASENSE_SECRETS_KEY} (base64 of 32 bytes), a fresh 12-byte nonce per seal, and the tenant and secret
 * name as associated data, so a sealed value copied to another tenant or name does not open. The sealed form is
 * {@code nonce || ciphertext+tag}. Kept apart from routes and storage so the crypto is one small tested piece.
 */
public final class SecretBox {

    /** The setting the key comes from. */
    public static final String KEY_SETTING = "DATASENSE_SECRETS_KEY";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * The box for a configured key.
     *
     * @throws IllegalArgumentException when the value is not base64 of exactly 32 bytes (the message never quotes it)
     */
    public static SecretBox fromBase64(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_SETTING + " is not valid base64; " + hint());
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(KEY_SETTING + " decodes to " + raw.length + " bytes, not 32; " + hint());
        }
        return new SecretBox(raw);
    }

    /** How to make a key, for replies and startup messages. */
    public static String hint() {
        return "set " + KEY_SETTING + " to 32 random bytes in base64, e.g. the output of: openssl rand -base64 32";
    }

    /** {@code value} sealed for {@code tenant}'s secret {@code name}. */
    public byte[] seal(String tenant, String name, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context(tenant, name));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /**
     * The value sealed for {@code tenant}'s secret {@code name}.
     *
     * @throws IllegalArgumentException when the bytes were not sealed by this key for this tenant and name
     */
    public String open(String tenant, String name, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("the stored secret is too short to be sealed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(context(tenant, name));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the stored secret does not open with this key (was the key changed?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static byte[] context(String tenant, String name) {
        return ("datasense-secret\0" + tenant + "\0" + name).getBytes(StandardCharsets.UTF_8);
    }
}
