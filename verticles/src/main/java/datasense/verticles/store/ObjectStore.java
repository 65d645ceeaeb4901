package datasense.verticles.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/**
 * The system of record for files, manifests and artifacts, under the keys of {@link Keys}. Every call is
 * non-blocking. Writes are atomic: a reader sees a key's old bytes or its new ones, never half.
 */
public interface ObjectStore {

    /** What backs the store, for /health: "local" or "s3". */
    String kind();

    Future<Void> put(String key, Buffer data);

    /** Moves a local file (e.g. a streamed upload) into the store under {@code key}. */
    Future<Void> putFile(String key, Path file);

    /** The bytes of {@code key}; fails with {@link NoSuchKeyException} when there is none. */
    Future<Buffer> get(String key);

    Future<Boolean> exists(String key);

    /** The size of {@code key} in bytes; fails with {@link NoSuchKeyException} when there is none. */
    Future<Long> size(String key);

    /**
     * A URL a client can PUT {@code key}'s bytes to directly (bound to the content type, valid for
     * {@code expiry}), or empty when the store takes uploads only through the node (the local folder).
     */
    default Optional<URI> presignPut(String key, String contentType, Duration expiry) {
        return Optional.empty();
    }

    /** True when clients upload straight to the store ({@link #presignPut} gives URLs). */
    default boolean takesDirectUploads() {
        return false;
    }

    /** Keys under {@code prefix}, recursively, sorted. */
    Future<List<String>> list(String prefix);

    /** Keys under {@code prefix}, recursively, sorted, each with its size and last write: what retention and quotas read. */
    Future<List<StoredObject>> listObjects(String prefix);

    /** One key of a listing, with its size in bytes and when it was last written. */
    record StoredObject(String key, long size, java.time.Instant modified) {
    }

    /** Deletes every key under {@code prefix}. */
    Future<Void> deletePrefix(String prefix);

    /**
     * A local path holding the bytes of {@code key}, for blocking readers such as DuckDB. The local store
     * answers its own file; a remote store a cached download.
     */
    Future<Path> localPath(String key);

    /** A local folder for staging uploads before they are put. */
    Path stagingDir();

    /** Thrown (as a failed future) when a key does not exist. */
    final class NoSuchKeyException extends RuntimeException {
        public NoSuchKeyException(String key) {
            super("no such key: " + key);
        }
    }
}
