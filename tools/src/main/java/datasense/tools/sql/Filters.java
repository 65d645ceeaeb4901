package datasense.tools.sql;

import com.fasterxml.jackson.databind.JsonNode;
import datasense.tools.Column;
import datasense.tools.Dataset;
import datasense.tools.ToolException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the {@code filters} argument of the tool schemas ({column, op, value?, values?}) into SQL conditions
 * with quoted identifiers and literals rendered by us, never spliced from the caller's text.
 */
public final class Filters {

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Filters() {
    }

    /** The conditions of {@code filters} (null or empty gives none), one per filter, to be AND-ed. */
    public static List<String> conditions(JsonNode filters, Dataset ds) throws ToolException {
        List<String> out = new ArrayList<>();
        if (filters == null || filters.isNull() || filters.isMissingNode()) {
            return out;
        }
        if (!filters.isArray()) {
            throw bad("filters must be a list of {column, op, value} objects.");
        }
        for (JsonNode f : filters) {
            out.add(condition(f, ds));
        }
        return out;
    }

    /**
     * A WHERE clause (with a leading space) AND-ing the filters and {@code extra} conditions, or "" when
     * there are none.
     */
    public static String where(JsonNode filters, Dataset ds, String... extra) throws ToolException {
        List<String> all = new ArrayList<>(List.of(extra));
        all.addAll(conditions(filters, ds));
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    private static String condition(JsonNode f, Dataset ds) throws ToolException {
        String op = f.path("op").asText(null);
        if ("any".equals(op)) {
            JsonNode any = f.get("any");
            if (any == null || !any.isArray() || any.isEmpty()) {
                throw bad("Filter 'any' needs any: a list of filters, one of which must hold.");
            }
            List<String> parts = new ArrayList<>();
            for (JsonNode alternative : any) {
                parts.add(condition(alternative, ds));
            }
            return "(" + String.join(" OR ", parts) + ")";
        }
        String name = f.path("column").asText(null);
        if (name == null || op == null) {
            throw bad("Each filter needs a column and an op.");
        }
        if (op.equals("not_contains") || op.equals("not_starts_with") || op.equals("not_ends_with")) {
            // the rows the text op leaves out, missing text included: "titles that do not contain 'the'"
            String matched = condition(((com.fasterxml.jackson.databind.node.ObjectNode) f.deepCopy())
                    .put("op", op.substring(4)), ds);
            Column column = ds.column(name);
            return "(NOT (" + matched + ") OR " + DuckDb.quoteIdent(column.name()) + " IS NULL)";
        }
        Column column = ds.column(name);
        if (column == null) {
            throw new ToolException("unknown_column", "The filter column '" + name + "' does not exist.",
                    "Use one of: " + ds.columns().stream().map(Column::name).collect(Collectors.joining(", ")));
        }
        String col = DuckDb.quoteIdent(column.name());
        JsonNode value = f.get("value");
        switch (op) {
            case "is_null":
                return col + " IS NULL";
            case "not_null":
                return col + " IS NOT NULL";
            case "eq":
                return value == null || value.isNull() ? col + " IS NULL" : col + " = " + literal(value, op);
            case "ne":
                return value == null || value.isNull() ? col + " IS NOT NULL"
                        : "(" + col + " <> " + literal(value, op) + " OR " + col + " IS NULL)";
            case "gt":
                return col + " > " + literal(required(value, op, name), op);
            case "ge":
                return col + " >= " + literal(required(value, op, name), op);
            case "lt":
                return col + " < " + literal(required(value, op, name), op);
            case "le":
                return col + " <= " + literal(required(value, op, name), op);
            case "in": {
                JsonNode values = list(f, op, name);
                if (values.isEmpty()) {
                    throw bad("Filter 'in' on " + name + " needs at least one value in values.");
                }
                List<String> items = new ArrayList<>();
                for (JsonNode v : values) {
                    items.add(literal(v, op));
                }
                return col + " IN (" + String.join(", ", items) + ")";
            }
            case "not_in": {
                JsonNode values = list(f, op, name);
                List<String> items = new ArrayList<>();
                for (JsonNode v : values) {
                    items.add(literal(v, op));
                }
                return items.isEmpty() ? "TRUE" : "(" + col + " NOT IN (" + String.join(", ", items) + ") OR " + col + " IS NULL)";
            }
            case "contains", "ends_with", "starts_with": {
                // all three ignore case, as the planner's SQL (ILIKE) does: "july" finds "July 4"
                JsonNode v = required(value, op, name);
                if (!v.isValueNode() || v.isNull()) {
                    throw bad("Filter '" + op + "' on " + name + " needs a text value.");
                }
                String text = v.asText().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                String pattern = switch (op) {
                    case "contains" -> "%" + text + "%";
                    case "ends_with" -> "%" + text;
                    default -> text + "%";
                };
                return "CAST(" + col + " AS VARCHAR) ILIKE " + DuckDb.quoteLiteral(pattern) + " ESCAPE '\\'";
            }
            case "between": {
                JsonNode values = list(f, op, name);
                if (values.size() != 2) {
                    throw bad("Filter 'between' on " + name + " needs values: [low, high].");
                }
                JsonNode high = values.get(1);
                if (column.type().toUpperCase(java.util.Locale.ROOT).startsWith("TIMESTAMP") && high.isTextual()
                        && DAY.matcher(high.textValue().strip()).matches()) {
                    // a day as the upper bound of times takes the whole day: "between June 1 and June 30"
                    String nextDay = java.time.LocalDate.parse(high.textValue().strip()).plusDays(1).toString();
                    return "(" + col + " >= " + literal(values.get(0), op) + " AND " + col + " < " + DuckDb.quoteLiteral(nextDay) + ")";
                }
                return col + " BETWEEN " + literal(values.get(0), op) + " AND " + literal(high, op);
            }
            case "month": {
                JsonNode v = required(value, op, name);
                if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 12) {
                    throw bad("Filter 'month' on " + name + " needs a month of the year, 1 to 12, not " + v + ".");
                }
                return "month(" + col + ") = " + v.asInt();
            }
            case "year": {
                JsonNode v = required(value, op, name);
                long year;
                if (v.canConvertToLong() && v.isIntegralNumber()) {
                    year = v.asLong();
                } else if (v.isTextual() && v.asText().strip().matches("\\d{4}")) {
                    year = Long.parseLong(v.asText().strip());
                } else {
                    throw bad("Filter 'year' on " + name + " needs a year such as 2017, not " + v + ".");
                }
                return "year(" + col + ") = " + year;
            }
            default:
                throw bad("Unknown filter op '" + op + "'.");
        }
    }

