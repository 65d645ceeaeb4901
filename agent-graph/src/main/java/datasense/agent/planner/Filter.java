package datasense.agent.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition of an intent, in the shape the tools share ({column, op, value?, values?}; ops eq ne in not_in
 * gt ge lt le between is_null not_null year starts_with ends_with contains, their not_ forms, and "any" of several
 * conditions), which the planner also spells as SQL so a tool call and its SQL twin always filter alike. A condition on a
 * {@code measure} is about each group ("drivers with at least 40 trips": HAVING); every other one is about
 * rows. A value may be the {@link Average} of a column ("fares above the average fare").
 */
record Filter(ColumnProfile column, String op, Object value, List<Object> values, Measure measure) {

    /**
     * The average (or another aggregate) of a column over the table, a value to compare with; or the value of one
     * named row ({@link #ofRow}: "more affiliates than Canal 5").
     */
    record Average(Agg agg, ColumnProfile column, String table, List<Filter> scope, BigDecimal factor,
                   Measure perGroup, List<Grouping> groups) {

        Average(Agg agg, ColumnProfile column, String table, List<Filter> scope, BigDecimal factor) {
            this(agg, column, table, scope, factor, null, List.of());
        }

        Average(Agg agg, ColumnProfile column, String table, List<Filter> scope) {
            this(agg, column, table, scope, BigDecimal.ONE);
        }

        /**
         * The average of each group's {@code measure} ("members whose total spend is above the average": the average
         * of the members' totals, not of one row's amount), when this is a plain average of the column it totals.
         */
        Average overGroups(Measure measure, List<Grouping> by) {
            boolean total = measure.agg() == Agg.SUM || measure.agg() == Agg.COUNT || measure.agg() == Agg.COUNT_DISTINCT;
            boolean sameColumn = measure.column() == null || measure.column().equals(column);
            if (agg != Agg.AVG || namedRow() || !total || !sameColumn || by.isEmpty() || perGroup != null
                    || measure.derived() != Measure.Derived.NONE || measure.share()) {
                return this;
            }
            return new Average(agg, column, table, scope, factor, measure, List.copyOf(by));
        }

        /** The column's value in the row a name picks (the largest, should the name pick several). */
        static Average ofRow(ColumnProfile column, String table, Filter name) {
            return new Average(Agg.MAX, column, table, List.of(name));
        }

        /** "five times the average": this aggregate multiplied. */
        Average times(BigDecimal by) {
            return new Average(agg, column, table, scope, by);
        }

        private boolean scaled() {
            return factor.compareTo(BigDecimal.ONE) != 0;
        }

        private boolean namedRow() {
            return agg == Agg.MAX && scope.size() == 1 && "eq".equals(scope.get(0).op());
        }

        String sql() {
            String sub = perGroup == null
                    ? "(SELECT " + agg.sql(SqlText.ident(column.name())) + " FROM " + SqlText.ident(table)
                    + SqlWriter.where(scope) + ")"
                    : "(SELECT AVG(per_group) FROM (SELECT " + perGroup.sql() + " AS per_group FROM "
                    + SqlText.ident(table) + SqlWriter.where(scope) + " GROUP BY "
                    + groups.stream().map(Grouping::sql).collect(Collectors.joining(", ")) + "))";
            return scaled() ? "(" + factor.toPlainString() + " * " + sub + ")" : sub;
        }

        String describe() {
            if (namedRow()) {
                return "the " + column.name() + " of " + scope.get(0).column().name() + " = '" + scope.get(0).value() + "'";
            }
            String of = perGroup == null ? column.name()
                    : perGroup.describe().toLowerCase(java.util.Locale.ROOT) + " per " + groups.stream()
                    .map(Grouping::describe).collect(Collectors.joining(" and "));
            return (scaled() ? factor.stripTrailingZeros().toPlainString() + " times " : "") + "the "
                    + agg.label.toLowerCase(java.util.Locale.ROOT) + " " + of + (scope.isEmpty() ? "" : " of those rows");
        }
    }

