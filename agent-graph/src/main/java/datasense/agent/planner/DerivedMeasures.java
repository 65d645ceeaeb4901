package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures derived from two columns, read before single mentions become measures or groupings:
 * <ul>
 *   <li>a ratio of totals: "revenue per unit sold", "profit divided by its revenue", "total fare over total
 *       distance", "ratio of fare to distance",
 *       "profit to sales ratio" (both columns amounts; "per" before a category stays a grouping);</li>
 *   <li>one total as a percent of another: "tips as a percent of fares", "tip as % of fare";</li>
 *   <li>days between two dates: "days between booking and departure", "days from order to shipping"
 *       (averaged unless another function is named);</li>
 *   <li>a running total along the time grouping: "cumulative trips per month", "running total of sales by
 *       quarter" (see {@link #running}).</li>
 * </ul>
 */
final class DerivedMeasures {

    private static final Set<String> RUNNING_WORDS = Set.of("cumulative", "running", "cumulatively");
    static final Set<String> CHANGE_WORDS = Set.of("growth", "change", "changes", "increase", "decrease", "grew",
            "changed", "increased", "decreased");
    /**
     * "percent change in revenue from 2023 to 2024", "from January to June 2024": a change between the first and
     * the last period of a date range, so the range becomes those two periods, grouped by their grain (years or
     * months); the later period carries the change. True when the clause had such a range.
     */
    private static boolean betweenPeriods(Clause c) {
        for (Filter f : List.copyOf(c.filters)) {
            // on dates a range is one "between"; on times of day a "ge" and an "lt" of the day after its last
            Filter upTo = f.op().equals("ge") ? c.filters.stream().filter(g -> g.op().equals("lt") && !g.onGroups()
                    && f.column() != null && f.column().equals(g.column())).findFirst().orElse(null) : null;
            boolean between = f.op().equals("between") && f.values().size() == 2;
            if (!between && upTo == null || f.onGroups() || !f.column().column().temporal()) {
                continue;
            }
            java.time.LocalDate start;
            java.time.LocalDate end;
            try {
                start = java.time.LocalDate.parse((between ? f.values().get(0) : f.value()).toString());
                end = between ? java.time.LocalDate.parse(f.values().get(1).toString())
                        : java.time.LocalDate.parse(upTo.value().toString()).minusDays(1);
            } catch (java.time.format.DateTimeParseException e) {
                continue;
            }
            Grain grain;
            java.time.LocalDate firstEnd;
            java.time.LocalDate lastStart;
            boolean monthEnd = end.getDayOfMonth() == end.lengthOfMonth();
            if (c.rangeGrain == Grain.QUARTER && start.getDayOfMonth() == 1 && monthEnd
                    && start.plusMonths(3).isBefore(end)) {
                grain = Grain.QUARTER; // "from Q1 to Q4 2024": the first quarter and the last
                firstEnd = start.plusMonths(3).minusDays(1);
                lastStart = end.minusMonths(2).withDayOfMonth(1);
            } else if (start.getDayOfYear() == 1 && end.getMonthValue() == 12 && monthEnd && end.getYear() > start.getYear()) {
                grain = Grain.YEAR;
                firstEnd = start.withMonth(12).withDayOfMonth(31);
                lastStart = end.withDayOfYear(1);
            } else if (start.getDayOfMonth() == 1 && monthEnd
                    && java.time.YearMonth.from(start).isBefore(java.time.YearMonth.from(end))) {
                grain = Grain.MONTH;
                firstEnd = start.withDayOfMonth(start.lengthOfMonth());
                lastStart = end.withDayOfMonth(1);
            } else {
                continue;
            }
            c.filters.remove(f);
            c.filters.remove(upTo);
            // on a timestamp a "between" whose end is a day keeps that whole day
            c.filters.add(Filter.any(List.of(
                    new Filter(f.column(), "between", null, List.of(start.toString(), firstEnd.toString())),
                    new Filter(f.column(), "between", null, List.of(lastStart.toString(), end.toString())))));
            c.addGroup(new Grouping(f.column(), grain), false);
            return true;
        }
        return false;
    }

