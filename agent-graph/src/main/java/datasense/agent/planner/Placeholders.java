package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tables copied from documents write a missing value as a dash or "n/a", and a prize no one won as "Not awarded". Ranking groups by how often they occur,
 * such a mark would be the most common "language" or "nationality", which no reader means: an analyst leaves the
 * marks out of a ranking of groups, and the interpretation says so.
 */
final class Placeholders {

    /** How a missing value is written, lower-cased. */
    private static final Set<String> MARKS = Set.of("-", "–", "—", "n/a", "na", "?", "tbd", "tba", "unknown", "none listed",
            // a prize or a title no one held that year: the row keeps its place, the cell names no one
            "not awarded", "no award", "vacant", "none", "no winner");

    private Placeholders() {
    }

    /** The intents with the placeholder values of a ranked text group left out. */
    static List<Intent> exclude(List<Intent> intents) {
        List<Intent> out = new ArrayList<>(intents.size());
        for (Intent it : intents) {
            out.add(it.limit() == null || it.groups().isEmpty() ? it : exclude(it, it.groups().get(0).column()));
        }
        return out;
    }

    private static Intent exclude(Intent it, ColumnProfile group) {
        if (group.column().numeric() || group.column().temporal() || group.values() == null
                || it.filters().stream().anyMatch(f -> group.equals(f.column()))) {
            return it;
        }
        List<Object> marks = group.values().stream()
                .filter(v -> v != null && MARKS.contains(v.strip().toLowerCase(Locale.ROOT)))
                .map(v -> (Object) v).toList();
        if (marks.isEmpty()) {
            return it;
        }
        List<Filter> filters = new ArrayList<>(it.filters());
        filters.add(marks.size() == 1 ? Filter.of(group, "ne", marks.get(0)) : new Filter(group, "not_in", null, marks));
        List<String> readings = new ArrayList<>(it.readings());
        readings.add("'" + String.join("', '", marks.stream().map(String::valueOf).toList()) + "' in " + group.name()
                + " left out of the ranking, as it marks a missing value");
        return it.withFilters(filters).withReadings(readings);
    }
}
