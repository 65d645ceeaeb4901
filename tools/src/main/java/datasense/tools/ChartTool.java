package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.FullResult.Axis;
import datasense.tools.chart.Charts;
import datasense.tools.chart.Figure;
import datasense.tools.chart.VegaLite;
import datasense.tools.sql.QueryResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code chart}: draws the table of an earlier step. Without a kind: a date-like x gives a line, two numeric
 * columns a scatter (or a line when x is a period number such as a year), anything else a bar chart of the
 * largest {@code top_n} categories plus "Other". Pie only when asked for, and only for non-negative values.
 * {@code series} names a column whose values become the colours: grouped (or {@code stacked}) bars, one line per
 * value, or coloured points; {@code label} annotates scatter points (a scatter of per-group aggregates).
 *
 * <p>It draws the whole result, not just the rows carried inline: when the input table was cut, it re-runs the SQL
 * that produced it ({@link FullResult}) and draws every point up to {@link #MAX_POINTS} (a scatter) or
 * {@link #MAX_LINE_ROWS} (a line); beyond, a scatter becomes 2-D bins and a line the means of 500 buckets of x,
 * and the chart says so in its subtitle. Bars and pies sum the full result per category. If the SQL is unknown or
 * cannot run again, it draws the inline rows and says that they are only the first ones.
 * Writes {@code charts/<slug(title or table label)>.png} and the Vega-Lite spec beside it.
 */
public final class ChartTool implements Tool {

    static final String NAME = "chart";
    static final int DEFAULT_TOP_N = 12;
    /** Series drawn at most: the largest, the rest summed as "Other" (bars, points) or left out (lines). */
    static final int MAX_SERIES = 10;
    /** A scatter draws every point up to this many, and 2-D bins beyond. */
    static final int MAX_POINTS = 20_000;
    /** A line draws every row up to this many, and the means of {@link #LINE_BUCKETS} buckets of x beyond. */
    static final int MAX_LINE_ROWS = 5_000;
    static final int LINE_BUCKETS = 500;
    /** Above this many distinct numbers on x, a line gets a numeric axis rather than one label per value. */
    private static final int MAX_CATEGORY_POINTS = 60;
    private static final ToolSpec SPEC = ToolSpec.load(NAME);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");
    private static final Pattern PERIOD_NAME =
            Pattern.compile("(?i).*(year|quarter|month|week|day|hour|period|date|time).*");

    /** The chart asked for, its columns resolved against the input table. */
    private record Chart(String title, String x, String y, String series, String label, boolean xDates,
                         boolean xNumeric, int topN, boolean stacked) {

        Figure.Frame frame(String note) {
            return new Figure.Frame(title, note, x, y, series);
        }
    }

    /** One row as a chart reads it; series and label are null when not asked for. */
    private record Row(Object x, Object y, Object series, Object label) {
    }

    /** What was drawn: the figure, its base kind, and how it relates to the whole result (for the summary). */
    record Drawing(Figure figure, String kind, String drawn) {
    }

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Table input = ctx.input();
        Chart c = chart(input, args);
        List<String> sql = new ArrayList<>();
        Drawing d = draw(ctx, c, ToolSupport.text(args, "kind"), sql);
        String title = ToolSupport.text(args, "title");
        String path = "charts/" + ToolSupport.slug(title != null ? title : input.label()) + ".png";
        Boolean stacked = c.series() != null && d.figure() instanceof Figure.Bars b ? b.stacked() : null;
        List<Artifact> artifacts = ToolSupport.chart(path, c.title(), d.kind(), d.figure(), c.series(), stacked);
        String per = "";
        if (c.series() != null) {
            per = switch (d.kind()) {
                case "bar" -> Boolean.TRUE.equals(stacked) ? ", stacked by " : ", grouped by ";
                case "line" -> ", one line per ";
                default -> ", coloured by ";
            } + c.series();
        }
        String summary = capitalise(d.kind()) + " chart of " + c.y() + " by " + c.x() + per + " from '"
                + input.label() + "' (" + d.drawn() + ").";
        return new ToolResult(summary, List.of(), artifacts, sql);
    }

    /** The figure the chart draws for its arguments, without rendering it (what {@link #run} draws). */
    Drawing drawing(ToolContext ctx, ObjectNode args) throws ToolException {
        return draw(ctx, chart(ctx.input(), args), ToolSupport.text(args, "kind"), new ArrayList<>());
    }

    private static Chart chart(Table input, ObjectNode args) throws ToolException {
        if (input == null) {
            throw new ToolException("no_input", "chart needs the table of an earlier step, and there is none.",
                    "Set from_step to the index of an earlier step that returned a table.");
        }
        if (input.columns().size() < 2 || input.rows().isEmpty()) {
            throw new ToolException("no_data", "The table '" + input.label() + "' has "
                    + (input.rows().isEmpty() ? "no rows" : "a single column") + " to draw.",
                    "Chart a step whose table has a category or date column and a numeric column.");
        }
        int xi = columnIndex(input, ToolSupport.text(args, "x"), 0);
        int yi = ToolSupport.text(args, "y") != null ? columnIndex(input, ToolSupport.text(args, "y"), -1)
                : firstNumericAfter(input, xi);
        if (yi < 0 || yi == xi) {
            throw new ToolException("bad_args", "The table '" + input.label() + "' has no numeric column to draw"
                    + " against " + input.columns().get(xi).name() + ".",
                    "Give y, one of: " + names(input.columns()));
        }
        int si = columnIndex(input, ToolSupport.text(args, "series"), -1);
        if (si == xi || si == yi) {
            throw new ToolException("bad_args", "series must be a third column, not the x or y column ("
                    + input.columns().get(si).name() + ").",
                    "Give series the column whose values become the colours, e.g. one of: "
                            + names(input.columns().stream().filter(col -> col != input.columns().get(xi)
                            && col != input.columns().get(yi)).toList()));
        }
        int li = columnIndex(input, ToolSupport.text(args, "label"), -1);
        String xName = input.columns().get(xi).name();
        String yName = input.columns().get(yi).name();
        String title = ToolSupport.text(args, "title");
        return new Chart(title != null ? title : yName + " by " + xName, xName, yName,
                si < 0 ? null : input.columns().get(si).name(), li < 0 ? null : input.columns().get(li).name(),
                dateLike(input, xi), numeric(input, xi), ToolSupport.integer(args, "top_n", DEFAULT_TOP_N),
                args.path("stacked").asBoolean(false));
    }

    private static Drawing draw(ToolContext ctx, Chart c, String asked, List<String> sql) throws ToolException {
        Table input = ctx.input();
        String kind = asked != null ? asked : defaultKind(input, c);
        if (c.label() != null && !kind.equals("scatter")) {
            throw new ToolException("bad_args", "label annotates the points of a scatter; a " + kind
                    + " chart has no points to label.", "Use kind scatter, or leave out label.");
        }
        if (kind.equals("scatter") && !c.xNumeric()) {
            throw new ToolException("bad_args", "A scatter chart needs a numeric x; " + c.x() + " is not.",
                    "Use kind bar or line, or give a numeric x.");
        }
        if (!List.of("bar", "line", "pie", "scatter").contains(kind)) {
            throw new ToolException("bad_args", "Unknown chart kind '" + kind + "'.", "Use bar, line, pie or scatter.");
        }
        String cut = null;
        if (input.truncated()) {
            String first = "the first " + ToolSupport.fmt(input.rows().size()) + " of "
                    + ToolSupport.fmt(input.totalRows()) + " rows";
            if (ctx.inputSql() == null) {
                cut = first + " only";
            } else {
                try (FullResult full = FullResult.open(ctx)) {
                    try {
                        return drawFull(full, c, kind);
                    } finally {
                        sql.addAll(full.sql());
                    }
                } catch (ToolException e) {
                    cut = first + " only: reading the whole result again failed (" + e.getMessage() + ")";
                }
            }
        }
        List<Row> rows = inline(input, c);
        String drawn = cut != null ? cut : ToolSupport.fmt(rows.size()) + (rows.size() == 1 ? " row" : " rows");
        return switch (kind) {
            case "scatter" -> points(c, rows, cut, drawn);
            case "line" -> lines(c, rows, cut, drawn);
            default -> bars(c, rows, kind.equals("pie"), cut, drawn);
        };
    }

    /** The drawing of the whole result, read again through {@code full}. */
    private static Drawing drawFull(FullResult full, Chart c, String kind) throws ToolException {
        List<String> columns = new ArrayList<>(List.of(c.x(), c.y()));
        if (c.series() != null) {
            columns.add(c.series());
        }
        if (kind.equals("scatter")) {
            List<Object> b = full.bounds(c.x(), Axis.NUMBER, c.y());
            long n = ((Number) b.get(0)).longValue();
            if (n <= MAX_POINTS) {
                if (c.label() != null) {
                    columns.add(c.label());
                }
                List<Row> rows = rows(full.rows(columns, c.x(), Axis.NUMBER, c.y(), MAX_POINTS), c, columns);
                return points(c, rows, null, "all " + ToolSupport.fmt(rows.size()) + " points, read again in full");
            }
            Figure.Grid grid = Figure.Grid.over(num(b.get(1)), num(b.get(2)), VegaLite.BINS_X, num(b.get(3)),
                    num(b.get(4)), VegaLite.BINS_Y);
            long[] counts = new long[grid.nx() * grid.ny()];
            for (List<Object> r : full.cells(c.x(), c.y(), grid).rows()) {
                counts[((Number) r.get(1)).intValue() * grid.nx() + ((Number) r.get(0)).intValue()] =
                        ((Number) r.get(2)).longValue();
            }
            String binned = "binned: " + ToolSupport.fmt(n) + " points in " + grid.nx() + "x" + grid.ny() + " cells";
            String note = binned + (c.series() != null || c.label() != null ? " (series and labels are not drawn)" : "");
            return new Drawing(new Figure.Density(c.frame(note).withSeries(null), grid, counts, n), "scatter", note);
        }
        if (kind.equals("line")) {
            Axis axis = c.xDates() ? Axis.DATE : c.xNumeric() ? Axis.NUMBER : Axis.TEXT;
            List<Object> b = full.bounds(c.x(), axis, null);
            long n = ((Number) b.get(0)).longValue();
            if (n <= MAX_LINE_ROWS || axis == Axis.TEXT) {
                QueryResult r = full.rows(columns, c.x(), axis, null, MAX_LINE_ROWS);
                List<Row> rows = rows(r, c, columns);
                String note = r.overLimit() ? "the first " + ToolSupport.fmt(rows.size()) + " of "
                        + ToolSupport.fmt(n) + " rows" : null;
                return lines(c, rows, note, note != null ? note : "all " + ToolSupport.fmt(rows.size())
                        + " rows, read again in full");
            }
            QueryResult r = full.buckets(c.x(), axis, c.series(), c.y(), num(b.get(1)), num(b.get(2)), LINE_BUCKETS);
            List<String> bucketed = new ArrayList<>(List.of("bucket"));
            if (c.series() != null) {
                bucketed.add(c.series());
            }
            bucketed.add(c.x());
            bucketed.add(c.y());
            String note = "averaged: " + ToolSupport.fmt(n) + " rows in " + LINE_BUCKETS + " buckets of " + c.x();
            return lines(c, rows(r, c, bucketed), note, note);
        }
        QueryResult r = full.sums(c.x(), c.series(), c.y(), c.xDates());
        List<String> summed = new ArrayList<>(List.of(c.x()));
        if (c.series() != null) {
            summed.add(c.series());
        }
        summed.add(c.y());
        return bars(c, rows(r, c, summed), kind.equals("pie"), null, "summed over the whole result, read again: "
                + ToolSupport.fmt(r.rows().size()) + (c.series() == null ? " categories" : " category and series pairs"));
    }

    private static String defaultKind(Table input, Chart c) {
        if (c.xDates()) {
            return "line";
        }
        if (c.xNumeric() && PERIOD_NAME.matcher(c.x()).matches() && integral(input, input.columns().stream()
                .map(Column::name).toList().indexOf(c.x()))) {
            return "line";
        }
        return c.xNumeric() ? "scatter" : "bar";
    }

    // ---- figures from rows (the inline table's, or the whole result's as read again) ----

    /**
     * Bars (or a pie) of y summed per x, and per series: the largest {@code top_n} categories, the rest as
     * "Other" (dates keep every period, in order); at most {@link #MAX_SERIES} series.
     */
    private static Drawing bars(Chart c, List<Row> rows, boolean pie, String note, String drawn) {
        Map<String, Map<Object, Double>> sums = new LinkedHashMap<>();
        Map<Object, Double> seriesTotals = new LinkedHashMap<>();
        for (Row r : rows) {
            double y = r.y() instanceof Number n ? n.doubleValue() : 0;
            sums.computeIfAbsent(ToolSupport.label(r.x()), k -> new LinkedHashMap<>()).merge(r.series(), y, Double::sum);
            seriesTotals.merge(r.series(), Math.abs(y), Double::sum);
        }
        List<String> categories = new ArrayList<>(sums.keySet());
        Map<String, Double> totals = new LinkedHashMap<>();
        categories.forEach(k -> totals.put(k, sums.get(k).values().stream().mapToDouble(Double::doubleValue).sum()));
        if (c.series() == null) {
            List<Figure.Slice> slices = categories.stream().map(k -> new Figure.Slice(k, totals.get(k))).toList();
            if (pie && slices.stream().noneMatch(s -> s.value() < 0)) {
                return new Drawing(new Figure.Pie(c.frame(note), Charts.top(slices, c.topN())), "pie", drawn);
            }
            String pieNote = pie ? "; a pie cannot show negative values, so bars were drawn" : "";
            List<Figure.Slice> shown = c.xDates() ? slices.stream()
                    .sorted(Comparator.comparing(Figure.Slice::category)).toList() : Charts.top(slices, c.topN());
            return new Drawing(new Figure.Bars(c.frame(note), shown.stream().map(Figure.Slice::category).toList(),
                    List.of(new Figure.Series(c.y(), shown.stream().mapToDouble(Figure.Slice::value).toArray())),
                    false, c.xDates()), "bar", drawn + pieNote);
        }
        List<String> shownCategories;
        boolean other = false;
        if (c.xDates()) {
            shownCategories = categories.stream().sorted().toList();
        } else {
            List<String> bySize = categories.stream()
                    .sorted(Comparator.comparingDouble((String k) -> totals.get(k)).reversed()).toList();
            other = bySize.size() > c.topN();
            shownCategories = new ArrayList<>(bySize.subList(0, Math.min(c.topN(), bySize.size())));
            if (other) {
                shownCategories.add(Charts.OTHER);
            }
        }
        SeriesCut cut = SeriesCut.of(seriesTotals, true, c.series() == null ? c.y() : null);
        List<Figure.Series> series = new ArrayList<>();
        for (String name : cut.names()) {
            double[] values = new double[shownCategories.size()];
            Arrays.fill(values, Double.NaN);
            series.add(new Figure.Series(name, values));
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < shownCategories.size(); i++) {
            at.put(shownCategories.get(i), i);
        }
        sums.forEach((category, perSeries) -> {
            Integer ci = at.get(category);
            int col = ci != null ? ci : at.get(Charts.OTHER);
            perSeries.forEach((key, value) -> {
                double[] values = series.get(cut.index(key)).values();
                values[col] = Double.isNaN(values[col]) ? value : values[col] + value;
            });
        });
        String seriesNote = cut.note(c.series());
        Figure.Frame frame = c.frame(join(note, seriesNote));
        String pieNote = pie ? "; a pie has no series, so stacked bars were drawn" : "";
        return new Drawing(new Figure.Bars(frame, shownCategories, series, c.stacked() || pie, c.xDates()), "bar",
                join(drawn, seriesNote) + pieNote);
    }

    /** One line per series (at most {@link #MAX_SERIES}, the largest), over dates, numbers or ordered labels. */
    private static Drawing lines(Chart c, List<Row> rows, String note, String drawn) {
        Map<Object, Double> totals = new LinkedHashMap<>();
        for (Row r : rows) {
            totals.merge(r.series(), r.y() instanceof Number n ? Math.abs(n.doubleValue()) : 0, Double::sum);
        }
        SeriesCut cut = SeriesCut.of(totals, false, c.series() == null ? c.y() : null);
        String seriesNote = cut.note(c.series());
        Figure.Frame frame = c.frame(join(note, seriesNote));
        String summary = join(drawn, seriesNote);
        Set<Object> distinctX = new HashSet<>();
        rows.forEach(r -> distinctX.add(r.x()));
        if (c.xDates() || (c.xNumeric() && distinctX.size() > MAX_CATEGORY_POINTS)) {
            List<List<double[]>> points = new ArrayList<>();
            cut.names().forEach(n -> points.add(new ArrayList<>()));
            for (Row r : rows) {
                int s = cut.index(r.series());
                double x = c.xDates() ? millis(r.x()) : r.x() instanceof Number n ? n.doubleValue() : Double.NaN;
                if (s >= 0 && !Double.isNaN(x)) {
                    points.get(s).add(new double[] {x, r.y() instanceof Number n ? n.doubleValue() : Double.NaN});
                }
            }
            List<Figure.Line> lines = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                List<double[]> p = points.get(i);
                p.sort(Comparator.comparingDouble(a -> a[0]));
                lines.add(new Figure.Line(cut.names().get(i), p.stream().mapToDouble(a -> a[0]).toArray(),
                        p.stream().mapToDouble(a -> a[1]).toArray()));
            }
            return new Drawing(new Figure.Lines(frame, c.xDates(), lines), "line", summary);
        }
        Map<String, Integer> at = new LinkedHashMap<>();
        rows.forEach(r -> at.putIfAbsent(ToolSupport.label(r.x()), at.size()));
        List<Figure.Series> series = new ArrayList<>();
        for (String name : cut.names()) {
            double[] values = new double[at.size()];
            Arrays.fill(values, Double.NaN);
            series.add(new Figure.Series(name, values));
        }
        for (Row r : rows) {
            int s = cut.index(r.series());
            if (s >= 0) {
                series.get(s).values()[at.get(ToolSupport.label(r.x()))] =
                        r.y() instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        }
        return new Drawing(new Figure.CategoryLines(frame, new ArrayList<>(at.keySet()), series), "line", summary);
    }

    /** Points coloured per series (at most {@link #MAX_SERIES}, the rest as "Other"), labelled when asked. */
    private static Drawing points(Chart c, List<Row> rows, String note, String drawn) {
        Map<Object, Double> counts = new LinkedHashMap<>();
        List<Row> valid = rows.stream().filter(r -> r.x() instanceof Number && r.y() instanceof Number).toList();
        valid.forEach(r -> counts.merge(r.series(), 1.0, Double::sum));
        SeriesCut cut = SeriesCut.of(counts, true, c.series() == null ? c.y() : null);
        List<List<Row>> groups = new ArrayList<>();
        cut.names().forEach(n -> groups.add(new ArrayList<>()));
        valid.forEach(r -> groups.get(cut.index(r.series())).add(r));
        List<Figure.PointGroup> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Row> g = groups.get(i);
            out.add(new Figure.PointGroup(cut.names().get(i),
                    g.stream().mapToDouble(r -> ((Number) r.x()).doubleValue()).toArray(),
                    g.stream().mapToDouble(r -> ((Number) r.y()).doubleValue()).toArray(),
                    c.label() == null ? null : g.stream().map(r -> r.label() == null ? null
                            : ToolSupport.label(r.label())).toList()));
        }
        String seriesNote = cut.note(c.series());
        return new Drawing(new Figure.Points(c.frame(join(note, seriesNote)), out), "scatter",
                join(drawn, seriesNote));
    }

    /**
     * The series of a chart in their natural order (numbers numerically, else by name), cut to the
     * {@link #MAX_SERIES} largest by the given totals; the rest go to "Other" when {@code other}, else are left out.
     * Without a series column there is one series, keyed null and named {@code single} (null when there is a series column).
     */
    private record SeriesCut(List<String> names, Map<Object, Integer> index, int total, boolean other) {

        static SeriesCut of(Map<Object, Double> totals, boolean other, String single) {
            List<Object> keys = new ArrayList<>(totals.keySet());
            Set<Object> kept = new HashSet<>(keys);
            boolean cut = keys.size() > MAX_SERIES;
            if (cut) {
                kept = keys.stream().sorted(Comparator.comparingDouble((Object k) -> totals.get(k)).reversed())
                        .limit(other ? MAX_SERIES - 1 : MAX_SERIES).collect(Collectors.toSet());
            }
            List<Object> ordered = new ArrayList<>(kept);
            ordered.sort(SeriesCut::natural);
            Map<Object, Integer> index = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (Object k : ordered) {
                index.put(k, names.size());
                names.add(k == null && single != null ? single : ToolSupport.label(k));
            }
            if (cut && other) {
                int o = names.size();
                names.add(Charts.OTHER);
                keys.stream().filter(k -> !index.containsKey(k)).forEach(k -> index.put(k, o));
            }
            return new SeriesCut(names, index, keys.size(), cut && other);
        }

        /** The position of a series key; -1 when it was left out. */
        int index(Object key) {
            return index.getOrDefault(key, -1);
        }

        /** What the cut left out, for the subtitle; null when nothing. */
        String note(String column) {
            if (total <= MAX_SERIES) {
                return null;
            }
            int shown = other ? MAX_SERIES - 1 : MAX_SERIES;
            return "the " + shown + " largest of " + total + " values of " + column + (other ? ", the rest as Other" : "");
        }

        private static int natural(Object a, Object b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return ToolSupport.label(a).compareTo(ToolSupport.label(b));
        }
    }

    // ---- rows ----

    private static List<Row> inline(Table t, Chart c) {
        List<String> names = t.columns().stream().map(Column::name).toList();
        return rows(t.rows(), names, c);
    }

    private static List<Row> rows(QueryResult r, Chart c, List<String> columns) {
        return rows(r.rows(), columns, c);
    }

    private static List<Row> rows(List<List<Object>> rows, List<String> columns, Chart c) {
        int xi = columns.indexOf(c.x());
        int yi = columns.indexOf(c.y());
        int si = c.series() == null ? -1 : columns.indexOf(c.series());
        int li = c.label() == null ? -1 : columns.indexOf(c.label());
        List<Row> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            out.add(new Row(row.get(xi), row.get(yi), si < 0 ? null : row.get(si), li < 0 ? null : row.get(li)));
        }
        return out;
    }

    // ---- the input table's columns ----

    private static int columnIndex(Table t, String name, int fallback) throws ToolException {
        if (name == null) {
            return fallback;
        }
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new ToolException("unknown_column", "The table '" + t.label() + "' has no column '" + name + "'.",
                "Use one of: " + names(t.columns()));
    }

    private static int firstNumericAfter(Table t, int xi) {
        for (int i = 0; i < t.columns().size(); i++) {
            int j = (xi + 1 + i) % t.columns().size();
            if (j != xi && numeric(t, j)) {
                return j;
            }
        }
        return -1;
    }

    private static boolean numeric(Table t, int i) {
        if (t.columns().get(i).numeric()) {
            return true;
        }
        boolean any = false;
        for (List<Object> row : t.rows()) {
            Object v = row.get(i);
            if (v != null && !(v instanceof Number)) {
                return false;
            }
            any |= v != null;
        }
        return any;
    }

    private static boolean integral(Table t, int i) {
        for (List<Object> row : t.rows()) {
            if (row.get(i) instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean dateLike(Table t, int i) {
        if (t.columns().get(i).temporal()) {
            return true;
        }
        boolean any = false;
        for (List<Object> row : t.rows()) {
            Object v = row.get(i);
            if (v == null) {
                continue;
            }
            if (!(v instanceof String s) || !ISO_DATE.matcher(s).matches() || toDateTime(s) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static LocalDateTime toDateTime(Object v) {
        if (!(v instanceof String s)) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A date-like cell as epoch milliseconds (UTC); NaN when it is not a date. */
    private static double millis(Object v) {
        LocalDateTime t = toDateTime(v);
        return t == null ? Double.NaN : t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
