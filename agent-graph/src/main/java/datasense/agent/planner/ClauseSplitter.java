package datasense.agent.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a question into clauses at "and", commas and "also" where both sides ask for something of their own
 * ("distribution of Sales and monthly trend of Profit"), and merges aggregates back when they only list
 * measures of one answer ("total sales and total profit by category").
 */
final class ClauseSplitter {

    private static final Set<String> SPLIT_WORDS = Set.of("and", ",", ";", "also", "then", "plus");

    private ClauseSplitter() {
    }

    /** A comma or "and" inside a list of functions of one measure: "the lowest, average and highest rate". */
    private static boolean inFunctionList(LinkedQuestion q, int i) {
        int before = q.word(i).equals("and") && i > 0 && q.word(i - 1).equals(",") ? i - 2 : i - 1;
        int after = q.word(i).equals(",") && q.word(i + 1).equals("and") ? i + 2 : i + 1;
        return before >= 0 && after < q.size() && Vocabulary.functionWord(q.word(before)) && Vocabulary.functionWord(q.word(after));
    }

    /** Clause boundaries as [from, to) ranges; a part joins its left neighbour unless both ask for something. */
    static List<int[]> split(LinkedQuestion q) {
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < q.size(); i++) {
            if (SPLIT_WORDS.contains(q.word(i)) && q.mentionAt()[i] == null && !continuesGrouping(q, i)
                    && !pairedByBetween(q, start, i) && !closesColumnList(q, i) && !inFunctionList(q, i)) {
                parts.add(new int[]{start, i});
                start = i + 1;
            }
        }
        parts.add(new int[]{start, q.size()});
        List<int[]> out = new ArrayList<>();
        int[] current = null;
        for (int[] p : parts) {
            if (p[0] >= p[1]) {
                continue;
            }
            if (current == null) {
                current = p;
            } else if (standsAlone(q, current, p) && standsAlone(q, p, current) && !shownWithMeasures(q, current, p)) {
                out.add(current);
                current = p;
            } else {
                current = new int[]{current[0], p[1]};
            }
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    /** "between reviews and rating": the "and" closes the pair "between" opened, it starts nothing. */
    private static boolean pairedByBetween(LinkedQuestion q, int start, int i) {
        if (!q.word(i).equals("and")) {
            return false;
        }
        for (int k = i - 1; k >= start; k--) {
            if (q.word(k).equals("between")) {
                return true;
            }
            if (q.word(k).equals("and") || SPLIT_WORDS.contains(q.word(k))) {
                return false;
            }
        }
        return false;
    }

    /**
     * "the trip id, distance and fare of the 5 longest trips": a comma or "and" inside a list of columns ("A, B and
     * C") or of values of one column joins them, whatever follows the last.
     */
    private static boolean closesColumnList(LinkedQuestion q, int i) {
        // "Belgium, France, and Turkey": commas and "and" between values of one column join them
        int before = q.word(i).equals("and") && q.word(i - 1).equals(",") ? i - 2 : i - 1;
        int after = q.word(i).equals(",") && q.word(i + 1).equals("and") ? i + 2 : i + 1;
        if (valuesOfOneColumn(q, before, after)) {
            return true;
        }
        if (!column(q, i - 1) || !column(q, i + 1)) {
            return false;
        }
        // walk the list both ways: columns joined by commas, one "and" before the last
        boolean and = q.word(i).equals("and");
        boolean comma = q.word(i).equals(",");
        int k = q.mentionAt()[i - 1].start() - 1;
        while (k > 0 && (q.word(k).equals(",") || q.word(k).equals("and")) && column(q, k - 1)) {
            and |= q.word(k).equals("and");
            comma |= q.word(k).equals(",");
            k = q.mentionAt()[k - 1].start() - 1;
        }
        k = q.mentionAt()[i + 1].end();
        while (k + 1 < q.size() && (q.word(k).equals(",") || q.word(k).equals("and")) && column(q, k + 1)) {
            and |= q.word(k).equals("and");
            comma |= q.word(k).equals(",");
            k = q.mentionAt()[k + 1].end();
        }
        return and && comma;
    }

    private static boolean valuesOfOneColumn(LinkedQuestion q, int a, int b) {
        Mention x = a >= 0 && a < q.size() ? q.mentionAt()[a] : null;
        Mention y = b >= 0 && b < q.size() ? q.mentionAt()[b] : null;
        return x != null && y != null && x.kind() == Mention.Kind.VALUE && y.kind() == Mention.Kind.VALUE
                && x.column().equals(y.column());
    }

    private static boolean column(LinkedQuestion q, int i) {
        Mention m = i >= 0 && i < q.size() ? q.mentionAt()[i] : null;
        return m != null && m.isColumn();
    }

    /** "by brand and category", "per region, segment": the list of groupings goes on after the conjunction. */
    private static boolean continuesGrouping(LinkedQuestion q, int i) {
        Mention before = q.mentionAt()[Math.max(0, i - 1)];
        Mention after = i + 1 < q.size() ? q.mentionAt()[i + 1] : null;
        if (before == null || after == null || before.kind() == Mention.Kind.VALUE || after.kind() == Mention.Kind.VALUE
                || (after.isColumn() && after.column().column().numeric() && !SchemaIndex.isIdLike(after.column()))) {
            return false; // "sales by region and profit by category": a measure starts a part of its own
        }
        for (int k = after.end(); k < q.size() && !SPLIT_WORDS.contains(q.word(k)); k++) {
            if (Vocabulary.GROUP_WORDS.contains(q.word(k)) && q.mentionAt()[k] == null) {
                return false; // "... by depot, mechanic by region": the next part groups on its own
            }
        }
        int k = before.start() - 1;
        while (k >= 0 && (q.word(k).equals("the") || q.word(k).equals("each") || q.mentionAt()[k] != null
                || q.word(k).equals(",") || q.word(k).equals("and"))) {
            k--;
        }
        return k >= 0 && (Vocabulary.GROUP_WORDS.contains(q.word(k)) || q.word(k).equals("for"));
    }

    /**
     * "Show ward, number of patients and total cost": a part that only names things to show (columns of text, no
     * measure, no group word), followed by measures with no grouping of their own, is one table of those things
     * with their measures, not a list and then a total.
     */
    private static boolean shownWithMeasures(LinkedQuestion q, int[] things, int[] measures) {
        if (things[1] > measures[0]) {
            return false;
        }
        boolean named = false;
        for (int i = things[0]; i < things[1]; i++) {
            Mention m = q.mentionAt()[i];
            String w = q.word(i);
            if (m != null && (m.kind() == Mention.Kind.VALUE || m.isColumn() && (m.column().column().numeric()
                    || m.column().column().temporal()))) {
                return false;
            }
            named |= m != null && m.isColumn();
            if (m == null && (Vocabulary.GROUP_WORDS.contains(w) || Vocabulary.FUNCTIONS.containsKey(w)
                    || Vocabulary.SUPERLATIVES.containsKey(w) || Vocabulary.CHART.contains(w))) {
                return false;
            }
        }
        boolean function = false;
        for (int i = measures[0]; i < measures[1]; i++) {
            String w = q.word(i);
            if (q.mentionAt()[i] == null && (Vocabulary.GROUP_WORDS.contains(w) || Vocabulary.CHART.contains(w))) {
                return false;
            }
            function |= Vocabulary.FUNCTIONS.containsKey(w) || w.equals("number") && q.word(i + 1).equals("of");
        }
        return named && function;
    }

    /** A part asks for something of its own when it has a head word and links to at least one column. */
    private static boolean standsAlone(LinkedQuestion q, int[] part, int[] other) {
        String last = q.word(part[1] - 1);
        if (part[1] - part[0] <= 3 && (last.equals("first") || last.equals("last"))) {
            return false; // ", most expensive first": the order of what came before, not a question of its own
        }
        boolean head = false;
        boolean mention = false;
        boolean measure = false;
        boolean groupWord = false;
        for (int i = part[0]; i < part[1]; i++) {
            String w = q.word(i);
            Token t = q.token(i);
            if (isHead(w, t.singular()) || (w.equals("how") && q.word(i + 1).equals("many"))
                    || (w.equals("number") && q.word(i + 1).equals("of"))) {
                head = true;
            }
            Mention m = q.mentionAt()[i];
            // "the number of hires": a count of the rows a value names asks for something too
            boolean countedValue = m != null && m.kind() == Mention.Kind.VALUE && i >= part[0] + 2
                    && (q.word(i - 2).equals("number") && q.word(i - 1).equals("of")
                    || q.word(i - 2).equals("how") && q.word(i - 1).equals("many"));
            if (countedValue) {
                mention = true;
            }
            if (m != null && m.kind() != Mention.Kind.VALUE) {
                mention = true;
                // "by season": a number grouped by is no measure of the part's own
                if (m.isColumn() && m.column().column().numeric() && !SchemaIndex.isIdLike(m.column())
                        && !(m.start() == i && i > 0 && Vocabulary.GROUP_WORDS.contains(q.word(i - 1)))) {
                    measure = true;
                }
            }
            groupWord |= Vocabulary.GROUP_WORDS.contains(w);
            if ((w.equals("x") || w.equals("y")) && q.word(i + 1).equals("axis")) {
                return false; // "departments on the x axis and visits on the y axis": one chart
            }
        }
        if (!head && groupWord && measure) {
            // "sales by region and profit by category": both parts have their own grouping and measure
            for (int i = other[0]; i < other[1]; i++) {
                if (Vocabulary.GROUP_WORDS.contains(q.word(i))) {
                    head = true;
                }
            }
        }
        // "..., and how many have sold": a count asked again stands alone, named or not
        boolean countAgain = q.word(part[0]).equals("how") && q.word(part[0] + 1).equals("many") && part[1] - part[0] > 2;
        return head && (mention || countAgain);
    }

    private static boolean isHead(String w, String singular) {
        return Vocabulary.DISTRIBUTION.contains(w) || Vocabulary.TREND.contains(w) || Vocabulary.SUMMARY.contains(w)
                || Vocabulary.SUMMARY.contains(singular) || Vocabulary.CORRELATION.contains(w)
                || Vocabulary.SCATTER.contains(w) || Vocabulary.CHART.contains(w) || Vocabulary.FUNCTIONS.containsKey(w)
                || Vocabulary.SUPERLATIVES.containsKey(w) || Vocabulary.GRAIN_ADJECTIVES.containsKey(w)
                || Vocabulary.SHARE.contains(w) || w.equals("show") || w.equals("list") || w.equals("describe");
    }

    /** "total sales and total profit by category" is one aggregate with two measures, not two answers. */
    static List<Intent> mergeAggregates(List<Intent> intents) {
        List<Intent> out = new ArrayList<>();
        for (Intent next : intents) {
            Intent prev = out.isEmpty() ? null : out.get(out.size() - 1);
            Intent it = prev == null ? next : countedBeside(prev, next);
            if (prev != null && mergeable(prev, it)) {
                List<Measure> m = new ArrayList<>(prev.measures());
                it.measures().stream().filter(x -> !m.contains(x)).forEach(m::add);
                List<String> readings = new ArrayList<>(prev.readings());
                readings.addAll(it.readings());
                List<Unexplained> unexplained = new ArrayList<>(prev.unexplained());
                unexplained.addAll(it.unexplained());
                Intent merged = new Intent(Intent.Kind.AGGREGATE, m,
                        prev.groups().isEmpty() ? it.groups() : prev.groups(),
                        prev.filters().isEmpty() ? it.filters() : prev.filters(), List.of(),
                        prev.limit() != null ? prev.limit() : it.limit(),
                        prev.limit() != null ? prev.ascending() : it.ascending(),
                        prev.chart() != null ? prev.chart() : it.chart(), null, null, readings, unexplained,
                        prev.text() + " and " + it.text(), prev.display().ordered() ? prev.display() : it.display());
                out.set(out.size() - 1, merged);
            } else {
                out.add(it);
            }
        }
        return out;
    }

    /**
     * "the number of sessions and how many of them were completed", "total minutes and the number of completed
     * sessions": rows counted after another measure with a yes/no condition of their own are counted beside it, the
     * condition on that count only, not on both.
     */
    private static Intent countedBeside(Intent a, Intent b) {
        Measure rows = new Measure(Agg.COUNT, null);
        List<Filter> own = b.filters().stream().filter(f -> !a.filters().contains(f)).toList();
        // the second counts among the first's rows: "in Oldfield, how many listings are there, and how many sold"
        // "the share of them that were returned": that share and the count of those rows
        boolean sharedCount = b.measures().size() == 2 && b.measures().get(0).share()
                && b.measures().get(1).equals(rows) && b.measures().get(0).agg() == Agg.COUNT
                && b.measures().get(0).column() == null;
        // "the number of applications and the number of hires": a value's rows counted beside all of them
        boolean valueCount = own.size() == 1 && !sharedCount && own.get(0).op().equals("eq") && own.get(0).value() instanceof String
                && own.get(0).column() != null && !own.get(0).column().column().numeric() && !own.get(0).onGroups();
        if (own.size() != 1 || !own.get(0).flag() && !valueCount
                || !b.measures().equals(List.of(rows)) && !sharedCount || a.measures().isEmpty()
                || !a.groups().isEmpty() && !b.groups().isEmpty() && !b.groups().equals(a.groups())) {
            return b;
        }
        Filter f = own.get(0);
        List<String> readings = new ArrayList<>(b.readings());
        if (sharedCount) {
            // "the average discount and the share of order lines that were returned": the part of the rows with it
            Measure rate = Boolean.FALSE.equals(f.value()) ? Measure.rateNot(f.column()) : Measure.rate(f.column());
            if (b.measures().get(0).fraction()) {
                rate = rate.asFraction();
            }
            readings.removeIf(r -> r.startsWith("share = "));
            readings.add((a.groups().isEmpty() && b.groups().isEmpty() ? "" : Clause.BEST_GUESS) + "the share read as the "
                    + rate.describe().toLowerCase(java.util.Locale.ROOT) + ", the condition not on the other measures");
            return new Intent(b.kind(), List.of(rate), b.groups(), a.filters(), b.columns(), b.limit(), b.ascending(),
                    b.chart(), b.grain(), b.dateColumn(), readings, b.unexplained(), b.text(), b.display());
        }
        readings.add("the rows with " + f.column().name() + (f.op().equals("not_null") ? " present"
                        : " = " + (valueCount ? "'" + f.value() + "'" : f.value()))
                + " counted as a measure of their own; the condition is not on the others");
        Measure counted = valueCount ? Measure.countWhereValue(f.column(), (String) f.value())
                : Measure.countWhere(f.column(), Boolean.FALSE.equals(f.value()));
        return new Intent(b.kind(), List.of(counted), b.groups(),
                a.filters(), b.columns(), b.limit(), b.ascending(), b.chart(), b.grain(), b.dateColumn(), readings,
                b.unexplained(), b.text(), b.display());
    }

    private static boolean mergeable(Intent a, Intent b) {
        return a.kind() == Intent.Kind.AGGREGATE && b.kind() == Intent.Kind.AGGREGATE
                && !a.measures().isEmpty() && !b.measures().isEmpty()
                && (a.groups().isEmpty() || b.groups().isEmpty() || a.groups().equals(b.groups()))
                && (a.filters().isEmpty() || b.filters().isEmpty() || a.filters().equals(b.filters()))
                && (a.limit() == null || b.limit() == null);
    }
}
