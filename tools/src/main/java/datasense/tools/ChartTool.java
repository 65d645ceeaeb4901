package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code chart}: draws the table of an earlier step. Without a kind: a date-like x gives a line, two numeric
 * columns a scatter (or a line when x is a period number such as a year), anything else a bar chart of the
 * largest {@code top_n} categories plus "Other". Pie only when asked for, and only for non-negative values.
 * Writes {@code charts/<slug(title or table label)>.png}.
 */
public final class ChartTool implements Tool {

    static final String NAME = "chart";
    static final int DEFAULT_TOP_N = 12;
    private static final ToolSpec SPEC = ToolSpec.load(NAME);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?");
    private static final Pattern PERIOD_NAME =
            Pattern.compile("(?i).*(year|quarter|month|week|day|hour|period|date|time).*");

    @Override
    public ToolSpec spec() {
        return SPEC;
    }

    @Override
    public ToolResult run(ToolContext ctx, ObjectNode args) throws ToolException {
        Table input = ctx.input();
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
        String xName = input.columns().get(xi).name();
        String yName = input.columns().get(yi).name();
        boolean xDates = dateLike(input, xi);
        boolean xNumeric = numeric(input, xi);
        String kind = ToolSupport.text(args, "kind");
        if (kind == null) {
            if (xDates) {
                kind = "line";
            } else if (xNumeric && PERIOD_NAME.matcher(xName).matches() && integral(input, xi)) {
                kind = "line";
            } else if (xNumeric) {
                kind = "scatter";
            } else {
                kind = "bar";
            }
        }
        int topN = ToolSupport.integer(args, "top_n", DEFAULT_TOP_N);
        String title = ToolSupport.text(args, "title");
        String chartTitle = title != null ? title : yName + " by " + xName;
        String note = "";
        byte[] png;
        switch (kind) {
            case "line" -> {
                if (xDates) {
                    List<Object[]> points = new ArrayList<>();
                    for (List<Object> row : input.rows()) {
                        LocalDateTime x = toDateTime(row.get(xi));
                        if (x != null) {
                            points.add(new Object[] {x, number(row.get(yi))});
                        }
                    }
                    points.sort(Comparator.comparing(p -> (LocalDateTime) p[0]));
                    png = Charts.line(chartTitle, xName, yName, points.stream().map(p -> (LocalDateTime) p[0]).toList(),
                            points.stream().map(p -> (Number) p[1]).toList());
                } else {
                    png = Charts.categoryLine(chartTitle, xName, yName, slices(input, xi, yi));
                }
            }
            case "scatter" -> {
                if (!xNumeric) {
                    throw new ToolException("bad_args", "A scatter chart needs a numeric x; " + xName + " is not.",
                            "Use kind bar or line, or give a numeric x.");
                }
                List<double[]> pts = new ArrayList<>();
                for (List<Object> row : input.rows()) {
                    Number x = number(row.get(xi));
                    Number y = number(row.get(yi));
                    if (x != null && y != null) {
                        pts.add(new double[] {x.doubleValue(), y.doubleValue()});
                    }
                }
                png = Charts.scatter(chartTitle, xName, yName, pts.stream().mapToDouble(p -> p[0]).toArray(),
                        pts.stream().mapToDouble(p -> p[1]).toArray());
            }
            case "pie" -> {
                List<Charts.Slice> slices = merged(input, xi, yi);
                if (slices.stream().anyMatch(sl -> sl.value() < 0)) {
                    png = Charts.bar(chartTitle, xName, yName, slices, topN);
                    kind = "bar";
                    note = " (a pie cannot show negative values, so bars were drawn)";
                } else {
                    png = Charts.pie(chartTitle, slices, topN);
                }
            }
            case "bar" -> {
                List<Charts.Slice> slices = merged(input, xi, yi);
                png = xDates ? Charts.columns(chartTitle, xName, yName, slices)
                        : Charts.bar(chartTitle, xName, yName, slices, topN);
            }
            default -> throw new ToolException("bad_args", "Unknown chart kind '" + kind + "'.",
                    "Use bar, line, pie or scatter.");
        }
        String path = "charts/" + ToolSupport.slug(title != null ? title : input.label()) + ".png";
        Artifact artifact = new Artifact(path, chartTitle, "image/png", kind, png);
        String summary = capitalise(kind) + " chart of " + yName + " by " + xName + " from '" + input.label() + "' ("
                + input.rows().size() + " rows" + (input.truncated() ? " shown of " + input.totalRows() : "") + ")"
                + note + ".";
        return new ToolResult(summary, List.of(), List.of(artifact), List.of());
    }

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

    private static Number number(Object v) {
        return v instanceof Number n ? n : null;
    }

    /** Rows as (category, value) in table order, without merging. */
    private static List<Charts.Slice> slices(Table t, int xi, int yi) {
        List<Charts.Slice> out = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Number y = number(row.get(yi));
            out.add(new Charts.Slice(label(row.get(xi)), y == null ? 0 : y.doubleValue()));
        }
        return out;
    }

    /** Rows as (category, value), repeated categories summed, first-seen order kept. */
    private static List<Charts.Slice> merged(Table t, int xi, int yi) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Charts.Slice s : slices(t, xi, yi)) {
            sums.merge(s.category(), s.value(), Double::sum);
        }
        return sums.entrySet().stream().map(e -> new Charts.Slice(e.getKey(), e.getValue())).toList();
    }

    private static String label(Object v) {
        if (v == null) {
            return "(missing)";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
