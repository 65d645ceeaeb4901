package datasense.tools;

/**
 * Everything a tool call may use besides its arguments: the dataset, the limits, and the table of an
 * earlier step (for {@code chart}, which draws what another step computed; null when there is none).
 */
public record ToolContext(Dataset dataset, Limits limits, Table input) {
}
