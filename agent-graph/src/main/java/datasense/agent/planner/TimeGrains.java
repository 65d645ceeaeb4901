package datasense.agent.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Time grains of a clause: adjectives ("monthly", "annual"), nouns after a group word ("by year", "per
 * quarter", "over the months"), and "year over year". The first grain found is the clause's.
 */
final class TimeGrains {

    private TimeGrains() {
    }

    private static final Set<String> BIN_WORDS = Set.of("bin", "bins", "binned", "binning",
            "bucket", "bucketed", "bucketing", "group", "grouped", "grouping", "aggregate", "aggregated");

    static void read(Clause c) {
        cyclical(c);
        binning(c);
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            Token t = c.token(i);
            Grain g = Vocabulary.GRAIN_ADJECTIVES.get(t.norm());
            boolean viaNoun = false;
            // "date" names a date column more often than a grain, but "on which date" asks for the day
            if (g == null && Vocabulary.GRAIN_NOUNS.containsKey(t.singular()) && (!t.singular().equals("date") || askedFor(c, i - 1))) {
                int b = calendarBefore(c, i) ? i - 2 : i - 1; // "by calendar month" is "by month"
                String before = c.w(b);
                if ((before.equals("a") || before.equals("per")) && b - 2 >= c.from && c.token(b - 2).isNumber()
                        && c.token(b - 1).isWord()) {
                    // "more than 7.5 hours a day": the rate the number is said in, no grouping by day
                    c.mark(b, i + 1);
                    c.reading("'" + c.text(b, i + 1) + "' is the rate '" + c.text(b - 2, b) + "' is said in, not a grouping");
                    continue;
                }
                Mention date = c.m(b);
                boolean ofDate = date != null && date.isColumn() && date.end() == i && date.column().column().temporal()
                        && c.free(date) && Vocabulary.GROUP_WORDS.contains(c.w(date.start() - 1)); // "per check-in year"
                // "the 3 months with the highest refunds": the periods counted out are what is asked for, as "which" asks
                boolean counted = b - 1 >= c.from && c.token(b).isNumber()
                        && Set.of("the", "top", "bottom", "which", "what").contains(c.w(b - 1));
                if (Vocabulary.GROUP_WORDS.contains(before) || before.equals("a") || before.equals("the")
                        || (before.equals("over") && t.norm().endsWith("s")) || askedFor(c, b) || ofDate || counted
                        || onTheXAxis(c, i)) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular());
                    viaNoun = true;
                    c.grainAsked |= askedFor(c, b) || counted;
                    if (ofDate) {
                        c.mark(date.start() - 1); // the group word before the date's name
                    } else if (!counted) {
                        c.mark(b, i);
                    } else {
                        c.mark(b + 1, i); // a qualifier ("billing") only: the number counted out stays, for the cut
                    }
                } else if (c.w(i + 1).equals("over") && c.w(i + 2).equals(t.norm())) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular()); // "year over year"
                    c.mark(i + 1);
                    c.mark(i + 2);
                }
            }
            if (g == null) {
                continue;
            }
            c.mark(i);
            if (c.grain == null) {
                c.grain = g;
                c.grainAdjectiveAt = viaNoun ? -1 : i;
                c.grainPerAt = viaNoun && c.w(i - 1).equals("per") ? i : -1;
            }
            if (viaNoun && c.w(i - 2).equals("for")) {
                c.mark(i - 2);
            }
            if (c.w(i + 1).equals("interval") || c.w(i + 1).equals("intervals")) {
                c.mark(i + 1);
            }
        }
        pooledYears(c);
    }

    /** "months along the x axis", "month on the x-axis": the periods the chart's x axis shows, a grouping. */
    private static boolean onTheXAxis(Clause c, int i) {
        int k = i + 1;
        while (k < c.to && k <= i + 3 && Set.of("on", "along", "the", "across", "as").contains(c.w(k))) {
            k++;
        }
        if (k == i + 1 || !c.w(k).equals("x")) {
            return false;
        }
        int axis = c.w(k + 1).equals("-") ? k + 2 : k + 1;
        return c.w(axis).equals("axis");
    }

    /** "which month", "what day of the week": the period is what the question asks for, as "which driver" is. */
    private static boolean askedFor(Clause c, int before) {
        return before >= c.from && (c.w(before).equals("which") || c.w(before).equals("what"));
    }

    /** "day of the week", "weekday", "month of the year", "hour of the day": the cyclical parts of a date. */
    private static void cyclical(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention named = c.m(i);
            // a date column named by the word itself ("month" holding 2023-01-01, ...): "by month number" is its months
            boolean dateColumn = named != null && named.isColumn() && named.start() == i && named.end() == i + 1
                    && named.column().column().temporal() && c.free(named);
            if (!c.freeWord(i) && !dateColumn) {
                continue;
            }
            String w = c.token(i).singular();
            Grain g = null;
            int end = i + 1;
            if (w.equals("weekday") || w.equals("dow")) {
                g = Grain.WEEKDAY;
            } else if ((w.equals("hour") || w.equals("time")) && (c.w(i + 1).equals("of") && c.w(c.w(i + 2).equals("the") ? i + 3 : i + 2).equals("day"))) {
                g = Grain.HOUR_OF_DAY; // "hour of the day", "time of day"
                end = (c.w(i + 2).equals("the") ? i + 3 : i + 2) + 1;
            } else if (w.equals("hour") && Vocabulary.GROUP_WORDS.contains(c.w(i - 1))) {
                g = Grain.HOUR_OF_DAY; // "by hour": people compare the hours of a day
            } else if (w.equals("month") && MONTH_NUMBER.contains(c.w(i + 1)) && c.freeWord(i + 1)) {
                g = Grain.MONTH_OF_YEAR; // "by month number": the month's number in its year, 1-12
                end = i + 2;
            } else if ((w.equals("day") || w.equals("month")) && c.w(i + 1).equals("of")) {
                int k = c.w(i + 2).equals("the") ? i + 3 : i + 2;
                String of = c.w(k);
                if (w.equals("day") && of.equals("week")) {
                    g = Grain.WEEKDAY;
                    end = k + 1;
                } else if (w.equals("month") && of.equals("year")) {
                    g = Grain.MONTH_OF_YEAR;
                    end = k + 1;
                }
            }
            if (g == null || (g.timeOfDay() && c.index.timestamp(null) == null)) {
                continue; // no column holds a time of day: the words stay unexplained, and lower confidence
            }
            c.mark(i, end);
            c.mark(end, restatedSpan(c, end, g));
            int before = calendarBefore(c, i) ? i - 2 : i - 1;
            if (Vocabulary.GROUP_WORDS.contains(c.w(before))) {
                c.mark(before, i);
            }
            if (c.grain == null) {
                c.grain = g;
                c.grainAsked = askedFor(c, before);
            }
        }
    }

    /**
     * The end of a written span that restates a cyclical grain's numbers right after it ("month of the year (1-12)",
     * "hour of day, 0 to 23"), or {@code from} when none follows.
     */
    private static int restatedSpan(Clause c, int from, Grain g) {
        String[] span = switch (g) {
            case MONTH_OF_YEAR -> new String[] {"1", "12"};
            case HOUR_OF_DAY -> new String[] {"0", "23"};
            case WEEKDAY -> new String[] {"1", "7"};
            default -> null;
        };
        if (span == null) {
            return from;
        }
        List<String> numbers = new ArrayList<>();
        int k = from;
        for (; k < Math.min(c.to, from + 6); k++) {
            String w = c.w(k);
            if (w.matches("[0-9]+")) {
                numbers.add(w);
            } else if (!SPAN_WORDS.contains(w)) {
                break;
            }
        }
        return numbers.equals(List.of(span)) ? k : from;
    }

    /** What may stand between and around the two numbers of a restated span: "(1-12)", "1 to 12", ", 0 through 23". */
    private static final Set<String> SPAN_WORDS = Set.of("(", ")", "-", "–", "to", "through", ",");

    /** Words after "month" that ask for its number in the year: "month number", "month no.". */
    private static final Set<String> MONTH_NUMBER = Set.of("number", "no", "num", "nr");

    /** True when the free word "calendar" qualifies the grain noun at i: "by calendar month", "per calendar year". */
    static boolean calendarBefore(Clause c, int i) {
        return PERIOD_QUALIFIERS.contains(c.w(i - 1)) && c.freeWord(i - 1);
    }

    /** Words that say which calendar a period is of, not what it groups: "calendar month", "billing quarter". */
    private static final Set<String> PERIOD_QUALIFIERS = Set.of("calendar", "billing", "fiscal", "financial",
            "reporting", "accounting", "trading");

    /**
     * Months of several years taken together ("by month, regardless of the year", "across all years", "both years
     * together") are the months of the year, 1-12: the phrase makes a monthly grain cyclical and is explained.
     */
    private static void pooledYears(Clause c) {
        if (c.grain != Grain.MONTH && c.grain != Grain.MONTH_OF_YEAR) {
            return; // with the months of the year already ("month number, both years together"), the words restate it
        }
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            int end = -1;
            if (c.w(i).equals("regardless") && c.w(i + 1).equals("of")) {
                int k = c.w(i + 2).equals("the") ? i + 3 : i + 2;
                end = YEARS.contains(c.w(k)) ? k + 1 : -1;
            } else if (c.w(i).equals("across") || c.w(i).equals("over")) {
                int k = i + 1;
                boolean every = false;
                while (c.w(k).equals("all") || c.w(k).equals("the") || c.w(k).equals("both")) {
                    every |= !c.w(k).equals("the");
                    k++;
                }
                end = c.w(k).equals("years") && every ? k + 1 : -1; // "over the years" alone is a trend
            } else if ((c.w(i).equals("all") || c.w(i).equals("both")) && c.w(i + 1).equals("years")
                    && POOLED.contains(c.w(i + 2))) {
                end = i + 3;
            }
            if (end > 0) {
                c.mark(i, end);
                c.grain = Grain.MONTH_OF_YEAR;
                return;
            }
        }
    }

    private static final Set<String> YEARS = Set.of("year", "years");
    /** Words after "all years" or "both years" that pool them: "both years together", "all years combined". */
    private static final Set<String> POOLED = Set.of("together", "combined", "pooled");

    /** "bin the hire date by month", "binning launch_date into year intervals": the words around a bucketing. */
    private static void binning(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i) || !BIN_WORDS.contains(c.w(i))) {
                continue;
            }
            for (int k = i + 1; k < Math.min(c.to, i + 8); k++) {
                Token t = c.token(k);
                boolean grainNext = Vocabulary.GRAIN_NOUNS.containsKey(c.token(k + 1) == null ? "" : c.token(k + 1).singular())
                        || Vocabulary.GRAIN_ADJECTIVES.containsKey(c.w(k + 1)) || c.w(k + 1).equals("weekday");
                if ((c.w(k).equals("by") || c.w(k).equals("into") || c.w(k).equals("per") || c.w(k).equals("in"))
                        && grainNext && c.m(k + 1) == null) {
                    c.mark(i);
                    c.mark(k, k + 2);
                    Grain g = c.w(k + 1).equals("weekday") ? Grain.WEEKDAY
                            : Vocabulary.GRAIN_ADJECTIVES.getOrDefault(c.w(k + 1),
                            Vocabulary.GRAIN_NOUNS.get(c.token(k + 1).singular()));
                    if (c.w(k + 2).equals("interval") || c.w(k + 2).equals("intervals")) {
                        c.mark(k + 2);
                    }
                    if (c.grain == null && g != null) {
                        c.grain = g;
                    }
                    break;
                }
                if (t == null || (c.m(k) == null && !c.w(k).equals("the") && !c.w(k).equals("it") && !c.w(k).equals("them"))) {
                    if (!(c.m(k) == null && c.w(k).equals("of"))) {
                        break;
                    }
                }
            }
        }
    }
}
