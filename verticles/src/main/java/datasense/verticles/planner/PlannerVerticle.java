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
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.redis.RedisTenantCounters;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns (question, schema, conversation) into a plan, and repairs a failed step when asked. Uses the LLM
 * planner when OPENAI_API_KEY is set (it falls back to the offline planner by itself), else the offline one.
 * The offline planner is pure and fast; the LLM planner is asynchronous, so neither blocks the event loop.
 * A tenant that spent its LLM tokens for the day ({@link TokenBudget}) is planned offline until the day ends.
 */
public final class PlannerVerticle extends VerticleBase {

    /** The most questions a file is suggested. */
    private static final int MAX_SUGGESTIONS = 8;

    private final Planner planner;
    private final OfflinePlanner offline = new OfflinePlanner();
    private final ProductMetrics metrics;
    private final boolean llm;
    private final NodeConfig config;
    private TokenBudget budget;
    private RedisTenantCounters redis;

    public PlannerVerticle(NodeConfig config, ProductMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.llm = config.llmEnabled();
        this.planner = config.llmEnabled()
                ? new LlmPlanner(new LlmConfig(config.openaiBaseUrl(), config.openaiApiKey(), config.model(), Duration.ofSeconds(20), 2), offline)
                : offline;
    }

    @Override
    public Future<?> start() {
        if (llm && config.tenantLlmTokensPerDay() > 0 && config.redis() != null) {
            redis = new RedisTenantCounters(vertx, config.redis().url(), metrics);
        }
        budget = new TokenBudget(llm ? config.tenantLlmTokensPerDay() : 0, redis, Clock.systemUTC());
        return Future.all(redis == null ? Future.succeededFuture() : redis.start(),
                vertx.eventBus().<JsonObject>consumer(Address.PLANNER_PLAN, this::plan).completion(),
                vertx.eventBus().<JsonObject>consumer(Address.PLANNER_SUGGEST, this::suggest).completion());
    }

    @Override
    public Future<?> stop() {
        return redis == null ? Future.succeededFuture() : redis.close();
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
        boolean repair = request.failure() != null;
        // the budget is the tenant's (its header); a repair never calls the model, so it is not checked
        String tenant = message.headers().get(TenantHeader.NAME);
        Future<Boolean> spent = tenant == null || repair ? Future.succeededFuture(false) : budget.spent(tenant);
        spent.compose(over -> over ? overBudget(request) : plan(request, planner))
                .onSuccess(plan -> {
                    long prompt = plan.usage() == null ? 0 : plan.usage().promptTokens();
                    long completion = plan.usage() == null ? 0 : plan.usage().completionTokens();
                    boolean fellBack = llm && !repair && !spent.result() && !"llm".equals(plan.planner());
                    metrics.planned(plan.planner(), fellBack, prompt, completion);
                    if (tenant != null) {
                        budget.add(tenant, prompt + completion);
                    }
                })
                .map(Json::toJson)
                .onSuccess(message::reply)
                .onFailure(e -> BusError.fail(message, e));
    }

    /**
     * The tenant spent today's LLM tokens: the offline planner answers (no model call) until the UTC day ends, and
     * the interpretation and the notes say so, so the reader knows why this answer was read without the model.
     */
    private Future<Plan> overBudget(PlanRequest request) {
        metrics.limitExceeded(RedisTenantCounters.LLM_TOKENS_PER_DAY);
        String why = "this tenant's LLM budget for today (" + budget.perDay() + " tokens, DATASENSE_TENANT_LLM_TOKENS_PER_DAY) is spent;"
                + " planned by the offline planner until 00:00 UTC";
        return plan(request, offline).map(p -> {
            List<String> notes = new ArrayList<>();
            notes.add(why);
            notes.addAll(p.notes());
            String read = p.interpretation() == null ? "" : p.interpretation() + " ";
            return new Plan(p.steps(), read + "(" + why + ")", p.confidence(), notes, p.suggestions(), p.alternatives(),
                    p.planner(), p.usage(), p.joins());
        });
    }

    private Future<Plan> plan(PlanRequest request, Planner with) {
        try {
            return Future.fromCompletionStage(with.plan(request), context);
        } catch (RuntimeException | LinkageError e) {
            // a planner bug thrown instead of returned must still answer the caller, not leave it to time out
            return Future.failedFuture(e);
        }
    }
}
