package datasense.verticles.http;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.BusError;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API document compiles as vertx-openapi's request contract, every JSON body schema in it compiles and refuses
 * what is not an object, and a refusal names the field and what was wrong with it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestValidationTest {

    private static final String POSTGRES = "POST /sources/postgres";

    private final Vertx vertx = Vertx.vertx();
    private RequestValidation validation;

    @BeforeEach
    void load() {
        validation = RequestValidation.load(vertx, BodyHandler.create(false)).await();
    }

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void everyJsonBodyOfTheDocumentHasASchemaTheValidatorCompiles() {
        var operations = validation.operationsWithJsonBodies();
        assertThat(operations).extracting(Operation::getOperationId)
                .contains("POST /ask", "POST /projects", "POST /reports", "POST /files/{fileId}/boards", "PUT /boards/{boardId}",
                        "POST /api-keys", "POST /upload", "PUT /projects/{project}/secrets/{name}", "POST /sources/postgres");
        for (Operation operation : operations) {
            assertThat(operation.getRequestBody().getContent().get(MediaType.APPLICATION_JSON).getSchema())
                    .as(operation.getOperationId()).isNotNull();
            // a schema that compiles refuses a body that is no object at all
            assertThat(validation.bodyRefusal(operation.getOperationId(), null)).as(operation.getOperationId()).isNotNull();
        }
    }

    @Test
    void aRefusalNamesTheFieldAndWhatWasWrong() {
        assertThat(validation.bodyRefusal("POST /ask", new JsonObject().put("file_id", "f_1").put("question", "total sales"))).isNull();

        BusError missing = validation.bodyRefusal("POST /ask", new JsonObject().put("file_id", "f_1"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().getString("error")).isEqualTo("bad_request");
        assertThat(missing.getMessage()).contains("question");
        assertThat(missing.body().getString("hint")).contains("POST /ask").contains("/openapi.json");

        BusError wrongType = validation.bodyRefusal("POST /ask", new JsonObject().put("file_id", 7).put("question", "q"));
        assertThat(wrongType.getMessage()).contains("'file_id'").contains("string");

        BusError blank = validation.bodyRefusal("POST /ask", new JsonObject().put("file_id", "f_1").put("question", "   "));
        assertThat(blank.getMessage()).contains("'question'");

        BusError format = validation.bodyRefusal("POST /reports", new JsonObject().put("from", new JsonObject().put("job", "j_1"))
                .put("formats", new JsonArray().add("docx")));
        assertThat(format.getMessage()).contains("'formats.0'");
    }

    @Test
    void aPostgresImportNamesASecretAndEitherTablesOrAQuery() {
        JsonObject good = new JsonObject().put("url", "postgresql://analyst@db.internal:5432/shop").put("password_secret", "shop_pg")
                .put("tables", new JsonArray().add("public.orders"));
        assertThat(validation.bodyRefusal(POSTGRES, good)).isNull();
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("url", 42)).getMessage()).contains("'url'");
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("password_secret", "no.dots")).getMessage()).contains("'password_secret'");
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().putNull("password_secret")).getMessage()).contains("'password_secret'");
        JsonObject neither = good.copy();
        neither.remove("tables");
        assertThat(validation.bodyRefusal(POSTGRES, neither)).isNotNull();
        assertThat(validation.bodyRefusal(POSTGRES, neither.copy().put("query", "select 1"))).isNull();
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("query", "select 1"))).as("both").isNotNull();
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("tables", new JsonArray()))).isNotNull();
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("tables", new JsonArray().add(3))).getMessage()).contains("'tables.0'");
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("tables", "orders")).getMessage()).contains("'tables'");
        assertThat(validation.bodyRefusal(POSTGRES, good.copy().put("querry", "select 1")).getMessage()).as("a misspelt field").contains("querry");
    }

    @Test
    void aBodyRememberedValidForOneOperationIsStillCheckedForAnother() {
        Router router = Router.router(vertx);
        validation.mount(router);
        router.route().handler(ctx -> ctx.response().end("passed"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0).await();
        WebClient client = WebClient.create(vertx);
        Buffer ask = new JsonObject().put("file_id", "f_1").put("question", "total sales").toBuffer();
        Buffer blank = new JsonObject().put("file_id", "f_1").put("question", " ").toBuffer();
        try {
            // the same valid body twice (the second from memory), the same bytes where they do not fit, an invalid
            // body twice: refusals are never remembered as passes
            List<Integer> statuses = List.of(post(client, server, "/ask", ask), post(client, server, "/ask", ask),
                    post(client, server, "/projects", ask), post(client, server, "/ask", blank), post(client, server, "/ask", blank));
            assertThat(statuses).containsExactly(200, 200, 400, 400, 400);
        } finally {
            client.close();
        }
    }

    private static int post(WebClient client, HttpServer server, String path, Buffer body) {
        HttpResponse<Buffer> response = client.post(server.actualPort(), "localhost", path)
                .putHeader("Content-Type", "application/json").sendBuffer(body).await();
        return response.statusCode();
    }
}
