package datasense.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP API of one node as a test calls it, over the JDK's client (the test JVM runs no Vert.x of its own).
 * Every call has a time limit, so a dead or stuck node fails the test instead of hanging it.
 */
final class Api {

    /** A response: status, body and headers. */
    record Response(int status, byte[] body, String contentType, java.net.http.HttpHeaders headers) {

        /** The first value of header {@code name}, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonObject json() {
            return new JsonObject(text());
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    /** The Authorization header of every request, or null. */
    private final String authorization;

    Api(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same node, called with {@code authorization} (e.g. "Bearer ..." or "ApiKey dsk_..."). */
    Api as(String authorization) {
        return new Api(base, authorization);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    Response delete(String path) throws IOException, InterruptedException {
        return send(request(path, Duration.ofSeconds(30)).DELETE().build());
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path, Duration.ofSeconds(30)).GET().build());
    }

    Response postJson(String path, JsonObject body, Duration timeout) throws IOException, InterruptedException {
        return send(jsonRequest(path, body, timeout));
    }

    /** The same request, not waited for: for many questions at once. */
    CompletableFuture<Response> postJsonAsync(String path, JsonObject body, Duration timeout) {
        return client.sendAsync(jsonRequest(path, body, timeout), HttpResponse.BodyHandlers.ofByteArray()).thenApply(Api::response);
    }

    private HttpRequest jsonRequest(String path, JsonObject body, Duration timeout) {
        return request(path, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }

    /** A one-step upload; the reply is the file's manifest (201). */
    /** A file of any kind posted to /files with its Content-Type. */
    Response upload(String name, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request("/files?name=" + name, Duration.ofSeconds(120)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Response uploadCsv(String name, byte[] csv) throws IOException, InterruptedException {
        return send(request("/files?name=" + name, Duration.ofSeconds(120)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
    }

    Response ask(String fileId, String question) throws IOException, InterruptedException {
        return postJson("/ask", new JsonObject().put("file_id", fileId).put("question", question), Duration.ofSeconds(120));
    }

    Response askAsync(String fileId, String question) throws IOException, InterruptedException {
        return postJson("/ask", new JsonObject().put("file_id", fileId).put("question", question).put("async", true),
                Duration.ofSeconds(30));
    }

    /** The node's /health body. */
    JsonObject health() throws IOException, InterruptedException {
        Response r = get("/health");
        if (r.status() != 200) {
            throw new IOException("/health answered " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    /**
     * The job's status, or null while it cannot be read: right after a node dies, a status request may go to
     * the dead node's consumer until the cluster notices, and time out; the caller asks again.
     */
    JsonObject jobOrNull(String jobId) throws InterruptedException {
        try {
            Response r = send(request("/jobs/" + jobId, Duration.ofSeconds(15)).GET().build());
            return r.status() == 200 ? r.json() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Polls the job until it is no longer running; returns its last status (null if it never could be read). */
    JsonObject awaitJob(String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            JsonObject seen = jobOrNull(jobId);
            if (seen != null) {
                job = seen;
                if (!"running".equals(job.getString("status"))) {
                    return job;
                }
            }
            Thread.sleep(50);
        }
        return job;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        return response(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private static Response response(HttpResponse<byte[]> r) {
        return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r.headers());
    }

    // ---- reading /ask bodies -------------------------------------------------------------------------------

    /** The results of one type ("table", "image", "json") in plan order. */
    static List<JsonObject> results(JsonObject body, String type) {
        List<JsonObject> out = new ArrayList<>();
        for (Object r : body.getJsonArray("results", new JsonArray())) {
            if (type.equals(((JsonObject) r).getString("type"))) {
                out.add((JsonObject) r);
            }
        }
        return out;
    }

    /** The trace entries of tool steps ("act"). */
    static List<JsonObject> actSteps(JsonObject body) {
        List<JsonObject> out = new ArrayList<>();
        for (Object t : body.getJsonArray("trace", new JsonArray())) {
            if ("act".equals(((JsonObject) t).getString("node"))) {
                out.add((JsonObject) t);
            }
        }
        return out;
    }
}
