package datasense.tools.sql;

import datasense.tools.Column;
import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.ToolException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs vetted SQL on a sandboxed connection with a statement timeout and a row limit, and converts the
 * values to JSON-friendly Java (Long, Double, String, Boolean, ISO-8601 strings for dates, lists of these, null).
 */
public final class QueryRunner {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter FRACTION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

    private QueryRunner() {
    }

    /**
     * A sandboxed connection that can read only the dataset's Parquet file (and those of the files joined to it), with
     * the dataset exposed as a view named after its table (and each joined file as a view of its own table name). The connection is the caller's own, duplicated from the dataset's database
     * that {@link DatabaseCache#shared()} keeps open; closing it leaves the database open for the next call.
     */
    public static Connection connect(Dataset ds, Limits limits) throws ToolException {
        Path parquet = ds.parquet().toAbsolutePath().normalize();
        if (!Files.isRegularFile(parquet)) {
            DatabaseCache.shared().evict(parquet);
            throw missing(ds);
        }
        for (Dataset.Joined j : ds.joined()) {
            if (!Files.isRegularFile(j.parquet())) {
                throw new ToolException("dataset_unavailable", "The data file of " + j.table() + ", joined to "
                        + ds.table() + ", is missing.", "Upload " + j.table() + " again, or ask again once its join"
                        + " hints are measured.");
            }
        }
        try {
            return DatabaseCache.shared().connect(parquet, ds.table(), ds.joined(), limits);
        } catch (IOException e) {
            throw missing(ds);
        } catch (SQLException e) {
            throw new ToolException("dataset_unavailable", "Could not open the data of " + ds.table() + ": "
                    + firstLine(e.getMessage()), "Upload the file again.", e);
        }
    }

    private static ToolException missing(Dataset ds) {
        return new ToolException("dataset_unavailable", "The data file of " + ds.table() + " is missing.",
                "Upload the file again.");
    }

    /**
     * Runs {@code sql} and keeps at most {@code limits.maxRows()} rows (reading one more to know whether
     * there were more). A statement running past {@code limits.queryTimeoutSeconds()} is cancelled and
     * reported as {@code timeout}.
     */
    public static QueryResult run(Connection connection, String sql, Limits limits) throws ToolException {
        long started = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(limits.queryTimeoutSeconds());
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                List<Column> columns = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    columns.add(new Column(md.getColumnLabel(i), md.getColumnTypeName(i)));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean over = false;
                while (rs.next()) {
                    if (rows.size() >= limits.maxRows()) {
                        over = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(jsonValue(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new QueryResult(sql, List.copyOf(columns), rows, over);
            }
        } catch (SQLException e) {
            throw translate(e, started, limits);
        }
    }

    /** Runs {@code sql} and returns the single row it yields (empty list when none). */
    public static List<Object> one(Connection connection, String sql, Limits limits) throws ToolException {
        QueryResult r = run(connection, sql, limits);
        return r.rows().isEmpty() ? List.of() : r.rows().get(0);
    }

    private static ToolException translate(SQLException e, long startedNanos, Limits limits) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (msg.contains("INTERRUPT") || msg.toLowerCase(Locale.ROOT).contains("interrupted")
                || msg.toLowerCase(Locale.ROOT).contains("cancel")
                || (limits.queryTimeoutSeconds() > 0 && seconds >= limits.queryTimeoutSeconds())) {
            return new ToolException("timeout", "The query ran longer than " + limits.queryTimeoutSeconds()
                    + " seconds and was stopped.",
                    "Narrow the question: filter to fewer rows, group by fewer values, or avoid joining the table"
                            + " with itself.", e);
        }
        if (msg.contains("Permission Error") || msg.contains("disabled") || msg.contains("Catalog Error: Table")) {
            return new ToolException("sql_rejected", firstLine(msg),
                    "Query only the dataset's own table; files, settings and other tables are off limits.", e);
        }
        if (msg.contains("Out of Memory")) {
            return new ToolException("too_much_memory", "The query needed more memory than allowed ("
                    + limits.memoryLimit() + ").", "Aggregate more or select fewer columns or rows.", e);
        }
        return new ToolException("sql_error", firstLine(msg),
                "Check the column names (quote names with spaces in double quotes) and the SQL syntax.", e);
    }

    /** A JDBC value as a JSON-friendly Java value. */
    public static Object jsonValue(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f.doubleValue() : null;
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof Timestamp t) {
            return timestamp(t.toLocalDateTime());
        }
        if (v instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (v instanceof LocalTime t) {
            return t.toString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (v instanceof java.sql.Array a) {
            return list(a);
        }
        return v.toString();
    }

    /** A LIST value as a Java list of JSON-friendly values. */
    private static Object list(java.sql.Array a) {
        try {
            List<Object> out = new ArrayList<>();
            for (Object item : (Object[]) a.getArray()) {
                out.add(jsonValue(item));
            }
            return out;
        } catch (SQLException e) {
            return a.toString();
        }
    }

    private static String timestamp(LocalDateTime t) {
        return (t.getNano() == 0 ? SECONDS : FRACTION).format(t);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        return s.strip().lines().findFirst().orElse("unknown error");
    }

    /** Closes {@code c} ignoring errors, for cleanup paths. */
    public static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing useful to do: the connection is being discarded anyway
            }
        }
    }
}
