package datasense.agent.planner;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the LLM planner talks to an OpenAI-compatible endpoint: the base URL (e.g.
 * "https://api.openai.com/v1"; the client appends "/chat/completions"), the API key, the model, the time one
 * HTTP attempt may take, how many times the client retries a failed attempt (408, 409, 429, 5xx and
 * connection errors, with exponential backoff and jitter), and the budget: the wall time the whole planning
 * of one question may take, first call, retries and the one repair call together, before the offline planner
 * answers instead.
 */
public record LlmConfig(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries,
                        Duration budget) {

    public LlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive");
        }
    }

    /** A config whose budget is {@link #defaultBudget}. */
    public LlmConfig(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries) {
        this(baseUrl, apiKey, model, timeout, maxRetries, defaultBudget(timeout));
    }

    /**
     * Room for one full attempt, a repair call and a few seconds of backoff: a person waits for the answer,
     * so a slow endpoint should not hold the question for every retry the client could make.
     */
    public static Duration defaultBudget(Duration timeout) {
        return timeout == null ? Duration.ofSeconds(45) : timeout.multipliedBy(2).plusSeconds(5);
    }
}
