package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.Filters;
import datasense.tools.sql.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code distribution_plot}: a histogram of a numeric column (bins by the Freedman–Diaconis rule over the
 * whole column, clamped to 5..60, unless {@code bins} is given), counts per period for a date column, or a
 * bar chart of the 20 most frequent values plus "Other" for any other column. Writes
 * {@code dist_plots/<slug(column)>.png}.
 */
public final class DistributionPlotTool implements Tool {

    static final String NAME = "distribution_plot";
    static final int MIN_BINS = 5;
    static final int MAX_BINS = 60;
    static final int TOP_VALUES = 20;
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Dataset ds = ctx.dataset();
        Column column = ToolSupport.column(ds, ToolSupport.text(args, "column"));
        List<String> filters = Filters.conditions(args.get("filters"), ds);
        String path = "dist_plots/" + ToolSupport.slug(column.name()) + ".png";
        try (ToolSession s = ToolSession.open(ctx)) {
            if (column.numeric()) {
                return histogram(s, column, filters, ToolSupport.integer(args, "bins", 0), path);
            }
            if (column.temporal()) {
                return periods(s, column, filters, path);
            }
            return valueCounts(s, column, filters, path);
        }
    }

    private static ToolResult histogram(ToolSession s, Column column, List<String> filters, int requestedBins,
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
        if (hi == lo) {
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
        List<Charts.Bin> chartBins = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double start = first + i * width;
            double end = i == bins - 1 ? last : first + (i + 1) * width;
            chartBins.add(new Charts.Bin(start, end, perBin[i]));
            rows.add(Arrays.asList(start, end, perBin[i]));
        }
        Table table = new Table("histogram of " + column.name(), List.of(new Column("bin_start", "DOUBLE"),
                new Column("bin_end", "DOUBLE"), new Column("count", "BIGINT")), rows, rows.size(), false);
        byte[] png = Charts.histogram("Distribution of " + column.name(), column.name(), chartBins);
        Artifact artifact = new Artifact(path, "Distribution of " + column.name(), "image/png", "histogram", png);
        String summary = "Histogram of " + column.name() + ": " + ToolSupport.fmt(n) + " values in " + bins
                + (bins == 1 ? " bin" : " bins") + " from " + ToolSupport.fmt(((Number) stats.get(1)).doubleValue())
                + " to " + ToolSupport.fmt(hi) + ".";
        return new ToolResult(summary, List.of(table), List.of(artifact), s.sql());
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
        List<Charts.Slice> slices = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            slices.add(new Charts.Slice(String.valueOf(row.get(0)), ((Number) row.get(1)).doubleValue()));
        }
        byte[] png = Charts.columns("Rows per " + grain + " of " + column.name(), column.name() + " (" + grain + ")",
                "count", slices);
        Artifact artifact = new Artifact(path, "Distribution of " + column.name(), "image/png", "bar", png);
        Table table = r.table("rows per " + grain + " of " + column.name(), s.limits().inlineRows());
        String summary = "Rows per " + grain + " of " + column.name() + ": " + ToolSupport.fmt(n) + " values in "
                + r.rows().size() + " " + grain + "s.";
        return new ToolResult(summary, List.of(table), List.of(artifact), s.sql());
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
        List<Charts.Slice> slices = new ArrayList<>();
        long shown = 0;
        for (List<Object> row : r.rows()) {
            long count = ((Number) row.get(1)).longValue();
            shown += count;
            rows.add(Arrays.asList(row.get(0), count));
            slices.add(new Charts.Slice(String.valueOf(row.get(0)), count));
        }
        long rest = ((Number) total).longValue() - shown;
        if (rest > 0) {
            rows.add(Arrays.asList(Charts.OTHER, rest));
            slices.add(new Charts.Slice(Charts.OTHER, rest));
        }
        Table table = new Table("value counts of " + column.name(),
                List.of(new Column("value", "VARCHAR"), new Column("count", "BIGINT")), rows, rows.size(), false);
        byte[] png = Charts.barInOrder("Most frequent values of " + column.name(), column.name(), "count", slices);
        Artifact artifact = new Artifact(path, "Distribution of " + column.name(), "image/png", "bar", png);
        String summary = "Value counts of " + column.name() + ": " + ToolSupport.fmt(distinct) + " distinct values in "
                + ToolSupport.fmt(total) + " rows" + (rows.isEmpty() ? "" : "; most frequent " + rows.get(0).get(0)
                + " (" + ToolSupport.fmt(rows.get(0).get(1)) + ")") + ".";
        return new ToolResult(summary, List.of(table), List.of(artifact), s.sql());
    }

    private static String num(double d) {
        return BigDecimal.valueOf(d).toPlainString();
    }

}
