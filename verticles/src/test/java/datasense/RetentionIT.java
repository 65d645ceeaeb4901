package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on a real node whose jobs are kept 10.8 s (DATASENSE_JOB_RETENTION_HOURS=0.003), swept every half
 * second, with two questions kept per file: ended jobs' folders go, the oldest questions leave the history, the
 * answer folder nothing names any more goes, conversations last written before the cut-off go and the store's bytes
 * go down, while the kept questions, the board that pinned an old answer and that answer's artifacts still open.
 * The audit log keeps its default 90 days: a day folder older than that goes whole, the oldest kept day and today stay.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("fault")
class RetentionIT {

    private TestNode node;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        node = TestNode.start(vertx, Map.of("DATASENSE_SAMPLE_DATA", "false", "DATASENSE_JOB_RETENTION_HOURS", "0.003",
                "DATASENSE_RETENTION_SWEEP_SECONDS", "0.5", "DATASENSE_HISTORY_KEEP", "2"));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void endedJobsExpireUnnamedAnswersGoAndWhatIsKeptStillOpens() throws Exception {
        String fileId = node.uploadCsv("shop.csv", new ShopData(120).csv()).bodyAsJsonObject().getString("file_id");
        Path answers = node.dataDir.resolve("default/uploads/" + fileId + "/answers");

        JsonObject first = ask(fileId, "total sales by region");
        String pinnedAnswer = only(folders(answers));
        // pinned now: the retention trims this question from the history once two newer ones are asked
        String boardId = node.post("/files/" + fileId + "/boards", new JsonObject().put("name", "kept")).bodyAsJsonObject().getString("board_id");
        assertThat(node.post("/boards/" + boardId + "/tiles", new JsonObject().put("question_id", first.getString("question_id"))).statusCode())
                .isEqualTo(201);

        Set<String> before = folders(answers);
        JsonObject second = ask(fileId, "average profit by region");
        String unpinnedAnswer = only(minus(folders(answers), before));
        ask(fileId, "number of orders by region");
        JsonObject fourth = ask(fileId, "maximum quantity by region");
        long peak = bytesUnder(node.dataDir);
        assertThat(folders(node.dataDir.resolve("default/jobs"))).hasSizeGreaterThanOrEqualTo(4);

        // every ended job's folder goes once its 10.8 s are over, and with it the unpinned, trimmed answer
        assertThat(Polls.until(() -> folders(node.dataDir.resolve("default/jobs")), Set::isEmpty)).isEmpty();
        assertThat(Polls.until(() -> folders(answers), f -> !f.contains(unpinnedAnswer))).doesNotContain(unpinnedAnswer)
                .contains(pinnedAnswer).hasSize(3);
        assertThat(bytesUnder(node.dataDir)).isLessThan(peak);
        // each question began a conversation; all were last written before the cut-off, so they go too
        Path conversations = node.dataDir.resolve("default/conversations");
        assertThat(Polls.until(() -> files(conversations), Set::isEmpty)).as("expired conversations").isEmpty();

        // the history keeps the two newest questions
        JsonObject history = node.get("/files/" + fileId + "/questions").bodyAsJsonObject();
        assertThat(history.getInteger("total")).isEqualTo(2);
        assertThat(node.get("/questions/" + fourth.getString("question_id")).statusCode()).isEqualTo(200);
        assertThat(node.get("/questions/" + second.getString("question_id")).statusCode()).isEqualTo(404);
        assertThat(node.get("/jobs/" + first.getString("job_id")).statusCode()).isEqualTo(404);

        // the board opens, and its tile's artifacts are still served
        JsonObject board = node.get("/boards/" + boardId).bodyAsJsonObject();
        JsonObject tile = board.getJsonArray("tiles").getJsonObject(0);
        String artifact = firstArtifact(tile.encode());
        assertThat(artifact).contains(pinnedAnswer);
        HttpResponse<Buffer> served = node.get(artifact);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body().length()).isPositive();
        // the file itself is never a retention matter, and a fresh conversation stays
        assertThat(node.get("/files/" + fileId).statusCode()).isEqualTo(200);
        JsonObject fresh = ask(fileId, "total profit by region");
        assertThat(Polls.until(() -> node.get("/conversations/" + fresh.getString("conversation_id")).statusCode(), c -> c == 200))
                .isEqualTo(200);
    }

    @Test
    void auditDaysOlderThanTheRetentionGoWholeWhileKeptDaysStay() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expired = today.minusDays(91);
        LocalDate oldestKept = today.minusDays(90);
        Path log = node.dataDir.resolve("_audit/default");
        // entries as the AuditVerticle writes them, on days long past; today's comes from a real upload
        writeAuditEntry(log, expired, "a");
        writeAuditEntry(log, expired, "b");
        writeAuditEntry(log, oldestKept, "c");
        assertThat(node.uploadCsv("shop.csv", new ShopData(20).csv()).statusCode()).isEqualTo(201);

        assertThat(Polls.until(() -> folders(log), f -> !f.contains(expired.toString())))
                .containsExactlyInAnyOrder(oldestKept.toString(), today.toString());
        JsonObject read = node.get("/audit?since=" + expired).bodyAsJsonObject();
        assertThat(read.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("action")).toList())
                .containsExactly("test.kept", "file.upload");
    }

    private static void writeAuditEntry(Path log, LocalDate day, String id) throws IOException {
        Instant at = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        Path entry = log.resolve(day + "/" + String.format("%013d", at.toEpochMilli()) + "-" + id + ".json");
        Files.createDirectories(entry.getParent());
        String action = day.equals(LocalDate.now(ZoneOffset.UTC).minusDays(90)) ? "test.kept" : "test.expired";
        Files.writeString(entry, new JsonObject().put("at", at.toString()).put("action", action).put("details", new JsonObject()).encode());
    }

    private JsonObject ask(String fileId, String question) {
        HttpResponse<Buffer> reply = node.post("/ask", new JsonObject().put("file_id", fileId).put("question", question));
        assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(200);
        return reply.bodyAsJsonObject();
    }

    private static String firstArtifact(String json) {
        int start = json.indexOf("/artifacts/");
        assertThat(start).as("an artifact link in " + json).isNotNegative();
        return json.substring(start, json.indexOf('"', start));
    }

    private static String only(Set<String> names) {
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
    }

    private static Set<String> files(Path dir) {
        return names(dir, Files::isRegularFile);
    }

    private static Set<String> folders(Path dir) {
        return names(dir, Files::isDirectory);
    }

    private static Set<String> names(Path dir, java.util.function.Predicate<Path> kind) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(kind).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** The bytes of every file under {@code dir}; counted again when a folder vanished during the walk (a sweep ran). */
    private static long bytesUnder(Path dir) {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 20) {
                    throw new IllegalStateException("cannot count " + dir, e);
                }
            }
        }
    }
}