    /** Words around a change that only restate it: "versus the month before", "compared with the prior year". */
    private static final Set<String> CHANGE_CONTEXT = Set.of("versus", "vs", "before", "previous", "prior",
            "preceding", "compared");
    private static final Set<String> PERCENT_WORDS = Set.of("percent", "percentage", "%", "proportion", "share", "fraction");

    private DerivedMeasures() {
    }

    /** Words for money taken in, which a table of prices and quantities keeps no column of. */
    private static final Set<String> TAKINGS = Set.of("revenue", "revenues", "sales", "turnover", "takings");

    /**
     * "revenue by course" over a table of unit prices and quantities with no revenue column: each row's price times
     * its quantity, added up. Only when one column is a price and one a quantity, so there is nothing to choose.
     */
    private static void takings(Clause c, int i) {
        ColumnProfile quantity = Aggregates.quantityColumn(c);
        List<ColumnProfile> prices = c.index.schema.columns().stream().filter(col -> col.column().numeric()
                && SchemaIndex.words(col.name()).contains("price")).toList();
        Agg named = c.functions.get(c.prev(i));
        if (prices.size() != 1 || named != null && named != Agg.SUM) {
            return; // "average revenue per order" is an average of orders' totals: not for this rule to say
        }
        if (quantity == null) {
            Mention next = c.m(i + 1);
            // two quantities, neither chosen by quantityColumn, are not for this rule to say; nor is "sales" before
            // a noun it qualifies ("sales channel", "sales rep")
            if (Aggregates.anyQuantityColumn(c) || next != null && next.start() == i + 1 && next.kind() != Mention.Kind.VALUE) {
                return;
            }
            // "revenue per exhibition" over ticket prices, one sale a row and no quantity: the prices added up
            c.measures.add(new Measure(Agg.SUM, prices.get(0)));
            c.mark(i);
            c.functions.remove(c.prev(i));
            c.reading("'" + c.token(i).text() + "' read as " + prices.get(0).name() + " added up, one sale a row");
            return;
        }
        int before = c.prev(i);
        if (before >= 0 && Vocabulary.GRAIN_ADJECTIVES.containsKey(c.w(before)) && c.functions.get(c.prev(before)) == Agg.AVG) {
            // "average monthly revenue": the average of the monthly totals, which a row-wise product cannot carry yet
            c.reading(Clause.BEST_GUESS + "'" + c.text(c.prev(before), i + 1) + "' shown as each " + Vocabulary.GRAIN_ADJECTIVES.get(c.w(before)).word
                    + "'s total, not their average");
        }
        Measure m = Measure.product(prices.get(0), quantity);
        c.measures.add(m);
        c.mark(i);
        c.functions.remove(c.prev(i)); // "total revenue": the total is the product's
        c.reading("'" + c.token(i).text() + "' read as " + prices.get(0).name() + " × " + quantity.name()
                + " on each row, added up, as no column holds it");
    }

