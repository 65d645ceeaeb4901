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
        if (boxPlotAsked(c)) {
            kind = Intent.Kind.DISTRIBUTION; // "box plot of fares by vehicle type": quartiles per group
            c.chart = "box";
            c.chartAsked = true;
            for (int i = c.from; i < c.to; i++) {
                if (c.m(i) == null && (Vocabulary.BOX.contains(c.w(i)) || (c.w(i).equals("and")
                        && Vocabulary.BOX.contains(c.w(i - 1)) && c.w(i + 1).startsWith("whisker")))) {
                    c.mark(i);
                }
            }
        } else if (c.has(Vocabulary.SCATTER)) {
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

    /** Words after "box" that make it a chart: "box plot", "box-and-whisker", "boxes per region". */
    private static final java.util.Set<String> BOX_FOLLOWERS = java.util.Set.of("plot", "plots", "chart", "charts",
            "diagram", "graph", "and", "per", "for");

    /**
     * A box plot is asked by "boxplot" or "whiskers", or by "box"/"boxes" followed by a chart word: bare "boxes" is
     * more often goods counted in their packaging ("how many boxes were shipped") than a chart.
     */
    private static boolean boxPlotAsked(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            String w = c.w(i);
            Mention m = c.m(i);
            // "box plot of line totals" where a seat band is called Box: before a chart word the value is the chart's
            boolean chartWordAfter = i + 1 < c.to && BOX_FOLLOWERS.contains(c.w(i + 1)) && !c.w(i + 1).equals("per")
                    && !c.w(i + 1).equals("for") && !c.w(i + 1).equals("and") || c.w(i + 2).startsWith("whisker");
            if (m != null && m.kind() == Mention.Kind.VALUE && m.start() == i && m.end() == i + 1 && chartWordAfter
                    && (w.equals("box") || w.equals("boxes"))) {
                c.markMention(m);
                return true;
            }
            if (m != null || c.token(i).kind() == Token.Kind.QUOTED || !Vocabulary.BOX.contains(c.token(i).singular())) {
                continue;
            }
            if (!w.equals("box") && !w.equals("boxes") || i + 1 < c.to && BOX_FOLLOWERS.contains(c.w(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "which material brought in the most weight? just the name": "just (only) the name" asks for the answer alone;
     * the name is the answer's own, not a column called name.
     */
    static void answerOnly(Clause c) {
        for (int i = c.from; i + 2 < c.to; i++) {
            if ((c.w(i).equals("just") || c.w(i).equals("only")) && c.w(i + 1).equals("the")
                    && c.token(i + 2).singular().equals("name") && !c.w(i + 3).equals("of")) {
                if (c.m(i + 2) != null) {
                    c.markMention(c.m(i + 2));
                }
                c.mark(i, i + 3);
                return;
            }
        }
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
                if (chartWordNext || w.equals("pie") || w.equals("bar") || w.equals("bars") || w.equals("donut")
                        || w.equals("scatter") || (w.equals("line") && c.w(i - 1).equals("a"))) {
                    c.chart = kind;
                    c.chartAsked = true;
                    c.mark(i);
                }
            }
            if (w.equals("stacked") || w.equals("stack")) {
                c.stacked = true;
                c.chartAsked = true;
                c.mark(i);
            } else if (SERIES_WORDS.contains(w) && (c.w(i + 1).equals("by") || Vocabulary.CHART.contains(c.w(i + 1))
                    || Vocabulary.CHART_KINDS.containsKey(c.w(i + 1)))) {
                c.mark(i); // "coloured by channel", "grouped bars", "split by": a series dimension follows
            } else if (w.equals("break") || w.equals("broken") || w.equals("breakdown")) {
                c.mark(i);
                if (c.w(i + 1).equals("down")) {
                    c.mark(i + 1);
                }
            }
        }
        axes(c);
    }

    /** Words that introduce the colour or series of a chart. */
    private static final java.util.Set<String> SERIES_WORDS = java.util.Set.of("colored", "coloured", "color",
            "colour", "grouped", "clustered", "split", "segmented", "separated", "side", "series");

    /**
     * "with the departments on the x axis", "region on the x-axis, total profit on the y axis", "x axis: year":
     * the axis words are understood, and the column named beside "x axis" is what the bars or points stand for,
     * a grouping even without "by".
     */
    private static void axes(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            String w = c.w(i);
            if (!(w.equals("x") || w.equals("y")) || !(c.w(i + 1).equals("axis") || c.w(i + 1).equals("axes"))
                    || c.used[i]) {
                continue;
            }
            int start = i;
            while (start - 1 >= c.from && AXIS_GLUE.contains(c.w(start - 1)) && c.m(start - 1) == null) {
                start--;
            }
            c.mark(start, i + 2);
            int after = i + 2;
            while (after < c.to && AXIS_GLUE.contains(c.w(after)) && c.m(after) == null) {
                c.mark(after);
                after++;
            }
            if (w.equals("x")) {
                Mention before = start - 1 >= c.from ? c.m(start - 1) : null;
                Mention next = c.m(after);
                Mention x = before != null && before.kind() != Mention.Kind.VALUE ? before
                        : next != null && next.kind() != Mention.Kind.VALUE ? next : null;
                if (x != null) {
                    c.xAxis.add(x.start());
                }
            }
            c.chartAsked = true;
        }
    }

    private static final java.util.Set<String> AXIS_GLUE = java.util.Set.of("on", "the", "as", "along", "for",
            "in", "is", "shows", "showing", "show", "with", "of", "its", "their", ":");
}
