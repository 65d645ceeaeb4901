package datasense.agent;

import datasense.tools.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the answer of a run from its state, without a language model: the planner's interpretation (and, for
 * a best guess, that it is one and the other readings to ask instead), one insight per answered intent computed
 * from its results, the most important data-quality caveat, the unanswered intents with their reasons, and a
 * confidence. A plan with no steps gets the interpretation and the planner's suggested questions instead.
 */
public final class AnswerWriter {

    private AnswerWriter() {
    }

    public static String write(AnalysisState state) {
        StringBuilder out = new StringBuilder();
        Plan plan = state.plan();
        if (plan != null && plan.interpretation() != null && !plan.interpretation().isBlank()) {
            out.append(plan.interpretation().strip()).append('\n');
        }
        if (plan != null && plan.isBestGuess()) {
            out.append("This is a best guess: I am not sure I read the question as you meant it.\n");
            plan.notes().stream().filter(n -> n.startsWith(Plan.DOUBT))
                    .forEach(n -> out.append("Why: ").append(n.substring(Plan.DOUBT.length())).append(".\n"));
            if (!plan.alternatives().isEmpty()) {
                out.append("Did you mean:\n");
                plan.alternatives().forEach(a -> out.append("- ").append(a.strip()).append('\n'));
            }
        }
        if (plan == null) {
            out.append("No plan was made for this question.\n");
        } else if (state.steps().isEmpty()) {
            out.append("I could not turn this question into an analysis of the data.\n");
            List<String> suggestions = plan.suggestions() == null ? List.of() : plan.suggestions();
            if (!suggestions.isEmpty()) {
                out.append("\nYou could ask:\n");
                suggestions.forEach(s -> out.append("- ").append(s).append('\n'));
            }
        } else {
            List<String> lines = new ArrayList<>();
            for (String intent : state.intents()) {
                String insight = intentInsight(state, intent);
                if (insight != null) {
                    lines.add("- " + intent + ": " + insight);
                }
            }
            if (!lines.isEmpty()) {
                out.append('\n').append(String.join("\n", lines)).append('\n');
            }
            // Computed like the answer node's caveats list (whose first entry it is), so a settled run has it too.
            String caveat = DataCaveats.headline(state.schema(), state.steps());
            if (caveat != null) {
                out.append("\nNote: ").append(caveat).append('\n');
            }
        }
        if (!state.unanswered().isEmpty()) {
            out.append("\nNot answered:\n");
            state.unanswered().forEach(u -> out.append("- ").append(u.intent()).append(": ").append(u.reason())
                    .append('\n'));
        }
        out.append("\nConfidence: ").append(String.format(Locale.ROOT, "%.2f", confidence(state)));
        return out.toString();
    }

    /**
     * The planner's confidence scaled by the share of intents answered; a plan without steps keeps the
     * planner's own (low) confidence; no plan is 0.
     */
    public static double confidence(AnalysisState state) {
        Plan plan = state.plan();
        if (plan == null) {
            return 0;
        }
        double base = Math.max(0, Math.min(1, plan.confidence()));
        List<String> intents = state.intents();
        if (intents.isEmpty()) {
            return base;
        }
        long answered = intents.stream().filter(i -> answered(state, i)).count();
        return base * answered / intents.size();
    }

    /**
     * Why the run ended without a full answer, or null: {@code not_understood} (no steps), {@code no_results}
     * (no intent answered), {@code partial} (some intents unanswered).
     */
    public static String endReason(AnalysisState state) {
        if (state.plan() == null || state.steps().isEmpty()) {
            return "not_understood";
        }
        List<String> intents = state.intents();
        long answered = intents.stream().filter(i -> answered(state, i)).count();
        if (answered == 0) {
            return "no_results";
        }
        return answered < intents.size() || !state.unanswered().isEmpty() ? "partial" : null;
    }

    /**
     * The insight of one successful step: its summary for summary statistics and distributions, the strongest
     * correlation for a correlation table, else what the shape of its first table says; falls back to the
     * summary. Null when there is nothing to say.
     */
    public static String insight(PlanStep step, StepOutput output) {
        if (output == null) {
            return null;
        }
        String summary = output.summary() == null || output.summary().isBlank() ? null : output.summary().strip();
        Table first = output.tables() == null || output.tables().isEmpty() ? null : output.tables().get(0);
        String computed = switch (step.tool()) {
            case "summary_stats", "distribution_plot" -> summary;
            case "correlation" -> TableInsight.correlation(first);
            default -> TableInsight.of(first);
        };
        return computed != null ? computed : summary;
    }

    private static String intentInsight(AnalysisState state, String intent) {
        String insight = null;
        String chartOnly = null;
        List<String> failures = new ArrayList<>();
        for (StepState s : state.steps()) {
            if (!AnalysisState.intentOf(s.step()).equals(intent)) {
                continue;
            }
            if (s.status() == StepState.Status.FAILED) {
                failures.add(s.step().tool() + " failed: " + ReflectNode.failureReason(s));
            } else if (s.status() == StepState.Status.OK) {
                // A chart redraws an earlier table; the table's own step says more.
                if ("chart".equals(s.step().tool())) {
                    chartOnly = chartOnly != null ? chartOnly : insight(s.step(), s.output());
                } else if (insight == null) {
                    insight = insight(s.step(), s.output());
                }
            }
        }
        String text = insight != null ? insight : chartOnly;
        if (text == null) {
            return null;
        }
        return failures.isEmpty() ? text : text + " (" + String.join("; ", failures) + ")";
    }

    private static boolean answered(AnalysisState state, String intent) {
        return state.steps().stream().anyMatch(s -> s.status() == StepState.Status.OK
                && AnalysisState.intentOf(s.step()).equals(intent));
    }
}
