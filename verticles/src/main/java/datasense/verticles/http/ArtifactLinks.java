package datasense.verticles.http;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.BusError;
import datasense.verticles.store.Keys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Links to answer artifacts. Replies are stored and cached with plain links ({@code /artifacts/{key}}); on the
 * way out, with authentication on, each becomes a signed, expiring link ({@code ?exp=..&sig=..}, an HMAC over the
 * tenant, the key and the expiry) so that an {@code <img src>} works without a header. Expiries are rounded up
 * to five minutes, so a page asking twice gets the same URL and the browser's cache works.
 */
public final class ArtifactLinks {

    static final String PREFIX = "/artifacts/";
    /** Where a link starts in an encoded reply: {@code "url":"/artifacts/<key>"}, {@code "full_url":...}. */
    private static final String LINK = "\"" + PREFIX;
    private static final long ROUND_SECONDS = 300;

    /** How many signed cached replies are remembered, and the largest kept: the hot answers of a node, ~10 MB at most. */
    private static final int REMEMBERED = 256;
    private static final int REMEMBERED_CHARS = 16_384;

    private final PresignedUrls signer;
    private final boolean sign;
    private final long ttlSeconds;
    /**
     * Replies already signed, by their unsigned text: a cached answer is served as the same string again and again,
     * and its signed links stay the same for five minutes (expiries are rounded), so it is signed once per tenant
     * and period rather than per request. Confined to the verticle that owns this.
     */
    private final Map<String, Signed> signedReplies = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Signed> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Signed(String tenant, long expires, String text) {
    }

    ArtifactLinks(PresignedUrls signer, boolean sign, long ttlSeconds) {
        this.signer = signer;
        this.sign = sign;
        this.ttlSeconds = ttlSeconds;
    }

    /**
     * {@code json} (an encoded reply) with every artifact link ({@code "url"}, {@code "full_url"} and {@code "spec_url"} fields) signed
     * for {@code tenant}; as it is when signing is off. It works on the text, so a cached answer is not parsed
     * again: a link field cannot be mistaken inside a string value, where quotes are escaped.
     */
    public String signed(String json, String tenant) {
        if (!sign) {
            return json;
        }
        return sign(json, tenant, expiry());
    }

    /**
     * As {@link #signed}, for a cached answer served again: remembered by its text (up to {@link #REMEMBERED}
     * replies of at most {@link #REMEMBERED_CHARS} characters), so a hot answer is signed once per tenant and five
     * minutes.
     */
    public String signedCached(String json, String tenant) {
        if (!sign || json.length() > REMEMBERED_CHARS) {
            return signed(json, tenant);
        }
        long expires = expiry();
        Signed known = signedReplies.get(json);
        if (known != null && known.expires() == expires && known.tenant().equals(tenant)) {
            return known.text();
        }
        String signed = sign(json, tenant, expires);
        signedReplies.put(json, new Signed(tenant, expires, signed));
        return signed;
    }

    private long expiry() {
        return ((Instant.now().getEpochSecond() + ttlSeconds) / ROUND_SECONDS + 1) * ROUND_SECONDS;
    }

    private String sign(String json, String tenant, long expires) {
        StringBuilder out = null;
        int copied = 0;
        for (int at = json.indexOf(LINK); at >= 0; at = json.indexOf(LINK, at + LINK.length())) {
            boolean field = json.startsWith("\"url\":", at - 6) || json.startsWith("\"full_url\":", at - 11)
                    || json.startsWith("\"spec_url\":", at - 11);
            int keyStart = at + LINK.length();
            int end = json.indexOf('"', keyStart);
            if (!field || end < 0) {
                continue;
            }
            String key = json.substring(keyStart, end);
            if (key.indexOf('?') >= 0 || key.indexOf('\\') >= 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(json.length() + 256);
            }
            out.append(json, copied, end).append("?exp=").append(expires).append("&sig=").append(signer.signArtifact(tenant, key, expires));
            copied = end;
        }
        return out == null ? json : out.append(json, copied, json.length()).toString();
    }

    /**
     * Null when {@code key} may be served to this request, else the refusal: a key that is no answer artifact, or
     * another tenant's without a valid link, is not found (404, whether it exists or not); a link that was issued to
     * another tenant than the caller's, tampered with or expired is 403.
     *
     * @param principal the caller, or null when it sent no credential
     */
    BusError refusal(String key, Principal principal, String exp, String sig) {
        BusError notFound = BusError.notFound("artifact", String.valueOf(key), "use the url of a result of /ask");
        if (!Keys.servableArtifact(key)) {
            return notFound;
        }
        String owner = Keys.tenantOf(key);
        if (principal != null && principal.tenant().equals(owner)) {
            return null;
        }
        if (sig == null) {
            return principal == null
                    ? new BusError(401, "missing_credentials", "this artifact needs a credential or a signed link",
                            "use the url of a result of /ask as it was given, or send Authorization: Bearer <token>")
                    : notFound;
        }
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException | NullPointerException e) {
            expires = -1;
        }
        if (expires < 0 || !signer.verifyArtifact(owner, key, expires, sig)) {
            return principal == null
                    ? new BusError(403, "bad_signature", "the artifact link's signature does not match", "use the url exactly as it was given")
                    : notFound;
        }
        if (principal != null) {
            return new BusError(403, "other_tenant", "this artifact link was issued to another tenant", "ask your own question");
        }
        if (Instant.now().getEpochSecond() > expires) {
            return new BusError(403, "expired", "the artifact link expired at " + Instant.ofEpochSecond(expires),
                    "fetch the answer again (GET /jobs/{id}, GET /questions/{id}) for fresh links");
        }
        return null;
    }
}
