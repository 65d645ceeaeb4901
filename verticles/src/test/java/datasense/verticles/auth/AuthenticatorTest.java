package datasense.verticles.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import datasense.verticles.bus.BusError;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A remembered token is accepted as a verified one would be, and refused the moment a verified one would be. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AuthenticatorTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private Vertx vertx;
    private Authenticator auth;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        AuthSettings settings = new AuthSettings(true, SECRET, "", "", "datasense", "datasense", 0, "tenant", 3600, 3600);
        auth = Authenticator.start(vertx, settings, null).await();
    }

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        // 2 s: exp is in whole seconds, so a 1 s token minted late in a second may be expired at once
        String token = auth.mint(new Principal("acme", "ops", Scope.USER), 2);
        assertEquals("acme", auth.authenticate("Bearer " + token).await().tenant());
        assertEquals("acme", auth.authenticate("Bearer " + token).await().tenant(), "the same token again, from memory");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        BusError refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            try {
                auth.authenticate("Bearer " + token).await();
                Thread.sleep(50);
            } catch (BusError e) {
                refused = e;
            }
        }
        assertEquals("token_expired", refused == null ? "still accepted 8 s after a 2 s expiry" : refused.body().getString("error"));
    }

    @Test
    void aTokenDifferingFromARememberedOneIsVerifiedOnItsOwn() {
        String token = auth.mint(new Principal("acme", "ops", Scope.USER), 600);
        auth.authenticate(token).await();
        String[] parts = token.split("\\.");
        // the same header and claims under another signature: not the remembered token
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        BusError refused = assertThrows(BusError.class, () -> auth.authenticate(forged).await());
        assertEquals("token_bad_signature", refused.body().getString("error"));
    }

    @Test
    void theMemoryIsBoundedAndForgetsTheLeastRecentlyUsed() {
        VerifiedTokens tokens = new VerifiedTokens(2);
        Principal p = new Principal("acme", "ops", Scope.USER);
        tokens.remember("a", p, 100);
        tokens.remember("b", p, 100);
        tokens.principal("a", 50);
        tokens.remember("c", p, 100);
        assertEquals(2, tokens.size());
        assertNull(tokens.principal("b", 50), "b was the least recently used");
        assertEquals(p, tokens.principal("a", 50));
        assertNull(tokens.principal("a", 101), "past its expiry");
        assertEquals(1, tokens.size(), "an expired verdict is dropped");
    }
}
