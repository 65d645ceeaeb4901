package datasense.agent.planner;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Questions to suggest for a file before anything is asked: the analyst's usual first questions written with the
 * file's own columns (a total by a category, a trend over the date, the top entries, a distribution, a
 * correlation), each kept only when the offline planner reads it with full confidence, so a suggestion never
 * leads to a best guess.
 */
public final class FileSuggestions {

    private FileSuggestions() {
    }

    /** Up to {@code limit} questions for a file of this schema, in the order an analyst would ask them. */
    public static List<String> of(SchemaInfo schema, OfflinePlanner planner, int limit) {
        List<String> out = new ArrayList<>();
        for (String question : candidates(SchemaLinker.index(schema))) {
            if (out.size() >= limit) {
                break;
            }
            Plan plan = planner.planNow(new PlanRequest(question, schema, List.of(), null));
            if (!plan.steps().isEmpty() && !plan.isBestGuess() && plan.confidence() >= 1.0) {
                out.add(question);
            }
        }
        return out;
    }

    /** Candidate questions from the columns' roles, before the planner checks them. */
    static List<String> candidates(SchemaIndex index) {
        Set<String> out = new LinkedHashSet<>(Suggestions.of(index));
        ColumnProfile named = index.measures.isEmpty() ? null
                : index.primaryMeasure(List.of("sales", "revenue", "amount", "profit", "salary", "price", "total"));
        ColumnProfile measure = named != null || index.measures.isEmpty() ? named : index.measures.get(0);
        ColumnProfile fewest = index.categories.stream().min(Comparator.comparingLong(ColumnProfile::distinct)).orElse(null);
        ColumnProfile most = index.categories.stream().max(Comparator.comparingLong(ColumnProfile::distinct)).orElse(null);
        ColumnProfile other = measure == null ? null
                : index.measures.stream().filter(m -> !m.name().equals(measure.name())).findFirst().orElse(null);
        if (measure != null && most != null) {
            out.add("top 5 " + most.name() + " by " + measure.name());
        }
        if (other != null && fewest != null) {
            out.add("average " + other.name() + " by " + fewest.name());
        }
        if (fewest != null) {
            out.add("number of rows by " + fewest.name());
        }
        if (measure != null && other != null) {
            out.add("correlation between " + measure.name() + " and " + other.name());
        }
        if (measure != null) {
            out.add("summary statistics for " + measure.name());
        }
        return List.copyOf(out);
    }
}
