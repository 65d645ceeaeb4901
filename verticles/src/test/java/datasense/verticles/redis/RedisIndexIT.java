package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.RedisServerProcess;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The file and job index against a real Redis server: round trips, owner lookups, listings that are complete or
 * absent (and rebuilds refused when a write races them), job TTLs, an outage answered at once, writes dropped
 * during an outage cleaned up before Redis serves again, and a restart.
 */
class RedisIndexIT {

    /** A call while Redis is away must answer far sooner than any timeout. */
    private static final long FAST_MS = 150;
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(400));

    private Vertx vertx;
    private Context context;
    private RedisServerProcess server;
    private Redis raw;
    private RedisIndex index;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        server = RedisServerProcess.start();
    }

    @AfterEach
    void tearDown() {
        if (index != null) {
            on(index::close);
        }
        vertx.close().await();
        server.close();
    }

    @Test
    void aFileRoundTripsWithItsOwnerAndIsRemovedWithIt() {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject manifest = manifest("alice", "f_1", "sales.csv");

        on(() -> index.putFile(manifest));

        assertThat(on(() -> index.file("alice", "f_1"))).isEqualTo(manifest);
        assertThat(on(() -> index.owner("f_1"))).isEqualTo("alice");
        assertThat(on(() -> index.file("bob", "f_1"))).as("another tenant's file").isNull();
        assertThat(on(() -> index.file("alice", "f_2"))).isNull();
        assertThat(on(() -> index.owner("f_2"))).isNull();
        long ttl = raw(Request.cmd(Command.TTL).arg(RedisIndex.OWNER_PREFIX + "f_1")).toLong();
        assertThat(ttl).isBetween(3590L, 3600L);

        on(() -> index.removeFile("bob", "f_1"));
        assertThat(on(() -> index.owner("f_1"))).as("bob does not own f_1, so he cannot drop its owner").isEqualTo("alice");

        on(() -> index.removeFile("alice", "f_1"));

        assertThat(on(() -> index.file("alice", "f_1"))).isNull();
        assertThat(on(() -> index.owner("f_1"))).isNull();
        assertThat(on(() -> index.file("alice", "../x"))).as("unsafe ids are misses").isNull();
    }

    @Test
    void aListingIsAbsentUntilRebuiltThenFollowsEveryWrite() {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");
        JsonObject b = manifest("alice", "f_b", "b.csv");
        on(() -> index.putFile(b));
        assertThat(on(() -> index.files("alice"))).as("single entries do not make a complete listing").isNull();

        String token = on(() -> index.rebuildToken("alice"));
        assertThat(on(() -> index.rebuildFiles("alice", token, List.of(b, a)))).isTrue();

        assertThat(on(() -> index.files("alice"))).containsExactly(a, b);
        assertThat(on(() -> index.owner("f_a"))).as("the rebuild indexes owners too").isEqualTo("alice");
        assertThat(on(() -> index.files("bob"))).isNull();

        JsonObject c = manifest("alice", "f_c", "c.csv");
        on(() -> index.putFile(c));
        on(() -> index.removeFile("alice", "f_a"));
        assertThat(on(() -> index.files("alice"))).containsExactly(b, c);

        on(() -> index.removeFile("alice", "f_b"));
        on(() -> index.removeFile("alice", "f_c"));
        assertThat(on(() -> index.files("alice"))).as("a known empty listing is empty, not absent").isEmpty();
    }

    @Test
    void aRebuildThatAWriteRacedIsRefusedAndTheListingStaysAbsent() {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");
        JsonObject late = manifest("alice", "f_late", "late.csv");

        // the store was listed (only a) after the token; an upload finished before the rebuild landed
        String token = on(() -> index.rebuildToken("alice"));
        on(() -> index.putFile(late));
        assertThat(on(() -> index.rebuildFiles("alice", token, List.of(a)))).isFalse();

        assertThat(on(() -> index.files("alice"))).isNull();
        assertThat(on(() -> index.file("alice", "f_late"))).as("the racing write itself stays").isEqualTo(late);

        // same with a delete: the stale listing still names the removed file
        String second = on(() -> index.rebuildToken("alice"));
        on(() -> index.removeFile("alice", "f_late"));
        assertThat(on(() -> index.rebuildFiles("alice", second, List.of(a, late)))).isFalse();
        assertThat(on(() -> index.files("alice"))).isNull();

        String third = on(() -> index.rebuildToken("alice"));
        assertThat(on(() -> index.rebuildFiles("alice", third, List.of(a)))).isTrue();
        assertThat(on(() -> index.files("alice"))).containsExactly(a);
        assertThat(on(() -> index.rebuildFiles("alice", "made-up", List.of(a, late)))).isFalse();
        assertThat(on(() -> index.files("alice"))).containsExactly(a);
    }

    @Test
    void aFillRacingADeleteCannotBringTheFileBack() {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");

        String token = on(() -> index.rebuildToken("alice"));
        on(() -> index.removeFile("alice", "f_a")); // deleted while the store read was in flight
        assertThat(on(() -> index.fillFile(token, a))).isFalse();
        assertThat(on(() -> index.file("alice", "f_a"))).isNull();

        String fresh = on(() -> index.rebuildToken("alice"));
        assertThat(on(() -> index.fillFile(fresh, a))).isTrue();
        assertThat(on(() -> index.file("alice", "f_a"))).isEqualTo(a);
        assertThat(on(() -> index.owner("f_a"))).isEqualTo("alice");
        assertThat(on(() -> index.files("alice"))).as("a fill does not complete the listing").isNull();
    }

    @Test
    void aListingExpiresAndALostHashIsNeverPresentedAsComplete() throws Exception {
        open(Duration.ofSeconds(30), Duration.ofMillis(600));
        JsonObject a = manifest("alice", "f_a", "a.csv");
        JsonObject b = manifest("bob", "f_b", "b.csv");
        rebuild("alice", List.of(a));
        rebuild("bob", List.of(b));
        long hashTtl = raw(Request.cmd(Command.TTL).arg(RedisIndex.FILES_PREFIX + "alice")).toLong();
        assertThat(hashTtl).isBetween(25L, 30L);

        // bob's hash goes (eviction, FLUSH, expiry) while its marker lives on
        raw(Request.cmd(Command.DEL).arg(RedisIndex.FILES_PREFIX + "bob"));
        assertThat(on(() -> index.files("bob"))).isNull();

        assertThat(on(() -> index.files("alice"))).containsExactly(a);
        Thread.sleep(800);
        assertThat(on(() -> index.files("alice"))).as("after the listing TTL").isNull();
        assertThat(on(() -> index.file("alice", "f_a"))).as("entries outlive the listing").isEqualTo(a);
    }

    @Test
    void readThroughListsTheStoreOnceThenServesFromRedis() throws Exception {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");
        AtomicInteger listings = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Supplier<Future<List<JsonObject>>> store = () -> {
            listings.incrementAndGet();
            return Future.succeededFuture(List.of(a));
        };
        Supplier<Future<JsonObject>> storeFile = () -> {
            reads.incrementAndGet();
            return Future.succeededFuture(a);
        };

        assertThat(on(() -> index.files("alice", store))).containsExactly(a);
        awaitTrue(() -> on(() -> index.files("alice")) != null, Duration.ofSeconds(2));
        assertThat(on(() -> index.files("alice", store))).containsExactly(a);
        assertThat(listings).hasValue(1);

        assertThat(on(() -> index.file("alice", "f_a", storeFile))).isEqualTo(a);
        assertThat(reads).as("indexed by the rebuild").hasValue(0);
        assertThat(on(() -> index.file("alice", "f_z", () -> Future.succeededFuture(null)))).isNull();
    }

    @Test
    void jobsRoundTripAndExpireWithTheirTtl() throws Exception {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject running = job("j_1", "running");
        on(() -> index.putJob(running, Duration.ofMinutes(5)));
        assertThat(on(() -> index.job("j_1"))).isEqualTo(running);

        JsonObject done = job("j_1", "done").put("result", new JsonObject().put("answer", 42));
        on(() -> index.putJob(done, Duration.ofMillis(700)));
        assertThat(on(() -> index.job("j_1"))).isEqualTo(done);
        long pttl = raw(Request.cmd(Command.PTTL).arg(RedisIndex.JOB_PREFIX + "j_1")).toLong();
        assertThat(pttl).isBetween(1L, 700L);
        assertThat(on(() -> index.job("j_2"))).isNull();

        Thread.sleep(900);
        assertThat(on(() -> index.job("j_1"))).isNull();

        on(() -> index.putJob(job("j_3", "done"), Duration.ofMinutes(1)));
        on(() -> index.removeJob("j_3"));
        assertThat(on(() -> index.job("j_3"))).isNull();
    }

    @Test
    void aCrashAnswersAtOnceAndARestartWorksAgain() throws Exception {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");
        on(() -> index.putFile(a));
        on(() -> index.putJob(job("j_1", "running"), Duration.ofMinutes(5)));

        server.kill();
        awaitTrue(() -> !up(), Duration.ofSeconds(3));

        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            assertThat(on(() -> index.file("alice", "f_a"))).isNull();
            assertThat(on(() -> index.owner("f_a"))).isNull();
            assertThat(on(() -> index.files("alice"))).isNull();
            assertThat(on(() -> index.job("j_1"))).isNull();
            assertThat(on(() -> index.rebuildToken("alice"))).isNull();
            on(() -> index.putFile(manifest("alice", "f_b", "b.csv")));
            on(() -> index.putJob(job("j_1", "done"), Duration.ofMinutes(5)));
            assertThat((System.nanoTime() - start) / 1_000_000).as("a round of calls while Redis is away, ms")
                    .isLessThan(FAST_MS);
        }
        assertThat(on(() -> Future.succeededFuture(index.health())).getMap()).containsEntry("status", "degraded").containsEntry("pending_deletes", 4);
        List<JsonObject> fromStore = on(() -> index.files("alice", () -> Future.succeededFuture(List.of(a))));
        assertThat(fromStore).as("the store answers while Redis is away").containsExactly(a);

        server.restart();
        awaitTrue(this::up, Duration.ofSeconds(5));

        assertThat(pendingDeletes()).isZero();
        on(() -> index.putFile(a));
        assertThat(on(() -> index.file("alice", "f_a"))).isEqualTo(a);
        assertThat(on(() -> index.owner("f_a"))).isEqualTo("alice");
        String token = on(() -> index.rebuildToken("alice"));
        assertThat(on(() -> index.rebuildFiles("alice", token, List.of(a)))).isTrue();
        assertThat(on(() -> index.files("alice"))).containsExactly(a);
    }

    @Test
    void writesDroppedWhileRedisHungAreCleanedUpBeforeItServesAgain() throws Exception {
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");
        JsonObject b = manifest("alice", "f_b", "b.csv");
        JsonObject c = manifest("carol", "f_c", "c.csv");
        rebuild("alice", List.of(a, b));
        rebuild("carol", List.of(c));
        on(() -> index.putJob(job("j_1", "running"), Duration.ofMinutes(5)));

        server.freeze();

        // before the heartbeat notices, a slow reply counts as a miss
        long start = System.nanoTime();
        assertThat(on(() -> index.file("carol", "f_c"))).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(RedisIndex.REPLY_TIMEOUT_MS + 400);
        awaitTrue(() -> !up(), Duration.ofSeconds(5));
        // the store took these; Redis did not
        on(() -> index.removeFile("alice", "f_a"));
        on(() -> index.putJob(job("j_1", "done"), Duration.ofMinutes(5)));
        assertThat(pendingDeletes()).isEqualTo(4);

        server.thaw();
        awaitTrue(this::up, Duration.ofSeconds(8));

        assertThat(pendingDeletes()).isZero();
        assertThat(on(() -> index.files("alice"))).as("alice's listing may lack the removal: absent").isNull();
        assertThat(on(() -> index.file("alice", "f_a"))).as("the removed file is not served").isNull();
        assertThat(on(() -> index.owner("f_a"))).isNull();
        assertThat(on(() -> index.job("j_1"))).as("never the stale 'running'").isNull();
        assertThat(on(() -> index.files("carol"))).as("untouched tenants keep their listing").containsExactly(c);
    }

    @Test
    void aNodeStartsWithRedisAwayAndUsesItWhenItAppears() throws Exception {
        int port = server.port();
        server.kill();
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        assertThat(up()).isFalse();
        assertThat(on(() -> index.job("j_1"))).isNull();

        server = RedisServerProcess.startOn(port);
        awaitTrue(this::up, Duration.ofSeconds(5));

        on(() -> index.putJob(job("j_1", "running"), Duration.ofMinutes(1)));
        assertThat(on(() -> index.job("j_1"))).isEqualTo(job("j_1", "running"));
    }

    @Test
    void worksFromAWorkerVerticleLikeTheIngestOne() {
        // IngestVerticle is deployed as a worker: its context, not an event loop, owns the index there
        Promise<Context> worker = Promise.promise();
        vertx.deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                worker.complete(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)).await();
        context = worker.future().await();
        assertThat(context.isWorkerContext()).isTrue();
        open(RedisIndex.DEFAULT_ENTRY_TTL, RedisIndex.DEFAULT_LISTING_TTL);
        JsonObject a = manifest("alice", "f_a", "a.csv");

        on(() -> index.putFile(a));

        assertThat(on(() -> index.file("alice", "f_a"))).isEqualTo(a);
        assertThat(on(() -> index.files("alice", () -> Future.succeededFuture(List.of(a))))).containsExactly(a);
    }

    private void open(Duration entryTtl, Duration listingTtl) {
        index = on(() -> {
            RedisIndex created = new RedisIndex(vertx, server.url(), QUICK, entryTtl, listingTtl);
            return created.start().map(created);
        });
        raw = Redis.createClient(vertx, server.url());
    }

    private void rebuild(String tenant, List<JsonObject> manifests) {
        String token = on(() -> index.rebuildToken(tenant));
        assertThat(on(() -> index.rebuildFiles(tenant, token, manifests))).isTrue();
    }

    /** Runs {@code call} on the index's context (it is confined to one) and waits for its result. */
    private <T> T on(Supplier<Future<T>> call) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> call.get().onComplete(promise));
        return promise.future().await();
    }

    private boolean up() {
        return on(() -> Future.succeededFuture(index.up()));
    }

    private int pendingDeletes() {
        return on(() -> Future.succeededFuture(index.pendingDeletes()));
    }

    private Response raw(Request request) {
        return raw.send(request).await();
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after %s", within).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static JsonObject manifest(String tenant, String fileId, String name) {
        return new JsonObject().put("file_id", fileId).put("tenant", tenant).put("name", name).put("status", "ready")
                .put("rows", 3).put("columns", new JsonArray().add(new JsonObject().put("name", "region").put("type", "VARCHAR")));
    }

    private static JsonObject job(String jobId, String status) {
        return new JsonObject().put("job_id", jobId).put("status", status).put("tenant", "alice")
                .put("trace", new JsonArray().add(new JsonObject().put("node", "plan")));
    }
}
