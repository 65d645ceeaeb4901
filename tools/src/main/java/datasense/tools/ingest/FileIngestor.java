package datasense.tools.ingest;

import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * The one entry point for a file upload: decides its format ({@link SourceFormat}) and turns it into the
 * same file whatever it was, {@code data.parquet} (typed rows, what queries read), plus the {@link SchemaInfo}
 * profile planners use. So every tool, the planner, the cache and the cluster work on a Parquet upload or a JSON
 * dump exactly as on a CSV. A CSV (and each sheet or database table, read as CSV) also gets {@code data.csv}, its
 * rows as UTF-8; other uploads are kept as sent.
 *
 * <p>CSV goes to {@link CsvIngestor}. Parquet and JSON are read by DuckDB (both readers are built into the
 * driver; nothing is downloaded) into the same column types a CSV gets: BIGINT, DOUBLE, DATE, TIMESTAMP,
 * BOOLEAN or VARCHAR; a Parquet file whose columns already have those types and distinct names is kept as it
 * is. As for CSV, nothing is left half-written: files appear by atomic moves only when everything succeeded.
 */
public final class FileIngestor {

    private final String memoryLimit;
    private final int threads;

    /** An ingestor whose DuckDB connections may use 2 GB and 2 threads. */
    public FileIngestor() {
        this("2GB", 2);
    }

