package datasense.agent.planner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A row filter in the shape the tools share ({column, op, value?, values?}; ops eq ne in gt ge lt le between
 * is_null not_null year starts_with), which the planner also spells as a SQL condition so a tool call and
 * its SQL twin always filter alike.
 */
record Filter(ColumnProfile column, String op, Object value, List<Object> values) {

    static Filter of(ColumnProfile column, String op, Object value) {
        return new Filter(column, op, value, null);
    }

    static Filter in(ColumnProfile column, List<Object> values) {
        return new Filter(column, "in", null, List.copyOf(values));
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
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

    String sql() {
        String c = SqlText.ident(column.name());
        return switch (op) {
            case "eq" -> c + " = " + lit(value);
            case "ne" -> "(" + c + " <> " + lit(value) + " OR " + c + " IS NULL)";
            case "in" -> c + " IN (" + values.stream().map(this::lit).collect(Collectors.joining(", ")) + ")";
            case "gt" -> c + " > " + lit(value);
            case "ge" -> c + " >= " + lit(value);
            case "lt" -> c + " < " + lit(value);
            case "le" -> c + " <= " + lit(value);
            case "between" -> c + " BETWEEN " + lit(values.get(0)) + " AND " + lit(values.get(1));
            case "is_null" -> c + " IS NULL";
            case "not_null" -> c + " IS NOT NULL";
            case "year" -> "year(" + c + ") = " + value;
            case "starts_with" -> c + " LIKE " + SqlText.literal(escapeLike(String.valueOf(value)) + "%")
                    + (needsEscape(String.valueOf(value)) ? " ESCAPE '\\'" : "");
            default -> throw new IllegalStateException("unknown filter op " + op);
        };
    }

    /** A literal typed for the column: dates of a date column as DATE '...', numbers bare, text quoted. */
    private String lit(Object v) {
        if (v instanceof String s && column.column().temporal()) {
            return "DATE " + SqlText.literal(s);
        }
        return SqlText.literal(v);
    }

    private static boolean needsEscape(String s) {
        return s.contains("%") || s.contains("_") || s.contains("\\");
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** How it reads: "Region = 'West'", "year of Order Date = 2017", "City is missing". */
    String describe() {
        String c = column.name();
        return switch (op) {
            case "eq" -> c + " = " + show(value);
            case "ne" -> c + " is not " + show(value);
            case "in" -> c + " in (" + values.stream().map(Filter::show).collect(Collectors.joining(", ")) + ")";
            case "gt" -> c + " > " + show(value);
            case "ge" -> c + " >= " + show(value);
            case "lt" -> c + " < " + show(value);
            case "le" -> c + " <= " + show(value);
            case "between" -> c + " between " + show(values.get(0)) + " and " + show(values.get(1));
            case "is_null" -> c + " is missing";
            case "not_null" -> c + " is present";
            case "year" -> "year of " + c + " = " + value;
            case "starts_with" -> c + " starts with " + show(value);
            default -> c + " " + op;
        };
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
