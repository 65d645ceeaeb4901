package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;

/**
 * One thing a question asks for, before it becomes tool calls: its kind, measures, groupings, filters,
 * the columns it is about (for plots, summaries, correlations, lists), a row limit with its direction for
 * rankings, a chart kind if one was asked for, a time grain and date column for trends, the readings made
 * on the way ("'orders' read as distinct Order ID"), and the words it could not link.
 */
record Intent(Kind kind, List<Measure> measures, List<Grouping> groups, List<Filter> filters,
              List<ColumnProfile> columns, Integer limit, boolean ascending, String chart, Grain grain,
              ColumnProfile dateColumn, List<String> readings, List<Unexplained> unexplained, String text,
              Display display) {

    /** What kind of answer an intent needs; each maps to one or two tools in {@link PlanBuilder}. */
    enum Kind { AGGREGATE, ROWS, LIST, DISTRIBUTION, TREND, SUMMARY, CORRELATION, SCATTER, UNKNOWN }

    Intent {
        measures = List.copyOf(measures);
        groups = List.copyOf(groups);
        filters = List.copyOf(filters);
        columns = List.copyOf(columns);
        readings = List.copyOf(readings);
        unexplained = List.copyOf(unexplained);
        display = display == null ? Display.NONE : display;
    }

    /** An intent laid out by default (no asked order, nothing stacked). */
    Intent(Kind kind, List<Measure> measures, List<Grouping> groups, List<Filter> filters,
           List<ColumnProfile> columns, Integer limit, boolean ascending, String chart, Grain grain,
           ColumnProfile dateColumn, List<String> readings, List<Unexplained> unexplained, String text) {
        this(kind, measures, groups, filters, columns, limit, ascending, chart, grain, dateColumn, readings,
                unexplained, text, Display.NONE);
    }

    Intent withDisplay(Display d) {
        return new Intent(kind, measures, groups, filters, columns, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, d);
    }

    static Intent unknown(String text, List<String> readings, List<Unexplained> unexplained) {
        return new Intent(Kind.UNKNOWN, List.of(), List.of(), List.of(), List.of(), null, false, null, null, null,
                readings, unexplained, text, Display.NONE);
    }

    Intent withKind(Kind k) {
        return new Intent(k, measures, groups, filters, columns, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withMeasures(List<Measure> m) {
        return new Intent(kind, m, groups, filters, columns, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withGroups(List<Grouping> g) {
        return new Intent(kind, measures, g, filters, columns, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withFilters(List<Filter> f) {
        return new Intent(kind, measures, groups, f, columns, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withColumns(List<ColumnProfile> c) {
        return new Intent(kind, measures, groups, filters, c, limit, ascending, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withChart(String c) {
        return new Intent(kind, measures, groups, filters, columns, limit, ascending, c, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withLimit(Integer l, boolean asc) {
        return new Intent(kind, measures, groups, filters, columns, l, asc, chart, grain, dateColumn,
                readings, unexplained, text, display);
    }

    Intent withTrend(Grain g, ColumnProfile date) {
        return new Intent(kind, measures, groups, filters, columns, limit, ascending, chart, g, date,
                readings, unexplained, text, display);
    }

    Intent withReadings(List<String> r) {
        return new Intent(kind, measures, groups, filters, columns, limit, ascending, chart, grain, dateColumn,
                r, unexplained, text, display);
    }

    Intent withUnexplained(List<Unexplained> u) {
        return new Intent(kind, measures, groups, filters, columns, limit, ascending, chart, grain, dateColumn,
                readings, u, text, display);
    }
}
