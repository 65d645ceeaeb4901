package datasense.tools.ingest;

import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an uploaded CSV into the files a dataset is made of: {@code data.csv} (the upload as UTF-8) and
 * {@code data.parquet} (typed rows), plus a {@link SchemaInfo} profile for planners.
 *
 * <p>DuckDB's sniffer alone is not trusted with the outcome: ragged rows can make it pick a wrong dialect,
 * and its reader can skip bad rows without an error. So the delimiter and header come from our own
 * quote-aware scan, the typed read stores its rejects, and the rows written plus the rows rejected must
 * equal the data records we counted ourselves, or the ingest fails. Nothing is left half-written: the
 * Parquet file appears by an atomic move only when everything succeeded.
 */
public final class CsvIngestor {

    private static final int SAMPLE_BYTES = 1 << 20;
    private static final int MAX_REPORTED_REJECTS = 10;
    private static final int MAX_TYPED_PASSES = 4;
    /** The longest record accepted, in bytes: a 3 MB line of text is a real export; beyond this it is refused. */
    public static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
    private static final Pattern CAST_VALUE = Pattern.compile("Could not convert string \"(.*)\" to '");

    private final String memoryLimit;
    private final int threads;

    /** An ingestor whose DuckDB connections may use 2 GB and 2 threads. */
    public CsvIngestor() {
        this("2GB", 2);
    }

    public CsvIngestor(String memoryLimit, int threads) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /**
     * Reads {@code source} (the bytes as uploaded, possibly gzip, in any of the supported encodings) into
     * {@code targetDir/data.csv} and {@code targetDir/data.parquet} and profiles it as table {@code table}.
     * If {@code source} is {@code targetDir/data.csv} itself it is rewritten in place. On failure the files
     * this call created are deleted (an uploaded {@code data.csv} given as source is kept).
     */
    public IngestReport ingest(Path source, Path targetDir, String table, IngestLimits limits) throws IngestException {
        return ingest(source, targetDir, table, limits, 0);
    }

