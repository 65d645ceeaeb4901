package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;

/**
 * Missing-value filters: "no city recorded", "without a manager", "city is missing", "rating is not null"; and none
 * of a counted thing: "no gold medals", "did not win any bronze", "did not score a goal" (a count column of zero,
 * or blank).
 */
final class MissingFilters {

    private MissingFilters() {
    }

    static void read(Clause c) {
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

    /** A column of whole counts from zero (medals, goals, wins): "no gold" is zero of them, not a blank cell. */
    static boolean counts(ColumnProfile col) {
        if (!col.column().numeric() || col.type().toUpperCase(java.util.Locale.ROOT).matches(".*(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC).*")) {
            return false;
        }
        try {
            return col.min() != null && new java.math.BigDecimal(col.min()).signum() >= 0;
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
