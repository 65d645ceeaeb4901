package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a linked question into intents. First it splits the question into clauses at "and", commas and
 * "also" where both sides ask for something of their own ("distribution of Sales and monthly trend of
 * Profit"), then reads each clause in fixed stages: its kind, its filters (values, years, comparisons,
 * missing values), its time grains, its functions, and finally the role of every remaining column mention
 * (measure, grouping, or counted thing). Each stage marks the tokens it understood; what no stage
 * understood is reported as unlinked and lowers confidence.
 */
final class IntentParser {

    private static final Set<String> SPLIT_WORDS = Set.of("and", ",", ";", "also", "then", "plus");
    private static final Set<String> YEAR_CUES = Set.of("in", "during", "for", "of", "year", "from", "within");
    private static final Set<String> RANK_CUES = Set.of("which", "what", "who", "top", "bottom", "first", "last");

    private IntentParser() {
    }

    static List<Intent> parse(LinkedQuestion q) {
        List<Intent> intents = new ArrayList<>();
        for (int[] clause : split(q)) {
            intents.add(new Clause(q, clause[0], clause[1]).parse());
        }
        return mergeAggregates(intents);
    }

    // ---------------------------------------------------------------- splitting

    /** Clause boundaries as [from, to) ranges; a part joins its left neighbour unless both ask for something. */
    static List<int[]> split(LinkedQuestion q) {
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < q.size(); i++) {
            if (SPLIT_WORDS.contains(q.word(i)) && q.mentionAt()[i] == null) {
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
            } else if (standsAlone(q, current, p) && standsAlone(q, p, current)) {
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

    /** A part asks for something of its own when it has a head word and links to at least one column. */
    private static boolean standsAlone(LinkedQuestion q, int[] part, int[] other) {
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
            if (m != null && m.kind() != Mention.Kind.VALUE) {
                mention = true;
                if (m.isColumn() && m.column().column().numeric() && !SchemaIndex.isIdLike(m.column())) {
                    measure = true;
                }
            }
            groupWord |= Vocabulary.GROUP_WORDS.contains(w);
        }
        if (!head && groupWord && measure) {
            // "sales by region and profit by category": both parts have their own grouping and measure
            for (int i = other[0]; i < other[1]; i++) {
                if (Vocabulary.GROUP_WORDS.contains(q.word(i))) {
                    head = true;
                }
            }
        }
        return head && mention;
    }

    private static boolean isHead(String w, String singular) {
        return Vocabulary.DISTRIBUTION.contains(w) || Vocabulary.TREND.contains(w) || Vocabulary.SUMMARY.contains(w)
                || Vocabulary.SUMMARY.contains(singular) || Vocabulary.CORRELATION.contains(w)
                || Vocabulary.SCATTER.contains(w) || Vocabulary.CHART.contains(w) || Vocabulary.FUNCTIONS.containsKey(w)
                || Vocabulary.SUPERLATIVES.containsKey(w) || Vocabulary.GRAIN_ADJECTIVES.containsKey(w)
                || w.equals("show") || w.equals("list") || w.equals("describe");
    }

    /** "total sales and total profit by category" is one aggregate with two measures, not two answers. */
    private static List<Intent> mergeAggregates(List<Intent> intents) {
        List<Intent> out = new ArrayList<>();
        for (Intent it : intents) {
            Intent prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && mergeable(prev, it)) {
                List<Measure> m = new ArrayList<>(prev.measures());
                it.measures().stream().filter(x -> !m.contains(x)).forEach(m::add);
                List<String> readings = new ArrayList<>(prev.readings());
                readings.addAll(it.readings());
                List<String> unlinked = new ArrayList<>(prev.unlinked());
                unlinked.addAll(it.unlinked());
                Intent merged = new Intent(Intent.Kind.AGGREGATE, m,
                        prev.groups().isEmpty() ? it.groups() : prev.groups(),
                        prev.filters().isEmpty() ? it.filters() : prev.filters(), List.of(),
                        prev.limit() != null ? prev.limit() : it.limit(),
                        prev.limit() != null ? prev.ascending() : it.ascending(),
                        prev.chart() != null ? prev.chart() : it.chart(), null, null, readings, unlinked,
                        prev.text() + " and " + it.text());
                out.set(out.size() - 1, merged);
            } else {
                out.add(it);
            }
        }
        return out;
    }

    private static boolean mergeable(Intent a, Intent b) {
        return a.kind() == Intent.Kind.AGGREGATE && b.kind() == Intent.Kind.AGGREGATE
                && !a.measures().isEmpty() && !b.measures().isEmpty()
                && (a.groups().isEmpty() || b.groups().isEmpty() || a.groups().equals(b.groups()))
                && (a.filters().isEmpty() || b.filters().isEmpty() || a.filters().equals(b.filters()))
                && (a.limit() == null || b.limit() == null);
    }

    // ---------------------------------------------------------------- one clause

    /** The staged reading of one clause; {@code used[i]} marks token i as understood. */
    private static final class Clause {
        private final LinkedQuestion q;
        private final SchemaIndex index;
        private final int from;
        private final int to;
        private final boolean[] used;
        private final List<String> readings = new ArrayList<>();
        private final List<Filter> filters = new ArrayList<>();
        private final List<Grouping> groups = new ArrayList<>();
        /** Positions where a grouping came from a group word ("by region") rather than "which region". */
        private final List<Boolean> groupViaWord = new ArrayList<>();
        private final List<Measure> measures = new ArrayList<>();
        private final Map<Integer, Agg> functions = new LinkedHashMap<>();
        private Grain grain;
        private int grainPos = -1;
        private String chart;
        private boolean chartAsked;
        private int superlativePos = -1;
        /** Every superlative's direction in order, for "the smallest and the largest discount". */
        private final List<Boolean> superlativeDirections = new ArrayList<>();
        private boolean descending = true;
        private Integer limit;
        private boolean distinctCue;

