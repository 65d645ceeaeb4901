package datasense;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for tests, as a child process on a free loopback port: {@code redis-server} from the PATH
 * when there is one, else the binary the embedded-redis test jar carries for this platform (extracted once per
 * JVM to a temp file; nothing is downloaded). No persistence, so a restart starts empty. It can be killed (a
 * crash), restarted on the same port, and frozen with SIGSTOP (a hung server that keeps its sockets open).
 */
public final class RedisServerProcess implements AutoCloseable {

    private static Path binary;

    private final int port;
    private final List<String> extraArgs;
    private final Path log;
    private Process process;

    private RedisServerProcess(int port, List<String> extraArgs) throws IOException {
        this.port = port;
        this.extraArgs = extraArgs;
        this.log = Files.createTempFile("redis-test-", ".log");
    }

    /** Starts a server on a free port; {@code extraArgs} are redis-server options, e.g. "--requirepass", "pw". */
    public static RedisServerProcess start(String... extraArgs) throws IOException {
        RedisServerProcess server = new RedisServerProcess(freePort(), List.of(extraArgs));
        server.launch();
        return server;
    }

    /** Starts a server on {@code port} (e.g. one a client already waits for). */
    public static RedisServerProcess startOn(int port, String... extraArgs) throws IOException {
        RedisServerProcess server = new RedisServerProcess(port, List.of(extraArgs));
        server.launch();
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Kills the server (SIGKILL, like a crash: the kernel resets its connections). */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port (empty). */
    public void restart() throws IOException {
        kill();
        launch();
    }

    /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
    public void freeze() throws IOException {
        signal("-STOP");
    }

    /** Lets a frozen server run on (SIGCONT). */
    public void thaw() throws IOException {
        signal("-CONT");
    }

    @Override
    public void close() {
        if (process != null) {
            // a frozen process would not die on SIGTERM; SIGKILL always works
            kill();
        }
    }

    private void signal(String signal) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IOException("kill " + signal + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(binary().toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no"));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        kill();
        throw new IOException("redis-server did not listen on " + port + " within 10 s: " + Files.readString(log));
    }

    private static synchronized Path binary() throws IOException {
        if (binary != null) {
            return binary;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return binary = candidate;
            }
        }
        String resource = "/" + embeddedName();
        try (InputStream in = RedisServerProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no redis-server on PATH and no " + resource + " in the embedded-redis jar");
            }
            Path file = Files.createTempFile("redis-server-", "");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            file.toFile().deleteOnExit();
            return binary = file;
        }
    }

    /** The binary embedded-redis 1.4.3 ships for this platform. */
    private static String embeddedName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        throw new UncheckedIOException(new IOException("no embedded redis-server for " + os + "/" + arch));
    }

    /** A loopback port free right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
