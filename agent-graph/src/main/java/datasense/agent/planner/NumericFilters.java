package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Comparisons of a numeric column with a number ("discount greater than 0.2", "between 10 and 20",
 * "at least 3", "under 100", "above 20%") and sign words ("negative profit", "unprofitable").
 */
final class NumericFilters {

    private NumericFilters() {
    }

    /** Comparative adjectives and the column fragments they are about: "trips longer than 10 km". */
    static final Map<String, List<String>> COMPARATIVE_HINTS = Map.ofEntries(
            Map.entry("longer", List.of("distance", "length", "duration", "km", "mile", "minutes", "hours", "time")),
            Map.entry("shorter", List.of("distance", "length", "duration", "km", "mile", "minutes", "hours", "time")),
            Map.entry("farther", List.of("distance", "km", "mile")),
            Map.entry("further", List.of("distance", "km", "mile")),
            Map.entry("older", List.of("age")), Map.entry("younger", List.of("age")),
            Map.entry("aged", List.of("age")),
            Map.entry("cheaper", List.of("price", "cost", "fare", "amount")),
            Map.entry("pricier", List.of("price", "cost", "fare", "amount")),
            Map.entry("costlier", List.of("price", "cost", "fare", "amount")),
            Map.entry("cost", List.of("cost", "price", "fare", "amount")),
            Map.entry("costs", List.of("cost", "price", "fare", "amount")),
            Map.entry("costing", List.of("cost", "price", "fare", "amount")),
            Map.entry("priced", List.of("price", "cost")),
            Map.entry("heavier", List.of("weight", "kg", "mass")), Map.entry("lighter", List.of("weight", "kg", "mass")),
            Map.entry("taller", List.of("height", "elevation", "altitude")), Map.entry("weigh", List.of("weight", "kg", "lb")),
            Map.entry("earn", List.of("salary", "income", "pay", "wage")), Map.entry("earns", List.of("salary", "income", "pay", "wage")),
            Map.entry("paid", List.of("salary", "pay", "wage", "amount", "fare", "price")),
            Map.entry("rated", List.of("rating", "score", "stars")),
            Map.entry("stronger", List.of("abv", "alcohol", "strength", "proof")),
            Map.entry("weaker", List.of("abv", "alcohol", "strength", "proof")),
            Map.entry("scored", List.of("score", "points", "goals")),
            Map.entry("win", List.of("won", "wins", "w")), Map.entry("won", List.of("won", "wins", "w")),
            Map.entry("lose", List.of("lost", "losses", "l")), Map.entry("lost", List.of("lost", "losses", "l")),
            Map.entry("draw", List.of("drawn", "draws", "d")), Map.entry("drew", List.of("drawn", "draws", "d")),
            Map.entry("lasted", List.of("duration", "length", "minutes", "days")));

    /** Comparative adjectives on the small side: "shorter than", "cheaper than" keep the rows below. */
    static final java.util.Set<String> SMALLER = java.util.Set.of("shorter", "cheaper", "lighter", "younger");

    /** Words that make a threshold a loss: "a loss of over 500", "lost more than 2,000". */
    private static final java.util.Set<String> LOSS = java.util.Set.of("loss", "losses", "lost", "lose", "losing");

    /**
     * The one numeric column kept in the unit said at token {@code k} ("litres": variance_litres) that goes below
     * zero, where a loss is a negative amount; null when none or several are.
     */
    private static ColumnProfile signedInUnit(Clause c, int k) {
        if (k >= c.to || !Vocabulary.MEASURE_UNITS.contains(c.token(k).singular())) {
            return null;
        }
        String unit = c.token(k).singular();
        List<ColumnProfile> signed = c.index.schema.columns().stream().filter(col -> col.column().numeric()
                && SchemaIndex.words(col.name()).stream().anyMatch(w -> w.equals(unit)
                || SchemaIndex.UNIT_ABBREVIATIONS.getOrDefault(w, List.of()).contains(unit))
                && SchemaIndex.goesBelowZero(col)).toList();
        return signed.size() == 1 ? signed.get(0) : null;
    }
    /** Words that mean the table-wide average: "above the average fare", "below average". */
    private static final java.util.Set<String> AVERAGE_WORDS = java.util.Set.of("average", "mean", "typical");

