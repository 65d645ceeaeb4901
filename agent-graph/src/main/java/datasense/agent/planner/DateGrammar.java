package datasense.agent.planner;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;

/**
 * Reads calendar expressions at a position of a clause, without deciding what they filter: absolute ones
 * ("Q3 2017", "third quarter of 2016", "March 2017", "Jan", "2016", "10 December 1960", "April 9") with the year
 * possibly left out, and
 * relative ones ("last year", "this quarter", "last 3 months", "past 30 days", "year to date") resolved
 * against an anchor date, the latest date in the data.
 */
final class DateGrammar {

    /**
     * An absolute expression over tokens [start, end): a year, a quarter, a month or a day of a month, its year
     * maybe missing.
     */
    record Calendar(int start, int end, Integer year, Integer quarter, Integer month, Integer day) {

        Calendar(int start, int end, Integer year, Integer quarter, Integer month) {
            this(start, end, year, quarter, month, null);
        }

        boolean yearOnly() {
            return quarter == null && month == null;
        }

        Calendar inYear(int y) {
            return new Calendar(start, end, y, quarter, month, day);
        }

        /** The days it covers; the year must be known. */
        Period period(String words) {
            if (day != null) {
                LocalDate d = LocalDate.of(year, month, 1);
                d = d.withDayOfMonth(Math.min(day, d.lengthOfMonth()));
                return new Period(d, d, words, null);
            }
            if (month != null) {
                return Period.month(year, month, words);
            }
            if (quarter != null) {
                return Period.quarter(year, quarter, words);
            }
            return Period.year(year, words);
        }
    }

    /** A relative expression over tokens [start, end) and the days it covers. */
    record Relative(int start, int end, Period period) {
    }

    static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Set<String> MAY_CUES = Set.of("in", "of", "since", "from", "between", "to", "until",
            "before", "after", "through", "during", "and", "for");
    private static final Set<String> TRAILING = Set.of("last", "past", "previous", "prior", "trailing", "recent");
    private static final Set<String> UNITS = Set.of("day", "week", "month", "quarter", "year");

    private DateGrammar() {
    }

    /** An absolute calendar expression starting at i, or null. */
    static Calendar calendar(Clause c, int i) {
        if (!c.freeWord(i) && !(i >= c.from && i < c.to && !c.used[i] && c.token(i).isYear())) {
            return null;
        }
        String w = c.w(i);
        Token t = c.token(i);
        if (t.isYear()) {
            return new Calendar(i, i + 1, Integer.parseInt(t.norm()), null, null);
        }
        Integer quarter = null;
        int end = -1;
        if (w.length() == 2 && w.charAt(0) == 'q' && w.charAt(1) >= '1' && w.charAt(1) <= '4') {
            quarter = w.charAt(1) - '0'; // "Q3"
            end = i + 1;
        } else if (NumberWords.ordinal(w) != null && NumberWords.ordinal(w) > 0 && c.w(i + 1).startsWith("quarter")
                && c.m(i + 1) == null) {
            quarter = NumberWords.ordinal(w); // "third quarter"
            end = i + 2;
        } else if (w.equals("quarter") && c.isNum(i + 1) && c.token(i + 1).norm().matches("[1-4]")) {
            quarter = Integer.parseInt(c.token(i + 1).norm()); // "quarter 3"
            end = i + 2;
        }
        Integer month = null;
        Integer day = null;
        int of = c.w(i + 1).equals("of") ? i + 2 : i + 1;
        if (dayAt(c, i) != null && c.freeWord(of) && MONTHS.containsKey(c.w(of))) {
            day = dayAt(c, i); // "10 December 1960", "the 3rd of May"
            month = MONTHS.get(c.w(of));
            end = of + 1;
        } else if (quarter == null && MONTHS.containsKey(w)) {
            boolean yearNext = yearAfter(c, i + 1) != null;
            day = dayAt(c, i + 1); // "December 24, 1997", "April 9th"
            // "May" is the month after a preposition, before a year or a day, or capitalised inside the question
            // ("Line chart for May: ..."); "which sites may need" is the verb
            boolean capitalised = i > 0 && c.token(i).text().equals("May");
            if (!w.equals("may") || yearNext || day != null || MAY_CUES.contains(c.w(i - 1)) || capitalised) {
                month = MONTHS.get(w);
                end = day == null ? i + 1 : i + 2;
            } else {
                day = null;
            }
        }
        if (end < 0) {
            return null;
        }
        int[] yearAt = yearAfter(c, end);
        if (yearAt != null) {
            return new Calendar(i, yearAt[1], yearAt[0], quarter, month, day);
        }
        return new Calendar(i, end, null, quarter, month, day);
    }

