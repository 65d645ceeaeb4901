package datasense.verticles.redis;

import datasense.verticles.store.Keys;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The index of files and jobs in Redis, so any API node can serve any tenant without reading the object store.
 * The object store stays the system of record: everything here is a copy that may be missing, never one that
 * may be wrong for longer than the TTLs below, and it is rebuilt from the store on demand.
 *
 * <p>Layout (file and tenant ids are {@link Keys#safeId safe ids}, so they cannot collide with the {@code ~}
 * fields):
 * <pre>
 * ds:files:{tenant}        HASH  file_id -> manifest JSON, plus ~gen (write generation) and ~complete (rebuild id)
 * ds:files-complete:{tenant} STRING rebuild id, with the listing TTL: "the hash holds every file of the tenant"
 * ds:file-owner:{file_id}  STRING tenant, with the entry TTL
 * ds:job:{job_id}          STRING job JSON (status, trace, result), with the TTL the caller gives
 * </pre>
 *
 * <p><b>A tenant listing is complete or absent.</b> {@link #files(String)} answers only when the marker key exists
 * and equals the hash's {@code ~complete} field, checked in one script; so a hash that expired, was evicted or
 * was wiped (a Redis restart) is never presented as the whole list, and neither is a hash that only received
 * single entries. A listing becomes complete only through {@link #rebuildFiles}, guarded by a generation:
 * <ol>
 *   <li>{@link #rebuildToken} reads the tenant's {@code ~gen} (creating it if absent) <em>before</em> the caller
 *       lists the store;</li>
 *   <li>every {@link #putFile} and {@link #removeFile} (made <em>after</em> the store write) sets a fresh
 *       {@code ~gen};</li>
 *   <li>{@link #rebuildFiles} replaces the hash with the store's listing only if {@code ~gen} still equals the
 *       token. A write that the listing may have missed happened after the token, so it changed {@code ~gen} and
 *       the rebuild is refused (the listing stays absent; the next request rebuilds); a write after the rebuild
 *       updates the complete hash itself.</li>
 * </ol>
 * {@link #fillFile} (a single manifest read from the store) is guarded the same way, so a file deleted while it
 * was being read cannot come back.
 *
 * <p><b>Writes Redis did not take.</b> While Redis is away every call answers at once (reads miss, writes are
 * dropped) and a reply slower than {@value #REPLY_TIMEOUT_MS} ms (a hung server, before the heartbeat notices)
 * counts as away too. A dropped or uncertain write leaves its keys stale, so they are remembered and deleted
 * before the next connection serves (and at once when Redis is up but refused the write): the tenant's hash and
 * listing marker, the file's owner, the job's entry. What this cannot cover is a node that dies while it still
 * remembers such keys, or that is cut off from Redis while other nodes are not: then a listing may lack that
 * node's last writes, or a removed file or finished job may show its old entry, until the listing TTL (default
 * {@link #DEFAULT_LISTING_TTL}) or the entry TTL (default {@link #DEFAULT_ENTRY_TTL}) ends it.
 *
 * <p>Reads of ids that are not safe ids are misses; writes of such ids throw {@link IllegalArgumentException}.
 * Confined to the context of the verticle that created it (like {@link ReconnectingRedis}); each verticle
 * instance that uses the index holds its own connection.
 */
public final class RedisIndex {

    /** Per-tenant hash of manifests. */
    public static final String FILES_PREFIX = "ds:files:";
    /** Per-tenant "the hash is complete" marker. */
    public static final String COMPLETE_PREFIX = "ds:files-complete:";
    /** File id -> owning tenant. */
    public static final String OWNER_PREFIX = "ds:file-owner:";
    /** Job id -> job JSON. */
    public static final String JOB_PREFIX = "ds:job:";
    private static final String CHECKPOINT_PREFIX = "ds:checkpoint:";
    /** Hash field holding the write generation. */
    static final String GEN_FIELD = "~gen";
    /** Hash field holding the id of the rebuild that made the hash complete. */
    static final String COMPLETE_FIELD = "~complete";

    /** Entries (hashes, owners) age out after an hour without writes, bounding what a lost invalidation costs. */
    public static final Duration DEFAULT_ENTRY_TTL = Duration.ofHours(1);
    /** A complete listing is trusted for ten minutes, then rebuilt from the store on the next request. */
    public static final Duration DEFAULT_LISTING_TTL = Duration.ofMinutes(10);
    /** Loopback or LAN Redis answers in well under a millisecond; slower than this it is treated as away. */
    static final long REPLY_TIMEOUT_MS = 500;
    private static final int DELETE_BATCH = 500;

    private static final VertxException NOT_UP = new VertxException("Redis is unavailable", true);

    /** KEYS = hash, owner; ARGV = file id, manifest, new gen, entry TTL s, tenant. */
    private static final String PUT_SCRIPT = """
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], '~gen', ARGV[3])
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[4])
            return 1""";
    /** KEYS = hash, owner; ARGV = file id, new gen, tenant. Never creates a hash (it would have no TTL). */
    private static final String REMOVE_SCRIPT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HDEL', KEYS[1], ARGV[1])
              redis.call('HSET', KEYS[1], '~gen', ARGV[2])
            end
            if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
            return 1""";
    /** KEYS = hash; ARGV = new gen, entry TTL s. Returns the generation a rebuild or fill must find unchanged. */
    private static final String TOKEN_SCRIPT = """
            local gen = redis.call('HGET', KEYS[1], '~gen')
            if gen then return gen end
            redis.call('HSET', KEYS[1], '~gen', ARGV[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return ARGV[1]""";
    /**
     * KEYS = hash, marker, owner of each file; ARGV = token, rebuild id, entry TTL s, listing TTL ms, tenant,
     * then file id and manifest pairs. Returns 1 when the listing is now complete, 0 when a write intervened.
     */
    private static final String REBUILD_SCRIPT = """
            if redis.call('HGET', KEYS[1], '~gen') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            for i = 6, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              redis.call('SET', KEYS[3 + (i - 6) / 2], ARGV[5], 'EX', ARGV[3])
            end
            redis.call('HSET', KEYS[1], '~gen', ARGV[1], '~complete', ARGV[2])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[4])
            return 1""";
    /** KEYS = hash, owner; ARGV = token, file id, manifest, entry TTL s, tenant. 1 when filled. */
    private static final String FILL_SCRIPT = """
            if redis.call('HGET', KEYS[1], '~gen') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            redis.call('SET', KEYS[2], ARGV[5], 'EX', ARGV[4])
            return 1""";
    /** KEYS = hash, marker. The hash as a flat field/value array when complete, else nil (one atomic read). */
    private static final String LIST_SCRIPT = """
            local id = redis.call('GET', KEYS[2])
            if not id or redis.call('HGET', KEYS[1], '~complete') ~= id then return false end
            return redis.call('HGETALL', KEYS[1])""";

    private final ReconnectingRedis redis;
    private final long entryTtlSeconds;
    private final long listingTtlMillis;
    /** Keys a dropped or uncertain write may have left stale; deleted before the next connection serves. */
    private final Set<String> pendingDeletes = new LinkedHashSet<>();
    private boolean flushing;

    /** An index on {@code url} with the default TTLs; call {@link #start} from the owning verticle. */
    public RedisIndex(Vertx vertx, String url, Backoff backoff) {
        this(vertx, url, backoff, DEFAULT_ENTRY_TTL, DEFAULT_LISTING_TTL);
    }

    /**
     * An index on {@code url}.
     *
     * @param entryTtl   how long a tenant's hash and a file's owner entry live after their last write (whole seconds)
     * @param listingTtl how long a rebuilt listing counts as complete (whole milliseconds, at most {@code entryTtl})
     */
    public RedisIndex(Vertx vertx, String url, Backoff backoff, Duration entryTtl, Duration listingTtl) {
        Objects.requireNonNull(url, "url");
        if (entryTtl.toSeconds() < 1 || listingTtl.toMillis() < 1 || listingTtl.compareTo(entryTtl) > 0) {
            throw new IllegalArgumentException("index TTLs need 1 s <= entry TTL and 1 ms <= listing TTL <= entry TTL, not "
                    + entryTtl + " / " + listingTtl);
        }
        this.entryTtlSeconds = entryTtl.toSeconds();
        this.listingTtlMillis = listingTtl.toMillis();
        this.redis = new ReconnectingRedis(vertx, url, backoff, this::replayDeletes);
    }

    /** Connects (first attempt only; never fails: a node starts with Redis away, degraded). */
    public Future<Void> start() {
        return redis.start();
    }

    /** Closes the connection; stops reconnecting. */
    public Future<Void> close() {
        return redis.close();
    }

    /** True while Redis serves; while false every call answers a miss or drops its write at once. */
    public boolean up() {
        return redis.up();
    }

    /** {@code {backend: "redis", status: "ok"|"degraded", since, url, pending_deletes}}. */
    public JsonObject health() {
        return redis.health().put("pending_deletes", pendingDeletes.size());
    }

    /** Keys waiting to be deleted once Redis takes commands again (for health and tests). */
    public int pendingDeletes() {
        return pendingDeletes.size();
    }

    // ---------------------------------------------------------------- files

    /** The manifest of {@code fileId} in {@code tenant}'s index, or null (not indexed, Redis away or failing). */
    public Future<JsonObject> file(String tenant, String fileId) {
        if (!Keys.safeId(tenant) || !Keys.safeId(fileId)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.HGET).arg(FILES_PREFIX + tenant).arg(fileId))
                .map(r -> r == null ? null : new JsonObject(r.toString()));
    }

    /** The tenant owning {@code fileId}, or null (not indexed, Redis away or failing). */
    public Future<String> owner(String fileId) {
        if (!Keys.safeId(fileId)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.GET).arg(OWNER_PREFIX + fileId)).map(r -> r == null ? null : r.toString());
    }

    /**
     * Every manifest of {@code tenant}, by file id; null when the index does not know the whole list (never
     * rebuilt, expired, a write was lost, Redis away): then list the store and {@link #rebuildFiles}.
     */
    public Future<List<JsonObject>> files(String tenant) {
        if (!Keys.safeId(tenant)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.EVAL).arg(LIST_SCRIPT).arg(2)
                .arg(FILES_PREFIX + tenant).arg(COMPLETE_PREFIX + tenant))
                .map(r -> r == null ? null : manifests(r));
    }

    /**
     * Indexes a manifest ({@code tenant} and {@code file_id} fields required) and its owner entry. Call it after
     * the manifest is in the store. Completes when stored, or at once when dropped (the tenant's listing and the
     * file's entries are then deleted as soon as Redis is back).
     */
    public Future<Void> putFile(JsonObject manifest) {
        String tenant = manifest.getString("tenant");
        String fileId = manifest.getString("file_id");
        requireIds(tenant, fileId);
        Request put = Request.cmd(Command.EVAL).arg(PUT_SCRIPT).arg(2).arg(FILES_PREFIX + tenant).arg(OWNER_PREFIX + fileId)
                .arg(fileId).arg(manifest.encode()).arg(newGeneration()).arg(entryTtlSeconds).arg(tenant);
        return write(put, FILES_PREFIX + tenant, COMPLETE_PREFIX + tenant, OWNER_PREFIX + fileId);
    }

    /** Drops a file from its tenant's index and its owner entry (if that tenant owns it). Call it after the store delete. */
    public Future<Void> removeFile(String tenant, String fileId) {
        requireIds(tenant, fileId);
        Request remove = Request.cmd(Command.EVAL).arg(REMOVE_SCRIPT).arg(2).arg(FILES_PREFIX + tenant).arg(OWNER_PREFIX + fileId)
                .arg(fileId).arg(newGeneration()).arg(tenant);
        return write(remove, FILES_PREFIX + tenant, COMPLETE_PREFIX + tenant, OWNER_PREFIX + fileId);
    }

    /** Forgets everything indexed about {@code tenant}'s files (e.g. after a store change made outside this index). */
    public Future<Void> invalidateFiles(String tenant) {
        requireIds(tenant);
        return write(Request.cmd(Command.DEL).arg(FILES_PREFIX + tenant).arg(COMPLETE_PREFIX + tenant),
                FILES_PREFIX + tenant, COMPLETE_PREFIX + tenant);
    }

    /**
     * The generation to hand to {@link #rebuildFiles} or {@link #fillFile}; take it BEFORE reading the store.
     * Null while Redis is away (then do not fill).
     */
    public Future<String> rebuildToken(String tenant) {
        if (!Keys.safeId(tenant)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.EVAL).arg(TOKEN_SCRIPT).arg(1).arg(FILES_PREFIX + tenant)
                .arg(newGeneration()).arg(entryTtlSeconds))
                .map(r -> r == null ? null : r.toString());
    }

    /**
     * Replaces {@code tenant}'s index with {@code manifests}, the whole listing read from the store after
     * {@code token} was taken, and marks it complete. True when done; false when a write came in meanwhile (the
     * listing stays absent), the token is null, or Redis is away.
     */
    public Future<Boolean> rebuildFiles(String tenant, String token, List<JsonObject> manifests) {
        if (token == null || !Keys.safeId(tenant)) {
            return Future.succeededFuture(false);
        }
        Request rebuild = Request.cmd(Command.EVAL).arg(REBUILD_SCRIPT).arg(2 + manifests.size())
                .arg(FILES_PREFIX + tenant).arg(COMPLETE_PREFIX + tenant);
        for (JsonObject manifest : manifests) {
            rebuild.arg(OWNER_PREFIX + checkedFileId(tenant, manifest));
        }
        rebuild.arg(token).arg(newGeneration()).arg(entryTtlSeconds).arg(listingTtlMillis).arg(tenant);
        for (JsonObject manifest : manifests) {
            rebuild.arg(manifest.getString("file_id")).arg(manifest.encode());
        }
        return guarded(rebuild);
    }

    /**
     * Indexes one manifest read from the store after {@code token} was taken (a read-through after a miss),
     * unless a write to the tenant came in meanwhile. Does not make the listing complete. True when filled.
     */
    public Future<Boolean> fillFile(String token, JsonObject manifest) {
        String tenant = manifest.getString("tenant");
        if (token == null || !Keys.safeId(tenant)) {
            return Future.succeededFuture(false);
        }
        String fileId = checkedFileId(tenant, manifest);
        return guarded(Request.cmd(Command.EVAL).arg(FILL_SCRIPT).arg(2).arg(FILES_PREFIX + tenant).arg(OWNER_PREFIX + fileId)
                .arg(token).arg(fileId).arg(manifest.encode()).arg(entryTtlSeconds).arg(tenant));
    }

    /**
     * Read-through listing: the index's when complete, else {@code fromStore}'s (which then rebuilds the index;
     * the answer does not wait for that). A failure of {@code fromStore} is the caller's to map.
     */
    public Future<List<JsonObject>> files(String tenant, Supplier<Future<List<JsonObject>>> fromStore) {
        return files(tenant).compose(cached -> cached != null ? Future.succeededFuture(cached)
                : rebuildToken(tenant).compose(token -> fromStore.get().onSuccess(listed -> {
                    // a manifest that is not the tenant's own would throw in rebuildFiles: index nothing then
                    if (token != null && listed.stream().allMatch(m -> tenant.equals(m.getString("tenant"))
                            && Keys.safeId(m.getString("file_id")))) {
                        rebuildFiles(tenant, token, listed);
                    }
                })));
    }

    /** Read-through manifest: the index's, else {@code fromStore}'s (which then fills the index). */
    public Future<JsonObject> file(String tenant, String fileId, Supplier<Future<JsonObject>> fromStore) {
        return file(tenant, fileId).compose(cached -> cached != null ? Future.succeededFuture(cached)
                : rebuildToken(tenant).compose(token -> fromStore.get().onSuccess(manifest -> {
                    if (token != null && manifest != null && tenant.equals(manifest.getString("tenant"))
                            && Keys.safeId(manifest.getString("file_id"))) {
                        fillFile(token, manifest);
                    }
                })));
    }

    // ---------------------------------------------------------------- jobs

    /** The job record ({@code job_id}, status, trace, result...), or null (not indexed, expired, Redis away). */
    public Future<JsonObject> job(String jobId) {
        if (!Keys.safeId(jobId)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.GET).arg(JOB_PREFIX + jobId)).map(r -> r == null ? null : new JsonObject(r.toString()));
    }

    /**
     * Stores a job record ({@code job_id} required), replacing the previous one, for {@code ttl} (whole ms, at
     * least one). Dropped at once while Redis is away; the stale previous record is then deleted when it is back.
     */
    public Future<Void> putJob(JsonObject job, Duration ttl) {
        String jobId = job.getString("job_id");
        requireIds(jobId);
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("job TTL must be at least 1 ms, not " + ttl);
        }
        return write(Request.cmd(Command.SET).arg(JOB_PREFIX + jobId).arg(job.encode()).arg("PX").arg(ttl.toMillis()),
                JOB_PREFIX + jobId);
    }

    /** Drops a job record. */
    public Future<Void> removeJob(String jobId) {
        requireIds(jobId);
        return write(Request.cmd(Command.DEL).arg(JOB_PREFIX + jobId), JOB_PREFIX + jobId);
    }

    /** A job's latest graph checkpoint (JSON), or null: none, or Redis away. */
    public Future<Buffer> checkpoint(String jobId) {
        if (!Keys.safeId(jobId)) {
            return Future.succeededFuture();
        }
        return read(Request.cmd(Command.GET).arg(CHECKPOINT_PREFIX + jobId)).map(r -> r == null ? null : r.toBuffer());
    }

    /**
     * Stores a job's checkpoint for {@code ttl}; true only when Redis took it, so the caller knows to write it
     * to the object store instead (it never waits on a Redis that is away).
     */
    public Future<Boolean> putCheckpoint(String jobId, Buffer json, Duration ttl) {
        requireIds(jobId);
        return send(Request.cmd(Command.SET).arg(CHECKPOINT_PREFIX + jobId).arg(json).arg("PX").arg(ttl.toMillis()))
                .transform(r -> Future.succeededFuture(r.succeeded()));
    }

    // ---------------------------------------------------------------- plumbing

    /** The reply, or null on nil, any error, a slow reply, and at once while Redis is away. */
    private Future<Response> read(Request request) {
        return send(request).transform(r -> Future.succeededFuture(r.succeeded() ? r.result() : null));
    }

    /** A guarded script answering 1 or 0; false on any failure (nothing to invalidate: it only fills). */
    private Future<Boolean> guarded(Request request) {
        return send(request).transform(r -> Future.succeededFuture(
                r.succeeded() && r.result() != null && r.result().toInteger() == 1));
    }

    /**
     * Sends a write; when it was not taken or its outcome is unknown, {@code staleKeys} are deleted as soon as
     * possible. Always succeeds.
     */
    private Future<Void> write(Request request, String... staleKeys) {
        return send(request).transform(r -> {
            if (r.failed()) {
                pendingDeletes.addAll(List.of(staleKeys));
                if (redis.up()) {
                    // Redis is there but refused or was slow: clean up now rather than at the next reconnect
                    flushPending();
                }
            }
            return Future.succeededFuture();
        });
    }

    private Future<Response> send(Request request) {
        if (!redis.up()) {
            return Future.failedFuture(NOT_UP);
        }
        return redis.send(request).timeout(REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Deletes pending keys on the live connection, one batch at a time; what fails stays pending. */
    private void flushPending() {
        if (flushing || pendingDeletes.isEmpty()) {
            return;
        }
        flushing = true;
        List<String> batch = pendingDeletes.stream().limit(DELETE_BATCH).toList();
        send(deleteRequest(batch)).onComplete(r -> {
            flushing = false;
            if (r.succeeded()) {
                batch.forEach(pendingDeletes::remove);
                flushPending();
            }
        });
    }

    /** Before a new connection serves: deletes what dropped writes left stale, so no stale entry is ever served. */
    private Future<?> replayDeletes(RedisConnection connection) {
        if (pendingDeletes.isEmpty()) {
            return Future.succeededFuture();
        }
        List<String> batch = pendingDeletes.stream().limit(DELETE_BATCH).toList();
        return connection.send(deleteRequest(batch)).compose(ignored -> {
            batch.forEach(pendingDeletes::remove);
            return replayDeletes(connection);
        });
    }

    private static Request deleteRequest(List<String> keys) {
        Request delete = Request.cmd(Command.DEL);
        keys.forEach(delete::arg);
        return delete;
    }

    /** The manifests of a flat field/value reply (or a map, should the server answer one), by file id. */
    private static List<JsonObject> manifests(Response hash) {
        List<JsonObject> files = new ArrayList<>();
        if (hash.isMap()) {
            for (String field : hash.getKeys()) {
                if (!field.startsWith("~")) {
                    files.add(new JsonObject(hash.get(field).toString()));
                }
            }
        } else {
            for (int i = 0; i + 1 < hash.size(); i += 2) {
                if (!hash.get(i).toString().startsWith("~")) {
                    files.add(new JsonObject(hash.get(i + 1).toString()));
                }
            }
        }
        files.sort(Comparator.comparing(m -> m.getString("file_id", "")));
        return files;
    }

    private static String checkedFileId(String tenant, JsonObject manifest) {
        String fileId = manifest.getString("file_id");
        requireIds(tenant, fileId);
        if (!tenant.equals(manifest.getString("tenant"))) {
            throw new IllegalArgumentException("manifest of " + fileId + " belongs to " + manifest.getString("tenant")
                    + ", not " + tenant);
        }
        return fileId;
    }

    private static void requireIds(String... ids) {
        for (String id : ids) {
            if (!Keys.safeId(id)) {
                throw new IllegalArgumentException("not a safe id: " + id);
            }
        }
    }

    /** A generation no other write can produce (any node, any restart). */
    private static String newGeneration() {
        return UUID.randomUUID().toString();
    }
}
