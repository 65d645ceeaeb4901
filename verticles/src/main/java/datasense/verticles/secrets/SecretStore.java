package datasense.verticles.secrets;

import datasense.verticles.bus.BusError;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A project's secrets in the object store, sealed with {@link SecretBox} at
 * {@code {tenant}/projects/{project}/secrets/{name}.json} as {@code {name, updated_at, sealed}}: the routes put, list
 * and delete them, and only the files role opens one, in the same process that hands it to a database driver, so a
 * value never travels on the event bus, never comes back from a route and is never logged. The box is sealed with
 * the tenant and {@code project/name} as its associated data, so a sealed value copied elsewhere does not open.
 * Without a configured key every use that needs the box fails with 503 {@code secrets_not_configured}.
 */
public final class SecretStore {

    /**
     * A secret's name: letters, digits, {@code _} and {@code -} (no dot, so one name's key is never another's
     * prefix in an S3 listing).
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ObjectStore store;
    /** Null when no key is configured. */
    private final SecretBox box;

    /** @param box the box of the configured key, or null when there is none */
    public SecretStore(ObjectStore store, SecretBox box) {
        this.store = store;
        this.box = box;
    }

    /** The box of {@code base64Key}, or null when it is empty; a key that is set but malformed stops the node's start. */
    public static SecretBox boxOf(String base64Key) {
        return base64Key == null || base64Key.isBlank() ? null : SecretBox.fromBase64(base64Key);
    }

    /** True when {@code name} may name a secret. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** 400 for a name that may not name a secret (the name is quoted: a name is not a secret). */
    public static BusError badName(String name) {
        return BusError.badRequest("bad_request", "'" + name + "' is not a secret name",
                "name secrets with 1 to 64 letters, digits, '_' or '-'");
    }

    /** 503 with how to configure a key. */
    public static BusError notConfigured() {
        return new BusError(503, "secrets_not_configured", "this node has no key to seal secrets with", SecretBox.hint());
    }

    /** True when a key is configured. */
    public boolean configured() {
        return box != null;
    }

    /** Seals {@code value} and stores it under {@code name}, replacing any earlier one. */
    public Future<Void> put(String tenant, String project, String name, String value) {
        if (box == null) {
            return Future.failedFuture(notConfigured());
        }
        if (!validName(name)) {
            return Future.failedFuture(badName(name));
        }
        byte[] sealed = box.seal(tenant, context(project, name), value);
        JsonObject record = new JsonObject().put("name", name).put("updated_at", Instant.now().toString())
                .put("sealed", Base64.getEncoder().encodeToString(sealed));
        return store.put(Keys.secret(tenant, project, name), record.toBuffer());
    }

    /** {@code {secrets: [{name, updated_at}]}}, by name; never a value, sealed or not. */
    public Future<JsonObject> list(String tenant, String project) {
        String prefix = Keys.secretsPrefix(tenant, project);
        return store.list(prefix)
                .compose(keys -> Future.all(keys.stream()
                        .filter(k -> k.endsWith(".json") && k.indexOf('/', prefix.length()) < 0)
                        .map(k -> store.get(k).map(Buffer::toJsonObject))
                        .toList()))
                .map(all -> {
                    JsonArray secrets = new JsonArray();
                    all.<JsonObject>list().stream()
                            .sorted(java.util.Comparator.comparing((JsonObject r) -> r.getString("name")))
                            .forEach(r -> secrets.add(new JsonObject().put("name", r.getString("name"))
                                    .put("updated_at", r.getString("updated_at"))));
                    return new JsonObject().put("secrets", secrets);
                });
    }

    /** Deletes the secret; 404 when there is none of that name. */
    public Future<Void> delete(String tenant, String project, String name) {
        if (!validName(name)) {
            return Future.failedFuture(badName(name));
        }
        String key = Keys.secret(tenant, project, name);
        return store.exists(key).compose(found -> found ? store.deletePrefix(key) : Future.failedFuture(missing(project, name)));
    }

    /**
     * The secret's value, for handing to a driver in this process only. 404 {@code secret_not_found} when there is
     * none, 503 without a key, 500 when it does not open (the key was changed).
     */
    public Future<String> open(String tenant, String project, String name) {
        if (box == null) {
            return Future.failedFuture(notConfigured());
        }
        if (!validName(name)) {
            return Future.failedFuture(badName(name));
        }
        return store.get(Keys.secret(tenant, project, name))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException ? missing(project, name) : e))
                .map(bytes -> {
                    byte[] sealed = Base64.getDecoder().decode(bytes.toJsonObject().getString("sealed", ""));
                    try {
                        return box.open(tenant, context(project, name), sealed);
                    } catch (IllegalArgumentException e) {
                        throw new BusError(500, "secret_unreadable", "the secret '" + name + "' " + e.getMessage(),
                                "put the secret again with PUT /projects/" + project + "/secrets/" + name);
                    }
                });
    }

    private static BusError missing(String project, String name) {
        return new BusError(404, "secret_not_found", "project '" + project + "' has no secret '" + name + "'",
                "store it first: PUT /projects/" + project + "/secrets/" + name + " {\"value\": \"...\"}");
    }

    private static String context(String project, String name) {
        return project + "/" + name;
    }
}
