package datasense;

import static datasense.ApiReplies.ok;
import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boards over the REST API on a real node: an upload's generated board (its tiles asked through the ordinary ask
 * path, each with its recorded question and plan), making, renaming and deleting a board, pinning an answer, a
 * tile re-run that computes afresh and keeps the new answer, removing a tile, every refusal in the one error shape,
 * a deleted file taking its boards with it, and a file uploaded again under its name taking its boards along with
 * their tiles re-run on the new data.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class BoardApiIT {

    private TestNode node;
    private Caller caller;
    private final ShopData shop = new ShopData(150);

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_GENERATED_BOARDS", "true"));
        caller = new Caller(node, null);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private String upload(String name) {
        return ok(caller.uploadCsv(name, shop.csv()), 201).getString("file_id");
    }

    @Test
    void anUploadGetsAGeneratedBoardOfOrdinaryQuestions() throws Exception {
        String fileId = upload("generated.csv");
        JsonArray boards = ok(caller.get("/files/" + fileId + "/boards"), 200).getJsonArray("boards");
        assertThat(boards).as("made before the upload's reply").hasSize(1);
        assertThat(boards.getJsonObject(0).getString("name")).isEqualTo("Overview");
        assertThat(boards.getJsonObject(0).getBoolean("generated")).isTrue();

        JsonObject board = Polls.board(caller, boards.getJsonObject(0).getString("board_id"));
        assertThat(board.getBoolean("generating")).as("done within the poll").isNull();
        JsonArray tiles = board.getJsonArray("tiles");
        assertThat(tiles.stream().map(t -> ((JsonObject) t).getString("question"))).containsExactly("number of rows", "total Sales",
                "total Sales by month of Order Date", "total Sales by Region", "distribution of Sales",
                "correlation of Sales, Profit, Discount and Quantity");
        JsonObject byRegion = tiles.getJsonObject(3);
        assertThat(byRegion.getJsonObject("plan").getJsonArray("steps")).isNotEmpty();
        // each tile is a question of the file's history, asked the ordinary way
        JsonObject record = ok(caller.get("/questions/" + byRegion.getString("question_id")), 200);
        assertThat(record.getString("question")).isEqualTo("total Sales by Region");
        assertThat(byRegion.getJsonObject("result").getString("answer")).isEqualTo(record.getJsonObject("reply").getString("answer"));
        JsonArray rows = byRegion.getJsonObject("result").getJsonArray("results").getJsonObject(0).getJsonArray("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.getJsonArray(0).getString(0)).isEqualTo(shop.salesByRegion().entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey());

        // deleting the file takes its boards with it
        String boardId = board.getString("board_id");
        ok(caller.delete("/files/" + fileId), 200);
        refused(caller.get("/boards/" + boardId), 404, "not_found");
    }

    @Test
    void aBoardIsMadePinnedReRunRenamedAndDeleted() throws Exception {
        String fileId = upload("pins.csv");
        String otherFile = upload("other.csv");
        for (String file : new String[] {fileId, otherFile}) { // their generated boards done: no tool runs behind the test's back
            String generated = ok(caller.get("/files/" + file + "/boards"), 200).getJsonArray("boards").getJsonObject(0).getString("board_id");
            assertThat(Polls.board(caller, generated).getBoolean("generating")).isNull();
        }
        refused(caller.post("/files/" + fileId + "/boards", new JsonObject().put("name", " ")), 400, "bad_request");
        refused(caller.post("/files/f_00000000deadbeef/boards", new JsonObject().put("name", "x")), 404, "not_found");
        JsonObject board = ok(caller.post("/files/" + fileId + "/boards", new JsonObject().put("name", "Sales")), 201);
        String boardId = board.getString("board_id");
        assertThat(board.getJsonArray("tiles")).isEmpty();
        assertThat(board.containsKey("generated")).isFalse();

        JsonObject asked = ok(caller.ask(fileId, "average profit by region"), 200);
        JsonObject otherAnswer = ok(caller.ask(otherFile, "average profit by region"), 200);
        refused(caller.post("/boards/" + boardId + "/tiles", new JsonObject()), 400, "bad_request");
        refused(caller.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", "q_00000000deadbeef")), 404, "not_found");
        refused(caller.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", otherAnswer.getString("question_id"))), 400, "other_file");
        JsonObject pinned = ok(caller.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", asked.getString("question_id"))), 201);
        JsonObject tile = pinned.getJsonArray("tiles").getJsonObject(0);
        assertThat(tile.getString("title")).isEqualTo("average profit by region");
        assertThat(tile.getJsonObject("result").getJsonArray("results")).isEqualTo(asked.getJsonArray("results"));
        assertThat(tile.containsKey("refreshed_at")).isFalse();

        long runs = node.toolRuns();
        JsonObject rerun = ok(caller.post("/boards/" + boardId + "/tiles/" + tile.getString("tile_id") + "/rerun", new JsonObject()), 200);
        assertThat(node.toolRuns()).as("a re-run computes afresh").isGreaterThan(runs);
        assertThat(rerun.getString("refreshed_at")).isNotBlank();
        assertThat(rerun.getJsonObject("result").getString("rerun_of")).isEqualTo(asked.getString("question_id"));
        assertThat(rerun.getJsonObject("result").getJsonArray("results").getJsonObject(0).getJsonArray("rows"))
                .isEqualTo(asked.getJsonArray("results").getJsonObject(0).getJsonArray("rows"));
        JsonObject reopened = ok(caller.get("/boards/" + boardId), 200);
        assertThat(reopened.getJsonArray("tiles").getJsonObject(0).getString("refreshed_at")).isEqualTo(rerun.getString("refreshed_at"));
        refused(caller.post("/boards/" + boardId + "/tiles/t_00000000deadbeef/rerun", new JsonObject()), 404, "not_found");

        refused(caller.put("/boards/" + boardId, new JsonObject()), 400, "bad_request");
        assertThat(ok(caller.put("/boards/" + boardId, new JsonObject().put("name", "Sales by region")), 200).getString("name")).isEqualTo("Sales by region");
        JsonArray all = ok(caller.get("/files/" + fileId + "/boards"), 200).getJsonArray("boards");
        assertThat(all.stream().map(b -> ((JsonObject) b).getString("name"))).as("oldest first").containsExactly("Overview", "Sales by region");
        JsonObject listed = all.getJsonObject(1);
        assertThat(listed.getString("name")).isEqualTo("Sales by region");
        assertThat(listed.getInteger("tile_count")).isEqualTo(1);
        assertThat(listed.containsKey("tiles")).isFalse();

        assertThat(ok(caller.delete("/boards/" + boardId + "/tiles/" + tile.getString("tile_id")), 200).getJsonArray("tiles")).isEmpty();
        refused(caller.delete("/boards/" + boardId + "/tiles/" + tile.getString("tile_id")), 404, "not_found");
        ok(caller.delete("/boards/" + boardId), 200);
        refused(caller.get("/boards/" + boardId), 404, "not_found");
        refused(caller.delete("/boards/" + boardId), 404, "not_found");
        assertThat(ok(caller.get("/questions/" + asked.getString("question_id")), 200).getString("question"))
                .as("the pinned question stays in the history").isEqualTo("average profit by region");

        // an answer served from the question cache names the recorded question it repeats: it pins as that question
        JsonObject cached = ok(caller.ask(fileId, "total sales by region"), 200);
        assertThat(cached.getBoolean("cached")).as("asked by the generated board before").isTrue();
        String another = ok(caller.post("/files/" + fileId + "/boards", new JsonObject().put("name", "Cached")), 201).getString("board_id");
        JsonObject fromCache = ok(caller.post("/boards/" + another + "/tiles", new JsonObject().put("question_id", cached.getString("question_id"))), 201)
                .getJsonArray("tiles").getJsonObject(0);
        assertThat(fromCache.getString("question")).isEqualTo("total Sales by Region");
        assertThat(fromCache.getJsonObject("result").getJsonArray("results").getJsonObject(0).getJsonArray("rows"))
                .isEqualTo(cached.getJsonArray("results").getJsonObject(0).getJsonArray("rows"));
    }

    @Test
    void aReUploadTakesTheFilesBoardsAlongWithTheirTilesReRunOnTheNewData() throws Exception {
        String first = upload("reuploaded.csv");
        JsonObject asked = ok(caller.ask(first, "average profit by region"), 200);
        String boardId = ok(caller.post("/files/" + first + "/boards", new JsonObject().put("name", "Profit")), 201).getString("board_id");
        ok(caller.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", asked.getString("question_id"))), 201);
        JsonArray before = ok(caller.get("/boards/" + boardId), 200).getJsonArray("tiles").getJsonObject(0)
                .getJsonObject("result").getJsonArray("results").getJsonObject(0).getJsonArray("rows");

        ShopData changed = new ShopData(60); // other rows: other averages
        JsonObject reply = ok(caller.uploadCsv("reuploaded.csv", changed.csv()), 201);
        String second = reply.getString("file_id");
        assertThat(second).as("every upload is a new file").isNotEqualTo(first);
        // moved before the upload's reply: the new file lists it at once, the old one no longer does
        JsonArray boards = ok(caller.get("/files/" + second + "/boards"), 200).getJsonArray("boards");
        assertThat(boards.stream().map(b -> ((JsonObject) b).getString("board_id"))).contains(boardId);
        assertThat(ok(caller.get("/files/" + first + "/boards"), 200).getJsonArray("boards").stream()
                .map(b -> ((JsonObject) b).getString("board_id"))).doesNotContain(boardId).as("the old file keeps its generated board")
                .hasSize(1);

        JsonObject board = Polls.board(caller, boardId);
        assertThat(board.getBoolean("refreshing")).as("refreshed within the poll").isNull();
        assertThat(board.getString("file_id")).isEqualTo(second);
        JsonObject tile = board.getJsonArray("tiles").getJsonObject(0);
        assertThat(tile.getString("refreshed_at")).isNotBlank();
        JsonArray after = tile.getJsonObject("result").getJsonArray("results").getJsonObject(0).getJsonArray("rows");
        assertThat(after).isNotEqualTo(before);
        // the new answer is the new data's: the same as asking the new file afresh
        JsonObject fresh = ok(caller.ask(second, "average profit by region"), 200);
        assertThat(after).isEqualTo(fresh.getJsonArray("results").getJsonObject(0).getJsonArray("rows"));
        assertThat(ok(caller.get("/questions/" + tile.getJsonObject("result").getString("question_id")), 200).getString("file_id"))
                .as("the re-run is a question of the new file").isEqualTo(second);
    }
}
