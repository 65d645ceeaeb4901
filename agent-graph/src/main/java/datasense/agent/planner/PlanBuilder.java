package datasense.agent.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.agent.PlanStep;
import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns intents into tool calls whose arguments match the tool schemas. A table always comes before the
 * chart drawn from it, so the first result of an answer is its table; grouped answers get a bar chart
 * (a line chart for time buckets) even when no chart was asked for.
 */
final class PlanBuilder {

    /** The steps of a plan, one description per understood intent, and notes made while building. */
    record Built(List<PlanStep> steps, List<String> described, List<String> notes) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SqlWriter sql;
    private final List<PlanStep> steps = new ArrayList<>();
    private final List<String> described = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private PlanBuilder(String table) {
        this.sql = new SqlWriter(table);
    }

    static Built build(String table, List<Intent> intents) {
        PlanBuilder b = new PlanBuilder(table);
        for (Intent it : intents) {
            b.add(it);
        }
        b.addPlottedColumnStats(intents);
        return new Built(List.copyOf(b.steps), List.copyOf(b.described), List.copyOf(b.notes));
    }

    private void add(Intent it) {
        String what = describe(it);
        switch (it.kind()) {
            case AGGREGATE -> {
                int table = step("sql_executor", sqlArgs(sql.aggregate(it), label(it)), what);
                aggregateChart(it, table, what);
            }
            case ROWS -> {
                int table = step("sql_executor", sqlArgs(sql.rows(it), label(it)), what);
                if (it.columns().size() >= 2 && !it.measures().isEmpty() && it.limit() != null && it.limit() > 1
                        && it.measures().get(0).column().column().numeric()) { // not "88 feet (27 m)": text to draw
                    ObjectNode chart = chartArgs(table, it.chart() == null ? "bar" : it.chart(),
                            it.columns().get(0).name(), it.measures().get(0).column().name(), what);
                    step("chart", chart, what);
                } else if (it.chart() != null && it.measures().isEmpty() && it.columns().size() >= 2) {
                    rowsChart(it, table, what);
                }
            }
            case LIST -> {
                int table = step("sql_executor", sqlArgs(sql.list(it), label(it)), what);
                if (it.chart() != null && it.columns().size() >= 2) {
                    rowsChart(it, table, what);
                }
            }
            case DISTRIBUTION -> {
                for (ColumnProfile c : it.columns()) {
                    ObjectNode a = JSON.objectNode();
                    a.put("column", c.name());
                    if ("box".equals(it.chart())) {
                        a.put("kind", "box");
                        if (!it.groups().isEmpty()) {
                            a.put("by", it.groups().get(0).column().name());
                        }
                    } else if (c.column().numeric() && it.display().binWidth() > 0) {
                        a.put("bin_width", it.display().binWidth());
                    } else if (c.column().numeric() && it.display().bins() > 0) {
                        a.put("bins", it.display().bins());
                    }
                    filters(a, it.filters());
                    step("distribution_plot", a, describe(it));
                }
            }
            case TREND -> {
                ObjectNode a = JSON.objectNode();
                Measure m = it.measures().get(0);
                a.put("date_column", it.dateColumn().name());
                if (m.column() != null) {
                    a.put("value_column", m.column().name());
                }
                a.put("agg", m.agg().trendName);
                if (it.grain() != null) {
                    a.put("grain", it.grain().word);
                }
                filters(a, it.filters());
                step("trend_plot", a, what);
            }
            case SUMMARY -> {
                ObjectNode a = JSON.objectNode();
                ArrayNode cols = a.putArray("columns");
                it.columns().forEach(c -> cols.add(c.name()));
                filters(a, it.filters());
                step("summary_stats", a, what);
            }
            case CORRELATION -> {
                if (it.columns().size() == 2) {
                    step("sql_executor", sqlArgs(sql.correlation(it.columns().get(0), it.columns().get(1),
                            it.filters()), "correlation"), what);
                }
                ObjectNode a = JSON.objectNode();
                if (it.columns().size() >= 2) {
                    ArrayNode cols = a.putArray("columns");
                    it.columns().forEach(c -> cols.add(c.name()));
                } else if (it.columns().size() == 1) {
                    notes.add("one column named for a correlation; showing the matrix of every numeric column");
                }
                filters(a, it.filters());
                step("correlation", a, what);
            }
            case SCATTER -> {
                ColumnProfile x = it.columns().get(0);
                ColumnProfile y = it.columns().get(1);
                int table = step("sql_executor", sqlArgs(sql.scatter(x, y, it.filters()),
                        x.name() + " and " + y.name()), what);
                step("chart", chartArgs(table, "scatter", x.name(), y.name(), what), what);
            }
            case UNKNOWN -> {
                return;
            }
            default -> throw new IllegalStateException("unhandled intent " + it.kind());
        }
        described.add(what + (it.filters().isEmpty() ? ", all rows" : ""));
    }

