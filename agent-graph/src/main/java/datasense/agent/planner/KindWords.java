package datasense.agent.planner;

/**
 * The head words of a clause: what kind of answer it asks for (a distribution, a trend, a summary, a
 * correlation, a scatter plot, else an aggregate) and which chart, if one is named ("as a pie chart").
 */
final class KindWords {

    private static final java.util.Set<String> PAIR_WORDS = java.util.Set.of("between", "vs", "versus", "against",
            "and", "with");

    private KindWords() {
    }

    static Intent.Kind kind(Clause c) {
        Intent.Kind kind = Intent.Kind.AGGREGATE;
        boolean trendPhrase = c.hasPhrase(Vocabulary.TREND_PHRASES); // marks "over time" even beside "trend"
        if (c.has(Vocabulary.SCATTER)) {
            kind = Intent.Kind.SCATTER;
        } else if (c.has(Vocabulary.CORRELATION)) {
            kind = Intent.Kind.CORRELATION;
        } else if (c.has(Vocabulary.DISTRIBUTION)) {
            kind = Intent.Kind.DISTRIBUTION;
        } else if (c.has(Vocabulary.SUMMARY)) {
            kind = Intent.Kind.SUMMARY;
        } else if (c.has(Vocabulary.TREND) || trendPhrase) {
            kind = Intent.Kind.TREND;
        }
        if (kind == Intent.Kind.CORRELATION || kind == Intent.Kind.SCATTER) {
            // "between A and B", "A vs B", "A against B": the pair a correlation or scatter is about
            for (int i = c.from; i < c.to; i++) {
                if (c.m(i) == null && PAIR_WORDS.contains(c.w(i))) {
                    c.mark(i);
                }
            }
        }
        for (int i = c.from; i < c.to; i++) {
            Token t = c.token(i);
            if (c.m(i) == null && (Vocabulary.SCATTER.contains(t.norm())
                    || Vocabulary.CORRELATION.contains(t.norm()) || Vocabulary.CORRELATION.contains(t.singular())
                    || Vocabulary.DISTRIBUTION.contains(t.norm()) || Vocabulary.DISTRIBUTION.contains(t.singular())
                    || Vocabulary.SUMMARY.contains(t.singular()) || Vocabulary.TREND.contains(t.norm()))) {
                c.mark(i);
            }
        }
        return kind;
    }

    static void chartWords(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (c.m(i) != null) {
                continue;
            }
            String w = c.w(i);
            if (Vocabulary.CHART.contains(w)) {
                c.chartAsked = true;
                c.mark(i);
            }
            String kind = Vocabulary.CHART_KINDS.get(w);
            if (kind != null) {
                boolean chartWordNext = Vocabulary.CHART.contains(c.w(i + 1)) || c.w(i + 1).equals("charts");
                if (chartWordNext || w.equals("pie") || w.equals("bar") || w.equals("donut") || w.equals("scatter")) {
                    c.chart = kind;
                    c.chartAsked = true;
                    c.mark(i);
                }
            }
        }
    }
}
