package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * Rates of an event the rows record: "cancellation rate by channel", "churn rate", "pass rate per class". The noun
 * before "rate" names a yes/no column ("cancelled") or the date of an event not every row has ("churn_date"), in
 * another form of the same word; the rate is the percent of rows where it is yes or there, per group when grouped.
 */
final class Rates {

    private Rates() {
    }

    static void read(Clause c) {
        for (int i = c.from + 1; i < c.to; i++) {
            Mention word = c.m(i);
            // "rate" alone may also name a column of rates in part (conversion_rate): the event before it decides
            boolean alone = c.freeWord(i) || word != null && word.start() == i && word.end() == i + 1 && c.free(word);
            if (!alone || !c.w(i).equals("rate")) {
                continue;
            }
            ColumnProfile flag = flagNamed(c, i - 1);
            ColumnProfile opposite = flag == null && c.freeWord(i - 1) ? FlagFilters.oppositeOf(c, i - 1) : null;
            if (flag == null && opposite == null) {
                valueRate(c, i, word);
                continue;
            }
            if (word != null) {
                c.markMention(word);
            }
            Measure rate = flag != null ? Measure.rate(flag) : Measure.rateNot(opposite); // "failure rate": not passed
            flag = flag != null ? flag : opposite;
            c.measures.add(rate);
            int from = i - 1;
            while (from - 1 >= c.from && c.m(from - 1) != null && c.m(from - 1).isColumn()
                    && c.m(from - 1).column().equals(flag) && c.free(c.m(from - 1))) {
                from = c.m(from - 1).start(); // "repeat guest rate": both words name is_repeat_guest
            }
            for (int k = from; k < i; k++) {
                if (c.m(k) != null) {
                    c.markMention(c.m(k));
                }
            }
            c.mark(from, i + 1);
            c.reading("'" + c.text(from, i + 1) + "' read as the " + rate.describe().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * "hire rate" where the word before "rate" was read as a value (stage = 'Hired'): the part of the rows with that
     * value, in place of a condition that would keep only them.
     */
    private static void valueRate(Clause c, int i, Mention word) {
        Mention value = c.m(i - 1);
        if (value == null || value.kind() != Mention.Kind.VALUE || value.end() != i || value.value() == null
                || value.column().column().numeric()) {
            return;
        }
        Filter kept = Filter.of(value.column(), "eq", value.value());
        if (!c.filters.remove(kept)) {
            return;
        }
        if (word != null) {
            c.markMention(word);
        }
        c.mark(i);
        Measure rate = Measure.rateOf(value.column(), String.valueOf(value.value()));
        c.measures.add(rate);
        c.reading("'" + c.text(value.start(), i + 1) + "' read as the " + rate.describe().toLowerCase(java.util.Locale.ROOT));
    }

    /** The yes/no or event-date column the word at {@code k} names in another form ("cancellation": cancelled). */
    private static ColumnProfile flagNamed(Clause c, int k) {
        Mention m = c.m(k);
        if (m != null && m.isColumn() && eventColumn(m.column())) {
            return m.column();
        }
        if (m != null || !c.freeWord(k)) {
            return null;
        }
        String word = c.w(k);
        ColumnProfile found = null;
        for (ColumnProfile col : c.index.schema.columns()) {
            if (eventColumn(col) && SchemaIndex.words(col.name()).stream().anyMatch(w -> namesEvent(w, word))) {
                if (found != null) {
                    return null; // two columns of the event: which one is not for a rule to say
                }
                found = col;
            }
        }
        return found;
    }

    private static boolean eventColumn(ColumnProfile col) {
        return col.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL") || MissingFilters.eventDate(col);
    }

    /** A column's name word said as a verb: "sold" or "sell" for sold_on, "closed" for closed_at. */
    static boolean namesEvent(String nameWord, String word) {
        return sameStem(nameWord, word) || nameWord.equals(Vocabulary.PARTICIPLES.get(word))
                || Vocabulary.pastTenseStems(nameWord).contains(word); // "payment" of paid_date, "shipment" of shipped_at
    }

    /** Two forms of one word: "cancellation" and "cancelled", "readmission" and "readmitted", "pass" and "passed". */
    static boolean sameStem(String a, String b) {
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 6 || common >= 4 && common == Math.min(a.length(), b.length());
    }
}
