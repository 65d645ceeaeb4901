package datasense;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders for tests, deleted with what they hold when the test JVM exits: not when a test ends, since a
 * node's Vert.x may still be writing into one while the test framework closes it.
 */
public final class TempFolders {

    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> CREATED.forEach(TempFolders::deleteTree), "delete-test-folders"));
    }

    private TempFolders() {
    }

    /** A new folder under the OS's temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        Path created = Files.createTempDirectory(prefix);
        CREATED.add(created);
        return created;
    }

    /** Deletes {@code root} and everything under it, as far as it can. */
    public static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // gone already, or half: the OS's temporary folder cleans up the rest
        }
    }
}
