package datasense.verticles.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWTs this node has verified, so that a client sending the same token on every request pays for its signature
 * and claims once, not per request (API gateways do the same, e.g. Envoy's jwt_authn cache). What can change
 * between two requests with byte-identical tokens is only time, so the expiry is checked on every lookup; the
 * not-before and issued-at checks were met at verification and stay met. Forgotten when the keys change (a JWKS
 * fetch), so a key the identity provider withdrew stops working. Bounded, least recently used first out.
 * Confined to its {@link Authenticator}'s verticle.
 */
final class VerifiedTokens {

    /** A verified token's principal, and the second after which it is no longer accepted (exp plus leeway). */
    record Verdict(Principal principal, long acceptedUntilEpochSecond) {
    }

    private final int capacity;
    private final Map<String, Verdict> verdicts;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
        this.verdicts = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verdict> eldest) {
                return size() > VerifiedTokens.this.capacity;
            }
        };
    }

    /** The principal of {@code token} if it was verified and is still within its expiry at {@code nowEpochSecond}, else null. */
    Principal principal(String token, long nowEpochSecond) {
        Verdict verdict = verdicts.get(token);
        if (verdict == null) {
            return null;
        }
        if (nowEpochSecond > verdict.acceptedUntilEpochSecond()) {
            verdicts.remove(token);
            return null;
        }
        return verdict.principal();
    }

    void remember(String token, Principal principal, long acceptedUntilEpochSecond) {
        verdicts.put(token, new Verdict(principal, acceptedUntilEpochSecond));
    }

    void forgetAll() {
        verdicts.clear();
    }

    int size() {
        return verdicts.size();
    }
}
