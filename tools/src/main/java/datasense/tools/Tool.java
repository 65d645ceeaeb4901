package datasense.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One analysis tool. Tools are blocking, plain Java, and stateless between calls: a worker may run
 * any call on any thread. Arguments arrive already validated against {@link #spec()}'s schema.
 */
public interface Tool {

    /** Name, description and JSON schema of the arguments; the same spec feeds validation and the LLM. */
    ToolSpec spec();

    /** Runs the tool over the dataset in {@code context}, or throws a {@link ToolException} saying what to fix. */
    ToolResult run(ToolContext context, ObjectNode args) throws ToolException;
}
