package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Conversations, the question history and the cache by meaning, end to end over HTTP: follow-ups build on
 * the previous plan, every answered question is recorded under its file and can be re-run or forgotten, and
 * a rephrased question with the same canonical plan is answered without running a tool.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationApiIT {

    private final ShopData shop = new ShopData(400);
    private TestNode node;
    private String fileId;
    private String otherFileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false"));
        fileId = node.uploadCsv("shop.csv", shop.csv()).bodyAsJsonObject().getString("file_id");
        otherFileId = node.uploadCsv("shop2.csv", new ShopData(50).csv()).bodyAsJsonObject().getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private JsonObject ask(JsonObject request) {
        HttpResponse<Buffer> response = node.post("/ask", request);
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        return response.bodyAsJsonObject();
    }

    private JsonObject ask(String question, String conversationId) {
        return ask(new JsonObject().put("file_id", fileId).put("question", question).put("conversation_id", conversationId));
    }

    private static String sql(JsonObject body) {
        return String.join("\n", body.getJsonArray("sql").stream().map(Object::toString).toList());
    }

    private static JsonObject firstTable(JsonObject body) {
        return body.getJsonArray("results").stream().map(r -> (JsonObject) r)
                .filter(r -> "table".equals(r.getString("type"))).findFirst().orElseThrow();
    }

    private static List<String> charts(JsonObject body) {
        List<String> kinds = new ArrayList<>();
        body.getJsonArray("results").forEach(r -> {
            String chart = ((JsonObject) r).getString("chart");
            if (chart != null) {
                kinds.add(chart);
            }
        });
        return kinds;
    }

    @Test
    void aRephrasedQuestionWithTheSamePlanRunsNoTool() {
        JsonObject first = ask(new JsonObject().put("file_id", fileId).put("question", "total discount by category"));
        assertThat(first.getBoolean("cached")).isFalse();
        long runs = node.toolRuns();

        JsonObject rephrased = ask(new JsonObject().put("file_id", fileId).put("question", "Sum of the Discount for each category"));
        assertThat(rephrased.getBoolean("cached")).as("same canonical plan").isTrue();
        assertThat(rephrased.getString("cache")).isEqualTo("plan");
        assertThat(node.toolRuns()).as("a rephrased question runs no tool").isEqualTo(runs);
        assertThat(firstTable(rephrased).getJsonArray("rows")).isEqualTo(firstTable(first).getJsonArray("rows"));
        assertThat(rephrased.getString("question")).isEqualTo("Sum of the Discount for each category");
        assertThat(rephrased.getJsonArray("trace").stream().map(t -> (JsonObject) t)
                .filter(t -> "act".equals(t.getString("node")))).allMatch(t -> "cache".equals(t.getString("ran_on")));
        // the artifacts of the first answer serve the second
        assertThat(charts(rephrased)).isEqualTo(charts(first));

        JsonObject again = ask(new JsonObject().put("file_id", fileId).put("question", "sum of the discount for each category?"));
        assertThat(again.getString("cache")).as("the same words hit the question cache").isEqualTo("question");
        assertThat(again.containsKey("conversation_id")).isFalse();
        assertThat(node.toolRuns()).isEqualTo(runs);

        JsonObject different = ask(new JsonObject().put("file_id", fileId).put("question", "average discount by category"));
        assertThat(different.getBoolean("cached")).as("a different plan is computed").isFalse();
        assertThat(node.toolRuns()).isGreaterThan(runs);
    }

    @Test
    void followUpsBuildOnThePreviousPlan() {
        JsonObject first = ask(new JsonObject().put("file_id", fileId).put("question", "total sales by category"));
        String conversation = first.getString("conversation_id");
        assertThat(conversation).startsWith("c_");

        JsonObject west = ask("now only for the West", conversation);
        assertThat(west.getString("conversation_id")).isEqualTo(conversation);
        assertThat(sql(west)).contains("\"Region\" = 'West'").contains("\"Category\"").contains("SUM(\"Sales\")");
        double westGarden = shop.rows.stream().filter(r -> r.region().equals("West") && r.category().equals("Garden"))
                .mapToDouble(ShopData.Row::sales).sum();
        JsonArray rows = firstTable(west).getJsonArray("rows");
        assertThat(rows.stream().map(r -> (JsonArray) r).filter(r -> "Garden".equals(r.getString(0)))
                .map(r -> r.getDouble(1)).findFirst().orElseThrow()).isCloseTo(westGarden, org.assertj.core.data.Offset.offset(1e-6));

        JsonObject profit = ask("what about profit?", conversation);
        assertThat(sql(profit)).contains("SUM(\"Profit\")").contains("\"Category\"");

        JsonObject pie = ask("show it as a pie chart", conversation);
        assertThat(charts(pie)).contains("pie");

        JsonObject turns = node.get("/conversations/" + conversation).bodyAsJsonObject();
        assertThat(turns.getString("file_id")).isEqualTo(fileId);
        assertThat(turns.getJsonArray("turns").stream().map(t -> ((JsonObject) t).getString("question")))
                .containsExactly("total sales by category", "now only for the West", "what about profit?", "show it as a pie chart");
        assertThat(turns.getJsonArray("turns").getJsonObject(1).getJsonObject("plan").getJsonArray("steps")).isNotEmpty();
    }

    @Test
    void questionsAreRecordedAndCanBeRerunAndForgotten() {
        JsonObject asked = ask(new JsonObject().put("file_id", fileId).put("question", "top 3 products by profit"));
        String questionId = asked.getString("question_id");
        assertThat(questionId).startsWith("q_");

        JsonObject list = node.get("/files/" + fileId + "/questions").bodyAsJsonObject();
        assertThat(list.getJsonArray("questions").getJsonObject(0).getString("question_id"))
                .as("newest first").isEqualTo(questionId);
        JsonObject record = node.get("/questions/" + questionId).bodyAsJsonObject();
        assertThat(record.getString("question")).isEqualTo("top 3 products by profit");
        assertThat(record.getJsonObject("plan").getJsonArray("steps")).isNotEmpty();
        assertThat(record.getJsonObject("reply").getString("answer")).isEqualTo(asked.getString("answer"));

        long runs = node.toolRuns();
        HttpResponse<Buffer> rerun = node.post("/questions/" + questionId + "/rerun", new JsonObject());
        assertThat(rerun.statusCode()).as(rerun.bodyAsString()).isEqualTo(200);
        JsonObject again = rerun.bodyAsJsonObject();
        assertThat(again.getString("rerun_of")).isEqualTo(questionId);
        assertThat(again.getBoolean("cached")).as("a re-run computes afresh").isFalse();
        assertThat(node.toolRuns()).isGreaterThan(runs);
        assertThat(firstTable(again).getJsonArray("rows")).isEqualTo(firstTable(asked).getJsonArray("rows"));
        assertThat(again.getJsonArray("sql")).isEqualTo(asked.getJsonArray("sql"));

        assertThat(node.delete("/questions/" + questionId).statusCode()).isEqualTo(200);
        assertThat(node.get("/questions/" + questionId).statusCode()).isEqualTo(404);
        assertThat(node.delete("/questions/" + questionId).statusCode()).isEqualTo(404);
        assertThat(node.get("/files/" + fileId + "/questions").bodyAsJsonObject().getJsonArray("questions").stream()
                .map(q -> ((JsonObject) q).getString("question_id"))).doesNotContain(questionId).contains(again.getString("question_id"));
        JsonObject conversation = node.get("/conversations/" + asked.getString("conversation_id")).bodyAsJsonObject();
        assertThat(conversation.getJsonArray("turns")).as("its turn is forgotten too").isEmpty();
    }

    @Test
    void answersNameTheirInterpretationAlternativesAndDataCaveats() throws Exception {
        // a tenth of the profits are missing: an average of profit must say it skips them
        StringBuilder csv = new StringBuilder("Store,Region,Profit\n");
        for (int i = 0; i < 200; i++) {
            csv.append("S").append(i).append(',').append(ShopData.REGIONS[i % 4]).append(',')
                    .append(i % 10 == 0 ? "" : String.valueOf(10 + i % 7)).append('\n');
        }
        String gappy = node.uploadCsv("gappy.csv", csv.toString()).bodyAsJsonObject().getString("file_id");
        JsonObject body = ask(new JsonObject().put("file_id", gappy).put("question", "average profit by region"));
        assertThat(body.getString("interpretation")).startsWith("Average of Profit by Region");
        assertThat(body.getDouble("confidence")).isEqualTo(1.0);
        assertThat(body.getJsonArray("caveats").encode()).contains("10.0% of Profit is missing").contains("averages skip those rows");
        assertThat(body.getString("answer")).contains("10.0% of Profit is missing");

        JsonObject vague = ask(new JsonObject().put("file_id", fileId).put("question", "total by region"));
        assertThat(vague.getBoolean("best_guess")).isTrue();
        assertThat(vague.getDouble("confidence")).isLessThan(0.6);
        assertThat(vague.getString("answer")).contains("best guess");
        JsonArray alternatives = vague.getJsonArray("alternatives");
        assertThat(alternatives.size()).isBetween(1, 3);
        // each alternative is a ready-to-ask question the planner reads with confidence
        JsonObject alternative = ask(new JsonObject().put("file_id", fileId).put("question", alternatives.getString(0)));
        assertThat(alternative.getBoolean("best_guess")).isFalse();
        assertThat(alternative.getDouble("confidence")).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void badReferencesAreClearErrors() {
        JsonObject asked = ask(new JsonObject().put("file_id", fileId).put("question", "how many orders"));
        String conversation = asked.getString("conversation_id");

        HttpResponse<Buffer> mismatch = node.post("/ask", new JsonObject().put("file_id", otherFileId)
                .put("question", "and by region?").put("conversation_id", conversation));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.bodyAsJsonObject().getString("error")).isEqualTo("conversation_file_mismatch");
        assertThat(mismatch.bodyAsJsonObject().getString("hint")).contains(fileId);

        HttpResponse<Buffer> bad = node.post("/ask", new JsonObject().put("file_id", fileId)
                .put("question", "and by region?").put("conversation_id", "../etc"));
        assertThat(bad.statusCode()).isEqualTo(400);
        // the API document's pattern refuses it, naming the field
        assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
        assertThat(bad.bodyAsJsonObject().getString("message")).contains("'conversation_id'");

        assertThat(node.get("/conversations/c_nosuch").statusCode()).isEqualTo(404);
        assertThat(node.get("/files/f_nosuch/questions").statusCode()).isEqualTo(404);
        assertThat(node.post("/questions/q_nosuch/rerun", new JsonObject()).statusCode()).isEqualTo(404);

        // a client-chosen id starts a conversation of its own
        JsonObject chosen = ask("how many orders", "my-thread-1");
        assertThat(chosen.getString("conversation_id")).isEqualTo("my-thread-1");
        assertThat(node.get("/conversations/my-thread-1").bodyAsJsonObject().getJsonArray("turns")).hasSize(1);
    }
}
