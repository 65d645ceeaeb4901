package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** Assertions on the API's replies that the HTTP tests share: a status with its JSON body, and the one error shape. */
final class ApiReplies {

    private ApiReplies() {
    }

    /** The reply is 200; its JSON body. */
    static JsonObject ok(HttpResponse<Buffer> response) {
        return ok(response, 200);
    }

    /** The reply has {@code status}; its JSON body. */
    static JsonObject ok(HttpResponse<Buffer> response, int status) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        return response.bodyAsJsonObject();
    }

    /**
     * The reply is the API's error shape: {@code status}, the code {@code error}, a message, and the request id the
     * {@code X-Request-Id} header names (so "see the log" finds the line). Returns the body.
     */
    static JsonObject refused(HttpResponse<Buffer> response, int status, String error) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("error")).as(body.encode()).isEqualTo(error);
        assertThat(body.getString("message")).isNotBlank();
        assertThat(body.getString("request_id")).isNotBlank().isEqualTo(response.getHeader("X-Request-Id"));
        return body;
    }
}
