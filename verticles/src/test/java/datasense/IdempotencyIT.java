package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.RunJob;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bus requests that are sent again when unanswered are safe to repeat: a job id delivered twice to
 * {@code ds.agent.run} runs once, and a question recorded twice is one question and one conversation turn.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("fault")
class IdempotencyIT {

    private static final String TENANT = "default";
    private TestNode node;
    private String fileId;

    @BeforeAll
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false"));
        fileId = node.uploadCsv("shop.csv", new ShopData(150).csv()).bodyAsJsonObject().getString("file_id");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    private <T> Future<Message<T>> request(String address, JsonObject body) {
        return node.vertx.eventBus().request(address, body, TenantHeader.on(BusTimeouts.STORE, TENANT));
    }

    private JobStatus job(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JobStatus status = JobStatus.fromJson(this.<JsonObject>request(Address.JOBS_GET, new JobQuery(jobId).toJson()).await().body());
        while (status.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = JobStatus.fromJson(this.<JsonObject>request(Address.JOBS_GET, new JobQuery(jobId).toJson()).await().body());
        }
        return status;
    }

    @Test
    void aJobDeliveredTwiceRunsOnce() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> doneSeen = new CompletableFuture<>();
        String jobId = "j_twice" + System.nanoTime();
        Handler<DeliveryContext<Object>> spy = delivery -> {
            if (delivery.message().address().equals(Address.jobEvents(jobId)) && delivery.message().body() instanceof JsonObject e) {
                events.add(e.getString("event"));
                if ("done".equals(e.getString("event"))) {
                    doneSeen.complete(null);
                }
            }
            delivery.next();
        };
        node.vertx.eventBus().addOutboundInterceptor(spy);
        try {
            RunJob run = new RunJob(jobId, fileId, "total sales by region", "offline", System.currentTimeMillis(), "c_twice", null, null, null);
            // the second copy arrives while the first is being accepted, as a re-send after a timeout would
            var first = this.<JsonObject>request(Address.AGENT_RUN, run.toJson());
            var second = this.<JsonObject>request(Address.AGENT_RUN, run.toJson());
            assertThat(JobStatus.fromJson(first.await().body()).jobId()).isEqualTo(jobId);
            assertThat(JobStatus.fromJson(second.await().body()).jobId()).isEqualTo(jobId);
            assertThat(job(jobId).status()).isEqualTo(JobStatus.DONE);
            // and once more after it is over: it answers the finished job's status and runs nothing
            assertThat(JobStatus.fromJson(this.<JsonObject>request(Address.AGENT_RUN, run.toJson()).await().body()).status())
                    .isEqualTo(JobStatus.DONE);
            // the done event follows the status that says done: the spy stays until it has passed
            doneSeen.get(30, TimeUnit.SECONDS);
        } finally {
            node.vertx.eventBus().removeOutboundInterceptor(spy);
        }
        assertThat(events.stream().filter("started"::equals)).hasSize(1);
        assertThat(events.stream().filter("done"::equals)).hasSize(1);
        assertThat(events.stream().filter("step_started"::equals).count()).isEqualTo(events.stream().filter("step_finished"::equals).count());
        JsonObject conversation = node.get("/conversations/c_twice").bodyAsJsonObject();
        assertThat(conversation.getJsonArray("turns")).hasSize(1);
        long recorded = node.get("/files/" + fileId + "/questions").bodyAsJsonObject().getJsonArray("questions").stream()
                .filter(q -> jobId.equals(((JsonObject) q).getString("job_id"))).count();
        assertThat(recorded).isEqualTo(1);
    }

    @Test
    void aQuestionRecordedTwiceIsOneQuestionAndOneTurn() {
        QuestionRecord record = new QuestionRecord("q_0000000000001abcdef01", "c_record_twice", fileId, "how many orders", "j_x",
                "2026-01-01T00:00:00Z", "Count of orders", 1.0, "150 orders", false, null, null, new JsonObject().put("answer", "150 orders"));
        request(Address.HISTORY_RECORD, record.toJson()).await();
        request(Address.HISTORY_RECORD, record.toJson()).await();
        assertThat(node.get("/conversations/c_record_twice").bodyAsJsonObject().getJsonArray("turns")).hasSize(1);
        assertThat(node.get("/files/" + fileId + "/questions").bodyAsJsonObject().getJsonArray("questions").stream()
                .filter(q -> record.questionId().equals(((JsonObject) q).getString("question_id")))).hasSize(1);
        assertThat(node.get("/questions/" + record.questionId()).bodyAsJsonObject().getString("answer")).isEqualTo("150 orders");
    }
}
