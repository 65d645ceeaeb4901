package datasense.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Model tokens a planner spent on one question, summed over every call it made (retries and repairs too). */
public record TokenUsage(long promptTokens, long completionTokens, int calls) {

    @JsonIgnore
    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    public TokenUsage plus(TokenUsage other) {
        return other == null ? this
                : new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens, calls + other.calls);
    }
}