    Filter(ColumnProfile column, String op, Object value, List<Object> values) {
        this(column, op, value, values, null);
    }

    /** True for a condition that a yes/no column is yes or no, or that an event's date is there. */
    boolean flag() {
        boolean bool = column != null && column.type().toUpperCase(java.util.Locale.ROOT).startsWith("BOOL");
        return measure == null && (bool && op.equals("eq") && value instanceof Boolean
                || column != null && column.column().temporal() && op.equals("not_null"));
    }

    static Filter of(ColumnProfile column, String op, Object value) {
        return new Filter(column, op, value, null, null);
    }

    static Filter in(ColumnProfile column, List<Object> values) {
        return new Filter(column, "in", null, List.copyOf(values), null);
    }

    /** Any of several conditions: "older than 60 or younger than 18". */
    static Filter any(List<Filter> alternatives) {
        return new Filter(alternatives.get(0).column(), "any", null, List.copyOf(alternatives), null);
    }

    /** A condition on a measure of each group. */
    static Filter onMeasure(Measure measure, String op, Object value) {
        return new Filter(measure.column(), op, value, null, measure);
    }

    boolean onGroups() {
        return measure != null && measure.agg() != null;
    }

    /** A condition on a value each row has but no column holds: "lasted over 2 hours" (a time between two columns). */
    static Filter onRows(Measure rowValue, String op, Object value) {
        return new Filter(rowValue.column(), op, value, null, rowValue);
    }

    /** This condition on each group's measure compared with the average of the groups' measures, where it was of rows. */
    Filter againstGroups(List<Grouping> groups) {
        return onGroups() && value instanceof Average a ? new Filter(column, op, a.overGroups(measure, groups), values, measure)
                : this;
    }

    /** True when the tools' filter grammar can carry it (a tool step other than SQL may use it). */
    boolean forTools() {
        return measure == null && !(value instanceof Average) && !onQuantityText()
                && (!op.equals("any") || values.stream().allMatch(f -> ((Filter) f).forTools()));
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (op.equals("any")) {
            ArrayNode any = o.put("op", op).putArray("any");
            values.forEach(f -> any.add(((Filter) f).toJson()));
            return o;
        }
        o.put("column", column.name());
        o.put("op", op);
        if (value != null) {
            put(o, value);
        }
        if (values != null) {
            ArrayNode a = o.putArray("values");
            for (Object v : values) {
                if (v instanceof BigDecimal d) {
                    a.add(d);
                } else if (v instanceof Integer i) {
                    a.add(i);
                } else {
                    a.add(String.valueOf(v));
                }
            }
        }
        return o;
    }

    private static void put(ObjectNode o, Object v) {
        if (v instanceof Boolean b) {
            o.put("value", b);
        } else if (v instanceof BigDecimal d) {
            o.put("value", d);
        } else if (v instanceof Integer i) {
            o.put("value", i);
        } else {
            o.put("value", String.valueOf(v));
        }
    }

    /** A comparison of numbers on a text column of quantities written with their unit ("98 kg"). */
    private boolean onQuantityText() {
        return measure == null && column != null && NUMERIC_OPS.contains(op) && QuantityFilters.begins(column);
    }

    private static final java.util.Set<String> NUMERIC_OPS = java.util.Set.of("gt", "ge", "lt", "le", "between");

