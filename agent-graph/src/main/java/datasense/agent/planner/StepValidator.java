package datasense.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.ArgsValidator;
import datasense.tools.SchemaInfo;
import datasense.tools.ToolException;
import datasense.tools.ToolSpec;
import datasense.tools.sql.ResultColumns;
import datasense.tools.sql.SqlGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a tool call proposed by a model before it becomes a plan step: the tool must exist, its arguments
 * must satisfy the tool's schema, every column it names must be a column of the table, a chart may only
 * draw an earlier step, and SQL must pass {@link SqlGuard} (one read-only SELECT over the table, allowed
 * functions only). A chart's x, y, series and label must be columns of the table it draws, when that table's
 * columns can be told from the plan (an earlier sql_executor whose SELECT names every column, or a trend_plot):
 * calls are remembered by position, so they must be checked in plan order. The tools validate again when they
 * run; this keeps bad plans from reaching them and gives the model precise problems to repair.
 */
final class StepValidator {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern QUOTED_IDENT = Pattern.compile("\"((?:[^\"]|\"\")+)\"");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern CTE = Pattern.compile("(?i)(?:\\bWITH|,)\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))\\s+AS\\s*\\(");

    /** Chart arguments that name columns of the table the chart draws. */
    private static final List<String> CHART_COLUMNS = List.of("x", "y", "series", "label");
    /** What trend_plot returns. */
    private static final List<String> TREND_COLUMNS = List.of("period", "value");

    private final Map<String, ToolSpec> tools;
    private final SchemaInfo schema;
    /** Each checked call by its plan position: tool and arguments. */
    private final Map<Integer, Call> calls = new HashMap<>();

    private record Call(String tool, JsonNode args) {
    }

    StepValidator(Map<String, ToolSpec> tools, SchemaInfo schema) {
        this.tools = tools;
        this.schema = schema;
    }

    /** The problems of a call at plan position {@code index}; empty when it may run. */
    List<String> problems(String tool, JsonNode args, int index) {
        calls.put(index, new Call(tool, args));
        List<String> out = new ArrayList<>();
        ToolSpec spec = tools.get(tool);
        if (spec == null) {
            out.add("unknown tool '" + tool + "'; the tools are " + String.join(", ", tools.keySet()));
            return out;
        }
        if (!(args instanceof ObjectNode o)) {
            out.add(tool + ": arguments are not a JSON object");
            return out;
        }
        for (String p : ArgsValidator.validate(spec.argsSchema(), o)) {
            out.add(tool + ": " + p);
        }
        for (String field : List.of("column", "date_column", "value_column", "by")) {
            checkColumn(o.get(field), tool, out);
        }
        if (o.get("columns") instanceof ArrayNode cols) {
            cols.forEach(c -> checkColumn(c, tool, out));
        }
        if (o.get("filters") instanceof ArrayNode filters) {
            filters.forEach(f -> checkColumn(f.get("column"), tool, out));
        }
        if (tool.equals("chart") && o.path("from_step").isInt() && o.get("from_step").asInt() >= index) {
            out.add("chart: from_step " + o.get("from_step").asInt() + " is not an earlier step");
        } else if (tool.equals("chart") && o.path("from_step").isInt()) {
            checkChartColumns(o, o.get("from_step").asInt(), out);
        }
        if (tool.equals("sql_executor") && o.path("sql").isTextual()) {
            checkSql(o.get("sql").asText(), out);
        }
        return out;
    }

    /** A chart's column arguments against the columns of the table it draws, when those are known. */
    private void checkChartColumns(ObjectNode args, int from, List<String> out) {
        Call source = calls.get(from);
        if (source == null) {
            return;
        }
        List<String> columns = null;
        if (source.tool().equals("sql_executor") && source.args().path("sql").isTextual()) {
            columns = ResultColumns.of(source.args().get("sql").asText(), schema.table(),
                    schema.columns().stream().map(c -> c.name()).toList()).orElse(null);
        } else if (source.tool().equals("trend_plot")) {
            columns = TREND_COLUMNS;
        }
        if (columns == null) {
            return;
        }
        for (String field : CHART_COLUMNS) {
            JsonNode name = args.get(field);
            if (name != null && name.isTextual() && columns.stream().noneMatch(c -> c.equalsIgnoreCase(name.asText()))) {
                out.add("chart: " + field + " '" + name.asText() + "' is not a column of step " + from
                        + "'s table (" + String.join(", ", columns) + ")");
            }
        }
    }

    private void checkColumn(JsonNode name, String tool, List<String> out) {
        if (name != null && name.isTextual() && !hasColumn(name.asText())) {
            out.add(tool + ": unknown column '" + name.asText() + "'");
        }
    }

    private boolean hasColumn(String name) {
        return schema.columns().stream().anyMatch(c -> c.name().equals(name));
    }

    /**
     * The statement must pass the same guard the tool applies; quoted names in it must be the table, a column,
     * or an alias or CTE the statement itself defines (string literals are skipped: a value may hold quotes).
     */
    private void checkSql(String sql, List<String> out) {
        try {
            SqlGuard.vet(sql, schema.table());
        } catch (ToolException e) {
            out.add("sql_executor: " + e.getMessage() + (e.hint() == null ? "" : " " + e.hint()));
            return; // names in a statement that may not run at all are beside the point
        }
        String code = STRING_LITERAL.matcher(sql).replaceAll("''");
        Set<String> defined = new HashSet<>();
        for (Pattern p : List.of(ALIAS, CTE)) {
            Matcher a = p.matcher(code);
            while (a.find()) {
                defined.add(a.group(1) != null ? a.group(1).replace("\"\"", "\"") : a.group(2));
            }
        }
        Matcher m = QUOTED_IDENT.matcher(code);
        Set<String> reported = new HashSet<>();
        while (m.find()) {
            String name = m.group(1).replace("\"\"", "\"");
            if (!name.equals(schema.table()) && !defined.contains(name) && !hasColumn(name) && reported.add(name)) {
                out.add("sql_executor: unknown column '" + name + "'");
            }
        }
    }
}