        Clause(LinkedQuestion q, int from, int to) {
            this.q = q;
            this.index = q.index();
            this.from = from;
            this.to = to;
            this.used = new boolean[q.size()];
        }

        String w(int i) {
            return i >= from && i < to ? q.word(i) : "";
        }

        Mention m(int i) {
            return i >= from && i < to ? q.mentionAt()[i] : null;
        }

        boolean has(Set<String> words) {
            for (int i = from; i < to; i++) {
                Token t = q.token(i);
                if (q.mentionAt()[i] == null && (words.contains(t.norm()) || words.contains(t.singular()))) {
                    return true;
                }
            }
            return false;
        }

        void mark(int i) {
            if (i >= from && i < to) {
                used[i] = true;
            }
        }

        void markMention(Mention mention) {
            for (int k = mention.start(); k < mention.end(); k++) {
                mark(k);
            }
        }

        /** The previous token that is not an article, or -1. */
        int prev(int i) {
            int k = i - 1;
            while (k >= from && (w(k).equals("the") || w(k).equals("a") || w(k).equals("an"))) {
                k--;
            }
            return k >= from ? k : -1;
        }

        int next(int i) {
            int k = i + 1;
            while (k < to && (w(k).equals("the") || w(k).equals("a") || w(k).equals("an") || w(k).equals("any"))) {
                k++;
            }
            return k < to ? k : -1;
        }

        boolean free(Mention mention) {
            return !used[mention.start()];
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (sb.length() > 0 && q.token(i).kind() != Token.Kind.SYMBOL) {
                    sb.append(' ');
                }
                sb.append(q.token(i).text());
            }
            return sb.toString();
        }

        Intent parse() {
            Intent.Kind kind = kind();
            chartWords();
            valueFilters();
            comparisons();
            signFilters();
            missingFilters();
            years();
            grains();
            functionWords();
            superlatives();
            return switch (kind) {
                case DISTRIBUTION -> distribution();
                case TREND -> trend();
                case SUMMARY -> summary();
                case CORRELATION -> correlation();
                case SCATTER -> scatter();
                default -> aggregate();
            };
        }

        // ---- kind and chart

        private Intent.Kind kind() {
            Intent.Kind kind = Intent.Kind.AGGREGATE;
            boolean trendPhrase = hasPhrase(Vocabulary.TREND_PHRASES); // marks "over time" even beside "trend"
            if (has(Vocabulary.SCATTER)) {
                kind = Intent.Kind.SCATTER;
            } else if (has(Vocabulary.CORRELATION)) {
                kind = Intent.Kind.CORRELATION;
            } else if (has(Vocabulary.DISTRIBUTION)) {
                kind = Intent.Kind.DISTRIBUTION;
            } else if (has(Vocabulary.SUMMARY)) {
                kind = Intent.Kind.SUMMARY;
            } else if (has(Vocabulary.TREND) || trendPhrase) {
                kind = Intent.Kind.TREND;
            }
            for (int i = from; i < to; i++) {
                Token t = q.token(i);
                if (q.mentionAt()[i] == null && (Vocabulary.SCATTER.contains(t.norm())
                        || Vocabulary.CORRELATION.contains(t.norm()) || Vocabulary.CORRELATION.contains(t.singular())
                        || Vocabulary.DISTRIBUTION.contains(t.norm()) || Vocabulary.DISTRIBUTION.contains(t.singular())
                        || Vocabulary.SUMMARY.contains(t.singular()) || Vocabulary.TREND.contains(t.norm()))) {
                    mark(i);
                }
            }
            return kind;
        }

