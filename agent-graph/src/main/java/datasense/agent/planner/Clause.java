package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One clause of a question while the grammar stages read it: the tokens [from, to) of a linked question,
 * which of them a stage has understood ({@code used}), and what the stages found so far (filters, groupings,
 * measures, functions, grain, chart, ranking). Stages ({@link KindWords}, {@link ValueFilters},
 * {@link NumericFilters}, {@link MissingFilters}, {@link DateFilters}, {@link TimeGrains}, {@link Aggregates},
 * {@link Rankings}, {@link ToolIntents}) share this state so each stays small and can be read alone.
 */
final class Clause {

    /** Readings that start with this were guesses; each lowers the plan's confidence. */
    static final String BEST_GUESS = "best guess: ";

    static final Set<String> RANK_CUES = Set.of("which", "what", "who", "top", "bottom", "first", "last");

    final LinkedQuestion q;
    final SchemaIndex index;
    final int from;
    final int to;
    final boolean[] used;
    final List<String> readings = new ArrayList<>();
    final List<Filter> filters = new ArrayList<>();
    /** Where in the question each filter was said, to join "A or B" (identity: equal filters may differ in place). */
    final Map<Filter, Integer> filterStart = new java.util.IdentityHashMap<>();
    /** Measures a group condition named ("an average rating above 4.1"): the answer shows them too. */
    final List<Measure> pendingMeasures = new ArrayList<>();
    final List<Grouping> groups = new ArrayList<>();
    /** Per grouping: true when it came from a group word ("by region") rather than "which region". */
    final List<Boolean> groupViaWord = new ArrayList<>();
    final List<Measure> measures = new ArrayList<>();
    final Map<Integer, Agg> functions = new LinkedHashMap<>();
    Grain grain;
    /** The grain of the two ends of a date range said in the clause ("from Q1 to Q4 2024": quarters), or null. */
    Grain rangeGrain;
    /** A histogram's bins as asked: their number ("20 bins") or width ("bins 250 wide"); 0 when not asked. */
    int bins;
    Grouping rankWithin;
    /** The time grain was asked for by "which" or "what" ("which month had the most sales"): a ranked subject. */
    boolean grainAsked;
    double binWidth;
    /** Where the grain was named by an adjective ("monthly"), or -1: "average monthly sales" reads from it. */
    int grainAdjectiveAt = -1;
    /** Where the grain was named after "per" ("average energy per day"), or -1. */
    int grainPerAt = -1;
    String chart;
    boolean chartAsked;
    int superlativePos = -1;
    /** Every superlative's direction in order, for "the smallest and the largest discount". */
    final List<Boolean> superlativeDirections = new ArrayList<>();
    boolean descending = true;
    Integer limit;
    /** "name one film", "give at least two examples": how many examples of the rows are asked, or null for all. */
    Integer examples;
    boolean distinctCue;
    /** "share of", "percent of", "% of total": measures become shares of their total. */
    boolean share;
    /** Keys of an order the question asked for ({@link Ordering}). */
    final List<OrderKey> order = new ArrayList<>();
    /** Token positions of columns named as order keys. */
    final List<Integer> orderColumns = new ArrayList<>();
    /** Positions of the "by" of an order ("sorted by"): not a group word. */
    final java.util.Set<Integer> orderBy = new java.util.HashSet<>();
    /** An order was asked for ("sort them", "ascending") even when no key was named. */
    boolean orderAsked;
    /** The only key is the measure by default, set by a bare direction word ("descending"). */
    boolean defaultKey;
    /** "highest first", "from low to high": every row sorted, not the top one. */
    boolean sortAll;
    /** One winner was asked for without a count ("which X has the most"): rows tied with it are kept. */
    boolean ties;
    /** The column "latest", "earliest" or "most recent" ranks by (a date, else a year), or null. */
    ColumnProfile timeRank;
    /** "stacked bar", "stacked by": a second grouping drawn stacked rather than side by side. */
    boolean stacked;
    /** Starts of the mentions put on the x axis ("departments on the x axis"): groupings without "by". */
    final java.util.Set<Integer> xAxis = new java.util.HashSet<>();
    /** Starts of the mentions a closing "for each" refers back to ("drug classes with units for each"). */
    final java.util.Set<Integer> eachAtEnd = new java.util.HashSet<>();

    Clause(LinkedQuestion q, int from, int to) {
        this.q = q;
        this.index = q.index();
        this.from = from;
        this.to = to;
        this.used = new boolean[q.size()];
    }

