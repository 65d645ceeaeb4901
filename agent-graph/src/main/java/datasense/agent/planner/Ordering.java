package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;
import java.util.Set;

/**
 * Orders a question asks for: "sorted by name", "order by the x axis in descending order", "rank the types by
 * average fare from low to high", "in ascending order of revenue", "alphabetically", "highest first",
 * "from cheapest to most expensive". The keys it reads are honoured exactly by the SQL; an order with no
 * count ("highest first") sorts every row rather than keeping the top one.
 */
final class Ordering {

    private static final Set<String> VERBS = Set.of("sort", "sorted", "sorting", "order", "ordered", "ordering",
            "rank", "ranked", "ranking", "arrange", "arranged", "list", "listed");
    private static final Set<String> ASC = Set.of("asc", "ascending", "increasing", "alphabetical", "alphabetically",
            "chronological", "chronologically");
    private static final Set<String> DESC = Set.of("desc", "descending", "decreasing");
    /** Words of "highest first", "from low to high": high ends and low ends of a scale. */
    private static final Set<String> HIGH = Set.of("high", "highest", "largest", "biggest", "most", "greatest",
            "longest", "newest", "latest", "recent", "expensive", "top", "best", "z", "busiest");
    private static final Set<String> LOW = Set.of("low", "lowest", "smallest", "least", "fewest", "shortest",
            "oldest", "earliest", "cheapest", "bottom", "worst", "a", "quietest");

    private Ordering() {
    }