    /**
     * As {@link #ingest(Path, Path, String, IngestLimits)}, with the 1-based physical line that names the
     * columns given by the upload; {@code 0} detects it (line 1, or the first line below title rows).
     */
    public IngestReport ingest(Path source, Path targetDir, String table, IngestLimits limits, long headerLine)
            throws IngestException {
        Path dir = targetDir.toAbsolutePath().normalize();
        Path csv = dir.resolve("data.csv");
        Path parquet = dir.resolve("data.parquet");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path tmpCsv = dir.resolve("data.csv.tmp-" + tag);
        Path tmpParquet = dir.resolve("data.parquet.tmp-" + tag);
        boolean sourceIsCsv;
        boolean ok = false;
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(source)) {
                throw new IngestException(IngestException.UNREADABLE, "No file to ingest at " + source + ".",
                        "Upload the CSV file again.");
            }
            sourceIsCsv = Files.exists(csv) && Files.isSameFile(source, csv);
        } catch (IOException e) {
            throw internal("could not prepare " + dir, e);
        }
        try {
            // an upload that is already plain UTF-8 is checked, not rewritten: linked (or copied by the system)
            // to data.csv, or left where it is when it is data.csv
            Utf8Transcoder.Result text = Utf8Transcoder.checkInPlace(source, limits.maxBytes());
            if (text == null) {
                text = Utf8Transcoder.transcode(source, tmpCsv, limits.maxBytes());
                Files.move(tmpCsv, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (!sourceIsCsv) {
                linkOrCopy(source, tmpCsv);
                Files.move(tmpCsv, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            IngestReport report = load(csv, tmpParquet, table, limits, text, headerLine);
            Files.move(tmpParquet, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ok = true;
            return new IngestReport(table, report.rowsIngested(), report.rowsRejected(), report.dataLines(),
                    report.rejected(), report.schema(), report.bytes(), report.encoding(), report.delimiter(),
                    csv, parquet, "csv", text.gzip() ? "gzip" : null, report.headerLine(), report.header(), report.profile());
        } catch (IOException e) {
            throw internal("could not write the dataset files", e);
        } finally {
            if (!ok) {
                deleteQuietly(tmpCsv);
                deleteQuietly(tmpParquet);
                if (!sourceIsCsv) {
                    deleteQuietly(csv);
                }
            }
        }
    }

    /** A hard link when {@code to} can be one (same file system), else a copy. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Everything after transcoding: dialect, header, counting, typed read to Parquet and profiling. */
    private IngestReport load(Path csv, Path tmpParquet, String table, IngestLimits limits, Utf8Transcoder.Result text,
                              long givenHeaderLine) throws IngestException, IOException {
        boolean complete = Files.size(csv) <= SAMPLE_BYTES;
        String sample = readSample(csv);
        if (sample.isBlank()) {
            throw new IngestException(IngestException.UNREADABLE, "The file is empty.",
                    "Upload a CSV file with a header line and at least one data line.", 1);
        }
        char delim = CsvScanner.detectDelimiter(sample, complete);
        if (delim == 0) {
            throw new IngestException(IngestException.UNREADABLE,
                    "No delimiter splits the lines into columns: the header has one field but some lines have"
                            + " more, under each of comma, semicolon, tab and vertical bar.",
                    "Upload a CSV file with a header line naming each column, one delimiter throughout.", 1);
        }
        Header header = header(sample, delim, complete, givenHeaderLine);
        Limits engine = new Limits(0, 0, 0, memoryLimit, threads);
        try (Connection db = DuckDb.open(List.of(csv.getParent()), engine)) {
            Dialect dialect = sniff(db, csv, delim, header.line - 1, null, null);
            if (dialect.quote < 0 && quotedFields(sample, delim)) {
                // quoted fields holding line breaks and \" escapes can mislead the sniffer into "no quote": ask again
                dialect = sniff(db, csv, delim, header.line - 1, '"', sample.contains("\\\"") ? '\\' : '"');
            }
            List<String> headerFields = CsvScanner.parse(sample, delim, dialect.quote, dialect.escape,
                    header.index + 1, complete).get(header.index);
            List<String> names = columnNames(headerFields);
            List<String> types = dialect.types.size() == names.size()
                    ? new ArrayList<>(dialect.types) : new ArrayList<>(names.stream().map(n -> "VARCHAR").toList());

            CsvScanner.Count count = CsvScanner.countRecords(csv, delim, dialect.quote, dialect.escape);
            if (count.longestBytes() > MAX_LINE_BYTES) {
                throw new IngestException(IngestException.UNREADABLE,
                        "Line " + count.longestLine() + " is " + megabytes(count.longestBytes()) + " MB long; a line"
                                + " (one record) may be at most " + megabytes(MAX_LINE_BYTES) + " MB.",
                        "Check that line's quoting (an unclosed quote joins every line after it into one record),"
                                + " or split very long values.", count.longestLine());
            }
            long dataLines = count.records() - 1 - header.index;
            if (dataLines <= 0) {
                throw new IngestException(IngestException.UNREADABLE,
                        "The file has a header line but no data lines.",
                        "Upload a CSV file with at least one data line under the header.", 2);
            }
            if (dataLines > limits.maxRows()) {
                throw new IngestException(IngestException.TOO_LARGE,
                        "The file has " + dataLines + " data lines; at most " + limits.maxRows() + " are accepted.",
                        "Upload a smaller extract (fewer rows).");
            }

            TypedRead read = null;
            for (int pass = 1; pass <= MAX_TYPED_PASSES; pass++) {
                read = typedRead(db, csv, tmpParquet, delim, dialect, names, types, pass, header.line - 1);
                if (!widen(types, read.castFailures) || pass == MAX_TYPED_PASSES) {
                    break;
                }
            }
            if (read.aborted) {
                throw new IngestException(IngestException.UNREADABLE,
                        "The column types could not be settled after " + MAX_TYPED_PASSES + " reads.",
                        "Check that each column holds one kind of value (numbers, dates or text).");
            }
            datesFromMidnightTimestamps(db, tmpParquet, names, types);
            WrittenNumbers.convert(db, tmpParquet, names, types);
            MonthColumns.convert(db, tmpParquet, names, types);
            List<RejectedLine> samples = read.samples.stream()
                    .map(x -> new RejectedLine(count.physicalLine(x.line()), x.reason(), x.text())).toList();
            if (read.ingested + read.rejected != dataLines) {
                throw new IngestException(IngestException.UNREADABLE,
                        "Could not account for every line: " + read.ingested + " rows read and " + read.rejected
                                + " rejected, but the file has " + dataLines + " data lines.",
                        "Check the file's quoting (unbalanced quotes) and save it again as standard CSV.");
            }
            if (read.ingested == 0 || read.rejected * 2 > dataLines) {
                RejectedLine first = samples.isEmpty() ? null : samples.get(0);
                throw new IngestException(IngestException.UNREADABLE,
                        read.rejected + " of " + dataLines + " data lines could not be read"
                                + (first == null ? "." : "; first at line " + first.line() + ": " + first.reason()),
                        "Check that every line has the same number of columns as the header (" + names.size()
                                + ") and that the file is CSV.",
                        first == null ? 0 : first.line());
            }
            TableProfiler.Both profiled = ColumnProfiler.profile(db, tmpParquet, table, names, read.ingested);
            return new IngestReport(table, read.ingested, read.rejected, dataLines, samples, profiled.schema(),
                    text.bytes(), text.encoding(), String.valueOf(delim), csv, tmpParquet, "csv", null,
                    header.line, header.source, profiled.profile());
        } catch (SQLException e) {
            throw internal("the database engine failed: " + firstLine(e.getMessage()), e);
        }
    }

    /** What the sniffer found besides the delimiter we gave it. {@code quote}/{@code escape} are -1 for none. */
    private record Dialect(int quote, int escape, List<String> types, String dateFormat, String timestampFormat) {
    }

    /** Where the header is: its index among the non-empty records, its 1-based line, and how it was found. */
    private record Header(int index, long line, String source) {
    }

    private static Header header(String sample, char delim, boolean complete, long given) throws IngestException {
        List<Long> starts = new ArrayList<>();
        int max = given > 0 ? (int) Math.min(Integer.MAX_VALUE - 1, given) : CsvScanner.MAX_TITLE_ROWS + 1;
        List<List<String>> records = CsvScanner.parse(sample, delim, '"', '"', max, complete, starts);
        if (given > 0) {
            int index = starts.indexOf(given);
            if (index < 0) {
                throw new IngestException(IngestException.UNREADABLE,
                        "header_row " + given + " does not start a record: the line is empty, inside a quoted field,"
                                + " or beyond the first " + (SAMPLE_BYTES >> 20) + " MB of the file ("
                                + (starts.isEmpty() ? 0 : starts.get(starts.size() - 1)) + " lines read).",
                        "Name the line that holds the column names, counting from 1 with blank lines included.", given);
            }
            return new Header(index, given, "given");
        }
        int titles = CsvScanner.titleRows(records);
        return titles == 0 ? new Header(0, starts.isEmpty() ? 1 : starts.get(0), "first_line")
                : new Header(titles, starts.get(titles), "detected");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** True when the sample's first line starts a field with a double quote: the file quotes its fields. */
    private static boolean quotedFields(String sample, char delim) {
        int end = sample.indexOf('\n');
        String first = end < 0 ? sample : sample.substring(0, end);
        return first.startsWith("\"") || first.contains(delim + "\"");
    }

    /** The sniffer's dialect; {@code givenQuote} and {@code givenEscape}, when not null, are imposed on it. */
    private static Dialect sniff(Connection db, Path csv, char delim, long skip, Character givenQuote,
                                 Character givenEscape) {
        String quoting = givenQuote == null ? "" : ", quote=" + DuckDb.quoteLiteral(String.valueOf(givenQuote))
                + ", escape=" + DuckDb.quoteLiteral(String.valueOf(givenEscape));
        String sql = "SELECT Quote, Escape, DateFormat, TimestampFormat,"
                + " array_to_string(list_transform(Columns, c -> c.type), '|')"
                + " FROM sniff_csv(" + DuckDb.quoteLiteral(csv.toString()) + ", delim="
                + DuckDb.quoteLiteral(String.valueOf(delim)) + quoting + ", header=true, ignore_errors=true, skip=" + skip
                + ", max_line_size=" + (MAX_LINE_BYTES + 2) + ")";
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (rs.next()) {
                int quote = dialectChar(rs.getString(1));
                int escape = dialectChar(rs.getString(2));
                if (quote < 0) {
                    escape = -1;
                } else if (escape < 0) {
                    escape = quote; // RFC 4180: a doubled quote is a literal quote
                }
                List<String> types = new ArrayList<>();
                for (String t : rs.getString(5).split("\\|")) {
                    types.add(normalType(t));
                }
                return new Dialect(quote, escape, types, rs.getString(3), rs.getString(4));
            }
        } catch (SQLException e) {
            // The sniffer gives up on some odd files; read them as text and let the rejects speak.
        }
        return new Dialect('"', '"', List.of(), null, null);
    }

    /** DuckDB reports "no quote" as "(empty)". */
    private static int dialectChar(String s) {
        return s == null || s.length() != 1 ? -1 : s.charAt(0);
    }

    /** Keeps the types planners understand; integers become BIGINT, decimals DOUBLE, the rest VARCHAR. */
    private static String normalType(String t) {
        String u = t.trim().toUpperCase(Locale.ROOT);
        return switch (u) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER" -> "BIGINT";
            case "DOUBLE", "FLOAT", "REAL" -> "DOUBLE";
            case "DATE", "TIMESTAMP", "BOOLEAN" -> u;
            default -> u.startsWith("DECIMAL") ? "DOUBLE" : u.startsWith("TIMESTAMP") ? "TIMESTAMP" : "VARCHAR";
        };
    }

    /**
     * Header names trimmed, with any run of white space (a line break wrapping a long header in a spreadsheet)
     * made one space; empty ones become column_N and repeats name_2, name_3 (DuckDB ignores case).
     */
    static List<String> columnNames(List<String> header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String base = header.get(i).strip().replaceAll("\\s+", " ");
            if (base.isEmpty()) {
                base = "column_" + (i + 1);
            }
            String name = base;
            for (int k = 2; !seen.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "_" + k;
            }
            names.add(name);
        }
        return names;
    }

    /** The result of one typed pass over the CSV. */
    private record TypedRead(long ingested, long rejected, List<RejectedLine> samples,
                             Map<Integer, List<String>> castFailures, boolean aborted) {
    }

    private static final String INT_GUARD = "datasense-not-an-integer-";
    private static final Pattern INT_GUARD_ERROR = Pattern.compile(INT_GUARD + "(\\d+): (.*)", Pattern.DOTALL);

    private static TypedRead typedRead(Connection db, Path csv, Path tmpParquet, char delim, Dialect dialect,
                                       List<String> names, List<String> types, int pass, long skip)
            throws SQLException, IngestException {
        String errors = "ingest_rejects_" + pass;
        // Integer columns are read as text and cast in the projection: DuckDB's own cast would round
        // "2.5" to 3 and take "1e3" as 1000 without a word. A value that is not a plain integer aborts
        // the read through error(), and the column is widened for the next pass.
        StringBuilder columns = new StringBuilder("{");
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String type = types.get(i);
            boolean integer = type.equals("BIGINT");
            columns.append(i == 0 ? "" : ", ").append(DuckDb.quoteLiteral(names.get(i))).append(": ")
                    .append(DuckDb.quoteLiteral(integer ? "VARCHAR" : type));
            String c = DuckDb.quoteIdent(names.get(i));
            select.append(i == 0 ? "" : ", ");
            if (integer) {
                select.append("CASE WHEN ").append(c).append(" IS NULL THEN NULL WHEN regexp_full_match(").append(c)
                        .append(", '\\s*[+-]?[0-9]{1,18}\\s*') THEN trim(").append(c).append(")::BIGINT ELSE error('")
                        .append(INT_GUARD).append(i).append(": ' || ").append(c).append(") END AS ").append(c);
            } else {
                select.append(c);
            }
        }
        columns.append('}');
        StringBuilder read = new StringBuilder("read_csv(").append(DuckDb.quoteLiteral(csv.toString()))
                .append(", auto_detect=false, header=true, skip=").append(skip).append(", comment=''")
                .append(", max_line_size=").append(MAX_LINE_BYTES + 2)
                .append(", delim=").append(DuckDb.quoteLiteral(String.valueOf(delim)))
                .append(", quote=").append(DuckDb.quoteLiteral(dialect.quote < 0 ? "" : String.valueOf((char) dialect.quote)))
                .append(", escape=").append(DuckDb.quoteLiteral(dialect.escape < 0 ? "" : String.valueOf((char) dialect.escape)))
                .append(", columns=").append(columns);
        if (dialect.dateFormat != null && !dialect.dateFormat.isEmpty()) {
            read.append(", dateformat=").append(DuckDb.quoteLiteral(dialect.dateFormat));
        }
        if (dialect.timestampFormat != null && !dialect.timestampFormat.isEmpty()) {
            read.append(", timestampformat=").append(DuckDb.quoteLiteral(dialect.timestampFormat));
        }
        String where = "";
        if (names.size() == 1) {
            // DuckDB reads a blank line of a one-column file as a record holding NULL; like every other
            // file, blank lines are not records here (the count we check against says so), and a quoted
            // empty value stays an empty text rather than becoming NULL and vanishing with them.
            read.append(", allow_quoted_nulls=false");
            where = " WHERE " + DuckDb.quoteIdent(names.get(0)) + " IS NOT NULL";
        }
        read.append(", store_rejects=true, rejects_table=").append(DuckDb.quoteLiteral(errors))
                .append(", rejects_scan=").append(DuckDb.quoteLiteral("ingest_scans_" + pass)).append(')');
        try (Statement st = db.createStatement()) {
            try {
                st.execute("COPY (SELECT " + select + " FROM " + read + where + ") TO "
                        + DuckDb.quoteLiteral(tmpParquet.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
            } catch (SQLException e) {
                Matcher m = INT_GUARD_ERROR.matcher(String.valueOf(e.getMessage()));
                if (m.find()) {
                    Map<Integer, List<String>> failure = Map.of(Integer.parseInt(m.group(1)), List.of(m.group(2).strip()));
                    return new TypedRead(0, 0, List.of(), failure, true);
                }
                throw new IngestException(IngestException.UNREADABLE,
                        "The file could not be read as CSV: " + firstLine(e.getMessage()),
                        "Save the file again as standard CSV (UTF-8, one header line) and upload it.", 0, e);
            }
            long ingested;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet("
                    + DuckDb.quoteLiteral(tmpParquet.toString()) + ")")) {
                rs.next();
                ingested = rs.getLong(1);
            }
            long rejected;
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT line) FROM " + errors)) {
                rs.next();
                rejected = rs.getLong(1);
            }
            List<RejectedLine> samples = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT line, arg_min(error_type || ': ' || error_message, column_idx),"
                    + " any_value(csv_line) FROM " + errors + " GROUP BY line ORDER BY line LIMIT " + MAX_REPORTED_REJECTS)) {
                while (rs.next()) {
                    String excerpt = rs.getString(3);
                    if (excerpt != null && excerpt.length() > 200) {
                        excerpt = excerpt.substring(0, 200) + "...";
                    }
                    samples.add(new RejectedLine(rs.getLong(1), rs.getString(2), excerpt));
                }
            }
            Map<Integer, List<String>> casts = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT column_idx, error_message FROM " + errors
                    + " WHERE error_type = 'CAST'")) {
                while (rs.next()) {
                    Matcher m = CAST_VALUE.matcher(rs.getString(2));
                    casts.computeIfAbsent(rs.getInt(1) - 1, k -> new ArrayList<>()).add(m.find() ? m.group(1) : null);
                }
            }
            return new TypedRead(ingested, rejected, samples, casts, false);
        }
    }

    /**
     * The sniffer types from a sample; a value further down may not fit. Rather than reject such rows,
     * the column is widened (integers that fail as decimals become DOUBLE, anything else VARCHAR).
     * Returns whether any type changed.
     */
    private static boolean widen(List<String> types, Map<Integer, List<String>> castFailures) {
        boolean changed = false;
        for (Map.Entry<Integer, List<String>> e : castFailures.entrySet()) {
            int idx = e.getKey();
            if (idx < 0 || idx >= types.size() || types.get(idx).equals("VARCHAR")) {
                continue;
            }
            boolean allDecimal = types.get(idx).equals("BIGINT") && e.getValue().stream().allMatch(CsvIngestor::isDecimal);
            types.set(idx, allDecimal ? "DOUBLE" : "VARCHAR");
            changed = true;
        }
        return changed;
    }

    private static boolean isDecimal(String s) {
        if (s == null || s.strip().matches("[+-]?[0-9]{19,}")) {
            return false; // an integer too long for BIGINT is an identifier: keep every digit as text
        }
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * With a non-ISO date format in the file, the sniffer types ISO date columns as TIMESTAMP. A column
     * whose timestamps are all at midnight is a date column, so the Parquet file is rewritten with DATE.
     */
    private static void datesFromMidnightTimestamps(Connection db, Path tmpParquet, List<String> names,
                                                    List<String> types) throws SQLException {
        String from = " FROM read_parquet(" + DuckDb.quoteLiteral(tmpParquet.toString()) + ")";
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals("TIMESTAMP")) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        StringBuilder check = new StringBuilder("SELECT ");
        for (int k = 0; k < candidates.size(); k++) {
            String c = DuckDb.quoteIdent(names.get(candidates.get(k)));
            check.append(k == 0 ? "" : ", ").append("coalesce(bool_and(").append(c).append(" = CAST(").append(c)
                    .append(" AS DATE)), false)");
        }
        List<String> replace = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(check + from)) {
            rs.next();
            for (int k = 0; k < candidates.size(); k++) {
                if (rs.getBoolean(k + 1)) {
                    String c = DuckDb.quoteIdent(names.get(candidates.get(k)));
                    replace.add("CAST(" + c + " AS DATE) AS " + c);
                    types.set(candidates.get(k), "DATE");
                }
            }
        }
        if (replace.isEmpty()) {
            return;
        }
        ParquetRewrite.replaceColumns(db, tmpParquet, replace);
    }

    /** The first megabyte of the file as text (a cut-off character at the end is harmless). */
    private static String readSample(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] head = in.readNBytes(SAMPLE_BYTES);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(head)).toString();
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static IngestException internal(String what, Exception e) {
        return new IngestException(IngestException.INTERNAL, "Ingest failed: " + what + ".",
                "Try again; if it keeps failing, report the problem.", 0, e);
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the caller already gets the original failure
        }
    }
}
