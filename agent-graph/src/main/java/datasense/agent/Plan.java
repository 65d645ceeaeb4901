package datasense.agent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a planner made of a question: the tool calls to run in order, the interpretation in plain words,
 * a confidence between 0 and 1, notes (assumptions, caveats, fallbacks taken), ready-to-ask suggestions
 * when the question was not understood, up to three alternative readings (as ready-to-ask questions) when
 * it was understood with low confidence, which planner made it ("offline", "llm"), and the model tokens
 * it spent (null when no model was called), and the joins its SQL makes (empty when it reads the asked file alone;
 * see {@link PlanJoin}).
 * An empty {@code steps} list means the question was not understood; {@code interpretation} then says
 * what was understood and {@code suggestions} offers questions built from the real columns.
 */
public record Plan(List<PlanStep> steps, String interpretation, double confidence, List<String> notes,
                   List<String> suggestions, List<String> alternatives, String planner, TokenUsage usage,
                   List<PlanJoin> joins) {

    /** Below this confidence a plan is a best guess, and says so with its alternatives. */
    public static final double LOW_CONFIDENCE = 0.8;

    public Plan {
        steps = steps == null ? List.of() : List.copyOf(steps);
        notes = notes == null ? List.of() : List.copyOf(notes);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        joins = joins == null ? List.of() : List.copyOf(joins);
    }

    /** A plan over the asked file alone. */
    public Plan(List<PlanStep> steps, String interpretation, double confidence, List<String> notes,
                List<String> suggestions, List<String> alternatives, String planner, TokenUsage usage) {
        this(steps, interpretation, confidence, notes, suggestions, alternatives, planner, usage, List.of());
    }

    /** A plan with no alternatives and no model tokens. */
    public Plan(List<PlanStep> steps, String interpretation, double confidence, List<String> notes,
                List<String> suggestions, String planner) {
        this(steps, interpretation, confidence, notes, suggestions, List.of(), planner, null);
    }

    /** True when the planner is unsure enough that the answer must say it is a best guess. */
    @JsonIgnore
    public boolean isBestGuess() {
        return !steps.isEmpty() && confidence < LOW_CONFIDENCE;
    }

    /** Notes starting with this are doubts the results raised against the reading (see ResultDoubts). */
    public static final String DOUBT = "doubt: ";

    /** This plan with its confidence multiplied by {@code factor} once per doubt, and the doubts noted. */
    public Plan doubted(List<String> doubts, double factor) {
        List<String> newNotes = new java.util.ArrayList<>(notes);
        doubts.forEach(d -> newNotes.add(DOUBT + d));
        double c = confidence * Math.pow(factor, doubts.size());
        return new Plan(steps, interpretation, Math.round(c * 100) / 100.0, newNotes, suggestions, alternatives,
                planner, usage, joins);
    }

    public Plan withNotes(List<String> newNotes) {
        return new Plan(steps, interpretation, confidence, newNotes, suggestions, alternatives, planner, usage, joins);
    }

    public Plan withUsage(TokenUsage newUsage) {
        return new Plan(steps, interpretation, confidence, notes, suggestions, alternatives, planner, newUsage, joins);
    }

    /** This plan with the joins its SQL makes. */
    public Plan withJoins(List<PlanJoin> newJoins) {
        return new Plan(steps, interpretation, confidence, notes, suggestions, alternatives, planner, usage, newJoins);
    }
}
