package datasense.tools.ingest;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The column profiler as ingest ran it before it shared the full profile's passes (kept verbatim as the reference
 * {@link ColumnProfilerTest} compares the merged one with).
 *
 * <p>Its own description:
 * Profiles the columns of a freshly written Parquet file in three SQL passes: one aggregate pass for
 * counts, distinct counts and ranges, one look at the first rows for sample values, and one grouped pass
 * for the frequent values of text columns (skipped for columns whose values are all different).
 */
final class SeparateColumnProfiler {

    static final int TOP_VALUES = 50;
    static final int SAMPLE_VALUES = 5;
    private static final int SAMPLE_ROWS = 2000;

    private SeparateColumnProfiler() {
    }

    /** Every value different and too many to list: counting frequencies would only cost time. */
    private static boolean allUniqueAndMany(long distinct, long nonNull) {
        return distinct == nonNull && distinct > SchemaInfo.ALL_VALUES_LIMIT;
    }

    static SchemaInfo profile(Connection db, Path parquet, String table, List<String> names, long rows)
            throws SQLException {
        String from = " FROM read_parquet(" + DuckDb.quoteLiteral(parquet.toString()) + ")";
        int n = names.size();
        String[] types = new String[n];
        long[] nonNull = new long[n];
        long[] distinct = new long[n];
        String[] min = new String[n];
        String[] max = new String[n];
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT *" + from + " LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 0; i < n; i++) {
                    types[i] = md.getColumnTypeName(i + 1);
                }
            }
            StringBuilder agg = new StringBuilder("SELECT ");
            for (int i = 0; i < n; i++) {
                String c = DuckDb.quoteIdent(names.get(i));
                agg.append(i == 0 ? "" : ", ").append("count(").append(c).append("), count(DISTINCT ").append(c)
                        .append("), min(").append(c).append(")::VARCHAR, max(").append(c).append(")::VARCHAR");
            }
            try (ResultSet rs = st.executeQuery(agg + from)) {
                rs.next();
                for (int i = 0; i < n; i++) {
                    nonNull[i] = rs.getLong(4 * i + 1);
                    distinct[i] = rs.getLong(4 * i + 2);
                    min[i] = rs.getString(4 * i + 3);
                    max[i] = rs.getString(4 * i + 4);
                }
            }

            // Sample values: the first distinct values in file order, as DuckDB prints them.
            List<Set<String>> samples = new ArrayList<>();
            StringBuilder sel = new StringBuilder("SELECT ");
            for (int i = 0; i < n; i++) {
                samples.add(new LinkedHashSet<>());
                sel.append(i == 0 ? "" : ", ").append(DuckDb.quoteIdent(names.get(i))).append("::VARCHAR");
            }
            try (ResultSet rs = st.executeQuery(sel + from + " LIMIT " + SAMPLE_ROWS)) {
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        String v = rs.getString(i + 1);
                        if (v != null && samples.get(i).size() < TOP_VALUES) {
                            samples.get(i).add(v);
                        }
                    }
                }
            }

            // Frequent values of text columns, all in one statement.
            List<List<String>> frequent = new ArrayList<>();
            StringBuilder union = new StringBuilder();
            for (int i = 0; i < n; i++) {
                frequent.add(new ArrayList<>());
                if (!types[i].equals("VARCHAR") || nonNull[i] == 0 || allUniqueAndMany(distinct[i], nonNull[i])) {
                    continue;
                }
                String c = DuckDb.quoteIdent(names.get(i));
                int limit = distinct[i] <= SchemaInfo.ALL_VALUES_LIMIT ? SchemaInfo.ALL_VALUES_LIMIT : TOP_VALUES;
                union.append(union.isEmpty() ? "" : " UNION ALL ")
                        .append("(SELECT ").append(i).append(" AS k, ").append(c).append(" AS v, count(*) AS f")
                        .append(from).append(" WHERE ").append(c).append(" IS NOT NULL GROUP BY ").append(c)
                        .append(" ORDER BY f DESC, v LIMIT ").append(limit).append(')');
            }
            if (!union.isEmpty()) {
                try (ResultSet rs = st.executeQuery("SELECT k, v FROM (" + union + ") ORDER BY k, f DESC, v")) {
                    while (rs.next()) {
                        frequent.get(rs.getInt(1)).add(rs.getString(2));
                    }
                }
            }

            List<ColumnProfile> columns = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> values;
                if (types[i].equals("VARCHAR")) {
                    // All-unique text (IDs, names): frequency says nothing, so show the first ones.
                    values = allUniqueAndMany(distinct[i], nonNull[i])
                            ? samples.get(i).stream().limit(TOP_VALUES).toList() : frequent.get(i);
                } else {
                    values = samples.get(i).stream().limit(SAMPLE_VALUES).toList();
                }
                columns.add(new ColumnProfile(names.get(i), types[i], rows - nonNull[i], distinct[i], min[i], max[i],
                        List.copyOf(values)));
            }
            return new SchemaInfo(table, rows, List.copyOf(columns));
        }
    }
}
