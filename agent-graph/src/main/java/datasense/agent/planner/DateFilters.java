package datasense.agent.planner;

import datasense.agent.Dates;
import datasense.tools.ColumnProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Date filters of a clause, from {@link DateGrammar}'s expressions: a quarter or month ("in Q3 2017",
 * "March"), a range ("from 2015 to 2016", "between Jan 2016 and June 2016"), a bound ("since March 2017",
 * "before 2016"), a relative period ("last 3 months", "year to date") measured from the latest date of the
 * date column, and plain years ("in 2017", "2015 vs 2016"). Every reading that needed a guess (a missing
 * year, the anchor of a relative period) is said in the readings.
 */
final class DateFilters {

    private static final Set<String> RANGE_STARTS = Set.of("from", "between");
    private static final Set<String> RANGE_JOINS = Set.of("to", "and", "through", "until", "till", "thru");
    private static final Set<String> BOUNDS = Set.of("since", "after", "before", "until", "through", "till");
    private static final Set<String> YEAR_CUES = Set.of("in", "during", "for", "of", "year", "from", "within", "between");

    private DateFilters() {
    }

    /** Words after a list of years that take them together: "2024 and 2025 combined". */
    private static final Set<String> POOLED = Set.of("combined", "together", "pooled", "overall");

    /** Quarters, months, ranges, bounds and relative periods; plain single years are left to {@link #years}. */
    static void read(Clause c) {
        ColumnProfile date = dateColumn(c);
        if (date == null) {
            return;
        }
        LocalDate anchor = latest(date);
        for (int i = c.from; i < c.to; i++) {
            if (c.used[i]) {
                continue;
            }
            String w = c.w(i);
            boolean rangeWord = RANGE_STARTS.contains(w);
            int at = rangeWord || BOUNDS.contains(w) ? i + 1 : i;
            DateGrammar.Calendar a = DateGrammar.calendar(c, at);
            DateGrammar.Calendar b = null;
            String join = a == null ? "" : c.w(a.end());
            // "between 2015 and 2016" is a range, "in 2015 and 2016" two years to compare
            if (a != null && RANGE_JOINS.contains(join) && (!join.equals("and") || w.equals("between"))) {
                b = DateGrammar.calendar(c, a.end() + 1);
            }
            int before = c.filters.size();
            if (a == null) {
                DateGrammar.Relative r = anchor == null ? null : DateGrammar.relative(c, i, anchor);
                if (r != null) {
                    range(c, date, r.period().start(), r.period().end());
                    c.mark(r.start(), r.end());
                    c.reading("'" + r.period().words() + "' read as " + date.name() + " " + r.period().span()
                            + ", measured from the latest date in the data (" + anchor + ")");
                    LocalDate earliest = Dates.day(date.min());
                    if (r.period().words().endsWith("year") && earliest != null && earliest.isBefore(r.period().start())
                            && earliest.isAfter(anchor.minusYears(1))) {
                        // data of one school or fiscal year across New Year: "this year" may be all of it
                        c.reading(Clause.BEST_GUESS + "the data spans less than a year (from " + earliest + "), so '"
                                + r.period().words() + "' may mean all of it");
                    }
                    i = r.end() - 1;
                    c.dateMention();
                }
                continue;
            }
            if (b != null && (a.end() == b.start() - 1)) {
                if (a.year() == null && b.year() == null) {
                    a = a.inYear(latestYear(c, a, anchor));
                }
                a = a.year() == null ? a.inYear(b.year()) : a;
                b = b.year() == null ? b.inYear(a.year()) : b;
                Period pa = a.period(DateGrammar.text(c, a.start(), a.end()));
                Period pb = b.period(DateGrammar.text(c, b.start(), b.end()));
                if (pb.end().isBefore(pa.start())) {
                    Period t = pa;
                    pa = pb;
                    pb = t;
                }
                range(c, date, pa.start(), pb.end());
                c.rangeGrain = a.quarter() != null && b.quarter() != null && a.month() == null && b.month() == null ? Grain.QUARTER : null;
                c.mark(i, b.end());
                c.reading("'" + DateGrammar.text(c, i, b.end()) + "' read as " + date.name() + " from "
                        + pa.start() + " to " + pb.end());
                i = b.end() - 1;
                c.dateMention();
                continue;
            }
            if (a.yearOnly() || date == null) {
                continue; // plain years and bounds on them: see years()
            }
            List<DateGrammar.Calendar> listed = at == i ? listed(c, a) : List.of(a);
            if (listed.size() > 1) {
                DateGrammar.Calendar last = listed.get(listed.size() - 1);
                c.filters.add(anyOf(c, date, listed, anchor));
                c.mark(a.start(), last.end());
                i = last.end() - 1;
                c.dateMention();
                continue;
            }
            if (a.year() == null) {
                a = a.inYear(latestYear(c, a, anchor));
            }
            Period p = a.period(DateGrammar.text(c, a.start(), a.end()));
            if (at > i) {
                switch (w) {
                    case "since" -> range(c, date, p.start(), null);
                    case "after" -> range(c, date, p.end().plusDays(1), null);
                    case "before" -> range(c, date, null, p.start().minusDays(1));
                    case "from", "between" -> range(c, date, p.start(), null);
                    default -> range(c, date, null, p.end());
                }
                c.reading("'" + DateGrammar.text(c, i, a.end()) + "' read as " + date.name() + " "
                        + (w.equals("before") || w.equals("until") || w.equals("through") || w.equals("till")
                        ? "up to " + (w.equals("before") ? p.start().minusDays(1) : p.end())
                        : "from " + (w.equals("after") ? p.end().plusDays(1) : p.start())));
                c.mark(i, a.end());
            } else {
                range(c, date, p.start(), p.end());
                c.mark(a.start(), a.end());
                c.reading("'" + p.words() + "' read as " + date.name() + " " + p.span());
            }
            i = a.end() - 1;
            if (c.filters.size() > before) {
                c.dateMention(); // the named date column ("ship date") was understood
            }
        }
    }