    static void comparisons(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            if (c.w(i).equals("between") && c.isNum(i + 1) && c.w(i + 2).equals("and") && c.isNum(i + 3)) {
                ColumnProfile col = numericNear(c, i, i + 4);
                if (col == null) {
                    col = hinted(c, c.w(i), i); // "members aged between 20 and 30"
                }
                if (col != null) {
                    c.addFilter(new Filter(col, "between", null, List.of(num(c, i + 1, col), num(c, i + 3, col))), i);
                    c.mark(i, i + 4);
                    unit(c, i + 4, col);
                }
                continue;
            }
            String adjective = c.w(i);
            if ((adjective.equals("longer") || adjective.equals("shorter")) && c.w(i + 1).equals("than") && c.freeWord(i)
                    && timeThreshold(c, i, i + 2, adjective.equals("longer") ? "gt" : "lt")) {
                continue; // "lasted longer than an hour"
            }
            if (COMPARATIVE_HINTS.containsKey(adjective) && adjective.endsWith("er") && c.w(i + 1).equals("than")
                    && (c.isNum(i + 2) || c.freeWord(i + 2) && NumberWords.value(c.w(i + 2)) != null) && !c.used[i + 2]) {
                // "trips longer than 10 km", "canals longer than thirty miles": the adjective names the column and the side
                threshold(c, i, i + 2, SMALLER.contains(adjective) ? "lt" : "gt", List.of(adjective, "than"));
                continue;
            }
            if (moreThanTheAverage(c, i)) {
                continue;
            }
            boolean comparative = COMPARATIVE_HINTS.containsKey(adjective) && adjective.endsWith("er")
                    || ABOVE_ROW.contains(adjective) || BELOW_ROW.contains(adjective);
            int mean = comparative && !Set.of("more", "less", "fewer").contains(adjective) && c.w(i + 1).equals("than")
                    ? averageAfter(c, i + 2) : -1;
            if (mean >= 0) {
                // "deals bigger than the average deal amount", "rides that went further than the average ride"
                aboveAverage(c, i, mean, BELOW_ROW.contains(adjective) || SMALLER.contains(adjective) ? "lt" : "gt");
                continue;
            }
            Map.Entry<List<String>, String> e = comparatorAt(c, i);
            if (e == null) {
                continue;
            }
            List<String> phrase = e.getKey();
            int n = i + phrase.size();
            if (c.w(n).equals(",") && c.isNum(n + 1)) {
                c.mark(n); // "got, at most, 2% of the votes": the comparison set off by commas
                n++;
            }
            if ((c.w(n).equals("a") || c.w(n).equals("an")) && c.freeWord(n) && c.isNum(n + 1)) {
                c.mark(n); // "at least a 4.1 rating": the article of the measure the number is of
                n++;
            }
            if (timeThreshold(c, i, n, e.getValue())) {
                continue; // "waited more than 2 hours", "over 90 minutes"
            }
            if (columnOfNumber(c, i, n, phrase, e.getValue())) {
                continue; // "at least an average of 0.70": the column named between the comparison and its number
            }
            int avg = averageAfter(c, n);
            BigDecimal often = timesAt(c, n);
            if (often != null && avg < 0) {
                // "policies that claimed more than once", "customers who ordered at least 3 times": rows per thing
                String op = negatedBefore(c, i, phrase, e.getValue());
                c.addFilter(Filter.onMeasure(new Measure(Agg.COUNT, null), op, often), i);
                c.mark(i, c.w(n).equals("times") || c.w(n + 1).equals("times") && value(c, n) != null ? n + 2 : n + 1);
                continue;
            }
            if (avg < 0 && (value(c, n) == null || c.used[n])) {
                continue;
            }
            String op = negatedBefore(c, i, phrase, e.getValue());
            if (avg >= 0) {
                aboveAverage(c, i, avg, op);
            } else {
                threshold(c, i, n, op, phrase);
            }
        }
        orMore(c);
        yearsOld(c);
        occurrences(c);
        counts(c);
        columnThenNumber(c);
        ordinalThenColumn(c);
        alternatives(c);
    }

    private static final java.util.regex.Pattern WRITTEN_ORDINAL = java.util.regex.Pattern.compile("(\\d{1,3})(st|nd|rd|th)");

    /**
     * "in the 6th heat", "the second round": an ordinal before a column that numbers heats, rounds or weeks is
     * that column's value ("first" and "last" are left to the time superlatives: "the first opponent").
     */
    private static void ordinalThenColumn(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            if (!c.freeWord(i) || c.w(i).equals("first") || c.w(i).equals("last")) {
                continue;
            }
            java.util.regex.Matcher written = WRITTEN_ORDINAL.matcher(c.w(i));
            Integer n = written.matches() ? Integer.valueOf(written.group(1)) : NumberWords.ordinal(c.w(i));
            Mention m = c.m(i + 1);
            if (n == null || m == null || m.start() != i + 1 || !m.isColumn() || !c.free(m)
                    || !m.column().type().toUpperCase(java.util.Locale.ROOT).contains("INT")
                    || !Doubts.numbersRows(m.column(), c.index.schema.rows()) || !within(m.column(), BigDecimal.valueOf(n))) {
                continue;
            }
            c.addFilter(Filter.of(m.column(), "eq", n), i);
            c.mark(i);
            c.markMention(m);
            c.reading("'" + c.text(i, m.end()) + "' read as " + m.column().name() + " = " + n);
        }
    }

    /** The comparator phrase ("at least", "more than", "over") the unexplained words at {@code i} spell, or null. */
    static Map.Entry<List<String>, String> comparatorAt(Clause c, int i) {
        for (Map.Entry<List<String>, String> e : Vocabulary.COMPARATORS) {
            if (c.phraseAt(i, e.getKey()) && !(e.getKey().get(0).equals("only") && theOnlyOne(c, i, e.getKey().size()))) {
                return e;
            }
        }
        return null;
    }

    /** Words after "the only one" that make "one" a thing, not a count: "the only one to finish", "only one of". */
    private static final java.util.Set<String> PRONOUN_ONE = java.util.Set.of("to", "that", "who", "which", "of", "whose");

    /**
     * "the only team", "the only one to score": "only" picks out a single thing there, it does not count; "with
     * only two players" does.
     */
    private static boolean theOnlyOne(Clause c, int i, int size) {
        return c.w(i - 1).equals("the") || PRONOUN_ONE.contains(c.w(i + size + 1));
    }

    /** Comparatives of the larger side and of the smaller, as said before "than" a named row. */
    private static final java.util.Set<String> ABOVE_ROW = java.util.Set.of("more", "higher", "greater", "larger",
            "bigger", "taller", "older", "longer", "heavier");
    private static final java.util.Set<String> BELOW_ROW = java.util.Set.of("less", "fewer", "lower", "smaller",
            "shorter", "younger", "lighter");

    /**
     * A comparison with a named row rather than a number: "networks with more affiliates than Canal 5", "islands
     * with an area larger than Ithaki", "players taller than Frank Millard": the column against its value in the
     * row the name picks. Runs before value filters, so the name is the row compared with, not a condition.
     */
    static void thanNamedRow(Clause c) {
        for (int t = c.from; t < c.to; t++) {
            if (!c.w(t).equals("than") || !c.freeWord(t)) {
                continue;
            }
            int n = c.w(t + 1).equals("the") ? t + 2 : t + 1;
            Mention name = c.m(n);
            if (name == null || name.start() != n || name.kind() != Mention.Kind.VALUE || !"eq".equals(name.op())
                    || !c.free(name) || !namesRows(c, name.column())) {
                continue;
            }
            int k = t - 1;
            Mention named = c.m(k); // "more affiliates than": the column between
            ColumnProfile col = named != null && named.isColumn() && c.free(named) && named.column().column().numeric()
                    ? named.column() : null;
            if (col != null) {
                k = named.start() - 1;
            }
            String word = c.w(k);
            String op = ABOVE_ROW.contains(word) ? "gt" : BELOW_ROW.contains(word) ? "lt" : null;
            if (op == null || !c.freeWord(k)) {
                continue;
            }
            Mention before = c.m(k - 1); // "a population higher than"
            if (col == null && before != null && before.isColumn() && c.free(before) && before.column().column().numeric()) {
                col = before.column();
                named = before;
            }
            if (col == null) {
                col = hinted(c, word, k); // "taller than"
                named = null;
            }
            if (col == null) {
                continue;
            }
            Filter.Average row = Filter.Average.ofRow(col, c.index.schema.table(), Filter.of(name.column(), "eq", name.value()));
            c.addFilter(Filter.of(col, op, row), k);
            c.mark(k, name.end());
            if (named != null) {
                c.markMention(named);
            }
            c.reading("'" + c.text(named != null ? Math.min(named.start(), k) : k, name.end()) + "' read as " + col.name()
                    + (op.equals("gt") ? " above " : " below ") + row.describe());
        }
    }

    /** A text column that names the rows, nearly one value each: a row named by its value can be compared with. */
    private static boolean namesRows(Clause c, ColumnProfile col) {
        long rows = c.index.schema.rows();
        return !col.column().numeric() && rows > 2 && col.distinct() * 10 >= (rows - col.nulls()) * 8;
    }

    /** The opposite comparison: "not more than 5" keeps 5 and below, "not under 10" keeps 10 and above. */
    private static final Map<String, String> OPPOSITE = Map.of("gt", "le", "ge", "lt", "lt", "ge", "le", "gt",
            "eq", "ne", "ne", "eq");

    /**
     * {@code op}, or its opposite when the comparison at {@code i} is negated: "not greater than", "did not exceed",
     * "did not score more than" (a verb between), "no less than" ("no more than" is a phrase of its own); the negating
     * word is marked.
     */
    static String negatedBefore(Clause c, int i, List<String> phrase, String op) {
        if (phrase.get(0).equals("no")) {
            return op;
        }
        int k = i - 1;
        if (k > c.from && c.freeWord(k) && c.freeWord(k - 1) && c.w(k - 1).equals("not")) {
            k--; // "did not score more than 20"
        }
        boolean not = k >= c.from && c.freeWord(k) && (c.w(k).equals("not") || c.w(k).equals("never"));
        if (!not) {
            // "do not have a current magnitude greater than zero": the negated verb and the column compared between
            int j = i - 1;
            while (j > c.from && (c.m(j) != null && c.m(j).isColumn() || HAVE_WORDS.contains(c.w(j)))) {
                j = c.m(j) != null ? c.m(j).start() - 1 : j - 1;
            }
            if (j < i - 2 && j >= c.from && c.freeWord(j) && (c.w(j).equals("not") || c.w(j).equals("never"))) {
                k = j;
                not = true;
            }
        }
        boolean no = k == i - 1 && k >= c.from && c.freeWord(k) && c.w(k).equals("no") && phrase.size() == 2
                && phrase.get(1).equals("than");
        if (!not && !no) {
            return op;
        }
        c.mark(k, k + 1);
        return OPPOSITE.getOrDefault(op, op);
    }

    /** Words between a negation and the comparison it turns: "do not have a ... greater than". */
    private static final Set<String> HAVE_WORDS = Set.of("have", "has", "had", "a", "an", "the", "any", "its", "their");

    /** The one numeric column whose name holds the unit word ("days" in length_of_stay_days), or null. */
    private static ColumnProfile namedByUnit(Clause c, String unit) {
        List<ColumnProfile> named = c.index.schema.columns().stream()
                .filter(col -> col.column().numeric() && SchemaIndex.words(col.name()).contains(unit)).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    private static final java.util.Set<String> OR_MORE = java.util.Set.of("more", "over", "above", "older", "greater",
            "higher", "longer", "larger", "bigger", "later");
    private static final java.util.Set<String> OR_LESS = java.util.Set.of("less", "fewer", "under", "below", "younger",
            "lower", "shorter", "smaller", "earlier");

    /**
     * "aged 65 or older", "10 days or more", "5 or under": a bound that includes its number. The column is one named
     * near it, else the one the adjective or the word before hints ("older": an age).
     */
    private static void orMore(Clause c) {
        for (int i = c.from; i + 2 < c.to; i++) {
            if (c.used[i] || value(c, i) == null) {
                continue;
            }
            // "10 days or more": a unit may sit between the number and "or"
            int or = c.freeWord(i + 1) && UNITS.contains(c.token(i + 1).singular()) ? i + 2 : i + 1;
            String side = c.w(or + 1);
            boolean more = OR_MORE.contains(side);
            if (!(c.w(or).equals("or") || c.w(or).equals("and")) || !(more || OR_LESS.contains(side))
                    || !c.freeWord(or) || !c.freeWord(or + 1)) {
                continue;
            }
            ColumnProfile col = numericNear(c, i, or + 2);
            if (col == null) {
                col = hinted(c, side, i);
            }
            if (col == null && i - 1 >= c.from && c.freeWord(i - 1)) {
                col = hinted(c, c.w(i - 1), i - 1); // "aged 65 or over"
            }
            if (col == null && or > i + 1) {
                col = namedByUnit(c, c.token(i + 1).singular()); // "10 days or more": length_of_stay_days
            }
            if (col == null) {
                continue;
            }
            if (i - 1 >= c.from && c.freeWord(i - 1) && COMPARATIVE_HINTS.containsKey(c.w(i - 1))) {
                c.mark(i - 1); // "aged"
            }
            c.addFilter(Filter.of(col, more ? "ge" : "le", num(c, i, col)), i);
            c.mark(i, or + 2);
            c.reading("'" + DateGrammar.text(c, i, or + 2) + "' read as " + col.name() + (more ? " >= " : " <= ")
                    + value(c, i).toPlainString());
        }
    }


    /** Verbs of having before a count: "states that had 3 seats", "teams with 2 titles", "who scored 5 goals". */
    private static final java.util.Set<String> HAVING = java.util.Set.of("had", "has", "have", "having", "with",
            "won", "win", "wins", "scored", "score", "got", "get", "earned", "took", "held", "holds");

    /**
     * "belongs to rank 10", "in week 5", "his high checkout as 116": a whole number right after a column of whole
     * numbers (or after "as", "of" or "is" following it), within the column's range, is that column's value.
     */
    private static void columnThenNumber(Clause c) {
        for (int i = c.from + 1; i < c.to; i++) {
            if (c.used[i] || !c.isNum(i)) {
                continue;
            }
            int k = Set.of("as", "of", "is", "=").contains(c.w(i - 1)) && c.freeWord(i - 1) ? i - 2 : i - 1;
            Mention m = c.m(k);
            // "a score of 100", "a rating of 4.5": an article, the column, "of" and a number name that much of it
            boolean amountOf = m != null && c.w(i - 1).equals("of") && Set.of("a", "an").contains(c.w(m.start() - 1))
                    && m.isColumn() && m.column().column().numeric();
            if ((c.token(i).norm().contains(".") || c.token(i).norm().startsWith("-")) && !amountOf) {
                continue;
            }
            if (m == null || m.end() != k + 1 || !m.isColumn() || !c.free(m) || !within(m.column(), value(c, i))
                    || !m.column().type().toUpperCase(java.util.Locale.ROOT).contains("INT") && !amountOf) {
                continue;
            }
            // "weeks 1 and 2", "episodes 1 & 2": more of its values; "weeks 1 through 4", "between picks 148 and 168": a span
            List<Object> values = new ArrayList<>(List.of(value(c, i)));
            int end = i + 1;
            boolean span = false;
            while (true) {
                int next = c.w(end).equals(",") && c.w(end + 1).equals("and") ? end + 2 : end + 1;
                String join = c.w(end);
                if (next >= c.to || !c.isNum(next) || c.used[next] || !within(m.column(), value(c, next))
                        || !Set.of("and", "&", ",", "or", "through", "to", "thru").contains(join)) {
                    break;
                }
                span = Set.of("through", "to", "thru").contains(join)
                        || join.equals("and") && DateFilters.betweenBefore(c, m.start()) && values.size() == 1;
                values.add(value(c, next));
                end = next + 1;
                if (span) {
                    break;
                }
            }
            if (span) {
                c.addFilter(new Filter(m.column(), "between", null, List.copyOf(values)), k);
                for (int j = m.start() - 1; DateFilters.betweenBefore(c, m.start()) && !c.w(j + 1).equals("between"); j--) {
                    c.mark(j); // "between", and "the" of "between the years of"
                }
            } else {
                c.addFilter(values.size() == 1 ? Filter.of(m.column(), "eq", values.get(0)) : Filter.in(m.column(), values), k);
            }
            c.mark(k + 1, end);
            c.markMention(m);
        }
    }

    private static boolean within(ColumnProfile col, BigDecimal v) {
        try {
            return v.compareTo(new BigDecimal(col.min())) >= 0 && v.compareTo(new BigDecimal(col.max())) <= 0;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** "who were 13 years old", "a 9-year-old": an age said with its unit is that value of the table's age column. */
    private static void yearsOld(Clause c) {
        for (int i = c.from; i + 2 < c.to; i++) {
            BigDecimal v = c.used[i] ? null : value(c, i);
            if (v == null || !Set.of("year", "years").contains(c.w(i + 1)) || !c.w(i + 2).equals("old")
                    || !c.freeWord(i + 1) || !c.freeWord(i + 2)) {
                continue;
            }
            ColumnProfile age = hinted(c, "aged", i);
            if (age == null) {
                continue;
            }
            c.addFilter(Filter.of(age, "eq", v), i);
            c.mark(i, i + 3);
            c.reading("'" + c.text(i, i + 3) + "' read as " + age.name() + " = " + v.toPlainString());
        }
    }

    /** Verbs saying that a thing is on the table's rows: "appears twice", "was only represented once". */
    private static final Set<String> OCCURRENCE_VERBS = Set.of("appear", "appears", "appeared", "occur", "occurs",
            "occurred", "represented", "listed", "featured", "mentioned", "recorded");

    /**
     * "which roles appear twice", "which nationalities were only represented once": how many times a thing is on the
     * rows, said after a verb of occurring with no comparison before it, is exactly that many rows per thing ("only"
     * before the verb says the same).
     */
    private static void occurrences(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            if (!c.freeWord(i) || !OCCURRENCE_VERBS.contains(c.w(i))) {
                continue;
            }
            BigDecimal often = timesAt(c, i + 1);
            if (often == null) {
                continue;
            }
            int start = c.w(i - 1).equals("only") && c.freeWord(i - 1) ? i - 1 : i;
            int end = c.w(i + 1).equals("once") || c.w(i + 1).equals("twice") ? i + 2 : i + 3;
            c.addFilter(Filter.onMeasure(new Measure(Agg.COUNT, null), "eq", often), start);
            c.mark(start, end);
            c.reading("'" + c.text(start, end) + "' read as exactly " + often + (often.intValue() == 1 ? " row" : " rows")
                    + " each");
        }
    }

    /** "had 3 seats": a number right before a numeric column, after a verb of having, is that column's value. */
    private static void counts(Clause c) {
        for (int i = c.from + 1; i + 1 < c.to; i++) {
            BigDecimal v = c.used[i] ? null : value(c, i);
            Mention m = c.m(i + 1);
            if (v == null || m == null || m.start() != i + 1 || !m.isColumn() || !m.column().column().numeric()
                    || !c.free(m) || !HAVING.contains(c.w(i - 1))) {
                continue;
            }
            c.addFilter(Filter.of(m.column(), "eq", v), i);
            c.mark(i);
            c.markMention(m);
            if (c.freeWord(i - 1)) {
                c.mark(i - 1);
            }
        }
    }

    /**
     * "at least an average of 0.70", "more than a rating of 4": a numeric column, after an optional article, then
     * "of" and the number, all right after the comparison. The number is that column's.
     */
    private static boolean columnOfNumber(Clause c, int i, int n, List<String> phrase, String comparator) {
        int k = (c.w(n).equals("a") || c.w(n).equals("an")) && c.freeWord(n) ? n + 1 : n;
        Mention named = c.m(k);
        if (named == null || named.start() != k || !named.isColumn() || !named.column().column().numeric() || !c.free(named)
                || !c.w(named.end()).equals("of") || !c.freeWord(named.end()) || !c.isNum(named.end() + 1)
                || value(c, named.end() + 1) == null || c.used[named.end() + 1]) {
            return false;
        }
        ColumnProfile col = named.column();
        String op = negatedBefore(c, i, phrase, comparator);
        Filter filter = Filter.of(col, op, num(c, named.end() + 1, col));
        c.addFilter(filter, i);
        c.mark(i, named.end() + 2);
        c.reading("'" + c.text(i, named.end() + 2) + "' read as " + filter.describe());
        return true;
    }

    /** "fare above 20", "a loss of over 500", "drivers with at least 40 trips", "an average rating above 4.1". */
    private static void threshold(Clause c, int i, int n, String op, List<String> phrase) {
        int end = n + 1;
        // "name at least one film": how many examples to give, not a condition on a count
        if (op.equals("ge") && Projection.asksExamples(c, c.prev(i))) {
            BigDecimal v = value(c, n);
            if (v != null && v.signum() > 0 && v.scale() <= 0 && v.intValue() <= 10) {
                c.examples = v.intValue();
                c.mark(i, end);
                return;
            }
        }
        // a count of things per group: "with at least 40 trips", "who placed more than 12 orders"
        Measure counted = countNoun(c, end);
        if (counted != null) {
            c.addFilter(Filter.onMeasure(counted, op, value(c, n)), i);
            c.mark(i, end);
            return;
        }
        // an aggregate of each group: "an average rating above 4.1", "total sales over 1000", "average under 3.5 stars"
        Measure grouped = aggregateBefore(c, i);
        if (grouped == null) {
            grouped = averageAsVerb(c, i, end);
        }
        if (grouped != null) {
            c.addFilter(Filter.onMeasure(grouped, op, num(c, n, grouped.column())), i);
            c.mark(i, end);
            markPercent(c, end);
            return;
        }
        boolean loss = false;
        for (int k = i - 1; k >= Math.max(c.from, i - 3); k--) {
            if (LOSS.contains(c.w(k)) && c.m(k) == null) {
                loss = true;
                c.mark(k, i);
                break;
            }
        }
        ColumnProfile col;
        if (loss) {
            col = c.index.primaryMeasure(List.of("profit", "margin", "income", "earning"));
            ColumnProfile inUnit = col == null ? signedInUnit(c, end) : null;
            if (inUnit != null) {
                col = inUnit; // "lost more than 100 litres": a column in litres whose losses are below zero
                end++;
            }
            if (col != null) {
                // "a loss of over 500" is profit below -500
                BigDecimal v = num(c, n, col).negate();
                String flipped = switch (op) {
                    case "gt" -> "lt";
                    case "ge" -> "le";
                    case "lt" -> "gt";
                    case "le" -> "ge";
                    default -> op;
                };
                c.addFilter(Filter.of(col, flipped, v), i);
                c.mark(i, end);
                c.reading("'" + c.text(i - 1, end) + "' read as " + col.name() + " " + Filter.of(col, flipped, v).describe()
                        .substring(col.name().length() + 1));
                return;
            }
        }
        // "more than 80,000 people attending": the people are what the column after them counts
        boolean freeNoun = end < c.to && c.m(end) == null && c.freeWord(end) && c.token(end).isWord();
        int after = freeNoun && PEOPLE.contains(c.w(end)) ? end + 1 : end;
        // "at least 3 scores in the cup": a plural no column names, then the column the number is in
        int inAt = freeNoun && !c.token(end).norm().equals(c.token(end).singular()) && c.w(end + 1).equals("in") ? end + 1 : after;
        int named = inAt + (c.w(inAt + 1).equals("the") ? 2 : 1);
        Mention in = c.w(inAt).equals("in") && c.freeWord(inAt) ? c.m(named) : null;
        if (in != null && in.start() == named && in.isColumn() && in.column().column().numeric()) {
            c.mark(after, named);
            after = named; // "more than 10,000 (people) in attendance": the column the number is in
        }
        Mention unit = c.m(after);
        if (unit != null && unit.start() == after && unit.isColumn() && unit.column().column().numeric() && c.free(unit)) {
            col = unit.column(); // the noun after the number is what is counted: "at least ten goals"
            c.markMention(unit);
            if (after > end) {
                c.mark(end);
            }
            Mention again = c.m(unit.end());
            if (again != null && again.isColumn() && again.column().equals(col) && c.free(again)) {
                c.markMention(again); // "15 million viewers" of "Viewers (millions)": both words name it
            }
            List<String> verb = COMPARATIVE_HINTS.get(c.w(i - 1)); // "scored at least ten goals"
            String unitName = col.name().toLowerCase(java.util.Locale.ROOT);
            if (i - 1 >= c.from && c.freeWord(i - 1) && verb != null && verb.stream().anyMatch(unitName::contains)) {
                c.mark(i - 1);
            }
        } else {
            col = population(c, end);
            if (col == null) {
                col = hinted(c, phrase.get(0), i);
            }
        }
        if (col == null) {
            col = ageOfPeopleRightBefore(c, i, n); // "average bill for women over 70": their age, not the bill
        }
        if (col == null) {
            col = numericNear(c, i, end);
        }
        if (col == null) {
            col = sharedSubject(c, i);
        }
        if (col == null) {
            col = guessed(c, i, n);
        }
        if (col == null) {
            return;
        }
        ColumnProfile spender = spenderBefore(c, i, col);
        if (spender == null) {
            spender = ownerBeyondEveryRow(c, i, col, op, value(c, n)); // not num(): it marks a scale word
        }
        boolean totalled = false;
        if (spender == null) {
            spender = totalledAfter(c, i, end);
            totalled = spender != null;
        }
        if (spender != null) {
            // "customers who spent more than 1000": each customer's total, over all their rows
            Measure total = new Measure(Agg.SUM, col);
            c.addFilter(Filter.onMeasure(total, op, num(c, n, col)), i);
            if (!totalled || !c.asksHowMany()) { // "how many orders were for over 5 tickets in total": orders counted
                c.addGroup(new Grouping(spender, null), false);
            }
            c.mark(i, end);
            c.reading("'" + c.text(i - 1, end) + "' read as each " + spender.name() + "'s total " + col.name());
            return;
        }
        c.addFilter(Filter.of(col, op, num(c, n, col)), i);
        c.mark(i, end);
        markPercent(c, end);
        unit(c, end, col);
    }

    /**
     * The entity before a verb of money and its comparison ("which customers spent more than 1000"), when an entity
     * has several rows: what they spent is their total, not one row's; else null.
     */
    private static ColumnProfile spenderBefore(Clause c, int i, ColumnProfile col) {
        Mention verb = c.m(i - 1);
        if (verb == null || !verb.isColumn() || !verb.column().equals(col) || !Vocabulary.MEASURE_HINTS.containsKey(c.w(i - 1))
                || !c.w(i - 1).endsWith("ed") && !c.w(i - 1).equals("spent") && !c.w(i - 1).equals("paid")) {
            return null;
        }
        for (int k = i - 2; k >= c.from; k--) {
            Mention m = c.m(k);
            if (m != null && m.kind() == Mention.Kind.ENTITY && !c.index.uniquePerRow(m.entity().groupColumn())) {
                return m.entity().groupColumn();
            }
        }
        return null;
    }

    /**
     * "orders for more than 5 tickets in total": "in total" after the comparison puts it on each order's total, when
     * an order spans several rows; the thing before the comparison that does. Null when no such words or thing.
     */
    private static ColumnProfile totalledAfter(Clause c, int i, int end) {
        int after = c.m(end) != null && c.m(end).start() == end ? c.m(end).end() : end; // past the unit, "tickets"
        int k = c.w(after).equals("in") ? after + 1 : after;
        if (!c.freeWord(k) || !Vocabulary.WHOLE_WORDS.contains(c.w(k))) {
            return null;
        }
        for (int b = i - 1; b >= c.from; b--) {
            Mention m = c.m(b);
            if (m != null && m.kind() == Mention.Kind.ENTITY && !m.entity().uniqueRows()) {
                c.mark(end, k + 1);
                return m.entity().groupColumn();
            }
            if (m != null && m.isColumn() && !m.column().column().numeric() && !m.column().column().temporal()
                    && !c.index.uniquePerRow(m.column())) {
                c.mark(end, k + 1); // "orders" of order_ref, "bouquets" of bouquet
                return m.column();
            }
        }
        return null;
    }

    /**
     * Where "average" is after a comparator ending before {@code n}: right there, or after up to three words of
     * its scope ("the overall average", "the hospital-wide average"); -1 when not.
     */
    private static int averageAfter(Clause c, int n) {
        for (int k = n; k < Math.min(c.to, n + 6); k++) {
            if (value(c, k) != null && c.w(k + 1).equals("times") && !c.used[k]) {
                k++; // "five times the average": the multiple of the average, read by multiple()
                continue;
            }
            boolean perPeriod = Vocabulary.GRAIN_ADJECTIVES.containsKey(c.w(k)) && k + 1 < c.to
                    && AVERAGE_WORDS.contains(c.w(k + 1)); // "the monthly average"
            if (c.used[k] || c.m(k) != null && !perPeriod || c.isNum(k)) {
                return -1;
            }
            if (AVERAGE_WORDS.contains(c.w(k))) {
                return k;
            }
        }
        return -1;
    }

    /** Units of a time said after a number, in minutes. */
    private static final Map<String, Double> TIME_MINUTES = Map.of("minute", 1.0, "min", 1.0, "hour", 60.0, "hr", 60.0,
            "day", 1440.0, "week", 10080.0);
    private static final Set<String> TIME_VERBS = Set.of("lasted", "last", "lasting", "lasts", "took", "take", "takes",
            "taking", "waited", "wait", "waiting", "ran", "run", "spent");

    /** A time said at {@code k}: "90 minutes", "2 hours", "an hour", "an hour and a half", "half an hour": {minutes, end}. */
    private static double[] timeAt(Clause c, int k) {
        double amount;
        int unitAt;
        if (c.isNum(k) && !c.used[k] && value(c, k) != null) {
            amount = value(c, k).doubleValue();
            unitAt = k + 1;
        } else if (Set.of("a", "an", "one").contains(c.w(k))) {
            amount = 1;
            unitAt = k + 1;
        } else if (c.w(k).equals("half") && Set.of("a", "an").contains(c.w(k + 1))) {
            amount = 0.5;
            unitAt = k + 2;
        } else {
            return null;
        }
        Double perUnit = unitAt < c.to && c.freeWord(unitAt) ? TIME_MINUTES.get(Vocabulary.singular(c.w(unitAt))) : null;
        if (perUnit == null) {
            return null;
        }
        int end = unitAt + 1;
        if (c.w(end).equals("and") && c.w(end + 1).equals("a") && c.w(end + 2).equals("half")) {
            amount += 0.5;
            end += 3;
        }
        return new double[]{amount * perUnit, end};
    }

    /** The one number column kept in a unit of time ("minutes_spent", "days_late") and that unit in minutes, else null. */
    private static Map.Entry<ColumnProfile, Double> timeColumn(Clause c) {
        Map<ColumnProfile, Double> found = new LinkedHashMap<>();
        for (ColumnProfile col : c.index.schema.columns()) {
            if (!col.column().numeric() || SchemaIndex.isIdLike(col)) {
                continue;
            }
            for (String w : SchemaIndex.words(col.name())) {
                Double perUnit = TIME_MINUTES.get(Vocabulary.singular(w));
                if (perUnit != null) {
                    found.putIfAbsent(col, perUnit);
                }
            }
        }
        if (found.size() > 1) {
            // "scheduled for longer than an hour" beside scheduled_min and attended_min: the one the clause names
            found.keySet().removeIf(col -> !namedInClause(c, col));
        }
        return found.size() == 1 ? found.entrySet().iterator().next() : null; // two: the rule cannot tell
    }

    /** True when the clause mentions the column, or says the first word of its name. */
    private static boolean namedInClause(Clause c, ColumnProfile col) {
        String first = SchemaIndex.words(col.name()).get(0);
        for (int k = c.from; k < c.to; k++) {
            Mention m = c.m(k);
            if (m != null && m.isColumn() && col.equals(m.column()) || c.w(k).equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "rides that lasted longer than an hour", "tickets that waited more than 2 hours": a time compared, on the one column
     * kept in a unit of time (converted to its unit), else on the time between the table's two dates. True when read.
     */
    private static boolean timeThreshold(Clause c, int i, int k, String op) {
        double[] time = timeAt(c, k);
        if (time == null) {
            return false;
        }
        int end = (int) time[1];
        Map.Entry<ColumnProfile, Double> kept = timeColumn(c);
        Filter f;
        if (kept != null) {
            f = Filter.of(kept.getKey(), op, BigDecimal.valueOf(time[0] / kept.getValue()).stripTrailingZeros());
        } else if (c.index.dates.size() == 2) {
            ColumnProfile start = c.index.dates.get(0);
            ColumnProfile stop = c.index.dates.get(1);
            if (start.min() != null && stop.min() != null && start.min().compareTo(stop.min()) > 0) {
                start = c.index.dates.get(1);
                stop = c.index.dates.get(0);
            }
            boolean clock = start.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP");
            if (!clock && time[0] < 1440) {
                return false; // two days cannot measure "more than an hour"
            }
            Measure.Derived unit = clock ? Measure.Derived.MINUTES_BETWEEN : Measure.Derived.DAYS_BETWEEN;
            f = Filter.onRows(Measure.elapsedOnRow(start, stop, unit), op,
                    BigDecimal.valueOf(clock ? time[0] : time[0] / 1440).stripTrailingZeros());
        } else {
            return false;
        }
        c.addFilter(f, i);
        c.mark(i, end);
        for (int v = i - 1; v >= Math.max(c.from, i - 3); v--) {
            Mention compared = c.m(v); // "where stay is at least 10 days": the column compared, not a measure
            if (kept != null && compared != null && compared.isColumn() && compared.column().equals(kept.getKey()) && c.free(compared)) {
                c.markMention(compared);
            } else if (v >= i - 2 && c.freeWord(v) && TIME_VERBS.contains(c.w(v))) {
                c.mark(v);
            }
        }
        c.reading("'" + c.text(i, end) + "' read as " + f.describe());
        return true;
    }

    /**
     * "employees with more than 150 hours" where no row holds more than 12: a threshold beyond every row's value is
     * on the total of the thing named before it, which repeats over rows; its id column, else null.
     */
    private static ColumnProfile ownerBeyondEveryRow(Clause c, int i, ColumnProfile col, String op, BigDecimal v) {
        if (!op.equals("gt") && !op.equals("ge") || v == null || col.max() == null) {
            return null;
        }
        try {
            if (v.doubleValue() <= Double.parseDouble(col.max())) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        for (int k = i - 1; k >= c.from; k--) {
            Mention m = c.m(k);
            if (m != null && m.kind() == Mention.Kind.ENTITY && !m.entity().uniqueRows()) {
                c.markMention(m);
                c.reading("'" + c.text(i, i + 3) + "' is beyond any one row's " + col.name() + " (at most " + col.max()
                        + "): each " + m.entity().word() + "'s total");
                return m.entity().groupColumn();
            }
        }
        return null;
    }

    /**
     * "bookings with more guests than the average booking", "fewer nights than the average stay": the measure named
     * between the comparative and "than", compared with its mean over the rows. True when read.
     */
    private static boolean moreThanTheAverage(Clause c, int i) {
        String w = c.w(i);
        Mention m = c.m(i + 1);
        if (!Set.of("more", "fewer", "less").contains(w) || !c.freeWord(i) || m == null || !m.isColumn() || !c.free(m)
                || !m.column().column().numeric() || SchemaIndex.isIdLike(m.column()) || !c.w(m.end()).equals("than")) {
            return false;
        }
        int avg = averageAfter(c, m.end() + 1);
        if (avg < 0) {
            return false;
        }
        ColumnProfile col = m.column();
        if (againstEachAverage(c, i, avg, avg + 1, col, w.equals("more") ? "gt" : "lt", BigDecimal.ONE)) {
            c.markMention(m);
            return true;
        }
        c.addFilter(Filter.of(col, w.equals("more") ? "gt" : "lt",
                new Filter.Average(Agg.AVG, col, c.index.schema.table(), List.copyOf(c.filters))), i);
        int end = avg + 1;
        Mention after = c.m(end);
        if (after != null && (after.kind() == Mention.Kind.ENTITY && after.entity().uniqueRows()
                || after.isColumn() && after.column().equals(col))) {
            c.markMention(after); // "than the average booking", "than the average guests"
            end = after.end();
        } else if (end < c.to && c.isRowNoun(end)) {
            end++;
        }
        c.mark(i, end);
        c.markMention(m);
        return true;
    }

    /** How many times said after a comparison ("once", "twice", "3 times"), not of a named thing; else null. */
    private static BigDecimal timesAt(Clause c, int n) {
        if (n >= c.to || c.used[n]) {
            return null;
        }
        BigDecimal v = value(c, n);
        if (v != null && c.w(n + 1).equals("times") && c.freeWord(n + 1) && averageAfter(c, n) < 0) {
            return v;
        }
        return switch (c.w(n)) {
            case "once" -> BigDecimal.ONE;
            case "twice" -> averageAfter(c, n) < 0 ? BigDecimal.valueOf(2) : null;
            default -> null;
        };
    }

    /** Words for a multiple: "twice the average", "half the average". */
    private static final Map<String, BigDecimal> MULTIPLES = Map.of("twice", BigDecimal.valueOf(2), "double",
            BigDecimal.valueOf(2), "triple", BigDecimal.valueOf(3), "thrice", BigDecimal.valueOf(3), "half",
            new BigDecimal("0.5"));

    /** The multiple said between a comparison and its average ("5 times", "twice"), marked; 1 when none. */
    private static BigDecimal multiple(Clause c, int from, int avg) {
        for (int k = from; k < avg; k++) {
            if (MULTIPLES.containsKey(c.w(k)) && c.freeWord(k)) {
                c.mark(k);
                return MULTIPLES.get(c.w(k));
            }
            if (value(c, k) != null && c.w(k + 1).equals("times")) {
                c.mark(k, k + 2);
                return value(c, k);
            }
        }
        return BigDecimal.ONE;
    }

    /** "fare above the average fare", "more than the average", "below the overall average": compared with the mean. */
    private static void aboveAverage(Clause c, int i, int avg, String op) {
        BigDecimal times = multiple(c, i, avg);
        int end = avg + 1;
        Mention after = c.m(end);
        if (after != null && after.kind() == Mention.Kind.ENTITY && after.start() == end && c.m(after.end()) != null
                && c.m(after.end()).isColumn()) {
            c.markMention(after); // "the average deal amount": the amount of a deal
            end = after.end();
            after = c.m(end);
        }
        ColumnProfile col = after != null && after.isColumn() && after.column().column().numeric() ? after.column() : null;
        if (col != null) {
            end = after.end();
        }
        Measure grouped = aggregateBefore(c, i);
        if (col == null) {
            col = grouped != null ? grouped.column() : numericNear(c, i, end);
        }
        if (col == null) {
            col = hinted(c, c.w(i), i);
        }
        if (col == null) {
            return;
        }
        if (grouped == null && againstEachAverage(c, i, avg, end, col, op, times)) {
            return;
        }
        List<Filter> scope = grouped != null ? List.of() : List.copyOf(c.filters);
        Filter.Average average = new Filter.Average(Agg.AVG, col, c.index.schema.table(), scope).times(times);
        c.addFilter(grouped != null ? Filter.onMeasure(grouped, op, average) : Filter.of(col, op, average), i);
        c.mark(i, end);
        if (after != null && after.isColumn() && col.equals(after.column())) {
            c.markMention(after);
        }
        Mention compared = c.m(i - 1); // "loans with a fee above the average fee": the fee compared, not a measure
        if (grouped == null && compared != null && compared.isColumn() && col.equals(compared.column()) && c.free(compared)) {
            c.markMention(compared);
        }
        // "hospital-wide", "overall", "the whole company": the scope words of a table-wide average
        for (int k = end; k < Math.min(c.to, end + 3); k++) {
            if (c.freeWord(k) && (c.w(k).equals("overall") || c.w(k).equals("wide") || c.w(k).equals("all"))) {
                c.mark(k);
            }
        }
        for (int k = i - 1; k >= Math.max(c.from, i - 3); k--) {
            if (c.freeWord(k) && c.w(k).equals("wide")) {
                c.mark(k);
                if (c.freeWord(k - 1)) {
                    c.mark(k - 1); // "the hospital-wide average"
                }
            }
        }
    }

    /**
     * "months with more revenue than the monthly average", "members who spent more than the average member": each
     * month's (member's) total compared with the average of those totals, grouped by it. True when read; {@code end}
     * is where the average's words end so far.
     */
    private static boolean againstEachAverage(Clause c, int i, int avg, int end, ColumnProfile col, String op,
                                              BigDecimal times) {
        Mention after = c.m(avg + 1);
        Grouping each = eachOfAverage(c, avg, after);
        if (each == null) {
            return false;
        }
        Measure total = new Measure(Agg.SUM, col);
        c.addGroup(each, true);
        if (!c.measures.contains(total)) {
            c.measures.add(total);
        }
        c.addFilter(Filter.onMeasure(total, op, new Filter.Average(Agg.AVG, col, c.index.schema.table(), List.of())
                .times(times)), i);
        if (c.m(avg - 1) != null && Vocabulary.GRAIN_ADJECTIVES.containsKey(c.w(avg - 1))) {
            c.markMention(c.m(avg - 1));
        }
        if (after != null && after.kind() == Mention.Kind.ENTITY) {
            c.markMention(after);
            end = Math.max(end, after.end());
        }
        c.mark(Math.min(i, avg - 1), end);
        return true;
    }

    /**
     * What an average is "per" when the words say: "the monthly average" (each month of the table's date), "the
     * average member" (each member, when no amount of a member follows); else null.
     */
    private static Grouping eachOfAverage(Clause c, int avg, Mention after) {
        Grain grain = avg - 1 >= c.from && !c.used[avg - 1] ? Vocabulary.GRAIN_ADJECTIVES.get(c.w(avg - 1)) : null;
        if (grain != null && c.impliedDate() != null) {
            return new Grouping(c.impliedDate(), grain);
        }
        if (after != null && after.kind() == Mention.Kind.ENTITY && after.start() == avg + 1 && c.m(after.end()) == null
                && !after.entity().uniqueRows()) {
            return new Grouping(after.entity().groupColumn(), null);
        }
        return null;
    }

    /** The count a threshold is about: "40 trips" (rows), "12 orders" (distinct order ids); null when none. */
    private static Measure countNoun(Clause c, int at) {
        if (at >= c.to) {
            return null;
        }
        Mention m = c.m(at);
        if (m != null && m.kind() == Mention.Kind.ENTITY) {
            Measure measure = m.entity().uniqueRows() ? new Measure(Agg.COUNT, null)
                    : new Measure(Agg.COUNT_DISTINCT, m.entity().id());
            c.markMention(m);
            return measure;
        }
        if (m != null && m.isColumn() && namesOneThing(m.column())) {
            c.markMention(m); // "clubs with at least 3 players": how many different players each has
            return new Measure(Agg.COUNT_DISTINCT, m.column());
        }
        if (m == null && (c.isRowNoun(at) || c.w(at).equals("times") && c.token(at - 1).isNumber())) {
            c.mark(at); // "at least 40 trips"; "booked more than 6 times": that many rows
            return new Measure(Agg.COUNT, null);
        }
        return null;
    }

    /**
     * A text column whose every row names one thing, so its values can be counted: named in the singular
     * ("Player"), not a count kept as text ("CWS appearances": "4 (last 2014)"), and not numbers written as text.
     */
    private static boolean namesOneThing(ColumnProfile col) {
        List<String> words = SchemaIndex.words(col.name());
        String last = col.name().trim().toLowerCase(java.util.Locale.ROOT);
        return !col.column().numeric() && !col.column().temporal() && !Doubts.numberLike(col) && !words.isEmpty()
                && !last.endsWith("s");
    }

    /** "an average rating above", "total sales over": a function word and a measure just before the comparator. */
    private static Measure aggregateBefore(Clause c, int i) {
        int k = i - 1;
        if (k >= c.from && (c.w(k).equals("is") || c.w(k).equals("was") || c.w(k).equals("of"))) {
            k--;
        }
        Mention m = c.m(k);
        if (m == null || !m.isColumn() || !m.column().column().numeric() || !c.free(m)) {
            return null;
        }
        int f = m.start() - 1;
        if (f > c.from && (c.w(f).equals("a") || c.w(f).equals("an")) && Vocabulary.FUNCTIONS.get(c.w(f - 1)) != null) {
            f--; // "instructors who average a rating under 3.5"
        }
        int rowNoun = -1;
        if (f > c.from && c.freeWord(f) && c.m(f) == null && c.isRowNoun(f)) {
            rowNoun = f--; // "an average visit cost": the row noun only says whose cost
        }
        Agg agg = f >= c.from && c.freeWord(f) ? Vocabulary.FUNCTIONS.get(c.w(f)) : null;
        if (agg == null || agg == Agg.COUNT) {
            return null;
        }
        c.mark(f);
        if (rowNoun >= 0) {
            c.mark(rowNoun);
        }
        c.markMention(m);
        c.pendingMeasures.add(new Measure(agg, m.column()));
        return new Measure(agg, m.column());
    }

    /**
     * "instructors that average under 3.5 stars": a function said as a verb right before the comparison, of the
     * column the number's unit names after it; null otherwise.
     */
    private static Measure averageAsVerb(Clause c, int i, int end) {
        int f = i - 1;
        Agg agg = f >= c.from && c.freeWord(f) ? Vocabulary.FUNCTIONS.get(c.w(f)) : null;
        Mention unit = end < c.to ? c.m(end) : null;
        if (agg == null || agg == Agg.COUNT || agg == Agg.COUNT_DISTINCT || unit == null || unit.start() != end
                || !unit.isColumn() || !unit.column().column().numeric() || !c.free(unit)) {
            return null;
        }
        c.mark(f);
        c.markMention(unit);
        c.pendingMeasures.add(new Measure(agg, unit.column()));
        return new Measure(agg, unit.column());
    }

    /** The column a comparative adjective is about: "longer than" a distance, "older than" an age. */
    /**
     * The numeric column named by one hint word alone, its unit aside ("Elevation (m)" for "taller"), trying the hints
     * in order: a name that qualifies the word ("Col height (m)") is another measure.
     */
    private static ColumnProfile namedExactly(Clause c, List<String> hints) {
        for (String h : hints) {
            for (ColumnProfile p : c.index.schema.columns()) {
                List<String> words = new ArrayList<>(SchemaIndex.words(p.name()));
                words.removeIf(UNITS::contains);
                if (p.column().numeric() && words.equals(List.of(h))) {
                    return p;
                }
            }
        }
        return null;
    }

    private static ColumnProfile hinted(Clause c, String word, int i) {
        List<String> hint = COMPARATIVE_HINTS.get(word);
        if (hint == null && i - 1 >= c.from) {
            hint = COMPARATIVE_HINTS.get(c.w(i - 1)); // "cost more than", "earns over"
            if (hint != null) {
                c.mark(i - 1);
                word = c.w(i - 1);
            }
        }
        if (hint == null) {
            return null;
        }
        ColumnProfile col = namedExactly(c, hint);
        if (col == null) {
            col = c.index.primaryMeasure(hint);
        }
        if (col == null) {
            for (ColumnProfile p : c.index.schema.columns()) {
                if (p.column().numeric() && hint.stream().anyMatch(h -> p.name().toLowerCase(java.util.Locale.ROOT).contains(h))) {
                    col = p;
                    break;
                }
            }
        }
        if (col != null) {
            c.reading("'" + word + "' read as " + col.name());
        }
        return col;
    }

    /** The age column when the word right before the comparison names people ("women over 70"), else null. */
    private static ColumnProfile ageOfPeopleRightBefore(Clause c, int i, int n) {
        return ageOfPeople(c, i - 1, i, n, i - 1);
    }

    /**
     * The age column when a word from {@code first} to just before the comparison at {@code i} names people and the
     * number {@code n} is an age, else null; the reading quotes the question from {@code quoteFrom}.
     */
    private static ColumnProfile ageOfPeople(Clause c, int first, int i, int n, int quoteFrom) {
        ColumnProfile age = c.index.primaryMeasure(List.of("age"));
        BigDecimal v = value(c, n);
        if (age == null || v == null || v.doubleValue() < 0 || v.doubleValue() > 120) {
            return null;
        }
        for (int k = Math.max(c.from, first); k < i; k++) {
            Mention m = c.m(k);
            // "members over 50": an entity named by a name column (member_name), on a table that keeps ages
            boolean named = m != null && m.kind() == Mention.Kind.ENTITY && m.entity().label() != null
                    && SchemaIndex.words(m.entity().label().name()).contains("name");
            if (PEOPLE.contains(c.w(k)) || named || (m != null && m.kind() == Mention.Kind.VALUE && CODED_PEOPLE.contains(c.w(k)))) {
                c.reading("'" + c.text(quoteFrom, n + 1) + "' read as " + age.name());
                if (c.freeWord(k)) {
                    c.mark(k);
                }
                return age;
            }
        }
        return null;
    }

    /**
     * No column is named: an age when people are meant ("women over 70", "patients aged over 80"), else the
     * likeliest measure, said to be a guess.
     */
    private static ColumnProfile guessed(Clause c, int i, int n) {
        ColumnProfile age = ageOfPeople(c, i - 3, i, n, i);
        if (age != null) {
            return age;
        }
        if (c.index.measures.isEmpty()) {
            return null;
        }
        ColumnProfile m = Rankings.primaryMeasure(c.index);
        c.reading(Clause.BEST_GUESS + "'" + c.text(i, n + 1) + "' names no column; read as " + m.name());
        return m;
    }

    private static final java.util.Set<String> PEOPLE = java.util.Set.of("people", "person", "persons", "patients",
            "patient", "customers", "employees", "staff", "members", "users", "passengers", "anyone", "everyone",
            "those", "aged", "adults", "children", "students", "players", "pilots", "drivers");
    private static final java.util.Set<String> CODED_PEOPLE = java.util.Set.of("women", "men", "woman", "man",
            "female", "male", "females", "males");

    /** "10 km", "500 dollars", "3 hours": a unit word after the number, when it names one or fits the column. */
    private static void unit(Clause c, int at, ColumnProfile col) {
        if (at >= c.to || c.m(at) != null || c.used[at]) {
            return;
        }
        String w = c.token(at).singular();
        if (UNITS.contains(w) || col.name().toLowerCase(java.util.Locale.ROOT).contains(w)) {
            c.mark(at);
        }
    }

    /** Unit nouns, singular: after a number they name its column's unit ("10 km"), never a column of their own. */
    static final java.util.Set<String> UNITS = java.util.Set.of("km", "kilometer", "kilometre", "mile", "mi",
            "meter", "metre", "m", "kg", "kilogram", "lb", "pound", "gram", "g", "dollar", "usd", "euro", "eur", "gbp",
            "chf", "franc", "jpy", "yen", "cad", "aud", "sek", "nok", "dkk", "krona", "krone", "pln", "inr", "rupee",
            "buck", "cent", "hour", "hr", "minute", "min", "second", "sec", "day", "week", "month", "year", "point",
            "star", "percent", "unit", "item", "people", "person", "visitor", "k");

    private static void markPercent(Clause c, int at) {
        if (c.w(at).equals("%") || c.w(at).equals("percent")) {
            c.mark(at);
        }
    }

    /** "older than 80 or younger than 5": two comparisons joined by "or" hold for either. */
    private static void alternatives(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.w(i).equals("or") || c.used[i] || c.filters.size() < 2) {
                continue;
            }
            Filter before = null;
            Filter after = null;
            for (Filter f : c.filters) {
                Integer at = c.filterStart.get(f);
                if (at == null) {
                    continue;
                }
                if (at < i && (before == null || at > c.filterStart.get(before))) {
                    before = f;
                }
                if (at > i && (after == null || at < c.filterStart.get(after))) {
                    after = f;
                }
            }
            if (before != null && after != null && !before.onGroups() && !after.onGroups()) {
                int at = c.filterStart.get(before);
                c.filters.remove(before);
                c.filters.remove(after);
                Filter any = Filter.any(List.of(before, after));
                c.filters.add(any);
                c.filterStart.put(any, at);
                c.mark(i);
            }
        }
    }

    /** A number for a comparison with {@code col}; "20%" of a 0..1 column becomes 0.2. */
    /** The number at token i, in digits or as a word ("at least ten goals"), or null. */
    static BigDecimal value(Clause c, int i) {
        if (c.isNum(i)) {
            return new BigDecimal(c.token(i).norm());
        }
        Integer word = i >= c.from && i < c.to ? NumberWords.value(c.w(i)) : null;
        return word == null ? null : BigDecimal.valueOf(word);
    }

    /** The population column when people are counted after the number ("over 20 million people"), else null. */
    private static ColumnProfile population(Clause c, int at) {
        int k = SCALES.containsKey(c.w(at)) ? at + 1 : at;
        if (!c.freeWord(k) || !Set.of("people", "persons", "inhabitants", "residents").contains(c.w(k))) {
            return null;
        }
        List<ColumnProfile> named = c.index.schema.columns().stream()
                .filter(col -> col.column().numeric() && SchemaIndex.words(col.name()).contains("population")).toList();
        if (named.size() != 1) {
            return null;
        }
        c.mark(k);
        return named.get(0);
    }

    /** Scale words after a number: "20 million people". */
    private static final Map<String, Integer> SCALES = Map.of("thousand", 3, "million", 6, "billion", 9);

    static BigDecimal num(Clause c, int i, ColumnProfile col) {
        BigDecimal v = value(c, i);
        Integer scale = SCALES.get(c.token(i + 1 < c.to ? i + 1 : i).singular());
        if (scale != null && i + 1 < c.to && !c.used[i + 1]
                && !col.name().toLowerCase(java.util.Locale.ROOT).contains(c.token(i + 1).singular())) {
            // "over 20 million people" is 20,000,000, unless the column counts in millions ("Viewers (millions)")
            v = v.movePointRight(scale);
            c.mark(i + 1);
        }
        int unitAt = c.used[Math.min(i + 1, c.to - 1)] && scale != null ? i + 2 : i + 1;
        Units.Unit said = unitAt < c.to ? Units.afterNumber(c.token(unitAt)) : null;
        Units.Unit kept = Units.ofColumn(col);
        if (said != null && kept != null && said != kept && said.family().equals(kept.family())) {
            // "taller than 1.2 metres" of height_cm is above 120; "over 5 kg" of weight_g is above 5000
            v = v.multiply(BigDecimal.valueOf(Units.factor(said, kept))).stripTrailingZeros();
            if (v.scale() < 0) {
                v = v.setScale(0);
            }
            c.mark(unitAt);
            c.reading("'" + c.token(i).text() + " " + c.token(unitAt).text() + "' is " + v.toPlainString() + " in "
                    + kept.plural() + ", the unit of " + col.name());
        }
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

    /**
     * "fees above 10 or below 1": a comparison right after "or" or "and" with no column of its own shares the
     * column of the comparison before it.
     */
    private static ColumnProfile sharedSubject(Clause c, int i) {
        String join = c.w(i - 1);
        if (!(join.equals("or") || join.equals("and")) || c.filters.isEmpty()) {
            return null;
        }
        Filter last = c.filters.get(c.filters.size() - 1);
        if (last.onGroups() || last.column() == null || !last.column().column().numeric()
                || !Set.of("gt", "ge", "lt", "le").contains(last.op())) {
            return null;
        }
        c.reading("'" + c.text(i, i + 2) + "' read as " + last.column().name() + ", as the comparison before it");
        return last.column();
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