    /** A day of a month at token i, written "9", "09" or "9th", or null. */
    private static Integer dayAt(Clause c, int i) {
        if (i < c.from || i >= c.to || c.used[i] || c.token(i).isYear()) {
            return null;
        }
        java.util.regex.Matcher m = DAY.matcher(c.token(i).norm());
        if (!m.matches()) {
            return null;
        }
        int d = Integer.parseInt(m.group(1));
        return d >= 1 && d <= 31 ? d : null;
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("0?([1-9]|[12][0-9]|3[01])(st|nd|rd|th)?");

    /** A year right after i, optionally after "of", "in" or a comma: {year, end}, or null. */
    private static int[] yearAfter(Clause c, int i) {
        int k = i;
        if (c.w(k).equals("of") || c.w(k).equals("in") || c.w(k).equals(",")) {
            k++;
        }
        if (k < c.to && !c.used[k] && c.token(k).isYear()) {
            return new int[]{Integer.parseInt(c.token(k).norm()), k + 1};
        }
        return null;
    }

    /** A relative expression starting at i resolved against {@code anchor}, or null. */
    static Relative relative(Clause c, int i, LocalDate anchor) {
        if (!c.freeWord(i)) {
            return null;
        }
        String w = c.w(i);
        String words2 = w + " " + c.w(i + 1) + " " + c.w(i + 2);
        if (w.equals("ytd") || w.equals("mtd") || w.equals("qtd")) {
            String unit = w.equals("ytd") ? "year" : w.equals("mtd") ? "month" : "quarter";
            return new Relative(i, i + 1, new Period(startOf(unit, anchor), anchor, c.token(i).text(), anchor));
        }
        if (UNITS.contains(w) && (words2.endsWith(" to date"))) {
            return new Relative(i, i + 3, new Period(startOf(w, anchor), anchor, text(c, i, i + 3), anchor));
        }
        if (w.equals("this") || w.equals("current") || w.equals("latest")
                || (w.equals("most") && c.w(i + 1).equals("recent"))) {
            int u = w.equals("most") ? i + 2 : i + 1;
            String unit = unit(c, u);
            if (unit != null) {
                return new Relative(i, u + 1, new Period(startOf(unit, anchor), anchor, text(c, i, u + 1), anchor));
            }
            return null;
        }
        if (!TRAILING.contains(w)) {
            return null;
        }
        Integer n = NumberWords.at(c, i + 1);
        int u = n == null ? i + 1 : i + 2;
        String unit = unit(c, u);
        if (unit == null || (n != null && (n < 1 || n > 10_000))) {
            return null;
        }
        String words = text(c, i, u + 1);
        if (n == null && !w.equals("past") && !w.equals("trailing") && !w.equals("recent")) {
            // "last quarter": the whole calendar quarter before the one of the latest date
            LocalDate thisStart = startOf(unit, anchor);
            LocalDate start = minus(unit, thisStart, 1);
            return new Relative(i, u + 1, new Period(start, thisStart.minusDays(1), words, anchor));
        }
        int count = n == null ? 1 : n;
        LocalDate start = w.equals("last") && !unit.equals("day") && !unit.equals("week")
                ? minus(unit, startOf(unit, anchor), count - 1) // "last 3 months": this month and the two before
                : minus(unit, anchor, count).plusDays(1); // "past 30 days": exactly that many days
        return new Relative(i, u + 1, new Period(start, anchor, words, anchor));
    }

    private static String unit(Clause c, int i) {
        if (i >= c.to || c.m(i) != null) {
            return null;
        }
        String s = c.token(i).singular();
        return UNITS.contains(s) ? s : null;
    }

    static LocalDate startOf(String unit, LocalDate d) {
        return switch (unit) {
            case "day" -> d;
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> d.withDayOfMonth(1);
            case "quarter" -> LocalDate.of(d.getYear(), 3 * ((d.getMonthValue() - 1) / 3) + 1, 1);
            default -> LocalDate.of(d.getYear(), 1, 1);
        };
    }

    private static LocalDate minus(String unit, LocalDate d, int n) {
        return switch (unit) {
            case "day" -> d.minusDays(n);
            case "week" -> d.minusWeeks(n);
            case "month" -> d.minusMonths(n);
            case "quarter" -> d.minusMonths(3L * n);
            default -> d.minusYears(n);
        };
    }

    static String text(Clause c, int start, int end) {
        StringBuilder sb = new StringBuilder();
        for (int k = start; k < end; k++) {
            if (sb.length() > 0 && c.token(k).kind() != Token.Kind.SYMBOL) {
                sb.append(' ');
            }
            sb.append(c.token(k).text());
        }
        return sb.toString();
    }
}
