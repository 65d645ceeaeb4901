package datasense.agent;

import datasense.tools.Table;
import java.util.List;

/**
 * The outcome of one executed step as the agent keeps it: the tool's summary, tables and SQL, its artifacts
 * already stored (keys, not bytes), which node ran it and how long it took.
 */
public record StepOutput(String summary, List<Table> tables, List<ArtifactRef> artifacts, List<String> sql,
                         String node, long durationMs) {
}
