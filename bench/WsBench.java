import datasense.Cluster;
import datasense.Node;
import datasense.NodeConfig;
import datasense.agent.JobEvent;
import datasense.verticles.bus.JobEvents;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.RunJob;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSocket fan-out on one node: N clients, each following its own running job over /ws, and the job events an
 * agent would publish (JobEvents.publish, on ds.job.<id>.events with the tenant header) delivered to them.
 *
 * Run: java -cp verticles/target/datasense.jar bench/WsBench.java [clients=2000] [rounds=20] [burst|paced] [one|cross]
 *
 * "cross" starts two clustered nodes (Hazelcast, loopback) in this JVM: the clients' node takes questions only
 * (api,writer,ingest) and the events are published on the other (agent,tools), so each crosses the cluster bus;
 * its memory figures then count both nodes.
 *
 * The node runs in this JVM (standalone, auth none) on its own Vert.x instance; the clients on another Vert.x
 * instance in the same JVM, so publish and receipt are timed on one clock (System.nanoTime). Jobs: the bench
 * registers N running jobs in the cluster map ds.jobs, as an agent does when it accepts one (no job is computed:
 * this measures the delivery path, not the analysis). Each round publishes one step_started event to every job
 * at once ("burst", the default) or spread over one second ("paced"); the publish time rides in the event's
 * intent; the round ends when every client has its event.
 *
 * Memory: heap used after a full GC, before the clients connect and after all follow their jobs, divided by N;
 * both sides of each connection (server and client objects) are in this heap, so it bounds the server's share
 * from above. RSS is the process's resident set (VmRSS) at the same two points.
 */
