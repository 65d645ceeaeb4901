package datasense.verticles.planner;

import datasense.NodeConfig;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.Planner;
import datasense.agent.planner.FileSuggestions;
import datasense.agent.planner.LlmConfig;
import datasense.agent.planner.LlmPlanner;
import datasense.agent.planner.OfflinePlanner;
import datasense.tools.SchemaInfo;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.metrics.ProductMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Turns (question, schema, conversation) into a plan, and repairs a failed step when asked. Uses the LLM
 * planner when OPENAI_API_KEY is set (it falls back to the offline planner by itself), else the offline one.
 * The offline planner is pure and fast; the LLM planner is asynchronous, so neither blocks the event loop.
 */
public final class PlannerVerticle extends VerticleBase {

    /** The most questions a file is suggested. */
    private static final int MAX_SUGGESTIONS = 8;

    private final Planner planner;
    private final OfflinePlanner offline = new OfflinePlanner();
    private final ProductMetrics metrics;
    private final boolean llm;

    public PlannerVerticle(NodeConfig config, ProductMetrics metrics) {
        this.metrics = metrics;
        this.llm = config.llmEnabled();
        this.planner = config.llmEnabled()
                ? new LlmPlanner(new LlmConfig(config.openaiBaseUrl(), config.openaiApiKey(), config.model(), Duration.ofSeconds(20), 2), offline)
                : offline;
    }

    @Override
    public Future<?> start() {
        return Future.all(vertx.eventBus().<JsonObject>consumer(Address.PLANNER_PLAN, this::plan).completion(),
                vertx.eventBus().<JsonObject>consumer(Address.PLANNER_SUGGEST, this::suggest).completion());
    }

    /** A file's suggested questions: always the offline planner's (no model tokens spent on a page opening). */
    private void suggest(Message<JsonObject> message) {
        try {
            SchemaInfo schema = Json.fromJson(message.body().getJsonObject("schema"), SchemaInfo.class);
            int limit = Math.max(1, Math.min(MAX_SUGGESTIONS, message.body().getInteger("limit", 6)));
            message.reply(new JsonObject().put("questions", FileSuggestions.of(schema, offline, limit)));
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            BusError.badRequest("bad_message", "a suggestion request needs {schema, limit}: " + e.getMessage(), null).failReply(message);
        }
    }

    private void plan(Message<JsonObject> message) {
        PlanRequest request;
        try {
            request = Json.fromJson(message.body(), PlanRequest.class);
        } catch (IllegalArgumentException e) {
            BusError.badRequest("bad_message", e.getMessage(), null).failReply(message);
            return;
        }
        CompletionStage<Plan> planned;
        try {
            planned = planner.plan(request);
        } catch (RuntimeException | LinkageError e) {
            // a planner bug thrown instead of returned must still answer the caller, not leave it to time out
            planned = CompletableFuture.failedFuture(e);
        }
        boolean repair = request.failure() != null;
        Future.fromCompletionStage(planned, context)
                .onSuccess(plan -> metrics.planned(plan.planner(), llm && !repair && !"llm".equals(plan.planner()),
                        plan.usage() == null ? 0 : plan.usage().promptTokens(), plan.usage() == null ? 0 : plan.usage().completionTokens()))
                .map(Json::toJson)
                .onSuccess(message::reply)
                .onFailure(e -> BusError.fail(message, e));
    }
}
