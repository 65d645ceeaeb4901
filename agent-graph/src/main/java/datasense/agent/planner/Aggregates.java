package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;

/**
 * Aggregate functions and the role of each column mention: function words ("total", "average", "how many",
 * "standard deviation"), then every mention left by the filter stages becomes a measure ("average salary"),
 * a grouping ("by region", "which state"), or a counted thing ("how many orders" = distinct Order ID,
 * "how many cities" = distinct City). A measure with no function is summed, or averaged when it reads as a
 * rate or level (price, discount, age), and the reading says so.
 */
final class Aggregates {

    /** Words after a noun that begin what is said of each one: "members with", "customers who", "stores that". */
    private static final Set<String> RELATIVES = Set.of("with", "who", "that", "having", "whose", "which");

    private Aggregates() {
    }

    /**
     * "which lahn exceeds 300 m" where "lahn" links to an amount (Confluence [by Lahn-km]): "which" asks for things
     * by a noun, and an amount is not a thing to name, so the noun names the rows asked for, never an amount to add
     * up ("which year", a number naming the rows, is read elsewhere as the years asked for).
     */
    private static boolean amountAsThing(Clause c, Mention mention) {
        int which = c.prev(mention.start());
        return mention.isColumn() && which >= 0 && which == mention.start() - 1 && c.w(which).equals("which")
                && c.superlativePos < 0 && mention.column().column().numeric() && !SchemaIndex.isIdLike(mention.column())
                && !DateFilters.years(mention.column()) && !Doubts.numbersRows(mention.column(), c.index.schema.rows());
    }

    /**
     * "how many store-months lost money", "patient-days": a counted column joined to a plural period names the unit
     * each row records, one per store and month, so the rows are counted, not the stores. When the table does not
     * hold about one row per pair, the count is a best guess. {@code period} is the period's mention of a date column
     * ("months" of month).
     */
    private static boolean unitOfObservation(Clause c, Mention period, ColumnProfile date) {
        return period.end() - period.start() == 1 && unitOfObservation(c, c.m(period.start() - 1), period.start(), date);
    }

    /** As above, the period a free word ("site-days" where the date column is named date) of the first date column. */
    private static void unitOfObservationWord(Clause c) {
        for (int i = c.from + 1; i < c.to && c.index.defaultDate() != null; i++) {
            if (c.freeWord(i) && unitOfObservation(c, c.m(i - 1), i, c.index.defaultDate())) {
                c.mark(i);
                return;
            }
        }
    }

    private static boolean unitOfObservation(Clause c, Mention unit, int periodAt, ColumnProfile date) {
        Token word = c.token(periodAt);
        Grain grain = Vocabulary.GRAIN_NOUNS.get(word.singular());
        if (grain == null || word.norm().equals(word.singular())
                || unit == null || unit.end() != periodAt || !unit.isColumn() || c.measures.isEmpty()
                || FlagFilters.flag(unit.column())) { // "inverter fault days": days with a fault, not a pair
            return false;
        }
        int counted = c.measures.indexOf(new Measure(Agg.COUNT_DISTINCT, unit.column()));
        if (counted < 0) {
            return false;
        }
        c.measures.set(counted, new Measure(Agg.COUNT, null));
        c.readings.removeIf(r -> r.contains("read as distinct " + unit.column().name()));
        c.reading("'" + c.text(unit.start(), periodAt + 1) + "' counted as rows, one per " + unit.column().name()
                + " and " + grain.word);
        long pairs = unit.column().distinct() * date.distinct();
        long rows = c.index.schema.rows();
        if (pairs * 10 < rows * 9 || pairs * 10 > rows * 11) {
            c.reading(Clause.BEST_GUESS + "the table does not hold one row per " + unit.column().name() + " and "
                    + date.name() + " (" + rows + " rows), so some pairs may be counted more than once");
        }
        return true;
    }

