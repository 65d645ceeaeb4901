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
 * Text columns of months written "2024-01", as monthly tables keep them (a payroll month, a billing period). The
 * CSV sniffer leaves them as text, so "in December", "by quarter" or "over the year" find no date to read. A column
 * becomes a DATE, each month its first day, only when every value is such a month (blanks stay missing). The
 * uploaded file is kept as it was, so nothing is lost.
 */
final class MonthColumns {

    private MonthColumns() {
    }

    private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    /** Rewrites {@code parquet} with such columns as DATE, updating {@code types}; returns their names. */
    static List<String> convert(Connection db, Path parquet, List<String> names, List<String> types) throws SQLException {
        List<Integer> text = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).equals("VARCHAR")) {
                text.add(i);
            }
        }
        if (text.isEmpty()) {
            return List.of();
        }
        StringBuilder check = new StringBuilder("SELECT ");
        for (int k = 0; k < text.size(); k++) {
            String v = "nullif(trim(" + DuckDb.quoteIdent(names.get(text.get(k))) + "), '')";
            check.append(k == 0 ? "" : ", ").append("coalesce(bool_and(regexp_matches(").append(v).append(", ")
                    .append(DuckDb.quoteLiteral(MONTH)).append(")), false)");
        }
        List<String> replace = new ArrayList<>();
        List<String> converted = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(check + " FROM read_parquet(" + DuckDb.quoteLiteral(parquet.toString()) + ")")) {
            rs.next();
            for (int k = 0; k < text.size(); k++) {
                if (rs.getBoolean(k + 1)) {
                    int i = text.get(k);
                    String c = DuckDb.quoteIdent(names.get(i));
                    replace.add("CAST(nullif(trim(" + c + "), '') || '-01' AS DATE) AS " + c);
                    types.set(i, "DATE");
                    converted.add(names.get(i));
                }
            }
        }
        if (!replace.isEmpty()) {
            ParquetRewrite.replaceColumns(db, parquet, replace);
        }
        return converted;
    }
}
