package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.agent.Plan;
import io.vertx.core.json.JsonObject;

/**
 * One answered question, as {@code ds.history.record} takes it (the tenant in the {@link TenantHeader}), as the
 * store keeps it ({@code {tenant}/uploads/{file}/questions/{question_id}.json}) and as {@code GET /questions/{id}}
 * shows it. Recording the same question id twice writes it once and adds one conversation turn.
 *
 * @param conversationId null for a question outside a conversation (a re-run)
 * @param reply          the /ask body that answered it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionRecord(String questionId, String conversationId, String fileId, String question, String jobId,
                             String askedAt, String interpretation, Double confidence, String answer, Boolean cached,
                             String rerunOf, Plan plan, JsonObject reply) {

    /** What a file's question list shows of it: everything but the plan and the reply. */
    public QuestionRecord summary() {
        return new QuestionRecord(questionId, conversationId, fileId, question, jobId, askedAt, interpretation, confidence,
                answer, cached, rerunOf, null, null);
    }

    /** The conversation turn it makes. */
    public Conversation.Turn turn() {
        return new Conversation.Turn(questionId, question, askedAt, interpretation, confidence, answer, plan);
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static QuestionRecord fromJson(JsonObject json) {
        return Json.fromJson(json, QuestionRecord.class);
    }
}
