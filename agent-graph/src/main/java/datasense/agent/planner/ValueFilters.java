package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters from values the data holds: "in the West" (Region = 'West'), "not Furniture" (ne), "seniors"
 * (job title starts with 'Senior'), and lists ("Consumer vs Corporate": IN, with one row per value).
 */
final class ValueFilters {

    private ValueFilters() {
    }

    static void read(Clause c) {
        Map<ColumnProfile, List<Mention>> byColumn = new LinkedHashMap<>();
        for (Mention mention : c.q.mentions()) {
            if (mention.kind() == Mention.Kind.VALUE && mention.start() >= c.from && mention.end() <= c.to) {
                byColumn.computeIfAbsent(mention.column(), k -> new ArrayList<>()).add(mention);
            }
        }
        byColumn.forEach((column, values) -> add(c, column, values));
    }

    private static void add(Clause c, ColumnProfile column, List<Mention> values) {
        Mention first = values.get(0);
        int before = c.prev(first.start());
        boolean negated = before >= 0 && (Vocabulary.NEGATIONS.contains(c.w(before))
                || (c.w(before).equals("than") && c.w(before - 1).equals("other")));
        if (negated) {
            c.mark(before);
            if (c.w(before).equals("than")) {
                c.mark(before - 1);
            }
        }
        for (Mention v : values) {
            c.markMention(v);
            absorbColumnWord(c, v);
            c.reading(v.reading());
        }
        if (values.size() == 1) {
            if (first.op().equals("starts_with")) {
                c.filters.add(Filter.of(column, "starts_with", first.value()));
            } else {
                c.filters.add(Filter.of(column, negated ? "ne" : "eq", first.value()));
            }
        } else if (negated) {
            values.forEach(v -> c.filters.add(Filter.of(column, "ne", v.value())));
        } else {
            List<Object> vals = new ArrayList<>();
            values.stream().map(Mention::value).filter(v -> !vals.contains(v)).forEach(vals::add);
            c.filters.add(Filter.in(column, vals));
            c.addGroup(new Grouping(column, null), true); // "Consumer vs Corporate": one row each
        }
    }

    /** "in the West region", "the category Technology": the column word belongs to the value. */
    private static void absorbColumnWord(Clause c, Mention value) {
        Mention after = c.m(value.end());
        if (after != null && after.isColumn() && after.column().equals(value.column())) {
            c.markMention(after);
        }
        int b = c.prev(value.start());
        Mention before = b >= 0 ? c.m(b) : null;
        if (before != null && before.isColumn() && before.column().equals(value.column())) {
            c.markMention(before);
        }
    }
}
