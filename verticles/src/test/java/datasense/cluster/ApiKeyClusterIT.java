package datasense.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.NodeConfig;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API keys across two clustered node JVMs with DATASENSE_AUTH=required: the operator's first key (made with the
 * CLI, straight into the shared store) works on both nodes; a key made on one node is accepted by the other; a
 * key revoked on one node is refused by the other within a second; a token minted by one node is accepted by the
 * other; and a tenant's data is the same on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyClusterIT {

    private static final String SECRET = "cluster-it-jwt-secret-of-32-bytes-or-more";
    private static final Map<String, String> AUTH = Map.of("DATASENSE_AUTH", "required", "DATASENSE_JWT_SECRET", SECRET);
    private LoopbackCluster cluster;
    private String firstKey;

    @RegisterExtension
    final NodeLogsOnFailure logs = new NodeLogsOnFailure(() -> cluster);

    @BeforeAll
    void startCluster() throws Exception {
        cluster = LoopbackCluster.start("ApiKeyClusterIT", "a", List.of(
                new LoopbackCluster.Spec("a", "api,agent,tools,writer,ingest", false, AUTH),
                new LoopbackCluster.Spec("b", "api,agent,tools,writer,ingest", false, AUTH)), Duration.ofSeconds(90));
        firstKey = cli(cluster.dataDir, "api-key", "create", "--tenant", "acme", "--name", "first");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs the CLI as an operator would, in a JVM of its own; returns what it printed on standard output. */
    private static String cli(Path dataDir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", NodeClassPath.get(), "datasense.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        NodeConfig.SETTINGS.keySet().forEach(builder.environment()::remove);
        builder.environment().put("DATASENSE_DATA_DIR", dataDir.toString());
        builder.environment().put("DATASENSE_JWT_SECRET", SECRET);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        return out;
    }

    @Test
    void keysAndTokensWorkOnEveryNodeAndARevokedKeyStopsEverywhereWithinASecond() throws Exception {
        assertThat(firstKey).startsWith("dsk_");
        Api adminOnA = cluster.api("a").as("ApiKey " + firstKey);
        Api adminOnB = cluster.api("b").as("ApiKey " + firstKey);
        assertThat(adminOnA.get("/files").status()).isEqualTo(200);
        assertThat(adminOnB.get("/files").status()).isEqualTo(200);

        // a tenant's data is the same on both nodes
        Api.Response upload = adminOnA.uploadCsv("acme.csv", "Region,Sales\nNorth,10\nSouth,20\nNorth,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        String fileId = upload.json().getString("file_id");
        Api.Response answer = adminOnB.ask(fileId, "total sales by region");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);

        // a key made on a, used on b
        Api.Response made = adminOnA.postJson("/api-keys", new JsonObject().put("name", "reader").put("scopes", "read"), Duration.ofSeconds(10));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String key = made.json().getString("key");
        Api readerOnB = cluster.api("b").as("ApiKey " + key);
        assertThat(readerOnB.get("/files/" + fileId).status()).isEqualTo(200);
        assertThat(readerOnB.get("/files/" + fileId).status()).as("b now holds the key in its cache").isEqualTo(200);

        // revoked on a: refused on b within a second
        assertThat(adminOnA.delete("/api-keys/" + made.json().getString("key_id")).status()).isEqualTo(200);
        long revokedAt = System.nanoTime();
        Api.Response refused = readerOnB.get("/files/" + fileId);
        while (refused.status() == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(20);
            refused = readerOnB.get("/files/" + fileId);
        }
        long refusedAfterMs = (System.nanoTime() - revokedAt) / 1_000_000;
        System.out.printf("[ApiKeyClusterIT] a key revoked on node a was refused by node b after %d ms%n", refusedAfterMs);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("error")).isEqualTo("api_key_invalid");
        assertThat(refusedAfterMs).isLessThan(1_000);

        // a token minted by b (from the first key) is accepted by a
        Api.Response token = adminOnB.postJson("/auth/token", new JsonObject(), Duration.ofSeconds(10));
        assertThat(token.status()).as(token.text()).isEqualTo(200);
        Api browserOnA = cluster.api("a").as("Bearer " + token.json().getString("token"));
        assertThat(browserOnA.get("/files/" + fileId).status()).isEqualTo(200);

        // and a token from the operator's CLI, too
        String cliToken = cli(cluster.dataDir, "token", "--tenant", "acme", "--ttl", "5m", "--scopes", "read");
        assertThat(cluster.api("b").as("Bearer " + cliToken).get("/files/" + fileId).status()).isEqualTo(200);
        assertThat(cluster.api("b").as("Bearer " + cliToken).ask(fileId, "how many rows").status()).as("read only").isEqualTo(403);
    }
}