    /**
     * A plot is read with its numbers: when a plan draws distributions or trends and asks for no summary
     * itself, it also writes the summary statistics of the plotted columns as a JSON artifact (as the
     * DataSense AI design returns with its plots). Filters are not mixed: only unfiltered plots qualify.
     */
    private void addPlottedColumnStats(List<Intent> intents) {
        if (intents.stream().anyMatch(it -> it.kind() == Intent.Kind.SUMMARY)) {
            return;
        }
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        for (Intent it : intents) {
            if (!it.filters().isEmpty()) {
                continue;
            }
            if (it.kind() == Intent.Kind.DISTRIBUTION) {
                it.columns().forEach(c -> columns.add(c.name()));
            } else if (it.kind() == Intent.Kind.TREND && it.measures().get(0).column() != null) {
                columns.add(it.measures().get(0).column().name());
            }
        }
        if (columns.isEmpty()) {
            return;
        }
        ObjectNode a = JSON.objectNode();
        ArrayNode cols = a.putArray("columns");
        columns.forEach(cols::add);
        step("summary_stats", a, "Summary statistics of " + String.join(", ", columns));
    }

    private void aggregateChart(Intent it, int table, String what) {
        if (it.groups().isEmpty()) {
            if (it.chart() != null) {
                notes.add("no chart for a single number");
            }
            return;
        }
        if (it.groups().size() == 2) {
            seriesChart(it, table, what);
            return;
        }
        if (it.groups().size() > 2) {
            if (it.chart() != null) {
                notes.add("no " + it.chart() + " chart: the table has " + it.groups().size() + " groupings");
            }
            return;
        }
        if (it.limit() != null && it.limit() == 1) {
            return; // one winner needs no chart
        }
        Grouping g = it.groups().get(0);
        if ("scatter".equals(it.chart()) && it.measures().size() >= 2) {
            ObjectNode a = chartArgs(table, "scatter", it.measures().get(0).alias(), it.measures().get(1).alias(), what);
            a.put("label", g.alias());
            step("chart", a, what);
            return;
        }
        String kind = it.chart() != null ? it.chart() : g.temporal() ? "line" : "bar";
        ObjectNode a = chartArgs(table, kind, g.alias(), it.measures().get(0).alias(), what);
        if (it.limit() != null && !kind.equals("line")) {
            a.put("top_n", Math.min(100, Math.max(1, it.limit())));
        }
        step("chart", a, what);
    }

    /**
     * Two groupings: the first (or the time bucket) across, the other as series, grouped or stacked bars, or one
     * line per series over time.
     */
    private void seriesChart(Intent it, int table, String what) {
        Grouping x = it.groups().stream().filter(Grouping::temporal).findFirst().orElse(it.groups().get(0));
        Grouping series = it.groups().get(0) == x ? it.groups().get(1) : it.groups().get(0);
        if (series.temporal() && x.temporal()) {
            notes.add("no chart: both groupings are time buckets"); // year and quarter: read the table
            return;
        }
        String kind = it.chart() != null && !it.chart().equals("pie") ? it.chart() : x.temporal() ? "line" : "bar";
        ObjectNode a = chartArgs(table, kind, x.alias(), it.measures().get(0).alias(), what);
        a.put("series", series.alias());
        if (kind.equals("bar")) {
            a.put("stacked", it.display().stacked());
        }
        step("chart", a, what);
    }