    /** True when the clause asks "how many", "how much" or "what number of": one figure. */
    boolean asksHowMany() {
        for (int i = from; i + 1 < to; i++) {
            if (w(i).equals("how") && (w(i + 1).equals("many") || w(i + 1).equals("much"))
                    || w(i).equals("what") && w(i + 1).equals("number") && w(i + 2).equals("of")) {
                return true;
            }
        }
        return false;
    }

    /** The lowercase word at i, or "" outside the clause. */
    String w(int i) {
        return i >= from && i < to ? q.word(i) : "";
    }

    /** The mention covering token i, or null (also outside the clause). */
    Mention m(int i) {
        return i >= from && i < to ? q.mentionAt()[i] : null;
    }

    Token token(int i) {
        return q.token(i);
    }

    /** The first unexplained, unlinked token that is {@code word}, or -1. */
    int wordAt(String word) {
        for (int i = from; i < to; i++) {
            if (freeWord(i) && m(i) == null && w(i).equals(word)) {
                return i;
            }
        }
        return -1;
    }

    /** True when an unexplained word of the clause is one of {@code words} (as written or singular). */
    boolean has(Set<String> words) {
        for (int i = from; i < to; i++) {
            Token t = q.token(i);
            // a quoted string is a value the question cites ('Box'), never one of the question's own words
            if (q.mentionAt()[i] == null && t.kind() != Token.Kind.QUOTED
                    && (words.contains(t.norm()) || words.contains(t.singular()))) {
                return true;
            }
        }
        return false;
    }

    void mark(int i) {
        if (i >= from && i < to) {
            used[i] = true;
        }
    }

    void mark(int start, int end) {
        for (int k = start; k < end; k++) {
            mark(k);
        }
    }

    void markMention(Mention mention) {
        mark(mention.start(), mention.end());
    }

    boolean free(Mention mention) {
        return !used[mention.start()];
    }

    /** True when token i is in the clause, not yet understood and not linked to the schema. */
    boolean freeWord(int i) {
        return i >= from && i < to && !used[i] && q.mentionAt()[i] == null;
    }

    /** The previous token that is not an article, or -1. */
    int prev(int i) {
        int k = i - 1;
        while (k >= from && (w(k).equals("the") || w(k).equals("a") || w(k).equals("an"))) {
            k--;
        }
        return k >= from ? k : -1;
    }

    /** The next token that is not an article, or -1. */
    int next(int i) {
        int k = i + 1;
        while (k < to && (w(k).equals("the") || w(k).equals("a") || w(k).equals("an") || w(k).equals("any"))) {
            k++;
        }
        return k < to ? k : -1;
    }

    /** True when the unexplained words at i spell {@code phrase}. */
    boolean phraseAt(int i, List<String> phrase) {
        for (int k = 0; k < phrase.size(); k++) {
            if (!w(i + k).equals(phrase.get(k)) || m(i + k) != null) {
                return false;
            }
        }
        return true;
    }

    /** True (and the words marked) when one of the phrases occurs in the clause. */
    boolean hasPhrase(List<List<String>> phrases) {
        for (int i = from; i < to; i++) {
            for (List<String> p : phrases) {
                if (phraseAt(i, p)) {
                    mark(i, i + p.size());
                    return true;
                }
            }
        }
        return false;
    }