    /** The periods joined to the one at {@code a} by "and", "or" or commas: "June, July or August", "Q1 and Q2 2025". */
    private static List<DateGrammar.Calendar> listed(Clause c, DateGrammar.Calendar a) {
        List<DateGrammar.Calendar> all = new ArrayList<>(List.of(a));
        for (int j = a.end(); ; ) {
            int k = c.w(j).equals(",") ? j + 1 : j;
            k = c.w(k).equals("and") || c.w(k).equals("or") ? k + 1 : k;
            DateGrammar.Calendar next = k == j ? null : DateGrammar.calendar(c, k);
            if (next == null || next.yearOnly()) {
                return all;
            }
            all.add(next);
            j = next.end();
        }
    }

    /**
     * Rows in any of several periods (a list of them is never all at once). Months named with no year are those
     * months of every year, as a season is ("December, January or February"); a period without a year otherwise
     * takes the year said after it ("March and April 2025"), else the latest in the data.
     */
    private static Filter anyOf(Clause c, ColumnProfile date, List<DateGrammar.Calendar> listed, LocalDate anchor) {
        String words = DateGrammar.text(c, listed.get(0).start(), listed.get(listed.size() - 1).end());
        if (listed.stream().allMatch(p -> p.year() == null && p.month() != null && p.day() == null)) {
            c.reading("'" + words + "' name months with no year; read as those months of every year");
            return Filter.any(listed.stream().map(p -> Filter.of(date, "month", p.month())).toList());
        }
        List<Filter> any = new ArrayList<>();
        Integer said = null;
        for (int k = listed.size() - 1; k >= 0; k--) {
            DateGrammar.Calendar p = listed.get(k);
            said = p.year() != null ? p.year() : said;
            Period period = (p.year() != null ? p : p.inYear(said != null ? said : latestYear(c, p, anchor)))
                    .period(DateGrammar.text(c, p.start(), p.end()));
            any.add(0, new Filter(date, "between", null, List.of(period.start().toString(), period.end().toString())));
        }
        c.reading("'" + words + "' read as " + date.name() + " in any of "
                + any.stream().map(f -> f.values().get(0) + " to " + f.values().get(1)).collect(java.util.stream.Collectors.joining(", ")));
        return Filter.any(any);
    }

