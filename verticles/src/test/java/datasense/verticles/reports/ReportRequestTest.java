package datasense.verticles.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.verticles.bus.BusError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A report request names one source; formats default to all three, in one order, each once; the rest is a 400. */
class ReportRequestTest {

    private static JsonObject from(String kind, Object id) {
        return new JsonObject().put("from", new JsonObject().put(kind, id));
    }

    private static BusError refusal(JsonObject body) {
        try {
            ReportRequest.of(body);
        } catch (BusError e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void aSourceAndItsFormats() {
        ReportRequest request = ReportRequest.of(from("board", "b_1").put("formats", new JsonArray().add("pdf").add("md").add("pdf")).put("title", " Q4 "));
        assertThat(request.kind()).isEqualTo("board");
        assertThat(request.id()).isEqualTo("b_1");
        assertThat(request.formats()).containsExactly("md", "pdf");
        assertThat(request.title()).isEqualTo("Q4");
        assertThat(ReportRequest.of(from("profile", "f_1")).formats()).containsExactly("md", "html", "pdf");
    }

    @Test
    void everythingElseIsA400ThatSaysWhatToSend() {
        assertThat(refusal(new JsonObject()).body().getString("hint")).contains("job, conversation, board, profile");
        assertThat(refusal(new JsonObject().put("from", new JsonObject().put("job", "j").put("board", "b"))).getMessage()).contains("exactly one");
        assertThat(refusal(from("answer", "j")).status()).isEqualTo(400);
        assertThat(refusal(from("job", 3)).status()).isEqualTo(400);
        assertThat(refusal(from("job", " ")).status()).isEqualTo(400);
        BusError format = refusal(from("job", "j").put("formats", new JsonArray().add("docx")));
        assertThat(format.body().getString("error")).isEqualTo("unknown_format");
        assertThat(format.body().getString("hint")).contains("md, html, pdf");
        assertThat(refusal(from("job", "j").put("formats", "pdf")).status()).isEqualTo(400);
        assertThat(refusal(from("job", "j").put("title", "x".repeat(121))).status()).isEqualTo(400);
        assertThatThrownBy(() -> ReportRequest.of(from("job", "j").put("formats", new JsonArray()))).isInstanceOf(BusError.class);
    }
}
