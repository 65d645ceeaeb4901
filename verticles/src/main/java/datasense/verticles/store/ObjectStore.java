package datasense.verticles.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.util.List;

/**
 * The system of record for files, manifests and artifacts, under the keys of {@link Keys}. Every call is
 * non-blocking. Writes are atomic: a reader sees a key's old bytes or its new ones, never half.
 */
public interface ObjectStore {

    Future<Void> put(String key, Buffer data);

    /** Moves a local file (e.g. a streamed upload) into the store under {@code key}. */
    Future<Void> putFile(String key, Path file);

    /** The bytes of {@code key}; fails with {@link NoSuchKeyException} when there is none. */
    Future<Buffer> get(String key);

    Future<Boolean> exists(String key);

    /** Keys under {@code prefix}, recursively, sorted. */
    Future<List<String>> list(String prefix);

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
