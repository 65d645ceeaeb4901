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
        markRestriction(c, first.start());
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
            markComparison(c, values);
        }
    }

    /** "only for the West", "just Furniture": the word that says the filter restricts the rows. */
    private static void markRestriction(Clause c, int valueStart) {
        for (int k = valueStart - 1; k >= Math.max(c.from, valueStart - 4); k--) {
            String w = c.w(k);
            if (w.equals("only") || w.equals("just") || w.equals("solely") || w.equals("exclusively")) {
                c.mark(k);
                return;
            }
            if (c.m(k) != null || !(w.equals("for") || w.equals("in") || w.equals("the") || w.equals("from")
                    || w.equals("of") || w.equals("at"))) {
                return;
            }
        }
    }

    /** "Compare Consumer vs Corporate", "East, West or South": the words that list the compared values. */
    private static void markComparison(Clause c, List<Mention> values) {
        for (int k = 1; k < values.size(); k++) {
            for (int i = values.get(k - 1).end(); i < values.get(k).start(); i++) {
                if (c.m(i) == null && LIST_JOINS.contains(c.w(i))) {
                    c.mark(i);
                }
            }
        }
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && COMPARE.contains(c.w(i))) {
                c.mark(i);
            }
        }
    }

    private static final java.util.Set<String> LIST_JOINS = java.util.Set.of("vs", "versus", "and", "or", ",", "against",
            "to", "with");
    private static final java.util.Set<String> COMPARE = java.util.Set.of("compare", "compared", "comparing",
            "comparison", "differ", "difference");

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
