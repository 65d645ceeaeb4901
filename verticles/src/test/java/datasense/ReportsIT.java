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
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports end to end over HTTP on a real node with authentication: tenant A uploads a CSV and asks two questions in one
 * conversation, the first drawing a chart; a report of the first answer's job has a PDF whose text (read back with
 * PDFBox) holds the question, the answer's figure and the SQL, an HTML page with its chart inlined, and Markdown linking
 * a chart PNG that can be fetched; reports of the conversation, of a board and of the file's profile build; tenant B
 * gets 404 for every one of A's reports and sources; bad requests get 4xx in the one error shape.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReportsIT {

    private static final Pattern FIGURE = Pattern.compile("\\d[\\d,]*\\.\\d+|\\d{1,3}(,\\d{3})+|\\d{3,}");

    private TestNode node;
    private Caller a;
    private Caller b;
    private String fileId;
    private JsonObject first;
    private JsonObject second;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, TestTokens.required(Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_GENERATED_BOARDS", "false")));
        a = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-a"));
        b = Caller.bearer(node, TestTokens.forTenant(vertx, "tenant-b"));
        fileId = ok(a.uploadCsv("shop.csv", new ShopData(150).csv()), 201).getString("file_id");
        first = ok(a.ask(fileId, "total sales by region"), 200);
        second = ok(a.post("/ask", new JsonObject().put("file_id", fileId).put("question", "average profit by category")
                .put("conversation_id", first.getString("conversation_id"))), 200);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private JsonObject report(JsonObject from, String... formats) {
        JsonObject body = new JsonObject().put("from", from);
        if (formats.length > 0) {
            body.put("formats", new JsonArray(java.util.List.of((Object[]) formats)));
        }
        return ok(a.post("/reports", body), 201);
    }

    private Buffer fetch(String path, String contentType) {
        HttpResponse<Buffer> response = a.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith(contentType);
        return response.body();
    }

    private static String pdfText(Buffer pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.getBytes())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void aReportOfAnAnswerHasItsQuestionFigureSqlAndChartInEveryFormat() throws Exception {
        assertThat(first.getJsonArray("results").stream().map(r -> ((JsonObject) r).getString("type"))).as("the answer draws a chart")
                .contains("image");
        JsonObject report = report(new JsonObject().put("job", first.getString("job_id")));
        String id = report.getString("report_id");
        assertThat(report.getJsonObject("from").getString("job")).isEqualTo(first.getString("job_id"));
        assertThat(report.getString("file_id")).isEqualTo(fileId);
        assertThat(report.getString("file_name")).isEqualTo("shop.csv");
        assertThat(report.getJsonArray("formats")).containsExactly("md", "html", "pdf");
        assertThat(report.getJsonObject("links").getString("pdf")).isEqualTo("/reports/" + id + "/report.pdf");
        assertThat(ok(a.get("/reports/" + id), 200).getString("title")).isEqualTo(report.getString("title"));

        String pdf = pdfText(fetch(report.getJsonObject("links").getString("pdf"), "application/pdf"));
        String answer = first.getString("answer");
        Matcher figure = FIGURE.matcher(answer);
        assertThat(figure.find()).as("a figure in the answer: " + answer).isTrue();
        assertThat(pdf).contains("total sales by region", figure.group(), fileId, "shop.csv", "150");
        String sql = first.getJsonArray("sql").getString(0);
        assertThat(squeezed(pdf)).as("the SQL, whatever the line breaks").contains(squeezed(sql));

        String html = fetch(report.getJsonObject("links").getString("html"), "text/html").toString();
        assertThat(html).contains("<img alt=").contains("src=\"data:image/png;base64,iVBOR").doesNotContain("src=\"/", "src=\"http");

        String md = fetch(report.getJsonObject("links").getString("md"), "text/markdown").toString();
        Matcher link = Pattern.compile("!\\[[^]]*]\\((charts/chart-\\d+\\.png)\\)").matcher(md);
        assertThat(link.find()).as(md).isTrue();
        Buffer png = fetch("/reports/" + id + "/" + link.group(1), "image/png");
        assertThat(png.getBytes(0, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(md).contains("## 1. total sales by region").contains("```sql");
        Buffer bundle = fetch(report.getJsonObject("links").getString("md_bundle"), "application/zip");
        java.util.Set<String> names = new java.util.HashSet<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bundle.getBytes()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("report.md", link.group(1));

        assertThat(ok(a.get("/reports"), 200).getJsonArray("reports").stream().map(r -> ((JsonObject) r).getString("report_id"))).contains(id);
        refused(a.get("/reports/" + id + "/manifest.json"), 404, "not_found");
    }

    @Test
    void aReportOfAConversationHoldsEachOfItsAnswers() throws Exception {
        JsonObject report = report(new JsonObject().put("conversation", first.getString("conversation_id")), "pdf");
        assertThat(report.getInteger("questions")).isEqualTo(2);
        assertThat(report.getJsonArray("files")).containsExactly("report.pdf");
        assertThat(report.getJsonObject("links").containsKey("md")).isFalse();
        String pdf = pdfText(fetch(report.getJsonObject("links").getString("pdf"), "application/pdf"));
        assertThat(pdf).contains("1. total sales by region", "2. average profit by category");
        assertThat(squeezed(pdf)).contains(squeezed(second.getJsonArray("sql").getString(0)));
        refused(a.get("/reports/" + report.getString("report_id") + "/report.md"), 404, "not_found");
    }

    @Test
    void reportsOfABoardAndOfAProfileBuild() throws Exception {
        String boardId = ok(a.post("/files/" + fileId + "/boards", new JsonObject().put("name", "Regions")), 201).getString("board_id");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("board", boardId))), 409, "nothing_to_report");
        ok(a.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", second.getString("question_id"))
                .put("title", "Profit per category")), 201);
        JsonObject board = report(new JsonObject().put("board", boardId), "html", "pdf");
        assertThat(board.getString("title")).isEqualTo("Regions");
        assertThat(pdfText(fetch(board.getJsonObject("links").getString("pdf"), "application/pdf"))).contains("Regions", "Profit per category");

        JsonObject profile = report(new JsonObject().put("profile", fileId));
        assertThat(profile.getInteger("questions")).isZero();
        String html = fetch(profile.getJsonObject("links").getString("html"), "text/html").toString();
        assertThat(html).contains("Profile of shop.csv").contains("<svg"); // the profile page's own charts
        assertThat(pdfText(fetch(profile.getJsonObject("links").getString("pdf"), "application/pdf"))).contains("Profile of shop.csv", "Sales", "Region");
        assertThat(fetch(profile.getJsonObject("links").getString("md"), "text/markdown").toString()).contains("| `Sales` |");
    }

    @Test
    void anotherTenantGets404AndADeletedReportIsGone() {
        JsonObject report = report(new JsonObject().put("job", first.getString("job_id")), "md");
        String id = report.getString("report_id");
        refused(b.get("/reports/" + id), 404, "not_found");
        refused(b.get("/reports/" + id + "/report.md"), 404, "not_found");
        refused(b.delete("/reports/" + id), 404, "not_found");
        assertThat(ok(b.get("/reports"), 200).getJsonArray("reports")).isEmpty();
        refused(b.post("/reports", new JsonObject().put("from", new JsonObject().put("job", first.getString("job_id")))), 404, "not_found");
        refused(b.post("/reports", new JsonObject().put("from", new JsonObject().put("conversation", first.getString("conversation_id")))), 404, "not_found");
        refused(b.post("/reports", new JsonObject().put("from", new JsonObject().put("profile", fileId))), 404, "not_found");

        ok(a.delete("/reports/" + id), 200);
        refused(a.get("/reports/" + id), 404, "not_found");
        refused(a.get("/reports/" + id + "/report.md"), 404, "not_found");
        assertThat(ok(a.get("/reports"), 200).getJsonArray("reports").stream().map(r -> ((JsonObject) r).getString("report_id"))).doesNotContain(id);
    }

    @Test
    void badRequestsAreRefusedInTheOneErrorShape() {
        String job = first.getString("job_id");
        refused(a.post("/reports", new JsonObject()), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", "j_1")), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject())), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", job).put("board", "b_1"))), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("answer", job))), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", 7))), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", job)).put("formats", new JsonArray().add("docx"))),
                400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", job)).put("formats", new JsonArray())), 400, "bad_request");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", "j_00000000deadbeef"))), 404, "not_found");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("board", "b_00000000deadbeef"))), 404, "not_found");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("profile", "f_00000000deadbeef"))), 404, "not_found");
        refused(a.get("/reports/r_00000000deadbeef"), 404, "not_found");
        refused(a.get("/reports/r_00000000deadbeef/report.pdf"), 404, "not_found");
        HttpResponse<Buffer> notJson = a.post("/reports", null);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.bodyAsJsonObject().getString("error")).isNotBlank();
    }

    @Test
    void aJobStillRunningIsRefusedUntilItIsDone() throws Exception {
        // a fresh file: the job opens its data and draws a chart, so it is still running when the report is asked at once
        String fresh = ok(a.uploadCsv("fresh.csv", new ShopData(120).csv()), 201).getString("file_id");
        JsonObject accepted = ok(a.post("/ask", new JsonObject().put("file_id", fresh).put("question", "total profit by product as a pie chart")
                .put("async", true)), 202);
        String job = accepted.getString("job_id");
        refused(a.post("/reports", new JsonObject().put("from", new JsonObject().put("job", job))), 409, "job_not_done");
        assertThat(Polls.job(a, job).getString("status")).isEqualTo("done");
        assertThat(report(new JsonObject().put("job", job), "md").getJsonArray("files")).contains("report.md", "report.zip", "charts/chart-1.png");
    }
}