public class WsBench {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean paced = args.length > 2 && args[2].equals("paced");
        boolean cross = args.length > 3 && args[3].equals("cross");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("datasense-wsbench");
        Vertx server;
        Vertx publisher;
        if (cross) {
            // two clustered nodes in this JVM: the clients' node takes questions only, the publishing node runs the agent
            String name = "wsbench-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            NodeConfig api = NodeConfig.withOverrides(Map.of("DATASENSE_PORT", Integer.toString(port), "DATASENSE_DATA_DIR", data.toString(),
                    "DATASENSE_SAMPLE_DATA", "false", "DATASENSE_NODE_NAME", "wsbench-api", "DATASENSE_ROLES", "api,writer,ingest",
                    "DATASENSE_CLUSTER", "true", "DATASENSE_CLUSTER_NAME", name));
            NodeConfig agent = NodeConfig.withOverrides(Map.of("DATASENSE_PORT", "0", "DATASENSE_DATA_DIR", data.toString(),
                    "DATASENSE_SAMPLE_DATA", "false", "DATASENSE_NODE_NAME", "wsbench-agent", "DATASENSE_ROLES", "agent,tools",
                    "DATASENSE_CLUSTER", "true", "DATASENSE_CLUSTER_NAME", name));
            publisher = Cluster.join(agent).await();
            Node.start(publisher, agent).await();
            server = Cluster.join(api).await();
            Node.start(server, api).await();
        } else {
            server = Vertx.vertx();
            Node.start(server, NodeConfig.withOverrides(Map.of("DATASENSE_PORT", Integer.toString(port), "DATASENSE_DATA_DIR", data.toString(),
                    "DATASENSE_SAMPLE_DATA", "false", "DATASENSE_NODE_NAME", "wsbench"))).await();
            publisher = server;
        }
        AsyncMap<String, JsonObject> jobs = publisher.sharedData().<String, JsonObject>getAsyncMap("ds.jobs").await();
        List<String> jobIds = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String jobId = "j_bench" + i;
            jobIds.add(jobId);
            RunJob job = new RunJob(jobId, "f_bench", "bench question " + i, "offline", System.currentTimeMillis(), "c_bench" + i, null, null, null);
            jobs.put(jobId, JobStatus.running("default", job, "wsbench", false).toJson()).await();
        }

        long heapBefore = usedHeapAfterGc();
        long rssBefore = rssKb();
        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 10));
        long[][] latencies = new long[rounds][clients];
        AtomicInteger[] received = new AtomicInteger[rounds];
        CountDownLatch[] roundDone = new CountDownLatch[rounds];
        for (int r = 0; r < rounds; r++) {
            received[r] = new AtomicInteger();
            roundDone[r] = new CountDownLatch(clients);
        }
        CountDownLatch subscribed = new CountDownLatch(clients);
        List<WebSocket> sockets = new ArrayList<>();
        long connectStart = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int index = i;
            WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/ws"))
                    .map(socket -> {
                        socket.textMessageHandler(text -> {
                            long now = System.nanoTime();
                            JsonObject frame = new JsonObject(text);
                            if ("subscribed".equals(frame.getString("type"))) {
                                subscribed.countDown();
                            } else if ("step_started".equals(frame.getString("event"))) {
                                int round = frame.getInteger("index");
                                latencies[round][index] = now - Long.parseLong(frame.getString("intent"));
                                received[round].incrementAndGet();
                                roundDone[round].countDown();
                            }
                        });
                        return socket;
                    }).await();
            ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("job_id", jobIds.get(i)).encode());
            sockets.add(ws);
        }
        if (!subscribed.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (clients - subscribed.getCount()) + " of " + clients + " clients subscribed");
        }
        long connectMs = (System.nanoTime() - connectStart) / 1_000_000;
        long heapAfter = usedHeapAfterGc();
        long rssAfter = rssKb();

        for (int r = 0; r < rounds; r++) {
            int round = r;
            if (paced) {
                // the round's publishes spread over one second: a tick every 10 ms publishes a hundredth of them
                AtomicInteger next = new AtomicInteger();
                int perTick = Math.max(1, clients / 100);
                publisher.setPeriodic(10, t -> {
                    for (int k = 0; k < perTick && next.get() < clients; k++) {
                        String jobId = jobIds.get(next.getAndIncrement());
                        JobEvents.publish(publisher.eventBus(), "default", new JobEvent.StepStarted(jobId, round, "bench", Long.toString(System.nanoTime()), 1));
                    }
                    if (next.get() >= clients) {
                        publisher.cancelTimer(t);
                    }
                });
            } else {
                publisher.runOnContext(v -> {
                    for (String jobId : jobIds) {
                        JobEvents.publish(publisher.eventBus(), "default", new JobEvent.StepStarted(jobId, round, "bench", Long.toString(System.nanoTime()), 1));
                    }
                });
            }
            if (!roundDone[r].await(60, TimeUnit.SECONDS)) {
                System.out.printf("round %d: only %d of %d events arrived within 60 s%n", r, received[r].get(), clients);
            }
            Thread.sleep(100);
        }

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).filter(l -> l > 0).sorted().toArray();
        System.out.printf("%s: clients %d, rounds %d, events delivered %d of %d; %d clients connected and subscribed in %d ms%n",
                cross ? "cross-node (published on another clustered node in this JVM)" : "one node", clients, rounds, all.length, (long) clients * rounds, clients, connectMs);
        System.out.printf("publish-to-client latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%s)%n",
                pct(all, 50), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                paced ? clients + " publishes per round spread over 1 s" : "a burst of " + clients + " publishes per round");
        long[] warm = Arrays.stream(latencies).skip(1).flatMapToLong(Arrays::stream).filter(l -> l > 0).sorted().toArray();
        System.out.printf("  without the first round (each address's first publish, when the bus looks its subscribers up): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(warm, 50), pct(warm, 99), warm.length == 0 ? 0 : warm[warm.length - 1] / 1e6);
        System.out.printf("heap after full GC: %.1f MB before, %.1f MB with the clients: %.1f KB per connection (server and client sides)%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1024.0 / clients);
        System.out.printf("RSS: %d MB before, %d MB with the clients: %.1f KB per connection (both sides, one process)%n",
                rssBefore / 1024, rssAfter / 1024, (rssAfter - rssBefore) / (double) clients);

        Future.all(sockets.stream().map(WebSocket::close).toList()).await();
        client.close().await();
        clientVertx.close().await();
        server.close().await();
        if (publisher != server) {
            publisher.close().await();
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
