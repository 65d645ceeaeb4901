package datasense;

import static datasense.ApiReplies.ok;
import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Versions and drift end to end over HTTP on a real node with authentication. Tenant A uploads sales.csv (200 rows),
 * makes two boards on it and pins one to that version, then uploads sales.csv again: 300 rows whose amounts moved up
 * by 100, whose regions lost West and gained East, with {@code note} dropped, {@code channel} added and {@code code}
 * turned from numbers to text, while {@code units} kept its distribution. The versions list, the drift report, the
 * profile's warning (JSON and page), the boards (the pinned one stays, the other moves), tenant B and bad versions are
 * checked.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class VersionsIT {

    private TestNode node;
    private Caller a;
    private Caller b;
    private String v1;
    private String v2;
    private String other;
    private String pinnedBoard;
    private String followingBoard;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_GENERATED_BOARDS", "false")));
        a = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-a"));
        b = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-b"));
        String first = "order_id,region,amount,units,note,code\n" + IntStream.range(0, 200)
                .mapToObj(i -> String.format("%d,%s,%d.5,%d,n%d,%d", i + 1, List.of("North", "South", "West").get(i % 3),
                        10 + i % 50, 1 + i % 5, i % 3, i % 7))
                .collect(Collectors.joining("\n")) + "\n";
        String second = "order_id,region,amount,units,code,channel\n" + IntStream.range(0, 300)
                .mapToObj(i -> String.format("%d,%s,%d.5,%d,C%d,%s", i + 1, List.of("North", "South", "East").get(i % 3),
                        110 + i % 50, 1 + i % 5, i % 7, i % 2 == 0 ? "web" : "store"))
                .collect(Collectors.joining("\n")) + "\n";
        v1 = created(a.uploadCsv("sales.csv", first)).getString("file_id");
        other = created(a.uploadCsv("other.csv", first)).getString("file_id");
        pinnedBoard = created(a.post("/files/" + v1 + "/boards", new JsonObject().put("name", "As of January"))).getString("board_id");
        followingBoard = created(a.post("/files/" + v1 + "/boards", new JsonObject().put("name", "Latest sales"))).getString("board_id");
        JsonObject pinned = ok(a.put("/boards/" + pinnedBoard, new JsonObject().put("pinned", true)));
        assertThat(pinned.getBoolean("pinned")).isTrue();
        JsonObject uploaded = created(a.uploadCsv("sales.csv", second));
        assertThat(uploaded.getInteger("version")).as("the upload's reply names its version").isEqualTo(2);
        assertThat(uploaded.getBoolean("latest")).isTrue();
        v2 = uploaded.getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private static JsonObject created(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private static JsonObject column(JsonObject drift, String name) {
        return drift.getJsonArray("columns").stream().map(c -> (JsonObject) c)
                .filter(c -> name.equals(c.getString("column"))).findFirst().orElseThrow();
    }

    @Test
    void theVersionsAreListedNewestFirstWithTheLatestMarked() {
        JsonObject versions = ok(a.get("/files/" + v1 + "/versions"));
        assertThat(versions.getString("name")).isEqualTo("sales.csv");
        assertThat(versions.getString("project")).isEqualTo("default");
        JsonArray list = versions.getJsonArray("versions");
        assertThat(list).hasSize(2);
        assertThat(list.getJsonObject(0).getString("file_id")).isEqualTo(v2);
        assertThat(list.getJsonObject(0).getInteger("version")).isEqualTo(2);
        assertThat(list.getJsonObject(0).getBoolean("latest")).isTrue();
        assertThat(list.getJsonObject(0).getLong("rows")).isEqualTo(300);
        assertThat(list.getJsonObject(0).getInteger("columns")).isEqualTo(6);
        assertThat(list.getJsonObject(1).getString("file_id")).isEqualTo(v1);
        assertThat(list.getJsonObject(1).getInteger("version")).isEqualTo(1);
        assertThat(list.getJsonObject(1).getBoolean("latest")).isFalse();
        assertThat(ok(a.get("/files/" + v2 + "/versions")).getJsonArray("versions")).isEqualTo(list);

        // the manifest and the catalog say the same
        JsonObject first = ok(a.get("/files/" + v1));
        assertThat(first.getInteger("version")).isEqualTo(1);
        assertThat(first.getBoolean("latest")).isFalse();
        JsonObject catalogued = ok(a.get("/files")).getJsonArray("files").stream().map(f -> (JsonObject) f)
                .filter(f -> v2.equals(f.getString("file_id"))).findFirst().orElseThrow();
        assertThat(catalogued.getInteger("version")).isEqualTo(2);
        assertThat(catalogued.getBoolean("latest")).isTrue();
        // a file of another name is a version of nothing else
        assertThat(ok(a.get("/files/" + other + "/versions")).getJsonArray("versions")).hasSize(1);
    }

    @Test
    void theDriftReportNamesTheChanges() {
        JsonObject drift = ok(a.get("/files/" + v2 + "/drift"));
        assertThat(drift.getString("from")).isEqualTo(v1);
        assertThat(drift.getString("to")).isEqualTo(v2);
        assertThat(drift.getInteger("from_version")).isEqualTo(1);
        assertThat(drift.getInteger("to_version")).isEqualTo(2);
        JsonObject schema = drift.getJsonObject("schema");
        assertThat(schema.getJsonArray("added").getList()).containsExactly("channel");
        assertThat(schema.getJsonArray("removed").getList()).containsExactly("note");
        assertThat(schema.getJsonArray("retyped")).containsExactly(new JsonObject().put("column", "code").put("from", "BIGINT").put("to", "VARCHAR"));
        JsonObject rows = drift.getJsonObject("rows");
        assertThat(rows.getLong("from")).isEqualTo(200);
        assertThat(rows.getLong("to")).isEqualTo(300);
        assertThat(rows.getLong("change")).isEqualTo(100);
        assertThat(rows.getDouble("change_pct")).isEqualTo(50.0);

        JsonObject amount = column(drift, "amount");
        assertThat(amount.getString("kind")).isEqualTo("numeric");
        assertThat(amount.getDouble("psi")).isGreaterThanOrEqualTo(0.2);
        assertThat(amount.getDouble("ks")).isEqualTo(1.0); // every new amount is above every old one
        assertThat(amount.getBoolean("drifted")).isTrue();
        assertThat(amount.getDouble("mean_to") - amount.getDouble("mean_from")).isEqualTo(100.0);
        JsonObject units = column(drift, "units");
        assertThat(units.getDouble("psi")).isLessThan(0.1);
        assertThat(units.getBoolean("drifted")).isFalse();
        JsonObject region = column(drift, "region");
        assertThat(region.getString("kind")).isEqualTo("categorical");
        assertThat(region.getJsonArray("new_categories").getList()).containsExactly("East");
        assertThat(region.getJsonArray("vanished_categories").getList()).containsExactly("West");
        assertThat(drift.getJsonArray("drifted_columns").getList()).contains("amount", "region").doesNotContain("units");
        assertThat(drift.getJsonArray("warnings").getList()).contains("Columns added: channel.", "Columns removed: note.");
        assertThat(drift.getJsonObject("thresholds").getDouble("psi_drifted")).isEqualTo(0.2);

        // kept beside the later version, so it is computed once
        assertThat(node.dataDir.resolve("tenant-a/uploads/" + v2 + "/drift/" + v1 + ".json")).exists();

        // named explicitly, the same report; the other way round, the shift reversed
        assertThat(ok(a.get("/files/" + v1 + "/drift?from=" + v1 + "&to=" + v2)).getJsonObject("schema")).isEqualTo(schema);
        JsonObject back = ok(a.get("/files/" + v1 + "/drift?from=" + v2 + "&to=" + v1));
        assertThat(back.getJsonObject("schema").getJsonArray("added").getList()).containsExactly("note");
        assertThat(column(back, "amount").getBoolean("drifted")).isTrue();
    }

    @Test
    void theProfileOfTheNewVersionCarriesTheDriftWarning() {
        JsonObject profile = ok(a.get("/files/" + v2 + "/profile"));
        JsonObject drift = profile.getJsonObject("drift");
        assertThat(drift).as("the profile of version 2").isNotNull();
        assertThat(drift.getString("from")).isEqualTo(v1);
        assertThat(drift.getInteger("from_version")).isEqualTo(1);
        assertThat(drift.getInteger("version")).isEqualTo(2);
        assertThat(drift.getJsonArray("drifted_columns").getList()).contains("amount", "region");
        assertThat(drift.getString("summary")).contains("amount", "rows 200 → 300 (+50.0%)");
        assertThat(ok(a.get("/files/" + v1 + "/profile")).containsKey("drift")).as("the first version has none").isFalse();

        HttpResponse<Buffer> page = a.get("/files/" + v2 + "/profile.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("Drift warning: version 2 against version 1", "Column amount drifted",
                "Columns added: channel.", "Column region: 1 new category (East), 1 vanished (West).");
        assertThat(a.get("/files/" + v1 + "/profile.html").bodyAsString()).doesNotContain("Drift warning");
    }

    @Test
    void aPinnedBoardStaysOnItsVersionWhileAnUnpinnedOneMoves() throws Exception {
        JsonObject pinned = ok(a.get("/boards/" + pinnedBoard));
        assertThat(pinned.getString("file_id")).isEqualTo(v1);
        assertThat(pinned.getBoolean("pinned")).isTrue();
        assertThat(pinned.getBoolean("refreshing")).isNull();
        JsonObject following = Polls.board(a, followingBoard);
        assertThat(following.getString("file_id")).isEqualTo(v2);
        assertThat(following.containsKey("pinned")).isFalse();
        assertThat(ok(a.get("/files/" + v1 + "/boards")).getJsonArray("boards").stream()
                .map(x -> ((JsonObject) x).getString("board_id"))).containsExactly(pinnedBoard);
        refused(a.put("/boards/" + pinnedBoard, new JsonObject().put("pinned", "yes")), 400, "bad_request");
        refused(a.put("/boards/" + pinnedBoard, new JsonObject()), 400, "bad_request");
        // unpinned, it would follow the next version again; pinned back, it stays
        assertThat(ok(a.put("/boards/" + pinnedBoard, new JsonObject().put("pinned", false))).containsKey("pinned")).isFalse();
        assertThat(ok(a.put("/boards/" + pinnedBoard, new JsonObject().put("pinned", true))).getBoolean("pinned")).isTrue();
    }

    @Test
    void anotherTenantAndBadVersionsAreRefused() {
        refused(b.get("/files/" + v2 + "/versions"), 404, "not_found");
        refused(b.get("/files/" + v2 + "/drift"), 404, "not_found");
        refused(a.get("/files/" + v2 + "/drift?from=f_000000000000"), 404, "not_found");
        refused(a.get("/files/" + v2 + "/drift?from=" + other), 404, "not_found");
        refused(a.get("/files/" + v2 + "/drift?from=" + v2), 400, "same_version");
        refused(a.get("/files/" + v1 + "/drift"), 404, "no_earlier_version");
        refused(a.get("/files/" + v1 + "/drift?from=../../x"), 404, "not_found");
    }
}
