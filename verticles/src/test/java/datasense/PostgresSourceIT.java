package datasense;

import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The Postgres source end to end: a real node over HTTP and a real PostgreSQL server ({@link PostgresServerProcess}).
 * A project secret is put, listed by name only and deleted; two tables become two files whose questions are
 * answered with the right numbers, a query becomes one file, a changed row shows after a refresh (a new version of
 * the same name); a wrong password, an unreachable server, a password in the URL, an unknown secret and a node
 * without a secrets key are refused with their own statuses, and the password appears in no reply, no stored
 * object in clear and no log line of the node.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
class PostgresSourceIT {

    private static final String PASSWORD = "Pg-s3cret-Pa55-xyzzy";
    private static final String WRONG = "Wrong-pa55-plugh";
    private PostgresServerProcess pg;
    private TestNode node;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        logs.start();
        root.addAppender(logs);
        pg = PostgresServerProcess.start(PASSWORD);
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, region text, amount numeric(10,2), customer_id int)");
            st.execute("INSERT INTO orders VALUES (1, 'East', 10.50, 1), (2, 'West', 20.25, 2), (3, 'East', 5.00, 3)");
            st.execute("CREATE TABLE customers (customer_id int PRIMARY KEY, segment text, credit numeric(10,2))");
            st.execute("INSERT INTO customers VALUES (1, 'Retail', 100), (2, 'Retail', 250), (3, 'Wholesale', 1000)");
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false",
                "DATASENSE_SECRETS_KEY", Base64.getEncoder().encodeToString(key)));
    }

    @AfterAll
    void stop() {
        root.detachAppender(logs);
        if (node != null) {
            node.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private HttpResponse<Buffer> putSecret(TestNode on, String name, String value) {
        return on.client.put("/projects/default/secrets/" + name).sendJsonObject(new JsonObject().put("value", value)).await();
    }

    private HttpResponse<Buffer> importPg(JsonObject body) {
        return node.post("/sources/postgres", body);
    }

    private static JsonObject created(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        return response.bodyAsJsonObject();
    }

    private static void assertError(HttpResponse<Buffer> response, int status, String error) {
        refused(response, status, error);
        assertThat(response.bodyAsString()).doesNotContain(PASSWORD).doesNotContain(WRONG);
    }

    private JsonObject askOk(String fileId, String question) {
        HttpResponse<Buffer> response = node.ask(fileId, question);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).as(body.encodePrettily()).isEqualTo("ok");
        return body;
    }

    /** The first number of the first row of the answer's first table. */
    private static double firstNumber(JsonObject answer) {
        JsonArray rows = answer.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("type").equals("table")).findFirst().orElseThrow().getJsonArray("rows");
        return rows.getJsonArray(0).stream().filter(v -> v instanceof Number).map(v -> ((Number) v).doubleValue())
                .findFirst().orElseThrow();
    }

    private double firstNumber(String fileId, String question) {
        return firstNumber(askOk(fileId, question));
    }

    private JsonObject orders() {
        return new JsonObject().put("url", pg.url()).put("password_secret", "shop_pg").put("name", "shop")
                .put("tables", new JsonArray().add("public.orders").add("customers"));
    }

    @Test
    @Order(1)
    void aSecretIsPutListedByNameOnlyAndDeleted() throws Exception {
        assertThat(putSecret(node, "scratch", "not-the-password-1").statusCode()).isEqualTo(204);
        assertThat(putSecret(node, "scratch", "not-the-password-2").statusCode()).isEqualTo(204); // replaced
        HttpResponse<Buffer> list = node.get("/projects/default/secrets");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonArray secrets = list.bodyAsJsonObject().getJsonArray("secrets");
        assertThat(secrets).hasSize(1);
        assertThat(secrets.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("name", "updated_at");
        assertThat(secrets.getJsonObject(0).getString("name")).isEqualTo("scratch");
        assertThat(list.bodyAsString()).doesNotContain("not-the-password");

        assertThat(node.delete("/projects/default/secrets/scratch").statusCode()).isEqualTo(204);
        assertThat(node.get("/projects/default/secrets").bodyAsJsonObject().getJsonArray("secrets")).isEmpty();
        assertError(node.delete("/projects/default/secrets/scratch"), 404, "secret_not_found");
        assertError(putSecret(node, "bad.name", "x"), 400, "bad_request");
        assertError(node.client.put("/projects/default/secrets/empty").sendJsonObject(new JsonObject()).await(), 400, "bad_request");
        assertError(node.get("/projects/p_0123456789ab/secrets"), 404, "project_not_found");
        assertError(node.client.put("/projects/p_0123456789ab/secrets/x").sendJsonObject(new JsonObject().put("value", "y")).await(),
                404, "project_not_found");

        // the put and delete are audited by name only
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonObject audit = Polls.until(() -> node.get("/audit?since=" + today).bodyAsJsonObject(),
                body -> body.getJsonArray("entries", new JsonArray()).stream()
                        .filter(e -> ((JsonObject) e).getString("action").startsWith("secret.")).count() >= 3);
        List<JsonObject> entries = audit.getJsonArray("entries").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("action").startsWith("secret.")).toList();
        assertThat(entries).extracting(e -> e.getString("action"))
                .containsExactly("secret.put", "secret.put", "secret.delete");
        assertThat(entries.get(0).getJsonObject("details").getString("name")).isEqualTo("scratch");
        assertThat(audit.encode()).doesNotContain("not-the-password");
    }

    @Test
    @Order(2)
    void twoTablesAQueryAndARefreshAreAnsweredFromThePostgresRows() throws Exception {
        assertThat(putSecret(node, "shop_pg", PASSWORD).statusCode()).isEqualTo(204);
        // sealed at rest: the stored object does not hold the password
        try (Stream<Path> all = Files.walk(node.dataDir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String stored;
                try {
                    stored = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (java.nio.file.NoSuchFileException renamed) {
                    continue; // a writer's temporary file, moved into place meanwhile (its final name is listed or read next)
                }
                assertThat(stored).as(p.toString()).doesNotContain(PASSWORD);
            }
        }

        JsonObject imported = created(importPg(orders()));
        JsonArray files = imported.getJsonArray("files");
        assertThat(files).hasSize(2);
        String ordersId = files.getJsonObject(0).getString("file_id");
        String customersId = files.getJsonObject(1).getString("file_id");
        assertThat(customersId).isEqualTo(ordersId + "_2");
        assertThat(files.getJsonObject(0).getString("name")).isEqualTo("shop / public.orders");
        assertThat(files.getJsonObject(1).getString("name")).isEqualTo("shop / customers");
        JsonObject manifest = node.get("/files/" + customersId).bodyAsJsonObject();
        JsonObject source = manifest.getJsonObject("source");
        assertThat(source.getString("kind")).isEqualTo("postgres");
        assertThat(source.getString("url")).isEqualTo(pg.url());
        assertThat(source.getJsonArray("tables")).containsExactly("public.orders", "customers");
        assertThat(source.getString("password_secret")).isEqualTo("shop_pg");
        assertThat(source.getString("imported_at")).isNotBlank();
        assertThat(manifest.getString("project")).isEqualTo("default");
        assertThat(manifest.getLong("rows")).isEqualTo(3);
        assertThat(imported.encode() + manifest.encode()).doesNotContain(PASSWORD);
        // profiled as an upload is
        assertThat(node.get("/files/" + ordersId + "/profile").statusCode()).isEqualTo(200);

        assertThat(firstNumber(ordersId, "total amount")).isCloseTo(35.75, within(1e-9));
        assertThat(firstNumber(customersId, "total credit")).isCloseTo(1350, within(1e-9));

        JsonObject query = created(importPg(new JsonObject().put("url", pg.url()).put("password_secret", "shop_pg")
                .put("name", "regional totals")
                .put("query", "select region, sum(amount) as total from orders where region = 'West' group by region")));
        assertThat(query.getString("name")).isEqualTo("regional totals");
        assertThat(query.getJsonObject("source").getString("query")).startsWith("select region");
        assertThat(firstNumber(query.getString("file_id"), "total")).isCloseTo(20.25, within(1e-9));

        // a board on the orders file, with the total pinned: it follows the refresh, as after a re-upload
        JsonObject total = askOk(ordersId, "total amount");
        String boardId = created(node.post("/files/" + ordersId + "/boards", new JsonObject().put("name", "Sales"))).getString("board_id");
        created(node.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", total.getString("question_id"))));

        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE orders SET amount = 99.75 WHERE id = 2");
        }
        JsonObject refreshed = created(node.post("/files/" + customersId + "/refresh", new JsonObject()));
        assertThat(refreshed.getString("refreshed_from")).isEqualTo(customersId);
        JsonArray again = refreshed.getJsonArray("files");
        assertThat(again).hasSize(2);
        String newOrders = again.getJsonObject(0).getString("file_id");
        assertThat(newOrders).isNotEqualTo(ordersId);
        assertThat(again.getJsonObject(0).getString("name")).isEqualTo("shop / public.orders");
        assertThat(firstNumber(newOrders, "total amount")).isCloseTo(115.25, within(1e-9));
        assertThat(firstNumber(ordersId, "total amount")).isCloseTo(35.75, within(1e-9)); // the old version is kept
        JsonObject board = Polls.board(new Caller(node, null), boardId);
        assertThat(board.getString("file_id")).isEqualTo(newOrders);
        assertThat(board.getBoolean("refreshing")).as("refreshed within the poll").isNull();
        assertThat(firstNumber(board.getJsonArray("tiles").getJsonObject(0).getJsonObject("result"))).isCloseTo(115.25, within(1e-9));
        long versions = node.get("/files").bodyAsJsonObject().getJsonArray("files").stream()
                .filter(f -> "shop / public.orders".equals(((JsonObject) f).getString("name"))).count();
        assertThat(versions).isEqualTo(2);

        String csvId = node.uploadCsv("plain.csv", "region,amount\nEast,1\nWest,2\n").bodyAsJsonObject().getString("file_id");
        assertError(node.post("/files/" + csvId + "/refresh", new JsonObject()), 409, "not_refreshable");
    }

    @Test
    @Order(3)
    void wrongPasswordUnreachableServerPasswordInUrlAndUnknownSecretAreRefused() throws Exception {
        assertThat(putSecret(node, "wrong_pg", WRONG).statusCode()).isEqualTo(204);
        HttpResponse<Buffer> wrong = importPg(orders().put("password_secret", "wrong_pg"));
        assertError(wrong, 400, "source_refused");
        assertThat(wrong.bodyAsJsonObject().getString("message")).contains("password");

        HttpResponse<Buffer> unknownTable = importPg(orders().put("password_secret", "shop_pg").put("tables", new JsonArray().add("nothing_here")));
        assertError(unknownTable, 400, "source_refused");
        assertThat(unknownTable.bodyAsJsonObject().getString("message")).contains("nothing_here");
        JsonObject delete = orders();
        delete.remove("tables");
        assertError(importPg(delete.put("query", "delete from orders")), 400, "source_refused");

        int closed = TestNode.freePort();
        assertError(importPg(orders().put("url", "postgresql://datasense@127.0.0.1:" + closed + "/postgres")), 502, "source_unreachable");

        HttpResponse<Buffer> inUrl = importPg(orders().put("url", "postgresql://datasense:" + PASSWORD + "@127.0.0.1:" + pg.port() + "/postgres"));
        assertError(inUrl, 400, "password_in_url");

        assertError(importPg(orders().put("password_secret", "never_put")), 404, "secret_not_found");
        assertError(importPg(orders().put("project", "p_0123456789ab")), 404, "project_not_found");
        // nothing half-registered by the refusals: only the versions of test 2 and the CSV remain
        assertThat(node.get("/files").bodyAsJsonObject().getJsonArray("files")).hasSize(6);
    }

    @Test
    @Order(4)
    void aNodeWithoutASecretsKeySaysHowToSetOne() throws Exception {
        Vertx other = Vertx.vertx();
        try {
            TestNode keyless = TestNode.start(other, Map.of("DATASENSE_SAMPLE_DATA", "false"));
            try {
                HttpResponse<Buffer> put = putSecret(keyless, "shop_pg", PASSWORD);
                assertError(put, 503, "secrets_not_configured");
                assertThat(put.bodyAsJsonObject().getString("hint")).contains("DATASENSE_SECRETS_KEY").contains("openssl rand -base64 32");
                HttpResponse<Buffer> imported = keyless.post("/sources/postgres", orders());
                assertError(imported, 503, "secrets_not_configured");
            } finally {
                keyless.close();
            }
        } finally {
            other.close().await();
        }
    }

    @Test
    @Order(5)
    void thePasswordIsInNoLogLine() {
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getMessage());
            }
            assertThat(text.toString()).doesNotContain(PASSWORD).doesNotContain(WRONG);
        }
    }
}
