package datasense.agent.planner;

/** Missing-value filters: "no city recorded", "without a manager", "city is missing", "rating is not null". */
final class MissingFilters {

    private MissingFilters() {
    }

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            String w = c.w(i);
            if (!c.freeWord(i)) {
                continue;
            }
            if (w.equals("no") || w.equals("without") || Vocabulary.MISSING.contains(w)) {
                int n = c.next(i);
                Mention after = n >= 0 ? c.m(n) : null;
                if (after != null && after.isColumn() && c.free(after)) {
                    c.filters.add(Filter.of(after.column(), "is_null", null));
                    c.mark(i);
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
}
