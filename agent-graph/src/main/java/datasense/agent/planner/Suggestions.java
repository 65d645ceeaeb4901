package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;

/** Ready-to-ask questions built from the real columns, offered when a question was not understood. */
final class Suggestions {

    private Suggestions() {
    }

    static List<String> of(SchemaIndex index) {
        List<String> out = new ArrayList<>();
        ColumnProfile measure = index.measures.isEmpty() ? null : index.primaryMeasure(
                List.of("sales", "revenue", "amount", "profit", "salary", "price", "total"));
        if (measure == null && !index.measures.isEmpty()) {
            measure = index.measures.get(0);
        }
        ColumnProfile category = index.categories.stream()
                .min(java.util.Comparator.comparingLong(ColumnProfile::distinct)).orElse(null);
        ColumnProfile date = index.defaultDate();
        if (measure != null && category != null) {
            out.add("total " + measure.name() + " by " + category.name());
        } else if (category != null) {
            out.add("number of rows by " + category.name());
        }
        if (measure != null) {
            out.add("distribution of " + measure.name());
        }
        if (measure != null && date != null) {
            out.add("monthly trend of " + measure.name());
        } else if (index.measures.size() >= 2) {
            out.add("correlation between " + index.measures.get(0).name() + " and " + index.measures.get(1).name());
        }
        if (out.size() < 3) {
            out.add("summary statistics for " + (measure != null ? measure.name() : "every column"));
        }
        return out.size() > 3 ? out.subList(0, 3) : out;
    }
}
