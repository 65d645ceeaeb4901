package datasense.tools.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Turns an upload, as the client sent it, into a UTF-8 text file: inflates gzip, strips a byte-order mark,
 * reads UTF-16 (with a BOM, or recognised by its zero bytes), keeps valid UTF-8 as it is and reads anything
 * else as windows-1252. It refuses binary data (NUL bytes) and stops as soon as the decompressed size passes
 * the limit, so a small gzip bomb never fills the disk.
 */
final class Utf8Transcoder {

    /** The decompressed size of the upload and the encoding it was read in. */
    record Result(long bytes, String encoding, boolean gzip) {
    }

    private static final int CHUNK = 1 << 16;

    /** windows-1252 code points for bytes 0x80-0x9F; the five undefined bytes keep their latin-1 (C1) meaning. */
    private static final char[] CP1252_HIGH = {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178'};

    private Utf8Transcoder() {
    }

    /** Writes {@code source} as UTF-8 to {@code target} (which must differ from the source). */
    static Result transcode(Path source, Path target, long maxBytes) throws IngestException, IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(source), CHUNK)) {
            raw.mark(4);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            Inflation.CountingStream compressed = new Inflation.CountingStream(raw);
            Inflation.CountingStream in = gzip
                    ? new Inflation.CountingStream(new GZIPInputStream(compressed, CHUNK), maxBytes, compressed)
                    : new Inflation.CountingStream(raw, maxBytes, null);
            try {
                byte[] head = in.readNBytes(CHUNK);
                refuseKnownBinary(head);
                String encoding;
                if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
                    encoding = copyBytes(head, 3, in, target);
                } else if (startsWith(head, 0xFF, 0xFE)) {
                    encoding = copyUtf16(head, 2, in, target, false);
                } else if (startsWith(head, 0xFE, 0xFF)) {
                    encoding = copyUtf16(head, 2, in, target, true);
                } else {
                    int utf16 = guessBomlessUtf16(head);
                    encoding = utf16 == 0 ? copyBytes(head, 0, in, target)
                            : copyUtf16(head, 0, in, target, utf16 > 0);
                }
                return new Result(in.count(), encoding, gzip);
            } catch (ZipException | EOFException e) {
                throw new IngestException(IngestException.UNREADABLE,
                        "The file looks like gzip but could not be decompressed: " + e.getMessage(),
                        "Upload the plain .csv file, or a complete .csv.gz archive.", 0, e);
            }
        } catch (Inflation.TooLargeException e) {
            throw e.refusal();
        }
    }

    /**
     * The upload read where it lies when it is already what {@link #transcode} would write (plain UTF-8: not gzip,
     * no byte-order mark, not UTF-16), so the common case is one read of the file and no copy; null when it must be
     * transcoded. Refuses binary data and sizes past the limit as {@link #transcode} does.
     */
    static Result checkInPlace(Path source, long maxBytes) throws IngestException, IOException {
        try (InputStream raw = Files.newInputStream(source)) {
            Inflation.CountingStream in = new Inflation.CountingStream(raw, maxBytes, null);
            byte[] head = in.readNBytes(CHUNK);
            refuseKnownBinary(head);
            if (startsWith(head, 0x1f, 0x8b) || startsWith(head, 0xEF, 0xBB, 0xBF) || startsWith(head, 0xFF, 0xFE)
                    || startsWith(head, 0xFE, 0xFF) || guessBomlessUtf16(head) != 0) {
                return null;
            }
            Utf8Check check = new Utf8Check();
            check.scan(head, 0, head.length);
            byte[] buf = new byte[CHUNK];
            int n;
            while (check.valid && (n = in.read(buf)) > 0) {
                check.scan(buf, 0, n);
            }
            return check.valid && check.pending == 0 ? new Result(in.count(), "UTF-8", false) : null;
        } catch (Inflation.TooLargeException e) {
            throw e.refusal();
        }
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Spreadsheets and documents are common wrong uploads; name them so the user knows what to do. */
    private static void refuseKnownBinary(byte[] head) throws IngestException {
        String what = null;
        if (startsWith(head, 'P', 'K', 3, 4)) {
            what = "a ZIP archive (an .xlsx workbook is one)";
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            what = "a legacy Office file (.xls)";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            what = "a PDF document";
        } else if (startsWith(head, 'P', 'A', 'R', '1')) {
            what = "a Parquet file";
        }
        if (what != null) {
            throw new IngestException(IngestException.UNREADABLE, "The file is " + what + ", not CSV text.",
                    "Export or save the data as CSV (comma-separated values) and upload that.", 1);
        }
    }

    /**
     * +1 for UTF-16BE, -1 for UTF-16LE, 0 otherwise: text in UTF-16 without a BOM has a zero in most odd
     * (LE) or even (BE) bytes and almost none in the others, which binary data rarely imitates.
     */
    private static int guessBomlessUtf16(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return 0;
        }
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            if (head[i] == 0) {
                evenZero++;
            }
            if (head[i + 1] == 0) {
                oddZero++;
            }
        }
        if (oddZero > pairs * 0.7 && evenZero < pairs * 0.05) {
            return -1;
        }
        if (evenZero > pairs * 0.7 && oddZero < pairs * 0.05) {
            return 1;
        }
        return 0;
    }

    private static String copyUtf16(byte[] head, int skip, InputStream rest, Path target, boolean bigEndian)
            throws IOException, IngestException {
        CharsetDecoder decoder = (bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), rest);
        long line = 1;
        try (Reader reader = new InputStreamReader(all, decoder);
             Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
            char[] buf = new char[CHUNK];
            int n;
            while ((n = reader.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        line++;
                    } else if (c == 0) {
                        throw binary(line);
                    }
                }
                writer.write(buf, 0, n);
            }
        } catch (CharacterCodingException e) {
            throw new IngestException(IngestException.UNREADABLE,
                    "Line " + line + ": the file is not valid UTF-16 text although it starts like it.",
                    "Save the file as UTF-8 CSV and upload it again.", line, e);
        }
        return bigEndian ? "UTF-16BE" : "UTF-16LE";
    }

    /** Copies bytes unchanged while checking they are UTF-8; if they are not, re-reads the copy as windows-1252. */
    private static String copyBytes(byte[] head, int skip, InputStream rest, Path target)
            throws IOException, IngestException {
        Utf8Check check = new Utf8Check();
        try (OutputStream out = Files.newOutputStream(target)) {
            check.scan(head, skip, head.length);
            out.write(head, skip, head.length - skip);
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = rest.read(buf)) > 0) {
                check.scan(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (check.valid && check.pending == 0) {
            return skip == 3 ? "UTF-8 (BOM)" : "UTF-8";
        }
        Path latin = target.resolveSibling(target.getFileName() + ".cp1252");
        try {
            cp1252ToUtf8(target, latin);
            Files.move(latin, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(latin);
        }
        return "windows-1252";
    }

    private static void cp1252ToUtf8(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            byte[] buf = new byte[CHUNK];
            byte[] enc = new byte[CHUNK * 3];
            int n;
            while ((n = in.read(buf)) > 0) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (b < 0x80) {
                        enc[k++] = (byte) b;
                        continue;
                    }
                    char c = b < 0xA0 ? CP1252_HIGH[b - 0x80] : (char) b;
                    if (c < 0x800) {
                        enc[k++] = (byte) (0xC0 | (c >> 6));
                        enc[k++] = (byte) (0x80 | (c & 0x3F));
                    } else {
                        enc[k++] = (byte) (0xE0 | (c >> 12));
                        enc[k++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                        enc[k++] = (byte) (0x80 | (c & 0x3F));
                    }
                }
                out.write(enc, 0, k);
            }
        }
    }

    private static IngestException binary(long line) {
        return new IngestException(IngestException.UNREADABLE,
                "Line " + line + ": the file contains binary data (a NUL byte), so it is not CSV text.",
                "Upload a CSV text file; if this is a spreadsheet, export it as CSV first.", line);
    }

    /** Streaming UTF-8 validator (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF); also refuses NUL. */
    private static final class Utf8Check {
        boolean valid = true;
        int pending;      // continuation bytes still expected
        int lo = 0x80;    // allowed range of the next continuation byte
        int hi = 0xBF;
        long line = 1;

        void scan(byte[] buf, int from, int to) throws IngestException {
            for (int i = from; i < to; i++) {
                int b = buf[i];
                if (b > 0) {              // ASCII other than NUL: the hot path
                    if (b == '\n') {
                        line++;
                    }
                    if (pending != 0) {
                        valid = false;
                        pending = 0;
                    }
                    continue;
                }
                if (b == 0) {
                    throw binary(line);
                }
                if (!valid) {
                    continue;
                }
                b &= 0xff;
                if (pending > 0) {
                    if (b < lo || b > hi) {
                        valid = false;
                    }
                    pending--;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    lo = b == 0xE0 ? 0xA0 : 0x80;
                    hi = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    lo = b == 0xF0 ? 0x90 : 0x80;
                    hi = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    valid = false;
                }
            }
        }
    }
}
