package datasense.tools.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Imports a snapshot of a PostgreSQL database as tables, the way a workbook's sheets become tables: each named
 * table (or the one query) is read through the PostgreSQL JDBC driver in a READ ONLY transaction with a statement
 * timeout, streamed with a fetch size into a CSV file, and that goes through the CSV ingest like any upload. So a
 * snapshot is typed and checked as a CSV is, and nothing is half-written when any table fails. Binary columns
 * (bytea) are left out. The password is given to the driver only, never put into a message.
 */
public final class PostgresSnapshot {

    /** Rows fetched per round trip, so a large table streams rather than filling the heap. */
    static final int FETCH_SIZE = 5_000;

    /** Where to read: a {@code postgresql://user@host:port/db} URL (no password in it), tables or one query. */
    public record Source(String url, List<String> tables, String query) {
        public Source {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }
    }

    private final String memoryLimit;
    private final int threads;
    private final int statementTimeoutSeconds;

    public PostgresSnapshot(String memoryLimit, int threads, int statementTimeoutSeconds) {
        this.memoryLimit = memoryLimit;
        this.threads = threads;
        this.statementTimeoutSeconds = statementTimeoutSeconds;
    }

    /**
     * Reads {@code source} with {@code password} into one folder per table under {@code workDir}. Tables are named
     * after the Postgres table (schema left out) or {@code query} for a query; {@link FileIngestor.Table#sheet()}
     * holds the name as given.
     *
     * @throws IngestException {@code source_unreachable} when the server cannot be reached, {@code source_refused}
     *                         for a wrong password, an unknown table or a statement that is not one SELECT, and the
     *                         CSV ingest's codes for the rows read
     */
    public List<FileIngestor.Table> read(Source source, String password, Path workDir, IngestLimits limits)
            throws IngestException {
        if (source.tables().isEmpty() == (source.query() == null || source.query().isBlank())) {
            throw refused("Give either tables or a query.", "Send {\"tables\": [\"public.orders\"]} or {\"query\": \"select ...\"}.");
        }
        List<FileIngestor.Table> out = new ArrayList<>();
        try (Connection c = connect(source.url(), password)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRANSACTION READ ONLY");
                st.execute("SET LOCAL statement_timeout = " + (statementTimeoutSeconds * 1000L));
            }
            Files.createDirectories(workDir);
            if (source.query() != null && !source.query().isBlank()) {
                out.add(one(c, checkedQuery(source.query()), "query", workDir, limits, 1));
            } else {
                for (String table : source.tables()) {
                    out.add(one(c, "SELECT * FROM " + qualified(table), table, workDir, limits, out.size() + 1));
                }
            }
            c.rollback(); // nothing was changed; end the read-only transaction
            return out;
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw CsvIngestor.internal("could not write the snapshot", e);
        }
    }

    private FileIngestor.Table one(Connection c, String select, String name, Path workDir, IngestLimits limits, int n)
            throws SQLException, IOException, IngestException {
        Path csv = workDir.resolve("pg-" + n + ".csv");
        try {
            try (Statement st = c.createStatement()) {
                st.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = st.executeQuery(select)) {
                    writeCsv(rs, csv, limits);
                }
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                    throw refused((name.equals("query") ? "The query" : "Table '" + name + "'") + " could not be read: "
                            + CsvIngestor.firstLine(e.getMessage()), "Check the table or column names and the grants.");
                }
                throw e;
            }
            String table = FileIngestor.tableName(name.substring(name.lastIndexOf('.') + 1));
            try {
                IngestReport report = new CsvIngestor(memoryLimit, threads)
                        .ingest(csv, workDir.resolve("t" + n), table, limits, 1);
                return new FileIngestor.Table(null, name, table, report.withSource("postgres", null));
            } catch (IngestException e) {
                throw new IngestException(e.code(), (name.equals("query") ? "The query: " : "Table '" + name + "': ")
                        + e.getMessage(), e.hint(), e.line(), e);
            }
        } finally {
            CsvIngestor.deleteQuietly(csv);
        }
    }

    private static void writeCsv(ResultSet rs, Path csv, IngestLimits limits) throws SQLException, IOException, IngestException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Integer> keep = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            int type = meta.getColumnType(i);
            if (type != Types.BINARY && type != Types.VARBINARY && type != Types.LONGVARBINARY && type != Types.BLOB) {
                keep.add(i);
            }
        }
        if (keep.isEmpty()) {
            throw refused("Every column is binary (bytea); nothing can be asked of it.", "Import other columns.");
        }
        long rows = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            for (int k = 0; k < keep.size(); k++) {
                w.write((k == 0 ? "" : ",") + SqliteTables.quote(meta.getColumnLabel(keep.get(k))));
            }
            w.write('\n');
            while (rs.next()) {
                if (++rows > limits.maxRows()) {
                    throw new IngestException(IngestException.TOO_LARGE,
                            "The source has more than " + limits.maxRows() + " rows.", "Import fewer rows (a query with a WHERE).");
                }
                for (int k = 0; k < keep.size(); k++) {
                    w.write((k == 0 ? "" : ",") + SqliteTables.quote(text(rs.getObject(keep.get(k)))));
                }
                w.write('\n');
            }
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Timestamp t) {
            String text = t.toLocalDateTime().toString().replace('T', ' ');
            return text.length() == 16 ? text + ":00" : text; // LocalDateTime leaves out zero seconds
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** A query must be one SELECT (or WITH ... SELECT); the read-only transaction is the second guard. */
    static String checkedQuery(String query) throws IngestException {
        String q = query.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        String head = q.toLowerCase(Locale.ROOT);
        if (!(head.startsWith("select") || head.startsWith("with")) || q.contains(";")) {
            throw refused("The query must be one SELECT statement.", "Send a single select ... (no other statements).");
        }
        return q;
    }

    /** {@code schema.table} or {@code table} as quoted identifiers. */
    static String qualified(String table) throws IngestException {
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2 || table.isBlank()) {
            throw refused("'" + table + "' is not a table name.", "Name tables as schema.table or table.");
        }
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                throw refused("'" + table + "' is not a table name.", "Name tables as schema.table or table.");
            }
            out.append(out.length() == 0 ? "" : ".").append('"').append(p.replace("\"", "\"\"")).append('"');
        }
        return out.toString();
    }

    private static Connection connect(String url, String password) throws IngestException, SQLException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("The url is not a URL: " + e.getMessage(), "Give postgresql://user@host:port/db.");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null
                || uri.getUserInfo() == null || uri.getUserInfo().contains(":")) {
            throw refused("The url must be postgresql://user@host:port/db, without a password.",
                    "Store the password as a secret and name it in password_secret.");
        }
        Properties props = new Properties();
        props.setProperty("user", uri.getUserInfo());
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "0");
        props.setProperty("ApplicationName", "DataSense import");
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + "/" + db;
        return DriverManager.getConnection(jdbc, props);
    }

    private static IngestException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("28")) {
            return refused("The database refused the sign-in (wrong user or password).",
                    "Check the user in the url and the secret named in password_secret.");
        }
        if (state.startsWith("08") || state.equals("3D000")) {
            return new IngestException(IngestException.SOURCE_UNREACHABLE,
                    "The database could not be reached: " + CsvIngestor.firstLine(e.getMessage()),
                    "Check the host, port and database name, and that the server accepts connections from DataSense.", 0, e);
        }
        if (state.equals("25006")) {
            return refused("The query tried to change data; imports only read.", "Send a select.");
        }
        if (state.equals("57014")) {
            return refused("The read took longer than the statement timeout.", "Import fewer rows or a simpler query.");
        }
        return refused("The database failed the import: " + CsvIngestor.firstLine(e.getMessage()), "Check the tables or query.");
    }

    private static IngestException refused(String message, String hint) {
        return new IngestException(IngestException.SOURCE_REFUSED, message, hint);
    }
}
