package datasense.agent.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shares of a total: "share of sales by category", "what percent of profit comes from each region",
 * "percentage of orders per segment". The cue makes each summed or counted measure also a percentage of its
 * total over all groups; with no grouping but a filter ("what percent of sales come from the West") the
 * share is the filtered rows' part of the whole table.
 */
final class Shares {

    private static final Set<String> VERBS = Set.of("comes", "come", "came", "contributes", "contribute",
            "contributed", "accounts", "account", "accounted", "generated", "represents", "represent");

    private Shares() {
    }

    /** Finds and marks the share cue and the words around it ("as a percentage of the total"). */
    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            String w = c.w(i);
            boolean cue = Vocabulary.SHARE.contains(c.token(i).singular()) || (w.equals("%") && c.w(i + 1).equals("of"));
            if (!cue || DerivedMeasures.CHANGE_WORDS.contains(c.w(i + 1))) {
                continue; // "percent change" is a change, read along time (DerivedMeasures.change)
            }
            Mention before = c.m(i - 1);
            if (before != null && before.end() == i && before.isColumn() && inPercent(before.column())) {
                c.mark(i); // "voter turnout percentage" over "57%": the unit the column is written in, not a share
                continue;
            }
            if (Vocabulary.SUPERLATIVES.containsKey(c.w(i - 1)) && !c.w(i + 1).equals("of")) {
                // "which faith held the largest percentage in 1880": the figures ranked are percentages; a share
                // of something would say of what ("the largest share of the vote")
                c.mark(i);
                continue;
            }
            c.share = true;
            c.mark(i);
            int k = i + 1;
            while (c.w(k).equals("of") || c.w(k).equals("the") || c.w(k).equals("total") || c.w(k).equals("overall")) {
                c.mark(k++);
            }
        }
        if (!c.share) {
            return;
        }
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && (VERBS.contains(c.w(i)) || (c.w(i).equals("total") && c.w(i - 1).equals("of")))) {
                c.mark(i);
                if (c.w(i + 1).equals("for")) {
                    c.mark(i + 1);
                }
            }
        }
    }

    /** A column written in percent: "%" or "percent" in its name, or its sampled values ending in "%". */
    static boolean inPercent(datasense.tools.ColumnProfile col) {
        String name = col.name().toLowerCase(java.util.Locale.ROOT);
        if (name.contains("%") || name.contains("percent") || SchemaIndex.words(col.name()).contains("pct")) {
            return true;
        }
        List<String> values = col.values() == null ? List.of()
                : col.values().stream().filter(v -> v != null && !v.isBlank()).toList();
        return !values.isEmpty() && values.stream().filter(v -> v.strip().endsWith("%")).count() * 2 > values.size();
    }

    /** The aggregate with each summed or counted measure followed by its share of the total. */
    static Intent apply(Clause c, Intent it) {
        if (!c.share || it.kind() != Intent.Kind.AGGREGATE || it.measures().isEmpty()) {
            return it;
        }
        if (it.groups().isEmpty() && it.filters().isEmpty()) {
            List<String> readings = new ArrayList<>(it.readings());
            readings.add("a share needs a grouping ('by region') or a part ('in the West'); showing the total");
            return it.withReadings(readings);
        }
        Intent rate = rateWithinGroups(c, it);
        if (rate != null) {
            return rate;
        }
        List<Measure> out = new ArrayList<>();
        List<String> readings = new ArrayList<>(it.readings());
        readings.removeIf(r -> r.contains("averaged"));
        for (Measure m : it.measures()) {
            if (m.derived() != Measure.Derived.NONE && !m.rowwise()) {
                out.add(m); // a ratio or a change has no share of a total (a price times a quantity does)
                continue;
            }
            Measure base = m.agg() == Agg.AVG || m.agg() == Agg.MEDIAN ? new Measure(Agg.SUM, m.column()) : m;
            if (base.agg() == Agg.SUM || base.agg() == Agg.COUNT || base.agg() == Agg.COUNT_DISTINCT) {
                out.add(base.asShare());
            }
            out.add(base);
        }
        readings.add(it.groups().isEmpty()
                ? "share = the filtered rows' " + out.get(0).describe().replace("Share of ", "").replace(" (%)", "")
                        + " as a percentage of all rows'"
                : "share = each group's part of the total over all groups, in percent");
        if (!it.groups().isEmpty() && eventFilter(it) != null) {
            readings.add(Clause.BEST_GUESS + "the share read as each group's part of all the "
                    + eventFilter(it).column().name() + " rows; the rate within each group is as likely");
        }
        return it.withMeasures(out).withReadings(readings);
    }

    /**
     * "what share of bookings were cancelled in each channel": the event is said of the counted rows (after them),
     * so the share is each group's own rate of it, not its part of all the cancelled bookings. Still a best guess:
     * "percentage of cancelled bookings by channel" (the event before the rows) takes the other reading. With no
     * grouping, the conditions before the event name the rows it is a part of ("what fraction of closed deals did
     * we win").
     */
    private static Intent rateWithinGroups(Clause c, Intent it) {
        Filter event = eventFilter(it);
        // the count of rows the share is of; other measures ("the average discount and the share returned") stay
        List<Integer> counts = new ArrayList<>();
        for (int k = 0; k < it.measures().size(); k++) {
            Measure m = it.measures().get(k);
            if (m.agg() == Agg.COUNT && m.column() == null && m.derived() == Measure.Derived.NONE) {
                counts.add(k);
            }
        }
        // with no grouping, the other conditions name the population: "what fraction of closed deals did we win"
        if (it.groups().isEmpty() && (it.filters().size() < 2 || it.measures().size() != 1) || event == null
                || counts.size() != 1) {
            return null;
        }
        int rows = -1;
        int eventAt = -1;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (rows < 0 && (c.isRowNoun(i) || m != null && m.kind() == Mention.Kind.ENTITY)) {
                rows = i;
            }
            String w = c.w(i);
            boolean named = m != null ? m.isColumn() && m.column().equals(event.column())
                    : SchemaIndex.words(event.column().name()).stream()
                    .anyMatch(n -> Rates.namesEvent(n, w)) // "listings actually sold": sold_on
                    || FlagFilters.opposes(w, event.column()); // "exams failed": passed = false
            if (eventAt < 0 && named) {
                eventAt = i;
            }
        }
        if (rows < 0 || eventAt < rows) {
            return null;
        }
        Measure rate = Boolean.FALSE.equals(event.value()) ? Measure.rateNot(event.column()) : Measure.rate(event.column());
        List<Filter> rest = new ArrayList<>(it.filters());
        rest.remove(event);
        List<String> readings = new ArrayList<>(it.readings());
        readings.removeIf(r -> r.contains("counted as rows"));
        readings.add(it.groups().isEmpty()
                ? "the share read as the " + rate.describe().toLowerCase(java.util.Locale.ROOT) + " among the rows the other"
                        + " conditions keep"
                : Clause.BEST_GUESS + "the share read as the " + rate.describe().toLowerCase(java.util.Locale.ROOT)
                        + " within each group; each group's part of all the " + event.column().name() + " rows is as likely");
        List<Measure> measures = new ArrayList<>(it.measures());
        measures.set(counts.get(0), rate);
        return it.withMeasures(measures).withFilters(rest).withReadings(readings);
    }

    private static final Set<String> PERCENT_UNIT = Set.of("percent", "percentage", "percentages", "pct", "%");

    /**
     * Parts in the unit the question names: in percent when it says "percent", "percentage" or "%", else as a
     * fraction of 1 ("what share", "cancellation rate", "what proportion").
     */
    static Intent inUnitAsked(Clause c, Intent it) {
        for (int i = c.from; i < c.to; i++) {
            if (PERCENT_UNIT.contains(c.token(i).norm())) {
                return it;
            }
        }
        List<Measure> parts = it.measures().stream().map(Measure::asFraction).toList();
        return parts.equals(it.measures()) ? it : it.withMeasures(parts);
    }

    /** The one condition that an event happened: a yes/no column true (or false), or an event's date there. */
    private static Filter eventFilter(Intent it) {
        Filter found = null;
        for (Filter f : it.filters()) {
            boolean yes = f.column() != null && f.column().type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")
                    && f.op().equals("eq") && f.value() instanceof Boolean; // "failed": passed = false
            boolean there = f.column() != null && MissingFilters.eventDate(f.column()) && f.op().equals("not_null");
            if (yes || there) {
                if (found != null) {
                    return null;
                }
                found = f;
            }
        }
        return found;
    }
}