    boolean isNum(int i) {
        return i >= from && i < to && q.token(i).isNumber();
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0 && q.token(i).kind() != Token.Kind.SYMBOL) {
                sb.append(' ');
            }
            sb.append(q.token(i).text());
        }
        return sb.toString();
    }

    /** A word read as a condition: a value, or a column a filter tests ("cancelled" in "cancelled bookings"). */
    boolean filterWord(int k) {
        Mention m = m(k);
        return used[k] && m != null && (m.kind() == Mention.Kind.VALUE
                || m.isColumn() && filters.stream().anyMatch(f -> m.column().equals(f.column())));
    }

    void addFilter(Filter f, int start) {
        filters.add(f);
        filterStart.put(f, start);
    }

    void reading(String r) {
        if (r != null && !readings.contains(r)) {
            readings.add(r);
        }
    }

    // ---- groupings

    void addGroup(Grouping g, boolean viaWord) {
        if (!groups.contains(g)) {
            groups.add(g);
            groupViaWord.add(viaWord);
        }
    }

    /** The start of the first mention that groups by {@code col} (the column, or an entity with it as id), or -1. */
    int firstMentionOf(ColumnProfile col) {
        return firstMentionOf(col, from);
    }

    /** The start of the first mention of {@code col} at or after {@code start}, or -1. */
    int firstMentionOf(ColumnProfile col, int start) {
        for (int i = start; i < to; i++) {
            Mention m = m(i);
            if (m != null && i == m.start() && m.kind() != Mention.Kind.VALUE && col.equals(groupColumnOf(m))) {
                return i;
            }
        }
        return -1;
    }

    ColumnProfile groupColumnOf(Mention mention) {
        return mention.kind() == Mention.Kind.ENTITY ? mention.entity().groupColumn() : mention.column();
    }

    /** True (and the group word marked) when a group word ("by", "per", "for each") comes right before i. */
    boolean groupWordBefore(int i) {
        if (xAxis.contains(i) || (m(i) != null && xAxis.contains(m(i).start()))
                || eachAtEnd.contains(i) || (m(i) != null && eachAtEnd.contains(m(i).start()))) {
            return true; // "departments on the x axis", "drug classes with units for each"
        }
        int p = prev(i);
        if (p >= 0 && m(p) != null && m(p).kind() == Mention.Kind.ENTITY && m(p).end() == i) {
            p = prev(m(p).start()); // "per customer segment": the entity word only qualifies the column
        }
        if (p < 0) {
            return false;
        }
        String w = w(p);
        if (orderBy.contains(p)) {
            return false; // "sorted by price": an order key, not a grouping
        }
        if (Vocabulary.GROUP_WORDS.contains(w)) {
            mark(p);
            if (w(p - 1).equals("for") || w(p - 1).equals("in")) {
                mark(p - 1); // "for each", "in each"
            }
            return true;
        }
        // "by region and category": a column after "and" continues the grouping list
        if ((w.equals("and") || w.equals(",")) && !groups.isEmpty()) {
            Mention before = m(prev(p));
            return before != null && groupViaWord.get(groupViaWord.size() - 1)
                    && groups.stream().anyMatch(g -> Objects.equals(g.column(), groupColumnOf(before)));
        }
        return false;
    }

    boolean hasGroupWord() {
        for (int i = from; i < to; i++) {
            if (!used[i] && Vocabulary.GROUP_WORDS.contains(w(i)) && m(i + 1) != null) {
                return true;
            }
        }
        return false;
    }

    // ---- functions, counts, rankings

    boolean hasFunction(Agg agg) {
        return functions.containsValue(agg);
    }

    /**
     * True when a count phrase ("how many", "number of", "count of") sits within three tokens before i, not counting
     * the words already read as a condition of what is counted ("how many non-gluten-free pastries").
     */
    boolean countedAt(int i) {
        int budget = 4;
        for (int k = i - 1; k >= from && budget > 0; k--) {
            Agg a = functions.get(k);
            if (a == Agg.COUNT || a == Agg.COUNT_DISTINCT) {
                return true;
            }
            if (readAsCondition(k) || w(k).equals("non") && readAsCondition(k + 1)) {
                continue;
            }
            if (m(k) != null && !(m(k).kind() == Mention.Kind.ENTITY && m(k).end() == i)) {
                return false; // an entity word right before only qualifies: "number of order lines"
            }
            budget--;
        }
        return false;
    }

    /** True when token k is a word of a column or value a filter of the clause was read from. */
    private boolean readAsCondition(int k) {
        Mention m = m(k);
        return k >= from && used[k] && m != null && m.column() != null
                && filters.stream().anyMatch(f -> m.column().equals(f.column()));
    }

    private static final Set<String> DETERMINERS = Set.of("of", "our", "their", "your", "my", "its", "his", "her", "all",
            "these", "those");

    /** True when a share cue stands right before token i: "what share of admissions", "the percentage of orders". */
    boolean shareBefore(int i) {
        Mention qualifier = m(i - 1);
        // an entity word right before only qualifies the rows: "the percentage of order lines"
        int k = qualifier != null && qualifier.kind() == Mention.Kind.ENTITY && qualifier.end() == i ? qualifier.start() - 1 : i - 1;
        while (k >= from && (DETERMINERS.contains(w(k)) || w(k).equals("the") || filterWord(k))) {
            k--; // "percentage of cancelled bookings": the condition's words stand between the cue and the rows
        }
        return share && k >= from && k < i - 1 && Vocabulary.SHARE.contains(q.token(k).singular());
    }

    boolean mostBefore(int i) {
        int p = prev(i);
        while (p > from && (DETERMINERS.contains(w(p)) || Vocabulary.DISTINCT.contains(w(p)))) {
            p = prev(p); // "most of our bookings", "the most different stations"
        }
        return p >= 0 && Set.of("most", "fewest", "least", "more", "fewer").contains(w(p));
    }

    boolean rankCueBefore(int i) {
        for (int k = i - 1; k >= Math.max(from, i - 4); k--) {
            String w = w(k);
            if (RANK_CUES.contains(w) || Vocabulary.SUPERLATIVES.containsKey(w) || q.token(k).isNumber()
                    || NumberWords.value(w) != null) {
                return true;
            }
            if (m(k) != null && m(k).kind() != Mention.Kind.COLUMN) {
                return false;
            }
        }
        return false;
    }

    boolean hasSuperlative(String... words) {
        for (String s : words) {
            if (superlativePos >= 0 && w(superlativePos).equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** "rows", "records", "transactions", or the table's own name ("staff", "orders"). */
    boolean isRowNoun(int i) {
        if (w(i).equals("times") && (w(i - 1).equals("many") && w(i - 2).equals("how")
                || Set.of("most", "fewest", "least").contains(w(i - 1)) || w(i - 1).equals("of") && w(i - 2).equals("number"))) {
            return true; // "how many times", "the most times", "the number of times": occurrences, the rows that match
        }
        String w = q.token(i).singular();
        // "visit" of hospital_visits, or of gym_checkins (a check-in is a visit)
        return Vocabulary.ROW_NOUNS.contains(w) || index.tableHeads().stream()
                .anyMatch(t -> t.equals(w) || Vocabulary.SYNONYMS.getOrDefault(t, List.of()).contains(w));
    }


    /** "which vehicle charged the most" over ev_charging_sessions: the verb of the table's own name, what each row records. */
    void markTablesActivity() {
        for (int i = from; i < to; i++) {
            if (freeWord(i) && w(i).endsWith("ed") && SchemaLinker.namesTablesActivity(w(i), index)) {
                mark(i);
                reading("'" + q.token(i).text() + "' is what the rows of " + index.schema.table() + " record");
            }
        }
    }

    /** Counting an entity: distinct ids, or rows when each row is one of them. */
    Measure entityCount(Entity e, Mention mention) {
        String word = q.token(mention.start()).text();
        if (e.uniqueRows()) {
            reading("'" + word + "' counted as rows (one per " + e.id().name() + ")");
            return new Measure(Agg.COUNT, null);
        }
        if (recurringCode(e.id())) {
            reading("'" + word + "' counted as rows: " + e.id().name() + " is a code each row repeats at its own time ("
                    + index.schema.rows() + " rows, " + e.id().distinct() + " codes), each row one of them");
            return new Measure(Agg.COUNT, null);
        }
        ColumnProfile parent = parentOfPosition(e.id());
        if (parent != null) {
            reading("'" + word + "' counted as rows: " + e.id().name() + " numbers them from " + e.id().min()
                    + " within each " + parent.name() + ", so its numbers repeat and each row is one of them");
            return new Measure(Agg.COUNT, null);
        }
        reading("'" + word + "' read as distinct " + e.id().name());
        return new Measure(Agg.COUNT_DISTINCT, e.id());
    }

    /**
     * The id an instalment_no or a line_no counts within (loan_id), when {@code id} is such a position: whole numbers
     * from 0 or 1 that repeat over the rows (fewer than half as many values as rows), beside another id. Null else.
     */
    private ColumnProfile parentOfPosition(ColumnProfile id) {
        if (!SchemaIndex.isNumbering(id) || !id.type().toUpperCase(Locale.ROOT).contains("INT") || id.min() == null
                || !Set.of("0", "1").contains(id.min()) || 2 * id.distinct() >= index.schema.rows()) {
            return null;
        }
        return index.schema.columns().stream().filter(c -> !c.equals(id) && SchemaIndex.isIdLike(c)
                && !SchemaIndex.isNumbering(c) && c.distinct() > 1).findFirst().orElse(null);
    }

    /**
     * A flight_number over a table of dated legs: a "number" that at least five rows on average share, each row at
     * a moment of its own (a date or time column as many values as rows), is a recurring code (a route, a timetable
     * slot), not one thing: flight SA250 flies every day, and each day's is a flight. An order_number's lines share
     * their order's time, so orders stay distinct numbers.
     */
    private boolean recurringCode(ColumnProfile id) {
        List<String> words = SchemaIndex.words(id.name());
        long rows = index.schema.rows();
        if (!words.get(words.size() - 1).equals("number") || id.distinct() <= 0 || rows < 5L * id.distinct()) {
            return false;
        }
        return index.schema.columns().stream().anyMatch(col -> col.column().temporal() && col.nulls() == 0
                && col.distinct() >= rows * 95 / 100);
    }

    /** The date column named in the clause ("hired", "ship date"), else the schema's first date column. */
    ColumnProfile dateMention() {
        for (int i = from; i < to; i++) {
            Mention mention = m(i);
            if (mention != null && mention.isColumn() && mention.column().column().temporal()) {
                if (i > from && Vocabulary.GROUP_WORDS.contains(w(i - 1)) || xAxis.contains(i)) {
                    return mention.column(); // "by month", "date on the x axis": named to group by, read later
                }
                if (!listedWithColumns(mention)) {
                    reading(mention.reading());
                    markMention(mention); // a date column listed among columns to show stays free to be shown
                }
                return mention.column();
            }
        }
        int word = impliedDateWord();
        if (word < 0) {
            return index.defaultDate();
        }
        ColumnProfile date = impliedDateAt(word);
        reading("dates read from " + date.name() + ", the date of what '" + q.token(word).text() + "' names");
        return date;
    }

    /** "the session id, start time and kWh": a column in a list of columns, beside another one by a comma or "and". */
    boolean listedWithColumns(Mention mention) {
        int before = mention.start() - 1;
        int after = mention.end();
        boolean joinedBefore = before > from && (w(before).equals(",") || w(before).equals("and"))
                && m(before - 1) != null && m(before - 1).kind() != Mention.Kind.VALUE;
        boolean joinedAfter = after + 1 < to && (w(after).equals(",") || w(after).equals("and"))
                && m(after + 1) != null && m(after + 1).kind() != Mention.Kind.VALUE;
        return joinedBefore || joinedAfter;
    }

    /** Words of date columns' names that say nothing of which event the date is of. */
    private static final Set<String> DATE_WORDS = Set.of("date", "day", "time", "timestamp", "on", "at", "ts", "dt",
            "when", "of", "the");

    /**
     * The date column a word of the clause names in another form ("homes sold in 2024", "median sold price by
     * quarter": sold_on, not listed_on), when exactly one does; else the schema's first date column. Reads nothing
     * into the interpretation: {@link #dateMention} says which date it used.
     */
    ColumnProfile impliedDate() {
        int at = impliedDateWord();
        return at < 0 ? index.defaultDate() : impliedDateAt(at);
    }

    /**
     * The token naming a date column other than the first ("sold" for sold_on), or -1; -1 when two are named. A plural
     * noun names one only when no word as written does ("orders placed in June": ordered_at; "orders shipped in
     * June": the shipping date).
     */
    private int impliedDateWord() {
        int word = impliedDateWord(false);
        return Math.max(word == NONE_NAMED ? impliedDateWord(true) : word, -1);
    }

    /** What {@link #impliedDateWord(boolean)} returns when no word names a date column. */
    private static final int NONE_NAMED = -2;

    /** As {@link #impliedDateWord()} for one form of the words; {@link #NONE_NAMED} when none names a date. */
    private int impliedDateWord(boolean singular) {
        ColumnProfile found = null;
        int word = -1;
        for (int i = from; i < to; i++) {
            if (singular && q.token(i).norm().equals(q.token(i).singular())) {
                continue;
            }
            ColumnProfile d = singular ? dateNamedBy(q.token(i).singular()) : dateNamedBy(i);
            if (d != null && !d.equals(found)) {
                if (found != null) {
                    return -1; // two events named: the rule cannot tell
                }
                found = d;
                word = i;
            }
        }
        return found == null ? NONE_NAMED : found.equals(index.defaultDate()) ? -1 : word;
    }

    /** The date column token i names as written, else as its singular ("orders": ordered_at). */
    private ColumnProfile impliedDateAt(int i) {
        ColumnProfile named = dateNamedBy(i);
        return named != null ? named : dateNamedBy(q.token(i).singular());
    }

    /** The date column whose name holds {@code word} in another form ("sold", "sell": sold_on), else null. */
    private ColumnProfile dateNamedBy(String word) {
        ColumnProfile found = null;
        for (ColumnProfile d : index.dates) {
            for (String name : SchemaIndex.words(d.name())) {
                if (!DATE_WORDS.contains(name) && Rates.namesEvent(name, word)) {
                    if (d.equals(index.defaultDate())) {
                        return d; // "bookings" with booked_at and booked_for: the one the table is dated by
                    }
                    found = found == null ? d : found;
                }
            }
        }
        if (found != null && SchemaIndex.arranged(found) && index.defaultDate() != null && !found.equals(index.defaultDate())
                && (word.endsWith("ing") || word.endsWith("ion"))) {
            // "bookings per month" on a table of bookings dated by their class: the bookings are the rows, dated as
            // the table is; "booked in March" names when they were made
            return index.defaultDate();
        }
        return found;
    }

    /** The date column whose name holds token i in another form ("sold", "sell": sold_on), else null. */
    ColumnProfile dateNamedBy(int i) {
        ColumnProfile named = dateNamedBy(w(i));
        if (named != null) {
            return named;
        }
        // "deals we won in 2024": a yes/no blank on exactly the rows a date is blank on is settled on that date
        boolean settles = index.dates.stream().anyMatch(d -> d.nulls() > 0 && index.schema.columns().stream()
                .anyMatch(f -> f.nulls() == d.nulls() && f.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL")));
        ColumnProfile flag = settles ? FlagFilters.flagAt(this, i) : null;
        List<ColumnProfile> settled = flag == null || flag.nulls() == 0 ? List.of()
                : index.dates.stream().filter(d -> d.nulls() == flag.nulls()).toList();
        return settled.size() == 1 ? settled.get(0) : null;
    }

    // ---- results

    /**
     * A clause that asks for nothing complete on its own, with what it did link kept so a follow-up
     * ("and by year?", "only for the West") can apply it to the previous question.
     */
    Intent partial() {
        return new Intent(Intent.Kind.UNKNOWN, measures, groups, filters, List.of(), limit, !descending, chart,
                grain, null, readings, unexplained(), text());
    }

    /** Symbols that carry meaning: a comparison or a percent sign left unread changes the answer. */
    private static final Set<String> OPERATOR_SYMBOLS = Set.of(">", "<", ">=", "<=", "=", "!=", "%");
    private static final Set<String> CONJUNCTIONS = Set.of("and", "&", "plus", ",", "nor");

    /**
     * What the clause says that no stage understood, as written: content words that are not grammatical
     * {@link Vocabulary#FILLER}, operator symbols, and column or value mentions that got no role (the question
     * named them and the plan would ignore them). A conjunction between understood words is understood.
     */
    List<Unexplained> unexplained() {
        List<Unexplained> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (used[i]) {
                continue;
            }
            Token t = q.token(i);
            Mention mention = m(i);
            if (mention != null) {
                if (mention.start() == i || i == from) {
                    out.add(new Unexplained(text(mention.start(), mention.end()), Unexplained.Kind.MENTION));
                }
                continue;
            }
            if (t.kind() == Token.Kind.SYMBOL) {
                if (OPERATOR_SYMBOLS.contains(t.norm())) {
                    out.add(Unexplained.of(t));
                }
                continue;
            }
            if (t.kind() == Token.Kind.WORD && (Vocabulary.FILLER.contains(t.norm())
                    || Vocabulary.FILLER.contains(t.singular()))) {
                continue;
            }
            if (CONJUNCTIONS.contains(t.norm()) && understoodNear(i, -1) && understoodNear(i, 1)) {
                continue;
            }
            out.add(Unexplained.of(t));
        }
        return out;
    }

    /** True when the nearest token before (step -1) or after (step 1) i that is not filler was understood. */
    private boolean understoodNear(int i, int step) {
        for (int k = i + step; k >= from && k < to; k += step) {
            Token t = q.token(k);
            if (used[k]) {
                return true;
            }
            if (t.kind() == Token.Kind.WORD && m(k) == null && Vocabulary.FILLER.contains(t.norm())) {
                continue;
            }
            return false;
        }
        return false;
    }

    String text(int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (k > start) {
                sb.append(' ');
            }
            sb.append(q.token(k).text());
        }
        return sb.toString();
    }
}
