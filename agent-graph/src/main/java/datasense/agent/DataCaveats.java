package datasense.agent;

import datasense.agent.ColumnUses.Role;
import datasense.agent.ColumnUses.StepUses;
import datasense.agent.ColumnUses.Use;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data-quality caveats that matter to one answer, from the schema profile and the results of the steps that
 * ran: missing values in the columns it aggregates (worded for the aggregate), groups by, or filters on; a tiny
 * sample; the date range of a trend and a partial first or last period. Only caveats that are true for the
 * columns the answer used; none when those are clean. Most important first.
 */
public final class DataCaveats {

    /** Below this many rows a figure rests on too little data to be taken at face value. */
    public static final int TINY_SAMPLE = 30;
    /** Missing values in a measure or filter column below this share do not change an answer. */
    public static final double MIN_MISSING_SHARE = 0.01;
    /** Caveats weighing less than this are kept in the list but not mentioned in the answer's text. */
    static final double NOTEWORTHY = 0.05;

    /** A caveat's text and how much it matters (for ordering and for whether the answer mentions it). */
    record Caveat(String text, double weight) {
    }

    private static final Pattern LIMIT = Pattern.compile("(?i)\\bLIMIT\\s+(\\d+)");
    private static final Pattern COUNT_STAR_ALIAS = Pattern.compile(
            "(?i)\\bcount\\s*\\(\\s*\\*\\s*\\)\\s+AS\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))");

    private DataCaveats() {
    }

    /** The caveats of a run's answer: its schema against the steps that succeeded. */
    public static List<String> of(AnalysisState state) {
        return of(state.schema(), state.steps());
    }

    /** The caveats of the successful {@code steps} over a table profiled as {@code schema}, most important first. */
    public static List<String> of(SchemaInfo schema, List<StepState> steps) {
        return weighed(schema, steps).stream().map(Caveat::text).toList();
    }

    /** The most important caveat if it is worth saying in the answer's text, else null. */
    static String headline(SchemaInfo schema, List<StepState> steps) {
        return weighed(schema, steps).stream().filter(c -> c.weight() >= NOTEWORTHY).map(Caveat::text).findFirst()
                .orElse(null);
    }

    static List<Caveat> weighed(SchemaInfo schema, List<StepState> steps) {
        if (schema == null || steps == null) {
            return List.of();
        }
        List<StepState> done = steps.stream().filter(s -> s.status() == StepState.Status.OK).toList();
        List<Caveat> out = new ArrayList<>();
        List<StepUses> uses = done.stream().map(s -> ColumnUses.of(s.step(), schema)).toList();
        missing(schema, done, uses, out);
        sample(schema, done, uses, out);
        for (int i = 0; i < done.size(); i++) {
            dateRange(done.get(i), uses.get(i), out);
        }
        Set<String> seen = new LinkedHashSet<>();
        return out.stream().sorted(Comparator.comparingDouble((Caveat c) -> -c.weight()))
                .filter(c -> seen.add(c.text())).toList();
    }

    /** Missing values of the columns used, worded by how each use treats them. */
    private static void missing(SchemaInfo schema, List<StepState> steps, List<StepUses> all, List<Caveat> out) {
        long rows = schema.rows();
        if (rows <= 0) {
            return;
        }
        for (ColumnProfile c : schema.columns()) {
            if (c.nulls() <= 0) {
                continue;
            }
            double share = (double) c.nulls() / rows;
            Set<String> skips = new LinkedHashSet<>();
            List<String> others = new ArrayList<>();
            boolean countsRows = false;
            boolean measured = false;
            boolean ownGroup = false;
            boolean leftOutOfTrend = false;
            boolean filtered = false;
            for (int i = 0; i < all.size(); i++) {
                List<Use> mine = all.get(i).of(c);
                // A step that keeps only rows with (or without) a value asked for exactly that.
                if (mine.isEmpty() || mine.stream().anyMatch(u -> u.role() == Role.FILTER
                        && (u.detail().equals("not_null") || u.detail().equals("is_null")))) {
                    continue;
                }
                String tool = steps.get(i).step().tool();
                for (Use u : mine) {
                    switch (u.role()) {
                        case MEASURE -> {
                            String phrase = aggregatePhrase(u.detail(), c.name());
                            if (phrase != null) {
                                measured = true;
                                if (phrase.startsWith("the ")) {
                                    others.add(phrase);
                                } else {
                                    skips.add(phrase);
                                }
                                countsRows |= all.get(i).countsRows();
                            }
                        }
                        case GROUP -> {
                            if (tool.equals("trend_plot")) {
                                leftOutOfTrend = true;
                            } else {
                                ownGroup = true;
                            }
                        }
                        case FILTER -> filtered = true;
                        default -> {
                        }
                    }
                }
            }
            String count = rowsText(c.nulls());
            if (measured && share >= MIN_MISSING_SHARE) {
                List<String> clauses = new ArrayList<>();
                if (!skips.isEmpty()) {
                    clauses.add(join(new ArrayList<>(skips)) + " skip those rows");
                }
                clauses.addAll(others);
                String text = Numbers.percent(share) + " of " + c.name() + " is missing (" + Numbers.format(c.nulls())
                        + " of " + Numbers.format(rows) + " rows); " + String.join("; ", clauses)
                        + (countsRows ? ", while row counts include them." : ".");
                out.add(new Caveat(capitalise(text), 0.1 + share));
            }
            if (ownGroup) {
                out.add(new Caveat(count + " no " + c.name() + "; they form their own group.", 0.05 + share));
            }
            if (leftOutOfTrend) {
                out.add(new Caveat(count + " no " + c.name() + "; the trend leaves them out.", 0.05 + share));
            }
            if (filtered && share >= MIN_MISSING_SHARE) {
                out.add(new Caveat(count + " no " + c.name() + "; the filter on " + c.name()
                        + " leaves them out.", share / 2));
            }
        }
    }

