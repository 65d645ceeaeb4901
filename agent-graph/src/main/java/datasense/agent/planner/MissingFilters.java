package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;
import java.util.Set;

/**
 * Missing-value filters: "no city recorded", "without a manager", "city is missing", "rating is not null"; and none
 * of a counted thing: "no gold medals", "did not win any bronze", "did not score a goal" (a count column of zero,
 * or blank).
 */
final class MissingFilters {

    private MissingFilters() {
    }

    /** Verbs of getting a counted thing: "how many countries won gold medals". */
    private static final java.util.Set<String> GETTING = java.util.Set.of("won", "win", "wins", "received", "receive",
            "receives", "got", "get", "gets", "earned", "earn", "earns", "took", "take", "claimed", "scored",
            "had", "have", "has", "with", "used", "use", "uses", "applied", "redeemed");

    static void read(Clause c) {
        someOf(c);
        present(c);
        for (int i = c.from; i < c.to; i++) {
            String w = c.w(i);
            if (!c.freeWord(i)) {
                continue;
            }
            int negation = w.equals("any") || w.equals("a") || w.equals("an") || w.equals("single") ? negationBefore(c, i) : -1;
            if (w.equals("no") || w.equals("without") || negation >= 0 || Vocabulary.MISSING.contains(w)) {
                int n = c.next(i);
                Mention after = n >= 0 ? c.m(n) : null;
                if (after != null && after.isColumn() && c.free(after)) {
                    boolean counted = counts(after.column()) && !Vocabulary.MISSING.contains(w);
                    if (!counted && negation >= 0) {
                        continue; // "not ... any city", "not a manager": no reading of a text column
                    }
                    c.filters.add(counted ? none(after.column()) : Filter.of(after.column(), "is_null", null));
                    c.mark(i);
                    if (negation >= 0) {
                        c.mark(negation);
                    }
                    c.markMention(after);
                    continue;
                }
            }
            if (Vocabulary.MISSING.contains(w)) {
                int k = i - 1;
                boolean not = false;
                while (k >= c.from && (c.w(k).equals("is") || c.w(k).equals("are") || c.w(k).equals("was")
                        || c.w(k).equals("not") || c.w(k).equals("were"))) {
                    not |= c.w(k).equals("not");
                    k--;
                }
                Mention before = c.m(k);
                if (before != null && before.isColumn() && c.free(before)) {
                    c.filters.add(Filter.of(before.column(), not ? "not_null" : "is_null", null));
                    c.mark(k + 1, i + 1);
                    c.markMention(before);
                }
            }
        }
    }

    /**
     * "how many accounts churned?", "orders not shipped": an event named by its verb whose date column is blank on
     * the rows where it has not happened (churn_date, ship_date): the rows it happened to have the date, the others
     * lack it. Only for a past form of the verb ("churned", "shipped") and a date column with blanks, when no other
     * condition already bounds that date ("churned in 2023" keeps its year).
     */
    /** The date of an event not every row has had: a date column with blanks (churn_date, returned_on). */
    static boolean eventDate(ColumnProfile col) {
        return col.column().temporal() && col.nulls() > 0;
    }

    /** States of a thing whose ending has not happened: "still open", "outstanding", "unresolved". */
    private static final Set<String> OPEN_STATES = Set.of("open", "outstanding", "pending", "unresolved", "ongoing", "active",
            "unfinished", "incomplete", "unpaid", "unreturned", "unclosed", "unsolved", "unfixed");
    /** Name words of the date a thing ends on: closed_at, completed_on, returned_date. */
    private static final Set<String> END_WORDS = Set.of("closed", "close", "completed", "complete", "resolved",
            "resolve", "finished", "finish", "ended", "end", "returned", "return", "done", "fixed", "paid", "delivered",
            "solved", "discharged", "cancelled", "canceled", "cancel", "churned", "churn", "terminated", "expired", "decided",
            "settled");

