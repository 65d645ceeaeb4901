package datasense;

import static datasense.ApiReplies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The isolation matrix, with authentication required: tenant A owns a file (and so its preview, question list and
 * board list), a question, a conversation, a job, an artifact, an API key, a board with a tile and a report of the job; tenant B
 * walks every route with A's ids (reports made from A's job, conversation, board or file among them)
 * and gets exactly what an id that never existed gets (404, or 400 unknown_file_id for /ask), never a 200 and
 * never a 403 that would confirm the id exists; A's things are all still there afterwards. Then every id and key
 * is replaced by path traversals (.., %2e%2e, NUL, encoded slashes): each is a 4xx that leaks nothing.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private TestNode node;
    private Caller a;
    private Caller b;
    private String fileId;
    private String questionId;
    private String conversationId;
    private String jobId;
    private String artifactKey;
    private String artifactUrl;
    private String keyId;
    private String bFile;
    private String boardId;
    private String tileId;
    private String reportId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        a = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-a"));
        b = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-b"));
        fileId = ok(a.uploadCsv("a.csv", new ShopData(150).csv()), 201).getString("file_id");
        bFile = ok(b.uploadCsv("b.csv", new ShopData(40).csv()), 201).getString("file_id");
        JsonObject answer = ok(a.post("/ask", new JsonObject().put("file_id", fileId).put("question", "total sales by region")), 200);
        questionId = answer.getString("question_id");
        conversationId = answer.getString("conversation_id");
        JsonObject image = answer.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> "image".equals(r.getString("type"))).findFirst().orElseThrow();
        artifactKey = image.getString("key");
        artifactUrl = image.getString("url");
        jobId = ok(a.post("/ask", new JsonObject().put("file_id", fileId).put("question", "average profit by category").put("async", true)), 202)
                .getString("job_id");
        assertThat(Polls.job(a, jobId).getString("status")).isEqualTo("done");
        keyId = ok(a.post("/api-keys", new JsonObject().put("name", "a's key")), 201).getString("key_id");
        boardId = ok(a.post("/files/" + fileId + "/boards", new JsonObject().put("name", "A's board")), 201).getString("board_id");
        tileId = ok(a.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", questionId)), 201)
                .getJsonArray("tiles").getJsonObject(0).getString("tile_id");
        reportId = ok(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", jobId))), 201).getString("report_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    /** The body as sent, less its request_id (every request has its own: X-Request-Id). */
    private static String withoutRequestId(HttpResponse<Buffer> response) {
        String id = response.getHeader("X-Request-Id");
        assertThat(response.bodyAsJsonObject().getString("request_id")).isEqualTo(id);
        return response.bodyAsString().replace(",\"request_id\":\"" + id + "\"", "");
    }

    /** A request of the matrix: its name, and how to make it for an id. */
    private record Route(String name, Function<String, HttpResponse<Buffer>> call) {
    }

    private List<Route> routes(Caller caller) {
        return List.of(
                new Route("GET /files/{file}", id -> caller.get("/files/" + id)),
                new Route("GET /files/{file}/preview", id -> caller.get("/files/" + id + "/preview")),
                new Route("GET /files/{file}/questions", id -> caller.get("/files/" + id + "/questions")),
                new Route("POST /files/{file}/complete", id -> caller.post("/files/" + id + "/complete", new JsonObject())),
                new Route("DELETE /files/{file}", id -> caller.delete("/files/" + id)),
                new Route("POST /ask {file}", id -> caller.ask(id, "total sales by region")),
                new Route("GET /questions/{question}", id -> caller.get("/questions/" + id)),
                new Route("POST /questions/{question}/rerun", id -> caller.post("/questions/" + id + "/rerun", new JsonObject())),
                new Route("DELETE /questions/{question}", id -> caller.delete("/questions/" + id)),
                new Route("GET /conversations/{conversation}", id -> caller.get("/conversations/" + id)),
                new Route("GET /jobs/{job}", id -> caller.get("/jobs/" + id)),
                new Route("GET /artifacts/{key}", id -> caller.get("/artifacts/" + id)),
                new Route("DELETE /api-keys/{key}", id -> caller.delete("/api-keys/" + id)),
                new Route("GET /files/{file}/boards", id -> caller.get("/files/" + id + "/boards")),
                new Route("POST /files/{file}/boards", id -> caller.post("/files/" + id + "/boards", new JsonObject().put("name", "mine"))),
                new Route("GET /boards/{board}", id -> caller.get("/boards/" + id)),
                new Route("PUT /boards/{board}", id -> caller.put("/boards/" + id, new JsonObject().put("name", "taken"))),
                new Route("DELETE /boards/{board}", id -> caller.delete("/boards/" + id)),
                new Route("POST /boards/{board}/tiles", id -> caller.post("/boards/" + id + "/tiles", new JsonObject().put("question_id", questionId))),
                new Route("POST /boards/{board}/tiles/{tile}/rerun", id -> caller.post("/boards/" + id + "/tiles/" + tileId + "/rerun", new JsonObject())),
                new Route("DELETE /boards/{board}/tiles/{tile}", id -> caller.delete("/boards/" + id + "/tiles/" + tileId)),
                new Route("POST /reports {job}", id -> caller.post("/reports", new JsonObject().put("from", new JsonObject().put("job", id)))),
                new Route("POST /reports {conversation}", id -> caller.post("/reports", new JsonObject().put("from", new JsonObject().put("conversation", id)))),
                new Route("POST /reports {board}", id -> caller.post("/reports", new JsonObject().put("from", new JsonObject().put("board", id)))),
                new Route("POST /reports {profile}", id -> caller.post("/reports", new JsonObject().put("from", new JsonObject().put("profile", id)))),
                new Route("GET /reports/{report}", id -> caller.get("/reports/" + id)),
                new Route("GET /reports/{report}/report.pdf", id -> caller.get("/reports/" + id + "/report.pdf")),
                new Route("GET /reports/{report}/report.md", id -> caller.get("/reports/" + id + "/report.md")),
                new Route("DELETE /reports/{report}", id -> caller.delete("/reports/" + id)));
    }

    /** A's id for each route, and an id of the same shape that never existed. */
    private Map<String, String[]> ids() {
        String unknownKey = artifactKey.replace(fileId, "f_00000000deadbeef");
        Map<String, String[]> ids = new LinkedHashMap<>();
        for (String route : List.of("GET /files/{file}", "GET /files/{file}/preview", "GET /files/{file}/questions",
                "POST /files/{file}/complete", "DELETE /files/{file}", "POST /ask {file}", "GET /files/{file}/boards", "POST /files/{file}/boards")) {
            ids.put(route, new String[] {fileId, "f_00000000deadbeef"});
        }
        for (String route : List.of("GET /questions/{question}", "POST /questions/{question}/rerun", "DELETE /questions/{question}")) {
            ids.put(route, new String[] {questionId, "q_00000000deadbeef"});
        }
        ids.put("GET /conversations/{conversation}", new String[] {conversationId, "c_00000000deadbeef"});
        ids.put("GET /jobs/{job}", new String[] {jobId, "j_00000000deadbeef"});
        ids.put("GET /artifacts/{key}", new String[] {artifactKey, unknownKey});
        ids.put("DELETE /api-keys/{key}", new String[] {keyId, "00000000deadbeef"});
        for (String route : List.of("GET /boards/{board}", "PUT /boards/{board}", "DELETE /boards/{board}", "POST /boards/{board}/tiles",
                "POST /boards/{board}/tiles/{tile}/rerun", "DELETE /boards/{board}/tiles/{tile}")) {
            ids.put(route, new String[] {boardId, "b_00000000deadbeef"});
        }
        ids.put("POST /reports {job}", new String[] {jobId, "j_00000000deadbeef"});
        ids.put("POST /reports {conversation}", new String[] {conversationId, "c_00000000deadbeef"});
        ids.put("POST /reports {board}", new String[] {boardId, "b_00000000deadbeef"});
        ids.put("POST /reports {profile}", new String[] {fileId, "f_00000000deadbeef"});
        for (String route : List.of("GET /reports/{report}", "GET /reports/{report}/report.pdf", "GET /reports/{report}/report.md",
                "DELETE /reports/{report}")) {
            ids.put(route, new String[] {reportId, "r_00000000deadbeef"});
        }
        return ids;
    }

    @Test
    void anotherTenantGetsWhatAnIdThatNeverExistedGets() {
        Map<String, String[]> ids = ids();
        for (Route route : routes(b)) {
            String[] pair = ids.get(route.name());
            HttpResponse<Buffer> theirs = route.call().apply(pair[0]);
            HttpResponse<Buffer> none = route.call().apply(pair[1]);
            assertThat(theirs.statusCode()).as(route.name() + ": " + theirs.bodyAsString()).isIn(400, 404).isEqualTo(none.statusCode());
            // word for word the same answer, but for the id the caller sent itself and each request's own request_id
            assertThat(withoutRequestId(theirs).replace(pair[0], pair[1])).as(route.name()).isEqualTo(withoutRequestId(none));
        }
        assertThat(b.get("/files").bodyAsString()).doesNotContain(fileId);
        assertThat(b.get("/api-keys").bodyAsString()).doesNotContain(keyId);
        // a signed link is proof of having been given it: with another tenant's credential it is refused outright
        HttpResponse<Buffer> link = b.get(artifactUrl);
        assertThat(link.statusCode()).isEqualTo(403);
        assertThat(link.bodyAsJsonObject().getString("error")).isEqualTo("other_tenant");

        // everything of A is still there, B's deletes notwithstanding
        assertThat(a.get("/files/" + fileId).statusCode()).isEqualTo(200);
        assertThat(a.get("/questions/" + questionId).statusCode()).isEqualTo(200);
        assertThat(a.get("/conversations/" + conversationId).bodyAsJsonObject().getJsonArray("turns")).hasSize(1);
        assertThat(a.get("/jobs/" + jobId).bodyAsJsonObject().getString("status")).isEqualTo("done");
        assertThat(a.get("/artifacts/" + artifactKey).statusCode()).isEqualTo(200);
        assertThat(a.get("/api-keys").bodyAsString()).contains(keyId);
        JsonObject board = ok(a.get("/boards/" + boardId), 200);
        assertThat(board.getString("name")).isEqualTo("A's board");
        assertThat(board.getJsonArray("tiles")).hasSize(1);
        assertThat(b.get("/files/" + bFile + "/boards").bodyAsString()).doesNotContain(boardId);
        assertThat(a.get("/reports/" + reportId + "/report.pdf").statusCode()).isEqualTo(200);
        assertThat(b.get("/reports").bodyAsString()).doesNotContain(reportId);
    }

    @Test
    void pathTraversalInEveryIdAndKeyIsA4xxThatLeaksNothing() {
        String answers = artifactKey.substring(0, artifactKey.indexOf("/answers/") + "/answers/".length());
        List<String> attacks = List.of("..", "%2e%2e", "%2E%2E", "..%2F..%2Ftenant-b", "%2e%2e%2f%2e%2e%2ftenant-b", "..%252F..",
                fileId + "%00", fileId + "%00.json", "%00", "a%2Fb", fileId + "%2F..%2F..%2Ftenant-b", "....//", "..%5C..%5C", "...", "%20");
        List<String> keyAttacks = List.of(
                "tenant-a/uploads/" + fileId + "/manifest.json",
                "tenant-a/uploads/" + fileId + "/data.csv",
                "tenant-a/uploads/" + fileId + "/data.parquet",
                "tenant-a/api-keys/" + keyId + ".json",
                "tenant-a/jobs/" + jobId + "/job.json",
                "tenant-a/conversations/" + conversationId + ".json",
                "tenant-a/questions/" + questionId + ".json",
                "tenant-b/uploads/" + bFile + "/manifest.json",
                "_index/api-keys/" + keyId + ".json",
                answers + "x/../../../manifest.json",
                answers + "x/%2e%2e/%2e%2e/%2e%2e/manifest.json",
                answers + "x/..%2F..%2F..%2Fmanifest.json",
                answers + "x/%252e%252e/manifest.json",
                answers + "x/charts%00.png",
                "tenant-a%2Fuploads%2F" + fileId + "%2Fdata.csv",
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "tenant-a/uploads/" + fileId + "/answers/../data.csv",
                "/etc/passwd");
        for (Route route : routes(a)) {
            List<String> tries = route.name().startsWith("GET /artifacts") ? keyAttacks : attacks;
            for (String attack : tries) {
                HttpResponse<Buffer> response = route.call().apply(attack);
                String what = route.name() + " with " + attack + ": " + response.bodyAsString();
                assertThat(response.statusCode()).as(what).isBetween(400, 499);
                String body = response.bodyAsString();
                assertThat(body).as(what).doesNotContain("\"rows\"", "\"turns\"", "\"hash\"", "root:", "\"schema\"", "PAR1");
            }
        }
        // ids in bodies too
        assertThat(a.post("/ask", new JsonObject().put("file_id", "../tenant-b/uploads/" + bFile).put("question", "x")).statusCode()).isEqualTo(400);
        assertThat(a.post("/ask", new JsonObject().put("file_id", fileId).put("question", "x").put("conversation_id", "../" + conversationId))
                .bodyAsJsonObject().getString("message")).contains("'conversation_id'");
        // nothing was deleted on the way
        assertThat(a.get("/files/" + fileId).statusCode()).isEqualTo(200);
        assertThat(a.get("/boards/" + boardId).statusCode()).isEqualTo(200);
        assertThat(b.get("/files/" + bFile).statusCode()).isEqualTo(200);
        assertThat(node.client.request(HttpMethod.GET, "/health").send().await().statusCode()).isEqualTo(200);
    }
}
