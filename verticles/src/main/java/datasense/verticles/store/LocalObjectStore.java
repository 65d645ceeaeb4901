package datasense.verticles.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The embedded object store: a local folder, one file per key. Writes go to a temporary sibling and are
 * renamed into place, so a crash never leaves a half-written key. All I/O uses Vert.x's async file system
 * or runs on a worker thread.
 */
public final class LocalObjectStore implements ObjectStore {

    private final Vertx vertx;
    private final Path root;
    private final FileSystem fs;

    public LocalObjectStore(Vertx vertx, Path root) {
        this.vertx = vertx;
        this.root = root.toAbsolutePath().normalize();
        this.fs = vertx.fileSystem();
    }

    public Path root() {
        return root;
    }

    private Path path(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root) || key.contains("..")) {
            throw new IllegalArgumentException("key escapes the store: " + key);
        }
        return p;
    }

    @Override
    public String kind() {
        return "local";
    }

    @Override
    public Future<Void> put(String key, Buffer data) {
        Path target = path(key);
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return fs.mkdirs(target.getParent().toString())
                .compose(v -> fs.writeFile(tmp.toString(), data))
                .compose(v -> fs.move(tmp.toString(), target.toString(), new CopyOptions().setReplaceExisting(true).setAtomicMove(true)));
    }

    @Override
    public Future<Void> putFile(String key, Path file) {
        Path target = path(key);
        return fs.mkdirs(target.getParent().toString())
                .compose(v -> fs.move(file.toString(), target.toString(), new CopyOptions().setReplaceExisting(true)));
    }

    @Override
    public Future<Buffer> get(String key) {
        Path p = path(key);
        return fs.exists(p.toString()).compose(found -> found
                ? fs.readFile(p.toString())
                : Future.failedFuture(new NoSuchKeyException(key)));
    }

    @Override
    public Future<Boolean> exists(String key) {
        return fs.exists(path(key).toString());
    }

    @Override
    public Future<Long> size(String key) {
        return fs.props(path(key).toString())
                .map(io.vertx.core.file.FileProps::size)
                .recover(e -> Future.failedFuture(e instanceof io.vertx.core.file.FileSystemException
                        && e.getCause() instanceof java.nio.file.NoSuchFileException ? new NoSuchKeyException(key) : e));
    }

    @Override
    public Future<List<String>> list(String prefix) {
        Path dir = path(prefix);
        return vertx.executeBlocking(() -> {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .sorted()
                        .toList();
            }
        }, false);
    }

    @Override
    public Future<List<StoredObject>> listObjects(String prefix) {
        Path dir = path(prefix);
        return vertx.executeBlocking(() -> {
            if (!Files.isDirectory(dir)) {
                return List.<StoredObject>of();
            }
            List<StoredObject> objects = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (p.getFileName().toString().startsWith(".") || !Files.isRegularFile(p)) {
                        continue;
                    }
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                        objects.add(new StoredObject(root.relativize(p).toString().replace('\\', '/'), attributes.size(),
                                attributes.lastModifiedTime().toInstant()));
                    } catch (NoSuchFileException deletedMeanwhile) {
                        // gone since the walk saw it
                    }
                }
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
            objects.sort(Comparator.comparing(StoredObject::key));
            return objects;
        }, false);
    }

    @Override
    public Future<Void> deletePrefix(String prefix) {
        Path p = path(prefix);
        return fs.exists(p.toString()).compose(found -> found ? fs.deleteRecursive(p.toString()) : Future.succeededFuture());
    }

    @Override
    public Future<Path> localPath(String key) {
        Path p = path(key);
        return fs.exists(p.toString()).compose(found -> found
                ? Future.succeededFuture(p)
                : Future.failedFuture(new NoSuchKeyException(key)));
    }

    @Override
    public Path stagingDir() {
        Path staging = root.resolve(".staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + staging, e);
        }
        return staging;
    }
}
