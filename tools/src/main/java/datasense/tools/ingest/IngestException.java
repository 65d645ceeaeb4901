package datasense.tools.ingest;

/**
 * An upload could not be ingested. {@code code} is stable: {@code too_large} (over the byte or row limit;
 * HTTP 413), {@code unreadable} (empty, header only, binary, not CSV, too many bad rows; HTTP 400),
 * {@code unsupported} (a recognised format that is not accepted, such as a PDF or a workbook; HTTP 415) or
 * {@code internal} (our fault, e.g. an I/O or engine failure). {@code line} is the 1-based line the problem
 * was found on, or 0 when it is not about one line.
 */
public final class IngestException extends Exception {

    public static final String TOO_LARGE = "too_large";
    public static final String UNREADABLE = "unreadable";
    public static final String INTERNAL = "internal";
    public static final String UNSUPPORTED = "unsupported_type";
    /** A database source refused the import: wrong password, unknown table, a query that is not one SELECT. */
    public static final String SOURCE_REFUSED = "source_refused";
    /** A database source could not be reached (a gateway failure, 502 at the HTTP edge). */
    public static final String SOURCE_UNREACHABLE = "source_unreachable";

    private final String code;
    private final String hint;
    private final long line;

    public IngestException(String code, String message, String hint) {
        this(code, message, hint, 0, null);
    }

    public IngestException(String code, String message, String hint, long line) {
        this(code, message, hint, line, null);
    }

    public IngestException(String code, String message, String hint, long line, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.hint = hint;
        this.line = line;
    }

    public String code() {
        return code;
    }

    public String hint() {
        return hint;
    }

    /** The 1-based line the problem is on, or 0 when the problem is not about one line. */
    public long line() {
        return line;
    }
}
