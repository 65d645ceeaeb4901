package datasense.tools;

/**
 * Everything a tool call may use besides its arguments: the dataset, the limits, the table of an earlier step
 * (for {@code chart}, which draws what another step computed; null when there is none) and the SQL statement
 * that produced that table (null when unknown). The table holds at most the inline rows; when it was cut, the
 * chart re-runs {@code inputSql} to draw the whole result.
 */
public record ToolContext(Dataset dataset, Limits limits, Table input, String inputSql) {

    /** A context whose input table (if any) comes without its SQL. */
    public ToolContext(Dataset dataset, Limits limits, Table input) {
        this(dataset, limits, input, null);
    }
}
