package datasense.tools.ingest;

import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Text columns that are really numbers written for people: thousands grouped with commas or spaces ("1,638",
 * "1 420 436"), a currency sign ("£56,760.56"), a percent sign ("8.6%"), a typographic minus ("−7"), a list
 * number's full stop ("3."), or a footnote mark ("2008†", "1,638[a]"), with a dash or an empty cell for "none". The
 * CSV sniffer leaves them as text, so "the highest attendance" would sort "9" above "30,000" and nothing could add
 * them up. A column becomes a number only when every value is such a number or a placeholder ("-", "–", "—",
 * "n/a", "?"), which becomes missing, and no value has a leading zero (codes such as "00123" stay text); a column
 * mixing two currencies stays text (its figures cannot be added). A percentage keeps its figure (8.6, not 0.086).
 * The uploaded file is kept as it was, so nothing is lost.
 */
final class WrittenNumbers {

    private WrittenNumbers() {
    }

    /** Digits grouped by threes with one separator (comma, space, no-break or thin space), or plain digits. */
    private static final String DIGITS = "([0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}([ \u00a0\u202f\u2009][0-9]{3})+|[0-9]+)";
    private static final String SIGN = "[-+\u2212]?";
    private static final String CURRENCY = "[$€£¥]";
    /** A footnote mark after the figure: "[1]", "[a]", "[note 3]", or a dagger-like sign. */
    private static final String FOOTNOTE = "(\\[[^\\]]{1,10}\\]|[†‡*§¶])";
    private static final String NUMBER = "^" + SIGN + " ?" + CURRENCY + "? ?" + SIGN + DIGITS + "(\\.[0-9]+|\\.)? ?%? ?"
            + FOOTNOTE + "*$";
    private static final String PLAIN = "^[-+]?[0-9]+(\\.[0-9]+)?$";
    private static final String PLACEHOLDER = "^(|-|–|—|n/?a|\\?)$";

    /** Rewrites {@code parquet} with such columns as BIGINT or DOUBLE, updating {@code types}; returns their names. */
    static List<String> convert(Connection db, Path parquet, List<String> names, List<String> types)
            throws SQLException {
        List<Integer> text = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals("VARCHAR")) {
                text.add(i);
            }
        }
        if (text.isEmpty()) {
            return List.of();
        }
        String from = " FROM read_parquet(" + DuckDb.quoteLiteral(parquet.toString()) + ")";
        StringBuilder check = new StringBuilder("SELECT ");
        int per = 5;
        for (int k = 0; k < text.size(); k++) {
            String v = "lower(trim(" + DuckDb.quoteIdent(names.get(text.get(k))) + "))";
            String isNumber = "regexp_matches(" + v + ", " + DuckDb.quoteLiteral(NUMBER) + ")";
            String isPlaceholder = "regexp_matches(" + v + ", " + DuckDb.quoteLiteral(PLACEHOLDER) + ")";
            check.append(k == 0 ? "" : ", ")
                    .append("coalesce(bool_and(").append(isNumber).append(" OR ").append(isPlaceholder).append("), false)")
                    // written for people: at least one value is not a plain number (else the sniffer had a reason)
                    .append(", coalesce(bool_or(").append(isNumber).append(" AND NOT regexp_matches(").append(v)
                    .append(", '").append(PLAIN).append("')), false)")
                    .append(", coalesce(bool_or(").append(isNumber).append(" AND regexp_matches(").append(v)
                    .append(", '\\.[0-9]')), false)")
                    .append(", coalesce(bool_or(regexp_matches(").append(v).append(", '^[-+\u2212]?[^0-9]{0,3}0[0-9]')), false)")
                    .append(", count(DISTINCT nullif(regexp_extract(").append(v).append(", '").append(CURRENCY).append("'), ''))");
        }
        List<String> replace = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(check + from)) {
            rs.next();
            for (int k = 0; k < text.size(); k++) {
                boolean all = rs.getBoolean(per * k + 1);
                boolean written = rs.getBoolean(per * k + 2);
                boolean decimal = rs.getBoolean(per * k + 3);
                boolean leadingZero = rs.getBoolean(per * k + 4);
                long currencies = rs.getLong(per * k + 5);
                if (all && written && !leadingZero && currencies <= 1) {
                    int i = text.get(k);
                    String type = decimal ? "DOUBLE" : "BIGINT";
                    replace.add("TRY_CAST(" + figure(DuckDb.quoteIdent(names.get(i))) + " AS " + type + ") AS "
                            + DuckDb.quoteIdent(names.get(i)));
                    types.set(i, type);
                    converted.add(names.get(i));
                }
            }
        }
        if (replace.isEmpty()) {
            return List.of();
        }
        ParquetRewrite.replaceColumns(db, parquet, replace);
        return converted;
    }

    /**
     * The figure of a value that matched {@link #NUMBER}: footnotes in brackets dropped (their digits are not the
     * figure's), then everything but digits, the sign and the decimal point, and a list number's closing full stop.
     */
    private static String figure(String column) {
        String noNotes = "regexp_replace(" + column + ", '\\[[^\\]]*\\]', '', 'g')";
        String bare = "regexp_replace(replace(" + noNotes + ", '\u2212', '-'), '[^0-9.+-]', '', 'g')";
        return "regexp_replace(" + bare + ", '\\.$', '')";
    }
}
