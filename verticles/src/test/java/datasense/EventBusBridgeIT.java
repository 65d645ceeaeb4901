package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browsers' event-bus bridge on a real node with authentication required, spoken by a SockJS client written
 * in the test ({@link SockJsClient}). A browser asks over {@code ds.client.ask} (request/reply) and follows its
 * own job at {@code ds.client.<tenant>.job.<id>}; every other attempt is refused with an error frame: no token,
 * an expired one, {@code alg: none}, another tenant's job, an unlisted address, the internal addresses, an
 * oversized frame, a thousand registrations on one socket. While each attempt is made alice runs jobs, and the
 * attacking socket must receive none of their messages.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class EventBusBridgeIT {

    private Vertx vertx;
    private TestNode node;
    private String aliceToken;
    private String bobToken;
    private Caller alice;
    private String aliceFile;
    private int questions;

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

    private SockJsClient socket() throws InterruptedException {
        return SockJsClient.connect(vertx, node.config.port());
    }

    /** A job of alice's, accepted and running (a conversation's question always runs a job). */
    private String aliceJob() {
        return alice.post("/ask", new JsonObject().put("file_id", aliceFile).put("question", "total sales by region")
                .put("conversation_id", "c_bridge_" + (++questions)).put("async", true)).bodyAsJsonObject().getString("job_id");
    }

    private static JsonObject ask(String fileId, String question) {
        return new JsonObject().put("file_id", fileId).put("question", question);
    }

    @Test
    void aBrowserAsksAndFollowsItsOwnJob() throws Exception {
        try (SockJsClient sock = socket()) {
            sock.sendTo("ds.client.ask", ask(aliceFile, "total profit by region").put("async", true), aliceToken, "reply-1");
            JsonObject accepted = sock.frames.next();
            assertThat(accepted.getString("type")).as(accepted.encode()).isEqualTo("rec");
            assertThat(accepted.getString("address")).isEqualTo("reply-1");
            String jobId = accepted.getJsonObject("body").getString("job_id");
            assertThat(jobId).startsWith("j_");

            String address = "ds.client.alice.job." + jobId;
            sock.register(address, aliceToken);
            List<JsonObject> events = sock.frames.until(EventBusBridgeIT::done);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getString("type")).isEqualTo("rec");
                assertThat(e.getString("address")).isEqualTo(address);
                assertThat(e.getJsonObject("body").getString("job_id")).isEqualTo(jobId);
            });
            JsonObject done = events.get(events.size() - 1).getJsonObject("body");
            assertThat(done.getJsonObject("result").getString("answer")).isNotBlank();
            assertThat(done.getJsonObject("result").encode()).as("artifact links signed for the browser").contains("&sig=");

            // request/reply: the /ask reply itself
            sock.sendTo("ds.client.ask", ask(aliceFile, "total profit by region"), aliceToken, "reply-2");
            JsonObject answer = sock.frames.next();
            assertThat(answer.getString("address")).isEqualTo("reply-2");
            assertThat(answer.getJsonObject("body").getString("answer")).isEqualTo(done.getJsonObject("result").getString("answer"));
            // a failed question comes back as the bridge's failure, with the API's status and error body
            sock.sendTo("ds.client.ask", ask("f_nope", "total profit by region"), aliceToken, "reply-3");
            JsonObject failed = sock.frames.next();
            assertThat(failed.getString("type")).isEqualTo("err");
            assertThat(failed.getInteger("failureCode")).isEqualTo(400);
            assertThat(new JsonObject(failed.getString("message")).getString("error")).isEqualTo("unknown_file_id");
            // a tenant header written by the browser is replaced by the token's tenant
            sock.send(new JsonObject().put("type", "send").put("address", "ds.client.ask").put("replyAddress", "reply-4")
                    .put("body", ask(aliceFile, "total profit by region")).put("headers", SockJsClient.headers(aliceToken).put("tenant", "bob")));
            JsonObject asAlice = sock.frames.next();
            assertThat(asAlice.getString("type")).as(asAlice.encode()).isEqualTo("rec");
            assertThat(asAlice.getJsonObject("body").getString("answer")).isEqualTo(done.getJsonObject("result").getString("answer"));
        }
    }

    /**
     * Runs {@code attack} on a fresh socket while alice's jobs run, and checks the socket got exactly
     * {@code refusals} error frames and no message at all: a barrier (a SEND the bridge refuses) marks the end of
     * what the socket was sent while alice's jobs ran.
     */
    private void refusedAndSilent(int refusals, Attack attack) throws Exception {
        try (SockJsClient sock = socket()) {
            String jobId = aliceJob();
            attack.on(sock, jobId);
            assertThat(Polls.job(alice, jobId).getString("status")).isEqualTo("done");
            // a synchronous question: once it is answered its job's events have been published
            assertThat(alice.post("/ask", ask(aliceFile, "average discount by category").put("conversation_id", "c_bridge_" + (++questions)))
                    .statusCode()).isEqualTo(200);
            sock.send(new JsonObject().put("type", "send").put("address", "ds.client.barrier").put("body", new JsonObject()));
            List<JsonObject> frames = new ArrayList<>();
            while (frames.stream().filter(f -> "err".equals(f.getString("type"))).count() < refusals + 1) {
                frames.add(sock.frames.next());
            }
            assertThat(frames).as("only refusals, no message").allSatisfy(f -> assertThat(f.getString("type")).isEqualTo("err"));
            assertThat(frames).allSatisfy(f -> assertThat(f.getString("body")).isIn("rejected", "access_denied", "max_handlers_reached"));
        }
    }

    @FunctionalInterface
    private interface Attack {
        void on(SockJsClient sock, String aliceJob) throws Exception;
    }

    private void registerAndAsk(SockJsClient sock, String jobId, String token) {
        sock.register("ds.client.alice.job." + jobId, token);
        sock.sendTo("ds.client.ask", ask(aliceFile, "total sales by region"), token, "r-1");
    }

    @Test
    void noTokenIsRefused() throws Exception {
        refusedAndSilent(2, (sock, job) -> registerAndAsk(sock, job, null));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String expired = TestTokens.mint(vertx, TestTokens.SECRET, new JsonObject().put("sub", "a").put("tenant", "alice")
                .put("exp", Instant.now().getEpochSecond() - 3600), new JWTOptions().setIssuer(TestTokens.ISSUER).addAudience(TestTokens.AUDIENCE));
        refusedAndSilent(2, (sock, job) -> registerAndAsk(sock, job, expired));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String claims = new JsonObject().put("sub", "a").put("tenant", "alice").put("iss", TestTokens.ISSUER).put("aud", TestTokens.AUDIENCE)
                .put("exp", Instant.now().getEpochSecond() + 600).encode();
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims) + ".";
        refusedAndSilent(2, (sock, job) -> registerAndAsk(sock, job, unsigned));
    }

    @Test
    void anotherTenantsJobIsRefused() throws Exception {
        refusedAndSilent(3, (sock, job) -> {
            sock.register("ds.client.alice.job." + job, bobToken);
            sock.register("ds.client.bob.job." + job, bobToken);
            // and a socket that acted for bob cannot then act for alice
            sock.register("ds.client.alice.job." + job, aliceToken);
        });
    }

    @Test
    void unlistedAddressesAndPublishAreRefused() throws Exception {
        refusedAndSilent(4, (sock, job) -> {
            sock.sendTo("ds.client.other", new JsonObject(), aliceToken, null);
            sock.register("ds.client.alice.jobs", aliceToken);
            sock.register("ds.client.alice.job." + job + ".more", aliceToken);
            sock.send(new JsonObject().put("type", "publish").put("address", "ds.client.ask").put("body", ask(aliceFile, "total sales"))
                    .put("headers", SockJsClient.headers(aliceToken)));
        });
    }

    @Test
    void internalAddressesAreUnreachable() throws Exception {
        refusedAndSilent(7, (sock, job) -> {
            sock.sendTo("ds.agent.run", new JsonObject().put("job_id", "j_x").put("file_id", aliceFile).put("question", "q"), aliceToken, "r-1");
            sock.sendTo("ds.jobs.get", new JsonObject().put("job_id", job), aliceToken, "r-2");
            sock.sendTo("ds.writer.put", new JsonObject().put("key", "alice/x").put("data", ""), aliceToken, null);
            sock.register("ds.job." + job + ".events", aliceToken);
            sock.register("ds.tool.sql_executor", aliceToken);
            sock.register("ds.cache.get", aliceToken);
            sock.register("ds.auth.key-revoked", aliceToken);
        });
    }

    @Test
    void anOversizedFrameIsRefused() throws Exception {
        refusedAndSilent(1, (sock, job) -> sock.sendTo("ds.client.ask", ask(aliceFile, "total sales " + "x".repeat(20_000)), aliceToken, "r-1"));
    }

    @Test
    void aThousandRegistrationsOnOneSocketAreRefusedButOne() throws Exception {
        try (SockJsClient sock = socket()) {
            String jobId = aliceJob();
            String address = "ds.client.alice.job." + jobId;
            for (int i = 0; i < 1000; i++) {
                sock.register(address, aliceToken);
            }
            assertThat(Polls.job(alice, jobId).getString("status")).isEqualTo("done");
            sock.send(new JsonObject().put("type", "send").put("address", "ds.client.barrier").put("body", new JsonObject()));
            List<JsonObject> frames = new ArrayList<>();
            // the last event may be published just after the job's status says done: wait for both
            while (frames.stream().filter(f -> "err".equals(f.getString("type"))).count() < 1000
                    || frames.stream().noneMatch(EventBusBridgeIT::done)) {
                frames.add(sock.frames.next());
            }
            List<JsonObject> messages = frames.stream().filter(f -> "rec".equals(f.getString("type"))).toList();
            assertThat(messages).as("the one registration's events, each once").isNotEmpty().allSatisfy(m -> {
                assertThat(m.getString("address")).isEqualTo(address);
                assertThat(m.getJsonObject("body").getString("job_id")).isEqualTo(jobId);
            });
            assertThat(messages.stream().filter(m -> "done".equals(m.getJsonObject("body").getString("event")))).hasSize(1);
            assertThat(frames.size() - messages.size()).as("999 refusals and the barrier").isEqualTo(1000);
        }
    }

    /** A {@code rec} of a job's last event. */
    private static boolean done(JsonObject frame) {
        return frame.getValue("body") instanceof JsonObject body && "done".equals(body.getString("event"));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
