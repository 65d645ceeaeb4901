package datasense.agent.planner;

import java.time.Duration;

/**
 * Where and how the LLM planner talks to an OpenAI-compatible endpoint: the base URL (e.g.
 * "https://api.openai.com/v1"; the client appends "/chat/completions"), the API key, the model, the time
 * one request may take, and how many times the client retries a failed request.
 */
public record LlmConfig(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries) {
}
