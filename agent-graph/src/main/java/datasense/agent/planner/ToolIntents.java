package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Clauses that ask for a tool rather than a table: distributions, trends, summaries, correlations and
 * scatter plots, each over the column mentions no filter used. A trend that trend_plot cannot draw (split
 * by a dimension, or an aggregate it lacks) becomes an aggregate by time bucket drawn as a line.
 */
final class ToolIntents {

    private ToolIntents() {
    }

    static Intent distribution(Clause c) {
        if ("box".equals(c.chart)) {
            return box(c);
        }
        bins(c);
        rowGrain(c);
        List<ColumnProfile> cols = freeColumns(c, false);
        if (c.hasGroupWord() && !cols.isEmpty()) {
            return Aggregates.aggregate(c); // "distribution of customers by segment" is a count per segment
        }
        if (cols.isEmpty()) {
            // "histogram of claim amounts under £10k": the column the comparison took is the one distributed
            List<ColumnProfile> compared = c.filters.stream().filter(f -> !f.onGroups() && f.column() != null
                    && f.column().column().numeric() && java.util.Set.of("lt", "le", "gt", "ge", "between").contains(f.op()))
                    .map(Filter::column).distinct().toList();
            if (compared.size() == 1) {
                cols.add(compared.get(0));
            }
        }
        if (cols.isEmpty()) {
            return c.partial();
        }
        return new Intent(Intent.Kind.DISTRIBUTION, List.of(), List.of(), c.filters, cols, null, false, c.chart,
                null, null, c.readings, c.unexplained(), c.text());
    }