        private boolean hasPhrase(List<List<String>> phrases) {
            for (int i = from; i < to; i++) {
                for (List<String> p : phrases) {
                    if (phraseAt(i, p)) {
                        for (int k = 0; k < p.size(); k++) {
                            mark(i + k);
                        }
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean phraseAt(int i, List<String> phrase) {
            for (int k = 0; k < phrase.size(); k++) {
                if (!w(i + k).equals(phrase.get(k)) || m(i + k) != null) {
                    return false;
                }
            }
            return true;
        }

        private void chartWords() {
            for (int i = from; i < to; i++) {
                if (m(i) != null) {
                    continue;
                }
                String w = w(i);
                if (Vocabulary.CHART.contains(w)) {
                    chartAsked = true;
                    mark(i);
                }
                String kind = Vocabulary.CHART_KINDS.get(w);
                if (kind != null) {
                    boolean chartWordNext = Vocabulary.CHART.contains(w(i + 1)) || w(i + 1).equals("charts");
                    if (chartWordNext || w.equals("pie") || w.equals("bar") || w.equals("donut")
                            || w.equals("scatter")) {
                        chart = kind;
                        chartAsked = true;
                        mark(i);
                    }
                }
            }
        }

        // ---- filters

        private void valueFilters() {
            Map<ColumnProfile, List<Mention>> byColumn = new LinkedHashMap<>();
            for (Mention mention : q.mentions()) {
                if (mention.kind() == Mention.Kind.VALUE && mention.start() >= from && mention.end() <= to) {
                    byColumn.computeIfAbsent(mention.column(), k -> new ArrayList<>()).add(mention);
                }
            }
            byColumn.forEach((column, values) -> {
                Mention first = values.get(0);
                int before = prev(first.start());
                boolean negated = before >= 0 && (Vocabulary.NEGATIONS.contains(w(before))
                        || (w(before).equals("than") && w(before - 1).equals("other")));
                if (negated) {
                    mark(before);
                    if (w(before).equals("than")) {
                        mark(before - 1);
                    }
                }
                for (Mention v : values) {
                    markMention(v);
                    absorbColumnWord(v);
                    if (v.reading() != null) {
                        readings.add(v.reading());
                    }
                }
                if (values.size() == 1) {
                    if (first.op().equals("starts_with")) {
                        filters.add(Filter.of(column, "starts_with", first.value()));
                    } else {
                        filters.add(Filter.of(column, negated ? "ne" : "eq", first.value()));
                    }
                } else if (negated) {
                    values.forEach(v -> filters.add(Filter.of(column, "ne", v.value())));
                } else {
                    List<Object> vals = new ArrayList<>();
                    values.stream().map(Mention::value).filter(v -> !vals.contains(v)).forEach(vals::add);
                    filters.add(Filter.in(column, vals));
                    addGroup(new Grouping(column, null), true); // "Consumer vs Corporate": one row each
                }
            });
        }

        /** "in the West region", "the category Technology": the column word belongs to the value. */
        private void absorbColumnWord(Mention value) {
            Mention after = m(value.end());
            if (after != null && after.isColumn() && after.column().equals(value.column())) {
                markMention(after);
            }
            int b = prev(value.start());
            Mention before = b >= 0 ? m(b) : null;
            if (before != null && before.isColumn() && before.column().equals(value.column())) {
                markMention(before);
            }
        }

        private void comparisons() {
            for (int i = from; i < to; i++) {
                if (used[i] || m(i) != null) {
                    continue;
                }
                if (w(i).equals("between") && isNum(i + 1) && w(i + 2).equals("and") && isNum(i + 3)) {
                    ColumnProfile c = numericNear(i, i + 4);
                    if (c != null) {
                        filters.add(new Filter(c, "between", null, List.of(num(i + 1, c), num(i + 3, c))));
                        for (int k = i; k < i + 4; k++) {
                            mark(k);
                        }
                    }
                    continue;
                }
                for (Map.Entry<List<String>, String> e : Vocabulary.COMPARATORS) {
                    List<String> phrase = e.getKey();
                    if (!phraseAt(i, phrase)) {
                        continue;
                    }
                    int n = i + phrase.size();
                    if (!isNum(n) || used[n]) {
                        break;
                    }
                    int end = n + 1;
                    ColumnProfile c = phrase.get(0).equals("older") || phrase.get(0).equals("younger")
                            ? index.primaryMeasure(List.of("age")) : numericNear(i, end);
                    if (c == null) {
                        break;
                    }
                    filters.add(Filter.of(c, e.getValue(), num(n, c)));
                    for (int k = i; k < end; k++) {
                        mark(k);
                    }
                    if (w(end).equals("%")) {
                        mark(end);
                    }
                    break;
                }
            }
        }

        private boolean isNum(int i) {
            return i >= from && i < to && q.token(i).isNumber();
        }

        /** A number for a comparison with {@code c}; "20%" of a 0..1 column becomes 0.2. */
        private BigDecimal num(int i, ColumnProfile c) {
            BigDecimal v = new BigDecimal(q.token(i).norm());
            if (w(i + 1).equals("%") && c.max() != null) {
                try {
                    if (Double.parseDouble(c.max()) <= 1.0) {
                        v = v.movePointLeft(2);
                    }
                } catch (NumberFormatException ignored) {
                    // a non-numeric max means no rescaling
                }
            }
            return v;
        }

        /** The numeric column a comparison at [start, end) is about: the nearest one before it, else after. */
        private ColumnProfile numericNear(int start, int end) {
            for (int k = start - 1; k >= Math.max(from, start - 6); k--) {
                Mention mention = m(k);
                if (mention != null && mention.isColumn() && mention.column().column().numeric() && free(mention)) {
                    markMention(mention);
                    return mention.column();
                }
            }
            Mention after = m(end);
            if (after != null && after.isColumn() && after.column().column().numeric() && free(after)) {
                markMention(after);
                return after.column();
            }
            return null;
        }

        private void signFilters() {
            for (int i = from; i < to; i++) {
                String w = w(i);
                if (used[i] || m(i) != null) {
                    continue;
                }
                String op = switch (w) {
                    case "negative" -> "lt";
                    case "positive" -> "gt";
                    case "loss", "losses", "unprofitable" -> "lt";
                    case "profitable" -> "gt";
                    default -> null;
                };
                if (op == null) {
                    continue;
                }
                ColumnProfile c = null;
                int n = next(i);
                Mention after = n >= 0 ? m(n) : null;
                if ((w.equals("negative") || w.equals("positive")) && after != null && after.isColumn()
                        && after.column().column().numeric()) {
                    c = after.column();
                    markMention(after);
                } else if (!w.equals("negative") && !w.equals("positive")) {
                    c = index.primaryMeasure(List.of("profit"));
                    if (c != null) {
                        readings.add("'" + q.token(i).text() + "' read as " + c.name() + (op.equals("lt") ? " < 0" : " > 0"));
                    }
                }
                if (c != null) {
                    filters.add(Filter.of(c, op, BigDecimal.ZERO));
                    mark(i);
                }
            }
        }

        private void missingFilters() {
            for (int i = from; i < to; i++) {
                String w = w(i);
                if (used[i] || m(i) != null) {
                    continue;
                }
                if (w.equals("no") || w.equals("without") || Vocabulary.MISSING.contains(w)) {
                    int n = next(i);
                    Mention after = n >= 0 ? m(n) : null;
                    if (after != null && after.isColumn() && free(after)) {
                        filters.add(Filter.of(after.column(), "is_null", null));
                        mark(i);
                        markMention(after);
                        continue;
                    }
                }
                if (Vocabulary.MISSING.contains(w)) {
                    int k = i - 1;
                    boolean not = false;
                    while (k >= from && (w(k).equals("is") || w(k).equals("are") || w(k).equals("was")
                            || w(k).equals("not") || w(k).equals("were"))) {
                        not |= w(k).equals("not");
                        k--;
                    }
                    Mention before = m(k);
                    if (before != null && before.isColumn() && free(before)) {
                        filters.add(Filter.of(before.column(), not ? "not_null" : "is_null", null));
                        for (int j = k + 1; j <= i; j++) {
                            mark(j);
                        }
                        markMention(before);
                    }
                }
            }
        }

        private void years() {
            List<Integer> years = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            String bound = null;
            for (int i = from; i < to; i++) {
                Token t = q.token(i);
                if (used[i] || !t.isYear()) {
                    continue;
                }
                String before = w(i - 1);
                if (Set.of("since", "after", "before", "until", "through").contains(before)) {
                    bound = before;
                    mark(i - 1);
                } else if (!YEAR_CUES.contains(before) && !before.equals("and") && !before.equals(",")
                        && !before.equals("vs") && !before.equals("versus") && !before.equals("or")
                        && !before.isEmpty() && !before.equals("than")) {
                    continue;
                }
                years.add(Integer.parseInt(t.norm()));
                positions.add(i);
            }
            if (years.isEmpty()) {
                return;
            }
            ColumnProfile date = dateMention();
            if (date == null) {
                readings.add("no date column to read " + years.get(0) + " as a year");
                return;
            }
            positions.forEach(p -> {
                mark(p);
                if (w(p - 1).equals("year")) {
                    mark(p - 1);
                }
            });
            int y = years.get(0);
            if (bound != null && years.size() == 1) {
                switch (bound) {
                    case "since" -> filters.add(Filter.of(date, "ge", y + "-01-01"));
                    case "after" -> filters.add(Filter.of(date, "ge", (y + 1) + "-01-01"));
                    case "before" -> filters.add(Filter.of(date, "lt", y + "-01-01"));
                    default -> filters.add(Filter.of(date, "le", y + "-12-31"));
                }
            } else if (years.size() == 1) {
                filters.add(Filter.of(date, "year", y));
            } else {
                int lo = years.stream().min(Integer::compare).orElseThrow();
                int hi = years.stream().max(Integer::compare).orElseThrow();
                filters.add(new Filter(date, "between", null, List.of(lo + "-01-01", hi + "-12-31")));
                boolean range = positions.size() == 2 && w(positions.get(0) - 1).equals("between");
                if (!range) {
                    addGroup(new Grouping(date, Grain.YEAR), true);
                }
            }
        }

        /** The date column named in the clause ("hired", "ship date"), else the schema's first date column. */
        private ColumnProfile dateMention() {
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention != null && mention.isColumn() && mention.column().column().temporal()) {
                    if (mention.reading() != null && !readings.contains(mention.reading())) {
                        readings.add(mention.reading());
                    }
                    markMention(mention);
                    return mention.column();
                }
            }
            return index.defaultDate();
        }

        private void grains() {
            for (int i = from; i < to; i++) {
                if (used[i] || m(i) != null) {
                    continue;
                }
                Token t = q.token(i);
                Grain g = Vocabulary.GRAIN_ADJECTIVES.get(t.norm());
                boolean viaNoun = false;
                if (g == null && Vocabulary.GRAIN_NOUNS.containsKey(t.singular()) && !t.singular().equals("date")) {
                    String before = w(i - 1);
                    if (Vocabulary.GROUP_WORDS.contains(before) || before.equals("a") || before.equals("the")
                            || (before.equals("over") && t.norm().endsWith("s"))) {
                        g = Vocabulary.GRAIN_NOUNS.get(t.singular());
                        viaNoun = true;
                        mark(i - 1);
                    } else if (w(i + 1).equals("over") && w(i + 2).equals(t.norm())) {
                        g = Vocabulary.GRAIN_NOUNS.get(t.singular()); // "year over year"
                        mark(i + 1);
                        mark(i + 2);
                    }
                }
                if (g == null) {
                    continue;
                }
                mark(i);
                if (grain == null) {
                    grain = g;
                    grainPos = i;
                }
                if (viaNoun && w(i - 2).equals("for")) {
                    mark(i - 2);
                }
            }
        }

        // ---- functions and rankings

        private void functionWords() {
            for (int i = from; i < to; i++) {
                if (used[i] || m(i) != null) {
                    continue;
                }
                boolean matched = false;
                for (Map.Entry<List<String>, Agg> e : Vocabulary.FUNCTION_PHRASES) {
                    if (phraseAt(i, e.getKey())) {
                        functions.put(i, e.getValue());
                        for (int k = 0; k < e.getKey().size(); k++) {
                            mark(i + k);
                        }
                        i += e.getKey().size() - 1;
                        matched = true;
                        break;
                    }
                }
                if (matched) {
                    continue;
                }
                String w = w(i);
                Agg agg = Vocabulary.FUNCTIONS.get(w);
                if (agg != null) {
                    functions.put(i, agg);
                    mark(i);
                } else if (Vocabulary.DISTINCT.contains(w)) {
                    distinctCue = true;
                    mark(i);
                }
            }
        }

        private void superlatives() {
            for (int i = from; i < to; i++) {
                if (used[i]) {
                    continue; // a superlative may also be a mention: "oldest" names age
                }
                Boolean desc = Vocabulary.SUPERLATIVES.get(w(i));
                if (desc != null) {
                    superlativeDirections.add(desc);
                }
                if (desc != null && superlativePos < 0) {
                    superlativePos = i;
                    descending = desc;
                    if (m(i) == null) {
                        mark(i);
                    }
                }
            }
            if (superlativePos < 0 && !has(RANK_CUES)) {
                return;
            }
            for (int i = from; i < to; i++) {
                Token t = q.token(i);
                if (!used[i] && t.isNumber() && !t.norm().contains(".") && !t.norm().startsWith("-")
                        && t.norm().length() <= 4) {
                    int n = Integer.parseInt(t.norm());
                    if (n >= 1 && n <= 1000) {
                        limit = n;
                        mark(i);
                        break;
                    }
                }
            }
        }

        private boolean hasFunction(Agg agg) {
            return functions.containsValue(agg);
        }

        /** True when a count phrase ("how many", "number of", "count of") sits within three tokens before i. */
        private boolean countedAt(int i) {
            for (int k = i - 1; k >= Math.max(from, i - 4); k--) {
                Agg a = functions.get(k);
                if (a == Agg.COUNT || a == Agg.COUNT_DISTINCT) {
                    return true;
                }
                if (m(k) != null) {
                    return false;
                }
            }
            return false;
        }

        private boolean groupWordBefore(int i) {
            int p = prev(i);
            if (p < 0) {
                return false;
            }
            String w = w(p);
            if (Vocabulary.GROUP_WORDS.contains(w)) {
                mark(p);
                if (w(p - 1).equals("for") || w(p - 1).equals("in")) {
                    mark(p - 1); // "for each", "in each"
                }
                return true;
            }
            // "by region and category": a column after "and" continues the grouping list
            if ((w.equals("and") || w.equals(",")) && !groups.isEmpty()) {
                Mention before = m(prev(p));
                return before != null && groupViaWord.get(groupViaWord.size() - 1)
                        && groups.stream().anyMatch(g -> Objects.equals(g.column(), groupColumnOf(before)));
            }
            return false;
        }

        private ColumnProfile groupColumnOf(Mention mention) {
            return mention.kind() == Mention.Kind.ENTITY ? mention.entity().groupColumn() : mention.column();
        }

        private boolean rankCueBefore(int i) {
            for (int k = i - 1; k >= Math.max(from, i - 4); k--) {
                String w = w(k);
                if (RANK_CUES.contains(w) || Vocabulary.SUPERLATIVES.containsKey(w) || q.token(k).isNumber()) {
                    return true;
                }
                if (m(k) != null && m(k).kind() != Mention.Kind.COLUMN) {
                    return false;
                }
            }
            return false;
        }

        private void addGroup(Grouping g, boolean viaWord) {
            if (!groups.contains(g)) {
                groups.add(g);
                groupViaWord.add(viaWord);
            }
        }

        // ---- intents by kind

        private Intent aggregate() {
            List<Agg> pending = new ArrayList<>();
            List<Agg> last = new ArrayList<>();
            boolean countTarget = false;
            List<Mention> unlinkedEntities = new ArrayList<>();
            int measureMentions = 0;
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention != null && mention.isColumn() && free(mention)
                        && mention.column().column().numeric() && !SchemaIndex.isIdLike(mention.column())) {
                    measureMentions++;
                }
            }
            for (int i = from; i < to; i++) {
                Agg fn = functions.get(i);
                if (fn != null) {
                    pending.add(fn);
                    continue;
                }
                Mention mention = m(i);
                if (mention == null) {
                    if (!used[i] && isRowNoun(i)
                            && (pending.contains(Agg.COUNT) || countedAt(i) || mostBefore(i))) {
                        measures.add(new Measure(Agg.COUNT, null));
                        pending.remove(Agg.COUNT);
                        countTarget = true;
                        mark(i);
                    }
                    continue;
                }
                if (mention.start() != i || !free(mention)) {
                    continue;
                }
                if (mention.reading() != null) {
                    readings.add(mention.reading());
                }
                markMention(mention);
                switch (mention.kind()) {
                    case ENTITY -> {
                        Entity e = mention.entity();
                        Mention nextMention = m(mention.end());
                        if (nextMention != null && nextMention.isColumn()) {
                            continue; // "customer segment": the entity word only qualifies the column
                        }
                        if (countedAt(i) || mostBefore(i) || (pending.contains(Agg.COUNT) && measureMentions == 0)) {
                            measures.add(entityCount(e, mention));
                            pending.remove(Agg.COUNT);
                            pending.remove(Agg.COUNT_DISTINCT);
                            countTarget = true;
                        } else if (groupWordBefore(i) || rankCueBefore(i)) {
                            addGroup(new Grouping(e.groupColumn(), null), groupWordBefore(i));
                        } else {
                            unlinkedEntities.add(mention); // the population: "average age of employees"
                        }
                    }
                    case COLUMN -> {
                        ColumnProfile c = mention.column();
                        if (c.column().temporal()) {
                            if (grain != null) {
                                continue; // the date of the grain, picked up below
                            }
                            if (groupWordBefore(i)) {
                                addGroup(new Grouping(c, null), true);
                            }
                        } else if (c.column().numeric() && !SchemaIndex.isIdLike(c)) {
                            boolean ranked = superlativePos >= 0;
                            if (groupWordBefore(i) && !ranked) {
                                addGroup(new Grouping(c, null), true);
                            } else if (pending.contains(Agg.COUNT) && pending.size() == 1 && measureMentions > 1) {
                                addGroup(new Grouping(c, null), false);
                            } else {
                                addMeasure(c, pending, last, i);
                            }
                        } else if (!groupWordBefore(i) && (countedAt(i) || (distinctCue && (hasFunction(Agg.COUNT)
                                || hasFunction(Agg.COUNT_DISTINCT))))) {
                            measures.add(new Measure(Agg.COUNT_DISTINCT, c));
                            pending.remove(Agg.COUNT);
                            pending.remove(Agg.COUNT_DISTINCT);
                            countTarget = true;
                        } else {
                            boolean via = groupWordBefore(i);
                            addGroup(new Grouping(c, null), via);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (pending.contains(Agg.COUNT) || pending.contains(Agg.COUNT_DISTINCT)) {
                if (!countTarget) {
                    measures.add(new Measure(Agg.COUNT, null));
                }
            } else if (!pending.isEmpty() && !measures.isEmpty()) {
                // "sales total": a function after its measure
                Measure lastMeasure = measures.get(measures.size() - 1);
                if (lastMeasure.column() != null) {
                    measures.set(measures.size() - 1, new Measure(pending.get(0), lastMeasure.column()));
                }
            }
            if (grain != null) {
                ColumnProfile date = dateMention();
                if (date == null) {
                    readings.add("no date column to group by " + grain.word);
                } else {
                    boolean oneYear = filters.stream().anyMatch(f -> f.op().equals("year"));
                    if (grain == Grain.QUARTER && !oneYear) {
                        addGroup(new Grouping(date, Grain.YEAR), true);
                    }
                    addGroup(new Grouping(date, grain), true);
                }
            }
            if (!countTarget && groups.isEmpty() && filters.isEmpty() && measures.size() == 1
                    && measures.get(0).column() == null && !unlinked().isEmpty()) {
                return partial(); // "how many widgets": counting rows would answer another question
            }
            if (superlativePos >= 0 && measures.isEmpty() && !groups.isEmpty() && hasSuperlative("most", "fewest",
                    "least")) {
                measures.add(new Measure(Agg.COUNT, null)); // "which city has the most rows"
            }
            return finishAggregate(unlinkedEntities);
        }

        private boolean hasSuperlative(String... words) {
            for (String s : words) {
                if (superlativePos >= 0 && w(superlativePos).equals(s)) {
                    return true;
                }
            }
            return false;
        }

        /** "rows", "records", "transactions", or the table's own name ("staff", "orders"). */
        private boolean isRowNoun(int i) {
            String w = q.token(i).singular();
            return Vocabulary.ROW_NOUNS.contains(w) || SchemaIndex.words(index.schema.table()).contains(w);
        }

        private boolean mostBefore(int i) {
            int p = prev(i);
            return p >= 0 && Set.of("most", "fewest", "least", "more", "fewer").contains(w(p));
        }

        private Measure entityCount(Entity e, Mention mention) {
            String word = q.token(mention.start()).text();
            if (e.uniqueRows()) {
                readings.add("'" + word + "' counted as rows (one per " + e.id().name() + ")");
                return new Measure(Agg.COUNT, null);
            }
            readings.add("'" + word + "' read as distinct " + e.id().name());
            return new Measure(Agg.COUNT_DISTINCT, e.id());
        }

        private void addMeasure(ColumnProfile c, List<Agg> pending, List<Agg> last, int i) {
            List<Agg> fns;
            if (!pending.isEmpty()) {
                fns = new ArrayList<>(pending);
                last.clear();
                last.addAll(pending);
                pending.clear();
            } else if (!last.isEmpty() && (w(prev(i)).equals("and") || w(prev(i)).equals(","))) {
                fns = new ArrayList<>(last);
            } else {
                fns = List.of(defaultAgg(c));
            }
            for (Agg a : fns) {
                Agg agg = a == Agg.COUNT_DISTINCT ? Agg.COUNT_DISTINCT : a;
                Measure m = new Measure(agg, c);
                if (!measures.contains(m)) {
                    measures.add(m);
                }
            }
        }

        private Agg defaultAgg(ColumnProfile c) {
            String name = c.name().toLowerCase(java.util.Locale.ROOT);
            for (String rate : Vocabulary.AVERAGED_MEASURES) {
                if (name.contains(rate)) {
                    readings.add(c.name() + " averaged (no function named; it reads as a rate or level)");
                    return Agg.AVG;
                }
            }
            return Agg.SUM;
        }

        private Intent finishAggregate(List<Mention> population) {
            boolean explicitFunction = !functions.isEmpty();
            if (superlativePos >= 0 && groups.isEmpty() && !population.isEmpty() && !measures.isEmpty()
                    && measures.stream().allMatch(x -> x.column() != null)) {
                // "the customer with the highest sales", "oldest employee": rank the entity
                addGroup(new Grouping(population.get(0).entity().groupColumn(), null), false);
                readings.removeIf(r -> r.contains("averaged"));
                if (!explicitFunction) {
                    List<Measure> summed = measures.stream().map(x -> new Measure(Agg.SUM, x.column())).toList();
                    measures.clear();
                    measures.addAll(summed);
                }
            }
            boolean dimsViaRankCue = groupViaWord.contains(false);
            boolean topWord = hasSuperlative("top", "bottom");
            boolean ranking = superlativePos >= 0 && !groups.isEmpty()
                    && (topWord || limit != null || dimsViaRankCue || explicitFunction);
            Intent.Kind kind = Intent.Kind.AGGREGATE;
            List<ColumnProfile> columns = new ArrayList<>();
            Integer lim = null;
            if (ranking) {
                lim = limit != null ? limit : topWord || pluralGroupWord() ? 10 : 1;
                if (measures.isEmpty()) {
                    measures.add(new Measure(Agg.COUNT, null));
                }
                // one row per entity (employees): rank the rows themselves instead of summing them
                if (groups.size() == 1 && rowsAreEntities(population) && measures.stream()
                        .allMatch(x -> x.column() != null && (x.agg() == Agg.SUM || x.agg() == Agg.AVG))) {
                    kind = Intent.Kind.ROWS;
                    columns.add(groups.get(0).column());
                    measures.forEach(x -> columns.add(x.column()));
                }
            } else if (superlativePos >= 0 && groups.isEmpty() && !measures.isEmpty()) {
                if (topWord || limit != null) {
                    kind = Intent.Kind.ROWS; // "top 5 sales": the whole rows with the largest values
                    lim = limit != null ? limit : 10;
                } else {
                    List<Measure> replaced = new ArrayList<>();
                    for (Measure x : measures) {
                        if (x.column() == null || explicitFunction) {
                            replaced.add(x);
                            continue;
                        }
                        for (Boolean desc : superlativeDirections) {
                            Measure extreme = new Measure(desc ? Agg.MAX : Agg.MIN, x.column());
                            if (!replaced.contains(extreme)) {
                                replaced.add(extreme);
                            }
                        }
                    }
                    measures.clear();
                    measures.addAll(replaced);
                    readings.removeIf(r -> r.contains("averaged"));
                }
            } else if (superlativePos >= 0 && groups.isEmpty() && measures.isEmpty()) {
                readings.add("'" + q.token(superlativePos).text() + "' without anything to rank");
            }
            if (measures.isEmpty() && kind == Intent.Kind.AGGREGATE) {
                if (!groups.isEmpty() && !population.isEmpty()) {
                    measures.add(entityCount(population.get(0).entity(), population.get(0))); // "employees by dept"
                } else if (!groups.isEmpty() && groups.stream().noneMatch(Grouping::temporal)) {
                    kind = Intent.Kind.LIST; // "list the sub-categories in Furniture"
                    groups.forEach(g -> columns.add(g.column()));
                } else if (!filters.isEmpty() || !population.isEmpty()) {
                    kind = Intent.Kind.ROWS; // "show orders in the West"
                    lim = 100;
                } else {
                    return partial();
                }
            }
            if (kind == Intent.Kind.ROWS) {
                readings.removeIf(r -> r.contains("averaged"));
            }
            if (kind == Intent.Kind.ROWS && !ranking && superlativePos < 0) {
                columns.clear();
                measures.clear(); // plain rows: nothing to rank them by
            }
            List<Grouping> g = kind == Intent.Kind.AGGREGATE ? groups : List.of();
            return new Intent(kind, kind == Intent.Kind.LIST ? List.of() : measures, g, filters, columns, lim,
                    !descending, chart, null, null, readings, unlinked(), text());
        }

        private boolean pluralGroupWord() {
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention != null && mention.kind() != Mention.Kind.VALUE && free(mention) == false
                        && groups.stream().anyMatch(g -> g.column().equals(groupColumnOf(mention)))) {
                    Token t = q.token(mention.end() - 1);
                    return !t.norm().equals(t.singular());
                }
            }
            return false;
        }

        private boolean rowsAreEntities(List<Mention> population) {
            Grouping g = groups.get(0);
            for (Mention mention : q.mentions()) {
                if (mention.kind() == Mention.Kind.ENTITY && mention.start() >= from && mention.end() <= to
                        && mention.entity().uniqueRows() && g.column().equals(mention.entity().groupColumn())) {
                    return true;
                }
            }
            return false;
        }

        private Intent distribution() {
            List<ColumnProfile> cols = freeColumns(false);
            if (hasGroupWord() && !cols.isEmpty()) {
                return aggregate(); // "distribution of customers by segment" is a count per segment
            }
            if (cols.isEmpty()) {
                return partial();
            }
            return new Intent(Intent.Kind.DISTRIBUTION, List.of(), List.of(), filters, cols, null, false, chart,
                    null, null, readings, unlinked(), text());
        }

        private boolean hasGroupWord() {
            for (int i = from; i < to; i++) {
                if (!used[i] && Vocabulary.GROUP_WORDS.contains(w(i)) && m(i + 1) != null) {
                    return true;
                }
            }
            return false;
        }

        private Intent trend() {
            Agg agg = functions.values().stream().findFirst().orElse(null);
            boolean hasDimension = false;
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention != null && mention.start() == i && free(mention) && mention.isColumn()
                        && !mention.column().column().temporal()
                        && (!mention.column().column().numeric() || SchemaIndex.isIdLike(mention.column()))) {
                    hasDimension = true;
                }
            }
            if (index.defaultDate() != null && (hasDimension || (agg != null && agg.trendName == null))) {
                // trend_plot draws one series of a supported aggregate; anything more is a table by time bucket
                if (grain == null) {
                    grain = Grain.MONTH;
                }
                Intent a = aggregate();
                return a.kind() == Intent.Kind.AGGREGATE && a.chart() == null ? a.withChart("line") : a;
            }
            ColumnProfile value = null;
            ColumnProfile date = null;
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention == null || mention.start() != i || !free(mention)) {
                    continue;
                }
                if (mention.reading() != null) {
                    readings.add(mention.reading());
                }
                if (mention.kind() == Mention.Kind.ENTITY) {
                    if (value == null) {
                        Measure counted = entityCount(mention.entity(), mention);
                        value = counted.column();
                        agg = counted.agg();
                        markMention(mention);
                    }
                } else if (mention.column().column().temporal()) {
                    date = mention.column();
                    markMention(mention);
                } else if (mention.column().column().numeric() && !SchemaIndex.isIdLike(mention.column())
                        && value == null) {
                    value = mention.column();
                    markMention(mention);
                }
            }
            for (int i = from; i < to && value == null; i++) {
                if (!used[i] && m(i) == null && Vocabulary.ROW_NOUNS.contains(q.token(i).singular())) {
                    agg = Agg.COUNT; // "trend of transactions"
                    mark(i);
                }
            }
            if (date == null) {
                date = index.defaultDate();
            }
            if (date == null) {
                readings.add("no date column to draw a trend over");
                return partial();
            }
            if (value == null && agg != Agg.COUNT) {
                readings.add("no measure named for the trend");
                return partial();
            }
            if (agg == null) {
                agg = Agg.SUM;
            }
            List<Measure> ms = List.of(new Measure(agg, value));
            return new Intent(Intent.Kind.TREND, ms, List.of(), filters, List.of(), null, false, chart, grain, date,
                    readings, unlinked(), text());
        }

        private Intent summary() {
            List<ColumnProfile> cols = freeColumns(false);
            return new Intent(Intent.Kind.SUMMARY, List.of(), List.of(), filters, cols, null, false, null, null,
                    null, readings, unlinked(), text());
        }

        private Intent correlation() {
            List<ColumnProfile> cols = freeColumns(true);
            return new Intent(Intent.Kind.CORRELATION, List.of(), List.of(), filters, cols, null, false, null, null,
                    null, readings, unlinked(), text());
        }

        private Intent scatter() {
            List<ColumnProfile> cols = freeColumns(true);
            if (cols.size() < 2) {
                readings.add("a scatter plot needs two numeric columns");
                return partial();
            }
            return new Intent(Intent.Kind.SCATTER, List.of(), List.of(), filters, cols.subList(0, 2), null, false,
                    "scatter", null, null, readings, unlinked(), text());
        }

        /** Column mentions no filter used, in question order (entities as their id, or label when listed). */
        private List<ColumnProfile> freeColumns(boolean numericOnly) {
            List<ColumnProfile> cols = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Mention mention = m(i);
                if (mention == null || mention.start() != i || !free(mention)
                        || mention.kind() == Mention.Kind.VALUE) {
                    continue;
                }
                ColumnProfile c = mention.kind() == Mention.Kind.ENTITY ? mention.entity().id() : mention.column();
                if (numericOnly && !c.column().numeric()) {
                    continue;
                }
                if (mention.reading() != null) {
                    readings.add(mention.reading());
                }
                markMention(mention);
                if (!cols.contains(c)) {
                    cols.add(c);
                }
            }
            return cols;
        }

        /**
         * A clause that asks for nothing complete on its own, with what it did link kept so a follow-up
         * ("and by year?", "only for the West") can apply it to the previous question.
         */
        private Intent partial() {
            return new Intent(Intent.Kind.UNKNOWN, measures, groups, filters, List.of(), limit, !descending, chart,
                    grain, null, readings, unlinked(), text());
        }

        /** Content words of the clause that no stage understood. */
        private List<String> unlinked() {
            List<String> out = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Token t = q.token(i);
                if (used[i] || m(i) != null || t.kind() == Token.Kind.SYMBOL) {
                    continue;
                }
                String w = t.norm();
                if (t.kind() == Token.Kind.WORD && (Vocabulary.STOP.contains(w) || Vocabulary.STOP.contains(t.singular())
                        || Vocabulary.GROUP_WORDS.contains(w) || Vocabulary.CHART.contains(w)
                        || Vocabulary.CHART_KINDS.containsKey(w) || Vocabulary.DISTINCT.contains(w)
                        || Vocabulary.ROW_NOUNS.contains(t.singular()) || Vocabulary.LIST.contains(w)
                        || Vocabulary.TREND.contains(w) || Vocabulary.MEASURE_HINTS.containsKey(w)
                        || Vocabulary.SUPERLATIVES.containsKey(w) || Vocabulary.FUNCTIONS.containsKey(w))) {
                    continue;
                }
                out.add(t.text());
            }
            return out;
        }
    }
}
