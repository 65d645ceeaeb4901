package datasense.agent;

import com.fasterxml.jackson.databind.JsonNode;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which schema columns a plan step uses and how: aggregated (with the aggregate), grouped by (with the time
 * grain when it is a date bucket), filtered on (with the operator), or merely mentioned. Reads the tool's
 * arguments (strings equal to a column name, arrays of them) and, for SQL, the identifiers (double-quoted, or
 * bare words equal to a column name) in the aggregate calls, GROUP BY and WHERE clauses. A heuristic reader,
 * not a parser: it only has to be right for the statements planners write.
 */
final class ColumnUses {

    /** How a step uses a column. */
    enum Role { MEASURE, GROUP, FILTER, OTHER }

    /**
     * One use: the column's profile, the role, and its detail: the aggregate for a measure ({@code sum},
     * {@code avg}, {@code count}, {@code corr}, {@code stats}, {@code histogram}...), the grain for a grouping
     * on a date bucket ({@code day}...{@code year}, {@code date} when unknown, null for a non-date grouping),
     * the operator for a filter ({@code is_null}, {@code not_null}, {@code compare}).
     */
    record Use(ColumnProfile column, Role role, String detail) {
    }

    /** What one step does with the data's columns; {@code countsRows} is true when it counts rows (COUNT(*)). */
    record StepUses(List<Use> uses, boolean countsRows) {

        List<Use> of(ColumnProfile column) {
            return uses.stream().filter(u -> u.column().name().equals(column.name())).toList();
        }
    }

    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern IDENT = Pattern.compile("\"((?:[^\"]|\"\")+)\"|\\b([A-Za-z_][A-Za-z0-9_]*)\\b");
    private static final Pattern AGG_CALL = Pattern.compile("(?i)\\b(sum|avg|mean|min|max|median|count|stddev|"
            + "stddev_samp|stddev_pop|var_samp|var_pop|variance|corr|quantile_cont|quantile_disc|quantile|mode)"
            + "\\s*\\(");
    private static final Pattern CLAUSE = Pattern.compile("(?i)\\b(SELECT|FROM|WHERE|GROUP\\s+BY|HAVING|ORDER\\s+BY|"
            + "LIMIT|QUALIFY|WINDOW)\\b");
    private static final Set<String> KEYWORDS = Set.of("select", "from", "where", "group", "by", "order", "having",
            "limit", "as", "and", "or", "not", "null", "is", "in", "between", "like", "ilike", "case", "when",
            "then", "else", "end", "distinct", "on", "join", "asc", "desc", "nulls", "last", "first", "all",
            "date", "timestamp", "interval", "true", "false", "cast", "with", "over", "partition", "qualify",
            "window", "offset", "integer", "double", "varchar", "bigint", "union", "filter");
    private static final Map<String, String> GRAIN_FUNCTIONS = Map.of("year", "year", "month", "month",
            "week", "week", "day", "day", "dayofmonth", "day");

    private ColumnUses() {
    }

