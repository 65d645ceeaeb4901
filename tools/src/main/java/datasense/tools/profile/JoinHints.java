package datasense.tools.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Join hints across a tenant's files (its default project): a column of one file whose name and type match a
 * single-column candidate key of another, with the value overlap measured, the share of the column's distinct
 * values found among the key's. Names match when equal once case and punctuation are dropped, or when the column
 * is the other table's name (singular or plural) followed by the key ("customer_id" and customers.id).
 */
public final class JoinHints {

    /** One file as hints see it: its profile and where its Parquet file is (null until {@link #involved} names it). */
    public record Table(String fileId, String name, Path parquet, TableProfile profile) {
    }

    /** {@code column} of {@code fileId} may join {@code otherKey} of {@code otherFileId}; overlap in percent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Hint(String fileId, String name, String column, String otherFileId, String otherName,
                       String otherKey, long distinct, long matched, double overlap) {
    }

    /**
     * The files some hint not in {@code known} would involve: only their Parquet files need to be at hand for
     * {@link #find}.
     */
    public static java.util.Set<String> involved(List<Table> tables, List<Hint> known) {
        java.util.Map<String, Hint> measured = byPair(known);
        java.util.Set<String> ids = new java.util.HashSet<>();
        forEachMatch(tables, (from, c, to, key) -> {
            if (!measured.containsKey(pair(from.fileId(), c.name(), to.fileId(), key.name()))) {
                ids.add(from.fileId());
                ids.add(to.fileId());
            }
        });
        return ids;
    }

    /**
     * Every hint among {@code tables}, best overlap first, read through {@code db} (allowed every Parquet file a new
     * pair involves). A pair of files measured before ({@code known}) is not measured again: a file id's data never
     * changes (a new upload is a new file), so neither does its overlap, and a project's refresh after one more upload
     * measures only that file's pairs, not every pair again.
     */
    public List<Hint> find(Connection db, List<Table> tables, List<Hint> known) throws SQLException {
        java.util.Map<String, Hint> measured = byPair(known);
        List<Hint> hints = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            SQLException[] failed = new SQLException[1];
            forEachMatch(tables, (from, c, to, key) -> {
                Hint before = measured.get(pair(from.fileId(), c.name(), to.fileId(), key.name()));
                if (before != null) {
                    hints.add(new Hint(from.fileId(), from.name(), c.name(), to.fileId(), to.name(), key.name(),
                            before.distinct(), before.matched(), before.overlap())); // names as they are now
                } else if (failed[0] == null) {
                    try {
                        hints.add(measure(st, from, c, to, key));
                    } catch (SQLException e) {
                        failed[0] = e;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        hints.sort((a, b) -> Double.compare(b.overlap(), a.overlap()));
        return hints;
    }

    private static java.util.Map<String, Hint> byPair(List<Hint> hints) {
        java.util.Map<String, Hint> out = new java.util.HashMap<>();
        hints.forEach(h -> out.put(pair(h.fileId(), h.column(), h.otherFileId(), h.otherKey()), h));
        return out;
    }

    private static String pair(String fileId, String column, String otherFileId, String otherKey) {
        return fileId + '\u0000' + column + '\u0000' + otherFileId + '\u0000' + otherKey;
    }

    private interface MatchVisitor {
        void visit(Table from, ColumnStats column, Table to, ColumnStats key);
    }

    /** Each column of one table whose name and type match a single-column candidate key of another. */
    private static void forEachMatch(List<Table> tables, MatchVisitor visitor) {
        for (Table from : tables) {
            for (Table to : tables) {
                if (from == to) {
                    continue;
                }
                for (List<String> key : to.profile().candidateKeys()) {
                    if (key.size() != 1) {
                        continue;
                    }
                    ColumnStats keyColumn = to.profile().column(key.get(0));
                    for (ColumnStats c : from.profile().columns()) {
                        if (c.distinct() > 0 && sameFamily(c.type(), keyColumn.type())
                                && namesMatch(c.name(), keyColumn.name(), to.profile().table())
                                && !(numbersRows(c, from.profile()) && numbersRows(keyColumn, to.profile()))) {
                            visitor.visit(from, c, to, keyColumn);
                        }
                    }
                }
            }
        }
    }

    /**
     * A whole-number column holding 1..n over a table's n rows (line_id, row_no): two such columns share their values
     * in any two tables, so their overlap says nothing of a join.
     */
    static boolean numbersRows(ColumnStats c, TableProfile table) {
        ColumnStats.NumberStats n = c.numbers();
        return n != null && c.distinct() == table.rows() && c.missing() == 0 && n.min() >= 0 && n.min() <= 1
                && n.max() == Math.floor(n.max()) && n.max() - n.min() + 1 <= table.rows() * 3 / 2 + 1;
    }

    private static Hint measure(Statement st, Table from, ColumnStats c, Table to, ColumnStats key) throws SQLException {
        String sql = "SELECT count(*), count(k.v) FROM (SELECT DISTINCT " + DuckDb.quoteIdent(c.name()) + "::VARCHAR AS v FROM read_parquet("
                + DuckDb.quoteLiteral(from.parquet().toString()) + ") WHERE " + DuckDb.quoteIdent(c.name()) + " IS NOT NULL) s"
                + " LEFT JOIN (SELECT DISTINCT " + DuckDb.quoteIdent(key.name()) + "::VARCHAR AS v FROM read_parquet("
                + DuckDb.quoteLiteral(to.parquet().toString()) + ")) k ON s.v = k.v";
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long distinct = rs.getLong(1);
            long matched = rs.getLong(2);
            return new Hint(from.fileId(), from.name(), c.name(), to.fileId(), to.name(), key.name(), distinct, matched,
                    TableProfiler.pct(matched, distinct));
        }
    }

    static boolean sameFamily(String a, String b) {
        return family(a).equals(family(b));
    }

    private static String family(String type) {
        return switch (TableProfiler.kindOf(type)) {
            case NUMBER -> type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL") ? "real" : "integer";
            case TEXT -> "text";
            case DATE -> "date";
            case OTHER -> type;
        };
    }

    static boolean namesMatch(String column, String key, String otherTable) {
        String c = plain(column);
        String k = plain(key);
        if (c.equals(k)) {
            return true;
        }
        String t = plain(otherTable);
        String singular = t.endsWith("ies") ? t.substring(0, t.length() - 3) + "y" : t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
        return c.equals(t + k) || c.equals(singular + k);
    }

    private static String plain(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The hints as a Markdown table: the project's metadata in a form people read. */
    public static String markdown(List<Hint> hints) {
        StringBuilder md = new StringBuilder("# Join hints\n\n");
        if (hints.isEmpty()) {
            return md.append("No column of one file matches a key of another.\n").toString();
        }
        md.append("| file | column | joins file | key | distinct values | found in key | overlap |\n|---|---|---|---|---|---|---|\n");
        for (Hint h : hints) {
            md.append("| ").append(cell(h.name())).append(" (`").append(h.fileId()).append("`) | `").append(cell(h.column()))
                    .append("` | ").append(cell(h.otherName())).append(" (`").append(h.otherFileId()).append("`) | `")
                    .append(cell(h.otherKey())).append("` | ").append(h.distinct()).append(" | ").append(h.matched())
                    .append(" | ").append(h.overlap()).append("% |\n");
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
