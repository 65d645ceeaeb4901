package datasense.agent;

import java.util.concurrent.CompletionStage;

/**
 * Turns a question about one table into a plan of tool calls. Implementations: the deterministic offline
 * planner (no network) and the LLM planner (an OpenAI-compatible endpoint, falling back to the offline one).
 * With a {@link PlanRequest#failure()} it returns a plan whose steps replace the failed one.
 */
public interface Planner {

    /** Short stable name recorded in plans, traces and cache keys: "offline", "llm". */
    String name();

    CompletionStage<Plan> plan(PlanRequest request);
}
