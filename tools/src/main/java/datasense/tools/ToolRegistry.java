package datasense.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analysis tools by name, and the one door to run them: arguments are validated against the tool's
 * schema ({@code bad_args}) and every column they name is checked against the dataset ({@code unknown_column})
 * before the tool runs, so tools and planners get the same precise errors.
 */
public final class ToolRegistry {

    /** Argument names whose values are dataset columns (chart's x and y name columns of its input table). */
    private static final List<String> COLUMN_ARGS = List.of("column", "date_column", "value_column", "by");

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    private ToolRegistry(List<Tool> tools) {
        for (Tool t : tools) {
            this.tools.put(t.spec().name(), t);
        }
    }

    /** The six standard tools. */
    public static ToolRegistry standard() {
        return new ToolRegistry(List.of(new SummaryStatsTool(), new DistributionPlotTool(), new TrendPlotTool(),
                new SqlExecutorTool(), new ChartTool(), new CorrelationTool()));
    }

    /** The tool called {@code name}, or null. */
    public Tool tool(String name) {
        return name == null ? null : tools.get(name);
    }

    /** The names of the tools, in registry order. */
    public List<String> names() {
        return List.copyOf(tools.keySet());
    }

    /** Every tool's spec, in registry order. */
    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    /** Validates {@code args}, checks the columns they name, then runs the tool. */
    public ToolResult run(String name, ToolContext ctx, ObjectNode args) throws ToolException {
        Tool tool = tool(name);
        if (tool == null) {
            throw new ToolException("unknown_tool", "There is no tool '" + name + "'.",
                    "Use one of: " + String.join(", ", tools.keySet()));
        }
        ObjectNode a = args == null ? ToolSupport.JSON.createObjectNode() : args;
        ObjectNode schema = tool.spec().argsSchema();
        List<String> errors = ArgsValidator.validate(schema, a);
        if (!errors.isEmpty()) {
            throw new ToolException("bad_args", name + ": " + String.join("; ", errors), argumentHint(name, schema));
        }
        checkColumns(ctx.dataset(), a);
        return tool.run(ctx, a);
    }

    /** Throws {@code unknown_column} for the first column argument the dataset does not have. */
    static void checkColumns(Dataset ds, ObjectNode args) throws ToolException {
        List<String> named = new ArrayList<>();
        for (String key : COLUMN_ARGS) {
            JsonNode v = args.get(key);
            if (v != null && v.isTextual()) {
                named.add(v.asText());
            }
        }
        JsonNode columns = args.get("columns");
        if (columns != null && columns.isArray()) {
            columns.forEach(c -> named.add(c.asText()));
        }
        JsonNode filters = args.get("filters");
        if (filters != null && filters.isArray()) {
            filters.forEach(f -> {
                if (f.path("column").isTextual()) {
                    named.add(f.path("column").asText());
                }
            });
        }
        for (String n : named) {
            if (ds.column(n) == null) {
                throw ToolSupport.unknownColumn(n, ds.columns());
            }
        }
    }

    private static String argumentHint(String name, ObjectNode schema) {
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(p -> out.add(p + (required.contains(p) ? " (required)" : "")));
        return name + " takes: " + out.stream().collect(Collectors.joining(", "));
    }
}