    private static JsonNode required(JsonNode value, String op, String column) throws ToolException {
        if (value == null || value.isNull()) {
            throw bad("Filter '" + op + "' on " + column + " needs a value.");
        }
        return value;
    }

    private static JsonNode list(JsonNode f, String op, String column) throws ToolException {
        JsonNode values = f.get("values");
        if (values == null || values.isNull()) {
            values = f.get("value"); // tolerate a list given as value
        }
        if (values == null || !values.isArray()) {
            throw bad("Filter '" + op + "' on " + column + " needs a list in values.");
        }
        return values;
    }

    /** A literal for a scalar JSON value: numbers as numbers, booleans as TRUE/FALSE, the rest as quoted text. */
    public static String literal(JsonNode v, String op) throws ToolException {
        if (v == null || v.isNull()) {
            return "NULL";
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (!Double.isFinite(d)) {
                throw bad("Filter '" + op + "' has a value that is not a finite number.");
            }
            return new BigDecimal(v.asText()).toPlainString();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "TRUE" : "FALSE";
        }
        if (v.isTextual()) {
            return DuckDb.quoteLiteral(v.textValue());
        }
        throw bad("Filter '" + op + "' values must be numbers, text or booleans, not " + v + ".");
    }

    private static ToolException bad(String message) {
        return new ToolException("bad_args", message,
                "Filters look like {\"column\": \"Region\", \"op\": \"eq\", \"value\": \"West\"}; ops: eq, ne, in,"
                        + " not_in, gt, ge, lt, le, between, is_null, not_null, year, month, starts_with, ends_with, contains,"
                        + " any (any: [filters], one of which must hold).");
    }
}