    /** An advertising metric an analyst names by its words: their ratio of two totals, numerator over denominator. */
    private record Metric(List<String> words, List<String> numerator, List<String> denominator) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric(List.of("click", "through", "rate"), List.of("click"), List.of("impression")),
            new Metric(List.of("ctr"), List.of("click"), List.of("impression")),
            new Metric(List.of("conversion", "rate"), List.of("conversion"), List.of("click")),
            new Metric(List.of("roas"), List.of("revenue", "sales"), List.of("spend", "cost")),
            new Metric(List.of("return", "on", "ad", "spend"), List.of("revenue", "sales"), List.of("spend", "cost")),
            new Metric(List.of("cpc"), List.of("spend", "cost"), List.of("click")),
            new Metric(List.of("cpa"), List.of("spend", "cost"), List.of("conversion")));

    /**
     * "click-through rate", "ROAS", "return on ad spend": the ratio of the two totals the metric is defined by, when
     * the table has both columns; true when read. Columns the words name on their way ("click") become the ratio.
     */
    private static boolean namedMetric(Clause c, int i) {
        for (Metric metric : METRICS) {
            int n = metric.words().size();
            boolean said = i + n <= c.to;
            for (int k = 0; said && k < n; k++) {
                String word = metric.words().get(k);
                said = (c.w(i + k).equals(word) || c.token(i + k).singular().equals(word)) && !c.used[i + k]
                        && (c.m(i + k) == null || c.free(c.m(i + k)));
            }
            ColumnProfile num = said ? c.index.primaryMeasure(metric.numerator()) : null;
            ColumnProfile den = said ? c.index.primaryMeasure(metric.denominator()) : null;
            if (num == null || den == null || num.equals(den)) {
                continue;
            }
            for (int k = i; k < i + n; k++) {
                if (c.m(k) != null) {
                    c.markMention(c.m(k));
                }
            }
            Measure ratio = Measure.ratio(num, den);
            c.measures.add(ratio);
            c.mark(i, i + n);
            restated(c, i + n, num, den);
            c.reading("'" + c.text(i, i + n) + "' read as " + ratio.describe().toLowerCase(java.util.Locale.ROOT)
                    + ", as the metric is defined");
            return true;
        }
        return false;
    }

    /** "ROAS (revenue / spend)": the metric's definition said after it is read with it, not as more measures. */
    private static void restated(Clause c, int k, ColumnProfile num, ColumnProfile den) {
        Mention a = c.m(k);
        if (a == null || a.start() != k || !c.free(a) || !num.equals(a.column())) {
            return;
        }
        int j = a.end();
        while (j < c.to && Set.of("/", "divided", "by", "over").contains(c.w(j))) {
            j++;
        }
        Mention b = c.m(j);
        if (j > a.end() && b != null && b.start() == j && c.free(b) && den.equals(b.column())) {
            c.markMention(a);
            c.markMention(b);
            c.mark(k, b.end());
        }
    }

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (namedMetric(c, i)) {
                continue;
            }
            if (c.m(i) == null && c.freeWord(i) && TAKINGS.contains(c.w(i))) {
                takings(c, i);
                continue;
            }
            Mention a = c.m(i);
            if (a == null || a.start() != i || !c.free(a)) {
                if (c.freeWord(i) && c.w(i).equals("ratio")) {
                    ratioOf(c, i);
                } else if (c.freeWord(i) && (UNITS.containsKey(c.w(i)) || c.w(i).equals("time")) && c.w(i + 1).equals("to")) {
                    timeToEnd(c, i);
                } else if (c.freeWord(i) && (c.w(i).equals("days") || c.w(i).equals("day"))) {
                    daysBetween(c, i);
                } else if (c.freeWord(i) && (DURATION_WORDS.contains(c.w(i))
                        || c.w(i).equals("long") && c.w(i - 1).equals("how"))) {
                    duration(c, i);
                }
                continue;
            }
            if (!amount(a)) {
                continue;
            }
            int end = rowwise(c, a, i);
            if (end > 0) {
                i = end - 1;
                continue;
            }
            int k = a.end();
            boolean over = c.w(k).equals("over") && mentionAfter(c, k + 1) != null;
            if (c.w(k).equals("per") || over || c.w(k).equals("divided") && c.w(k + 1).equals("by")) {
                Mention b = mentionAfter(c, c.w(k).equals("divided") ? k + 2 : k + 1);
                Agg named = c.functions.get(c.prev(i));
                // "average price per rating" groups by a level; "revenue per unit" and "average cost per kWh" divide by
                // an amount (the average cost of a kWh is all the cost over all the kWh); a price or a rate is per
                // unit already, so "average price per night" is its average
                if (b != null && c.free(b) && amount(b) && !b.column().equals(a.column()) && !level(b.column())
                        && (named == null || named == Agg.SUM || named == Agg.AVG && !Aggregates.averagedByName(a.column()))) {
                    add(c, Measure.ratio(a.column(), b.column()), a, b, i, b.end());
                    i = b.end() - 1;
                }
            } else if (c.w(k).equals("as") || c.w(k).equals("to")) {
                Mention b = percentTarget(c, k);
                if (b != null && amount(b) && !b.column().equals(a.column())) {
                    add(c, Measure.percentOf(a.column(), b.column()), a, b, i, b.end());
                    i = b.end() - 1;
                } else if (c.w(k).equals("to")) {
                    // "profit to sales ratio"
                    Mention r = c.m(k + 1);
                    if (r != null && c.free(r) && amount(r) && c.w(r.end()).equals("ratio")) {
                        add(c, Measure.ratio(a.column(), r.column()), a, r, i, r.end() + 1);
                        i = r.end();
                    }
                }
            }
        }
    }

    private static final Set<String> TIMES = Set.of("times", "x", "*", "×", "multiplied");
    private static final Set<String> MINUS = Set.of("minus", "less");

    /**
     * "hours x rate", "quantity times unit price", "list minus sold": two amounts combined on each row, then
     * aggregated by the function named before them (a total when none). Words just before that name what the
     * result is ("payroll cost (hours x rate)") are taken as its name. The end of the expression, or -1.
     */
    private static int rowwise(Clause c, Mention a, int i) {
        int k = a.end();
        String op = c.w(k);
        boolean times = TIMES.contains(op);
        // "less" only between two amounts ("list less sold"); "less than" compares
        if (!c.freeWord(k) || !times && !MINUS.contains(op) || op.equals("less") && c.w(k + 1).equals("than")) {
            return -1;
        }
        int at = op.equals("multiplied") && c.w(k + 1).equals("by") ? k + 2 : k + 1;
        Mention b = c.m(at);
        if (b == null || b.start() != at || !c.free(b) || !amount(b) || b.column().equals(a.column())) {
            return -1;
        }
        int named = i;
        int words = 0;
        Agg agg = null;
        for (int j = i - 1; j >= Math.max(c.from, i - 8) && c.m(j) == null; j--) {
            if (c.functions.get(j) != null) {
                agg = c.functions.remove(j);
                c.mark(j);
                break;
            }
            if (c.freeWord(j) && !Vocabulary.STOP.contains(c.w(j))) {
                named = j; // the name given to the expression
                words++;
            }
        }
        // a short name only ("payroll cost"); longer words before may say more than the expression does
        String name = named < i && words <= 2 ? c.text(named, i) : null;
        if (name != null) {
            c.mark(named, i);
        }
        // "revenue less refunds" where refunds are kept as negatives: taking them off is adding them
        boolean negatives = !times && SchemaIndex.keptNegative(b.column());
        Measure.Derived derived = times ? Measure.Derived.PRODUCT : negatives ? Measure.Derived.SUM_OF_TWO
                : Measure.Derived.DIFFERENCE;
        Measure m = Measure.rowwise(agg == null || agg == Agg.COUNT || agg == Agg.COUNT_DISTINCT ? Agg.SUM : agg,
                a.column(), derived, b.column());
        add(c, m, a, b, i, b.end());
        if (negatives) {
            c.reading(b.column().name() + " is kept as negatives, so taking it off ('" + op + "') adds it");
        }
        if (name != null) {
            c.reading("'" + name + "' read as " + m.describeRow() + " on each row, as the words after it say");
        }
        return b.end();
    }

    /** Words between a ratio's operator and its divisor: "divided by its total revenue", "per each unit". */
    private static final Set<String> DIVISOR_FILLERS = Set.of("its", "their", "the", "total", "each", "a", "all");

    /** The mention at {@code k} or after such words, or null; a "total" skipped is no longer a pending function. */
    private static Mention mentionAfter(Clause c, int k) {
        int j = k;
        while (j < c.to && c.m(j) == null && DIVISOR_FILLERS.contains(c.w(j))) {
            j++;
        }
        return c.m(j);
    }

    /** True for a column a ratio can be taken of: a number that is not an id. */
    private static boolean amount(Mention m) {
        return m.isColumn() && m.column().column().numeric() && !SchemaIndex.isIdLike(m.column());
    }

    /** Whole numbers that place a row on a scale (a year, an age, a rating) rather than measure an amount. */
    private static final Set<String> LEVEL_WORDS = Set.of("year", "season", "month", "day", "week", "age", "rating",
            "rank", "ranking", "score", "grade", "level", "stars", "position", "pos", "place", "round", "number",
            "no");

    static boolean level(ColumnProfile col) {
        return SchemaIndex.words(col.name()).stream().anyMatch(LEVEL_WORDS::contains);
    }

    /** "as a percent of B", "as % of B", "to B as a percentage": the mention of B, or null. */
    private static Mention percentTarget(Clause c, int k) {
        int j = k + 1;
        if (c.w(j).equals("a") || c.w(j).equals("an")) {
            j++;
        }
        if (!PERCENT_WORDS.contains(c.w(j)) || !c.w(j + 1).equals("of")) {
            return null;
        }
        int at = j + 2;
        Agg named = c.functions.get(at);
        if (named == Agg.SUM) {
            at++; // "as a percent of total fares"
        }
        Mention b = c.m(at);
        return b != null && c.free(b) ? b : null;
    }

    /** "ratio of A to B", "ratio between A and B". */
    private static void ratioOf(Clause c, int i) {
        if (!c.w(i + 1).equals("of") && !c.w(i + 1).equals("between")) {
            return;
        }
        Mention a = c.m(i + 2);
        if (a == null || !c.free(a) || !amount(a)) {
            return;
        }
        String joint = c.w(a.end());
        Mention b = joint.equals("to") || joint.equals("and") || joint.equals("over") ? c.m(a.end() + 1) : null;
        if (b != null && c.free(b) && amount(b) && !b.column().equals(a.column())) {
            // "the average ratio of A to B": each row's ratio, averaged, not one total over the other
            boolean averaged = c.prev(i) >= c.from && c.functions.get(c.prev(i)) == Agg.AVG;
            add(c, averaged ? Measure.averageRatio(a.column(), b.column()) : Measure.ratio(a.column(), b.column()), a, b, i, b.end());
            if (averaged) {
                c.functions.remove(c.prev(i));
                c.mark(c.prev(i));
            }
        }
    }

    /** "days between booking and departure", "number of days from order to shipping". */
    private static void daysBetween(Clause c, int i) {
        int at = i + 1;
        // "how many days does it take on average from being reported to being settled": a few words may come first
        // ... or the row it is about: "how many days does a batch spend between brewing and packaging"
        while (at < Math.min(c.to, i + 7) && (c.m(at) == null && (TAKES_WORDS.contains(c.w(at)) || c.isRowNoun(at))
                || c.m(at) != null && c.m(at).kind() == Mention.Kind.ENTITY)) {
            at++;
        }
        String joint = c.w(at);
        if (!joint.equals("between") && !joint.equals("from")) {
            return;
        }
        Mention a = dateAt(c, at + 1);
        if (a == null) {
            return;
        }
        String and = c.w(a.end());
        Mention b = and.equals("and") || and.equals("to") || and.equals("until") ? dateAt(c, a.end() + 1) : null;
        if (b == null || b.column().equals(a.column())) {
            return;
        }
        add(c, Measure.daysBetween(timeFunction(c, i), a.column(), b.column()), a, b, i, b.end());
    }

    /** Words between "days" and "from" in "days does it take on average from ...". */
    private static final Set<String> TAKES_WORDS = Set.of("does", "do", "did", "it", "they", "take", "takes", "took",
            "on", "average", "typically", "usually", "in", "passed", "pass", "elapsed", "a", "an", "the", "each",
            "spend", "spends", "spent", "sit", "sits", "wait", "waits");

    /** Words that may stand before a date's event: "the claim being reported", "the order was shipped". */
    private static final Set<String> BEFORE_EVENT = Set.of("the", "a", "an", "its", "their", "being", "been", "was",
            "were", "is", "got", "getting");

    /** The free date column named at {@code k}, or after a few words about the row it belongs to; else null. */
    private static Mention dateAt(Clause c, int k) {
        for (int j = k; j < Math.min(c.to, k + 4); j++) {
            Mention m = c.m(j);
            if (m != null && m.start() == j && m.isColumn() && c.free(m) && m.column().column().temporal()) {
                return m;
            }
            Mention dated = dateOfThing(c, j);
            if (dated != null) {
                return dated;
            }
            boolean rowWord = m != null && m.kind() == Mention.Kind.ENTITY || c.isRowNoun(j);
            if (!rowWord && !BEFORE_EVENT.contains(c.w(j))) {
                return null;
            }
            if (m != null) {
                j = m.end() - 1;
            }
        }
        return null;
    }

    /**
     * "days from order to return": a thing's noun (an entity with an id, order_id) that begins the name of exactly one
     * date column (order_date) stands for that date, the day the thing happened.
     */
    private static Mention dateOfThing(Clause c, int j) {
        Mention m = c.m(j);
        if (m == null || m.start() != j || m.kind() != Mention.Kind.ENTITY && !(m.isColumn() && SchemaIndex.isIdLike(m.column()))
                || !c.free(m)) {
            return null;
        }
        String thing = c.token(j).singular();
        List<ColumnProfile> dates = c.index.dates.stream().filter(d -> SchemaIndex.words(d.name()).indexOf(thing) == 0).toList();
        return dates.size() == 1 ? Mention.column(m.start(), m.end(), dates.get(0),
                "'" + c.text(m.start(), m.end()) + "' read as " + dates.get(0).name() + ", the day of the " + thing) : null;
    }

    /**
     * "average days to close a ticket", "hours to resolve", "time to complete": the time from the row's first date
     * to the date the verb names (closed_at), in the unit named (minutes for "time" on times of day, else days).
     */
    private static void timeToEnd(Clause c, int i) {
        Mention dated = dateOfThing(c, i + 2);
        Mention verb = dated != null ? dated : c.m(i + 2);
        if (verb == null || !verb.isColumn() || !c.free(verb) || !verb.column().column().temporal()) {
            return;
        }
        ColumnProfile end = verb.column();
        ColumnProfile start = null;
        for (ColumnProfile d : c.index.dates) {
            if (!d.equals(end) && d.min() != null && (start == null || d.min().compareTo(start.min()) < 0)) {
                start = d;
            }
        }
        if (start == null || end.min() != null && start.min().compareTo(end.min()) > 0) {
            return;
        }
        Measure.Derived unit = UNITS.containsKey(c.w(i)) ? UNITS.get(c.w(i))
                : start.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP")
                ? Measure.Derived.MINUTES_BETWEEN : Measure.Derived.DAYS_BETWEEN;
        Measure m = Measure.timeBetween(timeFunction(c, i), start, end, unit);
        c.mark(i, i + 2);
        c.markMention(verb);
        c.measures.add(m);
        c.reading("'" + c.text(i, verb.end()) + "' read as the " + unit.unit() + "s from " + start.name() + " to "
                + end.name());
    }

    /** Nouns of the time something lasted: "trip duration", "length of stay", "how long". */
    private static final Set<String> DURATION_WORDS = Set.of("duration", "durations", "stay", "stays",
            "turnaround", "ahead", "advance"); // "days booked ahead", "how far in advance": the lead time
    private static final Map<String, Measure.Derived> UNITS = Map.of("days", Measure.Derived.DAYS_BETWEEN,
            "day", Measure.Derived.DAYS_BETWEEN, "hours", Measure.Derived.HOURS_BETWEEN, "hour",
            Measure.Derived.HOURS_BETWEEN, "minutes", Measure.Derived.MINUTES_BETWEEN, "minute",
            Measure.Derived.MINUTES_BETWEEN, "mins", Measure.Derived.MINUTES_BETWEEN);

    /**
     * "average trip duration in minutes", "length of stay", "longest stay in days", "how long": on a table with
     * exactly two dates, a start and an end (the earlier is the start), the time from one to the other. The unit
     * is the one named, else days for dates and minutes for times of day.
     */
    private static void duration(Clause c, int i) {
        List<ColumnProfile> dates = c.index.dates;
        if (dates.size() != 2) {
            return;
        }
        int in = Set.of("length", "duration").contains(c.w(i + 1)) ? i + 2 : i + 1; // "stay length in nights"
        Mention held = c.m(in + 1);
        if (c.w(in).equals("in") && c.freeWord(in) && held != null && held.start() == in + 1 && held.isColumn()
                && held.column().column().numeric() && c.free(held)) {
            // "length of stay in nights" over a column nights: the figure the table keeps, not its dates subtracted
            c.mark(i, in + 1);
            if (c.w(i - 1).equals("of") && c.w(i - 2).equals("length")) {
                c.mark(i - 2, i);
            }
            c.reading("'" + c.token(i).text() + "' read as " + held.column().name() + ", the column it is kept in");
            return;
        }
        ColumnProfile start = dates.get(0);
        ColumnProfile end = dates.get(1);
        if (start.min() != null && end.min() != null && start.min().compareTo(end.min()) > 0) {
            start = dates.get(1);
            end = dates.get(0);
        }
        Measure.Derived unit = start.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP")
                ? Measure.Derived.MINUTES_BETWEEN : Measure.Derived.DAYS_BETWEEN;
        for (int k = c.from; k < c.to; k++) {
            if (c.freeWord(k) && UNITS.containsKey(c.w(k)) && k != i) {
                unit = UNITS.get(c.w(k));
                c.mark(k);
                if (c.w(k - 1).equals("in") && c.freeWord(k - 1)) {
                    c.mark(k - 1);
                }
            }
        }
        Agg agg = timeFunction(c, i);
        c.mark(i);
        if (c.w(i - 1).equals("of") && c.w(i - 2).equals("length")) {
            c.mark(i - 2, i); // "length of stay"
        } else if (c.w(i).equals("long")) {
            c.mark(i - 1);
        }
        Measure m = Measure.timeBetween(agg, start, end, unit);
        if (c.measures.contains(m)) {
            return; // "how long was the average stay": one duration, named twice
        }
        c.measures.add(m);
        c.reading("'" + c.token(i).text() + "' read as the " + unit.unit() + "s from " + start.name() + " to "
                + end.name());
        if (c.w(i).equals("advance") && c.w(i - 1).equals("in")) {
            c.mark(i - 1);
        }
        for (int k = c.from; k < c.to; k++) {
            // "how long do cars take to sell": the time taken, and the event that ends it
            ColumnProfile named = c.freeWord(k) ? c.dateNamedBy(k) : null;
            if (c.freeWord(k) && (TAKES.contains(c.w(k)) || start.equals(named) || end.equals(named))) {
                c.mark(k);
            }
            Mention event = c.m(k); // "days booked ahead": the verb of one of the two dates, said of the time
            if (event != null && event.start() == k && event.isColumn() && c.free(event)
                    && (event.column().equals(start) || event.column().equals(end))) {
                c.markMention(event);
            }
        }
    }

    private static final Set<String> TAKES = Set.of("take", "takes", "took", "taken", "taking");

    /**
     * The function named before {@code i} for a time between two dates, AVG when none: "total days", "longest
     * stay" (MAX), "shortest" (MIN); "number of days" is the days themselves, not a count of rows.
     */
    private static Agg timeFunction(Clause c, int i) {
        Agg agg = Agg.AVG;
        for (int k = c.from; k < i; k++) {
            Agg named = c.functions.get(k);
            if (named != null) {
                agg = named == Agg.COUNT ? agg : named;
                c.functions.remove(k);
                c.mark(k);
            } else if (c.freeWord(k) && (c.w(k).equals("longest") || c.w(k).equals("shortest"))) {
                agg = c.w(k).equals("longest") ? Agg.MAX : Agg.MIN;
                c.mark(k);
            }
        }
        return agg;
    }

    private static void add(Clause c, Measure m, Mention a, Mention b, int from, int to) {
        c.measures.add(m);
        c.mark(from, to);
        int before = c.prev(from);
        if (before >= 0 && (c.functions.get(before) == Agg.SUM || c.functions.get(before) == Agg.AVG)) {
            c.functions.remove(before); // "total revenue per unit", "average cost per kWh": part of the ratio
        }
        for (int k = from; k < to; k++) {
            c.functions.remove(k);
        }
        c.markMention(a);
        c.markMention(b);
        c.reading(m.describe() + " computed from two columns");
    }

    /**
     * "cumulative trips per month": the first measure becomes a running total when a time grouping orders it;
     * without one the word stays unexplained.
     */
    static void running(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !RUNNING_WORDS.contains(c.w(i))) {
                continue;
            }
            boolean timed = c.groups.stream().anyMatch(Grouping::temporal);
            if (!timed || c.measures.isEmpty()) {
                return;
            }
            Measure first = c.measures.get(0);
            if (first.derived() != Measure.Derived.NONE || first.share()) {
                return;
            }
            Agg agg = first.agg() == Agg.AVG ? Agg.SUM : first.agg();
            // "monthly units with a running total": the figure of each period, and its running total beside it
            int article = Set.of("a", "its", "the").contains(c.w(i - 1)) ? i - 1 : i;
            boolean beside = Set.of("with", "and", "plus").contains(c.w(article - 1)) && c.freeWord(article - 1);
            Measure run = new Measure(agg, first.column()).running();
            if (beside) {
                c.measures.add(1, run);
                c.mark(article - 1, i);
            } else {
                // the running total first (what is charted), each period's own figure beside it, as a ledger shows
                c.measures.add(0, run);
            }
            c.mark(i);
            if (c.w(i + 1).equals("total") || c.w(i + 1).equals("sum")) {
                c.mark(i + 1);
            }
            c.reading("'" + c.token(i).text() + "' read as a running total along time" + (beside ? ", beside each period's figure" : ""));
            return;
        }
    }

    /**
     * "Revenue growth by year", "year over year change in units", "percent change of sales per month": the measure
     * per period, and beside it its change from the previous period in percent. Needs a time grouping: a change
     * between two named periods ("from 2023 to 2024") is not read here, and its word stays unexplained.
     */
    static void change(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !CHANGE_WORDS.contains(c.w(i))) {
                continue;
            }
            boolean timed = c.groups.stream().anyMatch(g -> g.temporal() && (g.grain() == null || g.grain().calendar()));
            if (c.measures.size() != 1) {
                return;
            }
            if (!timed && !betweenPeriods(c)) {
                return;
            }
            Measure first = c.measures.get(0);
            if (first.derived() != Measure.Derived.NONE || first.share()) {
                return;
            }
            c.measures.add(first.change());
            c.mark(i);
            for (int k : new int[] {i - 1, i + 1}) {
                if (c.freeWord(k) && Set.of("percent", "percentage", "%", "rate", "pct").contains(c.w(k))) {
                    c.mark(k); // "percent change", "growth rate"
                }
            }
            for (int k = c.from; k < c.to; k++) {
                // "versus the month before", "compared with the previous year": the change's own words
                if (c.freeWord(k) && CHANGE_CONTEXT.contains(c.w(k))) {
                    c.mark(k);
                    Mention period = c.m(k - 1);
                    if (c.w(k).equals("before") && period != null && c.free(period)
                            && period.isColumn() && period.column().column().temporal()) {
                        c.markMention(period);
                    }
                }
            }
            c.reading("'" + c.token(i).text() + "' read as the change from the previous " + c.groups.stream()
                    .filter(Grouping::temporal).findFirst().map(Grouping::describeStep).orElseThrow() + ", in percent");
            return;
        }
    }
}
