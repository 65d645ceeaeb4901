package datasense.tools.ingest;

/** One CSV record the typed read refused: its 1-based physical line, why, and the start of its text. */
public record RejectedLine(long line, String reason, String text) {
}
