package datasense;

import static datasense.ApiReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import datasense.verticles.http.PresignedUrls;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP API end to end against a real node: both upload flows, every tool through /ask, multi-intent
 * questions, the cache (no tool runs on a hit), artifacts fetched and decoded, async jobs, deletion and
 * every error status the API promises.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskApiIT {

    private static final long MAX_UPLOAD = 2_000_000;
    private final ShopData shop = new ShopData(600);
    private TestNode node;
    private String fileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_MAX_UPLOAD_BYTES", Long.toString(MAX_UPLOAD)));
        HttpResponse<Buffer> upload = node.uploadCsv("shop.csv", shop.csv());
        assertThat(upload.statusCode()).as(upload.bodyAsString()).isEqualTo(201);
        fileId = upload.bodyAsJsonObject().getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private JsonObject askOk(String question) {
        HttpResponse<Buffer> response = node.ask(fileId, question);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("status")).isEqualTo("ok");
        return body;
    }

    private static List<JsonObject> results(JsonObject body, String type) {
        List<JsonObject> out = new ArrayList<>();
        body.getJsonArray("results").forEach(r -> {
            if (type.equals(((JsonObject) r).getString("type"))) {
                out.add((JsonObject) r);
            }
        });
        return out;
    }

    private static List<String> tools(JsonObject body) {
        List<String> out = new ArrayList<>();
        body.getJsonArray("plan").forEach(s -> out.add(((JsonObject) s).getString("tool")));
        return out;
    }

    private BufferedImage png(JsonObject image) throws Exception {
        HttpResponse<Buffer> response = node.get(image.getString("url"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(response.bodyAsBuffer().getBytes()));
        assertThat(decoded).as("PNG decodes").isNotNull();
        assertThat(decoded.getWidth()).isGreaterThan(300);
        return decoded;
    }

    @Test
    void healthSaysReadyAndTheSampleDatasetIsRegistered() {
        assertThat(node.get("/health").bodyAsJsonObject().getString("status")).isEqualTo("ready");
        JsonObject sample = node.get("/files/" + Node.SAMPLE_FILE_ID).bodyAsJsonObject();
        assertThat(sample.getLong("rows")).isGreaterThanOrEqualTo(5000);
        assertThat(sample.getLong("rows") + sample.getLong("rows_rejected")).isEqualTo(sample.getLong("data_lines"));
        JsonArray files = node.get("/files").bodyAsJsonObject().getJsonArray("files");
        assertThat(files.stream().map(f -> ((JsonObject) f).getString("file_id"))).contains(Node.SAMPLE_FILE_ID, fileId);
    }

    @Test
    void oneStepUploadDescribesTheFile() {
        JsonObject file = node.get("/files/" + fileId).bodyAsJsonObject();
        assertThat(file.getLong("rows")).isEqualTo(600);
        assertThat(file.getLong("rows_rejected")).isZero();
        JsonArray columns = file.getJsonArray("columns");
        assertThat(columns.stream().map(c -> ((JsonObject) c).getString("name")))
                .containsExactly("Order ID", "Order Date", "Region", "Category", "Product", "Sales", "Profit", "Discount", "Quantity");
        assertThat(columns.getJsonObject(1).getString("type")).isEqualTo("DATE");
        assertThat(columns.getJsonObject(5).getString("type")).isEqualTo("DOUBLE");
        JsonObject preview = node.get("/files/" + fileId + "/preview?limit=3").bodyAsJsonObject();
        assertThat(preview.getJsonArray("rows")).hasSize(3);
    }

    @Test
    void totalSalesByRegionIsRightAndDrawnAsABarChart() throws Exception {
        JsonObject body = askOk("total sales by region");
        assertThat(body.getBoolean("cached")).isFalse();
        assertThat(body.getString("answer")).isNotBlank();
        assertThat(body.getJsonArray("sql")).isNotEmpty();
        JsonObject table = results(body, "table").get(0);
        Map<String, Double> expected = shop.salesByRegion();
        assertThat(table.getJsonArray("rows")).hasSize(expected.size());
        for (Object row : table.getJsonArray("rows")) {
            JsonArray r = (JsonArray) row;
            assertThat(((Number) r.getValue(1)).doubleValue()).isCloseTo(expected.get(r.getString(0)), within(1e-6));
        }
        List<JsonObject> images = results(body, "image");
        assertThat(images).anySatisfy(i -> assertThat(i.getString("chart")).isEqualTo("bar"));
        png(images.get(0));
    }

    @Test
    void topFiveProductsByProfitAreOrdered() {
        JsonObject body = askOk("top 5 products by profit");
        JsonArray rows = results(body, "table").get(0).getJsonArray("rows");
        List<String> expected = shop.profitByProduct().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(5).map(Map.Entry::getKey).toList();
        assertThat(rows.stream().map(r -> ((JsonArray) r).getString(0)).toList()).isEqualTo(expected);
    }

    @Test
    void aMultiIntentQuestionRunsBothToolsAndTheCacheAnswersTheRepeatWithoutTools() throws Exception {
        String question = "Show distribution of Sales and plot monthly trend for Profit";
        JsonObject body = askOk(question);
        assertThat(tools(body)).contains("distribution_plot", "trend_plot");
        List<JsonObject> images = results(body, "image");
        assertThat(images.stream().map(i -> i.getString("chart"))).contains("histogram", "line");
        assertThat(images.stream().map(i -> i.getString("key")))
                .anySatisfy(k -> assertThat(k).contains("/answers/").endsWith("dist_plots/sales.png"))
                .anySatisfy(k -> assertThat(k).endsWith("trend_plots/profit.png"));
        for (JsonObject image : images) {
            png(image);
        }
        JsonObject stats = results(body, "json").get(0);
        assertThat(stats.getString("key")).endsWith("results/summary_stats.json");
        assertThat(node.get(stats.getString("url")).bodyAsString()).contains("Sales").contains("Profit");
        assertThat(body.getJsonArray("trace").stream().map(t -> ((JsonObject) t).getString("tool")))
                .contains("distribution_plot", "trend_plot");

        long runsBefore = node.toolRuns();
        JsonObject again = askOk(question.toUpperCase() + "  ");
        assertThat(again.getBoolean("cached")).isTrue();
        assertThat(again.getJsonArray("results")).isEqualTo(body.getJsonArray("results"));
        assertThat(node.toolRuns()).as("a cache hit runs no tool").isEqualTo(runsBefore);
    }

    @Test
    void summaryStatisticsComeAsAJsonArtifact() throws Exception {
        JsonObject body = askOk("summary statistics for Sales and Profit");
        assertThat(tools(body)).contains("summary_stats");
        JsonObject json = results(body, "json").get(0);
        HttpResponse<Buffer> artifact = node.get(json.getString("url"));
        assertThat(artifact.getHeader("Content-Type")).startsWith("application/json");
        assertThat(new ObjectMapper().readTree(artifact.bodyAsString()).toString()).contains("Sales").contains("Profit");
    }

    @Test
    void correlationGivesACoefficientAndAHeatmap() throws Exception {
        JsonObject body = askOk("correlation between discount and profit");
        assertThat(tools(body)).contains("correlation");
        double r = ((Number) results(body, "table").get(0).getJsonArray("rows").getJsonArray(0).getValue(0)).doubleValue();
        assertThat(r).isBetween(-1.0, -0.3); // profit falls as discount grows in ShopData
        assertThat(results(body, "image")).anySatisfy(i -> assertThat(i.getString("chart")).isEqualTo("heatmap"));
    }

    @Test
    void aPieChartIsDrawnFromAnEarlierStepsTable() throws Exception {
        JsonObject body = askOk("pie chart of sales by category");
        assertThat(tools(body)).contains("sql_executor", "chart");
        JsonObject pie = results(body, "image").stream().filter(i -> "pie".equals(i.getString("chart"))).findFirst().orElseThrow();
        png(pie);
    }

    @Test
    void aScatterOfMoreRowsThanFitInlineDrawsEveryPointAndCarriesItsSpec() throws Exception {
        JsonObject body = askOk("scatter of sales against profit");
        assertThat(tools(body)).containsExactly("sql_executor", "chart");
        JsonObject table = results(body, "table").get(0);
        assertThat(table.getLong("total_rows")).isEqualTo(600);
        assertThat(table.getJsonArray("rows")).hasSize(200); // DATASENSE_INLINE_ROWS
        JsonObject image = results(body, "image").get(0);
        assertThat(image.getString("chart")).isEqualTo("scatter");
        png(image);
        // the spec beside the PNG is not a result of its own; the chart names it
        assertThat(body.getJsonArray("results").stream().map(r -> ((JsonObject) r).getString("content_type")))
                .doesNotContain("application/vnd.vegalite+json");
        assertThat(image.getString("spec_key")).endsWith(".vl.json");
        HttpResponse<Buffer> spec = node.get(image.getString("spec_url"));
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.getHeader("Content-Type")).isEqualTo("application/vnd.vegalite+json");
        JsonObject vl = spec.bodyAsJsonObject();
        assertThat(vl.getString("$schema")).isEqualTo("https://vega.github.io/schema/vega-lite/v5.json");
        assertThat(vl.getJsonObject("data").getJsonArray("values")).hasSize(600); // every point, not the 200 inline
        assertThat(vl.getJsonArray("layer").getJsonObject(0).getJsonObject("mark").getString("type")).isEqualTo("point");
    }

    @Test
    void aQuestionItCannotLinkGetsSuggestionsNotAnotherAnswer() {
        JsonObject body = askOk("what is the meaning of life");
        assertThat(body.getJsonArray("plan")).isEmpty();
        assertThat(body.getJsonArray("suggestions")).isNotEmpty();
        assertThat(body.getJsonArray("suggestions").encode()).containsAnyOf("Sales", "Profit", "Region");
    }

    @Test
    @Tag("fault")
    void presignedUploadWorksOnceAndRefusesTamperingAndExpiry() throws Exception {
        HttpResponse<Buffer> presign = node.post("/upload", new JsonObject()
                .put("file_name", "shop2.csv").put("content_type", "text/csv").put("user_id", "demo_user"));
        assertThat(presign.statusCode()).isEqualTo(200);
        JsonObject grant = presign.bodyAsJsonObject();
        // with authentication off there is one tenant: a user_id is accepted (the DataSense AI API sends one) and ignored
        assertThat(grant.getString("s3_key")).isEqualTo("default/uploads/" + grant.getString("file_id") + "/data.csv");
        URI url = URI.create(grant.getString("presigned_url"));
        WebClient client = node.client;

        HttpResponse<Buffer> tampered = client.putAbs(url.toString().replace("sig=", "sig=0")).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(shop.csv())).await();
        assertThat(tampered.statusCode()).isEqualTo(403);

        HttpResponse<Buffer> put = client.putAbs(url.toString()).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(shop.csv())).await();
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
        assertThat(put.bodyAsJsonObject().getLong("rows")).isEqualTo(600);

        HttpResponse<Buffer> reuse = client.putAbs(url.toString()).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(shop.csv())).await();
        assertThat(reuse.statusCode()).isEqualTo(409);

        HttpResponse<Buffer> ask = node.post("/ask", new JsonObject().put("file_id", grant.getString("file_id"))
                .put("question", "total sales by region").put("user_id", "demo_user"));
        assertThat(ask.statusCode()).isEqualTo(200);
        // The DataSense AI quick test uploads as demo_user, then asks without a user_id.
        HttpResponse<Buffer> quickTest = node.ask(grant.getString("file_id"), "Show distribution of Sales and a monthly trend for Profit");
        assertThat(quickTest.statusCode()).as(quickTest.bodyAsString()).isEqualTo(200);
        assertThat(quickTest.bodyAsJsonObject().getJsonArray("results").encode()).contains("default/uploads/" + grant.getString("file_id"));

        long past = Instant.now().getEpochSecond() - 10;
        PresignedUrls.Grant expired = new PresignedUrls.Grant("default", "f_expired01", "x.csv", "text/csv", MAX_UPLOAD, past);
        String sig = new PresignedUrls("test-signing-key").sign(expired);
        HttpResponse<Buffer> late = client.put("/uploads/default/f_expired01?name=x.csv&ct=text%2Fcsv&max=" + MAX_UPLOAD
                + "&expires=" + past + "&sig=" + sig).sendBuffer(Buffer.buffer(shop.csv())).await();
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.bodyAsJsonObject().getString("error")).isEqualTo("expired");
    }

    /** A body with no length (chunked), as curl -T - or a streaming client sends it. */
    private java.net.http.HttpResponse<String> putChunked(String method, String url, String contentType, byte[] body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Tag("fault")
    void aChunkedBodyOverTheLimitIs413AndAPresignedUrlSurvivesARefusedBody() throws Exception {
        byte[] tooLarge = ("a,b\n" + "1,2\n".repeat((int) (MAX_UPLOAD / 4) + 10)).getBytes();
        var raw = putChunked("POST", "http://localhost:" + node.config.port() + "/files?name=big.csv", "text/csv", tooLarge);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(413);
        assertThat(new JsonObject(raw.body()).getString("error")).isEqualTo("too_large");

        JsonObject grant = node.post("/upload", new JsonObject().put("file_name", "later.csv").put("content_type", "text/csv"))
                .bodyAsJsonObject();
        String url = grant.getString("presigned_url");
        var wrongType = putChunked("PUT", url, "application/octet-stream", shop.csv().getBytes());
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(403);
        assertThat(new JsonObject(wrongType.body()).getString("error")).isEqualTo("content_type_mismatch");
        var over = putChunked("PUT", url, "text/csv", tooLarge);
        assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
        var fine = putChunked("PUT", url, "text/csv; charset=utf-8", shop.csv().getBytes());
        assertThat(fine.statusCode()).as("the URL still works after a refused body: " + fine.body()).isEqualTo(200);
        assertThat(new JsonObject(fine.body()).getLong("rows")).isEqualTo(600);
    }

    @Test
    void multipartAndGzipUploadsAreAccepted() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(shop.csv().getBytes());
        }
        HttpResponse<Buffer> response = node.client.post("/files").addQueryParam("name", "shop.csv.gz")
                .putHeader("Content-Type", "application/gzip").sendBuffer(Buffer.buffer(gz.toByteArray())).await();
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        assertThat(response.bodyAsJsonObject().getLong("rows")).isEqualTo(600);

        var form = io.vertx.ext.web.multipart.MultipartForm.create()
                .textFileUpload("file", "shop.csv", Buffer.buffer(shop.csv()), "text/csv");
        HttpResponse<Buffer> multipart = node.client.post("/files").sendMultipartForm(form).await();
        assertThat(multipart.statusCode()).as(multipart.bodyAsString()).isEqualTo(201);
        assertThat(multipart.bodyAsJsonObject().getLong("rows")).isEqualTo(600);
    }

    @Test
    @Tag("fault")
    void raggedRowsAreReportedNotLost() {
        String csv = "a,b,c\n1,2,3\n4,5\n6,7,8\n9,10,11,12\n13,14,15\n";
        HttpResponse<Buffer> response = node.uploadCsv("ragged.csv", csv);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
        JsonObject file = response.bodyAsJsonObject();
        assertThat(file.getLong("data_lines")).isEqualTo(5);
        assertThat(file.getLong("rows") + file.getLong("rows_rejected")).isEqualTo(5);
        assertThat(file.getLong("rows_rejected")).isEqualTo(2);
        assertThat(file.getJsonArray("rejected_lines")).isNotEmpty();
    }

    @Test
    void asyncAskAnswers202ThenTheJobHoldsTheAnswer() throws Exception {
        HttpResponse<Buffer> accepted = node.post("/ask", new JsonObject().put("file_id", fileId)
                .put("question", "average profit per category").put("async", true));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String jobId = accepted.bodyAsJsonObject().getString("job_id");
        JsonObject job = null;
        for (int i = 0; i < 200; i++) {
            job = node.get("/jobs/" + jobId).bodyAsJsonObject();
            if (!"running".equals(job.getString("status"))) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(job.getString("status")).isEqualTo("done");
        assertThat(job.getJsonObject("result").getJsonArray("results")).isNotEmpty();
        assertThat(job.getJsonArray("trace")).isNotEmpty();
    }

    @Test
    void everyStepOfAJobPublishesAProgressEventOnTheJobsAddress() {
        List<JsonObject> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.vertx.core.Handler<io.vertx.core.eventbus.DeliveryContext<Object>> spy = delivery -> {
            if (delivery.message().address().startsWith("ds.job.") && delivery.message().body() instanceof JsonObject event) {
                events.add(event.copy().put("_address", delivery.message().address()));
            }
            delivery.next();
        };
        node.vertx.eventBus().addOutboundInterceptor(spy);
        try {
            JsonObject body = askOk("average quantity by region");
            String address = "ds.job." + body.getString("job_id") + ".events";
            List<String> kinds = events.stream().filter(e -> address.equals(e.getString("_address")))
                    .map(e -> e.getString("event")).toList();
            assertThat(kinds).startsWith("started").contains("planned", "step_started", "step_finished", "answered").endsWith("done");
        } finally {
            node.vertx.eventBus().removeOutboundInterceptor(spy);
        }
    }

    @Test
    void deletingAFileRemovesItsDataArtifactsCachedAnswersAndQuestions() throws Exception {
        String id = node.uploadCsv("doomed.csv", shop.csv()).bodyAsJsonObject().getString("file_id");
        JsonObject body = node.ask(id, "total sales by region").bodyAsJsonObject();
        String chartUrl = results(body, "image").get(0).getString("url");
        assertThat(node.get(chartUrl).statusCode()).isEqualTo(200);
        // the question's index entry (question id -> file) lives outside the file's folder
        Path questionIndex = node.dataDir.resolve("default/questions/" + body.getString("question_id") + ".json");
        assertThat(Polls.until(() -> Files.exists(questionIndex), Boolean::booleanValue)).as("question recorded").isTrue();
        // so does its conversation, which names the file
        String conversationId = body.getString("conversation_id");
        assertThat(conversationId).isNotNull();
        assertThat(Polls.until(() -> node.get("/conversations/" + conversationId).statusCode(), s -> s == 200)).isEqualTo(200);
        assertThat(node.client.delete("/files/" + id).send().await().statusCode()).isEqualTo(200);
        assertThat(node.get("/files/" + id).statusCode()).isEqualTo(404);
        assertThat(node.get(chartUrl).statusCode()).isEqualTo(404);
        assertThat(node.get("/questions/" + body.getString("question_id")).statusCode()).isEqualTo(404);
        assertThat(questionIndex).as("the soak found these left behind for good").doesNotExist();
        assertThat(node.get("/conversations/" + conversationId).statusCode()).as("the conversation goes with its file").isEqualTo(404);
        assertThat(node.dataDir.resolve("default/conversations/" + conversationId + ".json")).doesNotExist();
        assertThat(node.ask(id, "total sales by region").statusCode()).as("no cached answer survives").isEqualTo(400);
    }

    @Test
    @Tag("fault")
    void errorsAreJsonWithTheRightStatus() {
        refused(node.ask("f_doesnotexist", "total sales by region"), 400, "unknown_file_id");
        refused(node.get("/files/f_doesnotexist"), 404, "not_found");
        refused(node.get("/jobs/j_doesnotexist"), 404, "not_found");
        refused(node.get("/artifacts/default/uploads/nothing.png"), 404, "not_found");
        refused(node.client.post("/ask").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{not json")).await(), 400, "bad_json");
        refused(node.post("/ask", new JsonObject().put("file_id", fileId)), 400, "bad_request");
        refused(node.client.post("/files").addQueryParam("name", "big.csv").putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer("a,b\n" + "1,2\n".repeat((int) (MAX_UPLOAD / 4) + 10))).await(), 413, "too_large");
        refused(node.client.post("/files").addQueryParam("name", "photo.png").putHeader("Content-Type", "image/png")
                .sendBuffer(Buffer.buffer(new byte[] {1, 2, 3})).await(), 415, "unsupported_type");
        refused(node.post("/upload", new JsonObject().put("file_name", "sheet.xls").put("content_type",
                "application/vnd.ms-excel")), 415, "unsupported_type");
        refused(node.uploadCsv("empty.csv", ""), 400, "empty_file");
        refused(node.uploadCsv("garbage.csv", "\u0000\u0001\u0002binary\u0000"), 400, "unreadable");
        assertThat(node.get("/files").bodyAsJsonObject().getJsonArray("files").stream()
                .map(f -> ((JsonObject) f).getString("name"))).doesNotContain("big.csv", "garbage.csv", "empty.csv");
    }

    /**
     * Requests are checked against the API document (api/openapi.json) before their routes: what does not fit is 400
     * bad_request in the one error shape, naming the field or parameter, pointing at the document, with the request's
     * id; what fits goes through.
     */
    @Test
    @Tag("fault")
    void requestsThatDoNotFitTheApiDocumentAre400NamingTheField() {
        JsonObject missing = refused(node.post("/ask", new JsonObject().put("file_id", fileId)), 400, "bad_request");
        assertThat(missing.getString("message")).contains("\"question\"");
        assertThat(missing.getString("hint")).contains("POST /ask").contains("/openapi.json");
        assertThat(missing.getString("request_id")).isNotBlank();

        HttpResponse<Buffer> wrongType = node.post("/ask", new JsonObject().put("file_id", 7).put("question", "total sales"));
        assertThat(refused(wrongType, 400, "bad_request").getString("message")).contains("'file_id'").contains("Expected string");
        assertThat(wrongType.bodyAsJsonObject().getString("request_id")).isEqualTo(wrongType.getHeader("X-Request-Id"));

        assertThat(refused(node.post("/ask", new JsonObject().put("file_id", fileId).put("question", "  ")), 400, "bad_request")
                .getString("message")).contains("'question'").contains("not blank");
        assertThat(refused(node.post("/ask", new JsonObject().put("file_id", fileId).put("questoin", "total sales")), 400, "bad_request")
                .getString("message")).as("a misspelt field").contains("questoin");
        assertThat(refused(node.post("/ask", new JsonObject().put("file_id", fileId).put("question", "total sales").put("async", "yes")),
                400, "bad_request").getString("message")).contains("'async'").contains("boolean");

        JsonObject unknownFormat = refused(node.post("/reports", new JsonObject().put("from", new JsonObject().put("job", "j_1"))
                .put("formats", new JsonArray().add("docx"))), 400, "bad_request");
        assertThat(unknownFormat.getString("message")).contains("'formats.0'").contains("\"md\"", "\"html\"", "\"pdf\"");

        JsonObject badLimit = refused(node.get("/files/" + fileId + "/preview?limit=many"), 400, "bad_request");
        assertThat(badLimit.getString("message")).contains("query parameter 'limit'");
        assertThat(badLimit.getString("hint")).contains("GET /files/{fileId}/preview");
        refused(node.get("/files/" + fileId + "/questions?limit=1.5"), 400, "bad_request");

        // what fits the document still goes through
        HttpResponse<Buffer> preview = node.get("/files/" + fileId + "/preview?limit=3");
        assertThat(preview.statusCode()).as(preview.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> asked = node.post("/ask", new JsonObject().put("file_id", Node.SAMPLE_FILE_ID)
                .put("question", "total sales by region").put("async", false));
        assertThat(asked.statusCode()).as(asked.bodyAsString()).isEqualTo(200);
        assertThat(asked.bodyAsJsonObject().getString("conversation_id")).isNotBlank();
    }

}
