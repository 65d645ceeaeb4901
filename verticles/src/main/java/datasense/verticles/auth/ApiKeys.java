package datasense.verticles.auth;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys for scripts and services, kept in the object store so that every node accepts every key. A key is
 * {@code dsk_<key id>_<secret>}: 64 random bits of id (its record's name) and 256 of secret; the store holds its
 * SHA-256 only. Each node remembers a key's record for {@link #CACHE_MS} ms; a revocation is published on
 * {@code ds.auth.key-revoked} and every node forgets the key at once, so a revoked key stops working everywhere
 * within a second (the cache's lifetime bounds it when a node misses the message).
 * Confined to the verticle that created it.
 */
public final class ApiKeys {

    /** How long a node trusts a key record it read. */
    static final long CACHE_MS = 1_000;
    private static final int CACHE_ENTRIES = 10_000;
    private static final Pattern KEY = Pattern.compile("dsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new key: its record, and the key, which is shown this once. */
    public record Created(ApiKey record, String key) {
    }

    /** A record read from the store, or its absence, and when it was read. */
    private record Cached(ApiKey record, long readAtNanos) {
    }

    private final Vertx vertx;
    private final ObjectStore store;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    public ApiKeys(Vertx vertx, ObjectStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    /** True when {@code credential} has the form of an API key (and not of a JWT). */
    public static boolean looksLikeKey(String credential) {
        return credential.startsWith("dsk_");
    }

    /** Listens for revocations published by any node; completes when listening. */
    public Future<Void> listen() {
        return vertx.eventBus().<JsonObject>consumer(Address.AUTH_KEY_REVOKED, m -> cache.remove(m.body().getString("key_id")))
                .completion();
    }

    /** Makes a key for {@code tenant}; {@code expiresAt} may be null (no expiry). */
    public Future<Created> create(String tenant, String name, Set<Scope> scopes, Instant expiresAt) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String key = "dsk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey record = new ApiKey(keyId, tenant, name, scopes.stream().sorted().map(Scope::wire).toList(),
                Instant.now().toString(), expiresAt == null ? null : expiresAt.toString(), sha256(key));
        // the record first: a key is valid once its index entry leads to it
        return store.put(Keys.apiKey(tenant, keyId), Json.toJson(record).toBuffer())
                .compose(v -> store.put(Keys.apiKeyIndex(keyId), new JsonObject().put("tenant", tenant).toBuffer()))
                .map(v -> new Created(record, key));
    }

    /** The tenant's keys, without their hashes. */
    public Future<List<ApiKey>> list(String tenant) {
        return store.list(Keys.apiKeysPrefix(tenant))
                .compose(keys -> Future.all(keys.stream().map(k -> store.get(k).map(ApiKeys::decode)).toList()))
                .map(all -> all.<ApiKey>list().stream().map(ApiKey::listed).toList());
    }

    /** Revokes a key of {@code tenant}; a key id of another tenant is unknown (404), as is one never made. */
    public Future<Void> revoke(String tenant, String keyId) {
        if (!Keys.safeId(keyId)) {
            return Future.failedFuture(BusError.notFound("api key", String.valueOf(keyId), "list your keys with GET /api-keys"));
        }
        return store.exists(Keys.apiKey(tenant, keyId))
                .compose(exists -> exists ? store.deletePrefix(Keys.apiKey(tenant, keyId))
                        : Future.failedFuture(BusError.notFound("api key", keyId, "list your keys with GET /api-keys")))
                .compose(v -> store.deletePrefix(Keys.apiKeyIndex(keyId)))
                .onSuccess(v -> {
                    cache.remove(keyId);
                    vertx.eventBus().publish(Address.AUTH_KEY_REVOKED, new JsonObject().put("key_id", keyId));
                });
    }

    /** The principal of a presented key; fails with 401 when it is malformed, unknown, revoked or expired. */
    public Future<Principal> verify(String presented) {
        Matcher m = KEY.matcher(presented);
        if (!m.matches()) {
            return Future.failedFuture(invalid());
        }
        String keyId = m.group(1);
        return record(keyId).compose(record -> {
            if (record == null || !MessageDigest.isEqual(record.hash().getBytes(StandardCharsets.US_ASCII),
                    sha256(presented).getBytes(StandardCharsets.US_ASCII))) {
                return Future.failedFuture(invalid());
            }
            if (record.expiresAt() != null && Instant.parse(record.expiresAt()).isBefore(Instant.now())) {
                return Future.failedFuture(new BusError(401, "api_key_expired", "the API key expired at " + record.expiresAt(),
                        "make a new key with POST /api-keys"));
            }
            return Future.succeededFuture(new Principal(record.tenant(), "key:" + keyId, Scope.known(record.scopes())));
        });
    }

    private Future<ApiKey> record(String keyId) {
        Cached cached = cache.get(keyId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < CACHE_MS * 1_000_000) {
            return Future.succeededFuture(cached.record());
        }
        long readAt = System.nanoTime();
        return store.get(Keys.apiKeyIndex(keyId))
                .compose(index -> store.get(Keys.apiKey(index.toJsonObject().getString("tenant"), keyId)))
                .map(ApiKeys::decode)
                .recover(e -> e instanceof ObjectStore.NoSuchKeyException ? Future.succeededFuture(null) : Future.failedFuture(e))
                .onSuccess(record -> cache.put(keyId, new Cached(record, readAt)));
    }

    private static ApiKey decode(Buffer bytes) {
        return Json.fromJson(bytes.toJsonObject(), ApiKey.class);
    }

    private static BusError invalid() {
        return new BusError(401, "api_key_invalid", "the API key is unknown or was revoked",
                "use a key POST /api-keys returned (they look like dsk_<16 hex>_<43 characters>)");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