    /** The uses of one step's columns; a chart only redraws an earlier step's table, so it uses none. */
    static StepUses of(PlanStep step, SchemaInfo schema) {
        List<Use> uses = new ArrayList<>();
        boolean countsRows = false;
        JsonNode args = step.args();
        if (schema == null || args == null || "chart".equals(step.tool())) {
            return new StepUses(uses, false);
        }
        filters(args.path("filters"), schema, uses);
        switch (step.tool()) {
            case "sql_executor" -> countsRows = sql(args.path("sql").asText(""), schema, uses);
            case "trend_plot" -> {
                ColumnProfile date = column(schema, args.path("date_column").asText(null));
                if (date == null) {
                    // The tool takes the first date column when none is given.
                    date = schema.columns().stream().filter(c -> c.column().temporal()).findFirst().orElse(null);
                }
                if (date != null) {
                    uses.add(new Use(date, Role.GROUP, args.path("grain").asText("date")));
                }
                ColumnProfile value = column(schema, args.path("value_column").asText(null));
                String agg = args.path("agg").asText(value == null ? "count" : "sum");
                if (value != null) {
                    uses.add(new Use(value, Role.MEASURE, agg));
                } else {
                    countsRows = true;
                }
            }
            case "summary_stats" -> names(args.path("columns"), schema)
                    .forEach(c -> uses.add(new Use(c, Role.MEASURE, "stats")));
            case "correlation" -> names(args.path("columns"), schema)
                    .forEach(c -> uses.add(new Use(c, Role.MEASURE, "corr")));
            case "distribution_plot" -> {
                ColumnProfile c = column(schema, args.path("column").asText(null));
                if (c != null) {
                    uses.add(new Use(c, Role.MEASURE, "histogram"));
                }
            }
            default -> {
                // Another tool: any argument naming a column (or an array of them) is a mention.
                for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!Set.of("filters", "label", "title").contains(e.getKey())) {
                        names(e.getValue(), schema).forEach(c -> uses.add(new Use(c, Role.OTHER, null)));
                    }
                }
            }
        }
        return new StepUses(uses, countsRows);
    }

    private static void filters(JsonNode filters, SchemaInfo schema, List<Use> uses) {
        if (!filters.isArray()) {
            return;
        }
        for (JsonNode f : filters) {
            ColumnProfile c = column(schema, f.path("column").asText(null));
            if (c != null) {
                String op = f.path("op").asText("");
                uses.add(new Use(c, Role.FILTER, op.equals("is_null") || op.equals("not_null") ? op : "compare"));
            }
        }
    }

    /** Reads a statement's column uses into {@code uses}; true when it counts rows with COUNT(*). */
    static boolean sql(String statement, SchemaInfo schema, List<Use> uses) {
        String sql = LITERAL.matcher(statement).replaceAll("''");
        String grainSource = statement;
        boolean countsRows = Pattern.compile("(?i)\\bcount\\s*\\(\\s*\\*\\s*\\)").matcher(sql).find();
        // Aggregate calls: every column inside one is measured by it; blank them out for what follows.
        StringBuilder rest = new StringBuilder(sql);
        Matcher m = AGG_CALL.matcher(sql);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = closing(sql, open);
            String inner = sql.substring(open + 1, close);
            String agg = m.group(1).toLowerCase(Locale.ROOT);
            if (agg.equals("count") && inner.strip().toUpperCase(Locale.ROOT).startsWith("DISTINCT")) {
                agg = "count_distinct";
            }
            for (ColumnProfile c : idents(inner, schema)) {
                uses.add(new Use(c, Role.MEASURE, agg));
            }
            for (int i = m.start(); i <= close && i < rest.length(); i++) {
                rest.setCharAt(i, ' ');
            }
            from = Math.max(close, m.end());
        }
        String blanked = rest.toString();
        String where = clause(blanked, "WHERE");
        for (ColumnProfile c : idents(where, schema)) {
            String q = "(\"" + Pattern.quote(c.name()) + "\"|\\b" + Pattern.quote(c.name()) + "\\b)";
            String op = Pattern.compile("(?i)" + q + "\\s+IS\\s+NOT\\s+NULL").matcher(where).find() ? "not_null"
                    : Pattern.compile("(?i)" + q + "\\s+IS\\s+NULL").matcher(where).find() ? "is_null" : "compare";
            uses.add(new Use(c, Role.FILTER, op));
        }
        String groupBy = clause(blanked, "GROUP BY");
        List<ColumnProfile> groups = idents(groupBy, schema);
        if (groupBy != null && groups.isEmpty()) {
            // GROUP BY ALL or by position: the plain (non-aggregate) columns of the select list.
            groups = idents(clause(blanked, "SELECT"), schema);
        }
        for (ColumnProfile c : groups) {
            uses.add(new Use(c, Role.GROUP, c.column().temporal() ? grain(grainSource, c) : null));
        }
        for (ColumnProfile c : idents(blanked, schema)) {
            if (uses.stream().noneMatch(u -> u.column().name().equals(c.name()))) {
                uses.add(new Use(c, Role.OTHER, null));
            }
        }
        return countsRows;
    }

    /** The bucket a statement puts a date column in: date_trunc's unit, year(), a cast to DATE, else "date". */
    private static String grain(String sql, ColumnProfile c) {
        String q = "(?:\"" + Pattern.quote(c.name()) + "\"|\\b" + Pattern.quote(c.name()) + "\\b)";
        Matcher trunc = Pattern.compile("(?i)date_trunc\\s*\\(\\s*'(\\w+)'\\s*,\\s*" + q).matcher(sql);
        if (trunc.find()) {
            return trunc.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher part = Pattern.compile("(?i)\\b(year|month|week|day|dayofmonth)\\s*\\(\\s*" + q).matcher(sql);
        if (part.find()) {
            return GRAIN_FUNCTIONS.get(part.group(1).toLowerCase(Locale.ROOT));
        }
        if (Pattern.compile("(?i)CAST\\s*\\(\\s*" + q + "\\s+AS\\s+DATE\\s*\\)").matcher(sql).find()) {
            return "day";
        }
        return "date";
    }

    /** The text of a top-level clause up to the next clause keyword, or null when absent. */
    private static String clause(String sql, String keyword) {
        Matcher m = CLAUSE.matcher(sql);
        int start = -1;
        while (m.find()) {
            String k = m.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (start >= 0) {
                return sql.substring(start, m.start());
            }
            if (k.equals(keyword)) {
                start = m.end();
            }
        }
        return start >= 0 ? sql.substring(start) : null;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    /**
     * The schema columns named in a piece of SQL: double-quoted identifiers, and bare words that are neither
     * keywords, function names (followed by "("), aliases (after AS) nor qualified names.
     */
    private static List<ColumnProfile> idents(String sql, SchemaInfo schema) {
        List<ColumnProfile> out = new ArrayList<>();
        if (sql == null) {
            return out;
        }
        Matcher m = IDENT.matcher(sql);
        while (m.find()) {
            String name;
            if (m.group(1) != null) {
                name = m.group(1).replace("\"\"", "\"");
            } else {
                name = m.group(2);
                String before = sql.substring(Math.max(0, m.start() - 8), m.start()).stripTrailing()
                        .toUpperCase(Locale.ROOT);
                String after = sql.substring(m.end(), Math.min(sql.length(), m.end() + 8)).stripLeading();
                if (KEYWORDS.contains(name.toLowerCase(Locale.ROOT)) || after.startsWith("(")
                        || before.endsWith(".") || before.matches("(?s)(.*\\W)?AS")) {
                    continue;
                }
            }
            ColumnProfile c = schema.column(name);
            if (c != null && !out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static ColumnProfile column(SchemaInfo schema, String name) {
        return name == null || name.isBlank() ? null : schema.column(name);
    }

    private static List<ColumnProfile> names(JsonNode node, SchemaInfo schema) {
        List<ColumnProfile> out = new ArrayList<>();
        if (node.isTextual()) {
            ColumnProfile c = column(schema, node.asText());
            if (c != null) {
                out.add(c);
            }
        } else if (node.isArray()) {
            node.forEach(n -> out.addAll(names(n, schema)));
        }
        return out;
    }
}