    public FileIngestor(String memoryLimit, int threads) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
    }

    /**
     * Ingests the upload at {@code source} into {@code targetDir}. {@code fileName} and {@code contentType}
     * (either may be null) help decide the format; {@code headerLine} names a CSV's header line (0 detects it)
     * and must be 0 for other formats.
     */
    public IngestReport ingest(Path source, Path targetDir, String table, IngestLimits limits, String fileName,
                               String contentType, long headerLine) throws IngestException {
        SourceFormat.Detected detected;
        try {
            detected = SourceFormat.detect(source, fileName, contentType);
        } catch (IOException e) {
            throw CsvIngestor.internal("could not read the upload", e);
        }
        if (detected.format() == SourceFormat.CSV) {
            return new CsvIngestor(memoryLimit, threads).ingest(source, targetDir, table, limits, headerLine);
        }
        if (severalTables(detected.format())) {
            throw new IngestException(IngestException.UNSUPPORTED,
                    "The file is " + switch (detected.format()) {
                        case ZIP -> "a ZIP archive";
                        case SQLITE -> "a SQLite database";
                        default -> "an Excel workbook";
                    } + ", which may hold several tables.", "Read it with ingestAll.");
        }
        if (headerLine > 0) {
            throw new IngestException(IngestException.UNREADABLE,
                    "header_row applies to CSV files; this file is " + detected.format().id() + ".",
                    "Upload it without header_row.");
        }
        Path dir = targetDir.toAbsolutePath().normalize();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path inflated = dir.resolve("source.tmp-" + tag);
        try {
            Files.createDirectories(dir);
            Path plain = source.toAbsolutePath().normalize();
            long bytes;
            if (detected.gzip()) {
                bytes = gunzip(plain, inflated, limits.maxBytes());
                plain = inflated;
            } else {
                bytes = Files.size(plain);
                if (bytes > limits.maxBytes()) {
                    throw tooLarge(limits);
                }
            }
            IngestReport report = detected.format() == SourceFormat.PARQUET
                    ? parquet(plain, dir, table, limits, bytes)
                    : json(plain, dir, table, limits, bytes, tag);
            return report.withSource(report.format(), detected.gzip() ? "gzip" : null);
        } catch (IOException e) {
            throw CsvIngestor.internal("could not write the dataset files", e);
        } finally {
            CsvIngestor.deleteQuietly(inflated);
        }
    }

    /**
     * One table an upload became: the ZIP member and the sheet it came from (null for a plain file), the
     * table's SQL name and what its ingest did ({@link IngestReport#csv()} and {@link IngestReport#parquet()}
     * say where its files are).
     */
    public record Table(String member, String sheet, String table, IngestReport report) {
    }

    /**
     * Ingests an upload that may hold several tables, each into its own folder under {@code workDir}: a plain
     * file is one table; every sheet of an .xlsx workbook is a table; every user table of a SQLite database is a
     * table (its name in {@link Table#sheet()}); every file in a ZIP is a table (or, for a workbook or a database,
     * its sheets or tables are). The ZIP's decompressed size counts against the byte limit and its entries
     * against {@link ZipMembers#MAX_MEMBERS}. A failure names the member and the sheet, and leaves no table.
     */
    public List<Table> ingestAll(Path source, Path workDir, IngestLimits limits, String fileName, String contentType,
                                 long headerLine) throws IngestException {
        SourceFormat.Detected detected = detected(source, fileName, contentType);
        if (!severalTables(detected.format())) {
            String table = tableName(fileName);
            return List.of(new Table(null, null, table,
                    ingest(source, workDir.resolve("1"), table, limits, fileName, contentType, headerLine)));
        }
        Path inflated = workDir.resolve("inflated.tmp");
        try {
            Files.createDirectories(workDir);
            Path plain = source;
            if (detected.gzip()) {
                gunzip(source, inflated, limits.maxBytes());
                plain = inflated;
            }
            List<Table> tables = new ArrayList<>();
            if (detected.format() == SourceFormat.XLSX) {
                sheets(plain, workDir, limits, headerLine, null, detected.gzip(), tables);
            } else if (detected.format() == SourceFormat.SQLITE) {
                databaseTables(plain, workDir, limits, headerLine, null, detected.gzip(), tables);
            } else {
                Path members = workDir.resolve("members");
                Files.createDirectories(members);
                for (ZipMembers.Member m : ZipMembers.extract(plain, members, limits.maxBytes())) {
                    member(m, workDir.resolve("m" + (tables.size() + 1)), limits, headerLine, tables);
                }
            }
            return tables;
        } catch (IOException e) {
            throw CsvIngestor.internal("could not read the upload", e);
        } finally {
            CsvIngestor.deleteQuietly(inflated);
        }
    }

    private void member(ZipMembers.Member m, Path dir, IngestLimits limits, long headerLine, List<Table> tables)
            throws IngestException, IOException {
        String base = m.name().substring(m.name().lastIndexOf('/') + 1);
        try {
            SourceFormat.Detected d = detected(m.file(), base, null);
            switch (d.format()) {
                case ZIP -> throw new IngestException(IngestException.UNSUPPORTED, "a ZIP inside a ZIP is not read.",
                        "Put the files themselves in one ZIP.");
                case XLSX, SQLITE -> {
                    Path inflated = dir.resolve("inflated.tmp");
                    Files.createDirectories(dir);
                    Path plain = m.file();
                    if (d.gzip()) {
                        gunzip(m.file(), inflated, limits.maxBytes());
                        plain = inflated;
                    }
                    if (d.format() == SourceFormat.XLSX) {
                        sheets(plain, dir, limits, headerLine, m.name(), d.gzip(), tables);
                    } else {
                        databaseTables(plain, dir, limits, headerLine, m.name(), d.gzip(), tables);
                    }
                }
                default -> {
                    String table = tableName(base);
                    long header = d.format() == SourceFormat.CSV ? headerLine : 0;
                    tables.add(new Table(m.name(), null, table, ingest(m.file(), dir, table, limits, base, null, header)));
                }
            }
        } catch (IngestException e) {
            throw new IngestException(e.code(), "Member '" + m.name() + "': " + e.getMessage(), e.hint(), e.line(), e);
        }
    }

    private void sheets(Path xlsx, Path dir, IngestLimits limits, long headerLine, String member, boolean gzip,
                        List<Table> tables) throws IngestException, IOException {
        Path csvDir = dir.resolve("sheets");
        Files.createDirectories(csvDir);
        for (WorkbookSheets.SheetCsv sheet : WorkbookSheets.toCsv(xlsx, csvDir, limits.maxBytes())) {
            String table = tableName(sheet.sheet());
            try {
                IngestReport report = new CsvIngestor(memoryLimit, threads)
                        .ingest(sheet.csv(), dir.resolve("s" + (tables.size() + 1)), table, limits, headerLine);
                tables.add(new Table(member, sheet.sheet(), table, report.withSource("xlsx", gzip ? "gzip" : null)));
            } catch (IngestException e) {
                throw new IngestException(e.code(), "Sheet '" + sheet.sheet() + "': " + e.getMessage().replace("Line ", "Row ")
                        .replace(" line ", " row "), e.hint(), e.line(), e);
            }
        }
    }

    private static boolean severalTables(SourceFormat format) {
        return format == SourceFormat.XLSX || format == SourceFormat.ZIP || format == SourceFormat.SQLITE;
    }

    private void databaseTables(Path db, Path dir, IngestLimits limits, long headerLine, String member, boolean gzip,
                                List<Table> tables) throws IngestException, IOException {
        if (headerLine > 0) {
            throw new IngestException(IngestException.UNREADABLE,
                    "header_row applies to CSV files; this file is a SQLite database.", "Upload it without header_row.");
        }
        Path csvDir = dir.resolve("db-tables");
        Files.createDirectories(csvDir);
        for (SqliteTables.TableCsv t : SqliteTables.toCsv(db, csvDir, limits.maxBytes())) {
            String table = tableName(t.table());
            try {
                IngestReport report = new CsvIngestor(memoryLimit, threads)
                        .ingest(t.csv(), dir.resolve("t" + (tables.size() + 1)), table, limits, 1);
                tables.add(new Table(member, t.table(), table, report.withSource("sqlite", gzip ? "gzip" : null)));
            } catch (IngestException e) {
                throw new IngestException(e.code(), "Table '" + t.table() + "': " + e.getMessage(), e.hint(), e.line(), e);
            }
        }
    }

    private static SourceFormat.Detected detected(Path source, String fileName, String contentType) throws IngestException {
        try {
            return SourceFormat.detect(source, fileName, contentType);
        } catch (IOException e) {
            throw CsvIngestor.internal("could not read the upload", e);
        }
    }

    /** A SQL-friendly table name from a file or sheet name: "Sample Superstore.csv" becomes sample_superstore. */
    public static String tableName(String fileName) {
        String stem = (fileName == null ? "" : fileName)
                .replaceAll("(?i)(\\.csv|\\.tsv|\\.txt|\\.parquet|\\.pq|\\.json|\\.ndjson|\\.jsonl|\\.xlsx|\\.zip|\\.sqlite3?|\\.db)?(\\.gz)?$", "");
        String name = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "data";
        }
        return Character.isDigit(name.charAt(0)) ? "t_" + name : name;
    }

    private IngestReport parquet(Path source, Path dir, String table, IngestLimits limits, long bytes)
            throws IngestException, IOException {
        String from = "read_parquet(" + DuckDb.quoteLiteral(source.toString()) + ")";
        try (Connection db = open(dir, source)) {
            long rows;
            List<String> select = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (Statement st = db.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + from)) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                if (rows > limits.maxRows()) {
                    throw new IngestException(IngestException.TOO_LARGE,
                            "The file has " + rows + " rows; at most " + limits.maxRows() + " are accepted.",
                            "Upload a smaller extract (fewer rows).");
                }
                if (rows == 0) {
                    throw new IngestException(IngestException.UNREADABLE, "The Parquet file has no rows.",
                            "Upload a file with at least one row.");
                }
                columns(st, from, "*", "", select, names);
            } catch (SQLException e) {
                throw new IngestException(IngestException.UNREADABLE,
                        "The file could not be read as Parquet: " + CsvIngestor.firstLine(e.getMessage()),
                        "Upload the .parquet file as written (not cut short), or export it again.", 0, e);
            }
            List<String> unique = CsvIngestor.columnNames(names);
            List<String> projection = new ArrayList<>();
            boolean asIs = unique.equals(names);
            for (int i = 0; i < select.size(); i++) {
                projection.add(select.get(i) + " AS " + DuckDb.quoteIdent(unique.get(i)));
                asIs &= select.get(i).equals(DuckDb.quoteIdent(names.get(i)));
            }
            // a file whose columns already have plain types and usable names is what queries read, as it is:
            // rewriting it would cost more than DuckDB's own load of it
            return write(db, asIs ? null : "SELECT " + String.join(", ", projection) + " FROM " + from,
                    asIs ? source : null, dir, table, unique, rows, bytes, "parquet");
        } catch (SQLException e) {
            throw CsvIngestor.internal("the database engine failed: " + CsvIngestor.firstLine(e.getMessage()), e);
        }
    }

    /**
     * Adds the columns of {@code expr} (a struct, or {@code *} for the whole file) to {@code select} as
     * expressions of a plain type, and their dotted names to {@code names}: nested structs are flattened
     * as JSON objects are, lists and maps kept as JSON text.
     */
    private static void columns(Statement st, String from, String expr, String prefix, List<String> select,
                                List<String> names) throws SQLException {
        String describe = expr.equals("*") ? "DESCRIBE SELECT * FROM " + from : "DESCRIBE SELECT unnest(" + expr + ") FROM " + from;
        List<String[]> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(describe)) {
            while (rs.next()) {
                found.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] column : found) {
            String name = column[0];
            String type = column[1].toUpperCase(Locale.ROOT);
            String ref = expr.equals("*") ? DuckDb.quoteIdent(name)
                    : "struct_extract(" + expr + ", " + DuckDb.quoteLiteral(name) + ")";
            if (type.startsWith("STRUCT(") && !type.endsWith("[]")) {
                columns(st, from, ref, prefix + name + ".", select, names);
                continue;
            }
            select.add(plain(ref, type));
            names.add(prefix + name);
        }
    }

    /** A column expression cast to one of the types planners know. */
    private static String plain(String ref, String type) {
        if (type.endsWith("]") || type.startsWith("MAP(") || type.startsWith("UNION(") || type.startsWith("STRUCT(")) {
            return "to_json(" + ref + ")::VARCHAR";
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT", "UINTEGER" -> "CAST(" + ref + " AS BIGINT)";
            case "FLOAT", "HUGEINT", "UBIGINT", "UHUGEINT" -> "CAST(" + ref + " AS DOUBLE)";
            case "BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "BOOLEAN", "VARCHAR" -> ref;
            case "TIMESTAMP WITH TIME ZONE" -> "timezone('UTC', " + ref + ")";
            default -> type.startsWith("DECIMAL") ? "CAST(" + ref + " AS DOUBLE)"
                    : type.startsWith("TIMESTAMP") ? "CAST(" + ref + " AS TIMESTAMP)"
                    : "CAST(" + ref + " AS VARCHAR)";
        };
    }

    private IngestReport json(Path source, Path dir, String table, IngestLimits limits, long bytes, String tag)
            throws IngestException, IOException {
        Path ndjson = dir.resolve("records.tmp-" + tag + ".ndjson");
        try {
            JsonRecords.Result records = JsonRecords.flatten(source, ndjson, limits);
            StringBuilder columns = new StringBuilder("{");
            List<String> select = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (JsonRecords.Column c : records.columns()) {
                columns.append(columns.length() == 1 ? "" : ", ").append(DuckDb.quoteLiteral(c.key())).append(": 'VARCHAR'");
                String ref = DuckDb.quoteIdent(c.key());
                select.add((c.type().equals("VARCHAR") ? ref : "CAST(" + ref + " AS " + c.type() + ")")
                        + " AS " + DuckDb.quoteIdent(c.name()));
                names.add(c.name());
            }
            columns.append('}');
            String from = "read_json(" + DuckDb.quoteLiteral(ndjson.toString()) + ", format='newline_delimited'"
                    + ", columns=" + columns + ", maximum_object_size=" + (CsvIngestor.MAX_LINE_BYTES * 2) + ")";
            try (Connection db = open(dir, ndjson)) {
                return write(db, "SELECT " + String.join(", ", select) + " FROM " + from, null, dir, table, names,
                        records.records(), bytes, records.shape().id());
            } catch (SQLException e) {
                throw CsvIngestor.internal("the database engine failed: " + CsvIngestor.firstLine(e.getMessage()), e);
            }
        } finally {
            CsvIngestor.deleteQuietly(ndjson);
        }
    }

    /**
     * Runs {@code select} into {@code data.parquet} (or copies {@code asIs}, a Parquet file already in the form
     * queries read), profiles it, and moves it into place; the rows written must be the {@code expected} rows read.
     * No CSV copy is written: the upload as sent stays the source of record ({@link IngestReport#csv()} is null).
     */
    private static IngestReport write(Connection db, String select, Path asIs, Path dir, String table, List<String> names,
                                      long expected, long bytes, String format) throws SQLException, IOException, IngestException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path tmpParquet = dir.resolve("data.parquet.tmp-" + tag);
        Path parquet = dir.resolve("data.parquet");
        boolean ok = false;
        try (Statement st = db.createStatement()) {
            if (asIs != null) {
                Files.copy(asIs, tmpParquet);
            } else {
                st.execute("COPY (" + select + ") TO " + DuckDb.quoteLiteral(tmpParquet.toString())
                        + " (FORMAT parquet, COMPRESSION zstd)");
            }
            String written = "read_parquet(" + DuckDb.quoteLiteral(tmpParquet.toString()) + ")";
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + written)) {
                rs.next();
                rows = rs.getLong(1);
            }
            if (rows != expected) {
                throw new IngestException(IngestException.INTERNAL,
                        "Ingest failed: " + rows + " rows were written but " + expected + " were read.",
                        "Try again; if it keeps failing, report the problem.");
            }
            TableProfiler.Both profiled = ColumnProfiler.profile(db, tmpParquet, table, names, rows);
            Files.move(tmpParquet, parquet, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            ok = true;
            return new IngestReport(table, rows, 0, rows, List.of(), profiled.schema(), bytes, "UTF-8", null, null, parquet,
                    format, null, 0, null, profiled.profile());
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("Conversion Error")) {
                throw new IngestException(IngestException.UNREADABLE,
                        "A value could not be read as its column's type: " + CsvIngestor.firstLine(e.getMessage()),
                        "Check that each field holds one kind of value.", 0, e);
            }
            throw e;
        } finally {
            if (!ok) {
                CsvIngestor.deleteQuietly(tmpParquet);
            }
        }
    }

    private Connection open(Path dir, Path source) throws SQLException {
        LinkedHashSet<Path> allowed = new LinkedHashSet<>(List.of(dir, source.getParent()));
        return DuckDb.open(List.copyOf(allowed), new Limits(0, 0, 0, memoryLimit, threads));
    }

    /**
     * Inflates a gzip upload, stopping as soon as it passes the byte limit, or as soon as it inflates implausibly
     * ({@link Inflation#check}): a small gzip bomb fills a few megabytes, not the limit.
     */
    private static long gunzip(Path source, Path target, long maxBytes) throws IngestException, IOException {
        long total = 0;
        try (Inflation.CountingStream compressed = new Inflation.CountingStream(Files.newInputStream(source));
             Inflation.CountingStream in = new Inflation.CountingStream(new GZIPInputStream(compressed, 1 << 16), maxBytes, compressed);
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                out.write(buf, 0, n);
            }
        } catch (Inflation.TooLargeException e) {
            throw e.refusal();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IngestException(IngestException.UNREADABLE,
                    "The file looks like gzip but could not be decompressed: " + e.getMessage(),
                    "Upload the plain file, or a complete .gz archive.", 0, e);
        }
        return total;
    }

    private static IngestException tooLarge(IngestLimits limits) {
        return new IngestException(IngestException.TOO_LARGE,
                "The file is larger than " + limits.maxBytes() + " bytes.", "Upload a smaller extract.");
    }

}
