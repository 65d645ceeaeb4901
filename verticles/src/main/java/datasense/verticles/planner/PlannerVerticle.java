package datasense.verticles.planner;

import datasense.NodeConfig;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.Planner;
import datasense.agent.planner.LlmConfig;
import datasense.agent.planner.LlmPlanner;
import datasense.agent.planner.OfflinePlanner;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
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

    private final Planner planner;

    public PlannerVerticle(NodeConfig config) {
        OfflinePlanner offline = new OfflinePlanner();
        this.planner = config.llmEnabled()
                ? new LlmPlanner(new LlmConfig(config.openaiBaseUrl(), config.openaiApiKey(), config.model(), Duration.ofSeconds(20), 2), offline)
                : offline;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<JsonObject>consumer(Address.PLANNER_PLAN, this::plan).completion();
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
        Future.fromCompletionStage(planned, context)
                .map(Json::toJson)
                .onSuccess(message::reply)
                .onFailure(e -> BusError.fail(message, e));
    }
}
