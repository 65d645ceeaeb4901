package datasense.tools;

import java.util.List;

/**
 * What a tool returns: a one-line summary, result tables (inline, bounded), artifacts, and the SQL it ran
 * (every statement, in order) so the answer is reproducible.
 */
public record ToolResult(String summary, List<Table> tables, List<Artifact> artifacts, List<String> sql) {
}
