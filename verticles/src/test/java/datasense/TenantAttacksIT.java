package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attacks issue 9 found on the API as it stood, each replayed by a second tenant (bob) against the first
 * (alice) on a node that requires authentication: none may reach alice's data.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("fault")
class TenantAttacksIT {

    private final ShopData shop = new ShopData(200);
    private TestNode node;
    private Caller alice;
    private Caller bob;
    private String aliceFile;
    private String bobFile;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        alice = Caller.bearer(node, TestTokens.forTenant(vertx, "alice"));
        bob = Caller.bearer(node, TestTokens.forTenant(vertx, "bob"));
        aliceFile = created(alice.uploadCsv("alice.csv", shop.csv())).getString("file_id");
        bobFile = created(bob.uploadCsv("bob.csv", new ShopData(50).csv())).getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private static JsonObject created(HttpResponse<Buffer> upload) {
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        return upload.bodyAsJsonObject();
    }

    @Test
    void askingAboutAnotherTenantsFileIsLikeAskingAboutNoFile() {
        HttpResponse<Buffer> stolen = bob.ask(aliceFile, "total sales by region");
        HttpResponse<Buffer> unknown = bob.ask("f_0000000000000000", "total sales by region");
        assertThat(stolen.statusCode()).as(stolen.bodyAsString()).isEqualTo(400);
        assertThat(stolen.bodyAsJsonObject().getString("error")).isEqualTo(unknown.bodyAsJsonObject().getString("error"))
                .isEqualTo("unknown_file_id");
        assertThat(stolen.bodyAsString()).doesNotContain("Sales", "alice");
    }

    @Test
    void anotherTenantsJobIsNotFound() throws Exception {
        HttpResponse<Buffer> accepted = alice.post("/ask", new JsonObject().put("file_id", aliceFile)
                .put("question", "average profit per category").put("async", true));
        assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(202);
        String jobId = accepted.bodyAsJsonObject().getString("job_id");
        JsonObject done = Polls.job(alice, jobId);
        assertThat(done.getString("status")).isEqualTo("done");
        HttpResponse<Buffer> stolen = bob.get("/jobs/" + jobId);
        assertThat(stolen.statusCode()).as(stolen.bodyAsString()).isEqualTo(404);
        assertThat(stolen.bodyAsString()).doesNotContain("Profit");
    }

    @Test
    void rawUploadsAreNeverServedAsArtifacts() {
        for (String key : new String[] {"alice/uploads/" + aliceFile + "/data.csv", "default/uploads/" + aliceFile + "/data.csv",
                "alice/uploads/" + aliceFile + "/manifest.json", "alice/uploads/" + aliceFile + "/data.parquet"}) {
            assertThat(bob.get("/artifacts/" + key).statusCode()).as("bob: " + key).isEqualTo(404);
            assertThat(alice.get("/artifacts/" + key).statusCode()).as("alice: " + key).isEqualTo(404);
        }
        // naming another tenant as user_id is refused for what it is, whatever the key
        HttpResponse<Buffer> asOther = bob.get("/artifacts/default/uploads/" + aliceFile + "/data.csv?user_id=default");
        assertThat(asOther.statusCode()).isEqualTo(403);
        assertThat(asOther.bodyAsJsonObject().getString("error")).isEqualTo("tenant_mismatch");
    }

    @Test
    void theFileOwnerIndexIsNeverServed() {
        for (String uri : new String[] {"/artifacts/_index/files/" + aliceFile + ".json", "/artifacts/_index/files/" + aliceFile + ".json?user_id=_index"}) {
            HttpResponse<Buffer> index = bob.get(uri);
            assertThat(index.statusCode()).as(uri + ": " + index.bodyAsString()).isIn(403, 404);
            assertThat(index.bodyAsString()).doesNotContain("alice", "tenant\":");
        }
    }

    @Test
    void aStrangerCannotAddTurnsToAConversationByNamingIt() {
        HttpResponse<Buffer> first = alice.post("/ask", new JsonObject().put("file_id", aliceFile)
                .put("question", "total sales by category").put("conversation_id", "team-thread"));
        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(200);

        // bob names alice's file and her conversation: the file is not his
        assertThat(bob.post("/ask", new JsonObject().put("file_id", aliceFile).put("question", "now only for the West")
                .put("conversation_id", "team-thread")).statusCode()).isEqualTo(400);
        // bob names her conversation about his own file: he gets a conversation of his own under that id
        HttpResponse<Buffer> own = bob.post("/ask", new JsonObject().put("file_id", bobFile).put("question", "how many orders")
                .put("conversation_id", "team-thread"));
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(200);

        JsonObject hers = alice.get("/conversations/team-thread").bodyAsJsonObject();
        assertThat(hers.getString("file_id")).isEqualTo(aliceFile);
        assertThat(hers.getJsonArray("turns").stream().map(t -> ((JsonObject) t).getString("question")))
                .containsExactly("total sales by category");
        JsonObject his = bob.get("/conversations/team-thread").bodyAsJsonObject();
        assertThat(his.getString("file_id")).isEqualTo(bobFile);
        assertThat(his.getJsonArray("turns").stream().map(t -> ((JsonObject) t).getString("question")))
                .containsExactly("how many orders");
    }
}
