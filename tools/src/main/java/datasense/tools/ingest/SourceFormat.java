package datasense.tools.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The formats a file upload may be in, and how one upload's format is decided: binary formats by their
 * first bytes (magic numbers beat any name), text by the file name's extension, then the content type,
 * then the first character ({@code [} or <code>{</code> is JSON, anything else CSV). Gzip around any of
 * them is seen through. Kept apart from the readers so the HTTP edge and the ingest agree on one rule.
 */
public enum SourceFormat {
    CSV("csv"), PARQUET("parquet"), JSON("json"), NDJSON("ndjson"), XLSX("xlsx"), ZIP("zip"), SQLITE("sqlite");

    /** What the HTTP edge and error messages list as accepted. */
    public static final String ACCEPTED = "CSV or TSV (.csv, .tsv, .txt), Parquet (.parquet), JSON array (.json),"
            + " NDJSON (.ndjson, .jsonl), Excel workbook (.xlsx), SQLite database (.sqlite, .sqlite3, .db), each also gzip-compressed (.gz), or a ZIP (.zip) of them";
    /** File name endings accepted, gzip ones included. */
    public static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".txt", ".parquet", ".pq", ".json",
            ".ndjson", ".jsonl", ".xlsx", ".zip", ".sqlite", ".sqlite3", ".db");
    /** Content types accepted (besides none at all). */
    public static final List<String> CONTENT_TYPES = List.of("text/csv", "application/csv", "text/plain",
            "text/tab-separated-values", "application/vnd.ms-excel", "application/octet-stream", "application/gzip",
            "application/x-gzip", "application/json", "text/json", "application/x-ndjson", "application/ndjson",
            "application/jsonl", "application/x-jsonlines", "application/jsonlines", "application/vnd.apache.parquet",
            "application/x-parquet", "application/parquet", "application/zip", "application/x-zip-compressed",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.sqlite3",
            "application/x-sqlite3");

    /** The 16 bytes every SQLite 3 database file starts with: "SQLite format 3" and a NUL. */
    private static final int[] SQLITE_MAGIC = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0};

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    /** The lower-case name the manifest shows. */
    public String id() {
        return id;
    }

    /** One upload's format and whether it arrived gzip-compressed. */
    public record Detected(SourceFormat format, boolean gzip) {
    }

    /**
     * True when a name and content type may be an accepted upload: a name without an extension, or with one
     * of {@link #EXTENSIONS} (optionally followed by {@code .gz}), and no content type or one of
     * {@link #CONTENT_TYPES}. The content decides the rest at ingest.
     */
    public static boolean acceptable(String fileName, String contentType) {
        String name = stripGzip(fileName == null ? "" : fileName.toLowerCase(Locale.ROOT));
        String base = name.substring(name.lastIndexOf('/') + 1);
        boolean nameOk = !base.contains(".") || EXTENSIONS.stream().anyMatch(base::endsWith);
        return nameOk && (mediaType(contentType).isEmpty() || CONTENT_TYPES.contains(mediaType(contentType)));
    }

    /**
     * Decides the format of the upload at {@code file}.
     *
     * @throws IngestException {@code unsupported} for a recognised binary format that is not accepted (a PDF,
     *                         an image, a legacy .xls), {@code unreadable} for a
     *                         broken gzip or a {@code .parquet} name on other bytes
     */
    public static Detected detect(Path file, String fileName, String contentType) throws IngestException, IOException {
        byte[] head;
        boolean gzip;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                head = in.readNBytes(4096);
            } catch (IOException e) {
                throw new IngestException(IngestException.UNREADABLE,
                        "The file looks like gzip but could not be decompressed: " + e.getMessage(),
                        "Upload the plain file, or a complete .gz archive.", 0, e);
            }
        }
        String name = stripGzip(fileName == null ? "" : fileName.toLowerCase(Locale.ROOT));
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return new Detected(PARQUET, gzip);
        }
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return new Detected(name.endsWith(".xlsx") || !gzip && isWorkbook(file) ? XLSX : ZIP, gzip);
        }
        if (startsWith(head, SQLITE_MAGIC)) {
            return new Detected(SQLITE, gzip);
        }
        String binary = knownBinary(head);
        if (binary != null) {
            throw new IngestException(IngestException.UNSUPPORTED, "The file is " + binary + ", which is not accepted.",
                    "Upload " + ACCEPTED + ".", 1);
        }
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            throw new IngestException(IngestException.UNREADABLE,
                    "'" + fileName + "' is named as Parquet but does not start with the Parquet marker PAR1.",
                    "Upload the .parquet file as written, or name the file for what it holds.", 1);
        }
        if (name.endsWith(".json")) {
            return new Detected(JSON, gzip);
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return new Detected(NDJSON, gzip);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            return new Detected(CSV, gzip);
        }
        String type = mediaType(contentType);
        if (type.equals("application/json") || type.equals("text/json")) {
            return new Detected(JSON, gzip);
        }
        if (type.contains("ndjson") || type.contains("jsonl")) {
            return new Detected(NDJSON, gzip);
        }
        if (type.startsWith("text/") || type.equals("application/csv")) {
            return new Detected(CSV, gzip);
        }
        int first = firstNonBlank(head);
        if (first == '[') {
            return new Detected(JSON, gzip);
        }
        return new Detected(first == '{' ? NDJSON : CSV, gzip);
    }

    /** True for a ZIP that is an Excel workbook (it has the workbook part), whatever its name. */
    private static boolean isWorkbook(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return false; // read as a plain ZIP, which reports what is wrong with it
        }
    }

    /** A description of a recognised binary format that is not accepted, or null. */
    static String knownBinary(byte[] head) {
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "a legacy Office file (.xls)";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        } else if (startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8, 0xFF)
                || startsWith(head, 'G', 'I', 'F', '8')) {
            return "an image";
        }
        return null;
    }

    private static int firstNonBlank(byte[] head) {
        int i = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (; i < head.length; i++) {
            int c = head[i] & 0xff;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c;
            }
        }
        return -1;
    }

    private static String stripGzip(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
