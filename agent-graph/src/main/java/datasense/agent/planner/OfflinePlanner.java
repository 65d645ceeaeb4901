package datasense.agent.planner;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.Planner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The deterministic planner: no network, a few hundred microseconds a question. A question goes through
 * {@link Tokenizer} -> {@link SchemaLinker} -> {@link IntentParser} -> {@link PlanBuilder}; follow-ups are
 * applied to the conversation's last question ({@link FollowUps}) and failures repaired by
 * {@link PlanRepairer}. A question that needs a column of a file joined to the asked one by a join hint is
 * planned over the join ({@link Joins}). When it does not understand, it says what it understood and suggests questions
 * built from the real columns instead of answering a different question.
 */
public final class OfflinePlanner implements Planner {

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public CompletionStage<Plan> plan(PlanRequest request) {
        try {
            return CompletableFuture.completedFuture(planNow(request));
        } catch (RuntimeException e) {
            // a planner bug must not fail the question: say so and offer what can be asked
            return CompletableFuture.completedFuture(new Plan(List.of(),
                    "The question could not be read (" + e + ").", 0.0, List.of("offline planner error: " + e),
                    request.schema() == null ? List.of() : Suggestions.of(SchemaLinker.index(request.schema())),
                    name()));
        }
    }

    /** Plans synchronously; the same as {@link #plan} for callers that are already off the event loop. */
    public Plan planNow(PlanRequest request) {
        if (request.failure() != null) {
            return PlanRepairer.repair(request, this);
        }
        return Joins.better(request, planQuestion(request), this::planQuestion);
    }

    Plan planQuestion(PlanRequest request) {
        return planQuestion(request, true);
    }

    /** Plans one question; {@code withAlternatives} is false when planning an alternative itself. */
    private Plan planQuestion(PlanRequest request, boolean withAlternatives) {
        LinkedQuestion q = SchemaLinker.link(request.question(), request.schema());
        List<Intent> intents = IntentParser.parse(q);
        List<String> notes = new ArrayList<>();
        if (request.history() != null && !request.history().isEmpty() && FollowUps.isFollowUp(q, intents)) {
            List<Intent> previous = FollowUps.previous(request.history(), request.schema());
            if (!previous.isEmpty()) {
                intents = FollowUps.apply(previous, q, intents);
                intents = intents.subList(intents.size() - 1, intents.size());
            } else if (intents.stream().allMatch(i -> i.kind() == Intent.Kind.UNKNOWN)) {
                notes.add("this reads as a follow-up, but the previous question could not be re-read");
            }
        }
        intents = SummaryRows.exclude(intents, q.index());
        intents = Placeholders.exclude(intents);
        PlanBuilder.Built built = PlanBuilder.build(request.schema().table(), intents);
        Set<String> readings = new LinkedHashSet<>();
        List<Unexplained> unexplained = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (Intent it : intents) {
            readings.addAll(it.readings());
            unexplained.addAll(it.unexplained());
            if (it.kind() == Intent.Kind.UNKNOWN) {
                notUnderstood.add(it.text());
            }
        }
        notes.addAll(readings);
        notes.addAll(built.notes());
        if (!unexplained.isEmpty()) {
            notes.add("not understood: " + quoteAll(unexplained.stream().map(Unexplained::text).toList()));
        }
        long guesses = readings.stream().filter(r -> r.startsWith(Clause.BEST_GUESS)).count();
        double confidence = confidence(unexplained, notUnderstood.size(), intents.size(), built.steps().isEmpty(),
                guesses);
        String interpretation = interpretation(built, readings, notUnderstood, unexplained);
        List<String> suggestions = built.steps().isEmpty() || !notUnderstood.isEmpty()
                ? Suggestions.of(q.index()) : List.of();
        Plan plan = new Plan(built.steps(), interpretation, confidence, List.copyOf(notes), suggestions, name());
        if (withAlternatives && plan.isBestGuess()) {
            List<String> alternatives = Alternatives.of(request.question(), q, intents, plan,
                    other -> planQuestion(new PlanRequest(other, request.schema(), List.of(), null), false));
            plan = new Plan(plan.steps(), plan.interpretation(), plan.confidence(), plan.notes(), plan.suggestions(),
                    alternatives, plan.planner(), null);
        }
        return plan;
    }

    private static String interpretation(PlanBuilder.Built built, Set<String> readings, List<String> notUnderstood,
                                         List<Unexplained> unexplainedParts) {
        List<String> unexplained = unexplainedParts.stream().map(Unexplained::text).distinct().toList();
        StringBuilder sb = new StringBuilder();
        if (built.steps().isEmpty()) {
            sb.append("Not understood");
            if (!unexplained.isEmpty()) {
                sb.append(": no column or value matches ").append(quoteAll(unexplained));
            }
            if (!readings.isEmpty()) {
                sb.append("; understood only: ").append(String.join("; ", readings));
            }
            return sb.append('.').toString();
        }
        sb.append(String.join("; then ", built.described()));
        if (!readings.isEmpty()) {
            sb.append("; ").append(String.join("; ", readings));
        }
        List<String> missed = new ArrayList<>(notUnderstood);
        unexplained.stream().filter(w -> notUnderstood.stream().noneMatch(n -> n.contains(w))).forEach(missed::add);
        if (!missed.isEmpty()) {
            sb.append("; not understood: ").append(quoteAll(missed));
        }
        return sb.toString();
    }

    private static String quoteAll(List<String> parts) {
        return "'" + String.join("', '", parts) + "'";
    }

    /**
     * How sure the reading is, from what it leaves unexplained: each unexplained part multiplies confidence by
     * its kind's factor (an operator word or an unused mention makes it a best guess on its own), each intent
     * that could not be mapped halves it in proportion, and each guessed assumption halves it. So 1.0 means every
     * content word of the question was accounted for and nothing was assumed.
     */
    private static double confidence(List<Unexplained> unexplained, int unknownIntents, int intents, boolean noSteps,
                                     long guesses) {
        double c = 1.0;
        for (Unexplained u : unexplained) {
            c *= u.kind().factor;
        }
        if (intents > 0) {
            c *= 1.0 - 0.5 * unknownIntents / intents;
        }
        c *= Math.pow(0.5, guesses);
        if (noSteps) {
            c = Math.min(c, 0.2);
        }
        c = Math.max(0.0, Math.min(1.0, c));
        return Math.round(c * 100) / 100.0;
    }
}
