package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An analyst's second look at a reading, after every word found a role: readings that account for the words yet
 * ask the data something an analyst would not, each named as a best guess so the answer is not given at full
 * confidence. Adding up numbers that only number the rows ("stage" 1..21), taking the largest of a text column
 * (alphabetical), grouping by a number nobody asked to group by ("count by score") or by anything with no group
 * word and no ranking, one column's values read as a
 * list when the question never lists them ("4th round winners" as 4th round OR winner), a "who" or "which"
 * question answered by a bare figure with nothing naming who or which, "the total number of" a value that
 * repeats (its rows, or its different values?), and different values counted with a verb of trade ("how many
 * items were ordered": different items, or units?), a list of values for a question asking how many or for a
 * total, different values counted of numbers kept as text, groups of one row each ranked or kept by their count
 * (every count is 1), a count of the rows one row's name keeps (0 or 1: "how many transmissions does Radio Kiss Kiss
 * have" counts inside its cell), a count answered with totals beside it, and groupings by a measure of many values
 * or "per" a unit of a count column ("average price per night").
 */
final class Doubts {

    private Doubts() {
    }

    /** Words naming a column that counts or orders rows rather than measuring them. */
    private static final Set<String> ORDINAL_NAMES = Set.of("no", "number", "num", "nr", "id", "rank", "ranking",
            "position", "pos", "place", "seed", "round", "stage", "week", "year", "season", "game", "match",
            "heat", "lane", "episode", "series", "edition", "pick", "order",
            // their usual abbreviations in sports and broadcast tables ("Rnd", "Wk", "Ep")
            "rnd", "rd", "wk", "ep", "eps", "gm");
    /** Words that coordinate values of one column: "North and South", "Paper, Binders or Phones". */
    private static final Set<String> COORDINATORS = Set.of("and", "or", "nor", "&", ",", "/", "either", "both",
            "plus", "versus", "vs");
    /** Words that set things side by side, which needs a figure to set them by. */
    private static final Set<String> COMPARING = Set.of("compare", "comparing", "versus", "vs");
    /** Words asking for a cause, which no query of the rows can give. */
    private static final Set<String> CAUSE_WORDS = Set.of("why", "cause", "causes", "caused", "reason", "reasons");
    /** Question words that ask for a thing, a person or a place, not a figure. */
    private static final Set<String> WHICH_WORDS = Set.of("who", "whom", "whose", "which", "where");
    /** Words right before a column that ask for its groups: "which year", "for each week", "sort the genres by". */
    private static final Set<String> GROUP_CUES = Set.of("which", "what", "each", "every", "by", "per", "rank",
            "ranked", "order", "ordered", "sort", "sorted", "list", "show", "compare", "display", "plot", "chart");
    /** Words right after a column that list its groups in an order: "genres sorted by", "branches ranked by". */
    private static final Set<String> SORTED = Set.of("sorted", "ranked", "ordered", "listed", "arranged");
    /** Words that ask for different values outright: "how many different items". */
    private static final Set<String> DIFFERENT = Set.of("different", "distinct", "unique");
    /** Words asking for one figure rather than a list: "the total of abbreviations", "the count of". */
    private static final Set<String> FIGURE_WORDS = Set.of("total", "count", "sum", "tally");
    /** A number as tables write it, with a currency, a percent or a short unit ("$1,200", "12.5%", "5.30 m", "90 kg"). */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+–—]?[$€£]?\\s*[0-9][0-9.,\\s]*(%|\\s?[a-zA-Z]{1,3}\\.?)?");

    /** {@code intent} with a best-guess reading added for each doubt it raises. */
    static Intent review(Clause c, Intent intent) {
        if (intent.kind() == Intent.Kind.UNKNOWN) {
            return intent;
        }
        List<String> doubts = new ArrayList<>();
        long rows = c.index.schema.rows();
        for (Measure m : intent.measures()) {
            ColumnProfile col = m.column();
            if (col == null || m.derived() != Measure.Derived.NONE) {
                continue;
            }
            boolean numeric = col.column().numeric();
            if (m.agg() != Agg.COUNT && m.agg() != Agg.COUNT_DISTINCT && Aggregates.signedQuantity(col)) {
                doubts.add(col.name() + " has negative values (outflows?), which its "
                        + m.agg().label.toLowerCase(Locale.ROOT) + " keeps signed");
            }
            boolean different = c.has(DIFFERENT);
            ColumnProfile quantity = Aggregates.quantityColumn(c);
            if (!numeric && !col.column().temporal() && m.agg() != Agg.COUNT && m.agg() != Agg.COUNT_DISTINCT
                    && !QuantityFilters.begins(col)) {
                doubts.add(col.name() + " holds text, so its " + m.agg().label.toLowerCase(Locale.ROOT)
                        + " is " + (m.agg() == Agg.MAX || m.agg() == Agg.MIN ? "alphabetical" : "not a figure"));
            } else if (m.agg() == Agg.COUNT_DISTINCT && !numeric && Aggregates.traded(c)
                    && !SchemaIndex.isIdLike(col) && !different && quantity != null) {
                doubts.add("'" + col.name() + "' counted as different values; with a verb of trade it may mean the "
                        + "units, " + quantity.name() + " added up");
            } else if (m.agg() == Agg.COUNT_DISTINCT && !numeric && numberLike(col)) {
                doubts.add(col.name() + " holds numbers written as text; how many different ones there are is seldom"
                        + " what is asked");
            } else if (m.agg() == Agg.COUNT_DISTINCT && !numeric && totalNumber(c)
                    && !different && !SchemaIndex.isIdLike(col)
                    && col.distinct() < rows - col.nulls()) {
                doubts.add("'total number' may count the rows that list " + col.name()
                        + " rather than its different values");
            } else if (numeric && intent.kind() == Intent.Kind.AGGREGATE && (m.agg() == Agg.SUM || m.agg() == Agg.AVG)
                    && numbersRows(col, rows)) {
                doubts.add(col.name() + " numbers or orders the rows, so its "
                        + m.agg().label.toLowerCase(Locale.ROOT) + " is seldom what is meant; counting rows is as likely");
            }
        }
        for (int g = 0; g < intent.groups().size(); g++) {
            Grouping grouping = intent.groups().get(g);
            ColumnProfile col = grouping.column();
            if (grouping.grain() == null && intent.filters().stream().anyMatch(f -> !f.onGroups() && col.equals(f.column())
                    && Set.of("starts_with", "ends_with", "contains").contains(f.op()) && saidOfTheGroupWord(c, f))) {
                // "sessions by plates beginning with Z": one count over the plates the text selects, or one per plate?
                doubts.add("grouped by " + col.name() + ", which the text condition also names; one figure over the rows"
                        + " it selects is as likely");
            }
            if (grouping.grain() == null && col.column().numeric() && !SchemaIndex.isIdLike(col)
                    && col.distinct() > MANY_GROUPS && !DateFilters.years(col)) {
                // "show bookings by price in descending order": hundreds of prices are an order, seldom groups
                doubts.add("grouped by " + col.name() + ", a measure with " + col.distinct() + " different values");
            } else if (grouping.grain() == null && col.column().numeric() && perSingular(c, col)) {
                // "average price per night" with a column nights: a rate (price over nights), or a group per count?
                doubts.add("'per' before " + col.name() + " may ask a rate, divided by " + col.name() + ", not a group each");
            }
            if (grouping.grain() == null && !col.column().temporal() && !askedAsGroup(c, col)) {
                if (numberLike(col)) {
                    doubts.add("grouped by " + col.name() + ", a number the question does not ask to group by");
                } else if (c.superlativePos < 0 && intent.limit() == null
                        && intent.filters().stream().noneMatch(Filter::onGroups)) { // "crops with an average above"
                    doubts.add("grouped by " + col.name() + ", though no 'by', 'per' or 'each' asks for it");
                }
            }
        }
        if (intent.limit() != null && !intent.groups().isEmpty() && intent.groups().get(0).grain() == null
                && intent.measures().stream().anyMatch(m -> m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT)) {
            ColumnProfile group = intent.groups().get(0).column();
            if (rows > 2 && group.distinct() >= rows - group.nulls()) {
                doubts.add("each " + group.name() + " is one row, so ranking them by a count ties them all");
            }
        }
        if (!intent.groups().isEmpty() && intent.groups().get(0).grain() == null && intent.filters().stream()
                .anyMatch(f -> f.onGroups() && (f.measure().agg() == Agg.COUNT || f.measure().agg() == Agg.COUNT_DISTINCT))) {
            ColumnProfile group = intent.groups().get(0).column();
            if (rows > 2 && group.distinct() >= rows - group.nulls()) {
                doubts.add("each " + group.name() + " is one row, so a condition on how many each has holds for all or none");
            }
        }
        if (intent.kind() == Intent.Kind.AGGREGATE && intent.groups().isEmpty() && intent.measures().size() == 2
                && intent.measures().stream().allMatch(m -> m.agg() == Agg.SUM && m.column() != null)
                && (totalNumber(c) || c.has(Set.of("sum"))) && c.has(Set.of("and"))) {
            // "the total number of apps and goals for Luther Blissett": two totals, or one, apps + goals?
            doubts.add("'total' of " + intent.measures().get(0).column().name() + " and "
                    + intent.measures().get(1).column().name() + " may ask one figure, the two added together");
        }
        if (c.hasFunction(Agg.AVG) && intent.kind() == Intent.Kind.AGGREGATE && intent.groups().isEmpty()
                && !intent.measures().isEmpty() && intent.measures().stream()
                        .allMatch(m -> (m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT)
                                && m.derived() == Measure.Derived.NONE)) {
            // "the average number of teams that had a Honda engine": an average of counts needs what each is of
            doubts.add("'average' asks for an average of counts, and no word says what each count is of, so one count"
                    + " is given");
        }
        ColumnProfile key = oneRowKey(intent.filters(), rows);
        if (key != null && intent.kind() == Intent.Kind.AGGREGATE && intent.groups().isEmpty()
                && intent.measures().stream().allMatch(m -> m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT)) {
            doubts.add("each " + key.name() + " is one row, so a count of the rows the condition keeps is 0 or 1;"
                    + " what is counted may be listed inside a cell");
        }
        for (Filter f : intent.filters()) {
            if ("in".equals(f.op()) && f.values() != null && f.values().size() > 1 && !coordinated(c, f)) {
                doubts.add("'" + String.join("', '", f.values().stream().map(String::valueOf).toList())
                        + "' read as values of " + f.column().name() + ", though the question does not list them");
            }
            String scale = offScale(f);
            if (scale != null) {
                doubts.add(scale);
            }
        }
        if (c.asksHowMany() && intent.groups().isEmpty()
                && intent.measures().stream().anyMatch(m -> m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT)
                && intent.measures().stream().anyMatch(m -> m.agg() != Agg.COUNT && m.agg() != Agg.COUNT_DISTINCT)) {
            // "how many countries won gold, silver and bronze medals": one count asked, totals beside it answered
            doubts.add("the question asks how many, but the answer adds totals beside the count");
        }
        if (intent.kind() == Intent.Kind.LIST && (c.has(FIGURE_WORDS) || c.asksHowMany())) {
            doubts.add("the question asks for a count or a total, but the answer lists values");
        } else if (intent.kind() == Intent.Kind.ROWS && intent.columns().isEmpty() && (c.has(FIGURE_WORDS) || c.asksHowMany())) {
            // "what is the total of conservatives", "how many top 15 mountains": one figure asked, whole rows answered
            doubts.add("the question asks for a count or a total, but the answer is whole rows");
        }
        if (intent.kind() == Intent.Kind.AGGREGATE && intent.groups().isEmpty() && intent.columns().isEmpty()
                && asksWhichOrWho(c, intent)) {
            doubts.add("the question asks who or which, but the answer is a figure with nothing naming either");
        }
        String perEntity = averageOfRepeatedEntity(c, intent);
        if (perEntity != null) {
            doubts.add(perEntity);
        }
        String spreadOfEntity = spreadOfRepeatedEntity(c, intent);
        if (spreadOfEntity != null) {
            doubts.add(spreadOfEntity);
        }
        String change = changeNotComputed(c, intent);
        if (change != null) {
            // "the total change in aircraft landings from 2012 to 2013": a difference asked, the figure itself answered
            doubts.add("'" + change + "' asks how much a figure changed, but the answer is the figure, not its change");
        }
        if (c.has(CAUSE_WORDS)) {
            // "why do Enterprise customers give low scores": a cause is asked; rows or figures only show what goes with what
            doubts.add("the question asks why; the answer shows what the data holds, not a cause");
        }
        if ((intent.kind() == Intent.Kind.LIST || intent.kind() == Intent.Kind.ROWS) && intent.measures().isEmpty()
                && c.has(COMPARING)) {
            // "compare Sam Okafor and Sam Oakes": two things set side by side on nothing named
            doubts.add("the question asks to compare but names no figure to compare them on");
        }
        if (doubts.isEmpty()) {
            return intent;
        }
        List<String> readings = new ArrayList<>(intent.readings());
        doubts.forEach(d -> readings.add(Clause.BEST_GUESS + d));
        return intent.withReadings(readings);
    }

    /**
     * The word that asks for a change ("change", "increase", "growth"), even when a column name took it in, when the
     * answer adds up or averages a measure that is neither a change nor named by that word; else null.
     */
    private static String changeNotComputed(Clause c, Intent intent) {
        if (intent.kind() != Intent.Kind.AGGREGATE || intent.measures().isEmpty()
                || intent.measures().stream().anyMatch(m -> m.derived() == Measure.Derived.CHANGE)
                || intent.measures().stream().allMatch(m -> m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT)) {
            return null;
        }
        for (int i = c.from; i < c.to; i++) {
            Token t = c.token(i);
            if (t.kind() == Token.Kind.QUOTED || !DerivedMeasures.CHANGE_WORDS.contains(t.norm())) {
                continue;
            }
            String word = t.singular();
            boolean named = intent.measures().stream().anyMatch(m -> m.column() != null
                    && SchemaIndex.words(m.column().name()).stream().anyMatch(w -> w.equals(word) || w.equals(t.norm())));
            return named ? null : t.text();
        }
        return null;
    }

    /**
     * "average member age", "the average number of occupants in a household" on a table of visits or readings: the
     * measure is said of an entity that appears on many rows, so the average over rows weighs each member by their
     * visits, where one average over members, each once, is as likely. Null when no averaged measure is said of one.
     */
    private static String averageOfRepeatedEntity(Clause c, Intent intent) {
        for (Measure m : intent.measures()) {
            if ((m.agg() != Agg.AVG && m.agg() != Agg.MEDIAN) || m.column() == null || m.derived() != Measure.Derived.NONE) {
                continue;
            }
            String owner = SchemaIndex.words(m.column().name()).get(0);
            for (ColumnProfile id : c.index.schema.columns()) {
                // "reader_age" beside reader_id: the column is the reader's, and readers repeat
                if (!id.equals(m.column()) && SchemaIndex.isIdLike(id) && SchemaIndex.words(id.name()).get(0).equals(owner)
                        && !c.index.uniquePerRow(id) && intent.groups().stream().noneMatch(g -> g.column().equals(id))) {
                    return m.column().name() + " averaged over the rows, where a " + owner
                            + " appears on several; the average over " + owner + "s, each once, is as likely";
                }
            }
            for (int i = c.from; i < c.to; i++) {
                Mention e = c.m(i);
                if (e == null || e.start() != i || e.kind() != Mention.Kind.ENTITY || e.entity().uniqueRows()
                        || intent.groups().stream().anyMatch(g -> g.column().equals(e.entity().groupColumn())
                        || g.column().equals(e.entity().id()))) {
                    continue;
                }
                Mention next = c.m(e.end());
                boolean before = next != null && next.isColumn() && next.column().equals(m.column());
                int k = c.prev(i);
                int j = k >= 0 && Set.of("a", "an", "each", "every", "the", "one").contains(c.w(k)) ? c.prev(k) : k;
                Mention measured = j >= 0 && Set.of("in", "per", "of", "for").contains(c.w(j)) ? c.m(c.prev(j)) : null;
                boolean after = measured != null && measured.isColumn() && measured.column().equals(m.column());
                if (before || after) {
                    return m.column().name() + " averaged over the rows, where a " + e.entity().word()
                            + " appears on several; the average over " + e.entity().word() + "s, each once, is as likely";
                }
            }
        }
        return null;
    }

    /**
     * "histogram of parcel weights", "box plot of parcel distances by depot" on a table of delivery attempts: the
     * values are said of a thing that appears on several rows, so each row counts it again, where one value per
     * parcel is as likely. Null for any other distribution.
     */
    private static String spreadOfRepeatedEntity(Clause c, Intent intent) {
        if (intent.kind() != Intent.Kind.DISTRIBUTION) {
            return null;
        }
        for (ColumnProfile col : intent.columns()) {
            String owner = SchemaIndex.words(col.name()).get(0);
            for (ColumnProfile id : c.index.schema.columns()) {
                // "crate_weight_kg" beside crate_id: the crate's weight, and crates repeat
                if (!id.equals(col) && SchemaIndex.isIdLike(id) && SchemaIndex.words(id.name()).get(0).equals(owner)
                        && !c.index.uniquePerRow(id)) {
                    return "each row counts its " + owner + "'s " + col.name() + " again, where a " + owner
                            + " appears on several; one value per " + owner + " is as likely";
                }
            }
        }
        for (int i = c.from; i < c.to; i++) {
            Mention e = c.m(i);
            if (e == null || e.start() != i || e.kind() != Mention.Kind.ENTITY || e.entity().uniqueRows()) {
                continue;
            }
            Mention next = c.m(e.end());
            if (next != null && next.isColumn() && intent.columns().contains(next.column())) {
                return "each row counts its " + e.entity().word() + "'s " + next.column().name() + " again, where a "
                        + e.entity().word() + " appears on several; one value per " + e.entity().word() + " is as likely";
            }
        }
        return null;
    }

    /**
     * A comparison with a number on another scale than its column's values ("Year >= 4.1" for "at least a 4.1
     * rating", years running 2007-2014): it keeps every row or none, and lies further from the values than they lie
     * from each other, so the number was likely meant for another column. Null when the comparison looks sound. A
     * threshold just past the values ("sales over 5,000" when the largest is 4,800) is an honest empty answer.
     */
    static String offScale(Filter f) {
        ColumnProfile col = f.column();
        if (f.onGroups() || col == null || !col.column().numeric() || !(f.value() instanceof java.math.BigDecimal v)
                || !Set.of("gt", "ge", "lt", "le").contains(f.op())) {
            return null;
        }
        double min;
        double max;
        try {
            min = Double.parseDouble(col.min());
            max = Double.parseDouble(col.max());
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
        double x = v.doubleValue();
        double gap = x < min ? min - x : x > max ? x - max : 0;
        if (gap == 0 || gap <= max - min) {
            return null;
        }
        boolean above = f.op().startsWith("g");
        boolean every = above == (x < min);
        return "'" + f.describe() + "' keeps " + (every ? "every row" : "no row")
                + ", as " + col.name() + " runs from " + col.min() + " to " + col.max()
                + "; the number may be meant for another column";
    }

    /**
     * The column an equality condition names a row by (one value a row), or null: a name, or a number
     * that numbers the rows ("in 1991" on a table of one row per election year).
     */
    static ColumnProfile oneRowKey(List<Filter> filters, long rows) {
        for (Filter f : filters) {
            ColumnProfile col = f.column();
            if (!f.onGroups() && "eq".equals(f.op()) && col != null && rows > 2
                    && (!col.column().numeric() || numbersRows(col, rows) || DateFilters.years(col))
                    && col.distinct() >= rows - col.nulls()) {
                return col;
            }
        }
        return null;
    }

    /**
     * True when the text condition {@code f} qualifies the noun right after a group word: "by plates beginning with
     * Z", not "per class, just the classes whose name starts with Spin".
     */
    private static boolean saidOfTheGroupWord(Clause c, Filter f) {
        Integer at = c.filterStart.get(f);
        if (at == null) {
            return false;
        }
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && m.column().equals(f.column()) && c.groupWordBefore(i)
                    && at >= m.end() && at <= m.end() + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * A whole-number column that only numbers or orders rows: named as such ("Stage", "No.", "Rank", "Year"), or
     * one distinct value a row running from 1 without gaps.
     */
    static boolean numbersRows(ColumnProfile col, long rows) {
        List<String> words = SchemaIndex.words(col.name());
        String[] said = col.name().trim().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+");
        boolean plural = said.length > 0 && !Vocabulary.singular(said[said.length - 1]).equals(said[said.length - 1]);
        if (col.name().trim().endsWith("#") || !words.isEmpty() && !plural && ORDINAL_NAMES.containsAll(words)) {
            // "Stage", "No.", "Pick #", "Car #", "Year"; not "No. of candidates" nor "Matches" (how many played), counts
            return true;
        }
        try {
            double min = Double.parseDouble(col.min());
            double max = Double.parseDouble(col.max());
            boolean oneEachRow = rows > 2 && col.distinct() >= rows - col.nulls();
            return oneEachRow && (min == 0 || min == 1) && max - min + 1 == col.distinct();
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** "the total number of competitions", "total count": a count said to be a total (not "20 stems in total"). */
    private static boolean totalNumber(Clause c) {
        for (int i = c.from; i + 1 < c.to; i++) {
            if (c.w(i).equals("total") && Set.of("number", "count", "amount").contains(c.w(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A number, or text whose every sampled value is one ("50.00%", "1,638", "–"): a measure, not a category. */
    static boolean numberLike(ColumnProfile col) {
        if (col.column().numeric()) {
            return true;
        }
        if (col.values() == null || col.values().isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (String v : col.values()) {
            if (v == null || v.isBlank()) {
                continue;
            }
            if (!NUMBER_LIKE.matcher(v.trim()).matches() && !v.trim().matches("[-–—]")) {
                return false;
            }
            digit |= v.chars().anyMatch(Character::isDigit);
        }
        return digit;
    }

    /**
     * True when the question asks for this column's groups in words: a group word before it ("by score", "per
     * round", "for each week"), or a question word naming it ("which year", "in what season").
     */
    private static boolean askedAsGroup(Clause c, ColumnProfile col) {
        if (c.chartAsked && ("pie".equals(c.chart) || "bar".equals(c.chart)) && !col.column().numeric()) {
            return true; // "pie of booking channels": its slices (or bars) are the groups
        }
        for (int g = 0; g < c.groups.size(); g++) {
            if (c.groups.get(g).column().equals(col) && c.groupViaWord.get(g)) {
                return true;
            }
        }
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m == null || i != m.start() || m.kind() == Mention.Kind.VALUE || !c.groupColumnOf(m).equals(col)) {
                continue; // a column, or an entity grouped by its name ("rank the drivers by")
            }
            int p = c.prev(i);
            if (p > c.from && c.token(p).isNumber()) {
                p = c.prev(p); // "which 3 room numbers"
            }
            String before = p >= 0 ? c.w(p) : "";
            boolean coordinated = (before.equals("and") || before.equals(",")) && c.groupViaWord.contains(true);
            boolean possessive = c.w(m.end()).equals("with") && c.w(m.end() + 1).equals("their")
                    || c.w(m.end()).equals("and") && c.w(m.end() + 1).equals("their");
            boolean sortedAfter = SORTED.contains(c.w(m.end()));
            if (GROUP_CUES.contains(before) || coordinated || possessive || sortedAfter) {
                return true; // "which year", "rank the types by", "per year and region", "brands with their",
                             // "genres sorted by"
            }
        }
        return false;
    }

    /** True when the values of an IN filter are mentioned with a coordinating word or comma between them. */
    private static boolean coordinated(Clause c, Filter f) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && i == m.start() && m.kind() == Mention.Kind.VALUE && m.column().equals(f.column())
                    && f.values().stream().anyMatch(v -> String.valueOf(v).equalsIgnoreCase(m.value()))) {
                starts.add(m.start());
                ends.add(m.end());
            }
        }
        if (starts.size() < 2) {
            return true; // values not found as mentions (quoted, or a follow-up's): nothing to judge by
        }
        for (int k = 1; k < starts.size(); k++) {
            boolean between = false;
            for (int i = ends.get(k - 1); i < starts.get(k); i++) {
                between |= COORDINATORS.contains(c.w(i)) || c.token(i).text().equals(",");
            }
            if (!between) {
                return false;
            }
        }
        return true;
    }

    /** More groups than a chart or a table of groups reads: a number with this many values is a measure. */
    private static final int MANY_GROUPS = 50;

    /** True when "per" names the column by a singular of its plural name: "per night" for a column nights. */
    private static boolean perSingular(Clause c, ColumnProfile col) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && m.column().equals(col) && c.w(i - 1).equals("per")
                    && m.end() == i + 1 && c.token(i).norm().equals(c.token(i).singular())
                    && !col.name().toLowerCase(java.util.Locale.ROOT).equals(c.token(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /** True when the question opens with who, whom, whose, which or where, alone or after a preposition. */
    private static boolean asksWhichOrWho(Clause c, Intent intent) {
        LinkedQuestion q = c.q;
        for (int i = 0; i < Math.min(q.size(), 3); i++) {
            Token t = q.token(i);
            if (!t.isWord()) {
                continue;
            }
            Mention after = t.norm().equals("what") ? c.m(c.next(i)) : null;
            boolean whatAsDeterminer = after != null && (after.kind() == Mention.Kind.VALUE || !after.column().column().numeric());
            if (WHICH_WORDS.contains(t.norm()) || whatAsDeterminer) {
                // "what diocese has the least area": "what" before a noun asks which one, as "which" does
                // "which margin of victory was the largest": which one of the measure's own values, a figure
                // but "which hospital has the most hospital beds" names the measure again: the first word is the thing asked
                ColumnProfile measured = intent.measures().size() == 1 ? intent.measures().get(0).column() : null;
                int first = measured == null ? -1 : c.firstMentionOf(measured);
                boolean again = first >= 0 && c.m(first) != null && c.firstMentionOf(measured, c.m(first).end()) >= 0;
                return !(measured != null && first == c.next(i) && !again);
            }
            if (!Set.of("in", "at", "on", "for", "from", "to", "by", "of", "with", "during").contains(t.norm())) {
                return false;
            }
        }
        return false;
    }
}
