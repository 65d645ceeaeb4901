package datasense;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;

/**
 * A real node for end-to-end tests, deployed on the Vert.x instance vertx-junit5 gives the test: its own free
 * port, its own data folder, and a web client to ask it.
 */
final class TestNode implements AutoCloseable {

    final Vertx vertx;
    final NodeConfig config;
    final WebClient client;
    final Path dataDir;
    private final Map<String, String> settings;

    private TestNode(Vertx vertx, NodeConfig config, Path dataDir, Map<String, String> settings) {
        this.vertx = vertx;
        this.config = config;
        this.dataDir = dataDir;
        this.settings = settings;
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(config.port()));
    }

    static TestNode start(Vertx vertx, Map<String, String> settings) throws IOException {
        return start(vertx, settings, null);
    }

    /** A node whose meters go to {@code registry}, the one {@code vertx} reports into (NodeMetrics.builder); null: its own. */
    static TestNode start(Vertx vertx, Map<String, String> settings, PrometheusMeterRegistry registry) throws IOException {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("DATASENSE_PORT", Integer.toString(freePort()));
        if (!all.containsKey("DATASENSE_DATA_DIR")) {
            all.put("DATASENSE_DATA_DIR", TempFolders.create("datasense-test").toString());
        }
        Path dataDir = Path.of(all.get("DATASENSE_DATA_DIR"));
        all.put("DATASENSE_NODE_NAME", "test-node");
        all.putIfAbsent("DATASENSE_SIGNING_KEY", "test-signing-key");
        // a generated board asks questions after each upload; only the tests of boards want that going on
        all.putIfAbsent("DATASENSE_GENERATED_BOARDS", "false");
        NodeConfig config = NodeConfig.withOverrides(all);
        if (registry == null) {
            Node.start(vertx, config).await();
        } else {
            Node.start(vertx, config, registry).await();
        }
        return new TestNode(vertx, config, dataDir, Map.copyOf(all));
    }

    /**
     * This node started again on {@code fresh}, a new Vert.x: the same port, data folder and settings, as a node
     * restarted by its operator. Close this node's Vert.x first (that stops it and frees the port).
     */
    TestNode restartOn(Vertx fresh) throws IOException {
        client.close();
        return start(fresh, settings);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<Buffer> post(String uri, JsonObject body) {
        return client.post(uri).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> get(String uri) {
        return client.get(uri).send().await();
    }

    HttpResponse<Buffer> delete(String uri) {
        return client.delete(uri).send().await();
    }

    HttpResponse<Buffer> ask(String fileId, String question) {
        return post("/ask", new JsonObject().put("file_id", fileId).put("question", question));
    }

    HttpResponse<Buffer> uploadCsv(String name, String csv) {
        return client.post("/files").addQueryParam("name", name).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv)).await();
    }

    /** Uploads a CSV that must be accepted (201, or the test fails with the reply) and returns its file id. */
    String uploadedFileId(String name, String csv) {
        HttpResponse<Buffer> upload = uploadCsv(name, csv);
        Assertions.assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        return upload.bodyAsJsonObject().getString("file_id");
    }

    long toolRuns() {
        return get("/health").bodyAsJsonObject().getLong("tool_runs");
    }

    /** Closes the client; the extension closes the Vert.x instance and with it the node. */
    @Override
    public void close() {
        client.close();
    }
}
