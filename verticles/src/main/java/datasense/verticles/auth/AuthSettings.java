package datasense.verticles.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a node authenticates (DATASENSE_AUTH and the DATASENSE_JWT_* settings). {@code none}: one local user,
 * tenant {@code default}. {@code required}: every route but /health needs a bearer JWT (an HS256 secret of ours,
 * a PEM public key or an identity provider's JWKS verify it) or an API key; at least one way to verify tokens
 * must be configured.
 *
 * @param jwtSecret          HS256 secret: verifies tokens, and signs the ones this node mints (/auth/token, the CLI)
 * @param publicKeyPem       an RS256 or ES256 public key (PEM text) of an identity provider
 * @param jwksUrl            an identity provider's JWKS endpoint
 * @param tenantClaim        the claim naming the tenant; {@code sub} when a token lacks it
 * @param tokenTtlSeconds    the lifetime of the tokens /auth/token mints
 * @param artifactUrlTtlSeconds how long a signed artifact URL in a reply stays valid
 */
public record AuthSettings(boolean required, String jwtSecret, String publicKeyPem, String jwksUrl, String issuer,
                           String audience, int leewaySeconds, String tenantClaim, int tokenTtlSeconds,
                           int artifactUrlTtlSeconds) {

    /** An HS256 secret shorter than this is refused: it could be guessed. */
    public static final int MIN_SECRET_LENGTH = 32;

    /** Reads the settings through {@code get} (setting name to value, defaults applied); fails with what to fix. */
    public static AuthSettings from(Function<String, String> get) {
        String mode = get.apply("DATASENSE_AUTH").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("none") && !mode.equals("required")) {
            throw new IllegalArgumentException("DATASENSE_AUTH must be none or required, not '" + mode + "'");
        }
        String secret = get.apply("DATASENSE_JWT_SECRET");
        if (!secret.isEmpty() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("DATASENSE_JWT_SECRET must be at least " + MIN_SECRET_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        AuthSettings settings = new AuthSettings(mode.equals("required"), secret, pem(get.apply("DATASENSE_JWT_PUBLIC_KEY")),
                get.apply("DATASENSE_JWKS_URL"), get.apply("DATASENSE_JWT_ISSUER"), get.apply("DATASENSE_JWT_AUDIENCE"),
                Integer.parseInt(get.apply("DATASENSE_JWT_LEEWAY_SECONDS")), get.apply("DATASENSE_TENANT_CLAIM"),
                Integer.parseInt(get.apply("DATASENSE_TOKEN_TTL_SECONDS")),
                Integer.parseInt(get.apply("DATASENSE_ARTIFACT_URL_TTL_SECONDS")));
        if (settings.required() && secret.isEmpty() && settings.publicKeyPem().isEmpty() && settings.jwksUrl().isEmpty()) {
            throw new IllegalArgumentException("DATASENSE_AUTH=required needs a way to verify tokens: DATASENSE_JWT_SECRET,"
                    + " DATASENSE_JWT_PUBLIC_KEY or DATASENSE_JWKS_URL");
        }
        return settings;
    }

    /** PEM text as given, or read from the file the setting names. */
    private static String pem(String value) {
        if (value.isBlank() || value.contains("-----BEGIN")) {
            return value.trim();
        }
        try {
            return Files.readString(Path.of(value.trim()), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new IllegalArgumentException("DATASENSE_JWT_PUBLIC_KEY: cannot read " + value + ": " + e.getMessage(), e);
        }
    }

    /** True when this node can mint tokens (it holds the HS256 secret). */
    public boolean mints() {
        return !jwtSecret.isEmpty();
    }
}
