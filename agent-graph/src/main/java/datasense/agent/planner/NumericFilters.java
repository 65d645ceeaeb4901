package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Comparisons of a numeric column with a number ("discount greater than 0.2", "between 10 and 20",
 * "at least 3", "under 100", "above 20%") and sign words ("negative profit", "unprofitable").
 */
final class NumericFilters {

    private NumericFilters() {
    }

    static void comparisons(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            if (c.w(i).equals("between") && c.isNum(i + 1) && c.w(i + 2).equals("and") && c.isNum(i + 3)) {
                ColumnProfile col = numericNear(c, i, i + 4);
                if (col != null) {
                    c.filters.add(new Filter(col, "between", null, List.of(num(c, i + 1, col), num(c, i + 3, col))));
                    c.mark(i, i + 4);
                }
                continue;
            }
            for (Map.Entry<List<String>, String> e : Vocabulary.COMPARATORS) {
                List<String> phrase = e.getKey();
                if (!c.phraseAt(i, phrase)) {
                    continue;
                }
                int n = i + phrase.size();
                if (!c.isNum(n) || c.used[n]) {
                    break;
                }
                int end = n + 1;
                ColumnProfile col = phrase.get(0).equals("older") || phrase.get(0).equals("younger")
                        ? c.index.primaryMeasure(List.of("age")) : numericNear(c, i, end);
                if (col == null) {
                    break;
                }
                c.filters.add(Filter.of(col, e.getValue(), num(c, n, col)));
                c.mark(i, end);
                if (c.w(end).equals("%")) {
                    c.mark(end);
                }
                break;
            }
        }
    }

    /** A number for a comparison with {@code col}; "20%" of a 0..1 column becomes 0.2. */
    static BigDecimal num(Clause c, int i, ColumnProfile col) {
        BigDecimal v = new BigDecimal(c.token(i).norm());
        if (c.w(i + 1).equals("%") && col.max() != null) {
            try {
                if (Double.parseDouble(col.max()) <= 1.0) {
                    v = v.movePointLeft(2);
                }
            } catch (NumberFormatException ignored) {
                // a non-numeric max means no rescaling
            }
        }
        return v;
    }

    /** The numeric column a comparison at [start, end) is about: the nearest one before it, else after. */
    private static ColumnProfile numericNear(Clause c, int start, int end) {
        for (int k = start - 1; k >= Math.max(c.from, start - 6); k--) {
            Mention mention = c.m(k);
            if (mention != null && mention.isColumn() && mention.column().column().numeric() && c.free(mention)) {
                c.markMention(mention);
                return mention.column();
            }
        }
        Mention after = c.m(end);
        if (after != null && after.isColumn() && after.column().column().numeric() && c.free(after)) {
            c.markMention(after);
            return after.column();
        }
        return null;
    }

    /** The numeric column that a predicate after it describes: "profit was negative", "margin is positive". */
    private static Mention subjectBefore(Clause c, int i) {
        int k = i - 1;
        while (k >= c.from && c.m(k) == null && (c.w(k).equals("is") || c.w(k).equals("was") || c.w(k).equals("are")
                || c.w(k).equals("were") || c.w(k).equals("be") || c.w(k).equals("been"))) {
            c.mark(k);
            k--;
        }
        Mention m = c.m(k);
        return m != null && m.isColumn() && m.column().column().numeric() && c.free(m) ? m : null;
    }

    static void signs(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            String w = c.w(i);
            if (!c.freeWord(i)) {
                continue;
            }
            String op = switch (w) {
                case "negative", "loss", "losses", "unprofitable" -> "lt";
                case "positive", "profitable" -> "gt";
                default -> null;
            };
            if (op == null) {
                continue;
            }
            ColumnProfile col = null;
            int n = c.next(i);
            Mention after = n >= 0 ? c.m(n) : null;
            boolean signWord = w.equals("negative") || w.equals("positive");
            Mention before = signWord ? subjectBefore(c, i) : null;
            if (signWord && after != null && after.isColumn() && after.column().column().numeric()) {
                col = after.column();
                c.markMention(after);
            } else if (before != null) {
                col = before.column(); // "months where profit was negative"
                c.markMention(before);
            } else if (!signWord) {
                col = c.index.primaryMeasure(List.of("profit"));
                if (col != null) {
                    c.reading("'" + c.token(i).text() + "' read as " + col.name() + (op.equals("lt") ? " < 0" : " > 0"));
                }
            }
            if (col != null) {
                c.filters.add(Filter.of(col, op, BigDecimal.ZERO));
                c.mark(i);
            }
        }
    }
}