    /**
     * "energy per session", "passengers per flight" in a distribution: each row is one session, so the words say what
     * is counted in the histogram, not a grouping.
     */
    private static void rowGrain(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            Mention m = c.m(i + 1);
            boolean row = m == null ? c.freeWord(i + 1) && c.isRowNoun(i + 1)
                    : m.start() == i + 1 && m.kind() == Mention.Kind.ENTITY && m.entity().uniqueRows() && c.free(m);
            if (c.freeWord(i) && (c.w(i).equals("per") || c.w(i).equals("each")) && row) {
                int end = m == null ? i + 2 : m.end();
                if (m != null) {
                    c.markMention(m);
                }
                c.mark(i, end);
                c.reading("'" + c.text(i, end) + "' is one row each, so nothing is grouped by it");
            }
        }
    }

    /** A box plot: the measure's quartiles, per group when one is named ("by vehicle type", "for each region"). */
    private static Intent box(Clause c) {
        ColumnProfile measure = null;
        ColumnProfile by = null;
        // "age of patients by sex": the group is the one a group word names; the patients are whose ages they are
        boolean namedGroup = false;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && c.free(m) && m.kind() != Mention.Kind.VALUE && c.groupWordBefore(i)
                    && !c.groupColumnOf(m).column().numeric() && !c.groupColumnOf(m).column().temporal()) {
                namedGroup = true;
            }
        }
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m == null || m.start() != i || !c.free(m) || m.kind() == Mention.Kind.VALUE) {
                continue;
            }
            ColumnProfile col = c.groupColumnOf(m);
            if (col.column().numeric() && !SchemaIndex.isIdLike(col) && measure == null && !c.groupWordBefore(i)) {
                measure = col;
            } else if (by == null && !col.column().numeric() && !col.column().temporal()
                    && (!namedGroup || c.groupWordBefore(i))) {
                c.groupWordBefore(i); // marks "by", "for each"
                by = col;
            } else if (m.kind() == Mention.Kind.ENTITY && namedGroup) {
                c.markMention(m); // "of patients": the rows whose values are drawn
                continue;
            } else {
                continue;
            }
            c.reading(m.reading());
            c.markMention(m);
        }
        if (c.grain != null) {
            c.reading("a box per group spans every " + c.grain.word + " of the data");
        }
        if (measure == null) {
            c.reading("a box plot needs a numeric column");
            return c.partial();
        }
        if (by == null) {
            // "pace for women and men": a box plot compares, so two or more values of one column named together
            // are one box each
            Filter listed = c.filters.stream().filter(f -> "in".equals(f.op()) && f.values() != null && f.values().size() > 1
                    && !f.column().column().numeric()).findFirst().orElse(null);
            if (listed != null) {
                by = listed.column();
                c.reading("a box for each of the " + by.name() + " values named");
            }
        }
        List<Grouping> groups = by == null ? List.of() : List.of(new Grouping(by, null));
        return new Intent(Intent.Kind.DISTRIBUTION, List.of(), groups, c.filters, List.of(measure), null, false, "box",
                null, null, c.readings, c.unexplained(), c.text());
    }

    static Intent trend(Clause c) {
        Agg agg = c.functions.values().stream().findFirst().orElse(null);
        boolean hasDimension = false;
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            if (mention != null && mention.start() == i && c.free(mention) && mention.isColumn()
                    && !mention.column().column().temporal()
                    && (!mention.column().column().numeric() || SchemaIndex.isIdLike(mention.column()))) {
                hasDimension = true;
            }
        }
        boolean cyclical = c.grain != null && !c.grain.calendar();
        boolean derived = c.measures.stream().anyMatch(m -> m.derived() != Measure.Derived.NONE); // "revenue" as price × quantity
        if (c.index.defaultDate() != null && (hasDimension || cyclical || derived || (agg != null && agg.trendName == null))) {
            // trend_plot draws one series of a supported aggregate of one column; anything more is a table by time bucket
            if (c.grain == null) {
                c.grain = Grain.MONTH;
            }
            Intent a = Aggregates.aggregate(c);
            return a.kind() == Intent.Kind.AGGREGATE && a.chart() == null ? a.withChart("line") : a;
        }
        ColumnProfile value = null;
        ColumnProfile date = null;
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            if (mention == null || mention.start() != i || !c.free(mention)) {
                continue;
            }
            c.reading(mention.reading());
            if (mention.kind() == Mention.Kind.ENTITY) {
                if (value == null) {
                    Measure counted = c.entityCount(mention.entity(), mention);
                    value = counted.column();
                    agg = counted.agg();
                    c.markMention(mention);
                }
            } else if (mention.column().column().temporal()) {
                date = mention.column();
                c.markMention(mention);
            } else if (mention.column().column().numeric() && !SchemaIndex.isIdLike(mention.column())
                    && value == null) {
                value = mention.column();
                c.markMention(mention);
            }
        }
        for (int i = c.from; i < c.to && value == null; i++) {
            if (c.freeWord(i) && Vocabulary.ROW_NOUNS.contains(c.token(i).singular())) {
                agg = Agg.COUNT; // "trend of transactions"
                c.mark(i);
            }
        }
        if (date == null) {
            date = c.impliedDate();
        }
        if (date == null) {
            c.reading("no date column to draw a trend over");
            return c.partial();
        }
        if (value == null && agg != Agg.COUNT) {
            c.reading("no measure named for the trend");
            return c.partial();
        }
        if (agg == null) {
            agg = Agg.SUM;
        }
        List<Measure> ms = List.of(new Measure(agg, value));
        return new Intent(Intent.Kind.TREND, ms, List.of(), c.filters, List.of(), null, false, c.chart, c.grain,
                date, c.readings, c.unexplained(), c.text());
    }

    static Intent summary(Clause c) {
        List<ColumnProfile> cols = freeColumns(c, false);
        return new Intent(Intent.Kind.SUMMARY, List.of(), List.of(), c.filters, cols, null, false, null, null,
                null, c.readings, c.unexplained(), c.text());
    }

    static Intent correlation(Clause c) {
        List<ColumnProfile> cols = freeColumns(c, true);
        if (cols.size() > 2 && correlatedWith(c)) {
            // "is the rate correlated with how many days late an instalment is paid": one thing with one other;
            // what follows the second qualifies it
            cols = cols.subList(0, 2);
            c.reading("the correlation of " + cols.get(0).name() + " with " + cols.get(1).name() + " alone, as asked");
        }
        return new Intent(Intent.Kind.CORRELATION, List.of(), List.of(), c.filters, cols, null, false, null, null,
                null, c.readings, c.unexplained(), c.text());
    }

    /** "A correlated with B", "the correlation of A with B": a pair, not a list. */
    private static boolean correlatedWith(Clause c) {
        boolean cue = false;
        for (int i = c.from; i < c.to; i++) {
            cue |= c.w(i).startsWith("correlat") || c.w(i).equals("associated");
            if (cue && c.w(i).equals("with") && !c.w(i - 1).equals("along")) {
                return true;
            }
        }
        return false;
    }

    static Intent scatter(Clause c) {
        eachPointARow(c);
        if (!c.functions.isEmpty() || c.hasGroupWord()) {
            // "average price against average rating for each brand": a point per group
            Intent a = Aggregates.aggregate(c);
            if (a.kind() == Intent.Kind.AGGREGATE && a.measures().size() < 2) {
                // a point needs two figures: one read means the other was lost (or merged into a condition)
                List<String> readings = new java.util.ArrayList<>(a.readings());
                readings.add(Clause.BEST_GUESS + "a scatter plots two figures per point, and only one was read");
                a = a.withReadings(readings);
            }
            return a.kind() == Intent.Kind.AGGREGATE ? a.withChart("scatter") : a;
        }
        List<ColumnProfile> cols = freeColumns(c, true);
        if (cols.size() < 2) {
            c.reading("a scatter plot needs two numeric columns");
            return c.partial();
        }
        return new Intent(Intent.Kind.SCATTER, List.of(), List.of(), c.filters, cols.subList(0, 2), null, false,
                "scatter", null, null, c.readings, c.unexplained(), c.text());
    }

    /**
     * "scatter of fee versus discount for every appointment" on a table of appointments: the group word names the
     * rows themselves, so each point is a row; read here so that it asks for no point per group.
     */
    private static void eachPointARow(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            Mention m = c.m(i + 1);
            if (!c.freeWord(i) || !Vocabulary.GROUP_WORDS.contains(c.w(i))) {
                continue;
            }
            int end = -1;
            if (m != null && m.start() == i + 1 && c.free(m) && m.kind() == Mention.Kind.ENTITY && m.entity().uniqueRows()) {
                end = m.end(); // "every appointment" of a table of appointments
            } else if (m != null && m.start() == i + 1 && m.kind() == Mention.Kind.ENTITY && c.freeWord(m.end())
                    && c.isRowNoun(m.end())) {
                end = m.end() + 1; // "each order line": a line of an order is a row
            } else if (m == null && c.freeWord(i + 1) && c.isRowNoun(i + 1)) {
                end = i + 2; // "each row", "every record"
            }
            if (end < 0) {
                continue;
            }
            c.mark(i, end);
            if (c.w(i - 1).equals("for") || c.w(i - 1).equals("of")) {
                c.mark(i - 1);
            }
            c.reading("'" + c.text(i, end) + "' is one row each: a point per row");
        }
    }

    /** Column mentions no filter used, in question order (entities as their id). */
    private static final java.util.Set<String> BIN_WORDS = java.util.Set.of("bin", "bins", "bucket", "buckets");
    private static final java.util.Set<String> WIDTH_WORDS = java.util.Set.of("wide", "width", "size", "of");
    /** Units a bin's width is written in: "15-minute bins", "5 kg buckets". */
    private static final java.util.Set<String> UNIT_WORDS = java.util.Set.of("second", "minute", "hour", "day", "week",
            "month", "year", "sec", "min", "hr", "km", "kg", "mile", "cm", "mm", "point", "dollar", "pound", "euro",
            "unit", "kwh", "percent", "%", "m2", "m3", "sqm", "ft", "litre", "liter", "l", "ml", "gallon", "gb", "mb",
            "usd", "eur", "gbp", "chf", "franc", "cent", "g", "gram", "lb");

    /**
     * A histogram's bins as asked: "20 bins", "in bins of 250", "bins 250 wide", "bin width 5", "250-wide bins".
     * A number beside a width word is a width; a number just before "bins" alone is their count.
     */
    static void bins(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !BIN_WORDS.contains(c.w(i))) {
                continue;
            }
            for (int k = Math.max(c.from, i - 2); k <= Math.min(c.to - 1, i + 3); k++) {
                if (c.used[k] || !c.token(k).isNumber()) {
                    continue;
                }
                double n = Double.parseDouble(c.token(k).norm());
                // "£20 bins", "15-minute bins": an amount of something is a width; a count of bins has no unit
                boolean width = "$£€".indexOf(c.token(k).text().charAt(0)) >= 0
                        || k < i && unitWord(c, k + 1) && !c.used[k + 1];
                if (width && k + 1 < i && unitWord(c, k + 1)) {
                    c.mark(k + 1);
                }
                boolean unitAfter = k > i && UNIT_WORDS.contains(c.token(k + 1 < c.to ? k + 1 : k).singular());
                if (unitAfter) {
                    width = true; // "bins 2 dollars wide": an amount of something, as before the bins
                    c.mark(k + 1);
                }
                for (int j = Math.max(c.from, Math.min(i, k) - 1); j <= Math.min(c.to - 1, Math.max(i, k) + (unitAfter ? 2 : 1)); j++) {
                    if (c.freeWord(j) && WIDTH_WORDS.contains(c.w(j)) && j != i) {
                        width = true;
                        c.mark(j);
                    }
                }
                if (width && n > 0) {
                    c.binWidth = n;
                } else if (k < i && n >= 2 && n <= 200 && n == Math.floor(n)) {
                    c.bins = (int) n;
                } else {
                    continue;
                }
                c.mark(i);
                c.mark(k);
                c.reading(width ? "bins " + c.token(k).text() + " wide" : c.token(k).text() + " bins");
                return;
            }
        }
    }

    /** A unit word ("minute", "kg"), or what a numeric column counts ("3-night bins" over a column nights). */
    private static boolean unitWord(Clause c, int k) {
        String w = c.token(k).singular();
        return UNIT_WORDS.contains(w) || c.index.schema.columns().stream().anyMatch(col -> col.column().numeric()
                && SchemaIndex.words(col.name()).size() == 1 && SchemaIndex.words(col.name()).get(0).equals(w));
    }

    private static List<ColumnProfile> freeColumns(Clause c, boolean numericOnly) {
        List<ColumnProfile> cols = new ArrayList<>();
        List<Mention> things = new ArrayList<>();
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            if (mention == null || mention.start() != i || !c.free(mention)
                    || mention.kind() == Mention.Kind.VALUE) {
                continue;
            }
            Mention next = c.m(mention.end());
            boolean names = mention.kind() == Mention.Kind.ENTITY || !mention.column().column().numeric();
            if (names && next != null && next.isColumn() && c.free(next) && next.column().column().numeric()
                    || !names && Aggregates.modifiesNextAmount(c, mention, mention.column())) {
                c.markMention(mention); // "product prices", "delivery distance": the word before only says whose
                continue;
            }
            ColumnProfile col = mention.kind() == Mention.Kind.ENTITY ? mention.entity().id() : mention.column();
            if (numericOnly && !col.column().numeric()) {
                continue;
            }
            if (mention.kind() == Mention.Kind.ENTITY) {
                things.add(mention); // "seats on a line", "GBP lots": whose values, unless nothing else is named
                continue;
            }
            c.reading(mention.reading());
            c.markMention(mention);
            if (!cols.contains(col)) {
                cols.add(col);
            }
        }
        for (Mention thing : things) {
            c.markMention(thing);
            if (cols.isEmpty() || !cols.contains(thing.entity().id()) && cols.size() < 2 && numericOnly) {
                c.reading(thing.reading());
                cols.add(thing.entity().id());
            }
        }
        return cols;
    }
}
