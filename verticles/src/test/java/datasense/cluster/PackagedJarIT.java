package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jars the build ships (issue 11: a smaller image) hold the Linux x86_64 and aarch64 native libraries and no
 * other platform's, and a node started from each with {@code java -jar} and nothing else (the fat jar of the
 * README, and the image's two-layer layout: our classes beside {@code lib/datasense-deps.jar}) answers a question
 * through DuckDB and reads a SQLite upload through sqlite-jdbc's native library. Runs after {@code package}, so
 * it tests the files the build just wrote.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PackagedJarIT {

    private static final Path TARGET = Path.of("target");
    /** Entries that must be in the third-party part of each layout: the natives the image's platforms load. */
    private static final List<String> LINUX_NATIVES = List.of(
            "libduckdb_java.so_linux_amd64",
            "libduckdb_java.so_linux_arm64",
            "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
            "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
            "META-INF/native/libnetty_transport_native_epoll_x86_64.so");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"datasense.jar", "image/lib/datasense-deps.jar"})
    void onlyTheLinuxNativesAreInside(String jarName) throws IOException {
        Path jar = TARGET.resolve(jarName);
        assertThat(jar).as("built by `mvn package`").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(e -> e.getName()).toList();
            assertThat(names).containsAll(LINUX_NATIVES);
            List<String> natives = names.stream()
                    .filter(n -> n.matches(".*\\.(so|dll|dylib|jnilib)$") || n.startsWith("libduckdb_java.so_"))
                    .toList();
            List<String> foreign = natives.stream()
                    .filter(n -> !n.matches("(?i).*(linux.*|netty_transport_native_epoll_)(x86_64|amd64|aarch_?64|arm64).*")
                            || n.matches("(?i).*(musl|android).*"))
                    .toList();
            assertThat(natives).as("natives").hasSizeGreaterThanOrEqualTo(LINUX_NATIVES.size());
            assertThat(foreign).as("other platforms' natives").isEmpty();
            System.out.printf("[packaged] %s: %,d bytes%n", jarName, Files.size(jar));
        }
    }

    @Test
    void theImageLayoutKeepsOurClassesApartFromTheDependencies() throws IOException {
        try (JarFile ours = new JarFile(TARGET.resolve("image/datasense.jar").toFile());
             JarFile deps = new JarFile(TARGET.resolve("image/lib/datasense-deps.jar").toFile())) {
            assertThat(ours.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo("lib/datasense-deps.jar");
            assertThat(ours.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("datasense.Main");
            assertThat(ours.getEntry("datasense/Main.class")).isNotNull();
            assertThat(ours.stream().filter(e -> e.getName().endsWith(".class")))
                    .allMatch(e -> e.getName().startsWith("datasense/"));
            assertThat(deps.getEntry("datasense/Main.class")).as("our classes are not in the dependency layer").isNull();
            assertThat(deps.getEntry("io/vertx/core/Vertx.class")).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasense.jar", "image/datasense.jar"})
    void aNodeStartedFromTheJarAnswersAndReadsSqlite(String jarName) throws Exception {
        Path jar = TARGET.resolve(jarName).toAbsolutePath();
        long started = System.nanoTime();
        try (NodeProcess node = NodeProcess.fromJar("packaged-" + jarName.replace('/', '-'), jar, work.resolve("data"), work, Map.of())) {
            node.awaitReady(Duration.ofSeconds(90));
            long readyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Api api = new Api(node.port);
            Api.Response answer = api.ask(Node.SAMPLE_FILE_ID, "total sales by region");
            assertThat(answer.status()).as(answer.text() + "\n" + node.logTail(30)).isEqualTo(200);
            assertThat(answer.json().getString("answer")).isNotBlank();

            Api.Response sqlite = api.upload("shop.db", "application/octet-stream", Files.readAllBytes(database()));
            assertThat(sqlite.status()).as(sqlite.text() + "\n" + node.logTail(30)).isEqualTo(201);
            assertThat(sqlite.json().getString("format")).isEqualTo("sqlite");
            assertThat(sqlite.json().getLong("rows")).isEqualTo(3);
            System.out.printf("[packaged] java -jar %s: ready in %,d ms, answered, SQLite read%n", jarName, readyMs);
        }
    }

    /**
     * Tracing from the shipped jars: the OTLP exporter and the JDK sender are found through their service files,
     * which the shading must merge; a node started with {@code DATASENSE_TRACING=otlp} sends its /ask's job span.
     */
    @ParameterizedTest
    @ValueSource(strings = {"datasense.jar", "image/datasense.jar"})
    void aTracedNodeFromTheJarExportsOverOtlp(String jarName) throws Exception {
        Path jar = TARGET.resolve(jarName).toAbsolutePath();
        try (OtlpReceiver receiver = OtlpReceiver.start();
             NodeProcess node = NodeProcess.fromJar("traced-" + jarName.replace('/', '-'), jar, work.resolve("data"), work, Map.of(
                     "DATASENSE_TRACING", "otlp", "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url(""), "OTEL_BSP_SCHEDULE_DELAY", "200"))) {
            node.awaitReady(Duration.ofSeconds(90));
            Api.Response answer = new Api(node.port).ask(Node.SAMPLE_FILE_ID, "total sales by region");
            assertThat(answer.status()).as(answer.text() + "\n" + node.logTail(30)).isEqualTo(200);
            String jobId = answer.json().getString("job_id");
            OtlpReceiver.Received job = receiver.await(s -> s.name().equals("job") && jobId.equals(s.attributes().get("datasense.job.id")),
                    Duration.ofSeconds(30));
            assertThat(job.instance()).isEqualTo(node.name);
            assertThat(receiver.paths()).contains("/v1/traces");
        }
    }

    /** A small SQLite database, written by the test's own copy of the driver. */
    private Path database() throws Exception {
        Path db = work.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (region TEXT, sales REAL)");
            st.execute("INSERT INTO orders VALUES ('East', 10.5), ('West', 20), ('East', 3)");
        }
        return db;
    }
}
