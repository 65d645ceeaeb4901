package datasense.agent;

import datasense.tools.ToolException;

/**
 * How {@link AnalysisPorts#runStep} reports a step that failed: the tool's stable error code, the message and a
 * hint. Unchecked so it can complete a {@code CompletionStage} from inside a lambda.
 */
public final class StepFailedException extends RuntimeException {

    private final String code;
    private final String hint;

    public StepFailedException(String code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    /** The failure of a tool, as a step failure. */
    public static StepFailedException of(ToolException e) {
        StepFailedException failure = new StepFailedException(e.code(), e.getMessage(), e.hint());
        failure.initCause(e);
        return failure;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }
}
