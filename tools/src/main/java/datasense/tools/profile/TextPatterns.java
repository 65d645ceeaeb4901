package datasense.tools.profile;

import datasense.tools.profile.ColumnStats.TextStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The text statistics of a profile (lengths; how many values look like an email address, a URL, an id or a number)
 * as SQL, two ways: per row, as plain aggregates (pass 2, for columns with many distinct values), or per distinct
 * value weighted by its count, as window aggregates over pass 3's value counts, so a column of a million rows and
 * forty values tests forty strings, not a million.
 */
final class TextPatterns {

    /** The class at least this share of present values match names the column's pattern. */
    static final double PATTERN_SHARE = 0.9;

    private TextPatterns() {
    }

    private static List<String> predicates(String v) {
        return List.of(
                v + " LIKE '%_@_%._%' AND NOT contains(" + v + ", ' ')",
                "(" + v + " ILIKE 'http://_%' OR " + v + " ILIKE 'https://_%' OR " + v + " ILIKE 'www._%.__%') AND NOT contains(" + v + ", ' ')",
                "regexp_full_match(" + v + ", '[A-Za-z0-9_-]{3,}') AND regexp_matches(" + v + ", '[0-9]')",
                "TRY_CAST(trim(" + v + ") AS DOUBLE) IS NOT NULL");
    }

    /** Seven aggregates over the rows of {@code v}: min, max, mean length, then emails, URLs, ids, numbers. */
    static List<String> perRow(String v) {
        List<String> p = predicates(v);
        return List.of("min(length(" + v + "))", "max(length(" + v + "))", "avg(length(" + v + "))",
                "count_if(" + p.get(0) + ")", "count_if(" + p.get(1) + ")", "count_if(" + p.get(2) + ")", "count_if(" + p.get(3) + ")");
    }

    /** The same seven over value counts: {@code v} a distinct value, {@code n} its count, {@code window} the column's partition. */
    static List<String> perValue(String v, String n, String window) {
        List<String> p = predicates(v);
        String over = " OVER " + window;
        return List.of("min(length(" + v + "))" + over, "max(length(" + v + "))" + over,
                "sum(" + n + " * length(" + v + "))" + over + " / sum(" + n + ")" + over,
                "sum(CASE WHEN " + p.get(0) + " THEN " + n + " ELSE 0 END)" + over,
                "sum(CASE WHEN " + p.get(1) + " THEN " + n + " ELSE 0 END)" + over,
                "sum(CASE WHEN " + p.get(2) + " THEN " + n + " ELSE 0 END)" + over,
                "sum(CASE WHEN " + p.get(3) + " THEN " + n + " ELSE 0 END)" + over);
    }

    /** The statistics from the seven columns starting at {@code first}. */
    static TextStats read(ResultSet rs, int first, long present) throws SQLException {
        long emails = rs.getLong(first + 3);
        long urls = rs.getLong(first + 4);
        long ids = rs.getLong(first + 5);
        long numeric = rs.getLong(first + 6);
        double share = PATTERN_SHARE * present;
        String pattern = emails >= share ? "email" : urls >= share ? "url" : numeric >= share ? "number" : ids >= share ? "id" : null;
        return new TextStats(rs.getLong(first), rs.getLong(first + 1), TableProfiler.round(rs.getDouble(first + 2), 2),
                emails, urls, ids, numeric, pattern);
    }
}