    /**
     * "the lowest, average and highest nightly rate", "shortest and longest stay": extremes listed with other functions
     * before one measure are functions of it (the smallest and the largest value), not a ranking.
     */
    private static void listedExtremes(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            List<Integer> items = new ArrayList<>();
            int k = i;
            while (c.freeWord(k) && (Vocabulary.LISTED_EXTREMES.containsKey(c.w(k)) || Vocabulary.FUNCTIONS.containsKey(c.w(k)))) {
                items.add(k);
                int next = c.w(k + 1).equals(",") ? k + 2 : k + 1;
                next = c.w(next).equals("and") ? next + 1 : next;
                if (next == k + 1) {
                    break; // the last of the list, before its measure
                }
                k = next;
            }
            boolean extreme = items.stream().anyMatch(j -> Vocabulary.LISTED_EXTREMES.containsKey(c.w(j)));
            if (items.size() >= 2 && extreme) {
                for (int j : items) {
                    Agg agg = Vocabulary.LISTED_EXTREMES.getOrDefault(c.w(j), Vocabulary.FUNCTIONS.get(c.w(j)));
                    c.functions.put(j, agg);
                    c.mark(j);
                }
                c.mark(items.get(0), items.get(items.size() - 1) + 1);
                i = items.get(items.size() - 1);
            }
        }
    }

    /** Opposite ends of time said together: "first and last", "earliest and latest" (either order). */
    private static final Map<String, Boolean> SPAN_ENDS = Map.of("first", false, "earliest", false, "oldest", false,
            "last", true, "latest", true, "newest", true);
    private static final Set<String> DATE_NOUNS = Set.of("day", "date", "time");

    /**
     * "each campaign with its first and last day", "the earliest and latest order date": a date's span, its
     * smallest and largest value; read before the date filters, so "last day" is not the data's last day.
     */
    static void firstAndLast(Clause c) {
        for (int i = c.from; i + 3 < c.to; i++) {
            Boolean a = SPAN_ENDS.get(c.w(i));
            Boolean b = SPAN_ENDS.get(c.w(i + 2));
            if (a == null || b == null || a.equals(b) || !c.w(i + 1).equals("and") || !c.freeWord(i)
                    || !c.freeWord(i + 2) || c.m(i) != null || c.m(i + 2) != null) {
                continue;
            }
            Mention m = c.m(i + 3);
            ColumnProfile date = null;
            int end = i + 4;
            if (m != null && m.start() == i + 3 && m.isColumn() && m.column().column().temporal() && c.free(m)) {
                date = m.column();
                end = m.end();
                c.markMention(m);
            } else if (m == null && c.freeWord(i + 3) && DATE_NOUNS.contains(c.token(i + 3).singular())) {
                date = c.impliedDate();
            }
            if (date == null) {
                continue;
            }
            c.measures.add(new Measure(Agg.MIN, date));
            c.measures.add(new Measure(Agg.MAX, date));
            c.mark(i, end);
            c.reading("'" + c.text(i, end) + "' read as the earliest and latest " + date.name());
            return;
        }
    }

    static void functionWords(Clause c) {
        eachAtTheEnd(c);
        listedExtremes(c);
        extremeOfEach(c);
        functionInColumnName(c);
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            if (numberOfOne(c, i)) {
                continue;
            }
            String before = c.w(i - 1);
            if (c.w(i).equals("amount") && c.w(i + 1).equals("of") && c.freeWord(i + 1) && c.m(i + 2) != null && c.m(i - 1) == null
                    && (Vocabulary.SUPERLATIVES.containsKey(before) || Vocabulary.FUNCTIONS.containsKey(before))) {
                c.mark(i, i + 2); // "the least amount of bronze medals", "the total amount of points": of the thing itself
                i++;
                continue;
            }
            boolean matched = false;
            for (Map.Entry<List<String>, Agg> e : Vocabulary.FUNCTION_PHRASES) {
                if (c.phraseAt(i, e.getKey())) {
                    c.functions.put(i, e.getValue());
                    c.mark(i, i + e.getKey().size());
                    i += e.getKey().size() - 1;
                    matched = true;
                    break;
                }
            }
            if (matched) {
                continue;
            }
            String w = c.w(i);
            Agg agg = Vocabulary.FUNCTIONS.get(w);
            if (agg == null && w.equals("combined") && combinesAMeasure(c, i)) {
                agg = Agg.SUM; // "the combined monthly price": before its measure, an adjective for the total
            }
            if (agg != null) {
                c.functions.put(i, agg);
                c.mark(i);
            } else if (Vocabulary.DISTINCT.contains(w)) {
                c.distinctCue = true;
                c.mark(i);
            }
        }
    }

    /**
     * "drug classes in alphabetical order with units for each", "districts with the number of late bills in each": a
     * closing "each" with nothing after it refers back to the things listed first, so they group the measure after
     * "with".
     */
    private static void eachAtTheEnd(Clause c) {
        int last = c.to - 1;
        while (last > c.from && Set.of("?", ".", "!").contains(c.w(last))) {
            last--;
        }
        if (!c.w(last).equals("each") || !c.freeWord(last)) {
            return;
        }
        Mention thing = null;
        for (int i = c.from; i < last && thing == null; i++) {
            thing = c.m(i);
        }
        if (thing == null || thing.kind() == Mention.Kind.VALUE || thing.isColumn() && (thing.column().column().numeric()
                || thing.column().column().temporal())) {
            return;
        }
        int with = c.wordAt("with");
        if (with < thing.end() || with > last) {
            return;
        }
        c.eachAtEnd.add(thing.start());
        c.mark(last);
        if (Set.of("for", "in").contains(c.w(last - 1))) {
            c.mark(last - 1);
        }
    }

    /**
     * True when "combined" at {@code i} qualifies a measure in the noun phrase after it: "combined price", or the
     * head of a compound, "combined drug cost" (the cost, of drugs). A preposition or a conjunction ends the phrase.
     */
    private static boolean combinesAMeasure(Clause c, int i) {
        for (int k = i + 1; k < Math.min(c.to, i + 4); k++) {
            Mention m = c.m(k);
            if (m != null && m.start() == k && m.isColumn() && m.column().column().numeric()) {
                return true;
            }
            if (Set.of("of", "for", "by", "in", "per", "and", "or", "from", "to", "with").contains(c.w(k))) {
                return false;
            }
        }
        return false;
    }

    /**
     * "the number of the player from Slovakia": "number of" before "the" and one thing is that thing's number (a
     * shirt or pick number), no count; "the number of players" counts. The word is left to be understood, or not.
     */
    private static boolean numberOfOne(Clause c, int i) {
        Token one = c.token(i + 3);
        return c.w(i).equals("number") && c.w(i + 1).equals("of") && c.w(i + 2).equals("the") && c.w(i - 1).equals("the")
                && one != null && one.isWord() && one.norm().equals(one.singular()) && !Vocabulary.STOP.contains(one.norm());
    }

    /** Functions a column's name may begin with and still be asked of its rows: "Average attendance", "Total points". */
    private static final Set<Agg> NAMED_FUNCTIONS = Set.of(Agg.SUM, Agg.AVG, Agg.MIN, Agg.MAX);

    /**
     * "what is the average attendance for all stadiums" over a column "Average attendance": "what is the" asks for one
     * figure, and the function the column's name begins with says which; over a single row it is that row's value,
     * so nothing is lost when a condition picks one.
     */
    private static void functionInColumnName(Clause c) {
        int the = afterWhatIs(c);
        Mention m = the >= 0 && c.w(the).equals("the") ? c.m(the + 1) : null;
        if (m == null || m.start() != the + 1 || !m.isColumn() || m.end() - m.start() < 2 || !c.free(m)
                || !m.column().column().numeric() || !c.functions.isEmpty()) {
            return;
        }
        Agg fn = Vocabulary.FUNCTIONS.get(c.w(m.start()));
        if (fn != null && NAMED_FUNCTIONS.contains(fn)) {
            c.functions.put(the, fn);
            c.mark(the);
            c.reading("'" + c.text(m.start(), m.end()) + "' asked as one figure: the " + fn.label.toLowerCase(Locale.ROOT)
                    + " of " + m.column().name() + " over the rows asked about");
        }
    }

    /** Reads the mentions into measures and groupings and finishes the clause as an aggregate-like intent. */
    static Intent aggregate(Clause c) {
        int when = c.timeRank == null ? -1 : c.wordAt("when");
        if (when >= 0 && c.measures.isEmpty() && c.groups.isEmpty()) {
            // "when did the most recent cancellation happen": the date itself, the latest (or earliest) there is
            c.measures.add(new Measure(c.descending ? Agg.MAX : Agg.MIN, c.timeRank));
            c.mark(when);
        }
        Intent projection = c.measures.isEmpty() ? Projection.rows(c) : null;
        if (projection != null) {
            return projection;
        }
        List<Agg> pending = new ArrayList<>();
        List<Agg> last = new ArrayList<>();
        boolean countTarget = false;
        List<Mention> population = new ArrayList<>();
        totalAsAdverb(c);
        ColumnProfile unitsOfVerb = quantityNamedByVerb(c);
        java.util.Set<ColumnProfile> measured = new java.util.HashSet<>();
        for (int i = c.from; i < c.to; i++) {
            Mention mention = c.m(i);
            if (mention != null && mention.start() == i && mention.isColumn() && c.free(mention)
                    && (mention.column().column().numeric() && !SchemaIndex.isIdLike(mention.column())
                    || c.superlativePos >= 0 && QuantityFilters.begins(mention.column()))
                    && !modifiesNextAmount(c, mention, mention.column())) { // "total gold medal": one amount, qualified
                measured.add(mention.column()); // once a column, however many words or times: "kilometres ... drive"
            }
        }
        int measureMentions = measured.size();
        for (int i = c.from; i < c.to; i++) {
            Agg fn = c.functions.get(i);
            if (fn != null) {
                pending.add(fn);
                continue;
            }
            Mention mention = c.m(i);
            if (mention == null) {
                if (!c.used[i] && c.isRowNoun(i) && c.groupWordBefore(i) && !c.index.repeatedThing(c.token(i).singular())) {
                    // "average discount per order line": the table's own grain, not a grouping
                    c.mark(i);
                    c.reading("'" + c.token(i).text() + "' is one row each, so nothing is grouped by it");
                    continue;
                }
                boolean pluralBeforeGroup = !c.token(i).norm().equals(c.token(i).singular()) && c.measures.isEmpty()
                        && Vocabulary.GROUP_WORDS.contains(c.w(i + 1)) && c.functions.isEmpty(); // "parcels per city"
                if (!c.used[i] && c.isRowNoun(i) && (pending.contains(Agg.COUNT) || c.countedAt(i) || c.mostBefore(i)
                        || c.shareBefore(i) || pluralBeforeGroup || listedWithAnAmount(c, i, i + 1))) {
                    c.measures.add(new Measure(Agg.COUNT, null));
                    pending.remove(Agg.COUNT);
                    countTarget = true;
                    c.mark(i);
                    Mention qualifier = c.m(i - 1);
                    if (qualifier != null && qualifier.kind() == Mention.Kind.ENTITY) {
                        c.markMention(qualifier);
                        c.reading("'" + c.token(i - 1).text() + " " + c.token(i).text() + "' counted as rows");
                    }
                }
                continue;
            }
            if (mention.start() != i || !c.free(mention)) {
                continue;
            }
            if (pending.isEmpty() && amountAsThing(c, mention)) {
                continue; // "which lahn exceeds 300 m": left unexplained, the rows asked for are listed
            }
            c.reading(mention.reading());
            c.markMention(mention);
            if (mention.kind() == Mention.Kind.ENTITY) {
                Entity e = mention.entity();
                Mention nextMention = c.m(mention.end());
                if (nextMention == null && Set.of("count", "counts").contains(c.w(mention.end()))) {
                    // "by session count", "ranked by order count": how many of them, a measure, never a grouping
                    c.mark(mention.end());
                    if (c.w(i - 1).equals("by")) {
                        c.mark(i - 1); // "the genres by session count": what they are ranked by comes first
                        c.measures.add(0, c.entityCount(e, mention));
                    } else {
                        c.measures.add(c.entityCount(e, mention));
                    }
                    pending.remove(Agg.COUNT);
                    pending.remove(Agg.COUNT_DISTINCT);
                    countTarget = true;
                    continue;
                }
                if (nextMention != null && nextMention.kind() != Mention.Kind.VALUE && nextMention.start() == mention.end()
                        && nextMention.end() == mention.end() + 1 && c.isRowNoun(mention.end())) {
                    countTarget |= rowsOfEntity(c, mention, nextMention, i, pending);
                    continue;
                }
                // "customers shipped": a date's verb after the entity is what they did, it does not qualify them
                // and "how many users watched": counted, the entity did what the verb says (minutes_watched)
                boolean verbAfter = nextMention != null && nextMention.isColumn() && c.token(mention.end()).norm().endsWith("ed")
                        && (nextMention.column().column().temporal() || c.countedAt(i));
                if (nextMention != null && nextMention.isColumn() && c.free(nextMention) && !verbAfter
                        && SchemaIndex.words(nextMention.column().name()).contains(c.token(mention.end()).singular())) {
                    c.markMention(mention);
                    continue; // "customer segment": the entity word only qualifies the column (not "students scored")
                }
                if (nextMention == null && mention.end() < c.to && c.isRowNoun(mention.end())) {
                    continue; // "order lines", "order items": the rows themselves, read by the row noun
                }
                if (c.groupWordBefore(i) && c.filterStart.containsValue(mention.end())) {
                    c.reading("'" + c.token(i).text() + "' with a condition selects rows; nothing is grouped by it");
                    continue;
                }
                if (e.uniqueRows() && c.groupWordBefore(i) && !c.rankCueBefore(i)) {
                    // "average fare per trip" on a table of trips: one row per trip, so one number over all
                    c.reading("'" + c.token(i).text() + "' is one row each, so nothing is grouped by it");
                    continue;
                }
                // "the number of exams each student took": the rows are counted already, "each student" groups them
                boolean eachOfCounted = countTarget && c.groupWordBefore(i);
                if (!eachOfCounted && !c.groupWordBefore(i) && listedWithAnAmount(c, i, mention.end())) {
                    // "visits and revenue by technician": things listed beside an amount are a figure too, their count
                    c.measures.add(c.entityCount(e, mention));
                    countTarget = true;
                    continue;
                }
                if (!eachOfCounted && (c.countedAt(i) || c.mostBefore(i) || c.shareBefore(i)) // "what share of admissions"
                        || !eachOfCounted && pending.contains(Agg.COUNT) && measureMentions == 0) {
                    c.measures.add(c.entityCount(e, mention));
                    pending.remove(Agg.COUNT);
                    pending.remove(Agg.COUNT_DISTINCT);
                    countTarget = true;
                } else if (c.groupWordBefore(i) || c.rankCueBefore(i)
                        || orderVerbBefore(c, i) && !e.uniqueRows()) {
                    // "rank the swimmers by average lap time": the swimmers are what is ranked, each a group
                    c.addGroup(new Grouping(e.groupColumn(), null), c.groupWordBefore(i));
                } else if (!e.uniqueRows() && RELATIVES.contains(c.w(mention.end()))
                        && c.filters.stream().anyMatch(Filter::onGroups)) {
                    // "members with at least 5 loans": a condition on how many each has, so each member is a group
                    c.addGroup(new Grouping(e.groupColumn(), null), true);
                } else {
                    population.add(mention); // the population: "average age of employees"
                }
            } else if (mention.kind() == Mention.Kind.COLUMN && kindOfValue(c, mention, countTarget)) {
                // "members who borrowed crime books": the books are what Crime is, not a second thing counted
                c.reading("'" + c.token(i).text() + "' names what '" + c.token(i - 1).text() + "' is; nothing more is counted");
            } else if (mention.kind() == Mention.Kind.COLUMN) {
                countTarget |= column(c, mention, i, pending, last, measureMentions);
            }
        }
        if (pending.contains(Agg.COUNT) || pending.contains(Agg.COUNT_DISTINCT)) {
            ColumnProfile units = countTarget ? null : unitsOfVerb != null ? unitsOfVerb : unitsTraded(c);
            ColumnProfile people = countTarget || units != null || !c.has(Set.of("headcount")) ? null : c.index.personId;
            if (units != null) {
                c.measures.add(new Measure(Agg.SUM, units));
            } else if (people != null) {
                c.measures.add(new Measure(Agg.COUNT_DISTINCT, people));
                c.reading("'headcount' read as distinct " + people.name() + ": each person once, not their rows");
            } else if (!countTarget) {
                c.measures.add(new Measure(Agg.COUNT, null));
            }
        } else if (!pending.isEmpty() && !c.measures.isEmpty()) {
            // "sales total": a function after its measure
            Measure lastMeasure = c.measures.get(c.measures.size() - 1);
            if (lastMeasure.column() != null && lastMeasure.derived() == Measure.Derived.NONE
                    && (lastMeasure.column().column().numeric() || !numericOnly(pending.get(0)))) {
                c.measures.set(c.measures.size() - 1, new Measure(pending.get(0), lastMeasure.column()));
            }
        }
        // a condition on each group's measure shows that measure: "drivers with at least 40 trips"
        c.pendingMeasures.forEach(m -> addOnce(c, m));
        // ... unless the groups are only counted: "how many vehicles had more than one work order"
        boolean groupsCounted = c.groups.isEmpty() && c.measures.size() == 1 && c.measures.get(0).agg() == Agg.COUNT_DISTINCT;
        if (!groupsCounted) {
            c.filters.stream().filter(Filter::onGroups).forEach(f -> addOnce(c, f.measure()));
        }
        if (c.grain != null) {
            ColumnProfile date = c.grain.timeOfDay() ? c.index.timestamp(c.dateMention()) : c.dateMention();
            if (date == null) {
                c.reading("no date column to group by " + c.grain.word);
            } else if (!periodAverage(c, date)) {
                int before = c.grainAdjectiveAt < 0 ? -1 : c.prev(c.grainAdjectiveAt);
                if (before >= 0 && c.functions.containsKey(before) && !c.groups.isEmpty()) {
                    // "max daily hours per department": each day's figure, or the largest over the days per department?
                    c.reading(Clause.BEST_GUESS + "'" + c.grain.adjective() + "' after a function read as a grouping by "
                            + c.grain.word + "; the function over the " + c.grain.adjective() + " figures is as likely");
                }
                c.addGroup(new Grouping(date, c.grain), !c.grainAsked);
            }
        }
        if (!countTarget && c.groups.isEmpty() && c.filters.isEmpty() && c.measures.size() == 1
                && c.measures.get(0).column() == null && !c.unexplained().isEmpty()) {
            return c.partial(); // "how many widgets": counting rows would answer another question
        }
        FlagFilters.comparedStates(c);
        lostGroupings(c);
        DerivedMeasures.running(c);
        DerivedMeasures.change(c);
        averageCountPer(c);
        countOfEachOnAverage(c);
        countPerEachWithinGroups(c);
        averagePerEntity(c);
        unitOfObservationWord(c);
        wholeTotal(c);
        totalOfThings(c);
        totalOfOneRow(c);
        if (c.superlativePos >= 0 && c.measures.isEmpty() && !c.groups.isEmpty()
                && c.hasSuperlative("most", "fewest", "least")) {
            ColumnProfile units = unitsOfVerb != null ? unitsOfVerb : unitsTraded(c);
            // "which city has the most rows"; "which quarter did we sell the most desserts": the units
            c.measures.add(units != null ? new Measure(Agg.SUM, units) : new Measure(Agg.COUNT, null));
        }
        return Rankings.finish(c, population);
    }

    /**
     * True when a plural entity word is listed by "and" or a comma with an amount ("visits and revenue", "revenue,
     * visits") in a clause that groups: a column of figures per group, the things counted.
     */
    private static boolean listedWithAnAmount(Clause c, int i, int end) {
        boolean grouped = !c.groups.isEmpty() || c.grain != null || java.util.stream.IntStream.range(c.from, c.to)
                .anyMatch(k -> Vocabulary.GROUP_WORDS.contains(c.w(k)) && c.m(k + 1) != null);
        if (c.token(i).norm().equals(c.token(i).singular()) || !grouped || c.groupWordBefore(i) || c.superlativePos >= 0) {
            return false;
        }
        Set<String> joins = Set.of("and", ",", "&");
        Mention after = joins.contains(c.w(end)) ? c.m(end + 1) : null;
        int p = c.prev(i);
        Mention before = p >= c.from && joins.contains(c.w(p)) ? c.m(p - 1) : null;
        return after != null && after.isColumn() && amount(after.column())
                || before != null && before.isColumn() && amount(before.column());
    }

    /**
     * "how many gold medals do they have total", "... in total": a column named Total, last in the clause after
     * another measure, is the adverb, not a second measure.
     */
    private static void totalAsAdverb(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            // "the total number of nations": the word of counting, not the column
            if (m != null && m.start() == i && m.end() == i + 1 && m.isColumn() && c.free(m)
                    && SchemaIndex.words(m.column().name()).equals(List.of("total"))
                    && Set.of("number", "count", "amount").contains(c.w(i + 1)) && c.w(i + 2).equals("of")) {
                c.markMention(m);
            }
        }
        int end = c.to;
        while (end > c.from && (c.w(end - 1).equals("?") || c.w(end - 1).equals("."))) {
            end--;
        }
        Mention last = c.m(end - 1);
        if (last == null || !last.isColumn() || last.end() != end || !c.free(last)
                || !SchemaIndex.words(last.column().name()).equals(List.of("total"))) {
            return;
        }
        boolean inTotal = c.w(last.start() - 1).equals("in"); // "how many nations are there in total"
        for (int i = c.from; i < last.start(); i++) {
            Mention m = c.m(i);
            if (m != null && (inTotal || m.isColumn() && m.column().column().numeric() && !m.column().equals(last.column()))) {
                c.markMention(last);
                if (c.w(last.start() - 1).equals("in")) {
                    c.mark(last.start() - 1);
                }
                return;
            }
        }
    }

    /** The one amount named by the verb a date column records ("paid" of paid_date: amount_paid), or null. */
    private static ColumnProfile amountOfEvent(Clause c, ColumnProfile date) {
        String verb = SchemaIndex.words(date.name()).get(0);
        List<ColumnProfile> amounts = c.index.measures.stream()
                .filter(m -> SchemaIndex.words(m.name()).contains(verb)).toList();
        return amounts.size() == 1 ? amounts.get(0) : null;
    }

    /** One column mention's role; true when it became the counted thing. */
    private static boolean column(Clause c, Mention mention, int i, List<Agg> pending, List<Agg> last,
                                  int measureMentions) {
        ColumnProfile col = mention.column();
        if (col.column().temporal()) {
            if (unitOfObservation(c, mention, col)) {
                return false;
            }
            Mention after = c.m(mention.end());
            if (c.groupWordBefore(i) && c.w(i).endsWith("ed") && mention.end() - mention.start() == 1
                    && (c.isRowNoun(mention.end()) || after != null && after.kind() == Mention.Kind.ENTITY && after.entity().uniqueRows())) {
                // "average late fee per returned loan": the rows the event happened to, one each, not a date per group
                c.markMention(mention);
                c.mark(c.prev(i));
                if (after != null) {
                    c.markMention(after);
                } else {
                    c.mark(mention.end());
                }
                return false;
            }
            if (c.grain == null && c.groupWordBefore(i)) {
                c.addGroup(new Grouping(col, null), true);
                return false;
            }
            Token word = c.token(mention.end() - 1);
            boolean plural = !word.norm().equals(word.singular());
            String next = c.w(c.next(mention.end() - 1));
            if (plural && (pending.contains(Agg.COUNT) || c.grain != null || Vocabulary.GROUP_WORDS.contains(next)
                    || RELATIVES.contains(next) && c.has(Vocabulary.GROUP_WORDS))) { // "harvests that failed, by farm"
                ColumnProfile amount = pending.contains(Agg.SUM) ? amountOfEvent(c, col) : null;
                if (amount != null) {
                    // "total payments by branch" with paid_date and amount_paid: the money of the event, added up
                    pending.remove(Agg.SUM);
                    c.measures.add(new Measure(Agg.SUM, amount));
                    c.reading("'" + word.text() + "' read as the total of " + amount.name());
                    return true;
                }
                // "launches per quarter", "monthly number of discharges": the events the date records, counted
                pending.remove(Agg.COUNT);
                c.measures.add(new Measure(Agg.COUNT, null));
                if (col.nulls() * 20L >= c.index.schema.rows()) {
                    // "the number of interviews" where many rows have no interview_date: only the rows that have one
                    c.filters.add(Filter.of(col, "not_null", null));
                    c.reading("'" + word.text() + "' counted as the rows with " + col.name() + " present");
                } else {
                    c.reading("'" + word.text() + "' counted as rows, dated by " + col.name());
                }
                return true;
            }
            return false;
        }
        if (pending.isEmpty() && c.mostBefore(i) && countedAmounts(c, mention, col)) {
            // "the zone with the fewest fines" over fine_eur: how many fines there were, not the money they came to
            c.measures.add(new Measure(Agg.COUNT, col));
            c.reading("'" + c.token(i).text() + "' counted: the rows with a " + col.name());
            return true;
        }
        if (col.column().numeric() && !SchemaIndex.isIdLike(col) && c.superlativePos >= 0
                && (c.w(c.prev(i)).equals("which") || c.w(c.prev(i)).equals("what"))
                && (measureMentions > 1 || c.hasSuperlative("most", "fewest", "least")
                && (DerivedMeasures.level(col) || unnamedThingsAfterSuperlative(c)))) {
            // "which season had the fewest episodes"; "which year saw the most ships built": a year is when, not
            // how much, so the most is of rows per year (counted below), never the largest year
            c.addGroup(new Grouping(col, null), false);
            return false;
        }
        if (col.column().numeric() && !SchemaIndex.isIdLike(col) && c.superlativePos < 0 && pending.isEmpty()
                && (c.w(c.prev(i)).equals("which") || c.w(c.prev(i)).equals("what")) && Doubts.numbersRows(col, c.index.schema.rows())) {
            // "in which years did she finish first", "what season": the years asked for, not their total
            c.addGroup(new Grouping(col, null), false);
            return false;
        }
        if (col.column().numeric() && !SchemaIndex.isIdLike(col)
                && c.groups.stream().anyMatch(g -> !g.temporal() && g.column().equals(col)) && pending.isEmpty()) {
            return false; // "which year saw the most ships built" names Year Built twice: grouped by it, not also summed
        }
        int aux = Set.of("was", "were", "is", "are", "been", "got").contains(c.w(i - 1)) ? 1 : 0;
        Mention rowsCounted = c.m(i - 1 - aux);
        if (col.column().numeric() && mention.end() == i + 1 && c.w(i).endsWith("ed")
                && rowsCounted != null && rowsCounted.end() == i - aux && rowsCounted.kind() == Mention.Kind.ENTITY
                && (pending.contains(Agg.COUNT) || c.countedAt(rowsCounted.start()))) {
            // "the number of batches inspected", "how many users watched": the verb says what the counted things
            // did, not what to add up
            c.markMention(mention);
            c.reading("'" + c.token(i).text() + "' describes the " + c.token(rowsCounted.start()).text() + " counted");
            return false;
        }
        if (modifiesNextAmount(c, mention, col)) {
            c.markMention(mention);
            c.reading("'" + c.text(mention.start(), mention.end()) + "' read as qualifying "
                    + c.m(mention.end()).column().name() + ", the amount it comes before");
            return false;
        }
        boolean rankedQuantity = c.superlativePos >= 0 && QuantityFilters.begins(col); // "the least height": "88 feet (27 m)"
        if (col.column().numeric() && !SchemaIndex.isIdLike(col) || rankedQuantity) {
            boolean ranked = c.superlativePos >= 0;
            // "by sales" in a ranking names what it ranks by; "per class" always asks for each class
            if (c.groupWordBefore(i) && (!ranked || c.w(c.prev(i)).equals("per"))) {
                c.addGroup(new Grouping(col, null), true);
            } else if (pending.contains(Agg.COUNT) && pending.size() == 1 && measureMentions > 1
                    && !(countable(c, col) && c.w(i - 1).equals("of") && c.w(i - 2).equals("number")
                    && !Vocabulary.GROUP_WORDS.contains(c.w(i - 3)))) {
                // "which year saw the most ships built": Year Built counted per year; but "the largest number of
                // deaths" over a count column Deaths is that column, added up ("per number of bedrooms" still groups)
                c.addGroup(new Grouping(col, null), false);
            } else if (pending.stream().allMatch(a -> a == Agg.COUNT) && comparedRightAfter(c, mention)
                    && (pending.contains(Agg.COUNT) || c.measures.stream().anyMatch(m -> m.agg() == Agg.COUNT_DISTINCT
                    || m.agg() == Agg.COUNT))) {
                // "the number of players who weigh over 200 pounds": the column is the condition on the rows counted
                c.reading("'" + c.token(i).text() + "' is the condition on the rows counted, not what is counted");
            } else {
                if (pending.contains(Agg.COUNT) && judgement(col) && namedInPlural(c, i, col)
                        && !Vocabulary.DISTINCT.contains(c.w(i - 1))) {
                    // "how many ratings have we received": each row's rating is one given, so the rows that have one
                    // are counted; neither the scale's different points nor the points added up
                    c.reading("'" + c.token(i).text() + "' counted as the rows with a " + col.name());
                } else if (pending.contains(Agg.COUNT) && numbersWithRepeats(col, c.index.schema.rows()) && namedInPlural(c, i, col)) {
                    // "the total number of constituencies" over Constituency 1..19, two seats each: the different
                    // constituencies, not their numbers added up nor the rows
                    pending.removeIf(a -> a == Agg.COUNT);
                    pending.add(Agg.COUNT_DISTINCT);
                    c.reading("'" + c.token(i).text() + "' counted as the different " + col.name() + " values");
                } else if (pending.contains(Agg.COUNT) && (countable(c, col) || unitOf(c, mention, col))) {
                    // "how many passengers", "number of units": a count column is counted by adding it up (every
                    // count word of the clause: "how many mains were ordered? count the quantity")
                    pending.removeIf(a -> a == Agg.COUNT);
                    if (pending.isEmpty()) {
                        pending.add(Agg.SUM);
                    }
                    c.reading("'" + c.token(i).text() + "' counted by adding up " + col.name());
                } else if (pending.contains(Agg.COUNT) && yearsOfRelease(col) && !c.token(i).norm().equals(c.token(i).singular())) {
                    // "how many years is the chart for" over Year: the different years, not the rows that have one
                    pending.removeIf(a -> a == Agg.COUNT);
                    pending.add(Agg.COUNT_DISTINCT);
                    c.reading("'" + c.token(i).text() + "' counted as the different " + col.name() + " values");
                }
                addMeasure(c, col, pending, last, i);
            }
            return false;
        }
        Token said = c.token(mention.end() - 1);
        int cond = mention.end() + (Set.of("in", "from", "at", "with").contains(c.w(mention.end())) ? 1 : 0);
        Mention kind = c.m(i - 1); // "Kids titles": a value of another column before the plural names which ones
        boolean valueBefore = kind != null && kind.kind() == Mention.Kind.VALUE && kind.end() == i
                && !kind.column().equals(col) && c.filters.stream().anyMatch(f -> kind.column().equals(f.column()));
        if (!c.groupWordBefore(i) && !c.rankCueBefore(i) && c.superlativePos < 0
                && (c.filterStart.containsValue(mention.end()) || c.filterStart.containsValue(cond) || c.m(cond) != null
                && c.m(cond).kind() == Mention.Kind.VALUE && c.filters.stream().anyMatch(f -> c.m(cond).column().equals(f.column()))
                || valueBefore && (c.w(i - 2).equals("for") || c.w(i - 2).equals("of") || c.w(i - 2).equals("in")))
                && !said.norm().equals(said.singular()) && !c.measures.isEmpty()) {
            c.reading("'" + said.text() + "' with a condition selects rows; nothing is grouped by it");
            return false; // "orders from customers in France": who the rows are about, not a grouping
        }
        // "how many different boats with 'Star' in the name": the different ones counted, not the rows
        boolean differentOnes = Vocabulary.DISTINCT.contains(c.w(i - 1));
        if (!c.groupWordBefore(i) && !c.rankCueBefore(i) && !differentOnes && c.filters.stream().anyMatch(f -> !f.onGroups()
                && col.equals(f.column()) && !f.op().equals("in"))) {
            c.reading("'" + c.token(i).text() + "' are the rows the condition on " + col.name() + " selects");
            return false; // "North region stores excluding Glasgow": the population, not a grouping
        }
        boolean counted = c.countedAt(i) || c.mostBefore(i) || c.share || (c.distinctCue
                && (c.hasFunction(Agg.COUNT) || c.hasFunction(Agg.COUNT_DISTINCT)));
        if (!c.groupWordBefore(i) && counted && !c.distinctCue && mention.isColumn() && QuantityFilters.annotated(col)
                && !SchemaIndex.isIdLike(col) && !Doubts.numbersRows(col, c.index.schema.rows()) && pending.contains(Agg.COUNT)) {
            // "how many laps did she complete" over Laps kept as text ("198", "-"): its numbers added up, as a
            // count column's are, not its different values counted
            pending.removeIf(a -> a == Agg.COUNT || a == Agg.COUNT_DISTINCT);
            pending.add(Agg.SUM);
            c.reading("'" + c.token(i).text() + "' counted by adding up the numbers in " + col.name());
            addMeasure(c, col, pending, last, i);
            return false;
        }
        if (!c.groupWordBefore(i) && counted) {
            boolean few = !c.distinctCue && fewRepeats(c, col);
            boolean listed = few && c.superlativePos < 0 && c.groups.isEmpty() && !c.filters.isEmpty();
            ColumnProfile kindsId = listed ? null : idOfKinds(c, col);
            if (listed) {
                // "how many places are in Greene County" over names that mostly appear once: a name twice among the
                // rows a condition keeps is most often two places of one name, so those rows are counted; with no
                // condition, "how many competitions" over a list of results asks for the different ones
                c.measures.add(new Measure(Agg.COUNT, col));
                c.reading(Clause.BEST_GUESS + "'" + c.token(i).text() + "' counted as the rows that list one in " + col.name()
                        + "; most values appear once, so counting the different ones is as likely");
            } else if (kindsId != null) {
                // "how many shifts" beside shift (Early, Late) and shift_id: the shifts are the ids, not their kinds
                c.measures.add(new Measure(Agg.COUNT_DISTINCT, kindsId));
                c.reading("'" + c.token(i).text() + "' counted as different " + kindsId.name() + "; " + col.name() + " holds "
                        + col.distinct() + " kinds of them");
            } else {
                c.measures.add(new Measure(Agg.COUNT_DISTINCT, col)); // "how many cities", "the most work orders"
            }
            if (few && !listed) {
                c.reading(Clause.BEST_GUESS + "'" + c.token(i).text() + "' counted as different " + col.name()
                        + " values; most appear once, so counting the rows that list them is as likely");
            }
            pending.remove(Agg.COUNT);
            pending.remove(Agg.COUNT_DISTINCT);
            return true;
        }
        c.addGroup(new Grouping(col, null), c.groupWordBefore(i));
        return false;
    }

    /**
     * "order lines", "order items" beside a column named after the row noun (line_no numbers the lines of an
     * order): the table's rows, not that column. Counted, they are rows; after "per", they are the table's own
     * grain, so nothing is grouped. Returns true when they became the count.
     */
    private static boolean rowsOfEntity(Clause c, Mention entity, Mention rowNoun, int i, List<Agg> pending) {
        c.markMention(entity);
        c.markMention(rowNoun);
        String words = c.token(i).text() + " " + c.token(rowNoun.start()).text();
        if (c.groupWordBefore(i)) {
            c.reading("'" + words + "' is one row each, so nothing is grouped by it");
            return false;
        }
        if (pending.contains(Agg.COUNT) || c.countedAt(i) || c.countedAt(rowNoun.start()) || c.mostBefore(i)) {
            c.measures.add(new Measure(Agg.COUNT, null));
            pending.remove(Agg.COUNT);
            pending.remove(Agg.COUNT_DISTINCT);
            c.reading("'" + words + "' counted as rows");
            return true;
        }
        return false;
    }

    /**
     * True when counting {@code col}'s different values and counting its rows differ, yet only a little: most
     * values appear once and a few repeat ("competitions" on a list of results). Then "how many" can mean
     * either; when values repeat a lot (customers on orders) it means the different ones.
     */
    private static boolean fewRepeats(Clause c, ColumnProfile col) {
        long listed = c.index.schema.rows() - col.nulls();
        return !SchemaIndex.isIdLike(col) && col.distinct() < listed && col.distinct() * 2 >= listed;
    }

    /**
     * "the highest population density": English compounds put their head last, so of two amounts named back to back
     * with nothing between them, the second is the one measured and the first only says what kind it is.
     */
    static boolean modifiesNextAmount(Clause c, Mention mention, ColumnProfile col) {
        Mention next = c.m(mention.end());
        // both named as they are, not read from another word ("bonus paid": 'paid' read as base_salary is no head);
        // a word of the head's own name is named as it is ("delivery distance": distance_km)
        return next != null && next.start() == mention.end() && next.isColumn() && next.column() != col
                && mention.reading() == null && (next.reading() == null || AMOUNT_NOUNS.contains(c.w(next.start()))
                || next.end() == next.start() + 1 && SchemaIndex.words(next.column().name()).contains(c.token(next.start()).singular()))
                && amount(col) && amount(next.column());
    }

    /**
     * Nouns of a supply used, heads of a compound though read through a hint: "water consumption" is the water used
     * (m3_used), not the water charge. Money nouns are not: "shipping revenue" is the shipping cost, whatever the hint
     * for "revenue" alone would find.
     */
    private static final Set<String> AMOUNT_NOUNS = Set.of("consumption", "usage", "use");

    private static boolean amount(ColumnProfile col) {
        return col.column().numeric() && !col.column().temporal() && !SchemaIndex.isIdLike(col);
    }

    /** Functions that only make sense over numbers: a total or an average of names is no answer. */
    private static boolean numericOnly(Agg agg) {
        return agg == Agg.SUM || agg == Agg.AVG || agg == Agg.MEDIAN || agg == Agg.STDDEV;
    }

    private static void addOnce(Clause c, Measure m) {
        if (!c.measures.contains(m)) {
            c.measures.add(m);
        }
    }

    /** Verbs of goods changing hands: "how many books were sold" counts the goods, not the sale lines. */
    private static final Set<String> TRADE_VERBS = Set.of("sold", "sell", "sells", "buy", "buys", "bought",
            "purchased", "purchase", "ordered", "order", "shipped", "ship", "delivered", "returned",
            // goods used up: "which ward uses the most lorazepam"
            "use", "uses", "used", "consume", "consumes", "consumed", "dispense", "dispenses", "dispensed");
    /** Words naming a column that holds how many goods a row is about. */
    private static final Set<String> QUANTITY_WORDS = Set.of("quantity", "qty", "units", "unit", "items", "pieces",
            "copies");

    /**
     * "How many books were sold", "how many books did each customer buy": goods no column is named after,
     * counted with a trade verb, on a table with one quantity column, are that column added up. The noun and the
     * verb are marked and the reading says so; null (nothing marked) otherwise.
     */
    static ColumnProfile unitsTraded(Clause c) {
        int noun = -1;
        int verb = -1;
        boolean valueNoun = false;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (noun < 0 && m != null && m.kind() == Mention.Kind.VALUE && i == m.start() && m.end() == i + 1
                    && (c.countedAt(i) && !c.w(i).equals(c.token(i).singular()) || c.mostBefore(i))) {
                // "how many croissants were sold", "sold the most desserts": goods named by a value of the items;
                // after "the most", a mass noun too ("uses the most lorazepam")
                noun = i;
                valueNoun = true;
                continue;
            }
            // "desserts ordered": the verb may also name the date of ordering (ordered_at), still a verb of trade
            boolean dateVerb = m != null && m.isColumn() && m.start() == i && m.end() == i + 1
                    && m.column().column().temporal() && TRADE_VERBS.contains(c.w(i)); // also when it dated a year
            if (!c.freeWord(i) && !dateVerb) {
                continue;
            }
            if (noun < 0 && !dateVerb && (c.countedAt(i) || c.mostBefore(i)) && !Vocabulary.STOP.contains(c.w(i))
                    && !c.w(i).equals(c.token(i).singular())) {
                noun = i;
            } else if (TRADE_VERBS.contains(c.w(i))) {
                verb = i;
            }
        }
        if (noun < 0 || verb < 0) {
            return null;
        }
        ColumnProfile found = quantityColumn(c);
        if (found != null) {
            if (!valueNoun) {
                c.mark(noun);
            }
            c.mark(verb);
            c.reading("'" + c.token(noun).text() + "' " + c.token(verb).text() + " counted by adding up "
                    + found.name());
        }
        return found;
    }

    /**
     * A quantity of goods that goes below zero: a ledger's movements, outflows signed negative. Its figures net
     * the flows out, where "boxes shipped" is usually meant as a positive amount.
     */
    static boolean signedQuantity(ColumnProfile col) {
        return SchemaIndex.words(col.name()).stream().anyMatch(QUANTITY_WORDS::contains) && SchemaIndex.goesBelowZero(col);
    }

    /** True for the name column of the people the rows are about ("average hours per employee": each one's rows). */
    private static boolean personName(Clause c, ColumnProfile g) {
        ColumnProfile id = c.index.personId;
        return id != null && SchemaIndex.words(g.name()).get(0).equals(SchemaIndex.words(id.name()).get(0));
    }

    /**
     * "How many items were returned", "units returned by Ada": a verb of trade after a count word that is itself
     * the name of a quantity column (units_returned beside units) says which quantity is counted: that column,
     * added up. The verb and the goods before it are marked, so neither is also read as a grouping; null otherwise.
     */
    private static ColumnProfile quantityNamedByVerb(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention verb = c.m(i);
            if (verb == null || verb.start() != i || verb.end() != i + 1 || !verb.isColumn() || !c.free(verb)
                    || !TRADE_VERBS.contains(c.w(i)) || !countable(c, verb.column())
                    || SchemaIndex.words(verb.column().name()).stream().noneMatch(QUANTITY_WORDS::contains)) {
                continue;
            }
            int count = -1;
            for (int k = i - 1; k >= Math.max(c.from, i - 5); k--) {
                Agg fn = c.functions.get(k);
                if (fn == Agg.COUNT || fn == Agg.COUNT_DISTINCT) {
                    count = k;
                    break;
                }
            }
            if (count < 0) {
                return null;
            }
            List<Mention> goods = new ArrayList<>();
            for (int k = count + 1; k < i; k++) {
                Mention m = c.m(k);
                if (m == null) {
                    continue; // the goods named by a word no column has, or "were", "did"
                }
                // only a quantity may stand between: "how many items were returned", items being the units column
                if (!m.isColumn() || !countable(c, m.column())
                        || SchemaIndex.words(m.column().name()).stream().noneMatch(QUANTITY_WORDS::contains)) {
                    return null;
                }
                goods.add(m);
            }
            c.markMention(verb);
            goods.forEach(c::markMention);
            for (int k = count + 1; k < i; k++) {
                if (c.freeWord(k) && !Vocabulary.STOP.contains(c.w(k))) {
                    c.mark(k);
                }
            }
            c.reading("'" + c.token(i).text() + "' names the quantity counted: " + verb.column().name() + " added up");
            return verb.column();
        }
        return null;
    }

    /** True when some numeric column is named as a quantity of goods ("qty", "units"). */
    static boolean anyQuantityColumn(Clause c) {
        return c.index.schema.columns().stream().anyMatch(col -> col.column().numeric()
                && SchemaIndex.words(col.name()).stream().anyMatch(QUANTITY_WORDS::contains));
    }

    /**
     * The whole-number column holding how many goods a row is about ("qty", "units"), else null. Of several, the
     * one named as a quantity and nothing else ("units" beside "units_returned": the other counts one event of the
     * goods); null when that does not tell them apart.
     */
    static ColumnProfile quantityColumn(Clause c) {
        List<ColumnProfile> found = new ArrayList<>();
        for (ColumnProfile col : c.index.schema.columns()) {
            if (countable(c, col) && SchemaIndex.words(col.name()).stream().anyMatch(QUANTITY_WORDS::contains)) {
                found.add(col);
            }
        }
        if (found.size() > 1) {
            found.removeIf(col -> !QUANTITY_WORDS.containsAll(SchemaIndex.words(col.name())));
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /** Verbs of goods changing hands that are never nouns ("an order" is one). */
    private static final Set<String> TRADED = Set.of("sold", "sell", "bought", "buy", "purchased", "ordered",
            "shipped", "delivered", "returned");

    /** True when the clause has a verb of goods changing hands: "sold", "ordered", "shipped". */
    static boolean traded(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (TRADED.contains(c.w(i))) {
                return true; // even when linked: "ordered" may also name an ordered_at column
            }
        }
        return false;
    }

    /** Nouns of a unit of business made of several lines: an average "per order" is over their totals. */
    private static final Set<String> TRANSACTION_NOUNS = Set.of("order", "invoice", "basket", "cart", "receipt",
            "transaction", "booking", "reservation", "ticket", "purchase", "shipment", "bill");

    /**
     * Words that ask for one answer per thing, which a guessed grouping may then be right to give: "which", "each",
     * an order of things ("sort the doctors by total cost"), a possessive ("their visits"), a comparison.
     */
    private static final Set<String> EACH_THING = Set.of("which", "who", "whom", "whose", "each", "every", "per",
            "list", "respectively", "sort", "sorted", "order", "ordered", "rank", "ranked", "ranking", "their", "its",
            "compare", "versus", "vs");

    /**
     * "how many laps total were completed by all drivers", "how many wins do the opponents have total", "the average
     * crowd for all home waters": a grouping
     * no word asked for, in a question that asks for the whole, is the population the figure is over, not one
     * figure per driver. Applies only when nothing asks for an answer per thing (which, each, per, a ranking).
     */
    private static void wholeTotal(Clause c) {
        if (c.groups.isEmpty() || c.measures.isEmpty() || c.superlativePos >= 0 || c.limit != null
                || c.groupViaWord.contains(true) || c.groups.stream().anyMatch(Grouping::temporal)
                || c.filters.stream().anyMatch(Filter::onGroups) || c.has(EACH_THING) || listedFirst(c)) {
            return;
        }
        int whole = -1;
        for (int i = c.from; i < c.to && whole < 0; i++) {
            Mention next = c.m(i + 1);
            // "for all stadiums": every one of the things the grouping was guessed from, together
            boolean all = c.w(i).equals("all") && next != null && next.start() == i + 1 && c.freeWord(i)
                    && asksOneFigure(c) && c.groups.stream().anyMatch(g -> g.column().equals(c.groupColumnOf(next)));
            if (Vocabulary.WHOLE_WORDS.contains(c.w(i)) || all) {
                whole = i;
            }
        }
        if (whole < 0) {
            return;
        }
        String over = c.groups.stream().map(g -> g.column().name()).collect(java.util.stream.Collectors.joining(" and "));
        c.groups.clear();
        c.groupViaWord.clear();
        c.mark(whole);
        c.reading("'" + c.token(whole).text() + "' read as one figure over every " + over + ", not one each");
    }

    /** The id of the things {@code col} names kinds of: shift_id beside shift, with more values than it. Null else. */
    private static ColumnProfile idOfKinds(Clause c, ColumnProfile col) {
        List<String> kind = SchemaIndex.words(col.name());
        for (ColumnProfile id : c.index.schema.columns()) {
            List<String> w = SchemaIndex.words(id.name());
            if (SchemaIndex.isIdLike(id) && w.size() == kind.size() + 1 && w.subList(0, kind.size()).equals(kind)
                    && id.distinct() > col.distinct()) {
                return id;
            }
        }
        return null;
    }

    /**
     * "sort the product types by their lowest interest rate": after "by their" (or "by its") a superlative is each
     * group's extreme, the function of the key to sort by, not a ranking that keeps a few.
     */
    private static void extremeOfEach(Clause c) {
        for (int i = c.from + 2; i < c.to; i++) {
            Boolean high = Vocabulary.SUPERLATIVES.get(c.w(i));
            if (high != null && c.freeWord(i) && Set.of("their", "its").contains(c.w(i - 1)) && c.w(i - 2).equals("by")
                    && c.m(i + 1) != null && c.m(i + 1).isColumn() && c.m(i + 1).column().column().numeric()) {
                c.functions.put(i, high ? Agg.MAX : Agg.MIN);
                c.mark(i);
                c.reading("'" + c.text(i - 1, i + 1) + "' read as each one's " + (high ? "maximum" : "minimum"));
            }
        }
    }

    /**
     * "Show hall, number of buyers and total revenue": the grouped column heads a list of the columns to show, so
     * its measures are each one's, and "total" is their function, not one figure over all.
     */
    private static boolean listedFirst(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null) {
                return m.start() == i && c.groups.stream().anyMatch(g -> g.column().equals(c.groupColumnOf(m)))
                        && Set.of(",", "and", "with").contains(c.w(m.end()));
            }
            if (!Set.of("show", "list", "give", "display", "me", "the", "each", "every").contains(c.w(i))) {
                return false;
            }
        }
        return false;
    }

    /**
     * "the total of trains that run daily", "the total amount of right wings drafted": with no amount named to add
     * up, a total of things (a plural, or a value said in the plural) is how many there are.
     */
    private static void totalOfThings(Clause c) {
        if (!c.measures.isEmpty() || !c.groups.isEmpty() || c.superlativePos >= 0 || c.limit != null) {
            return;
        }
        for (Map.Entry<Integer, Agg> f : c.functions.entrySet()) {
            int at = f.getKey();
            if (f.getValue() != Agg.SUM || !c.w(at).equals("total")) {
                continue;
            }
            int k = at + 1;
            while (k < c.to && Set.of("amount", "of", "the").contains(c.w(k)) && c.m(k) == null) {
                k++;
            }
            Mention things = c.m(k);
            // "the total amount of discs released": a plural no column names is the rows themselves
            int end = things != null ? things.end() : c.freeWord(k) && c.token(k).kind() == Token.Kind.WORD ? k + 1 : -1;
            Token last = end < 0 ? null : c.token(end - 1);
            if (last == null || things != null && things.isColumn() && things.column().column().numeric()
                    || last.norm().equals(last.singular())) {
                continue;
            }
            c.mark(at, things == null ? end : k);
            ColumnProfile amount = things != null && things.isColumn() && things.column().column().temporal()
                    ? amountOfEvent(c, things.column()) : null;
            if (amount != null) {
                c.measures.add(new Measure(Agg.SUM, amount));
                c.reading("'" + c.text(k, end) + "' read as the total of " + amount.name());
                return;
            }
            c.measures.add(new Measure(Agg.COUNT, null));
            c.reading("'" + c.text(at, end) + "' counted, as nothing is named to add up");
            return;
        }
    }

    /**
     * "how many goals did Ryan Hall score" over a table of goals per competition with a Total column and one row a
     * player: what is counted names no column, and a count of the one row the name keeps would be 1, so the row's
     * Total is the likelier figure. A best guess: the Total may count something else.
     */
    private static void totalOfOneRow(Clause c) {
        if (!c.groups.isEmpty() || c.measures.size() != 1 || c.measures.get(0).agg() != Agg.COUNT
                || c.measures.get(0).column() != null || c.superlativePos >= 0 || !c.asksHowMany()) {
            return;
        }
        ColumnProfile key = Doubts.oneRowKey(c.filters, c.index.schema.rows());
        boolean oneRow = key != null && !key.column().numeric();
        int noun = c.from;
        while (noun + 1 < c.to && !(c.w(noun).equals("how") && c.w(noun + 1).equals("many"))) {
            noun++;
        }
        noun += 2;
        ColumnProfile total = c.index.schema.columns().stream()
                .filter(col -> col.column().numeric() && SchemaIndex.words(col.name()).equals(List.of("total")))
                .findFirst().orElse(null);
        if (!oneRow || total == null || !c.freeWord(noun) || c.m(noun) != null
                || c.token(noun).norm().equals(c.token(noun).singular())) {
            return;
        }
        c.measures.set(0, new Measure(Agg.SUM, total));
        c.mark(noun);
        c.reading(Clause.BEST_GUESS + "'" + c.token(noun).text() + "' names no column; read as the row's "
                + total.name() + ", as a count of the one row the condition keeps would be 1");
    }

    /** "what is ...", "what's ...", "how many ...", "how much ...": a question whose answer is one figure. */
    private static boolean asksOneFigure(Clause c) {
        return afterWhatIs(c) >= 0 || c.w(c.from).equals("how") && Set.of("many", "much").contains(c.w(c.from + 1));
    }

    /** The position after a clause's opening "what is", "what was" or "what's", or -1. */
    private static int afterWhatIs(Clause c) {
        String first = c.w(c.from);
        if (first.equals("what's") || first.equals("whats")) {
            return c.from + 1;
        }
        return first.equals("what") && Set.of("is", "was").contains(c.w(c.from + 1)) ? c.from + 2 : -1;
    }

    /**
     * "average amount per order", "average order value by channel" on a table of order lines: an order is the sum
     * of its lines, so the average is over each order's total (one number, or one per other group), not the
     * average line of each order. Applies when the grouping is the id of a transaction noun that repeats over
     * rows; true when the measure was rewritten.
     */
    private static boolean perTransaction(Clause c, Grouping g) {
        ColumnProfile id = g.column();
        if (g.grain() != null || !SchemaIndex.isIdLike(id) || c.index.uniquePerRow(id)) {
            return false;
        }
        List<String> words = SchemaIndex.words(id.name());
        if (words.size() < 2 || !TRANSACTION_NOUNS.contains(words.get(0))) {
            return false;
        }
        Measure m = c.measures.get(0);
        if (DerivedMeasures.level(m.column()) || averagedByName(m.column())) {
            return false; // "average discount per order": a rate is averaged, never added up per order
        }
        c.groups.remove(g);
        c.measures.set(0, Measure.perEntityAverage(Agg.SUM, m.column(), id));
        c.reading("'per " + words.get(0) + "' read as the average over " + words.get(0) + "s of each one's total "
                + m.column().name() + " (an " + words.get(0) + " is the sum of its rows)");
        return true;
    }

    /** True when the mention is a unit word of the column's name ("tonnes" of yield_tonnes). */
    private static boolean unitOf(Clause c, Mention mention, ColumnProfile col) {
        List<String> words = SchemaIndex.words(col.name());
        for (int k = mention.start(); k < mention.end(); k++) {
            String w = c.token(k).singular();
            boolean abbreviated = words.stream().anyMatch(x -> SchemaIndex.UNIT_ABBREVIATIONS.getOrDefault(x, List.of()).contains(w));
            if (Vocabulary.MEASURE_UNITS.contains(w) && (words.contains(w) || words.contains(c.token(k).norm()) || abbreviated)) {
                return true;
            }
            Units.Unit said = Units.ofWord(c.token(k));
            Units.Unit kept = Units.ofColumn(col);
            if (said != null && kept != null && said.family().equals(kept.family())) {
                return true; // "tonnes" of net_kg: the same amount, in another unit
            }
        }
        return false;
    }

    /**
     * "which frequency has the most stations": a plural right after "most" that no column names is the rows
     * themselves, counted per value of the column asked for, so the column is no amount to take the largest of.
     */
    private static boolean unnamedThingsAfterSuperlative(Clause c) {
        int k = c.superlativePos + 1;
        Token t = k < c.to ? c.token(k) : null;
        return t != null && t.kind() == Token.Kind.WORD && c.m(k) == null && !t.norm().equals(t.singular())
                && !Vocabulary.STOP.contains(t.norm()) && (k + 1 >= c.to || c.m(k + 1) == null);
    }

    /** A comparison on the mention's column that starts right after it: "weight over 200", "weight of over 200". */
    private static boolean comparedRightAfter(Clause c, Mention mention) {
        return c.filters.stream().anyMatch(f -> !f.onGroups() && mention.column().equals(f.column())
                && Set.of("gt", "ge", "lt", "le", "between").contains(f.op()) && c.filterStart.containsKey(f)
                && c.filterStart.get(f) >= mention.end() && c.filterStart.get(f) <= mention.end() + 1);
    }

    /** A whole-number column: what it holds is already a count (units, passengers, points, medals). */
    static boolean countable(Clause c, ColumnProfile col) {
        String t = col.type().toUpperCase(java.util.Locale.ROOT);
        // "District" 1..10 on ten rows numbers the districts: count them, do not add the numbers up
        // "Round" or "Week" names a position even when it repeats (two races a round): counted too, never added;
        // but "the match with the smallest number of rounds" ranks rows by the rounds each went
        return (t.contains("INT") || namesACount(col)) && !SchemaIndex.isIdLike(col) && !c.index.numbersRows(col)
                && (c.superlativePos >= 0 || !Doubts.numbersRows(col, c.index.schema.rows())) && !yearsOfRelease(col);
    }

    /**
     * A whole-number column that numbers things several rows share: its values run from 0 or 1 without a gap, and
     * repeat ("Constituency" 1..19 over 38 seats). Each value is one thing, so counting the things counts values.
     */
    static boolean numbersWithRepeats(ColumnProfile col, long rows) {
        if (!col.type().toUpperCase(Locale.ROOT).contains("INT") || col.min() == null || col.max() == null) {
            return false;
        }
        try {
            long min = Long.parseLong(col.min());
            long max = Long.parseLong(col.max());
            return (min == 0 || min == 1) && col.distinct() >= 2 && max - min + 1 == col.distinct()
                    && col.distinct() < rows - col.nulls();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The word at {@code i} is the plural of the column's name, itself a singular noun: "constituencies", Constituency. */
    /**
     * "cancellations by reason" over cancellation_reason: the things counted are what the grouped column is about, so
     * a row where it is blank is no such thing (a booking never cancelled) and is left out, not counted as a group.
     */
    static void countedByTheirOwnColumn(Clause c) {
        if (c.measures.size() != 1 || c.measures.get(0).agg() != Agg.COUNT || c.measures.get(0).column() != null
                || c.measures.get(0).derived() != Measure.Derived.NONE) {
            return;
        }
        for (Grouping g : c.groups) {
            ColumnProfile col = g.column();
            List<String> words = SchemaIndex.words(col.name());
            if (g.grain() != null || col.nulls() == 0 || col.column().numeric() || col.column().temporal() || words.size() < 2
                    || c.filters.stream().anyMatch(f -> col.equals(f.column()))) {
                continue;
            }
            for (int i = c.from; i < c.to; i++) {
                Token t = c.token(i);
                if (!t.norm().equals(t.singular()) && t.singular().equals(words.get(0)) && !c.groupWordBefore(i)) {
                    c.filters.add(Filter.of(col, "not_null", null));
                    c.reading("'" + t.text() + "' are the rows with a " + col.name() + "; those without one are left out");
                    return;
                }
            }
        }
    }

    /** True when a verb of ordering comes right before token i, past an article or a possessive: "rank our beers". */
    private static boolean orderVerbBefore(Clause c, int i) {
        int k = c.prev(i);
        while (k > c.from && Set.of("our", "my", "their", "your", "all").contains(c.w(k))) {
            k = c.prev(k);
        }
        return k >= 0 && ORDER_VERBS.contains(c.w(k));
    }

    /**
     * An amount of money named by the plural of the thing it is paid as ("fines" of fine_eur, "tips" of tip_amount),
     * with a fraction, so no count column: "the most fines" are the most of them. Not a mass noun's column
     * ("sales"), whose name is itself plural.
     */
    private static boolean countedAmounts(Clause c, Mention mention, ColumnProfile col) {
        Token said = c.token(mention.start());
        List<String> words = SchemaIndex.words(col.name());
        return mention.end() == mention.start() + 1 && col.column().numeric() && !col.type().toUpperCase(Locale.ROOT).contains("INT")
                && words.size() > 1 && !said.norm().equals(said.singular()) && said.singular().equals(words.get(0))
                && Vocabulary.singular(words.get(0)).equals(words.get(0)) && col.nulls() > 0;
    }

    /** Names of a judgement given on a scale, one a row: a rating, a score, stars. */
    private static final Set<String> JUDGEMENTS = Set.of("rating", "score", "grade", "stars", "star", "mark");

    private static boolean judgement(ColumnProfile col) {
        return JUDGEMENTS.contains(Vocabulary.singular(col.name().trim().toLowerCase(Locale.ROOT)));
    }

    private static boolean namedInPlural(Clause c, int i, ColumnProfile col) {
        String name = col.name().trim().toLowerCase(Locale.ROOT);
        Token said = c.token(i);
        return name.matches("\\p{L}+") && Vocabulary.singular(name).equals(name) && !said.norm().equals(said.singular())
                && said.singular().equals(name);
    }

    /**
     * "how many games were released for the PSP" over Release 2003..2010: whole numbers within a century or so of
     * one another, all of them years, date the rows; added up they mean nothing, so the rows are counted.
     */
    private static boolean yearsOfRelease(ColumnProfile col) {
        return DateFilters.years(col) && !namesACount(col) && Long.parseLong(col.max()) - Long.parseLong(col.min()) <= 150;
    }

    /**
     * A column its name says counts something ("Number of electors (2009)", "No. of seats", "Vote count"), whatever
     * its type: a stray decimal in one cell (a footer "1,207.039") makes it DOUBLE, yet it still counts.
     */
    static boolean namesACount(ColumnProfile col) {
        List<String> words = SchemaIndex.words(col.name().toLowerCase(Locale.ROOT));
        return col.column().numeric() && words.size() >= 2
                && (List.of("number", "no", "num", "nr").contains(words.get(0)) && words.get(1).equals("of")
                || words.get(words.size() - 1).equals("count") || words.get(words.size() - 1).equals("total"));
    }

    /**
     * "average number of items per order", "the average count of visits per patient": one figure, the average
     * over the groups of each one's count, not a count per group. Applies when "average" comes right before the
     * count word, the only measure is that count and the only grouping is "per" something on several rows each.
     */
    private static void averageCountPer(Clause c) {
        if (c.measures.size() != 1 || c.groups.size() != 1 || c.superlativePos >= 0
                || !(c.measures.get(0).agg() == Agg.COUNT || c.measures.get(0).agg() == Agg.COUNT_DISTINCT)
                || c.measures.get(0).derived() != Measure.Derived.NONE) {
            return;
        }
        Integer average = null;
        for (Map.Entry<Integer, Agg> f : c.functions.entrySet()) {
            if (f.getValue() == Agg.AVG) {
                average = f.getKey();
            } else if (average != null && (f.getValue() == Agg.COUNT || f.getValue() == Agg.COUNT_DISTINCT)
                    && f.getKey() <= c.next(average) + 1) {
                Grouping g = c.groups.get(0);
                int at = c.firstMentionOf(g.column());
                if (g.grain() != null || g.column().column().temporal() || c.index.uniquePerRow(g.column())
                        || !c.groupViaWord.get(0) || at < 0 || !c.w(c.prev(at)).equals("per")) {
                    return;
                }
                Measure counted = c.measures.get(0);
                c.groups.clear();
                c.groupViaWord.clear();
                c.measures.set(0, Measure.perEntityAverage(counted.agg(), counted.column(), g.column()));
                c.reading("'average number per " + g.column().name() + "' read as the average over "
                        + g.column().name() + " of each one's count");
                return;
            }
        }
    }

    /**
     * "How many subscriptions does a customer have on average?", "on average, how many exams is each student entered
     * for": a count asked of one thing that repeats over rows ("a customer", "each student"), on average, is the
     * average over those things of each one's count.
     */
    private static void countOfEachOnAverage(Clause c) {
        Agg agg = c.measures.size() == 1 ? c.measures.get(0).agg() : null;
        // "on average, how many hours in total has each employee logged": each one's total, averaged
        boolean totalOfEach = agg == Agg.SUM && c.has(Set.of("total", "many"));
        if (c.measures.size() != 1 || c.groups.size() > 2 || c.superlativePos >= 0
                || agg != Agg.COUNT && agg != Agg.COUNT_DISTINCT && !totalOfEach
                || c.measures.get(0).derived() != Measure.Derived.NONE
                || !c.has(Set.of("average")) || !c.has(Set.of("many", "number", "total"))) {
            return;
        }
        Grouping only = c.groups.size() == 1 ? c.groups.get(0) : null;
        if (only != null && only.grain() != null && only.grain().calendar() && !totalOfEach) {
            for (int i = c.from + 1; i < c.to; i++) {
                if (c.w(i).equals(only.grain().word) && Set.of("a", "each", "every", "per").contains(c.w(i - 1))) {
                    // "the average number of orders per month": each month's count, averaged over the months
                    Measure counted = c.measures.get(0);
                    c.groups.clear();
                    c.groupViaWord.clear();
                    c.measures.set(0, Measure.periodAverage(counted.agg(), counted.column(), only.column(), only.grain()));
                    c.mark(i - 1);
                    c.reading("'" + c.text(i - 1, i + 1) + "' on average: the average over the " + only.grain().word
                            + "s of each one's count");
                    return;
                }
            }
        }
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            boolean entity = m != null && m.kind() == Mention.Kind.ENTITY && !m.entity().uniqueRows();
            // "an account": a column of names that repeat over rows is one thing counted too
            boolean repeating = m != null && m.kind() == Mention.Kind.COLUMN && c.index.repeatsOverRows(m.column());
            if (m != null && m.start() == i && (entity || repeating)
                    && Set.of("a", "an", "each", "every", "per").contains(c.w(i - 1))) {
                ColumnProfile each = entity ? m.entity().id() : m.column();
                ColumnProfile eachGroup = entity ? m.entity().groupColumn() : each;
                List<Grouping> others = new ArrayList<>();
                List<Boolean> othersViaWord = new ArrayList<>();
                for (int g = 0; g < c.groups.size(); g++) {
                    ColumnProfile grouped = c.groups.get(g).column();
                    if (!grouped.equals(eachGroup) && !grouped.equals(each)) {
                        others.add(c.groups.get(g));
                        othersViaWord.add(c.groupViaWord.get(g));
                    }
                }
                // grouped by something else: "... by country on average" is not this, unless the question also
                // counts per thing within each group ("the average number of claims per policy in each product line")
                if (!others.isEmpty() && (others.size() == c.groups.size() || othersViaWord.contains(false))) {
                    return;
                }
                c.groups.clear(); // "each customer" counted one by one, then averaged
                c.groupViaWord.clear();
                others.forEach(g -> c.addGroup(g, true));
                Measure counted = c.measures.get(0);
                c.measures.set(0, Measure.perEntityAverage(counted.agg(), counted.column(), each));
                c.markMention(m);
                c.mark(i - 1);
                c.reading("'" + c.text(i - 1, m.end()) + "' on average: the average over " + each.name()
                        + " of each one's " + (totalOfEach ? "total" : "count"));
                return;
            }
        }
    }

    /**
     * "attempts per parcel by depot", "lines per order for each channel": rows counted per thing that repeats over
     * rows, with another grouping beside it, is a rate within each group (the average count per parcel), not a count
     * per parcel and depot, which would list every parcel.
     */
    private static void countPerEachWithinGroups(Clause c) {
        if (c.measures.size() != 1 || c.groups.size() != 2 || c.superlativePos >= 0
                || c.measures.get(0).agg() != Agg.COUNT || c.measures.get(0).derived() != Measure.Derived.NONE
                || c.groupViaWord.contains(false)) {
            return;
        }
        for (int k = 0; k < 2; k++) {
            Grouping per = c.groups.get(k);
            Grouping other = c.groups.get(1 - k);
            int at = c.firstMentionOf(per.column());
            if (per.grain() != null || at <= c.from || !c.w(c.prev(at)).equals("per") || c.index.uniquePerRow(per.column())
                    || !SchemaIndex.isIdLike(per.column()) || other.grain() == null && SchemaIndex.isIdLike(other.column())) {
                continue;
            }
            Measure counted = c.measures.get(0);
            c.groups.clear();
            c.groupViaWord.clear();
            c.addGroup(other, true);
            c.measures.set(0, Measure.perEntityAverage(counted.agg(), counted.column(), per.column()));
            c.reading("'per " + c.token(at).text() + "' beside another grouping read as the average count per "
                    + per.column().name() + " within each group");
            return;
        }
    }

    /** True when {@code g} and a date column together number about one row each: one row per store per month. */
    static boolean panel(datasense.tools.SchemaInfo schema, ColumnProfile g) {
        for (ColumnProfile d : schema.columns()) {
            double cells = (double) g.distinct() * d.distinct();
            if (d.column().temporal() && schema.rows() > 0 && cells >= 0.9 * schema.rows()
                    && cells <= 1.15 * schema.rows()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "average cost per patient": over an entity with many rows each (an id, or more than 50 values), the average
     * of each patient's rows and one average over the patients' totals both explain the question; the first is
     * taken and said to be a guess. "average revenue per region" (a handful of groups) is a plain breakdown.
     */
    private static void averagePerEntity(Clause c) {
        // a panel ("store_sales": one row per store per month) is the same case: each store's rows are its months
        if (c.groups.isEmpty() || c.measures.size() != 1 || c.measures.get(0).agg() != Agg.AVG
                || c.measures.get(0).column() == null || c.superlativePos >= 0 || !c.has(Set.of("per"))) {
            return;
        }
        Grouping last = c.groups.get(c.groups.size() - 1);
        if (perTransaction(c, last)) {
            return;
        }
        for (Grouping g : List.copyOf(c.groups)) {
            // "average seats per order for each channel": the order is the one after "per", wherever it stands
            int at = c.firstMentionOf(g.column());
            if (g != last && at > c.from && c.w(c.prev(at)).equals("per") && perTransaction(c, g)) {
                return;
            }
        }
        if (c.groups.size() != 1) {
            return;
        }
        ColumnProfile g = c.groups.get(0).column();
        if (g.column().temporal() || c.groups.get(0).grain() != null || c.index.uniquePerRow(g)
                || !(SchemaIndex.isIdLike(g) || g.distinct() > 50 || panel(c.index.schema, g) || personName(c, g))) {
            return;
        }
        c.reading(Clause.BEST_GUESS + "'per " + g.name() + "' read as the average of each " + g.name()
                + "'s rows; it may instead mean one average of their totals");
    }

    /** "average sales per ship": a group word before a word no column matches loses a grouping; say so. */
    private static void lostGroupings(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!Vocabulary.GROUP_WORDS.contains(c.w(i)) || c.m(i) != null) {
                continue;
            }
            int n = c.next(i);
            if (n >= 0 && c.freeWord(n) && c.token(n).isWord() && !Vocabulary.STOP.contains(c.w(n))
                    && !Vocabulary.GROUP_WORDS.contains(c.w(n))) {
                c.reading(Clause.BEST_GUESS + "'" + c.token(n).text() + "' after '" + c.token(i).text()
                        + "' matches no single column, so nothing is grouped by it");
            }
        }
    }

    private static void addMeasure(Clause c, ColumnProfile col, List<Agg> pending, List<Agg> last, int i) {
        List<Agg> fns;
        if (!pending.isEmpty()) {
            fns = new ArrayList<>(pending);
            last.clear();
            last.addAll(pending);
            pending.clear();
        } else if (!last.isEmpty() && (c.w(c.prev(i)).equals("and") || c.w(c.prev(i)).equals(","))) {
            fns = new ArrayList<>(last);
        } else {
            fns = List.of(defaultAgg(c, col));
        }
        for (Agg a : fns) {
            Measure m = new Measure(a, col);
            if (!c.measures.contains(m)) {
                c.measures.add(m);
            }
        }
    }

    /**
     * "Average monthly revenue" is the average of the monthly totals (one number, or one per group), as an
     * analyst reads it, not a trend of monthly averages: "average" right before a calendar grain adjective, or
     * "average ... per month", over an amount that adds up. A level (price, rating, age) averaged per month stays a
     * trend, as does any average per period drawn as a chart.
     */
    private static boolean periodAverage(Clause c, ColumnProfile date) {
        int before = c.grainAdjectiveAt < 0 ? -1 : c.prev(c.grainAdjectiveAt);
        boolean adjective = before >= 0 && c.functions.get(before) == Agg.AVG;
        // "average energy per day", "how many kWh on average per day": the same, unless a chart of the periods is asked
        boolean perPeriod = c.grainPerAt >= 0 && c.hasFunction(Agg.AVG) && !c.chartAsked && c.chart == null;
        if (!adjective && !perPeriod || !c.grain.calendar() || c.measures.size() != 1
                || c.filters.stream().anyMatch(Filter::onGroups)) {
            return false;
        }
        Measure m = c.measures.get(0);
        if (m.share() || m.derived() != Measure.Derived.NONE) {
            return false;
        }
        if (m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT) {
            // "average monthly headcount", "average daily orders": each period's count, averaged over the periods
            String counted = m.column() == null ? "rows" : "distinct " + m.column().name();
            c.measures.set(0, Measure.periodAverage(m.agg(), m.column(), date, c.grain));
            c.reading((adjective ? "'average " + c.grain.adjective() + "' count" : "'average ... per " + c.grain.word + "'")
                    + " read as the average of the " + c.grain.adjective()
                    + " counts of " + counted + " (by " + date.name() + ")");
            return true;
        }
        // "average monthly revenue" where revenue is a sum by nature (price × quantity): its monthly totals, averaged
        boolean summed = m.agg() == Agg.SUM && m.column() != null;
        if (!summed && (m.agg() != Agg.AVG || m.column() == null || averagedByName(m.column()))) {
            return false;
        }
        c.measures.set(0, Measure.periodAverage(Agg.SUM, m.column(), date, c.grain));
        c.reading((adjective ? "'average " + c.grain.adjective() + " " + m.column().name() + "'"
                : "'average " + m.column().name() + " per " + c.grain.word + "'") + " read as the average of the "
                + c.grain.adjective() + " totals of " + m.column().name() + " (by " + date.name() + ")");
        return true;
    }

    /**
     * A text column's noun right after a value of another column, once something is counted: it says what kind of
     * thing the value is ("crime books", "fiction titles"), not a second thing to count.
     */
    private static boolean kindOfValue(Clause c, Mention m, boolean counted) {
        Mention before = c.m(m.start() - 1);
        return counted && !m.column().column().numeric() && before != null && before.end() == m.start()
                && before.kind() == Mention.Kind.VALUE && !before.column().equals(m.column());
    }

    /**
     * True for a column averaged when no function is named: a rate or level, which does not add up over time. Whole
     * words of the name count ("Unit Price", "win_rate", "Ages"), not fragments: Tonnage and Mileage add up.
     */
    static boolean averagedByName(ColumnProfile col) {
        List<String> words = SchemaIndex.words(col.name());
        if (words.stream().anyMatch(Set.of("paid", "spent", "charged", "received", "billed")::contains)) {
            return false; // "price_paid": money that changed hands adds up, whatever its first word says
        }
        if (words.contains("discount") && words.stream().anyMatch(Vocabulary.CURRENCY_CODES::contains)) {
            return false; // "sibling_discount_usd": money given off, which adds up, not a discount rate
        }
        return words.stream().anyMatch(w -> Vocabulary.AVERAGED_MEASURES.stream()
                .anyMatch(r -> w.equals(r) || w.equals(r + "s") || w.equals(r + "es")))
                || words.stream().anyMatch(PER_PERIOD::contains) && words.stream().anyMatch(CHARGES::contains);
    }

    /** Verbs that put things in an order: "rank the drivers by ...". */
    private static final Set<String> ORDER_VERBS = Set.of("rank", "ranked", "ranking", "sort", "sorted", "order",
            "ordered", "arrange", "arranged", "compare");

    /** "monthly_fee", "annual_salary", "nightly_rent": a charge per period is a level, like a price, not a sum. */
    private static final Set<String> PER_PERIOD = Set.of("hourly", "daily", "nightly", "weekly", "monthly", "quarterly",
            "annual", "yearly");
    private static final Set<String> CHARGES = Set.of("fee", "rent", "salary", "wage", "income", "charge", "cost",
            "payment", "subscription", "premium", "allowance");

    private static Agg defaultAgg(Clause c, ColumnProfile col) {
        if (averagedByName(col)) {
            c.reading(col.name() + " averaged (no function named; it reads as a rate or level)");
            return Agg.AVG;
        }
        return Agg.SUM;
    }
}
