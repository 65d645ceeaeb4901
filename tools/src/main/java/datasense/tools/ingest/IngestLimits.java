package datasense.tools.ingest;

/**
 * How much one upload may hold: {@code maxBytes} of decompressed text and {@code maxRows} data records.
 * Bytes are counted after gzip inflation so a small archive cannot smuggle in a huge file.
 */
public record IngestLimits(long maxBytes, long maxRows) {

    public IngestLimits {
        if (maxBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxRows);
        }
    }

    /** 500 MB and 5 million rows: room for the 1M-row benchmark file with margin. */
    public static IngestLimits defaults() {
        return new IngestLimits(500L * 1024 * 1024, 5_000_000L);
    }
}
