package datasense.agent.planner;

import java.util.Locale;

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

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            int by = c.prev(i);
            // "what percentage of rentals are by members": "by" after a copula names who did it, a condition
            boolean agent = by > c.from && c.w(by).equals("by") && AGENT_VERBS.contains(c.w(by - 1));
            if (mention == null || mention.start() != i || !mention.isColumn() || !c.free(mention)
                    || !mention.column().type().toUpperCase(Locale.ROOT).startsWith("BOOL")
                    || !agent && c.groupWordBefore(i)) {
                continue;
            }
            int p = c.prev(i);
            if (p > c.from && POSSESSION.contains(c.w(p)) && NEGATIONS.contains(c.w(p - 1))) {
                c.mark(p); // "households that do not have a smart meter": the negation is of having it
                p--;
            }
            boolean negated = false;
            if (p >= 0 && (c.w(p).equals("not") || c.w(p).equals("no") || c.w(p).equals("non")
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
            c.markMention(mention);
            if (agent) {
                c.mark(by);
            }
            c.filters.add(Filter.of(mention.column(), "eq", !negated));
            c.reading("'" + c.text(p >= 0 && negated ? p : i, mention.end()) + "' read as "
                    + mention.column().name() + " = " + !negated);
        }
    }
}
