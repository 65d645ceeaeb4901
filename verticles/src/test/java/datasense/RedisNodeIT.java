package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node with REDIS_URL against a real redis-server: answers are cached in Redis (a second node sharing the
 * Redis answers from it without a tool run), files and jobs are indexed there, and when Redis goes away the
 * node keeps answering without its cache, says degraded on /health, and recovers by itself when Redis is back.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisNodeIT {

    private RedisServerProcess redis;
    private TestNode node;
    private TestNode second;
    private Vertx secondVertx;
    private String fileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        redis = RedisServerProcess.start();
        Map<String, String> settings = Map.of("REDIS_URL", redis.url(), "DATASENSE_SAMPLE_DATA", "false");
        node = TestNode.start(vertx, settings);
        fileId = node.uploadCsv("shop.csv", new ShopData(200).csv()).bodyAsJsonObject().getString("file_id");
        // a second node on its own Vert.x and data folder shares nothing with the first but Redis
        secondVertx = Vertx.vertx();
        second = TestNode.start(secondVertx, settings);
    }

    @AfterAll
    void stop() {
        node.close();
        second.close();
        secondVertx.close().await();
        redis.close();
    }

    private JsonObject health(TestNode n) {
        return n.get("/health").bodyAsJsonObject();
    }

    @Test
    void answersFilesAndJobsLiveInRedis(Vertx vertx) {
        JsonObject first = node.ask(fileId, "total profit by category").bodyAsJsonObject();
        assertThat(first.getBoolean("cached")).isFalse();
        assertThat(health(node).getJsonObject("cache").getString("backend")).isEqualTo("redis");

        // the second node has no such file in its own store, yet the cached answer is found in Redis
        long secondRuns = second.toolRuns();
        HttpResponse<Buffer> shared = second.ask(fileId, "total profit by category");
        assertThat(shared.statusCode()).as(shared.bodyAsString()).isEqualTo(200);
        assertThat(shared.bodyAsJsonObject().getBoolean("cached")).isTrue();
        assertThat(shared.bodyAsJsonObject().getJsonArray("results").getJsonObject(0).getJsonArray("rows"))
                .isEqualTo(first.getJsonArray("results").getJsonObject(0).getJsonArray("rows"));
        assertThat(second.toolRuns()).isEqualTo(secondRuns);

        // the file and the job are indexed: listed and found through Redis
        assertThat(node.get("/files").bodyAsJsonObject().getJsonArray("files").stream()
                .map(f -> ((JsonObject) f).getString("file_id"))).containsExactly(fileId);
        JsonObject job = node.get("/jobs/" + first.getString("job_id")).bodyAsJsonObject();
        assertThat(job.getString("status")).isEqualTo("done");

        // the job's checkpoints went to Redis, not to the object store
        String jobId = first.getString("job_id");
        var client = Redis.createClient(vertx, redis.url());
        try {
            Response checkpoint = client.send(Request.cmd(Command.GET).arg("ds:checkpoint:" + jobId)).await();
            assertThat(checkpoint).isNotNull();
            assertThat(new JsonObject(checkpoint.toBuffer()).getString("threadId")).isEqualTo(jobId);
        } finally {
            client.close();
        }
        assertThat(node.dataDir.resolve("default/jobs/" + jobId + "/checkpoint.json")).doesNotExist();
        assertThat(node.dataDir.resolve("default/jobs/" + jobId + "/job.json")).exists();
    }

    @Test
    @Tag("fault")
    void aStaleRunningEntryInTheIndexGivesWayToTheJobsRecord(Vertx vertx) {
        String jobId = node.ask(fileId, "total sales by region").bodyAsJsonObject().getString("job_id");
        // the index says running, as after a lost write or a split cluster's merge, though the job ended
        JsonObject stale = new JsonObject().put("job_id", jobId).put("status", "running").put("tenant", "default")
                .put("file_id", fileId).put("question", "total sales by region");
        var client = Redis.createClient(vertx, redis.url());
        try {
            client.send(Request.cmd(Command.SET).arg("ds:job:" + jobId).arg(stale.encode()).arg("PX").arg(600_000)).await();
            JsonObject job = node.get("/jobs/" + jobId).bodyAsJsonObject();
            assertThat(job.getString("status")).as(job.encode()).isEqualTo("done");
            assertThat(job.getJsonObject("result").getString("answer")).isNotBlank();
            Response repaired = client.send(Request.cmd(Command.GET).arg("ds:job:" + jobId)).await();
            assertThat(new JsonObject(repaired.toString()).getString("status")).as("the index is put right").isEqualTo("done");
        } finally {
            client.close();
        }
    }

    @Test
    @Tag("fault")
    void withoutRedisTheNodeAnswersDegradedAndRecoversByItself() throws Exception {
        redis.kill();
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"degraded".equals(health(node).getString("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        JsonObject degraded = health(node);
        assertThat(degraded.getString("status")).isEqualTo("degraded");
        assertThat(degraded.getJsonObject("cache").getString("status")).isEqualTo("degraded");

        long before = System.nanoTime();
        HttpResponse<Buffer> answer = node.ask(fileId, "average discount by region");
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        assertThat(answer.bodyAsJsonObject().getBoolean("cached")).isFalse();
        assertThat((System.nanoTime() - before) / 1_000_000).as("no waiting on a dead cache").isLessThan(3_000);
        // the catalog falls back to the object store, the system of record
        assertThat(node.get("/files/" + fileId).statusCode()).isEqualTo(200);
        assertThat(node.get("/files").bodyAsJsonObject().getJsonArray("files")).hasSize(1);

        redis.restart();
        deadline = System.currentTimeMillis() + 15_000;
        while (!"ready".equals(health(node).getString("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(health(node).getString("status")).isEqualTo("ready");
        node.ask(fileId, "median quantity by region");
        assertThat(node.ask(fileId, "median quantity by region").bodyAsJsonObject().getBoolean("cached"))
                .as("the cache works again").isTrue();
    }
}
