package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rankings and extremes: superlatives ("top", "highest", "least") with a row count in digits or words
 * ("top 5", "top five", "the three lowest"), and how a clause with one finishes: the top N groups
 * ("which 3 states have the highest profit"), the top rows of a table of entities ("the 3 highest paid
 * employees"), the extreme value when nothing is grouped ("the largest sale" = MAX), or a list when no
 * measure is named ("list the sub-categories in Furniture").
 */
final class Rankings {

    private static final Set<String> LIMIT_CUES = Set.of("top", "bottom", "first", "last");

    private Rankings() {
    }

    /** Names of a column that holds the table's own ranking: "Rank", "Pos.", "Place", "No.". */
    private static final Set<String> RANK_NAMES = Set.of("rank", "ranking", "position", "pos", "place", "pl", "no", "standing");

    /**
     * "how many of the top 10 peaks are in Peru": with nothing named to rank by, the top ten are the rows the table
     * itself ranks 1 to 10 (its Rank column), and the question counts those among them, not ten rows of a ranking.
     */
    static void topByTableRank(Clause c) {
        // "the average gold of the top 5 ranked nations": a figure over the top rows, as a count is
        boolean figureOver = c.functions.entrySet().stream()
                .anyMatch(f -> f.getKey() < c.superlativePos && f.getValue() != Agg.MAX && f.getValue() != Agg.MIN);
        // "what is the number of countries ranked in the top 8": a count, as "how many" is
        boolean counted = c.asksHowMany() || java.util.stream.IntStream.range(c.from, Math.max(c.from, c.superlativePos))
                .anyMatch(i -> c.w(i).equals("number") && c.w(i + 1).equals("of"));
        if (!counted && !figureOver || c.limit == null || !c.hasSuperlative("top") || c.superlativeDirections.size() > 1) {
            return;
        }
        ColumnProfile rank = null;
        for (ColumnProfile col : c.index.schema.columns()) {
            List<String> words = SchemaIndex.words(col.name().toLowerCase(Locale.ROOT));
            if (col.column().numeric() && !words.isEmpty() && RANK_NAMES.containsAll(words)) {
                rank = col;
                break;
            }
        }
        int governed = c.next(c.superlativePos);
        while (governed >= 0 && governed < c.to && (c.token(governed).isNumber()
                || Set.of("ranked", "placed", "seeded").contains(c.w(governed)))) {
            governed = c.next(governed); // "the top 5 ranked countries": the noun after the word of ranking
        }
        Mention noun = governed < 0 ? null : c.m(governed);
        if (rank == null || noun != null && noun.isColumn() && noun.column().column().numeric()) {
            return; // "the top 5 sales": a ranking by that measure, not the table's
        }
        c.addFilter(Filter.of(rank, "le", c.limit), c.superlativePos);
        c.reading("'" + c.token(c.superlativePos).text() + " " + c.limit + "' read as " + rank.name() + " <= " + c.limit
                + ", the table's own ranking");
        if (figureOver && !counted && noun != null) {
            c.markMention(noun); // "of the top 5 nations": the rows the figure is over, not a grouping by nation
        }
        c.limit = null;
        c.superlativePos = -1;
        c.superlativeDirections.clear();
    }

    /**
     * "which team scored the most points": what is ranked is the noun the superlative governs, the one right after
     * it, not a column the verb before it happens to name ("Goals Scored"). That measure goes first, and the rows
     * are ordered by it; the other stays beside it.
     */
    static void rankedNounFirst(Clause c) {
        if (c.superlativePos < 0 || c.measures.size() < 2) {
            return;
        }
        int governed = c.next(c.superlativePos);
        for (int k = 1; k < c.measures.size(); k++) {
            Measure m = c.measures.get(k);
            if (governed >= 0 && m.column() != null && c.firstMentionOf(m.column()) == governed
                    && c.measures.stream().limit(k).allMatch(x -> x.column() != null && c.firstMentionOf(x.column()) < c.superlativePos)) {
                c.measures.remove(k);
                c.measures.add(0, m);
                return;
            }
        }
    }

    /** Words of measures where less is better: delays, waits, faults, a rank or a race time. */
    private static final Set<String> LESS_IS_BETTER = Set.of("delay", "late", "lateness", "wait", "waiting", "error",
            "defect", "complaint", "fault", "churn", "absence", "sick", "penalty", "downtime", "latency", "rank",
            "position", "pos", "place", "placing", "time");

    /** True when the clause names a number column whose larger values are worse ("dep_delay_min", "Rank"). */
    private static boolean lowerIsBetter(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && m.column().column().numeric()
                    && SchemaIndex.words(m.column().name()).stream().anyMatch(LESS_IS_BETTER::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Superlatives of size, which a negative amount has too: the biggest refund is the most negative one. */
    static final Set<String> SIZE_WORDS = Set.of("biggest", "largest", "greatest", "smallest");

    /** The first numeric column named after {@code i} when it is kept as negatives, else null. */
    static ColumnProfile negativeAmountAfter(Clause c, int i) {
        for (int k = i + 1; k < c.to; k++) {
            Mention m = c.m(k);
            if (m != null && m.isColumn() && m.column().column().numeric()) {
                ColumnProfile col = m.column();
                return SchemaIndex.keptNegative(col) ? col : null;
            }
        }
        return null;
    }

    static void superlatives(Clause c) {
        anyOne(c);
        for (int i = c.from; i < c.to; i++) {
            if (c.used[i]) {
                continue; // a superlative may also be a mention: "oldest" names age
            }
            if (threshold(c, i)) {
                continue; // "at least 3 goals" is a comparison left to its own stage, not "the 3 least"
            }
            Mention named = c.m(i);
            if (named != null && named.isColumn() && named.end() - named.start() > 1) {
                continue; // a word of a longer column name: "Top scorer", "Best time" name columns, rank nothing
            }
            Boolean desc = c.w(i).equals("most") && c.w(c.next(i)).equals("recent") ? null
                    : Vocabulary.SUPERLATIVES.get(c.w(i)); // "most recent" is a superlative of time
            if (desc != null && (c.w(i).equals("best") || c.w(i).equals("worst")) && lowerIsBetter(c)) {
                desc = !desc; // "the worst average delay" is the largest, "the best rank" the smallest
            }
            ColumnProfile negatives = desc != null && SIZE_WORDS.contains(c.w(i)) ? negativeAmountAfter(c, i) : null;
            if (negatives != null) {
                desc = !desc; // "the biggest refunds" over refunds kept as negatives: the most negative ones
                c.reading("'" + c.token(i).text() + "' read by size, as " + negatives.name() + " is never above zero");
            }
            if (desc != null) {
                c.superlativeDirections.add(desc);
            }
            if (desc != null && c.superlativePos < 0) {
                c.superlativePos = i;
                c.descending = desc;
                if (c.m(i) == null) {
                    c.mark(i);
                }
            }
        }
        if (c.superlativePos < 0) {
            timeSuperlative(c);
        }
        if (c.superlativePos < 0) {
            betweenAlternatives(c);
        }
        if (c.superlativePos < 0) {
            theComparative(c);
        }
        if (c.superlativePos < 0 && !c.has(Clause.RANK_CUES)) {
            return;
        }
        boolean cueOnly = c.superlativePos < 0;
        for (int i = c.from; i < c.to; i++) {
            Token t = c.token(i);
            if (cueOnly && !Clause.RANK_CUES.contains(c.w(c.prev(i)))) {
                continue; // "which 3 states", but not the 3 of "which states had 3 seats"
            }
            // "the least in the 5 hoops category": a number in a column's name ("5 Hoops") counts nothing
            Mention after = c.m(i + 1);
            boolean named = c.m(i) != null && c.m(i).isColumn() || after != null && after.isColumn()
                    && after.start() == i + 1 && after.column().name().startsWith(t.text() + " ");
            if (named && c.m(i) == null && !c.used[i]) {
                c.mark(i); // the number is the first word of the column's name
            }
            if (!c.used[i] && t.isNumber() && !t.norm().contains(".") && !t.norm().startsWith("-")
                    && t.norm().length() <= 4 && !partitive(c, i) && !named) {
                int n = Integer.parseInt(t.norm());
                if (n >= 1 && n <= 1000) {
                    c.limit = n;
                    c.mark(i);
                    return;
                }
            }
        }
        // "top five", "the two largest orders", "three lowest": a number word next to the ranking word
        for (int i = c.from; i < c.to; i++) {
            Integer n = c.freeWord(i) && !partitive(c, i) ? NumberWords.value(c.w(i)) : null;
            // "which three weapons have the highest caliber": the number after "which" is how many are asked
            boolean asked = c.superlativePos >= 0 && n != null && n >= 2 // "which one" is a pronoun
                    && (c.w(i - 1).equals("which") || c.w(i - 1).equals("what"));
            if (n != null && (LIMIT_CUES.contains(c.w(i - 1)) || Vocabulary.SUPERLATIVES.containsKey(c.w(i + 1))
                    || Vocabulary.SUPERLATIVES.containsKey(c.w(i - 1)) || asked)) {
                c.limit = n;
                c.mark(i);
                return;
            }
        }
    }

    /**
     * "which of the 11 districts", "among the five finalists": a number in a partitive counts the things chosen
     * from, not how many are chosen ("the trip id of the 5 longest trips" is no partitive).
     */
    private static boolean partitive(Clause c, int i) {
        // "of the 5 longest trips" is the five asked for: a superlative after the number ranks
        return c.w(i - 1).equals("the") && (c.w(i - 2).equals("of") || c.w(i - 2).equals("among"))
                && !Vocabulary.SUPERLATIVES.containsKey(c.w(i + 1));
    }

    /**
     * "Out of V-Hawks and Mustangs, who has the least enrollment?": the superlative picks among the values the
     * question names, which are what is grouped.
     */
    private static boolean amongNamed(Clause c) {
        return c.groups.size() == 1 && c.filters.stream().anyMatch(f -> "in".equals(f.op()) && f.values() != null
                && f.values().size() >= 2 && c.groups.get(0).column().equals(f.column()));
    }

    /** Name words of a physical magnitude of one thing: the trees of a species do not add their heights up. */
    private static final Set<String> MAGNITUDES = Set.of("height", "heights", "weight", "weights", "elevation",
            "altitude", "length", "width", "depth", "diameter", "size", "mass", "tall", "span");

    /**
     * "The species with the least height", "which club has the heaviest weight": a superlative of a magnitude of one
     * thing (a height, a weight, a quantity written with its unit) over groups of several rows, with no function
     * named, is of each group's extreme row, not of its total: heights do not add up.
     */
    private static void magnitudeExtremes(Clause c, boolean explicitFunction) {
        if (explicitFunction || c.groups.size() != 1 || c.measures.size() != 1 || rowsAreEntities(c)
                || c.index.uniquePerRow(c.groups.get(0).column()) || mostlyOnePerRow(c, c.groups.get(0).column())) {
            return; // one row a group: the rows themselves are ranked
        }
        Measure m = c.measures.get(0);
        ColumnProfile col = m.column();
        if (col == null || (m.agg() != Agg.SUM && m.agg() != Agg.AVG) || m.derived() != Measure.Derived.NONE || m.share()
                || !(QuantityFilters.written(col) || SchemaIndex.words(col.name()).stream().anyMatch(MAGNITUDES::contains)
                || SPEED.contains(c.w(c.superlativePos)) && timeTaken(col))) { // "the fastest time": one row's, not a sum
            return;
        }
        c.measures.set(0, new Measure(c.descending ? Agg.MAX : Agg.MIN, col));
        c.readings.removeIf(r -> r.contains("averaged"));
        c.reading("'" + c.token(c.superlativePos).text() + "' read as each " + c.groups.get(0).column().name() + "'s "
                + (c.descending ? "largest " : "smallest ") + col.name() + ", as " + col.name() + " does not add up");
    }

    /** Adjectives of how often a thing is among the rows: "the most common", "the least popular". */
    private static final Set<String> OFTEN = Set.of("common", "popular", "frequent", "usual", "typical", "prevalent");

    /** Words of speed: the fastest is the most of a speed, and the least of a time taken. */
    static final Set<String> SPEED = Set.of("fastest", "quickest", "slowest");
    /** Column name words that say it holds a time taken: its kind, or its unit ("response_minutes"). */
    private static final Set<String> TIME_TAKEN = Set.of("time", "duration", "lap", "elapsed");

    static boolean timeTaken(ColumnProfile col) {
        return QuantityFilters.clock(col) || SchemaIndex.words(col.name()).stream().anyMatch(w -> TIME_TAKEN.contains(w) || Vocabulary.TIME_UNITS.contains(w));
    }

    /** "The fastest time", "the quickest lap": less time is faster, so a word of speed ranks a time taken upward. */
    private static void speedOfTime(Clause c) {
        if (c.superlativePos < 0 || !SPEED.contains(c.w(c.superlativePos)) || c.measures.size() != 1
                || c.measures.get(0).column() == null) {
            return;
        }
        ColumnProfile col = c.measures.get(0).column();
        if (timeTaken(col)) {
            c.descending = !c.descending;
            c.reading("'" + c.token(c.superlativePos).text() + "' read as the " + (c.descending ? "most" : "least")
                    + " " + col.name() + ", as less time is faster");
        }
    }

    /** Comparatives that pick one of several named things, and whether the larger is picked. */
    private static final java.util.Map<String, Boolean> COMPARATIVES = java.util.Map.ofEntries(
            java.util.Map.entry("more", true), java.util.Map.entry("higher", true), java.util.Map.entry("larger", true),
            java.util.Map.entry("bigger", true), java.util.Map.entry("greater", true), java.util.Map.entry("longer", true),
            java.util.Map.entry("older", true), java.util.Map.entry("later", true), java.util.Map.entry("taller", true),
            java.util.Map.entry("fewer", false), java.util.Map.entry("less", false), java.util.Map.entry("lower", false),
            java.util.Map.entry("smaller", false), java.util.Map.entry("shorter", false), java.util.Map.entry("younger", false),
            java.util.Map.entry("earlier", false));

    /**
     * "who scored more goals, Reid or Smith?", "which is larger, A or B": a comparative with no "than", asking which
     * of two or more named values of one column: the one of them ranked first, as a superlative would among all.
     */
    private static void betweenAlternatives(Clause c) {
        Filter named = c.filters.stream().filter(f -> f.op().equals("in") && f.values() != null && f.values().size() >= 2)
                .findFirst().orElse(null);
        if (named == null || !c.has(Set.of("which", "who", "what", "whom"))) {
            return;
        }
        for (int i = c.from; i < c.to; i++) {
            Boolean desc = c.freeWord(i) ? COMPARATIVES.get(c.w(i)) : null;
            if (desc == null || c.w(i + 1).equals("than") || c.w(i - 1).equals("many") || c.w(i - 1).equals("much")) {
                continue;
            }
            c.superlativePos = i;
            c.descending = desc;
            c.superlativeDirections.add(desc);
            c.ties = true;
            c.mark(i);
            c.addGroup(new Grouping(named.column(), null), false);
            c.reading("'" + c.token(i).text() + "' read as the " + (desc ? "largest" : "smallest") + " of the "
                    + named.column().name() + " values named");
            return;
        }
    }

    /**
     * "Which player in 2012 had the larger transfer fee?": a comparative after "the", with no "than", picks the one
     * of those asked about that is larger, as a superlative does (English uses it for the larger of two).
     */
    private static void theComparative(Clause c) {
        if (!c.has(Set.of("which", "who", "what", "whom")) || c.has(Set.of("than"))) {
            return;
        }
        for (int i = c.from + 1; i < c.to; i++) {
            Boolean desc = c.freeWord(i) && c.w(i - 1).equals("the") ? COMPARATIVES.get(c.w(i)) : null;
            if (desc == null) {
                continue;
            }
            c.superlativePos = i;
            c.descending = desc;
            c.superlativeDirections.add(desc);
            c.mark(i);
            c.reading("'the " + c.token(i).text() + "' read as the " + (desc ? "largest" : "smallest") + " of those asked about");
            return;
        }
    }

    /** Column name words of a place in an order, where 1 is first: "Rank", "Position", "Place", "Seed". */
    private static final Set<String> PLACE_NAMES = Set.of("rank", "ranking", "position", "pos", "place", "seed",
            "standing", "placing");
    /** Superlatives that mean "nearer first" when said of a place: "the highest rank" is rank 1. */
    private static final Set<String> UPWARD = Set.of("highest", "best", "higher", "top", "greatest");

    /**
     * "Who has the highest rank", "the best position": a place in an order counts up from 1 for the first, so
     * the highest rank is the smallest number, and the lowest rank the largest.
     */
    private static void placesRankUpwards(Clause c) {
        if (c.superlativePos < 0 || c.measures.size() != 1 || c.measures.get(0).column() == null) {
            return;
        }
        ColumnProfile col = c.measures.get(0).column();
        List<String> words = SchemaIndex.words(col.name());
        String superlative = c.w(c.superlativePos);
        boolean upward = UPWARD.contains(superlative);
        if (words.isEmpty() || !PLACE_NAMES.containsAll(words) || !col.column().numeric()
                || !upward && !Set.of("lowest", "worst", "lower").contains(superlative)) {
            return;
        }
        c.descending = !upward;
        c.reading("'" + c.token(c.superlativePos).text() + " " + col.name() + "' read as the "
                + (upward ? "smallest" : "largest") + " number, 1 being first");
    }

    /** True for "least" or "most" in "at least 10", "at most ten", "at least 5th": a bound, not a ranking. */
    private static boolean threshold(Clause c, int i) {
        if (!(c.w(i).equals("least") || c.w(i).equals("most")) || !c.w(c.prev(i)).equals("at")) {
            return false;
        }
        int n = c.next(i);
        return n >= 0 && (c.isNum(n) || NumberWords.value(c.w(n)) != null || NumberWords.ordinal(c.w(n)) != null);
    }

    /**
     * "the longest any property took to sell": "any" before a thing says whichever one it is, so the extreme is over
     * them all, not a ranking of the things (nor of their types). The thing is read and left alone.
     */
    private static void anyOne(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            Mention m = c.m(i + 1);
            if (c.freeWord(i) && c.w(i).equals("any") && m != null && m.start() == i + 1 && c.free(m)
                    && (m.kind() == Mention.Kind.ENTITY || m.isColumn() && !m.column().column().numeric() && m.value() == null)
                    && c.token(m.end() - 1).norm().equals(c.token(m.end() - 1).singular())
                    && c.has(Vocabulary.SUPERLATIVES.keySet())) {
                c.mark(i);
                c.markMention(m);
            }
        }
    }

    /** Superlatives of time, most recent first: "latest", "newest", "most recent"; "earliest" is the other end. */
    private static final java.util.Map<String, Boolean> TIME_SUPERLATIVES = java.util.Map.of("latest", true,
            "newest", true, "recent", true, "earliest", false, "first", false, "last", true);
    /** Verbs after which "first" or "last" is a place, not a time: "finished first", "came last". */
    private static final Set<String> PLACE_VERBS = Set.of("finish", "finished", "finishes", "finishing", "place",
            "placed", "placing", "came", "come", "comes", "end", "ended", "ends", "rank", "ranked", "ranks", "was", "is");
    /** Words after which "first" or "last" counts ("first 5") or names a part of a period ("first half"). */
    private static final Set<String> PERIOD_PARTS = Set.of("half", "quarter", "week", "month", "year", "day",
            "place");

    /**
     * "the latest runner-up", "the most recent winner", "the first opponent", "when did they last win": the row
     * furthest along the table's time column (or, without one, a column that numbers rounds, weeks or games).
     */
    private static void timeSuperlative(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Boolean desc = c.used[i] || c.m(i) != null ? null : TIME_SUPERLATIVES.get(c.w(i));
            if (desc == null || c.w(i).equals("recent") && !c.w(c.prev(i)).equals("most")) {
                continue;
            }
            boolean ordinal = c.w(i).equals("first") || c.w(i).equals("last");
            if (ordinal && (PLACE_VERBS.contains(c.w(i - 1)) || c.isNum(i + 1) || NumberWords.value(c.w(i + 1)) != null
                    || i + 1 < c.to && PERIOD_PARTS.contains(c.token(i + 1).singular()))) {
                continue;
            }
            Mention years = DateFilters.yearsMention(c); // "which incumbent was first elected the earliest"
            ColumnProfile time = years == null ? null : years.column();
            Mention event = c.m(i + 1);
            if (time == null && (!ordinal || event != null && event.isColumn() && event.column().equals(c.impliedDate()))
                    && c.impliedDate() != null && !c.impliedDate().equals(c.index.defaultDate())) {
                // "the most recent cancellation", "the last payment": by the date the event's word names
                time = c.impliedDate();
            }
            if (time == null) {
                time = ordinal ? c.index.sequenceOrder() : c.index.timeOrder();
            }
            if (time == null) {
                return;
            }
            c.superlativePos = i;
            c.descending = desc;
            c.timeRank = time;
            c.mark(i);
            if (c.w(i).equals("recent")) {
                c.mark(c.prev(i));
            }
            c.reading("'" + c.token(i).text() + "' read as the " + (desc ? "last" : "first") + " by " + time.name());
            return;
        }
    }

    /**
     * "top 3 products in each region", "the best-selling product per year": of two groupings, the one named after
     * "each", "every" or "per" is where the ranking of the other restarts; null when neither or both are.
     */
    private static Grouping rankedWithin(Clause c) {
        if (c.groups.size() != 2) {
            return null;
        }
        Grouping within = null;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            int p = c.prev(i);
            if (m != null && (m.start() != i || m.kind() == Mention.Kind.VALUE) || p < 0
                    || !Set.of("each", "every", "per").contains(c.w(p))) {
                continue;
            }
            String word = c.token(i).singular();
            for (Grouping g : c.groups) {
                if (m != null ? c.groupColumnOf(m).equals(g.column()) : g.grain() != null && g.grain().word.equals(word)) {
                    if (within != null && within != g) {
                        return null;
                    }
                    within = g;
                }
            }
        }
        return within;
    }

    /**
     * True when the column is said as what the ranked things have: "the 5 highest salaries with their job titles"
     * lists the rows with their titles, it does not add the salaries up per title.
     */
    private static boolean possessed(Clause c, ColumnProfile col) {
        for (int i = c.from + 1; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && m.column().equals(col)
                    && Set.of("their", "its", "whose").contains(c.w(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** "hires per department", "rejections by source": a plural noun read as a value, then a group word. */
    /** Words that ask for the values themselves, not how many rows each has. */
    private static final Set<String> LISTING = Set.of("list", "which", "what", "name", "names", "who", "whose");

    /**
     * A breakdown with no measure that counts rows: "bookings by marina and pontoon", where what tells the rows apart
     * (one value a row: an id, a name) is named before a group word, or a chart of groups ("pie of call outcomes"),
     * which draws how many rows each holds. The identifier's grouping goes; each other grouping's rows are counted.
     * Not when the question asks for the values themselves ("list", "which").
     */
    private static boolean rowsCountedPerGroup(Clause c) {
        if (c.has(LISTING)) {
            return false;
        }
        long rows = c.index.schema.rows();
        int ids = -1; // the grouping on the rows' own identifier
        for (int k = 0; k < c.groups.size(); k++) {
            ColumnProfile col = c.groups.get(k).column();
            if (!c.groupViaWord.get(k) && rows > 2 && !col.column().numeric() && c.index.uniquePerRow(col)) {
                ids = k;
            }
        }
        boolean grouped = c.groupViaWord.contains(true);
        boolean chart = c.chartAsked && c.chart != null && !c.chart.equals("box");
        if (ids >= 0 && (grouped || chart) && c.groups.size() >= 2) {
            String counted = c.groups.get(ids).column().name();
            c.groups.remove(ids);
            c.groupViaWord.remove(ids);
            c.reading("the rows (one " + counted + " each) counted per " + c.groups.stream().map(Grouping::alias)
                    .collect(java.util.stream.Collectors.joining(" and ")));
            return true;
        }
        if (ids < 0 && chart) {
            c.reading("a " + c.chart + " chart of " + c.groups.stream().map(Grouping::alias)
                    .collect(java.util.stream.Collectors.joining(" and ")) + ": the rows of each counted");
            return true;
        }
        if (ids < 0 && grouped && c.has(BREAKDOWN)) {
            // "give me a breakdown by category": a breakdown of something unnamed; how many rows each is a guess
            c.reading(Clause.BEST_GUESS + "nothing names what to break down, so the rows of each "
                    + c.groups.stream().map(Grouping::alias).collect(java.util.stream.Collectors.joining(" and ")) + " are counted");
            return true;
        }
        return false;
    }

    /** Words of a breakdown, which divides an amount among groups rather than listing them. */
    private static final Set<String> BREAKDOWN = Set.of("breakdown", "broken", "split");

    private static boolean eventsGrouped(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            Mention m = c.m(i);
            Token t = c.token(i);
            if (m != null && m.kind() == Mention.Kind.VALUE && m.start() == i && m.end() == i + 1
                    && !t.norm().equals(t.singular()) && Vocabulary.GROUP_WORDS.contains(c.w(i + 1))) {
                return true;
            }
            Token last = m == null ? null : c.token(m.end() - 1);
            if (m != null && m.start() == i && m.isColumn() && FlagFilters.flag(m.column())
                    && !last.norm().equals(last.singular()) && Vocabulary.GROUP_WORDS.contains(c.w(m.end()))) {
                return true; // "no-shows per groomer": the rows a yes/no column marks, counted
            }
        }
        return false;
    }

    static Intent finish(Clause c, List<Mention> population) {
        placesRankUpwards(c);
        if (c.superlativePos >= 0 && c.limit == null && c.superlativeDirections.size() == 1 && c.asksHowMany()
                && c.hasSuperlative("top") && c.measures.stream().allMatch(m -> m.agg() == Agg.COUNT && m.column() == null)) {
            // "how many top goalscorers have 30 goals": the rows the table lists as its top, counted; no ranking asked
            c.reading("'top' read as describing the rows counted, as no number of them is given");
            c.superlativePos = -1;
            c.superlativeDirections.clear();
        }
        if (c.timeRank != null && c.measures.isEmpty()) {
            c.measures.add(new Measure(c.descending ? Agg.MAX : Agg.MIN, c.timeRank));
        }
        boolean explicitFunction = !c.functions.isEmpty();
        boolean valueAsked = valueAsked(c);
        if (c.superlativePos >= 0 && c.groups.isEmpty() && !population.isEmpty() && !c.measures.isEmpty()
                && c.measures.stream().allMatch(x -> x.column() != null) && !valueAsked) {
            // "the customer with the highest sales", "oldest employee": rank the entity
            c.addGroup(new Grouping(population.get(0).entity().groupColumn(), null), false);
            c.readings.removeIf(r -> r.contains("averaged"));
            if (!explicitFunction) {
                List<Measure> summed = c.measures.stream().map(x -> new Measure(Agg.SUM, x.column())).toList();
                c.measures.clear();
                c.measures.addAll(summed);
            }
        }
        int single = c.superlativePos >= 0 && c.freeWord(c.superlativePos + 1) && c.w(c.superlativePos + 1).equals("single")
                ? c.superlativePos + 1 : -1;
        if (single > 0) {
            c.mark(single); // "the highest single bill": one row's value, asked for itself
        }
        if (c.superlativePos >= 0 && c.groups.isEmpty() && !c.measures.isEmpty() && population.isEmpty()
                && c.measures.stream().allMatch(x -> x.column() != null) && asksForAThing(c) && single < 0 && !valueAsked) {
            ColumnProfile label = c.index.rowLabel();
            if (label != null) {
                // "who is the player with the most MVPs", "which has the most surface": name the row
                c.addGroup(new Grouping(label, null), false);
                c.reading("the answer is named by " + label.name());
                c.readings.removeIf(r -> r.contains("averaged"));
            }
        }
        guessMeasure(c);
        rankedNounFirst(c);
        speedOfTime(c);
        boolean dimsViaRankCue = c.groupViaWord.contains(false);
        boolean topWord = c.hasSuperlative("top", "bottom");
        boolean ranking = c.superlativePos >= 0 && !c.groups.isEmpty()
                && (topWord || c.limit != null || dimsViaRankCue || explicitFunction || amongNamed(c));
        Intent.Kind kind = Intent.Kind.AGGREGATE;
        List<ColumnProfile> columns = new ArrayList<>();
        Integer lim = null;
        if (ranking) {
            lim = c.limit != null ? c.limit : topWord ? topCount(c) : pluralGroupWord(c) ? 10 : 1;
            c.ties = c.limit == null && lim == 1;
            rowLabelsCounted(c);
            c.rankWithin = rankedWithin(c);
            if (c.rankWithin != null) {
                c.reading("ranked within each " + c.rankWithin.describe());
            }
            if (c.measures.isEmpty()) {
                c.measures.add(new Measure(Agg.COUNT, null));
                if (!c.hasSuperlative("most", "fewest", "least", "busiest", "quietest") && !c.hasFunction(Agg.COUNT)
                        && !c.hasFunction(Agg.COUNT_DISTINCT)) {
                    // "which venue has the largest result", "the top album": a size or a standing, not how often
                    c.reading(Clause.BEST_GUESS + "'" + c.token(c.superlativePos).text()
                            + "' ranks by a count of rows, as nothing in the question names what is large or small");
                }
            }
            int how = c.superlativePos + 1;
            if (c.measures.size() == 1 && c.measures.get(0).agg() == Agg.COUNT && c.measures.get(0).column() == null
                    && c.hasSuperlative("most", "least") && c.freeWord(how) && OFTEN.contains(c.w(how))) {
                c.mark(how); // "the most common", "the most popular": how often, the rows counted
                c.reading("'" + c.text(c.superlativePos, how + 1) + "' read as the " + (c.descending ? "most" : "fewest")
                        + " rows");
            }
            magnitudeExtremes(c, explicitFunction);
            // one row per entity (employees): rank the rows themselves instead of summing them
            boolean defaultAgg = c.measures.stream()
                    .allMatch(x -> x.column() != null && (x.agg() == Agg.SUM || x.agg() == Agg.AVG));
            // a period is never one row, though its date may be ("which quarter sold the most")
            boolean byValue = c.groups.size() == 1 && c.groups.get(0).grain() == null;
            // "the most number of laps" names no more of an aggregate than "the most laps": a count word that ended
            // up adding a column does not say whether the rows or their groups are ranked
            boolean namedFunction = explicitFunction && !countWordAddedUp(c);
            if (byValue && defaultAgg && !namedFunction && !rowsAreEntities(c)
                    && mostlyOnePerRow(c, c.groups.get(0).column())) {
                c.readings.removeIf(r -> r.contains("counted by adding up"));
                c.reading(Clause.BEST_GUESS + "most " + c.groups.get(0).column().name() + " values name one row each, so"
                        + " rows are ranked; a " + c.groups.get(0).column().name() + " on several rows is not added up");
            } else if (c.groups.size() == 1 && !c.hasFunction(Agg.SUM) && !rowsAreEntities(c) && fewRowsEach(c, c.groups.get(0).column())
                    && c.measures.stream().allMatch(x -> x.column() != null && x.agg() == Agg.SUM)) {
                // "which team had the most laps" over a race's cars, two or three a team: the team's cars added up,
                // or the one car that ran the most?
                ColumnProfile g = c.groups.get(0).column();
                c.reading(Clause.BEST_GUESS + "a " + g.name() + " has few rows (" + c.index.schema.rows() + " rows, "
                        + g.distinct() + " " + g.name() + " values): added up per " + g.name() + ", though one row's "
                        + c.measures.get(0).column().name() + " may be meant");
            }
            if (byValue && defaultAgg && (rowsAreEntities(c) || (!namedFunction
                    && (c.index.uniquePerRow(c.groups.get(0).column()) || mostlyOnePerRow(c, c.groups.get(0).column())
                    || possessed(c, c.groups.get(0).column()))))) {
                kind = Intent.Kind.ROWS;
                columns.add(c.groups.get(0).column());
                c.measures.forEach(x -> columns.add(x.column()));
            }
        } else if (c.superlativePos >= 0 && !c.groups.isEmpty() && !c.measures.isEmpty() && !c.groupViaWord.contains(false)
                && !c.has(Set.of("which", "who", "whom", "whose")) && c.groups.stream().noneMatch(Grouping::temporal)
                && !c.hasSuperlative("most", "least", "fewest", "top", "bottom")) {
            // "the lowest score in history per class": each class's lowest, not the classes ranked ("the most hours
            // per class" may rank the classes by their hours: left as it was)
            extremes(c, explicitFunction);
            c.reading("'" + c.token(c.superlativePos).text() + "' read as each " + c.groups.get(0).column().name() + "'s "
                    + (c.descending ? "largest" : "smallest"));
        } else if (c.superlativePos >= 0 && c.groups.isEmpty() && !c.measures.isEmpty()) {
            if (c.hasSuperlative("top", "bottom") || c.limit != null) {
                kind = Intent.Kind.ROWS; // "top 5 sales": the whole rows with the largest values
                lim = c.limit != null ? c.limit : topCount(c);
                if (c.measures.stream().anyMatch(x -> x.column() != null)) {
                    // "top 5 days by energy": the days are the rows, ranked by the value, not counted
                    c.measures.removeIf(x -> x.column() == null);
                    c.readings.removeIf(r -> r.contains("counted as rows"));
                }
            } else {
                extremes(c, explicitFunction);
            }
        } else if (c.superlativePos >= 0 && c.groups.isEmpty() && c.measures.isEmpty()) {
            // the answer ignores the superlative: never a sure answer to "which cable car is the oldest"
            c.reading(Clause.BEST_GUESS + "'" + c.token(c.superlativePos).text() + "' without anything to rank");
        }
        boolean named = false; // the rows' names and the numbers that chose them, as "which ..." asks
        if (c.measures.isEmpty() && kind == Intent.Kind.AGGREGATE) {
            if (!c.groups.isEmpty() && !population.isEmpty()) {
                c.measures.add(c.entityCount(population.get(0).entity(), population.get(0))); // "employees by dept"
            } else if (!c.groups.isEmpty() && eventsGrouped(c)) {
                c.measures.add(new Measure(Agg.COUNT, null)); // "hires per department": the rows the value selects, counted
                c.reading("the rows of each " + c.groups.get(0).alias() + " counted");
            } else if (!c.groups.isEmpty() && c.groups.stream().noneMatch(Grouping::temporal) && rowsCountedPerGroup(c)) {
                c.measures.add(new Measure(Agg.COUNT, null)); // "bookings by marina", "pie of call outcomes"
            } else if (!c.groups.isEmpty() && c.groups.stream().noneMatch(Grouping::temporal)) {
                kind = Intent.Kind.LIST; // "list the sub-categories in Furniture"
                c.groups.forEach(g -> columns.add(g.column()));
            } else if (!c.groups.isEmpty() && c.groups.stream().allMatch(Grouping::temporal)
                    && c.grain != null && !c.filters.isEmpty()) {
                // "launches per quarter in 2023": the events the date records, counted per period
                c.measures.add(new Measure(Agg.COUNT, null));
                c.reading("rows counted per " + c.groups.get(0).alias());
            } else if (!c.filters.isEmpty() || !population.isEmpty()) {
                kind = Intent.Kind.ROWS; // "show orders in the West"
                Integer examples = Projection.examples(c, List.of()); // "name a player that got no points"
                lim = examples != null ? examples : 100;
                ColumnProfile label = c.index.labelColumn();
                Entity many = population.isEmpty() || population.get(0).entity().uniqueRows() ? null
                        : population.get(0).entity();
                if (many != null && (c.has(Set.of("who", "that", "which", "whose"))
                        || c.has(Set.of("list", "names")))) {
                    // "list the students who scored below 40", "a list of the members on the Resident plan": each
                    // student (member) once, however many rows qualify
                    kind = Intent.Kind.LIST;
                    lim = null;
                    columns.add(many.groupColumn());
                    c.reading("'" + population.get(0).entity().word() + "' listed once each, as "
                            + many.groupColumn().name() + " repeats over rows");
                } else if (label != null && c.has(Set.of("which", "what", "who"))) {
                    // "which laptops cost more than the average laptop": each one named, with what chose it
                    columns.add(label);
                    c.filters.stream().filter(f -> !f.onGroups() && f.column() != null && f.column().column().numeric()
                            && !columns.contains(f.column())).forEach(f -> columns.add(f.column()));
                    lim = null;
                    named = true;
                }
            } else {
                return c.partial();
            }
        }
        if (kind == Intent.Kind.ROWS) {
            c.readings.removeIf(r -> r.contains("averaged"));
        }
        if (kind == Intent.Kind.ROWS && !ranking && c.superlativePos < 0 && !named) {
            columns.clear();
            c.measures.clear(); // plain rows: nothing to rank them by
        }
        if (kind == Intent.Kind.LIST || kind == Intent.Kind.ROWS) {
            markListWords(c);
        }
        if (ranking || kind == Intent.Kind.ROWS) {
            markRankBy(c);
        }
        if (kind == Intent.Kind.AGGREGATE) {
            Aggregates.countedByTheirOwnColumn(c);
        }
        List<Grouping> g = kind == Intent.Kind.AGGREGATE ? c.groups : List.of();
        return new Intent(kind, kind == Intent.Kind.LIST ? List.of() : c.measures, g, c.filters, columns, lim,
                !c.descending, c.chart, null, null, c.readings, c.unexplained(), c.text());
    }

    /**
     * "total by region", "the two largest orders": a function or a size ranking over groups with no measure
     * named. The likeliest measure is assumed and the reading says it is a best guess, which lowers confidence
     * and makes the plan offer the other measures as alternatives.
     */
    private static void guessMeasure(Clause c) {
        if (!c.measures.isEmpty() || c.groups.isEmpty() || c.index.measures.isEmpty()) {
            return;
        }
        Agg named = c.functions.values().stream().filter(a -> a != Agg.COUNT && a != Agg.COUNT_DISTINCT)
                .findFirst().orElse(null);
        // "most", "busiest": how many rows; "highest", "largest": a size, of some measure
        boolean sizeRank = c.superlativePos >= 0 && !c.hasSuperlative("most", "fewest", "least", "busiest", "quietest")
                && !c.hasFunction(Agg.COUNT) && !c.hasFunction(Agg.COUNT_DISTINCT);
        if (named == null && !sizeRank) {
            return;
        }
        ColumnProfile m = primaryMeasure(c.index);
        c.measures.add(new Measure(named == null ? Agg.SUM : named, m));
        c.reading(Clause.BEST_GUESS + "no measure named, " + m.name() + " assumed");
        if (sizeRank && SchemaIndex.words(m.name()).stream().anyMatch(RANK_NAMES::contains)) {
            // "which is the largest island" on a table that ranks its rows: the top is rank 1
            c.descending = !c.descending;
            c.reading("the table's " + m.name() + " 1 is its top");
        }
    }

    /** The measure people most likely mean when they name none. */
    static ColumnProfile primaryMeasure(SchemaIndex index) {
        ColumnProfile m = index.primaryMeasure(List.of("sales", "revenue", "amount", "profit", "total", "value",
                "cost", "price", "salary"));
        return m != null ? m : index.measures.get(0);
    }

    /** "the smallest and the largest discount": MIN and MAX of each named measure. */
    private static void extremes(Clause c, boolean explicitFunction) {
        List<Measure> replaced = new ArrayList<>();
        for (Measure x : c.measures) {
            if (x.column() == null || explicitFunction) {
                replaced.add(x);
                continue;
            }
            // a superlative of time ("the most recent") has its one direction only
            for (Boolean desc : c.superlativeDirections.isEmpty() ? List.of(c.descending) : c.superlativeDirections) {
                Measure extreme = new Measure(desc ? Agg.MAX : Agg.MIN, x.column());
                if (!replaced.contains(extreme)) {
                    replaced.add(extreme);
                }
            }
        }
        c.measures.clear();
        c.measures.addAll(replaced);
        c.readings.removeIf(r -> r.contains("averaged"));
    }

    /** "list", "name", "enumerate": the verbs of a listing. */
    private static void markListWords(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (c.freeWord(i) && Vocabulary.LIST.contains(c.w(i))) {
                c.mark(i);
            }
        }
    }

    /** "top 2 regions by average sales": the "by" that names what a ranking ranks by. */
    private static void markRankBy(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !c.w(i).equals("by")) {
                continue;
            }
            int n = c.next(i);
            Mention after = n >= 0 ? c.m(n) : null;
            boolean measureAfter = after != null && after.isColumn() && c.measures.stream()
                    .anyMatch(x -> after.column().equals(x.column()));
            if (measureAfter || (n >= 0 && c.functions.containsKey(n))) {
                c.mark(i);
            }
        }
    }

    /** "which states" (plural) asks for several winners, "which state" for one. */
    private static boolean pluralGroupWord(Clause c) {
        if (c.grainAsked) {
            return false; // "which day of the week gets the most check-ins": one day; the rows' plural says nothing
        }
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            if (mention != null && mention.kind() != Mention.Kind.VALUE && !c.free(mention)
                    && c.groups.stream().anyMatch(g -> g.column().equals(c.groupColumnOf(mention)))) {
                Token t = c.token(mention.end() - 1);
                int s = mention.start();
                if (partitive(c, s) || s > c.from && (c.token(s - 1).isNumber() || NumberWords.value(c.w(s - 1)) != null)
                        && partitive(c, s - 1)) {
                    // "which of the 8 parishes has": the plural names those chosen from; the verb, those chosen
                    return Set.of("are", "were", "have", "do").contains(c.w(mention.end()));
                }
                // "which teacher's students": a possessive, one teacher, though its letters end in s
                return !t.norm().equals(t.singular()) && !t.text().matches("(?s).*['\u2019]s");
            }
        }
        return false;
    }

    /**
     * How many "top" or "bottom" asks for when no number is given, by the grammatical number of the noun it
     * qualifies: "the top rider", "the top selling product", "the top revenue" ask for one (and whatever ties with
     * it); "the top riders", "top selling products", or no noun at all ("who is at the top") for the first ten.
     */
    private static int topCount(Clause c) {
        int pos = c.superlativePos;
        if (pos < 0 || !c.hasSuperlative("top", "bottom")) {
            return 10;
        }
        Token head = null;
        for (int i = pos + 1; i < c.to && i <= pos + 3; i++) {
            Token t = c.token(i);
            if (Set.of("number", "amount", "count").contains(t.norm()) && c.w(i + 1).equals("of")) {
                head = t; // "the top number of employees": the largest figure, one
                break;
            }
            if (!t.isWord() || Vocabulary.STOP.contains(t.norm())) {
                break;
            }
            head = t; // the noun phrase's last word is its head: "selling products"
        }
        if (head == null) {
            head = askedNoun(c, pos); // "which nation is on top": as many as the question asks for
        }
        return head != null && head.norm().equals(head.singular()) ? 1 : 10;
    }

    /**
     * The last word of the noun a "which" or "what" before {@code pos} asks for ("which nation", "what teams"), or
     * null when it asks for none ("who", "which is").
     */
    private static Token askedNoun(Clause c, int pos) {
        for (int i = c.from; i < pos; i++) {
            Mention m = c.m(i + 1);
            if ((c.w(i).equals("which") || c.w(i).equals("what")) && m != null && m.start() == i + 1
                    && m.end() <= pos) {
                return c.token(m.end() - 1);
            }
        }
        return null;
    }

    /** Every function word is a count, and every measure adds up a column: "the number of laps" read as a sum. */
    private static boolean countWordAddedUp(Clause c) {
        return c.functions.values().stream().allMatch(a -> a == Agg.COUNT)
                && c.measures.stream().allMatch(m -> m.column() != null && m.agg() == Agg.SUM);
    }

    /** A few rows a value, not mostly one: a quarter of the rows or more are different values. */
    private static boolean fewRowsEach(Clause c, ColumnProfile col) {
        long rows = c.index.schema.rows();
        return rows > 0 && col.distinct() * 4 >= rows && !mostlyOnePerRow(c, col) && !c.index.uniquePerRow(col);
    }

    /**
     * "which party is the most represented by the representatives", "which college was the most attended by players":
     * groups ranked by how many rows they hold, beside a second grouping column that names nearly every row, would
     * hold one row each and all tie; that noun says what is counted, so only the columns that repeat are grouped.
     */
    private static void rowLabelsCounted(Clause c) {
        if (c.groups.size() < 2 || c.measures.stream().anyMatch(m -> m.agg() != Agg.COUNT || m.column() != null)) {
            return;
        }
        long rows = c.index.schema.rows();
        java.util.function.Predicate<Grouping> label = g -> g.grain() == null && g.column().distinct() * 5 >= rows * 4;
        if (c.groups.stream().allMatch(label) || c.groups.stream().noneMatch(label)) {
            return;
        }
        for (int k = c.groups.size() - 1; k >= 0; k--) {
            if (label.test(c.groups.get(k))) {
                c.reading("'" + c.groups.get(k).describe() + "' names nearly every row, so it says what is counted,"
                        + " not a grouping");
                c.groups.remove(k);
                c.groupViaWord.remove(k);
            }
        }
    }

    /** A column with a distinct value on at least half the rows: a label of rows, not a category. */
    private static boolean mostlyOnePerRow(Clause c, ColumnProfile col) {
        long rows = c.index.schema.rows();
        return rows > 0 && col.distinct() * 2 >= rows && !c.index.uniquePerRow(col);
    }

    /**
     * "what is the highest salary", "what was the earliest incident date among open claims": "what" asks for the
     * noun the superlative comes before, and that noun is the measure itself, so the answer is its extreme value,
     * not the row holding it ("what is the team with the highest salary" names the team).
     */
    private static boolean valueAsked(Clause c) {
        int sup = c.superlativePos;
        if (sup < 2 || !c.w(sup - 1).equals("the")) {
            return false;
        }
        int w = sup - 2;
        boolean what = c.w(w).equals("what's") || c.w(w).equals("whats")
                || Set.of("is", "was", "are", "were").contains(c.w(w)) && c.w(w - 1).equals("what");
        Mention m = c.m(sup + 1);
        if (!what || m == null || m.start() != sup + 1 || !m.isColumn() || SchemaIndex.isIdLike(m.column())
                || !(m.column().column().numeric() || m.column().column().temporal())) {
            return false;
        }
        for (int i = m.end(); i < c.to; i++) {
            if (Set.of("with", "who", "whose", "which").contains(c.w(i))) {
                return false; // "what is the highest salary of the team with ...": a thing after all
            }
        }
        return true;
    }

    /**
     * "who ...", "which is ...", "which player ...", "which one ...": the question asks for a thing, named by the rows'
     * label.
     */
    private static boolean asksForAThing(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            String w = c.w(i);
            if (w.equals("who") || w.equals("whom") || w.equals("whose") || w.equals("what's") || w.equals("whats")
                    || w.equals("who's") || w.equals("which's")) {
                return true;
            }
            if ((w.equals("which") || w.equals("what")) && c.m(i + 1) == null) {
                Token next = c.token(i + 1);
                return next == null || !next.isWord() || !Vocabulary.FILLER.contains(next.norm())
                        || next.norm().equals("has") || next.norm().equals("had") || next.norm().equals("is")
                        || next.norm().equals("was") || next.norm().equals("one") || next.norm().equals("ones")
                        || next.norm().equals("of"); // "which of these stations": one of the rows
            }
        }
        return false;
    }

    private static boolean rowsAreEntities(Clause c) {
        Grouping g = c.groups.get(0);
        for (Mention mention : c.q.mentions()) {
            if (mention.kind() == Mention.Kind.ENTITY && mention.start() >= c.from && mention.end() <= c.to
                    && mention.entity().uniqueRows() && g.column().equals(mention.entity().groupColumn())) {
                return true;
            }
        }
        return false;
    }
}
