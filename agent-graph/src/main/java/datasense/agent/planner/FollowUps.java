package datasense.agent.planner;

import datasense.agent.Turn;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a question as a follow-up of the conversation ("now only for the West", "and by year?", "what about
 * profit?", "show it as a pie chart"): the earlier questions are re-read in order to recover what the last
 * one asked, and the follow-up's filters, groupings, measures, chart kind and limit are applied to it.
 */
final class FollowUps {

    private static final Set<String> CUES = Set.of("now", "and", "only", "just", "same", "instead", "but", "also",
            "then", "ok", "okay", "what about", "how about", "show it", "make it", "as a", "in a", "break it",
            "split it", "for", "by", "in", "per", "without", "exclude", "excluding", "redo", "this", "that");
    private static final Set<String> PRONOUNS = Set.of("it", "that", "this", "them", "those", "same");
    private static final int MAX_TURNS = 8;

    private FollowUps() {
    }

    /** The intents the last turn of {@code history} asked for, following earlier follow-ups; empty if none. */
    static List<Intent> previous(List<Turn> history, SchemaInfo schema) {
        List<Intent> effective = List.of();
        int start = Math.max(0, history.size() - MAX_TURNS);
        for (Turn t : history.subList(start, history.size())) {
            LinkedQuestion q = SchemaLinker.link(t.question(), schema);
            List<Intent> parsed = IntentParser.parse(q);
            if (!effective.isEmpty() && isFollowUp(q, parsed)) {
                parsed = apply(effective, q, parsed);
            }
            if (parsed.stream().anyMatch(i -> i.kind() != Intent.Kind.UNKNOWN)) {
                effective = parsed;
            }
        }
        return effective;
    }

    /** A follow-up starts with a cue or points back ("it", "same"), or asks for nothing complete on its own. */
    static boolean isFollowUp(LinkedQuestion q, List<Intent> parsed) {
        String first = q.word(0);
        String two = first + " " + q.word(1);
        boolean cue = CUES.contains(first) || CUES.contains(two);
        for (int i = 0; i < q.size() && !cue; i++) {
            cue = PRONOUNS.contains(q.word(i)) && q.mentionAt()[i] == null;
        }
        boolean complete = parsed.stream().anyMatch(FollowUps::complete);
        boolean newKind = parsed.stream().anyMatch(i -> i.kind() != Intent.Kind.AGGREGATE
                && i.kind() != Intent.Kind.UNKNOWN && i.kind() != Intent.Kind.ROWS && i.kind() != Intent.Kind.LIST);
        return !complete || (cue && !newKind);
    }

    private static boolean complete(Intent i) {
        return switch (i.kind()) {
            case UNKNOWN, ROWS, LIST -> false;
            case AGGREGATE -> !i.measures().isEmpty() && (!i.groups().isEmpty() || i.measures().stream()
                    .anyMatch(m -> m.column() != null));
            default -> true;
        };
    }

    /** The previous intents with the follow-up's changes applied to the last of them. */
    static List<Intent> apply(List<Intent> previous, LinkedQuestion q, List<Intent> parsed) {
        Intent base = previous.get(previous.size() - 1);
        Intent change = parsed.get(0);
        boolean namedFunction = false;
        for (int i = 0; i < q.size(); i++) {
            namedFunction |= Vocabulary.FUNCTIONS.containsKey(q.word(i)) && q.mentionAt()[i] == null;
        }
        Intent out = base;
        if (!change.filters().isEmpty()) {
            List<Filter> filters = new ArrayList<>(base.filters());
            for (Filter f : change.filters()) {
                filters.removeIf(old -> old.column().equals(f.column()));
                filters.add(f);
            }
            out = out.withFilters(filters);
        }
        List<Grouping> newGroups = change.groups().stream()
                .filter(g -> change.filters().stream().noneMatch(f -> f.op().equals("in") && f.column().equals(g.column())))
                .toList();
        if (!newGroups.isEmpty()) {
            if (out.kind() == Intent.Kind.TREND && newGroups.stream().allMatch(Grouping::temporal)) {
                Grain g = change.grain() != null ? change.grain() : newGroups.get(newGroups.size() - 1).grain();
                out = out.withTrend(g, out.dateColumn());
            } else if (out.kind() == Intent.Kind.AGGREGATE || out.kind() == Intent.Kind.TREND) {
                out = toAggregate(out).withGroups(newGroups).withLimit(out.limit(), out.ascending());
            }
        } else if (change.grain() != null && out.kind() == Intent.Kind.TREND) {
            out = out.withTrend(change.grain(), out.dateColumn());
        }
        List<Measure> named = change.measures().stream().filter(m -> m.column() != null).toList();
        if (!named.isEmpty()) {
            out = replaceMeasures(out, named, namedFunction);
        } else if (change.kind() == Intent.Kind.UNKNOWN && !change.measures().isEmpty() && namedFunction
                && out.kind() == Intent.Kind.AGGREGATE) {
            out = out.withMeasures(change.measures());
        }
        if (change.chart() != null) {
            out = out.withChart(change.chart());
        }
        if (change.limit() != null && change.kind() != Intent.Kind.ROWS) { // ROWS limits are a default
            out = out.withLimit(change.limit(), change.ascending());
        }
        List<String> readings = new ArrayList<>(base.readings());
        readings.add("follow-up on \"" + base.text() + "\"");
        change.readings().stream()
                .filter(r -> change.limit() == null || !r.endsWith("without anything to rank")) // "top 3 only"
                .forEach(readings::add);
        Intent result = new Intent(out.kind(), out.measures(), out.groups(), out.filters(), out.columns(), out.limit(),
                out.ascending(), out.chart(), out.grain(), out.dateColumn(), readings, followUpWordsRead(change),
                q.text());
        List<Intent> all = new ArrayList<>(previous.subList(0, previous.size() - 1));
        all.add(result);
        return all;
    }

    /** What the follow-up left unexplained, less its cue words ("same", "instead", "only"): they were read here. */
    private static List<Unexplained> followUpWordsRead(Intent change) {
        return change.unexplained().stream()
                .filter(u -> !CUES.contains(u.text().toLowerCase(java.util.Locale.ROOT))
                        && !PRONOUNS.contains(u.text().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    private static Intent toAggregate(Intent trend) {
        if (trend.kind() != Intent.Kind.TREND) {
            return trend;
        }
        return new Intent(Intent.Kind.AGGREGATE, trend.measures(), List.of(), trend.filters(), List.of(), null, false,
                "line", null, null, trend.readings(), trend.unexplained(), trend.text());
    }

    private static Intent replaceMeasures(Intent base, List<Measure> named, boolean namedFunction) {
        switch (base.kind()) {
            case AGGREGATE, TREND -> {
                List<Measure> ms = new ArrayList<>();
                for (int i = 0; i < named.size(); i++) {
                    Measure n = named.get(i);
                    Agg agg = namedFunction || base.measures().isEmpty() ? n.agg()
                            : base.measures().get(Math.min(i, base.measures().size() - 1)).agg();
                    if (base.kind() == Intent.Kind.TREND && agg.trendName == null) {
                        agg = Agg.SUM;
                    }
                    ms.add(new Measure(agg, n.column()));
                }
                if (base.kind() == Intent.Kind.TREND) {
                    ms = ms.subList(0, 1);
                }
                return base.withMeasures(ms);
            }
            case DISTRIBUTION, SUMMARY, CORRELATION, SCATTER -> {
                return base.withColumns(named.stream().map(Measure::column).toList());
            }
            default -> {
                return base.withMeasures(named);
            }
        }
    }
}
