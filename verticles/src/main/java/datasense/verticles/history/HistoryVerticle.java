package datasense.verticles.history;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Replies;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Conversations and the question history, kept in the object store (the system of record). Each answered
 * question is one record under its file ({@code {tenant}/uploads/{file}/questions/{q}.json}: the question,
 * its plan and the answer given), found by id through a small index entry; a conversation is one document
 * of turns (question, plan, answer) that the planners read as history. A conversation is changed under a
 * cluster-wide lock, so two questions asked at once in one conversation both land.
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
        return readJson(Keys.conversation(tenant, id))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("conversation", id, "conversation ids come from POST /ask") : e));
    }

    /**
     * Writes the question's record and its index entry, then appends the turn to its conversation (created on
     * its first turn). The record is written first: a question is in the history once its record exists.
     */
    private Future<JsonObject> record(String tenant, JsonObject request) {
        JsonObject record = request.getJsonObject("record");
        String questionId = record.getString("question_id");
        String fileId = record.getString("file_id");
        String conversationId = record.getString("conversation_id");
        record.put("asked_at", record.getString("asked_at", Instant.now().toString()));
        Future<Void> written = store.put(Keys.question(tenant, fileId, questionId), record.toBuffer())
                .compose(v -> store.put(Keys.questionIndex(tenant, questionId),
                        new JsonObject().put("question_id", questionId).put("file_id", fileId).toBuffer()));
        if (conversationId == null) {
            return written.map(v -> new JsonObject().put("question_id", questionId));
        }
        return written
                .compose(v -> updateConversation(tenant, conversationId, conversation -> {
                    if (conversation.getString("file_id") == null) {
                        conversation.put("conversation_id", conversationId).put("file_id", fileId)
                                .put("created_at", record.getString("asked_at")).put("turns", new JsonArray());
                    }
                    JsonArray turns = conversation.getJsonArray("turns");
                    if (turns.stream().anyMatch(t -> questionId.equals(((JsonObject) t).getString("question_id")))) {
                        return null; // a repeated delivery of this record: its turn is already there
                    }
                    turns.add(turn(record));
                    while (turns.size() > MAX_TURNS) {
                        turns.remove(0);
                    }
                    return conversation;
                }))
                .map(v -> new JsonObject().put("question_id", questionId).put("conversation_id", conversationId));
    }

    /** What a conversation keeps of a question: enough to re-read it as history and to show it. */
    private static JsonObject turn(JsonObject record) {
        return new JsonObject()
                .put("question_id", record.getString("question_id"))
                .put("question", record.getString("question"))
                .put("asked_at", record.getString("asked_at"))
                .put("interpretation", record.getString("interpretation"))
                .put("confidence", record.getValue("confidence"))
                .put("answer", record.getString("answer"))
                .put("plan", record.getJsonObject("plan"));
    }

    private Future<Void> updateConversation(String tenant, String conversationId, Function<JsonObject, JsonObject> change) {
        String key = Keys.conversation(tenant, conversationId);
        return vertx.sharedData().getLockWithTimeout("ds.conversation." + tenant + "." + conversationId, LOCK_TIMEOUT_MS)
                .compose(lock -> readJson(key)
                        .recover(e -> e instanceof ObjectStore.NoSuchKeyException
                                ? Future.succeededFuture(new JsonObject()) : Future.failedFuture(e))
                        .compose(conversation -> {
                            JsonObject changed = change.apply(conversation);
                            return changed == null ? Future.<Void>succeededFuture() : store.put(key, changed.toBuffer());
                        })
                        .onComplete(done -> lock.release()));
    }

    // ---- questions -----------------------------------------------------------------------------------------

    /** A file's questions, newest first (question ids sort by the time they were asked). */
    private Future<JsonObject> questions(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        int limit = Math.max(1, Math.min(500, request.getInteger("limit", 100)));
        return store.exists(Keys.manifest(tenant, fileId))
                .compose(exists -> exists ? store.list(Keys.questionsPrefix(tenant, fileId))
                        : Future.failedFuture(BusError.notFound("file", fileId, "list your files with GET /files")))
                .compose(keys -> {
                    List<String> newest = new ArrayList<>(keys);
                    newest.sort(java.util.Comparator.reverseOrder());
                    List<Future<JsonObject>> reads = newest.stream().limit(limit)
                            .map(k -> readJson(k).map(HistoryVerticle::summary)
                                    .recover(e -> Future.succeededFuture((JsonObject) null))) // deleted meanwhile
                            .toList();
                    return Future.all(reads).map(all -> {
                        JsonArray list = new JsonArray();
                        all.<JsonObject>list().stream().filter(java.util.Objects::nonNull).forEach(list::add);
                        return new JsonObject().put("file_id", fileId).put("total", keys.size()).put("questions", list);
                    });
                });
    }

    private static JsonObject summary(JsonObject record) {
        JsonObject s = new JsonObject();
        for (String field : List.of("question_id", "question", "conversation_id", "asked_at", "interpretation",
                "confidence", "answer", "cached", "rerun_of", "job_id")) {
            if (record.getValue(field) != null) {
                s.put(field, record.getValue(field));
            }
        }
        return s;
    }

    private Future<JsonObject> question(String tenant, JsonObject request) {
        String questionId = request.getString("question_id");
        return locate(tenant, questionId).compose(fileId -> readJson(Keys.question(tenant, fileId, questionId)))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException
                        ? BusError.notFound("question", questionId, "list a file's questions with GET /files/{file_id}/questions") : e));
    }

    /** Removes the record, its index entry and its turn in the conversation; the answer's artifacts stay (other questions may share them). */
    private Future<JsonObject> delete(String tenant, JsonObject request) {
        String questionId = request.getString("question_id");
        return question(tenant, request).compose(record -> {
            String fileId = record.getString("file_id");
            String conversationId = record.getString("conversation_id");
            Future<Void> turnGone = conversationId == null ? Future.succeededFuture()
                    : updateConversation(tenant, conversationId, conversation -> {
                        JsonArray turns = conversation.getJsonArray("turns");
                        if (turns == null) {
                            return null;
                        }
                        turns.getList().removeIf(t -> t instanceof java.util.Map<?, ?> m && questionId.equals(m.get("question_id"))
                                || t instanceof JsonObject j && questionId.equals(j.getString("question_id")));
                        return conversation;
                    });
            return turnGone
                    .compose(v -> store.deletePrefix(Keys.question(tenant, fileId, questionId)))
                    .compose(v -> store.deletePrefix(Keys.questionIndex(tenant, questionId)))
                    .map(v -> new JsonObject().put("question_id", questionId).put("deleted", true));
        });
    }

    private Future<String> locate(String tenant, String questionId) {
        if (!Keys.safeId(questionId)) {
            return Future.failedFuture(new ObjectStore.NoSuchKeyException(String.valueOf(questionId)));
        }
        return readJson(Keys.questionIndex(tenant, questionId)).map(index -> index.getString("file_id"));
    }

    private Future<JsonObject> readJson(String key) {
        return store.get(key).map(Buffer::toJsonObject);
    }
}
