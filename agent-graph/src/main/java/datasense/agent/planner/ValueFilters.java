package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters from values the data holds: "in the West" (Region = 'West'), "not Furniture" (ne), "seniors"
 * (job title starts with 'Senior'), and lists ("Consumer vs Corporate": IN, with one row per value).
 */
final class ValueFilters {

    private ValueFilters() {
    }

    static void read(Clause c) {
        Map<ColumnProfile, List<Mention>> byColumn = new LinkedHashMap<>();
        for (Mention mention : c.q.mentions()) {
            // a value an earlier stage read ("placed at least 4th", a place) is not a value condition too
            if (mention.kind() == Mention.Kind.VALUE && mention.start() >= c.from && mention.end() <= c.to && c.free(mention)
                    && !eventOfItsOwnColumn(c, mention) && !restatesFlag(c, mention) && !dayOfMonth(c, mention)
                    && !partOfACycle(c, mention)) {
                byColumn.computeIfAbsent(mention.column(), k -> new ArrayList<>()).add(familyOf(c, mention));
            }
        }
        byColumn.forEach((column, values) -> add(c, column, values));
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && c.m(i) == null && c.w(i).endsWith("ed")) {
                measureOfItsVerb(c, i, ""); // "the largest amount we have awarded": award_amount, what was awarded
            }
        }
    }

    /**
     * "except the Star Drift ones": a value said with "ones" after it, when other values begin with it ("Star Drift:
     * Origins"), names the family of values it begins, not the one value.
     */
    private static Mention familyOf(Clause c, Mention m) {
        if (!"eq".equals(m.op()) || !c.w(m.end()).equals("ones") || m.column().values() == null) {
            return m;
        }
        String v = m.value().toLowerCase(java.util.Locale.ROOT);
        boolean family = m.column().values().stream().anyMatch(o -> o != null && o.length() > v.length()
                && o.toLowerCase(java.util.Locale.ROOT).startsWith(v));
        if (!family) {
            return m;
        }
        c.mark(m.end());
        return Mention.value(m.start(), m.end(), m.column(), m.value(), "starts_with", "'" + c.text(m.start(), m.end() + 1)
                + "' read as " + m.column().name() + " starting with '" + m.value() + "'");
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("([1-9]|[12][0-9]|3[01])(st|nd|rd|th)?");

    /** Words of a time unit that "of (the) day", "of the week" or "of the year" makes a part of a cycle. */
    private static final Set<String> CYCLE_PARTS = Set.of("hour", "time", "day", "week", "month");

    /**
     * "scans per hour of the day", "by day of the week": "day" (or "week", "year") there ends a phrase of time, even
     * where values begin with it (pass types 'Day', 'Day 3'); the time grains read the phrase.
     */
    private static boolean partOfACycle(Clause c, Mention m) {
        if (m.end() != m.start() + 1) {
            return false;
        }
        String w = c.token(m.start()).singular();
        int of = c.w(m.start() - 1).equals("the") ? m.start() - 2 : m.start() - 1;
        boolean ends = Set.of("day", "week", "year").contains(w) && of > c.from && c.w(of).equals("of")
                && CYCLE_PARTS.contains(c.token(of - 1).singular());
        int whole = c.w(m.end() + 1).equals("the") ? m.end() + 2 : m.end() + 1;
        boolean begins = CYCLE_PARTS.contains(w) && c.w(m.end()).equals("of")
                && Set.of("day", "week", "year").contains(c.w(whole)); // "day of the week"
        return ends || begins;
    }

    /**
     * "on september 17th", "the february 11 match": over dates kept as text that begin with the month ("September
     * 17, 2005"), the month and its day, not every date of the month. Returns true when the filter was added.
     */
    private static boolean dayOfMonth(Clause c, Mention month) {
        int day = month.end();
        java.util.regex.Matcher d = DAY.matcher(c.w(day));
        if (!"starts_with".equals(month.op()) || day >= c.to || !c.freeWord(day) || !d.matches()
                || java.util.Arrays.stream(java.time.Month.values())
                        .noneMatch(m -> m.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                                .equalsIgnoreCase(month.value()))) {
            return false;
        }
        String date = month.value() + " " + d.group(1);
        c.addFilter(Filter.any(List.of(Filter.of(month.column(), "eq", date),
                Filter.of(month.column(), "starts_with", date + ","), Filter.of(month.column(), "starts_with", date + " "))),
                month.start());
        c.markMention(month);
        c.mark(day);
        c.reading("'" + c.text(month.start(), day + 1) + "' read as " + month.column().name() + " on " + date);
        return true;
    }

    /**
     * "how many are europlug compatible (yes)?": a yes right after a yes/no column named in the question says which
     * of its values is meant (the column's own reading keeps it), and is no value of another column holding "Yes".
     */
    private static boolean restatesFlag(Clause c, Mention value) {
        Mention before = c.m(value.start() - 1);
        if (value.end() - value.start() != 1 || !Set.of("yes", "true").contains(c.w(value.start())) || before == null
                || !before.isColumn() || !FlagFilters.flag(before.column())) {
            return false;
        }
        c.mark(value.start());
        c.reading("'" + c.token(value.start()).text() + "' after '" + c.text(before.start(), before.end())
                + "' says which of its values is meant");
        return true;
    }

    /**
     * A participle that is a value of a status column ("offered", "applied") but names an event another column
     * records: "the highest salary we have offered" is offer_salary, the salaries offered, not the rows whose stage
     * is still 'offered'; "how many candidates have applied" when every row has an applied_date is every row. Then
     * the word is no condition (it is marked, and said).
     */
    private static boolean eventOfItsOwnColumn(Clause c, Mention value) {
        String w = c.w(value.start());
        if (value.end() - value.start() != 1 || !w.endsWith("ed") || value.column().column().numeric()) {
            return false;
        }
        if (measureOfItsVerb(c, value.start(), ", not " + value.column().name() + " = '" + value.value() + "'") != null) {
            return true;
        }
        for (ColumnProfile col : c.index.schema.columns()) {
            if (col.column().temporal() && col.nulls() == 0 && !col.equals(value.column())
                    && SchemaIndex.words(col.name()).stream().anyMatch(n -> Rates.namesEvent(n, w))) {
                c.mark(value.start());
                c.reading("'" + c.token(value.start()).text() + "' holds of every row (" + col.name() + " is never empty),"
                        + " not only " + value.column().name() + " = '" + value.value() + "'");
                return true;
            }
        }
        return false;
    }

    /**
     * The numeric column mentioned in the clause whose name the verb at {@code i} says in another form ("awarded" of
     * award_amount, "offered" of offer_salary), with the verb marked and read as what it records ({@code instead}
     * added to that reading); else null.
     */
    private static ColumnProfile measureOfItsVerb(Clause c, int i, String instead) {
        String w = c.w(i);
        for (int k = c.from; k < c.to; k++) {
            Mention m = c.m(k);
            if (m == null || m.start() != k || !m.isColumn() || !m.column().column().numeric() || SchemaIndex.isIdLike(m.column())) {
                continue;
            }
            if (SchemaIndex.words(m.column().name()).stream().anyMatch(n -> !n.equals(w) && Rates.namesEvent(n, w))) {
                c.mark(i);
                c.reading("'" + c.token(i).text() + "' read as what " + m.column().name() + " records" + instead);
                return m.column();
            }
        }
        return null;
    }

    /** The start of "of any kind", "of every kind" or "of all kinds" (or "type", "sort") in the clause, else -1. */
    private static int anyKindAt(Clause c) {
        for (int i = c.from; i + 2 < c.to; i++) {
            if (c.w(i).equals("of") && Set.of("any", "every", "all").contains(c.w(i + 1))
                    && Set.of("kind", "kinds", "type", "types", "sort", "sorts").contains(c.w(i + 2))) {
                return i;
            }
        }
        return -1;
    }

    private static void add(Clause c, ColumnProfile column, List<Mention> values) {
        Mention first = values.get(0);
        boolean negated = negation(c, first.start(), column);
        if (negated) {
            allOthers(c, column, first.start());
        }
        boolean alternatives = joinedByOr(c, values);
        markRestriction(c, first.start());
        for (Mention v : values) {
            c.markMention(v);
            absorbColumnWord(c, v);
            c.reading(v.reading());
        }
        int anyKind = first.op().equals("eq") ? anyKindAt(c) : -1;
        List<String> spellings = !first.op().equals("eq") ? List.of(first.value())
                : anyKind >= 0 ? c.index.kinds(column, first.value()) : c.index.spellings(column, first.value());
        if (anyKind >= 0 && spellings.size() > 1) {
            // "consultations of any kind": the value and each of its kinds written with a note in brackets
            c.mark(anyKind, anyKind + 3);
            c.filters.add(new Filter(column, negated ? "not_in" : "in", null, List.copyOf(spellings)));
            c.reading("'" + String.join("', '", spellings) + "' read as kinds of " + first.value());
        } else if (values.stream().map(Mention::value).distinct().count() == 1 && spellings.size() > 1) {
            // "Middle blocker" and "Middle Blocker" in one column are one position, spelled two ways
            c.filters.add(new Filter(column, negated ? "not_in" : "in", null, List.copyOf(spellings)));
            c.reading("'" + String.join("', '", spellings) + "' read as one value of " + column.name() + ", spelled differently");
        } else if (values.stream().map(Mention::value).distinct().count() == 1) { // "laptops ... the average laptop"
            String op = first.op(); // eq, starts_with ("seniors"), contains (an item of list values)
            c.filters.add(Filter.of(column, negated ? (op.equals("eq") ? "ne" : "not_" + op) : op, first.value()));
        } else if (negated) {
            values.forEach(v -> c.filters.add(Filter.of(column, v.op().equals("eq") ? "ne" : "not_" + v.op(), v.value())));
            markListJoins(c, values); // "not in fiction or poetry": neither of them
        } else if (values.stream().anyMatch(v -> !v.op().equals("eq"))) {
            // items of lists or value prefixes: a row may hold several, so any of them, and no row per value
            c.filters.add(Filter.any(values.stream().map(v -> Filter.of(column, v.op(), v.value())).distinct().toList()));
            markComparison(c, values);
        } else {
            List<Object> vals = new ArrayList<>();
            values.stream().map(Mention::value).filter(v -> !vals.contains(v)).forEach(vals::add);
            c.filters.add(Filter.in(column, vals));
            boolean comparing = c.has(COMPARE) || values.size() > 1 && joinedBy(c, values, Set.of("vs", "versus", "against"));
            // "Consumer vs Corporate": one row each; "how many nurses are in Afar and SNNPR" asks one figure, as does
            // "the average population of Acre, Ariel and Dimona" when each value is one row: its own average is itself
            boolean averageOfRows = c.has(Set.of("average", "mean")) && c.index.uniquePerRow(column);
            // "which nationality is both Birnie and Mormina", "A and B both had which constructor": what they share
            boolean shared = c.has(Set.of("both", "common", "share", "shared")) && c.has(Set.of("which", "what"));
            if (!alternatives && (comparing || !c.has(TOTAL_CUES) && !totalColumn(c) && !c.asksHowMany() && !averageOfRows
                    && !shared)) {
                c.addGroup(new Grouping(column, null), true);
            }
            markComparison(c, values);
        }
    }

    /**
     * "total medals earned by Argentina and Colombia", "total goals by Aloisi and Cahill": a measure named "Total"
     * ("Total", "Total Goals") still says "total", so the named values are added up together, not shown one each.
     */
    private static boolean totalColumn(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && m.column().column().numeric() && TOTAL_CUES.contains(c.w(i))) {
                return true;
            }
        }
        return false;
    }

    /** Words that may sit between a negation and its value: "not from C1", "excluding the West region". */
    private static final java.util.Set<String> NEGATION_GAP = java.util.Set.of("from", "in", "on", "for", "at", "by",
            "the", "of", "to", "with", "a", "an", "made", "placed", "sold", "located", "based", "equal", "be", "those",
            "ones", "one", "them"); // "except those in the Harbour branch"

    /**
     * True (and the words marked) when the value at {@code start} is negated: "not West", "not from C1",
     * "other than Furniture", "apart from", "except for", "excluding", "but not", "without".
     */
    private static boolean negation(Clause c, int start, ColumnProfile column) {
        for (int k = start - 1, gap = 0; k >= c.from && gap <= 5; k--, gap++) {
            String w = c.w(k);
            Mention verb = c.m(k);
            boolean eventVerb = verb != null && verb.isColumn() && verb.end() - verb.start() == 1
                    && verb.column().column().temporal() && w.endsWith("ed");
            if (verb != null && verb.isColumn() && verb.column().equals(column) && c.w(verb.end()).equals("of")
                    && !c.used[k]) {
                k = verb.start(); // "did not play the role of Bogg": the value's own column names it
                continue;
            }
            if ((verb != null && !eventVerb) || c.used[k]) {
                return false; // a verb naming a date column may sit between: "not shipped standard class"
            }
            boolean other = (w.equals("than") && c.w(k - 1).equals("other"))
                    || (w.equals("from") && (c.w(k - 1).equals("apart") || c.w(k - 1).equals("aside")));
            if (other) {
                c.mark(k - 1, start);
                return true;
            }
            // "paid some other way than the app", "in any other zone than Harbour": a noun between "other" and "than"
            if (w.equals("than") && c.w(k - 2).equals("other") && c.m(k - 1) == null && !c.used[k - 1]) {
                c.mark(k - 2, start);
                return true;
            }
            int leaves = Vocabulary.leavesOut(c, k);
            if (leaves >= c.from && !c.used[leaves]) {
                c.mark(leaves, start); // "leave out Billing", "ignoring the West", "not counting Furniture"
                return true;
            }
            if (Vocabulary.NEGATIONS.contains(w) || w.equals("non") || w.equals("without") || w.equals("neither") || w.equals("isnt") || w.equals("arent")
                    || w.equals("wasnt") || w.equals("werent") || w.equals("dont") || w.equals("doesnt")) {
                c.mark(k, start);
                return true;
            }
            Set<String> aux = Set.of("did", "does", "do");
            boolean negatedVerb = c.w(k - 1).equals("not") && (aux.contains(c.w(k - 2)) // "did he not play"
                    || Set.of("he", "she", "they", "it", "we", "i", "you").contains(c.w(k - 2)) && aux.contains(c.w(k - 3)));
            if (!NEGATION_GAP.contains(w) && !PARTICIPLES.contains(w) && !(w.endsWith("ed") && w.length() > 4)
                    && !negatedVerb) { // "did not originate in the USA": the verb after "did not"
                return false; // "not paid in cash", "not shipped by air": a verb may sit between
            }
        }
        return false;
    }

    /**
     * "total spend on every channel other than Search": the column named just before the negation, after "every" or
     * "all", is the set the values are taken from, not a grouping.
     */
    private static void allOthers(Clause c, ColumnProfile column, int valueStart) {
        for (int k = valueStart - 1; k >= Math.max(c.from, valueStart - 5); k--) {
            Mention m = c.m(k);
            if (m != null && m.isColumn() && m.column().equals(column) && c.free(m)) {
                int before = c.prev(m.start());
                if (before >= 0 && Set.of("every", "all", "any").contains(c.w(before))) {
                    c.markMention(m);
                    c.mark(before);
                }
                return;
            }
        }
    }

    /** "the total points for Prost and Piquet", "combined": one number over the listed values. */
    private static final java.util.Set<String> TOTAL_CUES = java.util.Set.of("total", "sum", "combined", "together",
            "altogether", "overall", "collectively", "jointly");

    private static final java.util.Set<String> PARTICIPLES = java.util.Set.of("paid", "made", "sold", "bought", "done",
            "held", "run", "won", "lost", "seen", "given", "taken", "kept", "sent", "built", "written", "driven", "flown");

    private static boolean joinedBy(Clause c, List<Mention> values, Set<String> words) {
        for (int k = 1; k < values.size(); k++) {
            for (int i = values.get(k - 1).end(); i < values.get(k).start(); i++) {
                if (words.contains(c.w(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Cardiology or Neurology", "either East or West": alternatives of one set, not groups to compare. */
    private static boolean joinedByOr(Clause c, List<Mention> values) {
        for (int k = 1; k < values.size(); k++) {
            for (int i = values.get(k - 1).end(); i < values.get(k).start(); i++) {
                if (c.w(i).equals("or") || c.w(i).equals("nor")) {
                    int e = c.prev(values.get(0).start());
                    if (e >= 0 && c.w(e).equals("either")) {
                        c.mark(e);
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** "only for the West", "just Furniture": the word that says the filter restricts the rows. */
    private static void markRestriction(Clause c, int valueStart) {
        for (int k = valueStart - 1; k >= Math.max(c.from, valueStart - 4); k--) {
            String w = c.w(k);
            if (w.equals("only") || w.equals("just") || w.equals("solely") || w.equals("exclusively")) {
                c.mark(k);
                return;
            }
            if (c.m(k) != null || !(w.equals("for") || w.equals("in") || w.equals("the") || w.equals("from")
                    || w.equals("of") || w.equals("at"))) {
                return;
            }
        }
    }

    /** "Compare Consumer vs Corporate", "East, West or South": the words that list the compared values. */
    private static void markComparison(Clause c, List<Mention> values) {
        markListJoins(c, values);
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && COMPARE.contains(c.w(i))) {
                c.mark(i);
            }
        }
    }

    /** The words between listed values: "East, West or South", "Consumer vs Corporate". */
    private static void markListJoins(Clause c, List<Mention> values) {
        for (int k = 1; k < values.size(); k++) {
            for (int i = values.get(k - 1).end(); i < values.get(k).start(); i++) {
                if (c.m(i) == null && LIST_JOINS.contains(c.w(i))) {
                    c.mark(i);
                }
            }
        }
    }

    private static final java.util.Set<String> LIST_JOINS = java.util.Set.of("vs", "versus", "and", "or", ",", "against",
            "to", "with");
    private static final java.util.Set<String> COMPARE = java.util.Set.of("compare", "compared", "comparing",
            "comparison", "differ", "difference");

    /** Words between a column and its value: "the genre is Crime", "status equal to Open". */
    private static final java.util.Set<String> COPULAS = java.util.Set.of("is", "are", "was", "were", "either",
            "equal", "equals", "to", "be");

    /** "in the West region", "the category Technology": the column word belongs to the value. */
    private static void absorbColumnWord(Clause c, Mention value) {
        Mention after = c.m(value.end());
        if (after != null && after.isColumn() && after.column().equals(value.column())) {
            c.markMention(after);
        }
        int b = c.prev(value.start());
        while (b > c.from && c.m(b) == null && COPULAS.contains(c.w(b))) {
            b = c.prev(b); // "where the genre is either Crime or History"
        }
        Mention before = b >= 0 ? c.m(b) : null;
        if (before != null && before.isColumn() && before.column().equals(value.column())) {
            c.markMention(before);
        }
    }
}
