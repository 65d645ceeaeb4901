package datasense.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class path of the node JVMs: the test's own, with the project's classes frozen in a copy. A node loads
 * classes lazily, for minutes; a build of the same tree meanwhile (another module, an IDE) rewrites
 * target/classes under it, and the node dies of NoClassDefFoundError in the middle of a test. The copy takes
 * a moment once per test JVM; third-party jars are used in place.
 */
final class NodeClassPath {

    private static String classPath;

    private NodeClassPath() {
    }

    static synchronized String get() {
        if (classPath == null) {
            classPath = snapshot();
        }
        return classPath;
    }

    private static String snapshot() {
        try {
            Path copy = Files.createTempDirectory("datasense-node-classpath");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(copy)));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (Path entry : entries()) {
                if (Files.isDirectory(entry) || entry.getFileName().toString().startsWith("datasense")) {
                    Path target = copy.resolve(n++ + "-" + entry.getFileName());
                    copyTree(entry, target);
                    entries.add(target.toString());
                } else {
                    entries.add(entry.toString());
                }
            }
            return String.join(java.io.File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of java.class.path; a manifest-only jar (as Surefire and Failsafe may use) is expanded. */
    private static List<Path> entries() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && path.getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : manifestPath == null ? new String[0] : manifestPath.trim().split(" +")) {
                        // entries may be relative to the booter jar's folder
                        out.add(Path.of(path.toAbsolutePath().getParent().toUri().resolve(URI.create(url))));
                    }
                }
            } else if (Files.exists(path)) {
                out.add(path);
            }
        }
        return out;
    }

    private static void delete(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
