package datasense;

import datasense.verticles.logs.LogFormat;
import datasense.verticles.metrics.NodeMetrics;
import datasense.verticles.tracing.NodeTracing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts a DataSense node: {@code java -jar datasense.jar [--cluster] [--config file.json]}; {@code --help} lists the
 * settings. {@code token ...} and {@code api-key create ...} are operator commands ({@link Cli}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // On 2 cores the common pool gets one thread, and below two it runs every async task on a new thread:
        // Hazelcast's and CompletableFuture's callbacks then started ~8 threads per question (seen with JFR).
        if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
            System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
                    Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
        }
        // Hazelcast logs through SLF4J (so in the node's format) from its first line, before its Config exists
        System.setProperty("hazelcast.logging.type", "slf4j");
        if (Cli.isCommand(args)) {
            System.exit(Cli.run(args, System.getenv(), System.out, System.err));
            return;
        }
        Path configFile = null;
        boolean cluster = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.println(help());
                    return;
                }
                case "--cluster" -> cluster = true;
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        fail("--config needs a file");
                    }
                    configFile = Path.of(args[++i]);
                }
                default -> fail("unknown argument " + args[i] + "\n\n" + help());
            }
        }
        System.setProperty("java.awt.headless", "true");
        NodeConfig config = NodeConfig.load(System.getenv(), configFile);
        if (cluster) {
            config = config.clustered();
        }
        LogFormat.apply(config.logFormat());
        PrometheusMeterRegistry registry = config.metrics() ? NodeMetrics.registry() : null;
        OpenTelemetry tracing = config.tracingEnabled() ? NodeTracing.fromEnvironment(config.nodeName()) : null;
        Vertx vertx;
        try {
            vertx = config.cluster() ? Cluster.join(config, registry, tracing).await()
                    : Node.vertxBuilder(new VertxOptions(), registry, tracing).build();
        } catch (Exception e) {
            System.err.println("DataSense could not join the cluster: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
        AtomicReference<Node> node = new AtomicReference<>();
        stopOnSignal(vertx, node, config.stopSeconds());
        try {
            node.set(Node.start(vertx, config, registry, tracing).await());
        } catch (Exception e) {
            System.err.println("DataSense failed to start: " + e.getMessage());
            vertx.close().await();
            System.exit(1);
        }
    }

    /**
     * SIGTERM (or Ctrl-C): a clean stop ({@link Node#stop}: requests and jobs in flight finish within the stop cap),
     * then Vert.x closes and the node leaves its cluster. A second signal ends the process at once.
     */
    private static void stopOnSignal(Vertx vertx, AtomicReference<Node> node, int capSeconds) {
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (!stopping.compareAndSet(false, true)) {
                System.err.println("DataSense: second SIG" + signal.getName() + ", stopping now");
                Runtime.getRuntime().halt(128 + signal.getNumber());
            }
            Thread stop = new Thread(() -> {
                System.err.println("DataSense: SIG" + signal.getName() + ", stopping within " + capSeconds + " s per stage (send it again to stop now)");
                Node running = node.get();
                // two waits, not one chain: a listener on the node's context cannot run once Vert.x has closed it
                await(running == null ? Future.succeededFuture() : running.stop(), 2L * capSeconds + 5, "the clean stop");
                await(vertx.close(), 30, "closing Vert.x");
                System.exit(0);
            }, "datasense-stop");
            stop.start();
        };
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }

    private static void await(Future<Void> future, long seconds, String what) {
        try {
            future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("DataSense: " + what + " did not complete: " + e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    static String help() {
        StringBuilder out = new StringBuilder("""
                DataSense: ask questions of your data in plain English.

                usage: java -jar datasense.jar [--cluster] [--config file.json] [--help]
                """ + Cli.USAGE + """


                Settings (environment variables; a --config JSON file may set the same keys in lower case):
                """);
        for (Map.Entry<String, NodeConfig.Setting> e : NodeConfig.SETTINGS.entrySet()) {
            out.append(String.format("  %-34s %-28s %s%n", e.getKey(),
                    e.getValue().defaultValue().isEmpty() ? "(empty)" : e.getValue().defaultValue(), e.getValue().help()));
        }
        return out.toString();
    }
}
