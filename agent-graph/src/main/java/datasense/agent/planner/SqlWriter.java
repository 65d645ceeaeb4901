package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the SELECT statements of intents over one table. Every identifier is quoted and every literal
 * escaped, so no column name or value from a question can change the statement's shape.
 */
final class SqlWriter {

    private final String table;

    SqlWriter(String table) {
        this.table = SqlText.ident(table);
    }

    /** Measures per grouping: ordered by time for time buckets, by the first measure otherwise, or ranked. */
    String aggregate(Intent it) {
        if (it.groups().isEmpty() && !it.filters().isEmpty() && it.measures().stream().anyMatch(Measure::share)) {
            return shareOfFiltered(it);
        }
        if (it.groups().isEmpty() && it.filters().stream().anyMatch(Filter::onGroups) && it.measures().size() == 1
                && it.measures().get(0).agg() == Agg.COUNT_DISTINCT && it.measures().get(0).column() != null) {
            return countOfGroups(it, it.measures().get(0));
        }
        if (it.measures().size() == 1 && it.measures().get(0).derived() == Measure.Derived.PERIOD_AVERAGE) {
            return periodAverage(it, it.measures().get(0));
        }
        String changeInRange = changeInRange(it);
        if (changeInRange != null) {
            return changeInRange;
        }
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        for (Grouping g : it.groups()) {
            select.add(g.temporal() ? g.sql() + " AS " + SqlText.ident(g.alias()) : g.sql());
            groupBy.add(g.sql());
        }
        Grouping timeGroup = it.groups().stream().filter(Grouping::temporal).findFirst().orElse(null);
        String window = timeGroup == null ? null : alongTime(it.groups(), timeGroup);
        for (Measure m : it.measures()) {
            String expr = window != null ? m.sqlAlongTime(window) : m.sql();
            if (it.groups().isEmpty() && m.asWritten() != null) {
                expr = m.asWritten(); // one figure: "11 strokes", as the table writes it
            }
            select.add(expr + " AS " + SqlText.ident(m.alias()));
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(table).append(where(rankedFilters(it)));
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groupBy));
        }
        List<String> having = it.filters().stream().filter(Filter::onGroups).map(Filter::sql).toList();
        if (!having.isEmpty()) {
            sql.append(" HAVING ").append(String.join(" AND ", having));
        }
        String firstMeasure = it.measures().isEmpty() ? null : SqlText.ident(it.measures().get(0).alias());
        if (it.display().ordered()) {
            sql.append(" ORDER BY ").append(orderOfAggregate(it));
            if (it.limit() != null) {
                sql.append(" LIMIT ").append(it.limit());
            }
        } else if (it.limit() != null && firstMeasure != null && it.display().rankWithin() != null) {
            // "top 3 products in each region": the ranking restarts in every region; ties keep their places
            Grouping within = it.display().rankWithin();
            String dir = it.ascending() ? " ASC" : " DESC";
            sql.append(" QUALIFY rank() OVER (PARTITION BY ").append(within.sql()).append(" ORDER BY ")
                    .append(it.measures().get(0).sql()).append(dir).append(" NULLS LAST) <= ").append(it.limit())
                    .append(" ORDER BY ").append(timeOrder(within)).append(", ").append(firstMeasure).append(dir)
                    .append(" NULLS LAST");
        } else if (it.limit() != null && firstMeasure != null && it.display().ties() && it.limit() == 1) {
            // "which region has the most": every group sharing the top value
            String dir = it.ascending() ? " ASC" : " DESC";
            sql.append(" QUALIFY rank() OVER (ORDER BY ").append(it.measures().get(0).sql()).append(dir)
                    .append(" NULLS LAST) = 1 ORDER BY ").append(groupOrder(it));
        } else if (it.limit() != null && firstMeasure != null) {
            sql.append(" ORDER BY ").append(firstMeasure).append(it.ascending() ? " ASC" : " DESC")
                    .append(" NULLS LAST LIMIT ").append(it.limit());
        } else if (!it.groups().isEmpty()) {
            List<String> time = it.groups().stream().filter(Grouping::temporal)
                    .map(g -> SqlText.ident(g.alias())).toList();
            // a line is drawn along its x axis: "average rainfall by season as a line" goes season by season
            if (!time.isEmpty() || it.groups().size() > 1 || firstMeasure == null || "line".equals(it.chart())) {
                sql.append(" ORDER BY ").append(it.groups().stream()
                        .map(SqlWriter::timeOrder)
                        .collect(Collectors.joining(", ")));
            } else {
                sql.append(" ORDER BY ").append(firstMeasure).append(" DESC NULLS LAST");
            }
        }
        return sql.toString();
    }

    /**
     * The filters of a grouping, with the groups that have no value left out where they mean nothing: in a ranking
     * ("the most popular class" is never the blank of rows that attended none), along periods (no quarter is the
     * blank of a date not yet reached), and beside an exclusion of the grouped column's values.
     */
    private static List<Filter> rankedFilters(Intent it) {
        if (it.groups().isEmpty()) {
            return it.filters();
        }
        List<Filter> out = new ArrayList<>(it.filters());
        for (Grouping g : it.groups()) {
            // a period axis has no place for "no date"; "every project other than Apollo" names projects, not blanks
            boolean excluded = it.filters().stream().anyMatch(f -> g.column().equals(f.column())
                    && (f.op().equals("ne") || f.op().equals("not_in")));
            boolean dropBlank = it.limit() != null || g.grain() != null || excluded;
            if (dropBlank && g.column().nulls() > 0 && (excluded
                    || out.stream().noneMatch(f -> g.column().equals(f.column()) && !f.onGroups()))) {
                out.add(Filter.of(g.column(), "not_null", null));
            }
        }
        return out;
    }

    /**
     * "The percent change in revenue for each month from February to December": February's change is from
     * January, which the date range leaves out. So the change is computed over every period first and the range
     * applied after, to each period's first date; null when the intent has no change within a date range.
     */
    private String changeInRange(Intent it) {
        Grouping time = it.groups().stream().filter(Grouping::temporal).findFirst().orElse(null);
        if (time == null || it.measures().stream().noneMatch(m -> m.derived() == Measure.Derived.CHANGE)) {
            return null;
        }
        List<Filter> onDates = it.filters().stream()
                .filter(f -> !f.onGroups() && time.column().equals(f.column())).toList();
        if (onDates.isEmpty()) {
            return null;
        }
        // "from 2023 to 2024": the two periods only (an "any" of two ranges), the later one's change kept
        boolean twoPeriods = onDates.stream().anyMatch(f -> f.op().equals("any"));
        List<Filter> others = twoPeriods ? it.filters() : it.filters().stream().filter(f -> !onDates.contains(f)).toList();
        List<String> select = new ArrayList<>();
        List<String> groupBy = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (Grouping g : it.groups()) {
            select.add(g.sql() + " AS " + SqlText.ident(g.alias()));
            groupBy.add(g.sql());
            outer.add(SqlText.ident(g.alias()));
        }
        List<String> keys = List.copyOf(outer);
        String window = alongTime(it.groups(), time);
        for (Measure m : it.measures()) {
            select.add(m.sqlAlongTime(window) + " AS " + SqlText.ident(m.alias()));
            outer.add(SqlText.ident(m.alias()));
        }
        String outerWhere;
        if (twoPeriods) {
            Measure change = it.measures().stream().filter(m -> m.derived() == Measure.Derived.CHANGE).findFirst()
                    .orElseThrow();
            outerWhere = " WHERE " + SqlText.ident(change.alias()) + " IS NOT NULL";
        } else {
            ColumnProfile start = new ColumnProfile("period start", time.column().type(), 0, 0, null, null, List.of());
            select.add("min(" + SqlText.ident(time.column().name()) + ") AS " + SqlText.ident(start.name()));
            outerWhere = where(onDates.stream().map(f -> new Filter(start, f.op(), f.value(), f.values(), null))
                    .toList());
        }
        return "SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", select) + " FROM " + table
                + where(others) + " GROUP BY " + String.join(", ", groupBy) + ")" + outerWhere
                + " ORDER BY " + String.join(", ", keys);
    }

    /** A window along the time grouping, one series per value of the other groupings: "by region and year". */
    private static String alongTime(List<Grouping> groups, Grouping time) {
        List<String> others = groups.stream().filter(g -> g != time).map(Grouping::sql).toList();
        return (others.isEmpty() ? "" : "PARTITION BY " + String.join(", ", others) + " ") + "ORDER BY " + time.sql();
    }

    /**
     * "Average monthly sales (by region)": each period's total per group first, then their average per group. The
     * periods are those that have rows, as a reader of a monthly report would count them.
     */
    private String periodAverage(Intent it, Measure m) {
        List<String> keys = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        List<String> innerGroupBy = new ArrayList<>();
        for (Grouping g : it.groups()) {
            inner.add(g.sql() + " AS " + SqlText.ident(g.alias()));
            innerGroupBy.add(g.sql());
            keys.add(SqlText.ident(g.alias()));
        }
        String period = m.period() == null ? SqlText.ident(m.other().name()) : m.period().sql(SqlText.ident(m.other().name()));
        inner.add(period + " AS " + SqlText.ident("period"));
        innerGroupBy.add(period);
        inner.add(m.agg().sql(m.column() == null ? null : SqlText.ident(m.column().name())) + " AS " + SqlText.ident("period total"));
        String alias = SqlText.ident(m.alias());
        List<String> outer = new ArrayList<>(keys);
        outer.add("AVG(" + SqlText.ident("period total") + ") AS " + alias);
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", outer)).append(" FROM (SELECT ")
                .append(String.join(", ", inner)).append(" FROM ").append(table).append(where(it.filters()))
                .append(" GROUP BY ").append(String.join(", ", innerGroupBy)).append(")");
        if (!keys.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        if (it.limit() != null) {
            sql.append(" ORDER BY ").append(alias).append(it.ascending() ? " ASC" : " DESC").append(" NULLS LAST LIMIT ").append(it.limit());
        } else if (!keys.isEmpty()) {
            boolean byTime = it.groups().stream().anyMatch(Grouping::temporal) || keys.size() > 1;
            sql.append(" ORDER BY ").append(byTime ? String.join(", ", keys) : alias + " DESC NULLS LAST");
        }
        return sql.toString();
    }

    /** The ORDER BY of an aggregate from the keys the question asked for. */
    private static String orderOfAggregate(Intent it) {
        List<String> keys = new ArrayList<>();
        for (OrderKey k : it.display().order()) {
            String expr = switch (k.target()) {
                case X -> it.groups().isEmpty() ? measureRef(it, null) : groupRef(it.groups().get(0));
                case Y, MEASURE -> measureRef(it, null);
                case COLUMN -> {
                    Grouping g = it.groups().stream().filter(x -> x.column().equals(k.column())).findFirst().orElse(null);
                    yield g != null ? groupRef(g) : measureRef(it, k.column());
                }
            };
            if (expr != null) {
                keys.add(expr + (k.descending() ? " DESC" : " ASC") + " NULLS LAST");
            }
        }
        return keys.isEmpty() ? "1" : String.join(", ", keys);
    }

    private static String groupOrder(Intent it) {
        return it.groups().isEmpty() ? "1" : it.groups().stream().map(SqlWriter::timeOrder).collect(Collectors.joining(", "));
    }

    /** A grouping in time order: weekday names Monday first, other buckets as they sort. */
    private static String timeOrder(Grouping g) {
        if (!g.temporal()) {
            return g.sql();
        }
        if (g.grain() == null) {
            return g.sql(); // a date column as is sorts in time
        }
        String byDay = g.grain().orderSql(SqlText.ident(g.column().name()));
        return byDay != null ? byDay : SqlText.ident(g.alias());
    }

    private static String groupRef(Grouping g) {
        return g.temporal() ? SqlText.ident(g.alias()) : g.sql();
    }

    /** The measure over {@code column} (or the first measure), as its alias. */
    private static String measureRef(Intent it, ColumnProfile column) {
        for (Measure m : it.measures()) {
            if (column == null || column.equals(m.column())) {
                return SqlText.ident(m.alias());
            }
        }
        return it.measures().isEmpty() ? null : SqlText.ident(it.measures().get(0).alias());
    }

    /** The ORDER BY of plain rows or a list: named columns, an axis as the first or first numeric column. */
    private static String orderOfColumns(Intent it, List<ColumnProfile> cols) {
        List<String> keys = new ArrayList<>();
        for (OrderKey k : it.display().order()) {
            ColumnProfile c = switch (k.target()) {
                case COLUMN -> k.column();
                case X -> cols.isEmpty() ? null : cols.get(0);
                case Y, MEASURE -> it.measures().isEmpty() || it.measures().get(0).column() == null
                        ? cols.stream().filter(x -> x.column().numeric()).reduce((a, b) -> b).orElse(null)
                        : it.measures().get(0).column();
            };
            if (c != null) {
                keys.add(SqlText.ident(c.name()) + (k.descending() ? " DESC" : " ASC") + " NULLS LAST");
            }
        }
        return String.join(", ", keys);
    }

    /**
     * "What percent of sales come from the West": the filter cannot be a WHERE clause, since the total must
     * cover every row, so each measure applies it inside a CASE.
     */
    private String shareOfFiltered(Intent it) {
        String condition = it.filters().stream().map(Filter::sql).collect(Collectors.joining(" AND "));
        List<String> select = new ArrayList<>();
        for (Measure m : it.measures()) {
            String expr = m.share() ? m.shareOfFiltered(condition) : m.sqlWhere(condition);
            select.add(expr + " AS " + SqlText.ident(m.alias()));
        }
        return "SELECT " + String.join(", ", select) + " FROM " + table;
    }

    /** Rows themselves: the named columns (or all), optionally ranked by the first measure column. */
    String rows(Intent it) {
        Set<String> cols = new LinkedHashSet<>();
        it.columns().forEach(c -> cols.add(SqlText.ident(c.name())));
        String select = cols.isEmpty() ? "*" : String.join(", ", cols);
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(table)
                .append(where(it.filters()));
        ColumnProfile rankBy = it.measures().isEmpty() ? null : it.measures().get(0).column();
        String rankRef = rankBy == null ? null : it.measures().get(0).operand();
        String asked = it.display().ordered() ? orderOfColumns(it, it.columns()) : "";
        if (!asked.isEmpty()) {
            sql.append(" ORDER BY ").append(asked);
        } else if (rankBy != null && it.display().ties() && Integer.valueOf(1).equals(it.limit())) {
            sql.append(" QUALIFY rank() OVER (ORDER BY ").append(rankRef)
                    .append(it.ascending() ? " ASC" : " DESC").append(" NULLS LAST) = 1");
            return sql.toString(); // the winner with its ties, no LIMIT
        } else if (rankBy != null) {
            sql.append(" ORDER BY ").append(rankRef).append(it.ascending() ? " ASC" : " DESC")
                    .append(" NULLS LAST");
        }
        if (it.limit() != null) {
            sql.append(" LIMIT ").append(it.limit());
        }
        return sql.toString();
    }

    /** The distinct values (or combinations) of the listed columns. */
    String list(Intent it) {
        String cols = it.columns().stream().map(c -> SqlText.ident(c.name())).distinct()
                .collect(Collectors.joining(", "));
        String asked = it.display().ordered() ? orderOfColumns(it, it.columns()) : "";
        List<Filter> filters = new ArrayList<>(it.filters());
        if (it.columns().stream().distinct().count() == 1 && it.columns().get(0).nulls() > 0) {
            filters.add(Filter.of(it.columns().get(0), "not_null", null)); // "what promo codes": a blank is none
        }
        return "SELECT DISTINCT " + cols + " FROM " + table + where(filters) + " ORDER BY "
                + (asked.isEmpty() ? cols : asked) + " LIMIT 1000";
    }

    /** The Pearson coefficient of two columns as a one-cell table. */
    String correlation(ColumnProfile a, ColumnProfile b, List<Filter> filters) {
        return "SELECT corr(" + SqlText.ident(a.name()) + ", " + SqlText.ident(b.name()) + ") AS "
                + SqlText.ident("correlation") + " FROM " + table + where(filters);
    }

    /** The pairs of a scatter plot, both present, capped so the chart stays readable. */
    String scatter(ColumnProfile x, ColumnProfile y, List<Filter> filters) {
        List<Filter> all = new ArrayList<>(filters);
        all.add(Filter.of(x, "not_null", null));
        all.add(Filter.of(y, "not_null", null));
        return "SELECT " + SqlText.ident(x.name()) + ", " + SqlText.ident(y.name()) + " FROM " + table + where(all)
                + " LIMIT 5000";
    }

    /**
     * "how many vehicles had more than one work order": the vehicles whose group passes the condition, counted. A
     * condition on groups with nothing grouped would otherwise hold or fail for the whole table at once.
     */
    private String countOfGroups(Intent it, Measure counted) {
        String key = SqlText.ident(counted.column().name());
        String having = it.filters().stream().filter(Filter::onGroups).map(Filter::sql).collect(Collectors.joining(" AND "));
        return "SELECT COUNT(*) AS " + SqlText.ident(counted.alias()) + " FROM (SELECT " + key + " FROM " + table
                + where(it.filters()) + (it.filters().stream().anyMatch(f -> !f.onGroups()) ? " AND " : " WHERE ")
                + key + " IS NOT NULL GROUP BY " + key + " HAVING " + having + ") AS counted_groups";
    }

    /** The WHERE clause of the row filters; conditions on groups' measures go to HAVING instead. */
    static String where(List<Filter> filters) {
        List<String> rows = filters.stream().filter(f -> !f.onGroups()).map(Filter::sql).toList();
        if (rows.isEmpty()) {
            return "";
        }
        return " WHERE " + String.join(" AND ", rows);
    }
}
