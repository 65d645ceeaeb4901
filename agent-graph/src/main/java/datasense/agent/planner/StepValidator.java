package datasense.agent.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.ArgsValidator;
import datasense.tools.SchemaInfo;
import datasense.tools.ToolException;
import datasense.tools.ToolSpec;
import datasense.tools.sql.SqlGuard;
import java.util.ArrayList;
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
 * functions only). The tools validate again when they run; this keeps bad plans from reaching them and
 * gives the model precise problems to repair.
 */
final class StepValidator {

    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern QUOTED_IDENT = Pattern.compile("\"((?:[^\"]|\"\")+)\"");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern CTE = Pattern.compile("(?i)(?:\\bWITH|,)\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_]*))\\s+AS\\s*\\(");

    private final Map<String, ToolSpec> tools;
    private final SchemaInfo schema;

    StepValidator(Map<String, ToolSpec> tools, SchemaInfo schema) {
        this.tools = tools;
        this.schema = schema;
    }

    /** The problems of a call at plan position {@code index}; empty when it may run. */
    List<String> problems(String tool, JsonNode args, int index) {
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
        for (String field : List.of("column", "date_column", "value_column")) {
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
        }
        if (tool.equals("sql_executor") && o.path("sql").isTextual()) {
            checkSql(o.get("sql").asText(), out);
        }
        return out;
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
