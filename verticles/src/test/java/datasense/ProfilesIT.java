package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Profiles end to end over HTTP on a real node with authentication: tenant A uploads customers (40 rows: a unique
 * customer_id, an email column, a constant country, notes missing on every fourth row) and orders (120 rows whose
 * customer_id runs over C001..C050, so 40 of its 50 distinct ids are customers); the profiles carry those values, the
 * join hint between the two with its overlap, the page fetches nothing, tenant B gets 404, and deleting customers
 * takes the hint away.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProfilesIT {

    private TestNode node;
    private Caller a;
    private Caller b;
    private String customers;
    private String orders;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false")));
        a = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-a"));
        b = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-b"));
        String customersCsv = "customer_id,email,country,segment,notes\n" + IntStream.rangeClosed(1, 40)
                .mapToObj(i -> String.format("C%03d,user%d@example.com,US,%s,%s", i, i, i % 2 == 0 ? "Consumer" : "Corporate",
                        i % 4 == 0 ? "" : "note " + i))
                .collect(Collectors.joining("\n")) + "\n";
        String ordersCsv = "order_id,customer_id,amount\n" + IntStream.rangeClosed(1, 120)
                .mapToObj(i -> String.format("O%04d,C%03d,%d.5", i, 1 + (i - 1) % 50, i))
                .collect(Collectors.joining("\n")) + "\n";
        customers = created(a.uploadCsv("customers.csv", customersCsv)).getString("file_id");
        orders = created(a.uploadCsv("orders.csv", ordersCsv)).getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private static JsonObject created(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private JsonObject profile(String fileId) {
        HttpResponse<Buffer> response = a.get("/files/" + fileId + "/profile");
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private static JsonObject column(JsonObject profile, String name) {
        return profile.getJsonArray("columns").stream().map(c -> (JsonObject) c)
                .filter(c -> name.equals(c.getString("name"))).findFirst().orElseThrow();
    }

    private static boolean alerted(JsonObject profile, String column, String kind) {
        return profile.getJsonArray("alerts").stream().map(x -> (JsonObject) x)
                .anyMatch(x -> column.equals(x.getString("column")) && kind.equals(x.getString("kind")));
    }

    @Test
    void theProfileHoldsTheTablesRealValues() {
        JsonObject p = profile(customers);
        assertThat(p.getString("file_id")).isEqualTo(customers);
        assertThat(p.getLong("rows")).isEqualTo(40);
        assertThat(column(p, "notes").getDouble("missing_pct")).isEqualTo(25.0);
        assertThat(column(p, "email").getJsonObject("text").getString("pattern")).isEqualTo("email");
        assertThat(alerted(p, "country", "constant")).isTrue();
        assertThat(p.getJsonArray("candidate_keys").getList()).contains(List.of("customer_id"), List.of("email"));
        JsonObject segment = column(p, "segment");
        assertThat(segment.getJsonArray("top_values").getJsonObject(0).getLong("count")).isEqualTo(20);

        JsonObject amount = column(profile(orders), "amount").getJsonObject("numbers");
        assertThat(amount.getDouble("min")).isEqualTo(1.5);
        assertThat(amount.getDouble("max")).isEqualTo(120.5);
        assertThat(amount.getDouble("median")).isEqualTo(61.0);
        assertThat(column(profile(orders), "amount").getJsonObject("histogram").getJsonArray("bins")).hasSize(20);
    }

    @Test
    void aJoinHintLinksOrdersToCustomersWithItsOverlap() throws Exception {
        // hints are measured after the upload is answered
        JsonArray hints = Polls.until(() -> profile(orders).getJsonArray("join_hints"), h -> !h.isEmpty());
        assertThat(hints).hasSize(1);
        JsonObject hint = hints.getJsonObject(0);
        assertThat(hint.getString("file_id")).isEqualTo(orders);
        assertThat(hint.getString("column")).isEqualTo("customer_id");
        assertThat(hint.getString("other_file_id")).isEqualTo(customers);
        assertThat(hint.getString("other_key")).isEqualTo("customer_id");
        assertThat(hint.getLong("distinct")).isEqualTo(50);
        assertThat(hint.getLong("matched")).isEqualTo(40);
        assertThat(hint.getDouble("overlap")).isEqualTo(80.0);
        // the same hint shows on the other side, and is kept as the project's metadata, JSON and Markdown
        assertThat(profile(customers).getJsonArray("join_hints")).containsExactly(hint);
        String markdown = Files.readString(node.dataDir.resolve("tenant-a/projects/default/join_hints.md"));
        assertThat(markdown).contains("`customer_id`", "| 50 | 40 | 80.0% |");
    }

    @Test
    void thePageIsSelfContained() throws Exception {
        Polls.until(() -> profile(orders).getJsonArray("join_hints"), h -> !h.isEmpty());
        HttpResponse<Buffer> page = a.get("/files/" + orders + "/profile.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        String html = page.bodyAsString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Profile of orders.csv", "<svg", "80.0% (40 of 50");
        assertThat(html).doesNotContainPattern("(?i)<script|<link|<img|<iframe|src=|href=|@import|url\\(")
                .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg\")");
    }

    @Test
    void anotherTenantGets404() {
        for (String path : List.of("/files/" + customers + "/profile", "/files/" + customers + "/profile.html")) {
            HttpResponse<Buffer> response = b.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
        }
        assertThat(b.get("/files/nope/profile").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingAFileTakesItsHintsAway() throws Exception {
        String copy = created(a.uploadCsv("customers_copy.csv", "customer_id,name\nC001,x\nC002,y\nC003,z\n")).getString("file_id");
        assertThat(Polls.until(() -> profile(copy).getJsonArray("join_hints"), h -> !h.isEmpty())).isNotEmpty();
        assertThat(a.delete("/files/" + copy).statusCode()).isEqualTo(200);
        java.util.function.Predicate<JsonArray> withoutCopy = hints -> hints.stream()
                .noneMatch(h -> copy.equals(((JsonObject) h).getString("other_file_id")));
        assertThat(withoutCopy.test(Polls.until(() -> profile(orders).getJsonArray("join_hints"), withoutCopy))).isTrue();
        assertThat(a.get("/files/" + copy + "/profile").statusCode()).isEqualTo(404);
    }
}
