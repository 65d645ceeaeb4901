package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Filters on true/false columns: "products in stock" (in_stock = true), "out of stock" or "not in stock"
 * (false), "active customers", "orders that were not returned". A yes/no column named in a question is
 * almost always a condition on the rows, not a measure or a grouping.
 */
final class FlagFilters {

    private FlagFilters() {
    }

    /** Verbs of having a yes/no thing: "do not have a garage", "does not use a smart meter". */
    private static final java.util.Set<String> POSSESSION = java.util.Set.of("have", "has", "had", "use", "uses", "get",
            "own", "owns");
    private static final java.util.Set<String> NEGATIONS = java.util.Set.of("not", "no", "never");
    /** Words before an agent's "by": "rentals are by members", "bookings made by repeat guests". */
    private static final java.util.Set<String> AGENT_VERBS = java.util.Set.of("are", "is", "were", "was", "made",
            "done", "placed", "booked", "taken", "rented");

    /**
     * The end of words after a yes/no thing that leave its rows out ("cancelled bookings don't count", "cancelled
     * ones are excluded"), or -1: the rows' noun, then "do not count", "not counted", "excluded" or "ignored".
     */
    private static int leftOutAfter(Clause c, int k) {
        int j = k;
        if (j < c.to && (c.isRowNoun(j) || c.w(j).equals("ones") || c.m(j) != null && c.m(j).kind() == Mention.Kind.ENTITY)) {
            j = c.m(j) != null ? c.m(j).end() : j + 1;
        }
        if (Set.of("are", "is", "were", "get", "be").contains(c.w(j))) {
            j++;
        }
        if (Set.of("do", "does", "should").contains(c.w(j)) && c.w(j + 1).equals("not") && c.w(j + 2).equals("count")) {
            return j + 3;
        }
        if (c.w(j).equals("not") && Set.of("counted", "included").contains(c.w(j + 1))) {
            return j + 2;
        }
        return Set.of("excluded", "ignored", "omitted", "removed").contains(c.w(j)) ? j + 1 : -1;
    }

    /** A yes/no column. */
    static boolean flag(ColumnProfile column) {
        return column.type().toUpperCase(Locale.ROOT).startsWith("BOOL");
    }

    /** Words of yes/no column names that say nothing of what is restricted: is_active, has_garage. */
    private static final Set<String> GENERIC = Set.of("is", "has", "have", "had", "was", "flag", "any", "did", "does", "with",
            "under", "in", "on", "at", "for", "by", "of", "out"); // and prepositions: under_warranty, in_stock

