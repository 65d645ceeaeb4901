package datasense.verticles.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.S3ProxyServer;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3ObjectStore} against S3Proxy (signatures enforced) in this JVM: every {@link ObjectStore} method,
 * folder semantics of prefixes, pagination of list and delete, missing keys, the localPath cache (hits,
 * revalidation, single download under concurrency, eviction by bytes) and real presigned PUTs over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ObjectStoreIT {

    private static final String BUCKET = "datasense-it";

    private S3ProxyServer server;
    private Vertx vertx;
    private S3Client raw;
    private S3Settings settings;
    private S3ObjectStore store;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<S3ObjectStore> extraStores = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        server = S3ProxyServer.start();
        vertx = Vertx.vertx();
        // An independent client, to look at and change the bucket behind the store's back.
        raw = server.client();
        raw.createBucket(b -> b.bucket(BUCKET));
        settings = S3Settings.of(BUCKET, "us-east-1")
                .withEndpoint(server.endpoint(), true)
                .withCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        store = new S3ObjectStore(vertx, settings, tmp.resolve("node-a"));
    }

    @AfterAll
    void stop() throws Exception {
        extraStores.forEach(S3ObjectStore::close);
        if (store != null) {
            store.close();
        }
        if (raw != null) {
            raw.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
        if (server != null) {
            server.close();
        }
    }

    private S3ObjectStore another(S3Settings s, Path dir, int pageSize) {
        S3ObjectStore other = new S3ObjectStore(vertx, s, dir, pageSize);
        extraStores.add(other);
        return other;
    }

    private static Buffer text(String s) {
        return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static Object fileKey(Path p) throws Exception {
        return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
    }

    @Test
    void putGetExistsAndSizeRoundTrip() {
        String key = Keys.manifest("t1", "f1");
        store.put(key, text("{\"rows\":3}")).await();

        assertThat(store.get(key).await().toString()).isEqualTo("{\"rows\":3}");
        assertThat(store.exists(key).await()).isTrue();
        assertThat(store.size(key).await()).isEqualTo(10L);
        assertThat(raw.headObject(b -> b.bucket(BUCKET).key(key)).contentType()).isEqualTo("application/json");

        store.put(key, text("{\"rows\":4, \"v\":2}")).await();
        assertThat(store.get(key).await().toString()).isEqualTo("{\"rows\":4, \"v\":2}");
    }

    @Test
    void missingKeysFailWithNoSuchKeyOrAnswerFalse() {
        String key = Keys.csv("t1", "nothing-here");
        assertThatThrownBy(() -> store.get(key).await()).isInstanceOf(ObjectStore.NoSuchKeyException.class);
        assertThatThrownBy(() -> store.size(key).await()).isInstanceOf(ObjectStore.NoSuchKeyException.class);
        assertThatThrownBy(() -> store.localPath(key).await()).isInstanceOf(ObjectStore.NoSuchKeyException.class);
        assertThat(store.exists(key).await()).isFalse();
        assertThat(store.list("t1/uploads/nothing-here/").await()).isEmpty();
        store.deletePrefix(Keys.filePrefix("t1", "nothing-here")).await(); // deleting nothing is fine
    }

    @Test
    void keysThatCouldEscapeAreRejected() {
        assertThatThrownBy(() -> store.put("../other/x", text("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("/abs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.deletePrefix("").await()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putFileUploadsThenDeletesTheLocalFile() throws Exception {
        Path staged = store.stagingDir().resolve("up-1.upload");
        Files.writeString(staged, "a,b\n1,2\n");
        String key = Keys.csv("t2", "f1");

        store.putFile(key, staged).await();

        assertThat(staged).doesNotExist();
        assertThat(store.get(key).await().toString()).isEqualTo("a,b\n1,2\n");
        assertThat(raw.headObject(b -> b.bucket(BUCKET).key(key)).contentType()).startsWith("text/csv");
        // A failed upload keeps nothing half-done and reports the failure.
        assertThatThrownBy(() -> store.putFile(Keys.csv("t2", "f2"), store.stagingDir().resolve("missing")).await())
                .isNotNull();
        assertThat(store.exists(Keys.csv("t2", "f2")).await()).isFalse();
    }

    @Test
    void listIsRecursiveSortedAndTreatsPrefixesAsFolders() {
        for (String k : List.of("t3/q1/b.json", "t3/q1/a/deep.json", "t3/q1", "t3/q10/x.json", "t3/q2.json")) {
            store.put(k, text(k)).await();
        }
        List<String> expected = List.of("t3/q1/a/deep.json", "t3/q1/b.json");
        assertThat(store.list("t3/q1").await()).isEqualTo(expected);
        assertThat(store.list("t3/q1/").await()).isEqualTo(expected);
        assertThat(store.list("t3/").await())
                .isEqualTo(List.of("t3/q1", "t3/q1/a/deep.json", "t3/q1/b.json", "t3/q10/x.json", "t3/q2.json"));

        // deletePrefix of "t3/q1": the key itself and its folder, but not its sibling "t3/q10".
        store.deletePrefix("t3/q1").await();
        assertThat(store.list("t3/").await()).isEqualTo(List.of("t3/q10/x.json", "t3/q2.json"));
        // A prefix naming a single key deletes just that key (how the node drops an index entry).
        store.deletePrefix("t3/q2.json").await();
        assertThat(store.list("t3/").await()).isEqualTo(List.of("t3/q10/x.json"));
    }

    @Test
    void listObjectsGivesSizesAndLastWritesAsTheLocalStoreDoes(@TempDir Path localRoot) {
        // S3 keeps times to the second: a margin either side
        java.time.Instant before = java.time.Instant.now().minusSeconds(2);
        LocalObjectStore local = new LocalObjectStore(vertx, localRoot);
        for (ObjectStore each : List.<ObjectStore>of(store, local)) {
            each.put("t6/a.json", text("12345")).await();
            each.put("t6/sub/b.json", text("1234567890")).await();
            each.put("t6b/c.json", text("other tenant")).await();
            List<ObjectStore.StoredObject> listed = each.listObjects("t6/").await();
            assertThat(listed).as(each.kind()).extracting(ObjectStore.StoredObject::key).containsExactly("t6/a.json", "t6/sub/b.json");
            assertThat(listed).as(each.kind()).extracting(ObjectStore.StoredObject::size).containsExactly(5L, 10L);
            java.time.Instant after = java.time.Instant.now().plusSeconds(2);
            assertThat(listed).as(each.kind()).allSatisfy(o -> assertThat(o.modified()).isBetween(before, after));
            assertThat(each.listObjects("t6/nothing/").await()).isEmpty();
        }
    }

    @Test
    void listAndDeletePaginateWithSmallPages(@TempDir Path dir) {
        S3ObjectStore paged = another(settings, dir, 7);
        List<String> keys = IntStream.range(0, 23).mapToObj(i -> String.format("t4/uploads/f/answers/%03d.json", i)).toList();
        Future.all(keys.stream().map(k -> paged.put(k, text(k))).toList()).await();
        store.put("t4b/uploads/f/keep.json", text("other tenant")).await();

        assertThat(paged.list("t4/").await()).isEqualTo(keys);

        paged.deletePrefix("t4/").await();
        assertThat(paged.list("t4/").await()).isEmpty();
        assertThat(store.exists("t4b/uploads/f/keep.json").await()).isTrue();
    }

    @Test
    void listAndDeleteBeyondOneThousandKeys() throws Exception {
        int n = 1_050;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = String.format("t5/uploads/f/answers/h/%04d.png", i);
                puts.add(pool.submit(() -> raw.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(new byte[] {1}))));
            }
            for (var f : puts) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<String> listed = store.list("t5/uploads/f/").await();
        assertThat(listed).hasSize(n).isSorted().doesNotHaveDuplicates();
        assertThat(listed.get(n - 1)).isEqualTo("t5/uploads/f/answers/h/1049.png");

        store.deletePrefix(Keys.filePrefix("t5", "f")).await();
        assertThat(raw.listObjectsV2(b -> b.bucket(BUCKET).prefix("t5/")).contents()).isEmpty();
    }

    @Test
    void localPathDownloadsOnceAndRevalidates(@TempDir Path otherNodeDir) throws Exception {
        String key = Keys.parquet("t6", "f1");
        byte[] v1 = randomBytes(64_000, 1);
        store.put(key, Buffer.buffer(v1)).await();
        long before = store.downloadCount();

        Path first = store.localPath(key).await();
        Path second = store.localPath(key).await();

        assertThat(store.downloadCount() - before).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(fileKey(second)).isEqualTo(fileKey(first));
        assertThat(Files.readAllBytes(first)).isEqualTo(v1);
        assertThat(first.getFileName().toString()).endsWith(".parquet");

        // Another node overwrites the key: the conditional GET notices and this node downloads the new bytes.
        S3ObjectStore otherNode = another(settings, otherNodeDir, S3ObjectStore.MAX_PAGE);
        byte[] v2 = randomBytes(50_000, 2);
        otherNode.put(key, Buffer.buffer(v2)).await();
        Path third = store.localPath(key).await();
        assertThat(store.downloadCount() - before).isEqualTo(2);
        assertThat(Files.readAllBytes(third)).isEqualTo(v2);
        assertThat(third).isNotEqualTo(first);
        // The earlier path was handed out moments ago: it is pinned, so a reader holding it still reads v1.
        assertThat(Files.readAllBytes(first)).isEqualTo(v1);

        // Deleted in the bucket: the cached copy is not served.
        otherNode.deletePrefix(key).await();
        assertThatThrownBy(() -> store.localPath(key).await()).isInstanceOf(ObjectStore.NoSuchKeyException.class);
        assertThat(store.cache().peek(key)).isEmpty();
    }

    @Test
    void concurrentLocalPathCallsShareOneDownload() throws Exception {
        String key = Keys.parquet("t7", "f1");
        byte[] data = randomBytes(2_000_000, 3);
        store.put(key, Buffer.buffer(data)).await();
        long before = store.downloadCount();

        List<Future<Path>> calls = IntStream.range(0, 8).mapToObj(i -> store.localPath(key)).toList();
        Future.all(calls).await();

        assertThat(store.downloadCount() - before).isEqualTo(1);
        assertThat(calls.stream().map(Future::result).distinct()).hasSize(1);
        assertThat(Files.readAllBytes(calls.get(0).result())).isEqualTo(data);
    }

    @Test
    void everyCallerGetsTheSharedFetchOnItsOwnContext() {
        String key = Keys.parquet("t7", "f2");
        store.put(key, Buffer.buffer(randomBytes(1_000_000, 4))).await();
        long before = store.downloadCount();

        List<Future<Boolean>> onOwnContext = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Promise<Boolean> result = Promise.promise();
            onOwnContext.add(result.future());
            vertx.deployVerticle(new AbstractVerticle() {
                @Override
                public void start() {
                    Context mine = context;
                    store.localPath(key).onComplete(ar -> result.complete(ar.succeeded() && Vertx.currentContext() == mine));
                }
            });
        }
        Future.all(onOwnContext).await();

        assertThat(onOwnContext).allMatch(Future::result);
        assertThat(store.downloadCount() - before).isBetween(1L, 4L);
    }

    @Test
    void cacheEvictsLeastRecentlyUsedByBytes(@TempDir Path dir) throws Exception {
        // Room for two 100 kB files; no pin, so eviction is purely LRU by bytes.
        S3ObjectStore small = another(settings.withCache(250_000, Duration.ZERO), dir, S3ObjectStore.MAX_PAGE);
        List<String> keys = List.of("t8/a.parquet", "t8/b.parquet", "t8/c.parquet");
        for (int i = 0; i < keys.size(); i++) {
            small.put(keys.get(i), Buffer.buffer(randomBytes(100_000, 10 + i))).await();
        }

        Path a = small.localPath(keys.get(0)).await();
        Path b = small.localPath(keys.get(1)).await();
        small.localPath(keys.get(0)).await(); // a is now more recent than b
        Path c = small.localPath(keys.get(2)).await();

        assertThat(small.cache().bytes()).isEqualTo(200_000);
        assertThat(b).doesNotExist();
        assertThat(a).exists();
        assertThat(c).exists();
        assertThat(small.downloadCount()).isEqualTo(3);

        small.localPath(keys.get(1)).await(); // evicted: downloaded again, and now a is the eldest
        assertThat(small.downloadCount()).isEqualTo(4);
        assertThat(a).doesNotExist();
        assertThat(small.cache().bytes()).isLessThanOrEqualTo(250_000);
    }

    @Test
    void presignedPutWithTheSignedContentTypeUploads() throws Exception {
        String key = Keys.csv("t9", "f1");
        URI url = store.presignPut(key, "text/csv", Duration.ofMinutes(5)).orElseThrow();
        assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");

        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(url).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString("x,y\n1,2\n")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(store.get(key).await().toString()).isEqualTo("x,y\n1,2\n");
        assertThat(store.size(key).await()).isEqualTo(8L);
    }

    @Test
    void presignedPutRefusesWrongTypeTamperingAndExpiry() throws Exception {
        String key = Keys.csv("t9", "f2");
        URI url = store.presignPut(key, "text/csv", Duration.ofMinutes(5)).orElseThrow();

        // Control: no signature at all is refused, so S3Proxy really checks credentials.
        URI unsigned = URI.create(server.endpoint() + "/" + BUCKET + "/" + key);
        assertThat(put(unsigned, "text/csv").statusCode()).isEqualTo(403);

        HttpResponse<String> wrongType = put(url, "application/octet-stream");
        assertThat(wrongType.statusCode()).isEqualTo(403);
        assertThat(wrongType.body()).contains("SignatureDoesNotMatch");

        String query = url.getRawQuery();
        int at = query.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char flipped = query.charAt(at) == 'a' ? 'b' : 'a';
        URI tampered = URI.create(url.toString().replace("X-Amz-Signature=" + query.substring(at, at + 1),
                "X-Amz-Signature=" + flipped));
        assertThat(tampered).isNotEqualTo(url);
        HttpResponse<String> tamperedResponse = put(tampered, "text/csv");
        assertThat(tamperedResponse.statusCode()).isEqualTo(403);
        assertThat(tamperedResponse.body()).contains("SignatureDoesNotMatch");

        URI otherKey = URI.create(url.toString().replace("/f2/", "/f3/"));
        assertThat(put(otherKey, "text/csv").statusCode()).isEqualTo(403);

        URI shortLived = store.presignPut(key, "text/csv", Duration.ofSeconds(1)).orElseThrow();
        Thread.sleep(2_100); // X-Amz-Date has whole seconds, so wait past a full second beyond it
        HttpResponse<String> expired = put(shortLived, "text/csv");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("expired");

        assertThat(store.exists(key).await()).isFalse();
        assertThat(store.exists(Keys.csv("t9", "f3")).await()).isFalse();
    }

    private HttpResponse<String> put(URI url, String contentType) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString("x,y\n1,2\n")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
