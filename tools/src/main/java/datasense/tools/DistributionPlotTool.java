package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import datasense.tools.chart.Figure;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.Filters;
import datasense.tools.sql.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code distribution_plot}: a histogram of a numeric column (bins by the Freedman–Diaconis rule over the
 * whole column, clamped to 5..60, unless {@code bins} is given), counts per period for a date column, or a
 * bar chart of the 20 most frequent values plus "Other" for any other column; or, with {@code kind: "box"} (implied by
 * {@code by}), box plots of a numeric column, one per group of {@code by}. Writes
 * {@code dist_plots/<slug(column)>.png} (box plots {@code dist_plots/<column>_box[_by_<by>].png}) and its
 * Vega-Lite spec beside it.
 */
public final class DistributionPlotTool implements Tool {

    static final String NAME = "distribution_plot";
    static final int MIN_BINS = 5;
    static final int MAX_BINS = 60;
    static final int TOP_VALUES = 20;
    /** Box plots draw at most this many groups, the largest. */
    static final int MAX_BOXES = 30;
    /** Outliers drawn per box and side (the most extreme distinct values); all are counted. */
    static final int OUTLIERS_SHOWN = 50;
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Dataset ds = ctx.dataset();
        Column column = ToolSupport.column(ds, ToolSupport.text(args, "column"));
        String byName = ToolSupport.text(args, "by");
        Column by = byName == null ? null : ToolSupport.column(ds, byName);
        String kind = ToolSupport.text(args, "kind");
        boolean box = "box".equals(kind) || (kind == null && by != null);
        if (by != null && !box) {
            throw new ToolException("bad_args", "A histogram has no groups, so by=" + by.name() + " cannot be used.",
                    "Use kind box for one box per " + by.name() + ", or leave out by.");
        }
        if (box && !column.numeric()) {
            throw new ToolException("bad_args", "A box plot needs a numeric column; " + column.name() + " is "
                    + column.type() + ".", "Pick a numeric column: " + ds.columns().stream().filter(Column::numeric)
                    .map(Column::name).collect(Collectors.joining(", ")));
        }
        if (by != null && by.name().equals(column.name())) {
            throw new ToolException("bad_args", "by names the plotted column itself.",
                    "Give by a grouping column other than " + column.name() + ".");
        }
        List<String> filters = Filters.conditions(args.get("filters"), ds);
        String base = "dist_plots/" + ToolSupport.slug(column.name());
        try (ToolSession s = ToolSession.open(ctx)) {
            if (box) {
                return boxes(s, column, by, filters,
                        base + "_box" + (by == null ? "" : "_by_" + ToolSupport.slug(by.name())) + ".png");
            }
            if (column.numeric()) {
                double width = args.path("bin_width").asDouble(0);
                return histogram(s, column, filters, ToolSupport.integer(args, "bins", 0), width, base + ".png");
            }
            if (column.temporal()) {
                return periods(s, column, filters, base + ".png");
            }
            return valueCounts(s, column, filters, base + ".png");
        }
    }

    /**
     * One box per group (or one for the whole column), all computed by DuckDB in one statement: the five-number
     * summary by {@code quantile_cont}, the whisker ends and the outliers beyond 1.5 IQR, of the
     * {@link #MAX_BOXES} largest groups; only the most extreme {@link #OUTLIERS_SHOWN} outliers on each side come
     * back, so no raw column is pulled into Java.
     */
    private static ToolResult boxes(ToolSession s, Column column, Column by, List<String> filters, String path)
            throws ToolException {
        String v = DuckDb.quoteIdent(column.name());
        String g = by == null ? DuckDb.quoteLiteral(column.name()) : DuckDb.quoteIdent(by.name());
        List<String> conditions = new ArrayList<>(filters);
        conditions.add(v + " IS NOT NULL");
        String fence = "1.5 * (s.q3 - s.q1)";
        String low = "v.v < s.q1 - " + fence;
        String high = "v.v > s.q3 + " + fence;
        QueryResult r = s.run("WITH v AS (SELECT " + g + " AS g, " + v + "::DOUBLE AS v FROM " + s.table()
                + ToolSupport.where(conditions) + "),"
                + " sizes AS (SELECT g, count(*) AS n FROM v GROUP BY g),"
                + " kept AS (SELECT g FROM sizes ORDER BY n DESC, g NULLS LAST LIMIT " + MAX_BOXES + "),"
                + " s AS (SELECT v.g, count(*) AS n, min(v.v) AS lo, quantile_cont(v.v, 0.25) AS q1,"
                + " quantile_cont(v.v, 0.5) AS med, quantile_cont(v.v, 0.75) AS q3, max(v.v) AS hi"
                + " FROM v JOIN kept ON v.g IS NOT DISTINCT FROM kept.g GROUP BY v.g)"
                + " SELECT s.g, s.n, s.lo, s.q1, s.med, s.q3, s.hi,"
                + " min(v.v) FILTER (WHERE NOT (" + low + ")) AS low_whisker,"
                + " max(v.v) FILTER (WHERE NOT (" + high + ")) AS high_whisker,"
                + " count(*) FILTER (WHERE " + low + " OR " + high + ") AS outliers,"
                + " list_slice(list(DISTINCT v.v ORDER BY v.v) FILTER (WHERE " + low + "), 1, " + OUTLIERS_SHOWN
                + ") AS low_outliers,"
                + " list_slice(list(DISTINCT v.v ORDER BY v.v DESC) FILTER (WHERE " + high + "), 1, " + OUTLIERS_SHOWN
                + ") AS high_outliers,"
                + " (SELECT count(*) FROM sizes) AS n_groups,"
                + " count(DISTINCT v.v) FILTER (WHERE " + low + " OR " + high + ") AS distinct_outliers"
                + " FROM s JOIN v ON v.g IS NOT DISTINCT FROM s.g GROUP BY ALL ORDER BY s.g NULLS LAST");
        if (r.rows().isEmpty()) {
            throw new ToolException("no_data", "No values of " + column.name() + " to plot"
                    + (filters.isEmpty() ? "." : " with these filters."), "Loosen the filters or pick another column.");
        }
        List<Figure.Box> boxes = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long values = 0;
        long outliers = 0;
        boolean cut = false;
        for (List<Object> row : r.rows()) {
            String group = by == null ? column.name() : ToolSupport.label(row.get(0));
            long n = ((Number) row.get(1)).longValue();
            long out = ((Number) row.get(9)).longValue();
            List<Double> shown = new ArrayList<>();
            for (int i : new int[] {10, 11}) {
                if (row.get(i) instanceof List<?> list) {
                    list.forEach(o -> shown.add(((Number) o).doubleValue()));
                }
            }
            cut |= shown.size() < ((Number) row.get(13)).longValue();
            boxes.add(new Figure.Box(group, n, num(row, 2), num(row, 3), num(row, 4), num(row, 5), num(row, 6),
                    num(row, 7), num(row, 8), out, shown));
            rows.add(Arrays.asList(group, n, row.get(2), row.get(3), row.get(4), row.get(5), row.get(6), out));
            values += n;
            outliers += out;
        }
        long groups = ((Number) r.rows().get(0).get(12)).longValue();
        List<String> notes = new ArrayList<>();
        if (groups > boxes.size()) {
            notes.add("the " + boxes.size() + " largest of " + ToolSupport.fmt(groups) + " groups");
        }
        if (cut) {
            notes.add("outliers: the " + OUTLIERS_SHOWN + " most extreme on each side of a box are drawn");
        }
        String what = column.name() + (by == null ? "" : " by " + by.name());
        Figure.Frame frame = new Figure.Frame("Box plot of " + what, notes.isEmpty() ? null : String.join("; ", notes),
                by == null ? null : by.name(), column.name(), null);
        List<Artifact> artifacts = ToolSupport.chart(path, "Box plot of " + what, "box",
                new Figure.Boxes(frame, boxes));
        String groupColumn = by == null ? "column" : by.name();
        Table table = new Table("box plot of " + what, List.of(new Column(groupColumn, "VARCHAR"),
                new Column("n", "BIGINT"), new Column("min", "DOUBLE"), new Column("q1", "DOUBLE"),
                new Column("median", "DOUBLE"), new Column("q3", "DOUBLE"), new Column("max", "DOUBLE"),
                new Column("outliers", "BIGINT")), rows, rows.size(), false);
        Figure.Box lowest = boxes.stream().min(Comparator.comparingDouble(Figure.Box::median)).orElseThrow();
        Figure.Box highest = boxes.stream().max(Comparator.comparingDouble(Figure.Box::median)).orElseThrow();
        StringBuilder summary = new StringBuilder("Box plot of ").append(what).append(": ");
        if (by == null) {
            summary.append(ToolSupport.fmt(values)).append(" values, median ").append(ToolSupport.fmt(lowest.median()))
                    .append(", quartiles ").append(ToolSupport.fmt(lowest.q1())).append(" to ")
                    .append(ToolSupport.fmt(lowest.q3()));
        } else {
            summary.append(boxes.size()).append(boxes.size() == 1 ? " group, " : " groups, ")
                    .append(ToolSupport.fmt(values)).append(" values; median from ")
                    .append(ToolSupport.fmt(lowest.median())).append(" (").append(lowest.group()).append(") to ")
                    .append(ToolSupport.fmt(highest.median())).append(" (").append(highest.group()).append(")");
        }
        summary.append("; ").append(ToolSupport.fmt(outliers)).append(outliers == 1 ? " value" : " values")
                .append(" beyond 1.5 IQR of the quartiles");
        if (!notes.isEmpty()) {
            summary.append(" (").append(String.join("; ", notes)).append(")");
        }
        return new ToolResult(summary.append('.').toString(), List.of(table), artifacts, s.sql());
    }

    private static double num(List<Object> row, int i) {
        return ((Number) row.get(i)).doubleValue();
    }

    private static ToolResult histogram(ToolSession s, Column column, List<String> filters, int requestedBins,
                                        double binWidth,
                                        String path) throws ToolException {
        String col = DuckDb.quoteIdent(column.name());
        List<String> conditions = new ArrayList<>(filters);
        conditions.add(col + " IS NOT NULL");
        String from = " FROM " + s.table() + ToolSupport.where(conditions);
        List<Object> stats = s.one("SELECT count(*) AS n, min(" + col + ")::DOUBLE AS lo, max(" + col
                + ")::DOUBLE AS hi, quantile_cont(" + col + ", 0.25)::DOUBLE AS q1, quantile_cont(" + col
                + ", 0.75)::DOUBLE AS q3" + from);
        long n = ((Number) stats.get(0)).longValue();
        if (n == 0) {
            throw new ToolException("no_data", "No values of " + column.name() + " to plot"
                    + (filters.isEmpty() ? "." : " with these filters."), "Loosen the filters or pick another column.");
        }
        double lo = ((Number) stats.get(1)).doubleValue();
        double hi = ((Number) stats.get(2)).doubleValue();
        double iqr = ((Number) stats.get(4)).doubleValue() - ((Number) stats.get(3)).doubleValue();
        int bins = requestedBins > 0 ? requestedBins : binCount(n, lo, hi, iqr);
        double first = lo;
        double last = hi;
        if (binWidth > 0) {
            // bins of the asked width, starting at a multiple of it: 250 wide gives 0-250, 250-500, ...
            first = Math.floor(lo / binWidth) * binWidth;
            long count = (long) Math.floor((hi - first) / binWidth) + 1;
            if (count > 200) {
                throw new ToolException("bad_args", "Bins " + ToolSupport.fmt(binWidth) + " wide make " + count
                        + " bins over " + column.name() + " (" + ToolSupport.fmt(lo) + " to " + ToolSupport.fmt(hi)
                        + "); at most 200 are drawn.", "Ask for wider bins.");
            }
            bins = (int) count;
            last = first + bins * binWidth;
        } else if (hi == lo) {
            bins = 1; // a single value: one bar centred on it
            first = lo - 0.5;
            last = hi + 0.5;
        }
        double width = (last - first) / bins;
        // floor((x - lo) / width), with the maximum folded into the last bin so every value is counted once.
        String binExpr = "least(CAST(floor((" + col + "::DOUBLE - " + num(first) + ") / " + num(width)
                + ") AS BIGINT), " + (bins - 1) + ")";
        QueryResult counts = s.run("SELECT " + binExpr + " AS bin, count(*) AS count" + from
                + " GROUP BY 1 ORDER BY 1");
        long[] perBin = new long[bins];
        for (List<Object> r : counts.rows()) {
            int b = (int) Math.max(0, Math.min(bins - 1, ((Number) r.get(0)).longValue()));
            perBin[b] += ((Number) r.get(1)).longValue();
        }
        List<Figure.Bin> chartBins = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double start = first + i * width;
            double end = i == bins - 1 ? last : first + (i + 1) * width;
            chartBins.add(new Figure.Bin(start, end, perBin[i]));
            if (perBin[i] > 0) {
                rows.add(Arrays.asList(start, end, perBin[i])); // the table lists bins that hold values, as GROUP BY
            }                                                    // would; the chart draws every bin, gaps included
        }
        Table table = new Table("histogram of " + column.name(), List.of(new Column("bin_start", "DOUBLE"),
                new Column("bin_end", "DOUBLE"), new Column("count", "BIGINT")), rows, rows.size(), false);
        Figure figure = new Figure.Histogram(Figure.Frame.of("Distribution of " + column.name(), column.name(), "count"),
                chartBins);
        List<Artifact> artifacts = ToolSupport.chart(path, "Distribution of " + column.name(), "histogram", figure);
        String summary = "Histogram of " + column.name() + ": " + ToolSupport.fmt(n) + " values in " + bins
                + (bins == 1 ? " bin" : " bins") + " from " + ToolSupport.fmt(((Number) stats.get(1)).doubleValue())
                + " to " + ToolSupport.fmt(hi) + ".";
        return new ToolResult(summary, List.of(table), artifacts, s.sql());
    }

    /** Freedman–Diaconis: width 2·IQR/n^(1/3); Sturges when the IQR is zero; clamped to 5..60. */
    static int binCount(long n, double lo, double hi, double iqr) {
        double raw;
        double width = 2 * iqr / Math.cbrt(n);
        if (width > 0 && hi > lo) {
            raw = Math.ceil((hi - lo) / width);
        } else {
            raw = Math.ceil(Math.log(n) / Math.log(2) + 1);
        }
        return (int) Math.max(MIN_BINS, Math.min(MAX_BINS, raw));
    }

    private static ToolResult periods(ToolSession s, Column column, List<String> filters, String path)
            throws ToolException {
        String col = DuckDb.quoteIdent(column.name());
        List<String> conditions = new ArrayList<>(filters);
        conditions.add(col + " IS NOT NULL");
        String from = " FROM " + s.table() + ToolSupport.where(conditions);
        List<Object> span = s.one("SELECT count(*) AS n, date_diff('day', min(" + col + "), max(" + col
                + ")) AS days" + from);
        long n = ((Number) span.get(0)).longValue();
        if (n == 0) {
            throw new ToolException("no_data", "No values of " + column.name() + " to plot.",
                    "Loosen the filters or pick another column.");
        }
        String grain = TrendPlotTool.grainFor(((Number) span.get(1)).longValue());
        QueryResult r = s.run("SELECT CAST(date_trunc('" + grain + "', " + col + ") AS DATE) AS period,"
                + " count(*) AS count" + from + " GROUP BY 1 ORDER BY 1");
        List<String> periods = new ArrayList<>();
        double[] counts = new double[r.rows().size()];
        for (List<Object> row : r.rows()) {
            counts[periods.size()] = ((Number) row.get(1)).doubleValue();
            periods.add(String.valueOf(row.get(0)));
        }
        Figure figure = new Figure.Bars(Figure.Frame.of("Rows per " + grain + " of " + column.name(),
                column.name() + " (" + grain + ")", "count"), periods, List.of(new Figure.Series("count", counts)),
                false, true);
        List<Artifact> artifacts = ToolSupport.chart(path, "Distribution of " + column.name(), "bar", figure);
        Table table = r.table("rows per " + grain + " of " + column.name(), s.limits().inlineRows());
        String summary = "Rows per " + grain + " of " + column.name() + ": " + ToolSupport.fmt(n) + " values in "
                + r.rows().size() + " " + grain + "s.";
        return new ToolResult(summary, List.of(table), artifacts, s.sql());
    }

    private static ToolResult valueCounts(ToolSession s, Column column, List<String> filters, String path)
            throws ToolException {
        String col = DuckDb.quoteIdent(column.name());
        String from = " FROM " + s.table() + ToolSupport.where(filters);
        Object total = s.one("SELECT count(*) AS n" + from).get(0);
        Object distinct = s.one("SELECT count(DISTINCT " + col + ") AS n" + from).get(0);
        QueryResult r = s.run("SELECT coalesce(CAST(" + col + " AS VARCHAR), '(missing)') AS value, count(*) AS count"
                + from + " GROUP BY 1 ORDER BY count DESC, value LIMIT " + TOP_VALUES);
        List<List<Object>> rows = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        long shown = 0;
        for (List<Object> row : r.rows()) {
            long count = ((Number) row.get(1)).longValue();
            shown += count;
            rows.add(Arrays.asList(row.get(0), count));
            values.add(String.valueOf(row.get(0)));
            counts.add((double) count);
        }
        long rest = ((Number) total).longValue() - shown;
        if (rest > 0) {
            rows.add(Arrays.asList(Charts.OTHER, rest));
            values.add(Charts.OTHER);
            counts.add((double) rest);
        }
        Table table = new Table("value counts of " + column.name(),
                List.of(new Column("value", "VARCHAR"), new Column("count", "BIGINT")), rows, rows.size(), false);
        Figure figure = new Figure.Bars(Figure.Frame.of("Most frequent values of " + column.name(), column.name(),
                "count"), values, List.of(new Figure.Series("count", counts.stream().mapToDouble(d -> d).toArray())),
                false, false);
        List<Artifact> artifacts = ToolSupport.chart(path, "Distribution of " + column.name(), "bar", figure);
        String summary = "Value counts of " + column.name() + ": " + ToolSupport.fmt(distinct) + " distinct values in "
                + ToolSupport.fmt(total) + " rows" + (rows.isEmpty() ? "" : "; most frequent " + rows.get(0).get(0)
                + " (" + ToolSupport.fmt(rows.get(0).get(1)) + ")") + ".";
        return new ToolResult(summary, List.of(table), artifacts, s.sql());
    }

    private static String num(double d) {
        return BigDecimal.valueOf(d).toPlainString();
    }

}
