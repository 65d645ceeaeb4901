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
 * Text columns that are really numbers written for people: "1,638", "30,000", "-4,060.5", with a dash or an
 * empty cell for "none". The CSV sniffer leaves them as text, so "the highest attendance" would sort "9" above
 * "30,000". A column becomes a number only when every value is such a number (at least one with a thousands
 * separator) or a placeholder ("-", "–", "—", "n/a", "?"), which becomes missing; anything else keeps it text.
 * The uploaded file is kept as it was, so nothing is lost.
 */
final class SeparatedNumbers {

    private SeparatedNumbers() {
    }

    private static final String NUMBER = "^[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?$|^[-+]?[0-9]+(\\.[0-9]+)?$";
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
        for (int k = 0; k < text.size(); k++) {
            String v = "lower(trim(" + DuckDb.quoteIdent(names.get(text.get(k))) + "))";
            String isPlaceholder = "regexp_matches(" + v + ", '" + PLACEHOLDER + "')";
            String isNumber = "regexp_matches(" + v + ", '" + NUMBER + "')";
            check.append(k == 0 ? "" : ", ")
                    .append("coalesce(bool_and(").append(isNumber).append(" OR ").append(isPlaceholder).append("), false)")
                    .append(", coalesce(bool_or(").append(v).append(" LIKE '%,%' AND ").append(isNumber).append("), false)")
                    .append(", coalesce(bool_or(").append(v).append(" LIKE '%.%' AND ").append(isNumber).append("), false)")
                    .append(", count(*) FILTER (WHERE ").append(isNumber).append(")");
        }
        List<String> replace = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(check + from)) {
            rs.next();
            for (int k = 0; k < text.size(); k++) {
                boolean all = rs.getBoolean(4 * k + 1);
                boolean separated = rs.getBoolean(4 * k + 2);
                boolean decimal = rs.getBoolean(4 * k + 3);
                long numbers = rs.getLong(4 * k + 4);
                if (all && separated && numbers > 0) {
                    int i = text.get(k);
                    String c = DuckDb.quoteIdent(names.get(i));
                    String type = decimal ? "DOUBLE" : "BIGINT";
                    replace.add("TRY_CAST(replace(trim(" + c + "), ',', '') AS " + type + ") AS " + c);
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
}
