package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Questions that ask for columns as they are: "list the name, brand and price of each phone", "show the names
 * and ages of pilots older than 30 in a bar chart". With no function, count, ranking, time grain or grouping
 * word, two or more columns (one of them not a number), or a listing verb, mean the rows themselves, not
 * totals. "each pilot", "every trip" over the table's own rows is a quantifier, not a grouping.
 */
final class Projection {

    private static final Set<String> LIST_VERBS = Set.of("list", "show", "display", "give", "return", "name",
            "names", "enumerate", "provide", "get", "find");
    private static final Set<String> QUANTIFIERS = Set.of("each", "every", "all");

    private Projection() {
    }

    /** Words that ask for one example: "name one film", "give an example of", "name any song", "name another". */
    private static final Set<String> ONE = Set.of("one", "a", "an", "any", "another");

    /** True when the word at {@code verb} asks for examples of rows: a verb that lists ("name", "give"). */
    static boolean asksExamples(Clause c, int verb) {
        return verb >= c.from && c.m(verb) == null && LIST_VERBS.contains(c.w(verb)) && !c.w(verb).equals("show");
    }

    /** The rows intent when the clause asks for plain columns, else null. */
    static Intent rows(Clause c) {
        if (!c.functions.isEmpty() || c.superlativePos >= 0 || c.grain != null || c.share || c.distinctCue
                || c.limit != null || !c.pendingMeasures.isEmpty() || c.filters.stream().anyMatch(Filter::onGroups)) {
            return null;
        }
        List<Mention> columns = new ArrayList<>();
        List<Mention> grain = new ArrayList<>();
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m == null || m.start() != i || !c.free(m) || m.kind() == Mention.Kind.VALUE) {
                continue;
            }
            if (onRowGrain(c, m) || population(c, m)) {
                grain.add(m);
            } else if (subjectOfVerb(c, m, columns)) {
                c.markMention(m); // "what promo codes have customers used": who used them, not a column asked for
            } else if (verbOfADate(c, m)) {
                c.markMention(m); // "the beers we brew", "litres brewed": what was done, not a date to show
                c.reading("'" + c.token(i).text() + "' says what was done, not a date to show");
            } else if (m.kind() == Mention.Kind.COLUMN) {
                if (c.groupWordBefore(i) && !c.xAxis.contains(i)) {
                    return null; // "sales by region": an aggregate
                }
                if (c.xAxis.contains(i) && m.column().distinct() * 2 < c.index.schema.rows()) {
                    return null; // "events on the x axis" of many rows each: one bar per event, an aggregate
                }
                columns.add(m);
            } else {
                return null; // an entity to count or group by
            }
        }
        boolean verb = false;
        for (int i = c.from; i < c.to && !verb; i++) {
            verb = c.freeWord(i) && LIST_VERBS.contains(c.w(i));
        }
        if (columns.isEmpty() && verb) {
            // "list the titles that begin with 'The Night'": the filtered column is what is listed
            grain.stream().filter(m -> population(c, m)).findFirst().ifPresent(m -> {
                grain.remove(m);
                columns.add(m);
            });
        }
        if (ranksGroups(c, columns)) {
            return null; // "order the genres by sales": genres ranked by their total, an aggregate
        }
        long text = columns.stream().filter(m -> !m.column().column().numeric()).count();
        if (c.chartAsked && c.chart != null && !c.chart.equals("box") && text == columns.size()) {
            return null; // "pie of booking channels": a chart of names draws how many rows each has, not a list
        }
        boolean plain = columns.size() >= 2 && (text >= 1 || verb);
        boolean single = columns.size() == 1 && verb && (SchemaIndex.isLabelLike(columns.get(0).column())
                || !c.filters.isEmpty() || Ordering.asked(c));
        if (!plain && !single) {
            return null;
        }
        List<ColumnProfile> cols = new ArrayList<>();
        // "list loans sorted by fee", "the genre and fee of each loan": the rows are asked, each told apart by its id
        ColumnProfile rowId = grain.stream().filter(m -> m.kind() == Mention.Kind.ENTITY && m.entity().uniqueRows())
                .map(m -> m.entity().id()).findFirst().orElse(null);
        ColumnProfile label = c.index.labelColumn();
        if (text == 0 && label != null) {
            cols.add(label); // "list all tablets by price": which tablet each price belongs to
            c.reading("each row named by " + label.name());
        } else if (rowId != null && label == null && columns.stream().noneMatch(m -> m.column().equals(rowId))) {
            cols.add(rowId);
            c.reading("each row named by " + rowId.name());
        }
        for (Mention m : columns) {
            c.markMention(m);
            c.reading(m.reading());
            if (!cols.contains(m.column())) {
                cols.add(m.column());
            }
        }
        for (Mention m : grain) {
            c.markMention(m);
            int q = c.prev(m.start());
            if (q >= 0 && (QUANTIFIERS.contains(c.w(q)) || Vocabulary.GROUP_WORDS.contains(c.w(q)))) {
                c.mark(q);
            }
        }
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && (LIST_VERBS.contains(c.w(i)) || QUANTIFIERS.contains(c.w(i)))) {
                c.mark(i);
            }
        }
        Integer examples = examples(c, columns);
        if (examples != null) {
            return new Intent(Intent.Kind.ROWS, List.of(), List.of(), c.filters, cols, examples, false, null, null, null,
                    c.readings, c.unexplained(), c.text());
        }
        String chart = c.chart != null ? c.chart : c.chartAsked ? defaultChart(cols) : null;
        // the same title and author on many order lines is one answer: list distinct combinations unless a
        // column tells the rows apart, or the question names the rows ("of each booking")
        boolean distinct = rowId == null && cols.stream().noneMatch(c.index::uniquePerRow);
        return new Intent(distinct ? Intent.Kind.LIST : Intent.Kind.ROWS, List.of(), List.of(), c.filters, cols, null,
                false, chart, null, null, c.readings, c.unexplained(), c.text());
    }

    /**
     * How many examples the clause asks for: "name one film", "give a city", "name any two songs" (a list verb,
     * then one/a/an/any right before the listed column), or "name at least two films" (read by NumericFilters);
     * null when it asks for all.
     */
    /**
     * How many examples of the rows the clause asks for ("name one film", "name a player who ..."), said in its
     * reading, or null when it asks for every row. Examples are the first rows in the table's order, each row as it
     * is (not its distinct values).
     */
    static Integer examples(Clause c, List<Mention> columns) { // columns: those listed, at most one
        Integer n = examplesAsked(c, columns);
        if (n != null) {
            c.reading((n == 1 ? "one example" : n + " examples") + " asked for: the first "
                    + (n == 1 ? "row" : n + " rows") + " in the table's order");
        }
        return n;
    }

    private static Integer examplesAsked(Clause c, List<Mention> columns) {
        if (c.examples != null) {
            return c.examples;
        }
        if (columns.size() > 1 || Ordering.asked(c)) {
            return null;
        }
        for (int at = c.from + 1; at + 1 < c.to; at++) {
            Mention listed = c.m(at + 1);
            // "name a player that got no points": after "name", any noun is one of the rows, a column's or not
            boolean named = listed != null && listed.start() == at + 1 && listed.kind() != Mention.Kind.VALUE
                    || c.w(at - 1).equals("name") && listed == null && c.token(at + 1).isWord()
                    && !Vocabulary.STOP.contains(c.w(at + 1));
            if (ONE.contains(c.w(at)) && asksExamples(c, at - 1) && named) {
                if (c.freeWord(at)) {
                    c.mark(at);
                }
                return 1;
            }
        }
        return null;
    }

    /**
     * True when the clause orders a category by a number column: "order the genres by sales". A genre is on
     * many rows, so listing each row's (genre, sale) pair answers nothing; the genres ranked by their totals do.
     */
    private static boolean ranksGroups(Clause c, List<Mention> columns) {
        long rows = c.index.schema.rows();
        boolean orderedByNumber = c.order.stream().anyMatch(k -> k.target() == OrderKey.Target.COLUMN
                && k.column() != null && k.column().column().numeric() && !SchemaIndex.isIdLike(k.column()));
        if (!orderedByNumber || rows <= 0) {
            return false;
        }
        List<ColumnProfile> text = columns.stream().map(Mention::column).filter(x -> !x.column().numeric()).toList();
        // a name each row has its own is listed in that order ("list all tablets by price"); names that repeat over
        // many rows each ("rank our beers by revenue" over batches) are ranked by their totals
        return !text.isEmpty() && text.stream().allMatch(x -> !x.column().temporal() && !SchemaIndex.isIdLike(x)
                && (!SchemaIndex.isLabelLike(x) || x.distinct() * 4 < rows) && x.distinct() * 2 < rows);
    }

    /** "stores excluding Glasgow": a column the clause filters is the population, not a column to list. */
    private static boolean population(Clause c, Mention m) {
        if (m.kind() == Mention.Kind.ENTITY) {
            // "every session of vehicle EV-3884": the entity's word names the value after it, a condition
            Mention next = c.m(m.end());
            return next != null && next.start() == m.end() && next.kind() == Mention.Kind.VALUE
                    && next.column().equals(m.entity().id());
        }
        // ... unless listed among the columns to show: "the session id, start time and kWh ... in June"
        return m.isColumn() && !m.column().column().numeric() && !c.listedWithColumns(m) && c.filters.stream()
                .anyMatch(f -> !f.onGroups() && m.column().equals(f.column()) && !f.op().equals("in"));
    }

    /** Words that ask for a date itself. */
    private static final Set<String> DATE_ASKED = Set.of("when", "date", "dates", "day", "days", "time", "times");

    /**
     * A date column named only by a verb of its event ("brewed", "brew" for brew_date), in a question that asks no
     * date: the verb says what was done to the things listed or measured, it asks for no date.
     */
    private static boolean verbOfADate(Clause c, Mention m) {
        if (!m.isColumn() || !m.column().column().temporal() || m.end() != m.start() + 1 || c.has(DATE_ASKED)) {
            return false;
        }
        Token t = c.token(m.start());
        List<String> words = SchemaIndex.words(m.column().name());
        boolean pastTense = !words.contains(t.norm()) && !words.contains(t.singular())
                && !Vocabulary.pastTenseStems(t.norm()).isEmpty();
        return pastTense || m.start() > c.from && Set.of("we", "they", "you", "i").contains(c.w(m.start() - 1));
    }

    private static final Set<String> AUXILIARIES = Set.of("have", "has", "had", "did", "do", "does");

    /**
     * "what promo codes have customers used", "which titles did members borrow": after the thing asked for, a column
     * between an auxiliary and a verb is the verb's subject, said of the things asked, not a column to list.
     */
    private static boolean subjectOfVerb(Clause c, Mention m, List<Mention> listed) {
        if (listed.isEmpty() || m.start() < 1 || !AUXILIARIES.contains(c.w(m.start() - 1)) || !c.freeWord(m.end())) {
            return false;
        }
        String verb = c.w(m.end());
        return verb.endsWith("ed") || Vocabulary.PARTICIPLES.containsKey(verb) || Vocabulary.PARTICIPLES.containsValue(verb);
    }

    /** "pilots", "each trip", "the orders" when each row is one of them: the rows themselves. */
    static boolean onRowGrain(Clause c, Mention m) {
        if (m.kind() == Mention.Kind.ENTITY) {
            return m.entity().uniqueRows();
        }
        return m.kind() == Mention.Kind.COLUMN && SchemaIndex.isIdLike(m.column()) && c.index.uniquePerRow(m.column())
                && QUANTIFIERS.contains(c.w(c.prev(m.start())));
    }

    private static String defaultChart(List<ColumnProfile> cols) {
        long numeric = cols.stream().filter(x -> x.column().numeric()).count();
        return numeric >= 2 && numeric == cols.size() ? "scatter" : "bar";
    }
}