    /** The date column the clause names, else the schema's first; nothing is marked. */
    private static ColumnProfile dateColumn(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.isColumn() && m.column().column().temporal()) {
                return m.column();
            }
        }
        return c.impliedDate();
    }

    /** The year of a period named without one: the latest such period that starts by the latest date. */
    private static int latestYear(Clause c, DateGrammar.Calendar cal, LocalDate anchor) {
        if (anchor == null) {
            return LocalDate.now().getYear();
        }
        int y = anchor.getYear();
        if (cal.inYear(y).period("").start().isAfter(anchor)) {
            y--;
        }
        c.reading("'" + DateGrammar.text(c, cal.start(), cal.end()) + "' has no year; read as " + y
                + ", the latest in the data");
        return y;
    }

    /** Filters for [start, end] (either may be open); a timestamp's last day is kept whole. */
    private static void range(Clause c, ColumnProfile date, LocalDate start, LocalDate end) {
        outsideTheData(c, date, start, end);
        boolean timestamp = date.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP");
        if (start != null && end != null && !timestamp) {
            c.filters.add(new Filter(date, "between", null, List.of(start.toString(), end.toString())));
            return;
        }
        if (start != null) {
            c.filters.add(Filter.of(date, "ge", start.toString()));
        }
        if (end != null) {
            c.filters.add(timestamp ? Filter.of(date, "lt", end.plusDays(1).toString())
                    : Filter.of(date, "le", end.toString()));
        }
    }

    /** A period the data does not reach answers nothing: say so rather than let "no value" puzzle. */
    private static void outsideTheData(Clause c, ColumnProfile date, LocalDate start, LocalDate end) {
        LocalDate first = Dates.day(date.min());
        LocalDate last = Dates.day(date.max());
        if (first == null || last == null) {
            return;
        }
        if ((start != null && start.isAfter(last)) || (end != null && end.isBefore(first))) {
            c.reading("no " + date.name() + " falls in that period: the data runs from " + first + " to " + last);
        }
    }

    /** A whole-number column of years: every value from 1000 to 2100 ("First elected", "Founded", "Built"). */
    static boolean years(ColumnProfile col) {
        if (!col.type().toUpperCase(java.util.Locale.ROOT).contains("INT") || SchemaIndex.isIdLike(col)) {
            return false;
        }
        try {
            return Long.parseLong(col.min()) >= 1000 && Long.parseLong(col.max()) <= 2100;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** The first mention of a column of years in the clause ("first elected"), or null. */
    static Mention yearsMention(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.start() == i && m.isColumn() && years(m.column())) {
                return m;
            }
        }
        return null;
    }

    /** The column of years the clause names ("first elected in 1994"), taken for the year; or null. */
    private static ColumnProfile yearsNamed(Clause c) {
        Mention m = yearsMention(c);
        if (m == null || !c.free(m)) {
            return null;
        }
        c.markMention(m);
        return m.column();
    }

    /** The table's one column of years, or null (none, or several). */
    private static ColumnProfile onlyYears(SchemaIndex index) {
        List<ColumnProfile> all = index.schema.columns().stream().filter(DateFilters::years).toList();
        return all.size() == 1 ? all.get(0) : null;
    }

    private static final java.util.regex.Pattern YEAR_IN_TEXT = java.util.regex.Pattern.compile(".*\\b(1[5-9]|20)\\d\\d\\b.*");

    /**
     * The text column whose listed values mostly hold a year ("May 17, 1996", "10 December 1960"): the only one, or the
     * one of several the clause names; else null.
     */
    static ColumnProfile writtenDates(Clause c) {
        List<ColumnProfile> found = new ArrayList<>();
        for (ColumnProfile col : c.index.schema.columns()) {
            if (col.column().numeric() || col.column().temporal() || col.values() == null || col.values().size() < 2) {
                continue;
            }
            long dated = col.values().stream().filter(v -> v != null && YEAR_IN_TEXT.matcher(v).matches()
                    && v.chars().anyMatch(Character::isLetter)).count();
            if (dated * 10 >= col.values().size() * 8) {
                found.add(col);
            }
        }
        if (found.size() <= 1) {
            return found.isEmpty() ? null : found.get(0);
        }
        // several ("Launched" and "Fate": "Scrapped in 1972"): the one the question names, "launched in 1944"
        ColumnProfile named = null;
        for (int i = c.from; i < c.to; i++) {
            Mention m = c.m(i);
            if (m != null && m.isColumn() && found.contains(m.column()) && c.free(m)) {
                if (named != null && !named.equals(m.column())) {
                    return null;
                }
                named = m.column();
            }
        }
        if (named != null) {
            for (int i = c.from; i < c.to; i++) {
                Mention m = c.m(i);
                if (m != null && m.isColumn() && named.equals(m.column())) {
                    c.markMention(m);
                }
            }
        }
        return named;
    }

    /** The latest date of a date column from its profile, or null when it is not known. */
    static LocalDate latest(ColumnProfile date) {
        return Dates.day(date.max());
    }

    /** A decade or a century: "1990s", "2000s", "1800s". */
    private static final java.util.regex.Pattern DECADE = java.util.regex.Pattern.compile("((?:1[89]|20)\\d0)s");

    /** Plain years: "in 2017" (year op), "since 2017", "before 2016", "2015 vs 2016" (by year). */
    static void years(Clause c) {
        List<Integer> years = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        String bound = null;
        boolean ranged = false;
        String decade = null;
        for (int i = c.from; i < c.to; i++) {
            Token t = c.token(i);
            java.util.regex.Matcher d = DECADE.matcher(c.w(i));
            if (!c.used[i] && years.isEmpty() && d.matches()) {
                // "in the 1990s": the ten years from 1990 to 1999; "the 1800s", "the 1900s": a century (the 2000s,
                // a century barely begun, is still read as its first decade)
                int first = Integer.parseInt(d.group(1));
                boolean century = first % 100 == 0 && first != 2000;
                decade = d.group(1).substring(0, century ? 2 : 3);
                years.add(first);
                years.add(first + (century ? 99 : 9));
                positions.add(i);
                positions.add(i);
                ranged = true;
                break;
            }
            if (c.used[i] || !t.isYear()) {
                continue;
            }
            String before = c.w(i - 1);
            if (before.equals("between") && c.w(i + 1).equals("and") && i + 2 < c.to && c.token(i + 2).isYear()) {
                c.mark(i - 1); // "between 2000 and 2010": both years, their "and" joining them
                c.mark(i + 1);
            }
            if (closesRange(c, i, positions)) {
                // "from 1988 to 1993", "from 1988 until 1993": the second year ends the range the first began
                c.mark(i - 1);
                ranged = true;
            } else if (Set.of("since", "after", "before", "until", "through").contains(before)) {
                bound = before;
                c.mark(i - 1);
            } else if (!YEAR_CUES.contains(before) && !before.equals("and") && !before.equals(",")
                    && !before.equals("vs") && !before.equals("versus") && !before.equals("or")
                    && !before.isEmpty() && !before.equals("than")) {
                continue;
            }
            years.add(Integer.parseInt(t.norm()));
            positions.add(i);
        }
        if (years.isEmpty()) {
            return;
        }
        ColumnProfile date = c.dateMention();
        if (date == null) {
            ColumnProfile yearColumn = yearsNamed(c);
            if (yearColumn == null) {
                yearColumn = c.index.timeOrder();
            }
            if (yearColumn == null) {
                yearColumn = onlyYears(c.index);
            }
            ColumnProfile written = yearColumn == null && bound == null ? writtenDates(c) : null;
            if (written != null) {
                // "aired in 1996" on dates kept as text ("May 17, 1996"): the rows whose date holds the year
                String tens = decade;
                List<Filter> holding = tens != null ? List.of(Filter.of(written, "contains", tens))
                        : years.stream().map(y -> Filter.of(written, "contains", String.valueOf(y))).toList();
                c.addFilter(holding.size() == 1 ? holding.get(0) : Filter.any(holding), positions.get(0));
                positions.forEach(c::mark);
                c.reading("'" + years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("', '"))
                        + "' read as " + written.name() + " holding the year, its dates being text");
            } else if (yearColumn == null) {
                c.reading("no date column to read " + years.get(0) + " as a year");
            } else {
                boolean range = ranged || betweenBefore(c, positions.get(0));
                onYearColumn(c, yearColumn, years, positions, bound, range);
            }
            return;
        }
        positions.forEach(p -> {
            c.mark(p);
            if (c.w(p - 1).equals("year")) {
                c.mark(p - 1);
            }
        });
        int y = years.get(0);
        int lo = years.stream().min(Integer::compare).orElseThrow();
        int hi = years.stream().max(Integer::compare).orElseThrow();
        if (bound == null) {
            outsideTheData(c, date, LocalDate.of(lo, 1, 1), LocalDate.of(hi, 12, 31));
        }
        if (bound != null && years.size() == 1) {
            switch (bound) {
                case "since" -> c.filters.add(Filter.of(date, "ge", y + "-01-01"));
                case "after" -> c.filters.add(Filter.of(date, "ge", (y + 1) + "-01-01"));
                case "before" -> c.filters.add(Filter.of(date, "lt", y + "-01-01"));
                default -> c.filters.add(Filter.of(date, "le", y + "-12-31"));
            }
        } else if (years.size() == 1) {
            c.filters.add(Filter.of(date, "year", y));
        } else {
            c.filters.add(new Filter(date, "between", null, List.of(lo + "-01-01", hi + "-12-31")));
            boolean range = positions.size() == 2 && (ranged || betweenBefore(c, positions.get(0)));
            int after = positions.get(positions.size() - 1) + 1;
            if (c.freeWord(after) && POOLED.contains(c.w(after))) {
                c.mark(after); // "2024 and 2025 combined": the years taken together, not compared
                c.reading("'" + c.token(after).text() + "' takes the years together");
            } else if (!range) {
                c.addGroup(new Grouping(date, Grain.YEAR), true);
            }
        }
    }

    /**
     * The year at {@code i} closes a range: a word such as "to" or "until" before it, right after the one year found so
     * far, which "from" or "between" began ("from 1988 to 1993"). A lone "until 1993" stays a bound.
     */
    private static boolean closesRange(Clause c, int i, List<Integer> positions) {
        if (positions.size() != 1 || positions.get(0) != i - 2 || !RANGE_JOINS.contains(c.w(i - 1))
                || c.w(i - 1).equals("and")) {
            return false;
        }
        return RANGE_STARTS.contains(c.w(i - 3));
    }

    /** Words that may stand between "between" and its first year: "between the years of 1981 and 2004". */
    private static final Set<String> YEAR_NOUN_PHRASE = Set.of("the", "years", "year", "seasons", "season", "of");

    /**
     * "between" opens the range whose first year (or column naming them) is at {@code i}, right before it or before
     * "the years of".
     */
    static boolean betweenBefore(Clause c, int i) {
        int k = i - 1;
        while (k > c.from && i - k <= 3 && YEAR_NOUN_PHRASE.contains(c.w(k))) {
            k--;
        }
        return c.w(k).equals("between");
    }

    /** A table that dates its rows by a whole-number year ("Year", "Season"): the years filter that column. */
    private static void onYearColumn(Clause c, ColumnProfile col, List<Integer> years, List<Integer> positions,
                                     String bound, boolean range) {
        positions.forEach(p -> {
            c.mark(p);
            if (c.w(p - 1).equals("year") || c.w(p - 1).equals("season")) {
                c.mark(p - 1);
            }
        });
        int y = years.get(0);
        if (bound != null && years.size() == 1) {
            String op = switch (bound) {
                case "since" -> "ge";
                case "after" -> "gt";
                case "before" -> "lt";
                default -> "le";
            };
            c.filters.add(Filter.of(col, op, y));
        } else if (years.size() == 1) {
            c.filters.add(Filter.of(col, "eq", y));
        } else if (range) {
            int lo = years.stream().min(Integer::compare).orElseThrow();
            int hi = years.stream().max(Integer::compare).orElseThrow();
            c.filters.add(new Filter(col, "between", null, List.of(lo, hi)));
        } else {
            // "in 2010 and 2012", "in 2009 or 2012": those years, not the years between them
            c.filters.add(Filter.in(col, List.copyOf(years)));
        }
        c.reading("'" + y + "' read as a value of " + col.name());
    }
}
