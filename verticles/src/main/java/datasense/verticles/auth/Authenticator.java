package datasense.verticles.auth;

import datasense.verticles.bus.BusError;
import datasense.verticles.store.Keys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a credential becomes a {@link Principal}: an HTTP route's {@code Authorization} header, the token
 * of a WebSocket's first frame and the token in an event-bus bridge message's headers all go through
 * {@link #authenticate(String)}. Bearer JWTs are verified by vertx-auth-jwt's {@link JWTAuth} (signature with the
 * HS256 secret, the PEM public key or a JWKS key; issuer; audience; expiry with a leeway); API keys by
 * {@link ApiKeys}. A verified JWT is remembered ({@link VerifiedTokens}): the same token again costs a lookup
 * and an expiry check, not a second signature check. With authentication off every credential is ignored and the principal is {@link Principal#LOCAL}.
 * A refused credential fails with a 401 {@link BusError} whose {@code error} says what was wrong with it.
 * Confined to the verticle that created it.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** How often the JWKS is fetched again, and the least time between fetches caused by an unknown key id. */
    private static final long JWKS_REFRESH_MS = 600_000;
    private static final long JWKS_MISS_MS = 30_000;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> SCHEMES = List.of("Bearer", "ApiKey");
    /** How many verified tokens a node remembers: far more than the clients a node serves at once. */
    private static final int VERIFIED_TOKENS = 10_000;

    private final Vertx vertx;
    private final AuthSettings settings;
    private final ApiKeys apiKeys;
    private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_TOKENS);
    private HttpClient jwksClient;
    private long jwksFetchedAt;
    private JWTAuth jwt;

    private Authenticator(Vertx vertx, AuthSettings settings, ApiKeys apiKeys) {
        this.vertx = vertx;
        this.settings = settings;
        this.apiKeys = apiKeys;
    }

    /**
     * An authenticator for {@code settings}. With a JWKS URL it fetches the keys first (a node whose identity
     * provider is away still starts: it refuses tokens until a later fetch succeeds).
     */
    public static Future<Authenticator> start(Vertx vertx, AuthSettings settings, ApiKeys apiKeys) {
        Authenticator auth = new Authenticator(vertx, settings, apiKeys);
        auth.jwt = auth.build(List.of());
        if (!settings.required() || settings.jwksUrl().isBlank()) {
            return Future.succeededFuture(auth);
        }
        auth.jwksClient = vertx.createHttpClient();
        vertx.setPeriodic(JWKS_REFRESH_MS, t -> auth.fetchJwks());
        return auth.fetchJwks().otherwiseEmpty().map(auth);
    }

    /** True when requests must carry a credential (DATASENSE_AUTH=required). */
    public boolean required() {
        return settings.required();
    }

    public AuthSettings settings() {
        return settings;
    }

    /**
     * The principal of {@code credential}: a JWT or an API key, bare or after an {@code Authorization} scheme
     * ({@code Bearer}, {@code ApiKey}). Null or blank is {@code missing_credentials} when authentication is
     * required; with authentication off the answer is always {@link Principal#LOCAL}.
     */
    public Future<Principal> authenticate(String credential) {
        if (!settings.required()) {
            return Future.succeededFuture(Principal.LOCAL);
        }
        String token = bare(credential);
        if (token.isEmpty()) {
            return Future.failedFuture(new BusError(401, "missing_credentials", "this request needs a credential",
                    "send Authorization: Bearer <token> (a JWT, or an API key from POST /api-keys); see README, Authentication"));
        }
        if (ApiKeys.looksLikeKey(token)) {
            return apiKeys.verify(token);
        }
        return verifyJwt(token, true);
    }

    private static String bare(String credential) {
        if (credential == null) {
            return "";
        }
        String c = credential.trim();
        for (String scheme : SCHEMES) {
            if (c.regionMatches(true, 0, scheme, 0, scheme.length())
                    && (c.length() == scheme.length() || c.charAt(scheme.length()) == ' ')) {
                return c.substring(scheme.length()).trim();
            }
        }
        return c;
    }

    private Future<Principal> verifyJwt(String token, boolean mayRefetch) {
        Principal known = verified.principal(token, Instant.now().getEpochSecond());
        if (known != null) {
            return Future.succeededFuture(known);
        }
        return jwt.authenticate(new TokenCredentials(token))
                .recover(e -> {
                    // a key the identity provider rotated in since the last fetch: fetch once more, then try again
                    if (mayRefetch && e instanceof NoSuchKeyIdException && jwksClient != null
                            && System.currentTimeMillis() - jwksFetchedAt > JWKS_MISS_MS) {
                        return fetchJwks().compose(v -> jwt.authenticate(new TokenCredentials(token)));
                    }
                    return Future.failedFuture(e);
                })
                .recover(e -> Future.failedFuture(refused(e)))
                .compose(this::principal)
                .andThen(checked -> {
                    if (checked.succeeded()) {
                        verified.remember(token, checked.result().principal(), checked.result().expires() + settings.leewaySeconds());
                    }
                })
                .map(Checked::principal);
    }

    /** A verified token's principal and its expiry (epoch second). */
    private record Checked(Principal principal, long expires) {
    }

    private Future<Checked> principal(User user) {
        JsonObject claims = user.principal();
        if (!user.attributes().containsKey("exp")) {
            return Future.failedFuture(new BusError(401, "token_without_expiry", "the token has no expiry (exp claim)",
                    "issue tokens with an expiry; /auth/token and the token command do"));
        }
        String subject = claims.getString("sub", user.attributes().getString("sub"));
        Object claimed = claims.getValue(settings.tenantClaim());
        String tenant = claimed instanceof String s ? s : subject;
        if (!Keys.safeTenant(tenant)) {
            return Future.failedFuture(new BusError(401, "token_bad_tenant", "the token's tenant ('" + settings.tenantClaim()
                    + "' claim, else 'sub') is missing or not a tenant id: " + tenant,
                    "a tenant is 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit"));
        }
        Set<Scope> scopes = Scope.known(scopeNames(claims));
        return Future.succeededFuture(new Checked(new Principal(tenant, subject, scopes.isEmpty() ? Scope.USER : scopes),
                user.attributes().getLong("exp")));
    }

    /** OAuth's space-separated {@code scope}, or an array in {@code scope}, {@code scp} or {@code scopes}. */
    private static Collection<String> scopeNames(JsonObject claims) {
        List<String> names = new ArrayList<>();
        for (String claim : List.of("scope", "scp", "scopes")) {
            Object value = claims.getValue(claim);
            if (value instanceof String s) {
                names.addAll(List.of(SPACES.split(s.trim())));
            } else if (value instanceof JsonArray a) {
                a.forEach(v -> names.add(String.valueOf(v)));
            }
        }
        return names;
    }

    /** What was wrong with a token vertx-auth-jwt refused, as a 401 that says so. */
    static BusError refused(Throwable e) {
        String message = String.valueOf(e.getMessage());
        String hint = "get a fresh token: POST /auth/token with an API key, or from your identity provider";
        if (e instanceof NoSuchKeyIdException) {
            return new BusError(401, "token_unknown_key", "the token is signed with an algorithm or key this node does not accept ("
                    + message + ")", "sign tokens with DATASENSE_JWT_SECRET (HS256) or the identity provider's configured key");
        }
        if (message.contains("\"none\"") || message.contains("not signed") || message.contains("Signature is required")) {
            return new BusError(401, "token_unsigned", "the token is not signed (alg none); unsigned tokens are never accepted", hint);
        }
        if (e instanceof java.security.SignatureException || message.contains("Signature verification failed")) {
            return new BusError(401, "token_bad_signature", "the token's signature does not match this node's key", hint);
        }
        if (message.contains("Invalid JWT issuer")) {
            return new BusError(401, "token_wrong_issuer", "the token was issued by another issuer than the one this node trusts", hint);
        }
        if (message.contains("Invalid JWT audience")) {
            return new BusError(401, "token_wrong_audience", "the token is meant for another audience than this service", hint);
        }
        if (message.contains("token expired")) {
            return new BusError(401, "token_expired", "the token expired (or is not valid yet)", hint);
        }
        return new BusError(401, "token_malformed", "the credential is neither a well-formed JWT nor an API key", hint);
    }

    // ---- minting -----------------------------------------------------------------------------------------------

    /**
     * A token for {@code principal} valid for {@code ttlSeconds}, signed with the HS256 secret: what /auth/token
     * and the {@code token} command give. Fails (501) when this node holds no secret.
     */
    public String mint(Principal principal, int ttlSeconds) {
        if (!settings.mints()) {
            throw new BusError(501, "cannot_mint", "this node has no DATASENSE_JWT_SECRET to sign tokens with",
                    "set DATASENSE_JWT_SECRET, or get tokens from your identity provider");
        }
        JsonObject claims = new JsonObject().put("sub", principal.subject()).put(settings.tenantClaim(), principal.tenant())
                .put("scope", Scope.claim(principal.scopes()));
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setIssuer(settings.issuer())
                .addAudience(settings.audience()).setExpiresInSeconds(ttlSeconds));
    }

    // ---- keys --------------------------------------------------------------------------------------------------

    private JWTAuth build(List<JsonObject> keys) {
        JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions()
                .setIssuer(settings.issuer()).addAudience(settings.audience()).setLeeway(settings.leewaySeconds()));
        if (!settings.jwtSecret().isEmpty()) {
            options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(settings.jwtSecret()));
        }
        if (!settings.publicKeyPem().isEmpty()) {
            options.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm(settings.publicKeyPem())).setBuffer(settings.publicKeyPem()));
        }
        keys.forEach(options::addJwk);
        return JWTAuth.create(vertx, options);
    }

    /** RS256 for an RSA public key, ES256 for an EC one. */
    static String algorithm(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        for (String[] kind : new String[][] {{"RSA", "RS256"}, {"EC", "ES256"}}) {
            try {
                KeyFactory.getInstance(kind[0]).generatePublic(spec);
                return kind[1];
            } catch (java.security.GeneralSecurityException e) {
                // not this kind
            }
        }
        throw new IllegalArgumentException("DATASENSE_JWT_PUBLIC_KEY is neither an RSA nor an EC public key (PEM, BEGIN PUBLIC KEY)");
    }

    private Future<Void> fetchJwks() {
        jwksFetchedAt = System.currentTimeMillis();
        return jwksClient.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(settings.jwksUrl()).setTimeout(5_000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    JsonArray keys = body.toJsonObject().getJsonArray("keys", new JsonArray());
                    List<JsonObject> list = new ArrayList<>();
                    keys.forEach(k -> list.add((JsonObject) k));
                    jwt = build(list);
                    verified.forgetAll(); // a withdrawn key must stop working at once
                    return (Void) null;
                })
                .onFailure(e -> LOG.warn("cannot fetch the JWKS at {}: {}; tokens signed with its keys are refused until it answers",
                        settings.jwksUrl(), e.getMessage()));
    }

    /** Closes the JWKS client. */
    public Future<Void> close() {
        return jwksClient == null ? Future.succeededFuture() : jwksClient.close();
    }
}
