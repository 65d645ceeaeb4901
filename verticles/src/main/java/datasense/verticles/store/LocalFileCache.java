package datasense.verticles.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A bounded folder of downloaded objects, least recently used evicted first, sized by bytes.
 *
 * <p>Every cached version of a key gets its own file name, so replacing a key never rewrites a file a reader
 * may hold; the replaced file is only retired, and deleted like any other evictable file.
 *
 * <p>Eviction and readers: {@link #use} and {@link #admit} hand out a path and <em>pin</em> its file for
 * {@code pin} (measured from the last hand-out). Eviction skips pinned files, so a reader that got a path
 * but has not opened it yet (DuckDB reopens a Parquet file on every pass of a view) does not find it gone.
 * A reader that keeps a file open longer than the pin is still safe on Linux/macOS: unlinking an open file
 * only removes its name. Because pinned files cannot go, {@code maxBytes} is a soft bound: while the pinned
 * working set alone exceeds it, the folder stays over the bound until pins lapse (the next admit or use
 * evicts them).
 *
 * <p>The index lives in memory, so the folder is owned by this cache and emptied when the cache is created.
 * Thread-safe: every method synchronizes on the cache; file moves and deletes are local and short.
 */
public final class LocalFileCache {

    /** One cached file: the version of {@code key} it holds ({@code version} is e.g. an S3 ETag). */
    public record Entry(String key, String version, Path path, long size) {
    }

    private static final class CachedFile {
        final Entry entry;
        long pinnedUntil;

        CachedFile(Entry entry) {
            this.entry = entry;
        }
    }

    private final Path dir;
    private final long maxBytes;
    private final long pinMillis;
    private final LongSupplier clockMillis;
    private final AtomicLong names = new AtomicLong();
    /** Every file on disk, by file name, in access order: the eldest is the first eviction candidate. */
    private final LinkedHashMap<String, CachedFile> files = new LinkedHashMap<>(16, 0.75f, true);
    /** The current file of each key; a file in {@link #files} but not here is retired. */
    private final Map<String, CachedFile> current = new HashMap<>();
    private long bytes;

    public LocalFileCache(Path dir, long maxBytes, Duration pin) {
        this(dir, maxBytes, pin, System::currentTimeMillis);
    }

    /** With an injectable clock, so tests can let pins lapse without sleeping. */
    public LocalFileCache(Path dir, long maxBytes, Duration pin, LongSupplier clockMillis) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.pinMillis = pin.toMillis();
        this.clockMillis = clockMillis;
        clear(this.dir);
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Bytes of all files on disk, including pinned and retired ones. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Number of files on disk. */
    public synchronized int files() {
        return files.size();
    }

    /** The current entry of {@code key}, without touching or pinning it (e.g. to revalidate its version). */
    public synchronized Optional<Entry> peek(String key) {
        CachedFile f = current.get(key);
        return f == null ? Optional.empty() : Optional.of(f.entry);
    }

    /**
     * The path of {@code key} if the cache still holds {@code version} of it, marked recently used and pinned;
     * empty if it was evicted or replaced meanwhile.
     */
    public synchronized Optional<Path> use(String key, String version) {
        CachedFile f = current.get(key);
        if (f == null || !f.entry.version().equals(version)) {
            return Optional.empty();
        }
        files.get(fileName(f)); // access order: now the most recently used
        f.pinnedUntil = clockMillis.getAsLong() + pinMillis;
        evict();
        return Optional.of(f.entry.path());
    }

    /** A fresh path inside the cache folder (not created) to download into, so {@link #admit} is a rename. */
    public Path newTempFile() {
        return dir.resolve(".download-" + names.incrementAndGet() + ".tmp");
    }

    /**
     * Moves {@code file} (normally from {@link #newTempFile}) into the cache as {@code version} of {@code key},
     * retiring any earlier version, and returns its pinned path. Evicts unpinned files, least recently used
     * first, until the cache fits {@code maxBytes} or only pinned files are left.
     */
    public synchronized Path admit(String key, String version, Path file) throws IOException {
        long size = Files.size(file);
        Path target = dir.resolve("f" + names.incrementAndGet() + extension(key));
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // A file from another file system: nobody can see the target until admit returns, so a copy is fine.
            Files.move(file, target);
        }
        CachedFile f = new CachedFile(new Entry(key, version, target, size));
        f.pinnedUntil = clockMillis.getAsLong() + pinMillis;
        files.put(target.getFileName().toString(), f);
        bytes += size;
        current.put(key, f);
        evict();
        return target;
    }

    /** Forgets the current version of {@code key} (e.g. it was overwritten or deleted); its file is retired. */
    public synchronized void invalidate(String key) {
        if (current.remove(key) != null) {
            evict();
        }
    }

    /** Forgets every key starting with {@code prefix}. */
    public synchronized void invalidatePrefix(String prefix) {
        if (current.keySet().removeIf(k -> k.startsWith(prefix))) {
            evict();
        }
    }

    /**
     * Deletes unpinned files: retired ones always (nobody can be handed them again), current ones least
     * recently used first while the cache is over its bound.
     */
    private void evict() {
        long now = clockMillis.getAsLong();
        List<CachedFile> doomed = new ArrayList<>();
        long over = bytes - maxBytes;
        for (Iterator<CachedFile> it = files.values().iterator(); it.hasNext(); ) {
            CachedFile f = it.next();
            if (f.pinnedUntil > now) {
                continue;
            }
            boolean retired = current.get(f.entry.key()) != f;
            if (retired || over > 0) {
                it.remove();
                bytes -= f.entry.size();
                over -= f.entry.size();
                if (!retired) {
                    current.remove(f.entry.key());
                }
                doomed.add(f);
            }
        }
        for (CachedFile f : doomed) {
            try {
                Files.deleteIfExists(f.entry.path());
            } catch (IOException e) {
                // The index no longer counts it; a leftover file is cleared at the next start.
            }
        }
    }

    private static String fileName(CachedFile f) {
        return f.entry.path().getFileName().toString();
    }

    /** Keeps the extension so readers that sniff by name (DuckDB's read_csv_auto, read_parquet) still work. */
    private static String extension(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String ext = dot < 0 ? "" : last.substring(dot);
        return ext.matches("\\.[A-Za-z0-9]{1,10}") ? ext : "";
    }

    private static void clear(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> stale = Files.list(dir)) {
                for (Path p : (Iterable<Path>) stale::iterator) {
                    if (Files.isRegularFile(p)) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the cache folder " + dir, e);
        }
    }
}
