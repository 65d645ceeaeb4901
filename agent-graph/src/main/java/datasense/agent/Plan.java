package datasense.agent;

import java.util.List;

/**
 * What a planner made of a question: the tool calls to run in order, the interpretation in plain words,
 * a confidence between 0 and 1, notes (assumptions, caveats, fallbacks taken), ready-to-ask suggestions
 * when the question was not (fully) understood, and which planner made it ("offline", "llm").
 * An empty {@code steps} list means the question was not understood; {@code interpretation} then says
 * what was understood and {@code suggestions} offers questions built from the real columns.
 */
public record Plan(List<PlanStep> steps, String interpretation, double confidence, List<String> notes,
                   List<String> suggestions, String planner) {
}
