package datasense;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** Calls a {@link TestNode} as one caller: every request carries its {@code Authorization} header (none when null). */
final class Caller {

    private final TestNode node;
    private final String authorization;

    Caller(TestNode node, String authorization) {
        this.node = node;
        this.authorization = authorization;
    }

    /** A caller holding a bearer token. */
    static Caller bearer(TestNode node, String token) {
        return new Caller(node, "Bearer " + token);
    }

    private <T> HttpRequest<T> auth(HttpRequest<T> request) {
        return authorization == null ? request : request.putHeader("Authorization", authorization);
    }

    HttpResponse<Buffer> get(String uri) {
        return auth(node.client.get(uri)).send().await();
    }

    HttpResponse<Buffer> delete(String uri) {
        return auth(node.client.delete(uri)).send().await();
    }

    HttpResponse<Buffer> post(String uri, JsonObject body) {
        return auth(node.client.post(uri)).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> put(String uri, JsonObject body) {
        return auth(node.client.put(uri)).sendJsonObject(body).await();
    }

    HttpResponse<Buffer> ask(String fileId, String question) {
        return post("/ask", new JsonObject().put("file_id", fileId).put("question", question));
    }

    /** A one-step upload of {@code body} to {@code uri} (such as {@code /files?name=a.csv&project=p_...}). */
    HttpResponse<Buffer> upload(String uri, String contentType, byte[] body) {
        return auth(node.client.post(uri)).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
    }

    HttpResponse<Buffer> uploadCsv(String name, String csv) {
        return auth(node.client.post("/files")).addQueryParam("name", name).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(csv)).await();
    }
}
