package datasense.cluster;

import datasense.NodeConfig;
import datasense.TempFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One DataSense node as a JVM of its own ({@code java datasense.Main --cluster} on the test's class path), so that
 * a test can SIGKILL it as an operator's bad day would: no shutdown hook, no goodbye to the cluster. Its output
 * goes to a log file whose tail a failing test prints.
 */
final class NodeProcess implements AutoCloseable {

    /** Every node of a test run shares this key, so any API node accepts another's presigned URLs. */
    static final String SIGNING_KEY = "cluster-it-signing-key";

    /** Nodes not closed yet: killed when the test JVM exits, so no orphan keeps ports 5701-5710 taken. */
    private static final Set<NodeProcess> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(NodeProcess::kill)));
    }

    /**
     * The nodes' temporary folder: a killed node cannot remove what it put there (DuckDB's 57 MB native library,
     * Vert.x's file cache), so the test JVM does at exit.
     */
    private static final Path NODE_TMP = nodeTmp();

    private static Path nodeTmp() {
        try {
            return TempFolders.create("datasense-node-tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final String name;
    final String roles;
    /** Its HTTP port; only nodes with the {@code api} role listen on it. */
    final int port;
    final Path log;
    private final Process process;

    private NodeProcess(String name, String roles, int port, Path log, Process process) {
        this.name = name;
        this.roles = roles;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node named {@code name} with {@code roles}, storing into the shared {@code dataDir} (the local
     * object store writes atomically, so nodes on one machine may share it); only one node of a cluster should
     * register the sample dataset.
     */
    static NodeProcess start(String name, String roles, Path dataDir, Path logDir, boolean sampleData) throws IOException {
        return start(name, roles, dataDir, logDir, sampleData, Map.of());
    }

    /** As above, with more settings ({@code env}: setting name to value) for this node. */
    static NodeProcess start(String name, String roles, Path dataDir, Path logDir, boolean sampleData,
                             Map<String, String> settings) throws IOException {
        return start(name, roles, dataDir, logDir, sampleData, settings, true, null);
    }

    /** A node of its own, in no cluster, with every role: the single-machine setup. */
    static NodeProcess standalone(String name, Path dataDir, Path logDir, Map<String, String> settings) throws IOException {
        return start(name, String.join(",", NodeConfig.ROLES), dataDir, logDir, true, settings, false, null);
    }

    /** A standalone node started as an operator or the image starts one: {@code java -jar jar}, nothing else on the class path. */
    static NodeProcess fromJar(String name, Path jar, Path dataDir, Path logDir, Map<String, String> settings) throws IOException {
        return start(name, String.join(",", NodeConfig.ROLES), dataDir, logDir, true, settings, false, jar);
    }

    private static NodeProcess start(String name, String roles, Path dataDir, Path logDir, boolean sampleData,
                                     Map<String, String> settings, boolean cluster, Path jar) throws IOException {
        int port = freePort();
        Path log = logDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + NODE_TMP));
        command.addAll(jar == null ? List.of("-cp", NodeClassPath.get(), "datasense.Main") : List.of("-jar", jar.toString()));
        if (cluster) {
            command.add("--cluster");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // Nothing of the developer's environment leaks in: no LLM key (no network), no Redis, no S3.
        NodeConfig.SETTINGS.keySet().forEach(env::remove);
        env.put("DATASENSE_PORT", Integer.toString(port));
        env.put("DATASENSE_DATA_DIR", dataDir.toString());
        env.put("DATASENSE_NODE_NAME", name);
        env.put("DATASENSE_ROLES", roles);
        env.put("DATASENSE_SAMPLE_DATA", Boolean.toString(sampleData));
        env.put("DATASENSE_SIGNING_KEY", SIGNING_KEY);
        env.put("DATASENSE_GENERATED_BOARDS", "false"); // no questions asked behind the tests' backs
        env.putAll(settings);
        NodeProcess node = new NodeProcess(name, roles, port, log, builder.start());
        OPEN.add(node);
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    boolean servesHttp() {
        return List.of(roles.split(",")).contains("api");
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** True once the node logged that every verticle of its roles is deployed (and, for an API node, HTTP listens). */
    boolean ready() {
        return logText().contains("DataSense node " + name + " ready");
    }

    /** SIGKILL (destroyForcibly on Linux) of the node and anything it started; waits until it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OPEN.remove(this);
    }

    /** SIGTERM, as an operator's stop or an orchestrator's would send. */
    void terminate() {
        process.destroy();
    }

    /** The exit code once the node has exited, or null when it still runs after {@code timeout}. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        OPEN.remove(this);
        return process.exitValue();
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the node's output. */
    String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits for {@link #ready()}; fails at once, with the log's tail, when the node exits first. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + " before it was ready:\n" + logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + name + " not ready after " + timeout + ":\n" + logTail(40));
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return name + " (" + roles + ", pid " + process.pid() + (servesHttp() ? ", http " + port : "") + ")";
    }
}