    /**
     * True when word {@code i} is the verb of a question asked with do ("how many tickets does a customer open"):
     * "do/does/did", then its subject (an article and a noun or two), then the verb.
     */
    static boolean questionVerb(Clause c, int i) {
        boolean noun = false;
        for (int k = i - 1; k >= Math.max(c.from, i - 4); k--) {
            if (Set.of("do", "does", "did").contains(c.w(k))) {
                return noun; // "do our active subscriptions": no subject noun before "active", an adjective
            }
            noun |= c.m(k) != null || Set.of("they", "we", "you", "i").contains(c.w(k));
            if (!Set.of("a", "an", "the", "each", "every", "one", "our", "your", "their", "they", "we", "you", "i")
                    .contains(c.w(k)) && (c.m(k) == null || c.m(k).kind() == Mention.Kind.VALUE)) {
                return false;
            }
        }
        return false;
    }

    /**
     * "tickets still open", "outstanding jobs", "parcels still in transit": the rows whose ending has not happened, the
     * one date of an ending with blanks (closed_at) left blank. A value Open of a status column is read by the value filters first.
     */
    private static void openStates(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            boolean word = c.freeWord(i) || m != null && m.end() == i + 1 && m.isColumn() && c.free(m)
                    && m.column().column().temporal() && !eventDate(m.column()); // "open" linked to opened_at
            // "still in transit", "still charging", "still out": what has not ended yet, in any words
            boolean still = c.freeWord(i) && c.w(i).equals("still") && i + 1 < c.to && !OPEN_STATES.contains(c.w(i + 1))
                    && !END_WORDS.contains(c.w(i + 1)) && !c.w(i + 1).equals("not");
            if (!still && (!word || !OPEN_STATES.contains(c.w(i)) || questionVerb(c, i))) {
                continue;
            }
            ColumnProfile end = null;
            for (ColumnProfile col : c.index.schema.columns()) {
                if (eventDate(col) && SchemaIndex.words(col.name()).stream().anyMatch(END_WORDS::contains)) {
                    if (end != null) {
                        return; // two endings: which one is not for a rule to say
                    }
                    end = col;
                }
            }
            if (end == null) {
                return;
            }
            if (m != null) {
                c.markMention(m);
            }
            c.mark(i);
            if (c.w(i - 1).equals("still")) {
                c.mark(i - 1);
            }
            c.filters.add(Filter.of(end, "is_null", null));
            c.reading("'" + c.token(i).text() + "' read as " + end.name() + " missing: not ended yet");
            return;
        }
    }

    /** Verbs of an event that did not happen, and the name words of the date it would have filled. */
    private static final java.util.Map<String, Set<String>> MISSED_EVENTS = java.util.Map.of(
            "missed", Set.of("completed", "attended", "done", "visited", "held"),
            "skipped", Set.of("completed", "attended", "done", "taken"));

    /**
     * "how many cars sold", "listings that have not sold": a verb, linked to no column, naming the one date with
     * blanks its event fills (sold: sold_on, also when sold_price is there too); the rows where it is there, or not.
     */
    private static void eventVerbs(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            boolean un = c.w(i).startsWith("un") && c.w(i).length() > 5; // "unsold", "unpaid": not sold, not paid
            String w = un ? c.w(i).substring(2) : c.w(i);
            // and the event's noun: "cancellations per plan", "the most recent cancellation"
            boolean verb = w.endsWith("ed") && w.length() > 4 || Vocabulary.PARTICIPLES.containsValue(w)
                    || !un && (w.endsWith("ion") || w.endsWith("ions")) && w.length() > 6;
            if (!c.freeWord(i) || c.m(i) != null || !verb) {
                continue;
            }
            ColumnProfile event = null;
            for (ColumnProfile col : c.index.schema.columns()) {
                if (eventDate(col) && SchemaIndex.words(col.name()).stream().anyMatch(n -> n.equals(w) || Rates.namesEvent(n, w))) {
                    if (event != null) {
                        return; // two dates of the event: which one is not for a rule to say
                    }
                    event = col;
                }
            }
            boolean opposite = false;
            if (event == null && MISSED_EVENTS.containsKey(w)) {
                // "missed visits" where completed_date is blank on the visits that did not happen
                List<ColumnProfile> ends = c.index.schema.columns().stream().filter(d -> eventDate(d)
                        && SchemaIndex.words(d.name()).stream().anyMatch(MISSED_EVENTS.get(w)::contains)).toList();
                event = ends.size() == 1 ? ends.get(0) : null;
                opposite = event != null;
            }
            ColumnProfile col = event;
            if (col == null || c.filters.stream().anyMatch(f -> col.equals(f.column()))) {
                continue;
            }
            int not = un ? i : c.w(i - 1).equals("not") || c.w(i - 1).equals("never") ? i - 1
                    : c.w(i - 2).equals("not") && c.w(i - 1).equals("yet") ? i - 2 : -1;
            if (not >= 0 && not < i) {
                c.mark(not, i);
            }
            c.mark(i);
            boolean missing = not >= 0 != opposite; // "not missed": completed
            c.filters.add(Filter.of(col, missing ? "is_null" : "not_null", null));
            c.reading("'" + c.token(i).text() + "' read as " + col.name() + (missing ? " missing" : " present")
                    + ": the rows where it " + (missing ? "has not happened" : "happened"));
        }
    }

    static void eventDates(Clause c) {
        openStates(c);
        eventVerbs(c);
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m == null || m.start() != i || m.end() != i + 1 || !m.isColumn() || !eventDate(m.column())
                    || !c.token(i).norm().endsWith("ed")) {
                continue;
            }
            ColumnProfile col = m.column();
            if (c.filters.stream().anyMatch(f -> col.equals(f.column()))) {
                continue;
            }
            int not = -1;
            for (int k = i - 1; k >= Math.max(c.from, i - 2); k--) {
                if (c.w(k).equals("not") || c.w(k).equals("never")) {
                    not = k;
                }
            }
            if (not >= 0) {
                c.mark(not);
            }
            c.filters.add(Filter.of(col, not >= 0 ? "is_null" : "not_null", null));
            c.reading("'" + c.token(i).text() + "' read as " + col.name() + (not >= 0 ? " missing" : " present")
                    + ": the rows where it " + (not >= 0 ? "has not happened" : "happened"));
        }
    }

    private static final Set<String> RELATIVES = Set.of("that", "which", "who", "whose");

    /**
     * "applications that got an offer", "how many applications have an interview date": a thing said to get or have
     * one of something a column records, blank on other rows (offer_salary, interview_date), is the rows where it is
     * there (above 0 for a count or amount, as {@link #someOf} reads "had a discount"). Only after the thing or a
     * relative pronoun, and only with "a" or "an".
     */
    private static void present(Clause c) {
        for (int i = c.from + 1; i + 2 < c.to; i++) {
            Mention before = c.m(c.prev(i));
            boolean subject = RELATIVES.contains(c.w(i - 1)) || c.isRowNoun(i - 1)
                    || before != null && before.end() == i && before.kind() == Mention.Kind.ENTITY;
            if (!c.freeWord(i) || !GETTING.contains(c.w(i)) || c.w(i).equals("with") || !subject
                    || !(c.w(i + 1).equals("a") || c.w(i + 1).equals("an"))) {
                continue;
            }
            Mention thing = c.m(i + 2);
            if (thing == null || thing.start() != i + 2 || !thing.isColumn() || !c.free(thing) || thing.column().nulls() == 0
                    || thing.column().type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")
                    || c.w(thing.end()).equals("of")) { // "have a score of 100": that much
                continue;
            }
            boolean counted = counts(thing.column()); // "got a discount": some of it, as someOf reads it
            c.filters.add(counted ? Filter.of(thing.column(), "gt", java.math.BigDecimal.ZERO)
                    : Filter.of(thing.column(), "not_null", null));
            c.mark(i, i + 2);
            c.markMention(thing);
            c.reading("'" + c.text(i, thing.end()) + "' read as " + thing.column().name() + (counted ? " above 0" : " present"));
        }
    }

    /**
     * "how many countries received silver medals", "how many orders had a discount": those with some of a counted
     * thing, its column above zero, when the question counts something else (the countries) and no number says how
     * many of the thing; and "discounted orders", a participle of it before what is counted.
     */
    private static void someOf(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            // "discounted orders": a participle of a counted thing before what is counted
            if (m != null && m.start() == i && m.end() == i + 1 && m.isColumn() && c.free(m) && counts(m.column())
                    && c.w(i).endsWith("ed") && c.m(i + 1) != null && (c.m(i + 1).kind() == Mention.Kind.ENTITY
                    || c.isRowNoun(i + 1)) && !Vocabulary.SUPERLATIVES.containsKey(c.w(i - 1))
                    && !Set.of("more", "less", "fewer").contains(c.w(i - 1))) { // "the most reviewed" ranks by it
                c.filters.add(Filter.of(m.column(), "gt", java.math.BigDecimal.ZERO));
                c.markMention(m);
                c.reading("'" + c.token(i).text() + "' read as " + m.column().name() + " above 0");
                return;
            }
        }
        if (!c.asksHowMany()) {
            return;
        }
        boolean countsOther = false;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && (m.kind() == Mention.Kind.ENTITY || m.isColumn() && !m.column().column().numeric())) {
                countsOther = true; // "how many countries": the thing counted comes before its verb
            }
            if (!countsOther || !c.freeWord(i) || !GETTING.contains(c.w(i))) {
                continue;
            }
            int n = i + 1;
            while (n < c.to && c.freeWord(n) && java.util.Set.of("any", "some", "the", "a", "an").contains(c.w(n))) {
                n++;
            }
            Mention thing = c.m(n);
            boolean article = n > i + 1; // "had a discount": some of it; "had discounts" too for whole counts
            boolean amount = c.w(thing == null ? n : thing.end()).equals("of") && c.isNum((thing == null ? n : thing.end()) + 1);
            if (thing != null && thing.start() == n && thing.isColumn() && c.free(thing) && counts(thing.column())
                    && !amount // "have a score of 100": that much, read by the number's own stage
                    && (article || !GENERAL_VERBS.contains(c.w(i)) || isWhole(thing.column()))) {
                c.filters.add(Filter.of(thing.column(), "gt", java.math.BigDecimal.ZERO));
                c.mark(i, n);
                c.markMention(thing);
                c.reading("'" + c.text(i, thing.end()) + "' read as " + thing.column().name() + " above 0");
                return;
            }
        }
    }

    /** Verbs too general to mean "got some" before a bare noun: "orders with discount rates" is no condition. */
    private static final java.util.Set<String> GENERAL_VERBS = java.util.Set.of("had", "have", "has", "with");

    /** Whole numbers, as the rest of the planner tells them: an INT type. */
    private static boolean isWhole(ColumnProfile col) {
        return col.type().toUpperCase(java.util.Locale.ROOT).contains("INT");
    }

    /**
     * A column of amounts from zero: whole counts never below zero (medals, goals, wins), or any number whose least
     * value is zero (a discount): "no gold", "no discount" is zero of it, not a blank cell.
     */
    static boolean counts(ColumnProfile col) {
        if (!col.column().numeric() || col.min() == null || SchemaIndex.isIdLike(col)) {
            return false;
        }
        try {
            int sign = new java.math.BigDecimal(col.min()).signum();
            return isWhole(col) ? sign >= 0 : sign == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Zero of a counted thing; a blank cell counts as none too when the column has blanks. */
    private static Filter none(ColumnProfile col) {
        Filter zero = Filter.of(col, "eq", java.math.BigDecimal.ZERO);
        return col.nulls() > 0 ? Filter.any(List.of(zero, Filter.of(col, "is_null", null))) : zero;
    }

    /** The free "not"/"never" up to three words before "any" or "a" at {@code i} ("did not win any"), or -1. */
    private static int negationBefore(Clause c, int i) {
        for (int k = i - 1; k >= Math.max(c.from, i - 3); k--) {
            if (c.freeWord(k) && (c.w(k).equals("not") || c.w(k).equals("never"))) {
                return k;
            }
        }
        return -1;
    }
}