    /** The SQL condition: over a column for row filters, over the measure's aggregate for group filters. */
    String sql() {
        String c = measure != null ? (onGroups() ? measure.sql() : measure.rowSql())
                : onQuantityText() ? QuantityFilters.number(column) : SqlText.ident(column.name());
        return switch (op) {
            case "eq" -> c + " = " + lit(value);
            case "ne" -> "(" + c + " <> " + lit(value) + " OR " + c + " IS NULL)";
            case "in" -> c + " IN (" + values.stream().map(this::lit).collect(Collectors.joining(", ")) + ")";
            case "not_in" -> "(" + c + " NOT IN (" + values.stream().map(this::lit).collect(Collectors.joining(", "))
                    + ") OR " + c + " IS NULL)";
            case "gt" -> c + " > " + lit(value);
            case "ge" -> c + " >= " + lit(value);
            case "lt" -> c + " < " + lit(value);
            case "le" -> c + " <= " + lit(value);
            case "between" -> wholeLastDay()
                    ? "(" + c + " >= " + lit(values.get(0)) + " AND " + c + " < " + lit(LocalDate.parse((String) values.get(1)).plusDays(1).toString()) + ")"
                    : c + " BETWEEN " + lit(values.get(0)) + " AND " + lit(values.get(1));
            case "is_null" -> c + " IS NULL";
            case "not_null" -> c + " IS NOT NULL";
            case "year" -> "year(" + c + ") = " + value;
            case "month" -> "month(" + c + ") = " + value;
            case "starts_with" -> like(c, escapeLike(String.valueOf(value)) + "%");
            case "ends_with" -> like(c, "%" + escapeLike(String.valueOf(value)));
            case "contains" -> like(c, "%" + escapeLike(String.valueOf(value)) + "%");
            case "not_contains", "not_starts_with", "not_ends_with" ->
                    "(NOT (" + Filter.of(column, op.substring(4), value).sql() + ") OR " + c + " IS NULL)";
            case "any" -> "(" + values.stream().map(f -> ((Filter) f).sql()).collect(Collectors.joining(" OR ")) + ")";
            default -> throw new IllegalStateException("unknown filter op " + op);
        };
    }

    /** Text matching ignores case: people write 'north' for North. */
    private static String like(String c, String pattern) {
        return "CAST(" + c + " AS VARCHAR) ILIKE " + SqlText.literal(pattern) + (pattern.contains("\\") ? " ESCAPE '\\'" : "");
    }

    /** A literal typed for the column: dates of a date column as DATE '...', numbers bare, text quoted. */
    private String lit(Object v) {
        if (v instanceof Average a) {
            return a.sql();
        }
        if (v instanceof String s && column != null && column.column().temporal() && measure == null) {
            return "DATE " + SqlText.literal(s);
        }
        return SqlText.literal(v);
    }

    /** A day as the upper bound of a timestamp column: the whole day is in (as the tools' filters read it). */
    private boolean wholeLastDay() {
        return measure == null && column != null && column.type().toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")
                && values.get(1) instanceof String high && high.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** How it reads: "Region = 'West'", "year of Order Date = 2017", "City is missing". */
    String describe() {
        String c = measure != null ? (onGroups() ? measure.describe() : measure.describeRow())
                : onQuantityText() ? "the number in " + column.name() : column.name();
        return switch (op) {
            case "eq" -> c + " = " + show(value);
            case "ne" -> c + " is not " + show(value);
            case "in" -> c + " in (" + values.stream().map(Filter::show).collect(Collectors.joining(", ")) + ")";
            case "not_in" -> c + " not in (" + values.stream().map(Filter::show).collect(Collectors.joining(", ")) + ")";
            case "gt" -> c + " > " + show(value);
            case "ge" -> c + " >= " + show(value);
            case "lt" -> c + " < " + show(value);
            case "le" -> c + " <= " + show(value);
            case "between" -> c + " between " + show(values.get(0)) + " and " + show(values.get(1));
            case "is_null" -> c + " is missing";
            case "not_null" -> c + " is present";
            case "year" -> "year of " + c + " = " + value;
            case "month" -> c + " in " + Month.of((Integer) value).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " of any year";
            case "starts_with" -> c + " starts with " + show(value);
            case "ends_with" -> c + " ends with " + show(value);
            case "contains" -> c + " contains " + show(value);
            case "not_contains" -> c + " does not contain " + show(value);
            case "not_starts_with" -> c + " does not start with " + show(value);
            case "not_ends_with" -> c + " does not end with " + show(value);
            case "any" -> "(" + values.stream().map(f -> ((Filter) f).describe()).collect(Collectors.joining(" or ")) + ")";
            default -> c + " " + op;
        };
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : v instanceof BigDecimal d ? d.toPlainString()
                : v instanceof Average a ? a.describe() : String.valueOf(v);
    }
}