    /** A chart of plain rows: a label or category across, the first number other than it up. */
    private void rowsChart(Intent it, int table, String what) {
        ColumnProfile x = it.columns().stream().filter(c -> !c.column().numeric()).findFirst()
                .orElse(it.columns().get(0));
        ColumnProfile y = it.columns().stream().filter(c -> c != x && c.column().numeric()).findFirst().orElse(null);
        if (y == null) {
            notes.add("no chart: none of the listed columns is a number to draw");
            return;
        }
        step("chart", chartArgs(table, it.chart(), x.name(), y.name(), what), what);
    }

    private int step(String tool, ObjectNode args, String intent) {
        steps.add(new PlanStep(tool, args, intent));
        return steps.size() - 1;
    }

    private static ObjectNode sqlArgs(String statement, String label) {
        ObjectNode a = JSON.objectNode();
        a.put("sql", statement);
        a.put("label", label);
        return a;
    }

    private static ObjectNode chartArgs(int from, String kind, String x, String y, String title) {
        ObjectNode a = JSON.objectNode();
        a.put("from_step", from);
        a.put("kind", kind);
        a.put("x", x);
        a.put("y", y);
        a.put("title", title);
        return a;
    }

    private void filters(ObjectNode args, List<Filter> filters) {
        List<Filter> usable = filters.stream().filter(Filter::forTools).toList();
        if (!usable.isEmpty()) {
            ArrayNode a = args.putArray("filters");
            usable.forEach(f -> a.add(f.toJson()));
        }
        filters.stream().filter(f -> !f.forTools())
                .forEach(f -> notes.add("the plot covers all rows: '" + f.describe() + "' applies to tables only"));
    }

    /** A short label for a result table: "Total of Sales by Region". */
    private static String label(Intent it) {
        String l = core(it);
        return l.length() > 80 ? l.substring(0, 80) : l;
    }

    /** An intent in words: "Total of Sales by Region, where Category = 'Technology', top 5". */
    static String describe(Intent it) {
        return core(it) + filterWords(it.filters());
    }

    private static String core(Intent it) {
        String measures = it.measures().stream().map(Measure::describe).collect(Collectors.joining(" and "));
        String groups = it.groups().stream().map(Grouping::describe).collect(Collectors.joining(" and "));
        String cols = it.columns().stream().map(ColumnProfile::name).collect(Collectors.joining(" and "));
        return switch (it.kind()) {
            case AGGREGATE -> {
                String s = measures + (groups.isEmpty() ? "" : " by " + groups);
                if (it.limit() != null) {
                    s += ", " + (it.ascending() ? "bottom " : "top ") + it.limit() + " by "
                            + it.measures().get(0).describe();
                }
                yield s;
            }
            case ROWS -> it.measures().isEmpty() || it.measures().get(0).column() == null
                    ? "Rows" + (cols.isEmpty() ? "" : " (" + cols + ")")
                    : (it.ascending() ? "Bottom " : "Top ") + it.limit() + " rows by "
                    + it.measures().get(0).column().name() + (cols.isEmpty() ? "" : " (" + cols + ")");
            case LIST -> "Distinct values of " + cols;
            case DISTRIBUTION -> "box".equals(it.chart())
                    ? "Box plot of " + cols + (groups.isEmpty() ? "" : " by " + groups)
                    : "Distribution of " + cols;
            case TREND -> {
                Measure m = it.measures().get(0);
                yield (it.grain() == null ? "Trend" : capital(it.grain().adjective()) + " trend") + " of "
                        + m.describe() + " over " + it.dateColumn().name();
            }
            case SUMMARY -> "Summary statistics of " + (cols.isEmpty() ? "every column" : cols);
            case CORRELATION -> "Correlation " + (it.columns().size() >= 2 ? "between " + cols : "of every numeric column");
            case SCATTER -> "Scatter plot of " + it.columns().get(0).name() + " against " + it.columns().get(1).name();
            case UNKNOWN -> "Not understood: " + it.text();
        };
    }

    private static String filterWords(List<Filter> filters) {
        return filters.isEmpty() ? "" : ", where " + filters.stream().map(Filter::describe)
                .collect(Collectors.joining(" and "));
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
