package datasense.tools.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * Turns each user table of a SQLite database file into a CSV file (read with the xerial sqlite-jdbc driver,
 * read-only), which then goes through the CSV ingest like a workbook sheet, so it gets the same typing and checks:
 * INTEGER and REAL values are written as numbers, TEXT as text (dates stored as text are typed by the CSV ingest),
 * NULL as an empty field. BLOB columns (declared BLOB or holding a blob) are left out, since no planner can use
 * raw bytes; SQLite's own tables ({@code sqlite_*}) and views are not read; empty tables are skipped.
 */
final class SqliteTables {

    /** A table written as CSV: its name in the database, the file, and the BLOB columns left out. */
    record TableCsv(String table, Path csv, List<String> skippedColumns) {
    }

    private SqliteTables() {
    }

    static List<TableCsv> toCsv(Path db, Path dir, long maxBytes) throws IngestException, IOException {
        if (Files.size(db) > maxBytes) {
            throw new IngestException(IngestException.TOO_LARGE,
                    "The database file is larger than " + maxBytes + " bytes.", "Upload a smaller extract.");
        }
        List<TableCsv> out = new ArrayList<>();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties())) {
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                         + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                TableCsv csv = table(c, table, dir.resolve("table-" + (out.size() + 1) + ".csv"));
                if (csv != null) {
                    out.add(csv);
                }
            }
        } catch (SQLException e) {
            throw new IngestException(IngestException.UNREADABLE,
                    "The SQLite database could not be read: " + CsvIngestor.firstLine(e.getMessage()),
                    "Upload an unencrypted SQLite database file as written (not cut short), or export its tables as CSV.",
                    0, e);
        }
        if (out.isEmpty()) {
            throw new IngestException(IngestException.UNREADABLE, "The SQLite database has no table with rows.",
                    "Upload a database with data in at least one table.");
        }
        return out;
    }

    /** Writes one table, or returns null when it has no rows or no column other than blobs. */
    private static TableCsv table(Connection c, String table, Path csv) throws SQLException, IOException {
        String quoted = '"' + table.replace("\"", "\"\"") + '"';
        List<String> keep = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, type FROM pragma_table_info(" + literal(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String type = rs.getString(2) == null ? "" : rs.getString(2).toUpperCase(Locale.ROOT);
                (type.contains("BLOB") ? skipped : keep).add(name);
            }
        }
        for (String column : List.copyOf(keep)) {
            String q = '"' + column.replace("\"", "\"\"") + '"';
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1 FROM " + quoted + " WHERE typeof(" + q + ") = 'blob' LIMIT 1")) {
                if (rs.next()) {
                    keep.remove(column);
                    skipped.add(column);
                }
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < keep.size(); i++) {
            select.append(i == 0 ? "" : ", ").append('"').append(keep.get(i).replace("\"", "\"\"")).append('"');
        }
        long rows = 0;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(select + " FROM " + quoted);
             Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < keep.size(); i++) {
                w.write((i == 0 ? "" : ",") + quote(keep.get(i)));
            }
            w.write('\n');
            while (rs.next()) {
                for (int i = 0; i < keep.size(); i++) {
                    w.write((i == 0 ? "" : ",") + quote(text(rs.getObject(i + 1))));
                }
                w.write('\n');
                rows++;
            }
        }
        if (rows == 0) {
            Files.deleteIfExists(csv);
            return null;
        }
        return new TableCsv(table, csv, List.copyOf(skipped));
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Float f) {
            return text(f.doubleValue());
        }
        return value.toString();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String quote(String s) {
        if (s.isEmpty() || s.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
