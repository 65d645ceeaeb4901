package datasense.tools;

/**
 * A tool refused its arguments or failed. {@code code} is stable and machine-readable (for example
 * {@code bad_args}, {@code unknown_column}, {@code sql_rejected}, {@code timeout}, {@code too_many_rows});
 * the message says what was wrong and the hint how to fix it, in words a user can act on.
 */
public final class ToolException extends Exception {

    private final String code;
    private final String hint;

    public ToolException(String code, String message, String hint) {
        super(message);
        this.code = code;
        this.hint = hint;
    }

    public ToolException(String code, String message, String hint, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }
}