    /**
     * True when the question names the column by its head only, without the word before it that narrows it:
     * "checkouts" of self_checkout are all checkouts, "served" of self_serve is no condition on self-service.
     */
    private static boolean modifierUnsaid(Clause c, Mention m) {
        List<String> words = SchemaIndex.words(m.column().name());
        int first = -1;
        for (int j = 0; j < words.size() && first < 0; j++) {
            for (int k = m.start(); k < m.end(); k++) {
                if (words.get(j).equals(c.token(k).norm()) || words.get(j).equals(c.token(k).singular())
                        || Rates.sameStem(words.get(j), c.token(k).norm())) {
                    first = j;
                }
            }
        }
        for (int j = 0; j < first; j++) {
            if (!GENERIC.contains(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "appointments that needed a follow-up" of follow_up_needed: the words before the head are said after it, as its
     * object (often as one hyphenated word, which may also be a value elsewhere: appointment_type 'Follow-up'). Then
     * the column is named in full; its object is marked, and a value read from those words is no condition.
     */
    private static boolean modifierSaidAfter(Clause c, Mention m) {
        List<String> words = SchemaIndex.words(m.column().name());
        List<String> unsaid = new java.util.ArrayList<>();
        for (String w : words) {
            boolean inMention = false;
            for (int k = m.start(); k < m.end(); k++) {
                inMention |= w.equals(c.token(k).norm()) || w.equals(c.token(k).singular());
            }
            if (inMention) {
                break;
            }
            if (!GENERIC.contains(w)) {
                unsaid.add(w);
            }
        }
        int k = m.end();
        while (k < c.to && (c.w(k).equals("a") || c.w(k).equals("an") || c.w(k).equals("the"))) {
            k++;
        }
        List<String> said = new java.util.ArrayList<>();
        int end = k;
        while (end < c.to && end < k + 3 && said.size() < unsaid.size()) {
            for (String part : c.token(end).text().toLowerCase(Locale.ROOT).split("-")) { // the norm drops the hyphen
                said.add(part);
            }
            end++;
        }
        if (unsaid.isEmpty() || !said.equals(unsaid)) {
            return false;
        }
        for (int j = k; j < end; j++) {
            Mention object = c.m(j);
            if (object != null && object.kind() == Mention.Kind.VALUE && object.value() != null) {
                c.filters.remove(Filter.of(object.column(), "eq", object.value()));
                c.markMention(object);
            }
        }
        c.mark(m.end(), end);
        return true;
    }

    /** Name words of a yes/no column that says a booked thing did not take place: no_show, cancelled, missed. */
    private static final Set<String> DID_NOT_HAPPEN = Set.of("show", "noshow", "cancelled", "canceled", "missed",
            "voided", "void", "aborted", "scrubbed");

    /**
     * "how many vaccinations were actually given", "bookings that really took place": "actually" or "really" before
     * the verb says the thing happened, so the rows a yes/no column marks as not having happened (no_show,
     * cancelled) are left out, when the question says nothing else of that column.
     */
    static void tookPlace(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            if (!c.freeWord(i) || !(c.w(i).equals("actually") || c.w(i).equals("really"))) {
                continue;
            }
            String verb = c.w(i + 1);
            if (!verb.endsWith("ed") && !verb.endsWith("en") && !Vocabulary.PARTICIPLES.containsKey(verb)
                    && !Set.of("took", "happened", "occurred", "attended", "came", "showed").contains(verb)) {
                continue;
            }
            // every way of not happening is left out: neither cancelled nor a no-show
            List<ColumnProfile> denied = new java.util.ArrayList<>();
            for (ColumnProfile col : c.index.schema.columns()) {
                List<String> words = SchemaIndex.words(col.name());
                boolean negative = flag(col) && words.stream().anyMatch(DID_NOT_HAPPEN::contains)
                        && (!words.contains("show") || words.contains("no"));
                if (negative && c.filters.stream().noneMatch(f -> col.equals(f.column()))) {
                    denied.add(col);
                }
            }
            if (!denied.isEmpty()) {
                denied.forEach(col -> c.filters.add(Filter.of(col, "eq", Boolean.FALSE)));
                c.mark(i);
                c.reading("'" + c.text(i, i + 2) + "' read as " + denied.stream().map(col -> col.name() + " = false")
                        .collect(java.util.stream.Collectors.joining(" and ")) + ": the ones that took place");
                return;
            }
        }
    }

    /** Results tables' yes/no abbreviations of a verb denied: DNF did not finish, DNS did not start, DNQ qualify. */
    private static final java.util.Map<String, String> DENIED_VERBS = java.util.Map.of("dnf", "finish", "dns", "start",
            "dnq", "qualify");

    /**
     * "finishers", "how many women finished", "failed to finish" beside a yes/no DNF column: the verb it denies,
     * said outright, keeps the rows where it is false; said negated, where it is true.
     */
    static void deniedVerbs(Clause c) {
        for (ColumnProfile col : c.index.schema.columns()) {
            List<String> words = SchemaIndex.words(col.name());
            String verb = flag(col) && words.size() == 1 ? DENIED_VERBS.get(words.get(0)) : null;
            if (verb == null || c.filters.stream().anyMatch(f -> col.equals(f.column()))) {
                continue;
            }
            for (int i = c.from; i < c.to; i++) {
                String w = c.w(i);
                boolean said = c.freeWord(i) && w.startsWith(verb) && Set.of("", "s", "es", "ed", "d", "ers", "er", "ing", "ings")
                        .contains(w.substring(verb.length()));
                if (!said) {
                    continue;
                }
                boolean denied = c.w(i - 1).equals("not") || c.w(i - 1).equals("to") && Set.of("failed", "fail", "fails")
                        .contains(c.w(i - 2));
                c.filters.add(Filter.of(col, "eq", denied));
                boolean counted = c.w(i - 1).equals("many") && c.w(i - 2).equals("how") || c.w(i - 1).equals("of")
                        && Set.of("number", "count").contains(c.w(i - 2)) || c.mostBefore(i);
                if (!w.endsWith("er") && !w.endsWith("ers") || counted) {
                    c.mark(i); // "finishers" per year are also the people to count: left unread unless counted
                }
                c.reading("'" + c.token(i).text() + "' read as " + col.name() + " = " + denied + " (" + col.name()
                        + ": did not " + verb + ")");
                return;
            }
        }
    }

    /** Name words of a yes/no column that records a check: its yes is a pass. */
    private static final Set<String> CHECKS = Set.of("check", "test", "inspection", "qc", "audit", "review", "control");
    private static final Set<String> FAILED = Set.of("failed", "fail", "fails", "failing");
    private static final Set<String> PASSED = Set.of("passed", "pass", "passes", "passing");

    /** The position of "failed" or "passed" said of a check column at {@code i} ("failed the QC"), or -1. */
    private static int verdictBefore(Clause c, int i, ColumnProfile column) {
        if (SchemaIndex.words(column.name()).stream().noneMatch(CHECKS::contains)) {
            return -1;
        }
        int k = c.w(i - 1).equals("the") || c.w(i - 1).equals("a") || c.w(i - 1).equals("their") ? i - 2 : i - 1;
        return k >= c.from && c.freeWord(k) && (FAILED.contains(c.w(k)) || PASSED.contains(c.w(k))) ? k : -1;
    }

    /** The yes/no column whose event a noun names ("cancellations" for cancelled, "refunds" for refunded), or null. */
    private static ColumnProfile eventOf(Clause c, int i) {
        return flagNaming(c, c.w(i));
    }

    /** Words for an event that a yes/no column names by another verb: a "show" (a "no-show") is an attendance. */
    private static final java.util.Map<String, String> SAME_EVENT = java.util.Map.of("show", "attended",
            "shows", "attended", "showed", "attended");

    /** The yes/no column a word names in another form ("cancellations", "win" for is_won), or null. */
    private static ColumnProfile flagNaming(Clause c, String w) {
        String participle = Vocabulary.PARTICIPLES.getOrDefault(w, SAME_EVENT.get(w)); // "win" -> "won"
        // "lots sold" of a column called sold: the participle is never linked to a column on its own (it is a
        // verb of many questions), so the column it names in full is found here
        boolean unlinked = Vocabulary.STOP.contains(w) || Vocabulary.FILLER.contains(w);
        if (participle == null && w.length() < 5 || Vocabulary.STOP.contains(w) && !w.equals(participle)) {
            return null;
        }
        for (ColumnProfile col : c.index.schema.columns()) {
            List<String> words = flag(col) ? SchemaIndex.words(col.name()) : List.of();
            for (int j = 0; j < words.size(); j++) {
                boolean same = words.get(j).equals(w);
                if (same ? unlinked && w.equals(participle)
                        : Rates.sameStem(words.get(j), w) || words.get(j).equals(participle)) {
                    // the head of self_checkout alone ("checkouts") names every checkout, not the self-service ones
                    return words.subList(0, j).stream().allMatch(GENERIC::contains) ? col : null;
                }
            }
        }
        return null;
    }

    /** The yes/no column the word at {@code i} names, as itself, its event or its opposite ("lost"), or null. */
    static ColumnProfile flagAt(Clause c, int i) {
        Mention m = c.m(i);
        if (m != null) {
            return m.isColumn() && flag(m.column()) ? m.column() : null;
        }
        ColumnProfile named = flagNaming(c, c.w(i));
        return named != null ? named : oppositeOf(c, i);
    }

    /** Words naming the opposite of a yes/no column's state: "failed" exams where the column is passed. */
    private static final java.util.Map<String, String> OPPOSITES = java.util.Map.ofEntries(
            java.util.Map.entry("failed", "passed"), java.util.Map.entry("fail", "passed"),
            java.util.Map.entry("fails", "passed"), java.util.Map.entry("failing", "passed"),
            java.util.Map.entry("failure", "passed"), java.util.Map.entry("failures", "passed"),
            java.util.Map.entry("loss", "won"), java.util.Map.entry("losses", "won"),
            java.util.Map.entry("absence", "present"), java.util.Map.entry("absences", "present"),
            java.util.Map.entry("lost", "won"), java.util.Map.entry("lose", "won"), java.util.Map.entry("losing", "won"),
            java.util.Map.entry("absent", "present"), java.util.Map.entry("inactive", "active"),
            java.util.Map.entry("missed", "attended"), java.util.Map.entry("rejected", "approved"),
            java.util.Map.entry("declined", "approved"), java.util.Map.entry("incomplete", "completed"));

    /** The yes/no column whose opposite the word names ("failed" for passed, "lost" for is_won), or null. */
    static ColumnProfile oppositeOf(Clause c, int i) {
        return c.index.schema.columns().stream().filter(col -> opposes(c.w(i), col)).findFirst().orElse(null);
    }

    /** True when {@code word} names the opposite of yes/no column {@code col}'s state ("failed" of passed). */
    static boolean opposes(String word, ColumnProfile col) {
        String opposite = OPPOSITES.get(word);
        if (opposite == null || !flag(col)) {
            return false;
        }
        List<String> words = SchemaIndex.words(col.name());
        int at = words.indexOf(opposite);
        return at >= 0 && words.subList(0, at).stream().allMatch(GENERIC::contains);
    }

    private static final Set<String> COMPARE_WORDS = Set.of("vs", "versus", "compare", "compared", "comparing", "against");

    /**
     * "smart meter and non-smart-meter homes", "irrigated vs rain-fed", "won and lost": a yes/no column asked both
     * ways is compared, not a condition no row meets: the two conditions become a grouping by the column.
     */
    static void comparedStates(Clause c) {
        for (ColumnProfile col : c.index.schema.columns()) {
            List<Filter> both = c.filters.stream().filter(f -> col.equals(f.column()) && f.op().equals("eq")
                    && f.value() instanceof Boolean).toList();
            if (flag(col) && both.stream().map(Filter::value).distinct().count() == 2) {
                c.filters.removeAll(both);
                if (col.nulls() > 0) {
                    c.filters.add(Filter.of(col, "not_null", null)); // the two states, not the rows that say neither
                }
                c.addGroup(new Grouping(col, null), true);
                c.reading(col.name() + " asked both ways: compared, grouped by it");
                for (int i = c.from; i < c.to; i++) {
                    if (c.freeWord(i) && COMPARE_WORDS.contains(c.w(i))) {
                        c.mark(i);
                    }
                }
            }
        }
    }

    /** A thing named in the clause that repeats over rows (a product on many order lines), or null. */
    private static Mention repeatedOwner(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m == null || m.start() != i) {
                continue;
            }
            boolean entity = m.kind() == Mention.Kind.ENTITY && !m.entity().uniqueRows();
            boolean category = m.kind() == Mention.Kind.COLUMN && !flag(m.column()) && c.index.repeatsOverRows(m.column());
            if (entity || category) {
                return m;
            }
        }
        return null;
    }

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            int by = c.prev(i);
            // "what percentage of rentals are by members": "by" after a copula names who did it, a condition
            boolean agent = by > c.from && c.w(by).equals("by") && AGENT_VERBS.contains(c.w(by - 1));
            boolean named = mention != null && mention.start() == i && mention.isColumn() && c.free(mention)
                    && flag(mention.column());
            if (named && modifierUnsaid(c, mention) && !modifierSaidAfter(c, mention)) {
                c.markMention(mention);
                c.reading("'" + c.text(i, mention.end()) + "' read as every such row, not only those with "
                        + mention.column().name() + " (its first word is not said)");
                continue;
            }
            ColumnProfile column = named ? mention.column() : mention == null && c.freeWord(i) ? eventOf(c, i) : null;
            boolean opposite = column == null && mention == null && c.freeWord(i) && (column = oppositeOf(c, i)) != null;
            Mention before = by >= 0 ? c.m(by) : null;
            // "each student failed": a verb said of the entity before it, not a grouping by "student failure"
            boolean verbOfEntity = !named && before != null && before.kind() == Mention.Kind.ENTITY && before.end() == i;
            if (column == null || !agent && !verbOfEntity && c.groupWordBefore(i)) {
                continue;
            }
            int end = named ? mention.end() : i + 1;
            int p = c.prev(i);
            if (p > c.from && POSSESSION.contains(c.w(p)) && NEGATIONS.contains(c.w(p - 1))) {
                c.mark(p); // "households that do not have a smart meter": the negation is of having it
                p--;
            }
            boolean negated = false;
            int leaves = p >= c.from ? Vocabulary.leavesOut(c, p) : -1;
            int after = leftOutAfter(c, end);
            if (leaves >= c.from && c.freeWord(p)) {
                negated = true; // "leave out cancelled bookings", "ignore the cancelled ones"
                c.mark(leaves, p + 1);
            } else if (after > 0) {
                negated = true; // "cancelled bookings don't count"
                c.mark(end, after);
            } else if (p >= 0 && (c.w(p).equals("not") || c.w(p).equals("no") || c.w(p).equals("non")
                    || c.w(p).equals("without") || c.w(p).equals("never"))) {
                negated = true;
                c.mark(p);
                if (c.w(p - 1).equals("are") || c.w(p - 1).equals("is") || c.w(p - 1).equals("was")
                        || c.w(p - 1).equals("were")) {
                    c.mark(p - 1);
                }
            } else if (p >= 1 && c.w(p).equals("of") && c.w(p - 1).equals("out")) {
                negated = true; // "out of stock" against a column called in_stock
                c.mark(p - 1, p + 1);
            }
            int verdict = verdictBefore(c, i, column);
            if (verdict >= 0) {
                // "batches that failed the quality check": a check's yes is a pass, so failing it is its no
                negated ^= FAILED.contains(c.w(verdict));
                c.mark(verdict);
            }
            c.mark(i, end);
            if (agent) {
                c.mark(by);
            }
            boolean value = negated == opposite;
            Mention owner = negated && c.w(p).equals("never") ? repeatedOwner(c) : null;
            if (owner != null) {
                // "which products were never returned": no row of each product returned, not any row not returned
                c.mark(i, end);
                // "never failed": no row with passed = false
                c.filters.add(Filter.onMeasure(opposite ? Measure.rateNot(column) : Measure.rate(column), "eq", 0.0));
                c.reading("'never " + c.text(i, end) + "' read as no row of each " + c.token(owner.start()).singular()
                        + " with " + column.name() + " = " + !value);
                continue;
            }
            c.filters.add(Filter.of(column, "eq", value));
            c.reading("'" + c.text(p >= 0 && negated && after < 0 ? (leaves >= c.from ? leaves : p) : i, Math.max(after, end))
                    + "' read as " + column.name() + " = " + value + (opposite ? " (its opposite)" : ""));
        }
    }
}
