package datasense.verticles.history;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Conversation;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.Replies;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Conversations and the question history, kept in the object store (the system of record), every key under the
 * tenant of the request's {@code tenant} header, so conversation and question ids are scoped to their tenant.
 * Each answered question is one {@link QuestionRecord} under its file ({@code {tenant}/uploads/{file}/questions/{q}.json}),
 * found by id through a small index entry; a {@link Conversation} is one document of turns that the planners read
 * as history. A conversation is changed under a cluster-wide lock, so two questions asked at once in one
 * conversation both land, and a question recorded twice (a repeated message) lands once.
 */
public final class HistoryVerticle extends VerticleBase {

    /** The turns a conversation keeps; planners read the last few. */
    static final int MAX_TURNS = 50;
    private static final long LOCK_TIMEOUT_MS = 10_000;

    private final ObjectStore store;

    public HistoryVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(
                bus.<JsonObject>consumer(Address.HISTORY_CONVERSATION, m -> Replies.forTenant(m, this::conversation)).completion(),
                bus.<JsonObject>consumer(Address.HISTORY_RECORD, m -> Replies.forTenant(m, this::record)).completion(),
                bus.<JsonObject>consumer(Address.HISTORY_QUESTIONS, m -> Replies.forTenant(m, this::questions)).completion(),
                bus.<JsonObject>consumer(Address.HISTORY_QUESTION, m -> Replies.forTenant(m, this::question)).completion(),
                bus.<JsonObject>consumer(Address.HISTORY_DELETE, m -> Replies.forTenant(m, this::delete)).completion());
    }

    // ---- conversations -------------------------------------------------------------------------------------

    private Future<JsonObject> conversation(String tenant, JsonObject request) {
        String id = request.getString("conversation_id");
        if (!Keys.safeId(id)) {
            return Future.failedFuture(BusError.notFound("conversation", String.valueOf(id), "conversation ids come from POST /ask"));
        }
        return store.get(Keys.conversation(tenant, id)).map(Buffer::toJsonObject)
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("conversation", id, "conversation ids come from POST /ask") : e));
    }

    /**
     * Writes the question's record and its index entry, then appends the turn to its conversation (created on
     * its first turn). The record is written first: a question is in the history once its record exists.
     */
    private Future<JsonObject> record(String tenant, JsonObject request) {
        QuestionRecord record = QuestionRecord.fromJson(request);
        String questionId = record.questionId();
        if (!Keys.safeId(questionId) || !Keys.safeId(record.fileId())
                || record.conversationId() != null && !Keys.safeId(record.conversationId())) {
            return Future.failedFuture(BusError.badRequest("bad_message", "a question record needs safe question, file and conversation ids", null));
        }
        Future<Void> written = store.put(Keys.question(tenant, record.fileId(), questionId), record.toJson().toBuffer())
                .compose(v -> store.put(Keys.questionIndex(tenant, questionId),
                        new JsonObject().put("question_id", questionId).put("file_id", record.fileId()).toBuffer()));
        String conversationId = record.conversationId();
        if (conversationId == null) {
            return written.map(v -> new JsonObject().put("question_id", questionId));
        }
        return written
                .compose(v -> updateConversation(tenant, conversationId, conversation -> {
                    Conversation current = conversation != null ? conversation
                            : new Conversation(conversationId, record.fileId(), record.askedAt(), List.of());
                    // a repeated delivery of this record: its turn is already there
                    return current.has(questionId) ? null : current.with(record.turn(), MAX_TURNS);
                }))
                .map(v -> new JsonObject().put("question_id", questionId).put("conversation_id", conversationId));
    }

    /** Changes a conversation under its lock; {@code change} gets null for a new one and returns null to leave it be. */
    private Future<Void> updateConversation(String tenant, String conversationId, Function<Conversation, Conversation> change) {
        String key = Keys.conversation(tenant, conversationId);
        return vertx.sharedData().getLockWithTimeout("ds.conversation." + tenant + "." + conversationId, LOCK_TIMEOUT_MS)
                .compose(lock -> store.get(key).map(bytes -> Conversation.fromJson(bytes.toJsonObject()))
                        .recover(e -> e instanceof ObjectStore.NoSuchKeyException
                                ? Future.succeededFuture((Conversation) null) : Future.failedFuture(e))
                        .compose(conversation -> {
                            Conversation changed = change.apply(conversation);
                            return changed == null ? Future.<Void>succeededFuture() : store.put(key, changed.toJson().toBuffer());
                        })
                        .onComplete(done -> lock.release()));
    }

    // ---- questions -----------------------------------------------------------------------------------------

    /** A file's questions, newest first (question ids sort by the time they were asked). */
    private Future<JsonObject> questions(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        if (!Keys.safeId(fileId)) {
            return Future.failedFuture(BusError.notFound("file", String.valueOf(fileId), "list your files with GET /files"));
        }
        int limit = Math.max(1, Math.min(500, request.getInteger("limit", 100)));
        return store.exists(Keys.manifest(tenant, fileId))
                .compose(exists -> exists ? store.list(Keys.questionsPrefix(tenant, fileId))
                        : Future.failedFuture(BusError.notFound("file", fileId, "list your files with GET /files")))
                .compose(keys -> {
                    List<String> newest = new ArrayList<>(keys);
                    newest.sort(Comparator.reverseOrder());
                    List<Future<QuestionRecord>> reads = newest.stream().limit(limit)
                            .map(k -> read(k).map(QuestionRecord::summary)
                                    .recover(e -> Future.succeededFuture((QuestionRecord) null))) // deleted meanwhile
                            .toList();
                    return Future.all(reads).map(all -> {
                        JsonArray list = new JsonArray();
                        all.<QuestionRecord>list().stream().filter(Objects::nonNull).forEach(q -> list.add(q.toJson()));
                        return new JsonObject().put("file_id", fileId).put("total", keys.size()).put("questions", list);
                    });
                });
    }

    private Future<JsonObject> question(String tenant, JsonObject request) {
        return find(tenant, request.getString("question_id")).map(QuestionRecord::toJson);
    }

    private Future<QuestionRecord> find(String tenant, String questionId) {
        return locate(tenant, questionId).compose(fileId -> read(Keys.question(tenant, fileId, questionId)))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("question", String.valueOf(questionId), "list a file's questions with GET /files/{file_id}/questions") : e));
    }

    /** Removes the record, its index entry and its turn in the conversation; the answer's artifacts stay (other questions may share them). */
    private Future<JsonObject> delete(String tenant, JsonObject request) {
        String questionId = request.getString("question_id");
        return find(tenant, questionId).compose(record -> {
            Future<Void> turnGone = record.conversationId() == null ? Future.succeededFuture()
                    : updateConversation(tenant, record.conversationId(), c -> c == null ? null : c.without(questionId));
            return turnGone
                    .compose(v -> store.deletePrefix(Keys.question(tenant, record.fileId(), questionId)))
                    .compose(v -> store.deletePrefix(Keys.questionIndex(tenant, questionId)))
                    .map(v -> new JsonObject().put("question_id", questionId).put("deleted", true));
        });
    }

    private Future<String> locate(String tenant, String questionId) {
        if (!Keys.safeId(questionId)) {
            return Future.failedFuture(new ObjectStore.NoSuchKeyException(String.valueOf(questionId)));
        }
        return store.get(Keys.questionIndex(tenant, questionId)).map(index -> index.toJsonObject().getString("file_id"));
    }

    private Future<QuestionRecord> read(String key) {
        return store.get(key).map(bytes -> QuestionRecord.fromJson(bytes.toJsonObject()));
    }
}
