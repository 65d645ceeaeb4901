package datasense.verticles.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download cache: LRU by bytes, pins, retired versions, invalidation, and its folder kept in sync with its index. */
class LocalFileCacheTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000);

    private LocalFileCache cache(long maxBytes, Duration pin) {
        return new LocalFileCache(dir.resolve("cache"), maxBytes, pin, now::get);
    }

    private static Path admit(LocalFileCache cache, String key, String version, int size) throws Exception {
        Path tmp = cache.newTempFile();
        Files.write(tmp, new byte[size]);
        return cache.admit(key, version, tmp);
    }

    private long bytesOnDisk() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void evictsLeastRecentlyUsedUntilTheBytesFit() throws Exception {
        LocalFileCache cache = cache(300, Duration.ZERO);
        Path a = admit(cache, "k/a", "1", 100);
        Path b = admit(cache, "k/b", "1", 100);
        Path c = admit(cache, "k/c", "1", 100);
        assertThat(cache.bytes()).isEqualTo(300);

        assertThat(cache.use("k/a", "1")).contains(a); // a becomes the most recent; b is now the eldest
        Path d = admit(cache, "k/d", "1", 100);

        assertThat(b).doesNotExist();
        assertThat(cache.peek("k/b")).isEmpty();
        assertThat(List.of(a, c, d)).allMatch(Files::exists);
        assertThat(cache.bytes()).isEqualTo(300).isEqualTo(bytesOnDisk());

        // One large file pushes out as many of the eldest as needed: c, then a.
        Path e = admit(cache, "k/e", "1", 180);
        assertThat(c).doesNotExist();
        assertThat(a).doesNotExist();
        assertThat(d).exists();
        assertThat(e).exists();
        assertThat(cache.bytes()).isEqualTo(280).isEqualTo(bytesOnDisk());
        assertThat(cache.files()).isEqualTo(2);
    }

    @Test
    void pinnedFilesSurviveUntilTheirPinLapses() throws Exception {
        LocalFileCache cache = cache(300, Duration.ofSeconds(60));
        List<Path> paths = new ArrayList<>();
        for (String k : List.of("a", "b", "c", "d")) {
            paths.add(admit(cache, k, "1", 100));
        }
        // All four were handed out within the pin: the bound is soft, nothing a reader holds is deleted.
        assertThat(cache.bytes()).isEqualTo(400);
        assertThat(paths).allMatch(Files::exists);

        now.addAndGet(30_000);
        assertThat(cache.use("a", "1")).isPresent(); // re-pins a until t+90s and makes it the most recent
        now.addAndGet(31_000); // b, c, d lapsed at t+60s; a has not
        admit(cache, "e", "1", 100); // 500 bytes: the two eldest unpinned (b, c) go, d is not needed

        assertThat(paths.get(0)).exists();
        assertThat(paths.get(1)).doesNotExist();
        assertThat(paths.get(2)).doesNotExist();
        assertThat(paths.get(3)).exists();
        assertThat(cache.bytes()).isEqualTo(300).isEqualTo(bytesOnDisk());
    }

    @Test
    void aReplacedVersionIsRetiredAndDeletedOnceUnpinned() throws Exception {
        LocalFileCache cache = cache(10_000, Duration.ofSeconds(5));
        Path v1 = admit(cache, "t/uploads/f/data.parquet", "etag-1", 100);
        Path v2 = admit(cache, "t/uploads/f/data.parquet", "etag-2", 120);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(v1).exists(); // still pinned: a reader may be about to open it
        assertThat(cache.use("t/uploads/f/data.parquet", "etag-1")).isEmpty();
        assertThat(cache.use("t/uploads/f/data.parquet", "etag-2")).contains(v2);
        assertThat(cache.peek("t/uploads/f/data.parquet")).get()
                .extracting(LocalFileCache.Entry::version, LocalFileCache.Entry::size).containsExactly("etag-2", 120L);

        now.addAndGet(6_000);
        admit(cache, "other", "1", 10); // any admit sweeps retired files whose pin lapsed, even under the bound
        assertThat(v1).doesNotExist();
        assertThat(v2).exists();
        assertThat(cache.bytes()).isEqualTo(130).isEqualTo(bytesOnDisk());
    }

    @Test
    void invalidationForgetsKeysAndFreesTheirFiles() throws Exception {
        LocalFileCache cache = cache(10_000, Duration.ZERO);
        Path a = admit(cache, "t/uploads/f1/data.csv", "1", 10);
        Path b = admit(cache, "t/uploads/f1/data.parquet", "1", 10);
        Path c = admit(cache, "t/uploads/f10/data.parquet", "1", 10);

        cache.invalidate("t/uploads/f1/data.csv");
        assertThat(cache.peek("t/uploads/f1/data.csv")).isEmpty();
        assertThat(a).doesNotExist();

        cache.invalidatePrefix("t/uploads/f1/");
        assertThat(b).doesNotExist();
        assertThat(c).exists();
        assertThat(cache.peek("t/uploads/f10/data.parquet")).isPresent();
        assertThat(cache.bytes()).isEqualTo(10);
    }

    @Test
    void keepsTheExtensionAndStartsFromAnEmptyFolder() throws Exception {
        Path folder = dir.resolve("cache");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("f1.parquet"), "left over from a previous run");

        LocalFileCache cache = cache(1_000, Duration.ZERO);
        assertThat(folder.resolve("f1.parquet")).doesNotExist();
        assertThat(cache.bytes()).isZero();

        assertThat(admit(cache, "t/uploads/f/data.parquet", "1", 5).getFileName().toString()).endsWith(".parquet");
        assertThat(admit(cache, "t/uploads/f/data.csv", "1", 5).getFileName().toString()).endsWith(".csv");
        assertThat(admit(cache, "t/jobs/j/noext", "1", 5).getFileName().toString()).doesNotContain(".");
    }

    @Test
    void concurrentUseKeepsIndexAndDiskInStep() throws Exception {
        LocalFileCache cache = cache(2_000, Duration.ZERO);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String key = "k" + ((i * 7 + thread) % 40);
                        if (cache.use(key, "v").isEmpty()) {
                            admit(cache, key, "v", 100 + (i % 5) * 10);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(2_000).isEqualTo(bytesOnDisk());
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertThat(files.count()).isEqualTo(cache.files());
        }
    }
}