    /** Ends of a scale of time: "oldest first", "newest first", "latest first". */
    private static final Set<String> TIME_ENDS = Set.of("oldest", "earliest", "newest", "latest");

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (c.used[i]) {
                continue;
            }
            String w = c.w(i);
            if (VERBS.contains(w) && orderVerbAt(c, i)) {
                c.mark(i);
                // "rank ... by" puts the largest first; "sort"/"order by" is ascending unless told otherwise
                boolean descending = w.startsWith("rank");
                int k = c.next(i);
                while (k >= 0 && k < c.to && !(c.w(k).equals("by") && c.m(k) == null)) {
                    k++;
                }
                if (k >= 0 && k < c.to) {
                    c.mark(k);
                    c.orderBy.add(k);
                    key(c, c.next(k), descending);
                } else {
                    c.orderAsked = true;
                }
            } else if (w.equals("in") && directionAt(c, c.next(i)) != null
                    && (c.w(c.next(i) + 1).equals("order") || c.w(c.next(i) + 1).equals("orders"))) {
                // "in ascending order", "in descending order of revenue"
                int d = c.next(i);
                c.mark(i, d + 2);
                direction(c, directionAt(c, d), BY_LABEL.contains(c.w(d)) ? OrderKey.Target.X : OrderKey.Target.MEASURE);
                if (c.w(d + 2).equals("of") || c.w(d + 2).equals("by")) {
                    c.mark(d + 2);
                    c.orderBy.add(d + 2);
                    key(c, c.next(d + 2), directionAt(c, d));
                }
            } else if ((ASC.contains(w) || DESC.contains(w)) && c.m(i) == null) {
                c.mark(i);
                direction(c, DESC.contains(w), BY_LABEL.contains(w) ? OrderKey.Target.X : OrderKey.Target.MEASURE);
            } else if (HIGH.contains(w) || LOW.contains(w)) {
                extremes(c, i);
            } else if (Rankings.SPEED.contains(w) && c.w(i + 1).equals("first")
                    && (c.m(i + 1) == null || i + 2 >= c.to)) { // "fastest first", not "slowest first responses"
                speedFirst(c, i);
            }
        }
    }

    /** "sort" and "order" are verbs when they begin the clause or come before "by" or "the". */
    private static boolean orderVerbAt(Clause c, int i) {
        String w = c.w(i);
        if (w.equals("list") || w.equals("listed")) {
            if (c.w(c.next(i)).equals("by") || c.w(i + 1).equals("in")) {
                return true;
            }
            // "list the countries by average rate": "by" before a measure orders, it does not group
            for (int k = i + 1; k < Math.min(c.to, i + 6) && !VERBS.contains(c.w(k)); k++) { // "list the loans sorted by"
                if (c.w(k).equals("by") && c.m(k) == null) {
                    int n = c.next(k);
                    Mention m = n < 0 ? null : c.m(n);
                    return n >= 0 && (Vocabulary.FUNCTIONS.containsKey(c.w(n)) || m != null && m.isColumn()
                            && m.column().column().numeric() && !SchemaIndex.isIdLike(m.column()));
                }
            }
            return false;
        }
        if (c.w(i + 1).equals("by")) {
            return true;
        }
        if (w.endsWith("ing") && Vocabulary.SUPERLATIVES.containsKey(c.w(i - 1))) {
            return false; // "the highest ranking": a noun the superlative governs, not a verb of ordering
        }
        if (w.endsWith("ed") || w.endsWith("ing")) {
            return true; // "sorted", "ordered by", "ranking"
        }
        // an imperative: "Sort the doctors by cost", "rank regions by profit"
        String next = c.w(i + 1);
        if (Set.of("the", "them", "these", "those", "all", "my", "our", "it").contains(next)) {
            return true;
        }
        for (int k = i + 1; k < c.to; k++) {
            if (c.w(k).equals("by") && c.m(k) == null) {
                return !w.equals("order") || c.m(i + 1) != null;
            }
        }
        return false;
    }

    /** The key after "by": an axis ("the x axis"), a column, else the measure. */
    private static void key(Clause c, int at, boolean descending) {
        if (at < 0) {
            c.orderAsked = true;
            return;
        }
        String w = c.w(at);
        if ((w.equals("x") || w.equals("y")) && c.w(at + 1).equals("axis")) {
            c.mark(at, at + 2);
            c.order.add(new OrderKey(w.equals("x") ? OrderKey.Target.X : OrderKey.Target.Y, null, descending));
            return;
        }
        Mention m = c.m(at);
        if (m != null && m.kind() != Mention.Kind.VALUE) {
            c.orderColumns.add(at);
            c.order.add(new OrderKey(OrderKey.Target.COLUMN, c.groupColumnOf(m), descending));
            return;
        }
        c.order.add(new OrderKey(OrderKey.Target.MEASURE, null, descending)); // "ranked by average fare"
    }

    /** The direction words at i: "ascending", "descending", "asc"; null when none. */
    private static Boolean directionAt(Clause c, int i) {
        if (i < 0) {
            return null;
        }
        String w = c.w(i);
        return ASC.contains(w) ? Boolean.FALSE : DESC.contains(w) ? Boolean.TRUE : null;
    }

    /** Words that order by the labels or the time axis, not by the measure. */
    private static final Set<String> BY_LABEL = Set.of("alphabetical", "alphabetically", "chronological",
            "chronologically");

    /** Sets the direction of the last key, or of an order with no key yet. */
    private static void direction(Clause c, boolean descending) {
        direction(c, descending, OrderKey.Target.MEASURE);
    }

    private static void direction(Clause c, boolean descending, OrderKey.Target keyless) {
        c.orderAsked = true;
        if (c.order.isEmpty()) {
            c.order.add(new OrderKey(keyless, null, descending));
            c.defaultKey = true;
            return;
        }
        OrderKey last = c.order.get(c.order.size() - 1);
        c.order.set(c.order.size() - 1, new OrderKey(last.target(), last.column(), descending));
    }

    /**
     * "rank the drivers by average lap time, fastest first": a speed word orders by the time it names (a time taken:
     * the least first) or by the measure already named; a speed itself puts the most first.
     */
    private static void speedFirst(Clause c, int i) {
        Mention scale = c.m(i);
        boolean quick = !c.w(i).equals("slowest");
        boolean timeTaken = false;
        for (int k = c.from; k < c.to && !timeTaken; k++) { // the time named by the word, or elsewhere as the measure
            Mention m = c.m(k);
            timeTaken = m != null && m.isColumn() && Rankings.timeTaken(m.column()) && (k == i || m.column().column().numeric());
        }
        if (scale != null && c.free(scale)) {
            c.markMention(scale);
        }
        if (c.order.isEmpty() && scale != null && scale.isColumn() && scale.column().column().numeric()) {
            c.order.add(new OrderKey(OrderKey.Target.COLUMN, scale.column(), quick != timeTaken));
            c.orderColumns.add(i);
        }
        c.mark(i, i + 2);
        direction(c, quick != timeTaken);
        c.sortAll = true;
        c.reading("'" + c.text(i, i + 2) + "' read as the " + (quick == timeTaken ? "least" : "most") + " first"
                + (timeTaken ? ", as less time is faster" : ""));
    }

    /** "highest first", "from low to high", "from cheapest to most expensive", "A to Z". */
    private static void extremes(Clause c, int i) {
        String w = c.w(i);
        if (c.w(i + 1).equals("first") || c.w(i + 1).equals("on") && c.w(i + 2).equals("top")) {
            Mention scale = c.m(i);
            boolean high = HIGH.contains(w) && !c.w(i - 1).equals("least");
            if (Rankings.SIZE_WORDS.contains(w) && Rankings.negativeAmountAfter(c, c.from - 1) != null) {
                high = !high; // "biggest first" over refunds kept as negatives: the most negative first
            }
            boolean ofTime = TIME_ENDS.contains(w) || w.equals("recent");
            if (scale != null && scale.isColumn() && scale.column().column().numeric() && c.free(scale)) {
                high ^= ofTime; // "oldest first" over ages: the largest age first
                // "cheapest first": the word names its scale (a price), the key to sort every row by, unless a key
                // was named already ("rank the types by average fare, cheapest first": its direction only)
                c.markMention(scale);
                if (c.order.isEmpty()) {
                    c.orderColumns.add(i);
                    c.order.add(new OrderKey(OrderKey.Target.COLUMN, scale.column(), high));
                }
                c.reading(scale.reading());
                if (c.w(i - 1).equals("most") || c.w(i - 1).equals("least")) {
                    c.mark(i - 1); // "most expensive first": one ordering, not a superlative besides it
                }
            } else if (scale == null && ofTime && c.impliedDate() != null) {
                // "open tickets, oldest first": the rows in the order of their dates
                ColumnProfile date = c.impliedDate();
                c.order.add(new OrderKey(OrderKey.Target.COLUMN, date, high));
                c.reading("'" + w + " first' read as ordered by " + date.name());
                if (c.w(i - 1).equals("most")) {
                    c.mark(i - 1);
                }
            }
            c.mark(i, c.w(i + 1).equals("first") ? i + 2 : i + 3);
            direction(c, high);
            c.sortAll = true;
            return;
        }
        // "from highest to lowest", and without its "from": "lowest to highest"
        boolean bare = c.w(i + 1).equals("to") && (HIGH.contains(w) ? LOW : HIGH).contains(c.w(i + 2));
        if (c.w(i - 1).equals("from") || bare) {
            for (int k = i + 1; k < Math.min(c.to, i + 4); k++) {
                if (c.w(k).equals("to") && k + 1 < c.to) {
                    int end = k + 1;
                    if (c.w(end).equals("most") || c.w(end).equals("the")) {
                        end++;
                    }
                    boolean high = HIGH.contains(w) || (c.w(i).equals("most"));
                    c.mark(bare ? i : i - 1, end + 1);
                    Mention counted = c.m(i + 1);
                    if (counted != null && counted.start() == i + 1 && counted.kind() == Mention.Kind.ENTITY
                            && Set.of("most", "fewest", "least").contains(w) && c.measures.isEmpty()) {
                        // "from fewest appointments to most": ordered by how many there are of each
                        c.measures.add(c.entityCount(counted.entity(), counted));
                        c.reading("'" + c.text(i, counted.end()) + "' read as ordered by the count of "
                                + counted.entity().word() + "s");
                    }
                    direction(c, high);
                    c.sortAll = true;
                    return;
                }
            }
        }
    }

    /** True when the clause asked for an order of its own. */
    static boolean asked(Clause c) {
        return c.orderAsked || !c.order.isEmpty();
    }

    static List<OrderKey> keys(Clause c) {
        return List.copyOf(c.order);
    }
}
