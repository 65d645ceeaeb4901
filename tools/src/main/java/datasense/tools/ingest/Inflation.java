package datasense.tools.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How far an upload may inflate. Text compresses well (CSV and JSON gzip to a tenth or so, very repetitive
 * exports to a hundredth), but past {@link #MAX_RATIO} to one it is a decompression bomb: refused as soon as the
 * ratio shows, once {@link #FLOOR_BYTES} are out, so a bomb costs a few megabytes of disk, not the byte limit.
 */
final class Inflation {

    static final long MAX_RATIO = 200;
    static final long FLOOR_BYTES = 8L * 1024 * 1024;

    private Inflation() {
    }

    /** Refuses {@code inflated} bytes out of {@code compressed} bytes in, when that is past the ratio; {@code member} names the archive member. */
    static void check(long inflated, long compressed, String member) throws IngestException {
        if (bomb(inflated, compressed)) {
            throw new IngestException(IngestException.TOO_LARGE, message(inflated, compressed)
                    + (member == null ? "" : " (member '" + member + "')"),
                    "Upload the data uncompressed, or compressed as an ordinary export.");
        }
    }

    private static boolean bomb(long inflated, long compressed) {
        return inflated > FLOOR_BYTES && inflated > Math.max(1, compressed) * MAX_RATIO;
    }

    private static String message(long inflated, long compressed) {
        return "The file inflates more than " + MAX_RATIO + " to 1 (" + inflated + " bytes out of " + compressed
                + " so far): refused as a decompression bomb.";
    }

    /** Raised inside a {@link CountingStream} when it passes its byte limit or inflates like a bomb. */
    static final class TooLargeException extends IOException {

        TooLargeException(String message) {
            super(message);
        }

        IngestException refusal() {
            return new IngestException(IngestException.TOO_LARGE, getMessage(),
                    getMessage().contains("bomb") ? "Upload the data uncompressed, or compressed as an ordinary export."
                            : "Upload a smaller extract (fewer rows or columns).");
        }
    }

    /**
     * Counts the bytes read through it and fails once they pass {@code limit} or, when it reads what
     * {@code compressed} inflates to, once the two counts make a bomb.
     */
    static final class CountingStream extends FilterInputStream {

        private final long limit;
        private final CountingStream compressed;
        private long count;

        /** A count with no limit: the compressed side of a ratio. */
        CountingStream(InputStream in) {
            this(in, Long.MAX_VALUE, null);
        }

        CountingStream(InputStream in, long limit, CountingStream compressed) {
            super(in);
            this.limit = limit;
            this.compressed = compressed;
        }

        long count() {
            return count;
        }

        private void add(long n) throws TooLargeException {
            if (n <= 0) {
                return;
            }
            count += n;
            if (count > limit) {
                throw new TooLargeException("The file is larger than " + limit + " bytes once decompressed.");
            }
            if (compressed != null && bomb(count, compressed.count())) {
                throw new TooLargeException(message(count, compressed.count()));
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            add(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }
    }
}
