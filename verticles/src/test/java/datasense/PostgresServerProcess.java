package datasense;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: a fresh cluster made with the installed {@code initdb} (any version under
 * /usr/lib/postgresql, or on the PATH) in a temp folder, on a free loopback port, with password sign-in for user
 * {@code datasense}. It does not touch any cluster the system has. Postgres refuses to run as root, so when the
 * tests run as root the folder is given to the {@code postgres} user and every command runs through
 * {@code runuser -u postgres --}. {@link #close()} stops the server and removes the folder.
 */
public final class PostgresServerProcess implements AutoCloseable {

    static final String USER = "datasense";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password;

    private PostgresServerProcess(Path dir, Path bin, int port, String password) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.password = password;
    }

    /** Makes and starts a cluster whose user {@link #USER} signs in with {@code password}. */
    public static PostgresServerProcess start(String password) throws IOException, InterruptedException {
        Path bin = binDir();
        Path dir = Files.createTempDirectory("pg-test-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), false, Path.of("/"));
        }
        Path pwFile = dir.resolve("pw");
        Files.writeString(pwFile, password + "\n");
        if (root) {
            run(List.of("chown", "postgres", pwFile.toString()), false, Path.of("/"));
        }
        PostgresServerProcess server = new PostgresServerProcess(dir, bin, RedisServerProcess.freePort(), password);
        try {
            server.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + pwFile, "-A", "scram-sha-256", "--no-sync", "-E", "UTF8", "--locale=C"));
            server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code postgresql://datasense@127.0.0.1:port/postgres}: the URL a source is given (no password in it). */
    public String url() {
        return "postgresql://" + USER + "@127.0.0.1:" + port + "/postgres";
    }

    /** A JDBC connection as the superuser, for the test's own setup. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast",
                        "-w", "-t", "60", "stop"));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("could not stop the test Postgres: " + e);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + dir + ": " + e);
            }
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        run(command, "root".equals(System.getProperty("user.name")), dir);
    }

    private static void run(List<String> command, boolean asPostgres, Path cwd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(cwd.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + full);
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + full + "\n" + new String(out));
        }
    }

    /** The bin folder of the newest installed Postgres (Debian keeps each version under /usr/lib/postgresql). */
    private static Path binDir() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Path found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "").isEmpty() ? "0" : b.getParent().getFileName().toString().replaceAll("\\D", ""))))
                        .orElse(null);
                if (found != null) {
                    return found;
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb"))) {
                return Path.of(p);
            }
        }
        throw new IOException("no PostgreSQL server found (initdb under /usr/lib/postgresql/*/bin or on the PATH);"
                + " install it, e.g. apt-get install postgresql");
    }
}
