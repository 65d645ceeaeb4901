package datasense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live clients on a real node with authentication required: the WebSocket API asks and follows jobs with
 * every event in order then the answer, refuses bad tokens and shows another tenant's job as an unknown one; the
 * same events come as Server-Sent Events to a plain HTTP client; and the WebSocket API's frames (WebSocket) are
 * checked against the job the REST API reports.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class LiveClientsIT {

    private Vertx vertx;
    private TestNode node;
    private String aliceToken;
    private String bobToken;
    private Caller alice;
    private String aliceFile;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        AliceAndBob setup = AliceAndBob.start(vertx);
        node = setup.node();
        aliceToken = setup.aliceToken();
        bobToken = setup.bobToken();
        alice = setup.alice();
        aliceFile = setup.aliceFile();
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private WsClient ws(String token) {
        return WsClient.connect(vertx, node.config.port(), token == null ? null : "Bearer " + token);
    }

    private static List<String> types(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getString("type") + ("event".equals(f.getString("type")) ? ":" + f.getString("event") : "")).toList();
    }

    /** The events of one job are in the order a job makes them: started first, a plan before its steps, each step started before it finished, done last. */
    private static void assertInJobOrder(List<JsonObject> events, String jobId) {
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.getString("job_id")).isEqualTo(jobId));
        List<String> names = events.stream().map(e -> e.getString("event")).toList();
        assertThat(names.get(0)).isEqualTo("started");
        assertThat(names.get(names.size() - 1)).isEqualTo("done");
        assertThat(names).containsSubsequence("started", "planned", "step_started", "step_finished", "reflected", "answered", "done");
        assertThat(names.stream().filter("done"::equals)).hasSize(1);
        List<Integer> started = new ArrayList<>();
        for (JsonObject e : events) {
            if ("step_started".equals(e.getString("event"))) {
                started.add(e.getInteger("index"));
            } else if ("step_finished".equals(e.getString("event"))) {
                assertThat(started).as("step " + e.getInteger("index") + " started before it finished").contains(e.getInteger("index"));
            }
        }
    }

    @Test
    void aWebSocketClientAsksAndGetsEveryEventInOrderThenTheAnswer() throws Exception {
        try (WsClient client = ws(aliceToken)) {
            client.send(new JsonObject().put("type", "ask").put("id", "q1").put("file_id", aliceFile).put("question", "total profit by category"));
            List<JsonObject> frames = client.frames.until(f -> !"event".equals(f.getString("type")));
            JsonObject answer = frames.get(frames.size() - 1);
            assertThat(answer.getString("type")).as(types(frames).toString()).isEqualTo("answer");
            assertThat(answer.getString("id")).isEqualTo("q1");
            JsonObject body = answer.getJsonObject("body");
            assertThat(body.getString("answer")).isNotBlank();
            String jobId = body.getString("job_id");
            List<JsonObject> events = frames.subList(0, frames.size() - 1);
            assertInJobOrder(events, jobId);
            // the answer is the job's, and the last event carries the same body
            JsonObject job = alice.get("/jobs/" + jobId).bodyAsJsonObject();
            assertThat(job.getString("status")).isEqualTo("done");
            assertThat(events.get(events.size() - 1).getJsonObject("result").getString("answer")).isEqualTo(body.getString("answer"));
            assertThat(events.stream().filter(e -> "step_finished".equals(e.getString("event"))).map(e -> e.getInteger("index")).distinct().count())
                    .as("every step that started finished").isEqualTo(events.stream().filter(e -> "step_started".equals(e.getString("event")))
                            .map(e -> e.getInteger("index")).distinct().count());
            // artifact links in the answer are signed for the tenant, as over REST
            assertThat(body.encode()).contains("&sig=");

            // the same question again is a cache hit: an answer with no job and no events
            client.send(new JsonObject().put("type", "ask").put("id", 2).put("file_id", aliceFile).put("question", "total profit by category"));
            JsonObject again = client.frames.next();
            assertThat(again.getString("type")).isEqualTo("answer");
            assertThat(again.getInteger("id")).isEqualTo(2);
            assertThat(again.getJsonObject("body").getBoolean("cached")).isTrue();

            // the /ask checks, as errors with the ask's id
            client.send(new JsonObject().put("type", "ask").put("id", "bad").put("file_id", aliceFile));
            JsonObject error = client.frames.next();
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("id")).isEqualTo("bad");
            assertThat(error.getString("error")).isEqualTo("bad_request");
            client.send(new JsonObject().put("type", "ping"));
            assertThat(client.frames.next().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void aClientAuthenticatedByItsFirstFrameFollowsAJobStartedOverRest() throws Exception {
        try (WsClient client = ws(null)) {
            client.send(new JsonObject().put("type", "auth").put("token", aliceToken));
            JsonObject authenticated = client.frames.next();
            assertThat(authenticated.getString("type")).isEqualTo("authenticated");
            assertThat(authenticated.getString("tenant")).isEqualTo("alice");

            String jobId = alice.post("/ask", new JsonObject().put("file_id", aliceFile).put("question", "average sales by region").put("async", true))
                    .bodyAsJsonObject().getString("job_id");
            client.send(new JsonObject().put("type", "subscribe").put("id", "s1").put("job_id", jobId));
            List<JsonObject> frames = client.frames.until(f -> "done".equals(f.getString("event")) || "error".equals(f.getString("type")));
            assertThat(frames.get(0).getString("type")).isEqualTo("subscribed");
            List<JsonObject> events = frames.subList(1, frames.size());
            assertThat(events).allSatisfy(e -> assertThat(e.getString("type")).isEqualTo("event"));
            assertThat(events.get(events.size() - 1).getJsonObject("result").getString("job_id")).isEqualTo(jobId);
            assertThat(events.stream().map(e -> e.getString("event")).filter("done"::equals)).hasSize(1);

            // a job already over: its last event at once, then nothing more
            client.send(new JsonObject().put("type", "subscribe").put("id", "s2").put("job_id", jobId));
            assertThat(client.frames.next().getString("type")).isEqualTo("subscribed");
            JsonObject done = client.frames.next();
            assertThat(done.getString("event")).isEqualTo("done");
            assertThat(done.getJsonObject("result").getString("answer")).isNotBlank();
        }
    }

    @Test
    void anotherTenantsJobLooksExactlyLikeAnUnknownOne() throws Exception {
        String jobId = alice.post("/ask", new JsonObject().put("file_id", aliceFile).put("question", "count of orders by region").put("async", true))
                .bodyAsJsonObject().getString("job_id");
        try (WsClient bob = ws(bobToken)) {
            bob.send(new JsonObject().put("type", "subscribe").put("id", 1).put("job_id", jobId));
            JsonObject refused = bob.frames.next();
            bob.send(new JsonObject().put("type", "subscribe").put("id", 2).put("job_id", "j_00000000000000000000000000000000"));
            JsonObject unknown = bob.frames.next();
            assertThat(refused.getString("type")).as(refused.encode()).isEqualTo("error");
            assertThat(refused.getInteger("status")).isEqualTo(404);
            assertThat(refused.getString("error")).isEqualTo(unknown.getString("error")).isEqualTo("not_found");
            assertThat(unknown.getInteger("status")).isEqualTo(404);
            // bob asking about alice's file is refused as for a file that does not exist
            bob.send(new JsonObject().put("type", "ask").put("id", 3).put("file_id", aliceFile).put("question", "total sales"));
            // (the agent may accept bob's job before it finds no such file: then bob sees his own job's events first)
            List<JsonObject> frames = bob.frames.until(f -> !"event".equals(f.getString("type")));
            JsonObject ask = frames.get(frames.size() - 1);
            assertThat(ask.getString("type")).isEqualTo("error");
            assertThat(frames.subList(0, frames.size() - 1)).allSatisfy(e -> assertThat(e.getString("job_id")).isNotEqualTo(jobId));
            assertThat(ask.getInteger("status")).isIn(400, 404);
            // a user_id naming alice changes nothing: the socket acts for bob
            bob.send(new JsonObject().put("type", "ask").put("id", 4).put("file_id", aliceFile).put("question", "total sales").put("user_id", "alice"));
            assertThat(bob.frames.next().getString("error")).isEqualTo("tenant_mismatch");
            assertThat(Polls.job(alice, jobId).getString("status")).isEqualTo("done");
            bob.send(new JsonObject().put("type", "ping"));
            assertThat(bob.frames.next().getString("type")).as("nothing of alice's job reached bob").isEqualTo("pong");
        }
    }

    @Test
    void badTokensAreRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String expired = TestTokens.mint(vertx, TestTokens.SECRET, new JsonObject().put("sub", "a").put("tenant", "alice").put("exp", now - 3600),
                new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE));
        assertThatThrownBy(() -> ws(expired)).isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));

        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(new JsonObject().put("sub", "a").put("tenant", "alice")
                .put("iss", TestTokens.ISSUER).put("aud", TestTokens.AUDIENCE).put("exp", now + 600).encode()) + ".";
        try (WsClient client = ws(null)) {
            client.send(new JsonObject().put("type", "auth").put("token", unsigned));
            JsonObject error = client.frames.next();
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("error")).isEqualTo("token_unsigned");
            assertThat(client.frames.next().getString("type")).isEqualTo("closed");
            assertThat(client.closeStatus).isEqualTo((short) 1008);
        }
        try (WsClient client = ws(null)) {
            client.send(new JsonObject().put("type", "subscribe").put("job_id", "j_1"));
            assertThat(client.frames.next().getString("error")).isEqualTo("missing_credentials");
            assertThat(client.frames.next().getString("type")).isEqualTo("closed");
        }
    }

    @Test
    void framesAsksAndSubscriptionsAreBounded() throws Exception {
        try (WsClient client = ws(aliceToken)) {
            client.sendText(new JsonObject().put("type", "ask").put("id", 1).put("file_id", aliceFile).put("question", "x".repeat(20_000)).encode());
            assertThat(client.frames.next().getString("error")).isEqualTo("frame_too_large");
            // a question in a conversation always runs a job: six at once, and the last two find four in flight
            for (int i = 1; i <= 6; i++) {
                client.send(new JsonObject().put("type", "ask").put("id", i).put("file_id", aliceFile).put("question", "total sales by region")
                        .put("conversation_id", "c_bounds_" + i));
            }
            List<JsonObject> answers = new ArrayList<>();
            List<JsonObject> refusals = new ArrayList<>();
            while (answers.size() + refusals.size() < 6) {
                JsonObject frame = client.frames.next();
                if ("answer".equals(frame.getString("type"))) {
                    answers.add(frame);
                } else if ("error".equals(frame.getString("type"))) {
                    refusals.add(frame);
                }
            }
            assertThat(refusals).extracting(r -> r.getString("error")).containsExactly("too_many_asks", "too_many_asks");
            assertThat(refusals).extracting(r -> r.getInteger("id")).containsExactly(5, 6);
            assertThat(answers).extracting(a -> a.getInteger("id")).containsExactlyInAnyOrder(1, 2, 3, 4);
            client.send(new JsonObject().put("type", "ping"));
            assertThat(client.frames.next().getString("type")).as("the socket is still served").isEqualTo("pong");
            // a client that reads what it is sent is never taken for a slow one, however many frames it gets
            for (int i = 0; i < 3000; i++) {
                client.send(new JsonObject().put("type", "ping"));
                assertThat(client.frames.next().getString("type")).isEqualTo("pong");
            }
            assertThat(client.closeStatus).isNull();
        }
    }

    @Test
    void serverSentEventsCarryTheSameEventsToAPlainHttpClient() throws Exception {
        String jobId = alice.post("/ask", new JsonObject().put("file_id", aliceFile).put("question", "total quantity by region").put("async", true))
                .bodyAsJsonObject().getString("job_id");
        HttpClient http = vertx.createHttpClient();
        try {
            StringBuilder chunks = new StringBuilder();
            // the handler is set as the response arrives, on its event loop, so no chunk passes unseen
            HttpClientResponse response = http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("localhost").setPort(node.config.port())
                            .setURI("/jobs/" + jobId + "/events").putHeader("Authorization", "Bearer " + aliceToken))
                    .compose(request -> request.send())
                    .map(r -> r.handler(chunk -> {
                        synchronized (chunks) {
                            chunks.append(chunk.toString(StandardCharsets.UTF_8));
                        }
                    }))
                    .await();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
            try {
                response.end().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS); // the stream ends after the job's last event
            } catch (TimeoutException e) {
                throw new AssertionError("the stream did not end: " + chunks);
            }
            Buffer body = Buffer.buffer(chunks.toString());
            List<String> names = new ArrayList<>();
            List<JsonObject> data = new ArrayList<>();
            for (String line : body.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("event: ")) {
                    names.add(line.substring(7));
                } else if (line.startsWith("data: ")) {
                    data.add(new JsonObject(line.substring(6)));
                }
            }
            assertThat(names).isNotEmpty().hasSameSizeAs(data);
            assertThat(names.get(names.size() - 1)).isEqualTo("done");
            assertThat(data.stream().map(d -> d.getString("event")).toList()).isEqualTo(names);
            assertThat(data).allSatisfy(d -> assertThat(d.getString("job_id")).isEqualTo(jobId));
            assertThat(data.get(data.size() - 1).getJsonObject("result").getString("answer")).isNotBlank();

            var bob = Caller.bearer(node, bobToken).get("/jobs/" + jobId + "/events");
            assertThat(bob.statusCode()).isEqualTo(404);
            assertThat(bob.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
            assertThat(node.get("/jobs/" + jobId + "/events").statusCode()).isEqualTo(401);
        } finally {
            http.close().await();
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
