package datasense.cluster;

import datasense.TempFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of {@link NodeProcess}es on 127.0.0.1 sharing one data folder. Hazelcast members take ports
 * 5701-5710, so only one such cluster may run at a time on a machine: run the cluster test classes one by one.
 */
final class LoopbackCluster implements AutoCloseable {

    /** A node to start: its name, roles, whether it registers the sample dataset, and settings of its own. */
    record Spec(String name, String roles, boolean sampleData, Map<String, String> settings) {

        Spec(String name, String roles, boolean sampleData) {
            this(name, roles, sampleData, Map.of());
        }
    }

    final Path dataDir;
    final Path logDir;
    private final String clusterName;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    private final Map<String, Spec> specs = new LinkedHashMap<>();

    private LoopbackCluster(Path dataDir, Path logDir, String clusterName) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.clusterName = clusterName;
    }

    /**
     * Starts every node at once and waits until each has deployed its roles and {@code observer} (an API node)
     * sees them all as members. Anything started is killed if the cluster does not form.
     */
    static LoopbackCluster start(String testName, String observer, List<Spec> specs, Duration timeout) throws Exception {
        Path dataDir = Files.createTempDirectory("datasense-cluster-data");
        Path target = Path.of("target");
        Path logDir = Files.createDirectories(Files.isDirectory(target) ? target.resolve("cluster-logs").resolve(testName)
                : Files.createTempDirectory("datasense-cluster-logs"));
        // a cluster name of its own, so a cluster another test run starts on this host meanwhile never merges with it
        String clusterName = "datasense-it-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        LoopbackCluster cluster = new LoopbackCluster(dataDir, logDir, clusterName);
        try {
            long started = System.nanoTime();
            // the first node starts alone, so it is the cluster's master (its oldest member): which member is master
            // decides what a fault does (a frozen master can split the others in two, docs/RELIABILITY.md), and the
            // tests freeze or kill the other nodes
            for (Spec spec : specs) {
                cluster.specs.put(spec.name(), spec);
                cluster.nodes.put(spec.name(), cluster.launch(spec, spec.name()));
                if (spec == specs.get(0)) {
                    cluster.nodes.get(spec.name()).awaitReady(timeout);
                }
            }
            for (NodeProcess node : cluster.nodes.values()) {
                node.awaitReady(timeout);
            }
            cluster.awaitMembers(observer, specs.size(), timeout);
            System.out.printf("[%s] cluster of %d nodes formed in %d ms: %s (logs in %s)%n", testName, specs.size(),
                    (System.nanoTime() - started) / 1_000_000, cluster.nodes.values(), logDir.toAbsolutePath());
            return cluster;
        } catch (Exception | Error e) {
            System.out.println(cluster.diagnostics());
            cluster.close();
            throw e;
        }
    }

    private NodeProcess launch(Spec spec, String processName) throws IOException {
        Map<String, String> settings = new java.util.HashMap<>(spec.settings());
        settings.putIfAbsent("DATASENSE_CLUSTER_NAME", clusterName);
        return NodeProcess.start(processName, spec.roles(), dataDir, logDir, spec.sampleData(), settings);
    }

    /**
     * SIGKILLs node {@code name} when it runs, then starts it again from its spec as {@code processName} (its node
     * name and log file, so the killed one's log stays); the cluster keeps calling it {@code name}. Waits until it
     * is ready and {@code observer} counts every node as a member again (the dead member dropped, the new one in).
     */
    NodeProcess restart(String name, String processName, String observer, Duration timeout) throws Exception {
        node(name).kill();
        NodeProcess started = launch(specs.get(name), processName);
        nodes.put(name, started);
        started.awaitReady(timeout);
        awaitMembers(observer, nodes.size(), timeout);
        return started;
    }

    /** Waits until {@code observer}'s /health counts exactly {@code members} cluster members. */
    void awaitMembers(String observer, int members, Duration timeout) throws Exception {
        Api api = api(observer);
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = api.health().getJsonObject("cluster").getInteger("members", -1);
                if (seen == members) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(observer + " sees " + seen + " cluster members, not " + members
                + (seen > members ? " (a stray DataSense member on ports 5701-5710? another cluster test running?)" : ""));
    }

    NodeProcess node(String name) {
        NodeProcess node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return node;
    }

    Api api(String name) {
        NodeProcess node = node(name);
        if (!node.servesHttp()) {
            throw new IllegalArgumentException(name + " has no HTTP API (roles " + node.roles + ")");
        }
        return new Api(node.port);
    }

    List<NodeProcess> nodes() {
        return new ArrayList<>(nodes.values());
    }

    /** Every node's state and the tail of its log: what a failing test prints. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (NodeProcess node : nodes.values()) {
            out.append("===== ").append(node).append(node.alive() ? "" : " [not running]").append(" — ").append(node.log)
                    .append('\n').append(node.logTail(60)).append('\n');
        }
        return out.toString();
    }

    /** Kills every node, then removes the shared data folder (the logs stay under target/cluster-logs). */
    @Override
    public void close() {
        nodes.values().forEach(NodeProcess::kill);
        TempFolders.deleteTree(dataDir);
    }
}
