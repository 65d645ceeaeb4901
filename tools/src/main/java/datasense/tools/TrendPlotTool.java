package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Figure;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.Filters;
import datasense.tools.sql.QueryResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code trend_plot}: an aggregate of a value column (or the row count) per time bucket of a date column,
 * as a table and a line chart. Writes {@code trend_plots/<slug(value_column or "count")>.png}.
 *
 * <p>When no grain is given it follows from the span between the first and last date, aiming at roughly
 * 12 to 120 points: up to 62 days by day, up to a year by week, up to 10 years by month, up to 30 years by
 * quarter, beyond that by year.
 */
public final class TrendPlotTool implements Tool {

    static final String NAME = "trend_plot";
    private static final ToolSpec SPEC = ToolSpec.load(NAME);

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    /** The bucket size for a span of {@code days} days (see the class comment). */
    public static String grainFor(long days) {
        if (days <= 62) {
            return "day";
        }
        if (days <= 366) {
            return "week";
        }
        if (days <= 3653) {
            return "month";
        }
        if (days <= 10958) {
            return "quarter";
        }
        return "year";
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Dataset ds = ctx.dataset();
        Column date = dateColumn(ds, ToolSupport.text(args, "date_column"));
        String valueName = ToolSupport.text(args, "value_column");
        Column value = valueName == null ? null : ToolSupport.column(ds, valueName);
        String agg = ToolSupport.text(args, "agg");
        if (agg == null) {
            agg = value == null ? "count" : "sum";
        }
        if (value == null && !agg.equals("count")) {
            throw new ToolException("bad_args", "agg=" + agg + " needs a value_column.",
                    "Give value_column (a numeric column), or use agg=count to count rows.");
        }
        if (value != null && !value.numeric() && !agg.equals("count") && !agg.equals("count_distinct")) {
            throw new ToolException("bad_args", value.name() + " is not numeric, so it cannot be " + agg + "-aggregated.",
                    "Use agg=count or count_distinct, or pick a numeric value_column: " + ds.columns().stream()
                            .filter(Column::numeric).map(Column::name).collect(Collectors.joining(", ")));
        }
        String dateCol = DuckDb.quoteIdent(date.name());
        String measure = measure(agg, value);
        String measureLabel = value == null ? "count of rows" : agg.replace('_', ' ') + " of " + value.name();
        List<String> conditions = new ArrayList<>(Filters.conditions(args.get("filters"), ds));
        conditions.add(dateCol + " IS NOT NULL");
        try (ToolSession s = ToolSession.open(ctx)) {
            String from = " FROM " + s.table() + ToolSupport.where(conditions);
            String grain = ToolSupport.text(args, "grain");
            if (grain == null) {
                List<Object> span = s.one("SELECT date_diff('day', min(" + dateCol + "), max(" + dateCol
                        + ")) AS days" + from);
                if (span.isEmpty() || span.get(0) == null) {
                    throw noData(date);
                }
                grain = grainFor(((Number) span.get(0)).longValue());
            }
            QueryResult r = s.run("SELECT CAST(date_trunc('" + grain + "', " + dateCol + ") AS DATE) AS period, "
                    + measure + " AS value" + from + " GROUP BY 1 ORDER BY 1");
            if (r.rows().isEmpty()) {
                throw noData(date);
            }
            double[] xs = new double[r.rows().size()];
            double[] ys = new double[r.rows().size()];
            int best = -1;
            int worst = -1;
            for (int i = 0; i < r.rows().size(); i++) {
                List<Object> row = r.rows().get(i);
                xs[i] = LocalDate.parse((String) row.get(0)).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                Number y = (Number) row.get(1);
                ys[i] = y == null ? Double.NaN : y.doubleValue();
                if (y != null && (best < 0 || y.doubleValue() > ((Number) r.rows().get(best).get(1)).doubleValue())) {
                    best = i;
                }
                if (y != null && (worst < 0 || y.doubleValue() < ((Number) r.rows().get(worst).get(1)).doubleValue())) {
                    worst = i;
                }
            }
            String title = capitalise(measureLabel) + " per " + grain;
            Figure figure = new Figure.Lines(Figure.Frame.of(title, date.name(), measureLabel), true,
                    List.of(new Figure.Line(measureLabel, xs, ys)));
            String path = "trend_plots/" + ToolSupport.slug(value == null ? "count" : value.name()) + ".png";
            List<Artifact> artifacts = ToolSupport.chart(path, title, "line", figure);
            Table table = r.table(measureLabel + " per " + grain, s.limits().inlineRows());
            List<List<Object>> rows = r.rows();
            StringBuilder summary = new StringBuilder(title).append(", ").append(rows.get(0).get(0)).append(" to ")
                    .append(rows.get(rows.size() - 1).get(0)).append(" (").append(rows.size()).append(' ')
                    .append(grain).append(rows.size() == 1 ? "" : "s").append(")");
            if (best >= 0 && rows.size() > 1) {
                summary.append("; highest ").append(rows.get(best).get(0)).append(": ")
                        .append(ToolSupport.fmt(rows.get(best).get(1))).append(", lowest ")
                        .append(rows.get(worst).get(0)).append(": ").append(ToolSupport.fmt(rows.get(worst).get(1)));
            }
            return new ToolResult(summary.append('.').toString(), List.of(table), artifacts, s.sql());
        }
    }

    private static Column dateColumn(Dataset ds, String name) throws ToolException {
        List<Column> temporal = ds.columns().stream().filter(Column::temporal).toList();
        if (name == null) {
            if (temporal.isEmpty()) {
                throw new ToolException("no_date_column", "The table has no date or timestamp column.",
                        "A trend needs dates; use distribution_plot or sql_executor with GROUP BY instead.");
            }
            return temporal.get(0);
        }
        Column c = ToolSupport.column(ds, name);
        if (!c.temporal()) {
            throw new ToolException("bad_args", c.name() + " is not a date column (it is " + c.type() + ").",
                    temporal.isEmpty() ? "The table has no date or timestamp column."
                            : "Use one of: " + temporal.stream().map(Column::name).collect(Collectors.joining(", ")));
        }
        return c;
    }

    private static String measure(String agg, Column value) throws ToolException {
        if (value == null) {
            return "count(*)";
        }
        String v = DuckDb.quoteIdent(value.name());
        return switch (agg) {
            case "sum" -> "sum(" + v + ")";
            case "avg" -> "avg(" + v + ")";
            case "count" -> "count(" + v + ")";
            case "count_distinct" -> "count(DISTINCT " + v + ")";
            case "min" -> "min(" + v + ")";
            case "max" -> "max(" + v + ")";
            case "median" -> "median(" + v + ")";
            default -> throw new ToolException("bad_args", "Unknown agg '" + agg + "'.",
                    "Use one of: sum, avg, count, count_distinct, min, max, median.");
        };
    }

    private static ToolException noData(Column date) {
        return new ToolException("no_data", "No rows with a " + date.name() + " match.",
                "Loosen the filters or check the date column.");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