    /** "1 row has", "38 rows have". */
    private static String rowsText(long n) {
        return n == 1 ? "1 row has" : Numbers.format(n) + " rows have";
    }

    /** How an aggregate treats missing values: "averages" (which skip them), or a whole clause, or null. */
    private static String aggregatePhrase(String agg, String column) {
        if (agg == null) {
            return null;
        }
        String a = agg.toLowerCase(Locale.ROOT);
        if (a.startsWith("stddev") || a.startsWith("var")) {
            return "standard deviations";
        }
        if (a.startsWith("quantile")) {
            return "quantiles";
        }
        return switch (a) {
            case "sum" -> "totals";
            case "avg", "mean" -> "averages";
            case "median" -> "medians";
            case "min" -> "minimums";
            case "max" -> "maximums";
            case "mode" -> "modes";
            case "count" -> "counts of " + column;
            case "count_distinct" -> "distinct counts";
            case "corr" -> "the correlation uses only rows that have both values";
            case "histogram" -> "the distribution leaves those rows out";
            // summary statistics show each column's missing count themselves.
            default -> null;
        };
    }

    /** A tiny sample: the data itself, or the rows a step's filters kept, when its results tell how many. */
    private static void sample(SchemaInfo schema, List<StepState> steps, List<StepUses> all, List<Caveat> out) {
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < steps.size(); i++) {
            Long n = matched(steps.get(i), all.get(i));
            if (n != null && n > 0) {
                smallest = Math.min(smallest, n);
            }
        }
        if (schema.rows() > 0 && schema.rows() < TINY_SAMPLE && smallest >= schema.rows()) {
            out.add(new Caveat("The data has only " + schema.rows() + " rows; treat these figures as indicative.",
                    0.6));
        } else if (smallest < TINY_SAMPLE) {
            out.add(new Caveat("Only " + smallest + (smallest == 1 ? " row matches" : " rows match")
                    + " the question; treat these figures as indicative.", 0.6));
        }
    }

    /** How many rows a step's result rests on, when the result says so; else null. */
    static Long matched(StepState s, StepUses uses) {
        StepOutput o = s.output();
        Table t = o == null || o.tables() == null || o.tables().isEmpty() ? null : o.tables().get(0);
        if (t == null || t.truncated()) {
            return null;
        }
        switch (s.step().tool()) {
            case "summary_stats" -> {
                // count (non-missing) + nulls of any described column = the rows kept by the filters.
                int count = columnIndex(t, "count");
                int nulls = columnIndex(t, "nulls");
                if (count < 0 || nulls < 0 || t.rows().isEmpty()) {
                    return null;
                }
                Double a = Numbers.value(t.rows().get(0).get(count));
                Double b = Numbers.value(t.rows().get(0).get(nulls));
                return a == null || b == null ? null : (long) (a + b);
            }
            case "trend_plot" -> {
                return uses.countsRows() ? sum(t, 1) : null;
            }
            case "sql_executor" -> {
                String sql = s.step().args().path("sql").asText("");
                Matcher limit = LIMIT.matcher(sql);
                Long cap = limit.find() ? Long.parseLong(limit.group(1)) : null;
                boolean aggregates = uses.countsRows() || uses.uses().stream().anyMatch(u -> u.role() == Role.MEASURE
                        || u.role() == Role.GROUP) || sql.toUpperCase(Locale.ROOT).contains("DISTINCT");
                if (!aggregates) {
                    // Plain rows: all of them came back unless the LIMIT cut them.
                    return cap != null && t.totalRows() >= cap ? null : t.totalRows();
                }
                Matcher alias = COUNT_STAR_ALIAS.matcher(sql);
                if (alias.find() && cap == null && !sql.toUpperCase(Locale.ROOT).contains("HAVING")) {
                    String name = alias.group(1) != null ? alias.group(1).replace("\"\"", "\"") : alias.group(2);
                    int c = columnIndex(t, name);
                    return c < 0 ? null : sum(t, c);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static Long sum(Table t, int column) {
        if (column >= t.columns().size()) {
            return null;
        }
        long total = 0;
        for (List<Object> row : t.rows()) {
            Double v = column < row.size() ? Numbers.value(row.get(column)) : null;
            if (v == null) {
                continue;
            }
            total += Math.round(v);
        }
        return total;
    }

    private static int columnIndex(Table t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * For a step that follows a date column over time: the column's range in the data, and whether the first or
     * last bucket holds less than half its days (so it reads low). Not when the step filters on that column,
     * since the range in the data is then not the range of the answer.
     */
    private static void dateRange(StepState s, StepUses uses, List<Caveat> out) {
        for (Use u : uses.uses()) {
            if (u.role() != Role.GROUP || !u.column().column().temporal()
                    || uses.of(u.column()).stream().anyMatch(x -> x.role() == Role.FILTER)) {
                continue;
            }
            LocalDate min = Dates.day(u.column().min());
            LocalDate max = Dates.day(u.column().max());
            if (min == null || max == null) {
                continue;
            }
            String grain = u.detail();
            if (grain == null || grain.equals("date")) {
                grain = inferredGrain(s.output());
            }
            String text = u.column().name() + " in the data runs from " + min + " to " + max;
            List<String> partial = new ArrayList<>();
            if (grain != null && !grain.equals("day") && !min.equals(max)) {
                LocalDate firstStart = bucketStart(min, grain);
                LocalDate lastStart = bucketStart(max, grain);
                if (firstStart != null && !firstStart.equals(lastStart)) {
                    long firstLength = ChronoUnit.DAYS.between(firstStart, next(firstStart, grain));
                    long firstCovered = ChronoUnit.DAYS.between(min, next(firstStart, grain));
                    if (firstCovered * 2 < firstLength) {
                        partial.add("the first " + grain + " (from " + firstStart + ") has data for only "
                                + firstCovered + " of its " + firstLength + " days");
                    }
                    long lastLength = ChronoUnit.DAYS.between(lastStart, next(lastStart, grain));
                    long lastCovered = ChronoUnit.DAYS.between(lastStart, max) + 1;
                    if (lastCovered * 2 < lastLength) {
                        partial.add("the last " + grain + " (from " + lastStart + ") has data for only "
                                + lastCovered + " of its " + lastLength + " days");
                    }
                }
            }
            if (partial.isEmpty()) {
                out.add(new Caveat(text + ".", 0.02));
            } else {
                out.add(new Caveat(text + "; " + String.join(" and ", partial) + ", so it reads low.", 0.3));
            }
        }
    }

    /** The grain of a time series result from the gap between its first two periods, or null. */
    private static String inferredGrain(StepOutput o) {
        if (o == null || o.tables() == null || o.tables().isEmpty() || o.tables().get(0).rows().size() < 2) {
            return null;
        }
        List<List<Object>> rows = o.tables().get(0).rows();
        LocalDate a = Dates.day(rows.get(0).isEmpty() ? null : String.valueOf(rows.get(0).get(0)));
        LocalDate b = Dates.day(rows.get(1).isEmpty() ? null : String.valueOf(rows.get(1).get(0)));
        if (a == null || b == null) {
            return null;
        }
        long days = Math.abs(ChronoUnit.DAYS.between(a, b));
        return days == 1 ? "day" : days == 7 ? "week" : days >= 28 && days <= 31 ? "month"
                : days >= 89 && days <= 92 ? "quarter" : days == 365 || days == 366 ? "year" : null;
    }

    private static LocalDate bucketStart(LocalDate d, String grain) {
        return switch (grain) {
            case "week" -> d.minusDays(d.getDayOfWeek().getValue() - 1L); // ISO weeks start on Monday, as date_trunc's
            case "month" -> d.withDayOfMonth(1);
            case "quarter" -> d.with(IsoFields.DAY_OF_QUARTER, 1);
            case "year" -> d.withDayOfYear(1);
            default -> null;
        };
    }

    private static LocalDate next(LocalDate start, String grain) {
        return switch (grain) {
            case "week" -> start.plusWeeks(1);
            case "month" -> start.plusMonths(1);
            case "quarter" -> start.plusMonths(3);
            default -> start.plusYears(1);
        };
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
