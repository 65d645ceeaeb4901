package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.agent.Plan;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation: the reply of {@code ds.history.conversation}, the body of {@code GET /conversations/{id}} and
 * the store's {@code {tenant}/conversations/{id}.json}. Its turns are its questions, oldest first, each with the
 * plan that answered it (what the planners read as history).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Conversation(String conversationId, String fileId, String createdAt, List<Turn> turns) {

    public Conversation {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** One question of the conversation. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Turn(String questionId, String question, String askedAt, String interpretation, Double confidence,
                       String answer, Plan plan) {
    }

    /** True when a turn of {@code questionId} is already in it. */
    public boolean has(String questionId) {
        return turns.stream().anyMatch(t -> t.questionId().equals(questionId));
    }

    /** With {@code turn} added last, and only the last {@code max} turns kept. */
    public Conversation with(Turn turn, int max) {
        List<Turn> next = new ArrayList<>(turns);
        next.add(turn);
        return new Conversation(conversationId, fileId, createdAt, next.subList(Math.max(0, next.size() - max), next.size()));
    }

    /** Without the turn of {@code questionId}. */
    public Conversation without(String questionId) {
        return new Conversation(conversationId, fileId, createdAt, turns.stream().filter(t -> !t.questionId().equals(questionId)).toList());
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static Conversation fromJson(JsonObject json) {
        return Json.fromJson(json, Conversation.class);
    }
}
