package datasense.tools.profile;

import datasense.tools.profile.ColumnStats.Bin;
import datasense.tools.profile.ColumnStats.DateStats;
import datasense.tools.profile.ColumnStats.Histogram;
import datasense.tools.profile.ColumnStats.NumberStats;
import datasense.tools.profile.ColumnStats.TextStats;
import datasense.tools.profile.ColumnStats.ValueCount;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Profiles a Parquet table with DuckDB in a fixed number of passes, whatever its width: pass 1 is one aggregate
 * SELECT for every column's counts, estimated distinct values (HyperLogLog), moments, quantiles, lengths and
 * pattern counts plus the Pearson correlations; pass 2 one aggregate SELECT for what needs pass 1's answers
 * (histogram bins from the range, outliers from the quartiles, duplicate rows, exact distinct counts of columns
 * with many values, estimated distinct counts of column pairs); pass 3 one GROUPING SETS query for the top values,
 * exact distinct counts and the contingency tables of Cramér's V ({@link ValueCounts}). No query is run per
 * column; only pairs that may be keys are counted exactly, in one more SELECT when there are any.
 *
 * <p>Quantiles are exact up to {@link #EXACT_QUANTILE_ROWS} rows and t-digest estimates beyond. Duplicate rows
 * and key pairs are counted by 64-bit row hashes: with a million rows a collision (which could only hide a
 * duplicate or a unique pair) has a probability below 1e-7.
 */
public final class TableProfiler {

    private final ValueCounts valueCounts;

    /** A profiler. */
    public TableProfiler() {
        this(new ValueCounts());
    }

    /** A profiler counting values with {@code valueCounts} (tests compare its two ways of counting pairs). */
    TableProfiler(ValueCounts valueCounts) {
        this.valueCounts = valueCounts;
    }

    /** Equal-width bins of a histogram. */
    static final int BINS = 20;
    /** Numeric columns whose pairwise correlations are computed (the first ones). */
    static final int MAX_CORRELATED = 20;
    /** Pairs of columns tried as a two-column key. */
    static final int MAX_KEY_PAIRS = 15;
    /** Up to this many rows quantiles are exact (quantile_cont); beyond, t-digest estimates (approx_quantile). */
    static final long EXACT_QUANTILE_ROWS = 100_000;
    static final String OUTLIER_RULE = "Tukey's IQR rule: below Q1 - 1.5 IQR or above Q3 + 1.5 IQR";
    static final double[] SENTINELS = {-1, -99, -999, -9999, 999, 9999, 99999};
    /** Frequent values a text column keeps for the planner: every one up to this many distinct values. */
    static final int FREQUENT = SchemaInfo.ALL_VALUES_LIMIT;
    /** Frequent values kept beyond {@link #FREQUENT} distinct values (as ingest always listed them). */
    static final int TOP_VALUES = 50;
    private static final int SAMPLE_VALUES = 5;
    private static final int SAMPLE_ROWS = 2000;

    enum Kind { NUMBER, TEXT, DATE, OTHER }

    /** What pass 1 learns of a column and later passes use. */
    static final class Col {
        final String name;
        final String type;
        final Kind kind;
        final String ref;
        long nonNull;
        long distinct;
        NumberStats numbers;
        TextStats text;
        DateStats dates;
        double lo;
        double hi;
        Histogram histogram;
        List<ValueCount> top;
        Double uniquePct;
        /** min and max as DuckDB prints them (VARCHAR), for the planner's {@link SchemaInfo}. */
        String minText;
        String maxText;
        /** Text columns: the most frequent values, most frequent first (ties by value), up to {@link #FREQUENT}. */
        List<String> frequent;

        Col(String name, String type) {
            this.name = name;
            this.type = type;
            this.kind = kindOf(type);
            this.ref = DuckDb.quoteIdent(name);
        }

        /** The column as a number: dates as epoch seconds. */
        String number() {
            return kind == Kind.DATE ? "epoch(" + ref + ")" : ref + "::DOUBLE";
        }

        boolean keyable(long rows) {
            return nonNull == rows && rows > 0 && (kind == Kind.TEXT || kind == Kind.DATE || type.equals("BIGINT")
                    || type.equals("INTEGER"));
        }
    }

    /** A table's profile together with the planner's view of it, from the same passes. */
    public record Both(TableProfile profile, SchemaInfo schema) {
    }

    /** The profile of the Parquet file at {@code parquet}, read through {@code db} (a connection allowed to read it). */
    public TableProfile profile(Connection db, Path parquet, String table) throws SQLException {
        return run(db, parquet, table).profile;
    }

    /**
     * The profile and the planner's {@link SchemaInfo} of the Parquet file at {@code parquet} ({@code names} its
     * columns in order, {@code rows} its row count) from one set of passes: the SchemaInfo's exact distinct counts,
     * ranges and frequent values are those the profile counts anyway, plus one look at the first rows for samples
     * (and one grouped query for text columns the profile's pass 3 does not count, if any).
     */
    public Both profileWithSchema(Connection db, Path parquet, String table, List<String> names, long rows)
            throws SQLException {
        Run run = run(db, parquet, table);
        if (run.profile.rows() != rows || run.cols.size() != names.size()) {
            throw new SQLException("the Parquet file has " + run.profile.rows() + " rows and " + run.cols.size()
                    + " columns, expected " + rows + " and " + names.size());
        }
        return new Both(run.profile, schema(db, run, table, names, rows));
    }

    private record Run(TableProfile profile, List<Col> cols, String from) {
    }

    private Run run(Connection db, Path parquet, String table) throws SQLException {
        long started = System.nanoTime();
        String from = " FROM read_parquet(" + DuckDb.quoteLiteral(parquet.toString()) + ")";
        List<Col> cols = new ArrayList<>();
        long rows;
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT *" + from)) {
                while (rs.next()) {
                    cols.add(new Col(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT)));
                }
            }
            List<TableProfile.Correlation> correlations = new ArrayList<>();
            rows = firstPass(st, from, cols, correlations);
            long first = System.nanoTime();
            List<List<String>> pairs = keyPairs(cols, rows);
            List<List<String>> likelyPairs = new ArrayList<>();
            long distinctRows = secondPass(st, from, cols, pairs, likelyPairs, rows);
            long second = System.nanoTime();
            ValueCounts.Result counts = valueCounts.count(st, from, cols, rows);
            long third = System.nanoTime();
            List<List<String>> keys = new ArrayList<>();
            for (Col c : cols) {
                if (c.keyable(rows) && c.distinct == rows) {
                    keys.add(List.of(c.name));
                }
            }
            keys.addAll(uniquePairs(st, from, likelyPairs, keys, rows));
            List<ColumnStats> columns = new ArrayList<>();
            for (Col c : cols) {
                columns.add(new ColumnStats(c.name, c.type, rows - c.nonNull, pct(rows - c.nonNull, rows), c.distinct,
                        pct(c.distinct, c.nonNull), c.uniquePct, c.numbers, c.text, c.dates, c.top, c.histogram));
            }
            long duplicates = rows - distinctRows;
            List<TableProfile.Alert> alerts = ProfileAlerts.of(columns, rows, duplicates);
            return new Run(new TableProfile(table, rows, duplicates, pct(duplicates, rows), columns, correlations,
                    counts.associations(), keys, alerts, OUTLIER_RULE, Instant.now().toString(),
                    (System.nanoTime() - started) / 1_000_000, List.of((first - started) / 1_000_000,
                    (second - first) / 1_000_000, (third - second) / 1_000_000)), cols, from);
        }
    }

    /** Every value different and too many to list: frequent values say nothing, the first ones are shown. */
    private static boolean allUniqueAndMany(long distinct, long nonNull) {
        return distinct == nonNull && distinct > SchemaInfo.ALL_VALUES_LIMIT;
    }

    /** The planner's view of the columns the passes measured, as ingest has always described them. */
    private static SchemaInfo schema(Connection db, Run run, String table, List<String> names, long rows)
            throws SQLException {
        int n = names.size();
        String[] types = new String[n];
        List<Set<String>> samples = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            StringBuilder sel = new StringBuilder("SELECT ");
            for (int i = 0; i < n; i++) {
                samples.add(new LinkedHashSet<>());
                sel.append(i == 0 ? "" : ", ").append(DuckDb.quoteIdent(names.get(i))).append("::VARCHAR");
            }
            // sample values: the first distinct values in file order, as DuckDB prints them
            try (ResultSet rs = st.executeQuery(sel + run.from + " LIMIT " + SAMPLE_ROWS)) {
                while (rs.next()) {
                    for (int i = 0; i < n; i++) {
                        String v = rs.getString(i + 1);
                        if (v != null && samples.get(i).size() < TOP_VALUES) {
                            samples.get(i).add(v);
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT *" + run.from + " LIMIT 0")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 0; i < n; i++) {
                    types[i] = md.getColumnTypeName(i + 1);
                }
            }
            // text columns pass 3 did not count (too many values, or past its limit): their frequent values here
            StringBuilder union = new StringBuilder();
            List<Col> cols = run.cols;
            for (int i = 0; i < n; i++) {
                Col c = cols.get(i);
                if (!types[i].equals("VARCHAR") || c.nonNull == 0 || c.frequent != null
                        || allUniqueAndMany(c.distinct, c.nonNull)) {
                    continue;
                }
                int limit = c.distinct <= SchemaInfo.ALL_VALUES_LIMIT ? SchemaInfo.ALL_VALUES_LIMIT : TOP_VALUES;
                union.append(union.isEmpty() ? "" : " UNION ALL ")
                        .append("(SELECT ").append(i).append(" AS k, ").append(c.ref).append(" AS v, count(*) AS f")
                        .append(run.from).append(" WHERE ").append(c.ref).append(" IS NOT NULL GROUP BY ").append(c.ref)
                        .append(" ORDER BY f DESC, v LIMIT ").append(limit).append(')');
                c.frequent = new ArrayList<>();
            }
            if (!union.isEmpty()) {
                try (ResultSet rs = st.executeQuery("SELECT k, v FROM (" + union + ") ORDER BY k, f DESC, v")) {
                    while (rs.next()) {
                        cols.get(rs.getInt(1)).frequent.add(rs.getString(2));
                    }
                }
            }
        }
        List<ColumnProfile> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Col c = run.cols.get(i);
            List<String> values;
            if (types[i].equals("VARCHAR")) {
                if (c.nonNull == 0) {
                    values = List.of();
                } else if (allUniqueAndMany(c.distinct, c.nonNull)) {
                    values = samples.get(i).stream().limit(TOP_VALUES).toList();
                } else {
                    int limit = c.distinct <= SchemaInfo.ALL_VALUES_LIMIT ? SchemaInfo.ALL_VALUES_LIMIT : TOP_VALUES;
                    values = c.frequent.stream().limit(limit).toList();
                }
            } else {
                values = samples.get(i).stream().limit(SAMPLE_VALUES).toList();
            }
            columns.add(new ColumnProfile(names.get(i), types[i], rows - c.nonNull, c.distinct, c.minText, c.maxText,
                    List.copyOf(values)));
        }
        return new SchemaInfo(table, rows, List.copyOf(columns));
    }

    static Kind kindOf(String type) {
        return switch (type) {
            case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "DOUBLE", "FLOAT", "REAL" -> Kind.NUMBER;
            case "VARCHAR" -> Kind.TEXT;
            case "DATE" -> Kind.DATE;
            default -> type.startsWith("TIMESTAMP") ? Kind.DATE : type.startsWith("DECIMAL") ? Kind.NUMBER : Kind.OTHER;
        };
    }

    static double pct(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
    }

    /** Pass 1: returns the row count; fills each column's counts and statistics, and {@code correlations}. */
    private static long firstPass(Statement st, String from, List<Col> cols, List<TableProfile.Correlation> correlations)
            throws SQLException {
        long rows;
        try (ResultSet rs = st.executeQuery("SELECT count(*)" + from)) {
            rs.next();
            rows = rs.getLong(1);
        }
        // a sort per column is what exact quantiles cost: beyond EXACT_QUANTILE_ROWS rows, t-digest estimates
        String quantiles = rows <= EXACT_QUANTILE_ROWS ? "quantile_cont" : "approx_quantile";
        SelectList s = new SelectList();
        int[][] at = new int[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            List<Integer> idx = new ArrayList<>(List.of(s.add("count(" + c.ref + ")"), s.add("approx_count_distinct(" + c.ref + ")"),
                    s.add("min(" + c.ref + ")::VARCHAR"), s.add("max(" + c.ref + ")::VARCHAR")));
            String x = c.number();
            switch (c.kind) {
                case NUMBER -> {
                    for (String e : List.of("min(" + x + ")", "max(" + x + ")", "avg(" + x + ")", "stddev_samp(" + x + ")",
                            quantiles + "(" + x + ", [0.05, 0.25, 0.5, 0.75, 0.95])", "skewness(" + x + ")",
                            "count_if(" + x + " = 0)", "count_if(" + x + " < 0)")) {
                        idx.add(s.add(e));
                    }
                    for (double v : SENTINELS) {
                        idx.add(s.add("count_if(" + x + " = " + v + ")"));
                    }
                }
                case DATE -> {
                    for (String e : List.of("min(" + c.ref + ")::VARCHAR", "max(" + c.ref + ")::VARCHAR",
                            "count_if(" + c.ref + "::DATE > current_date)", "min(" + x + ")", "max(" + x + ")")) {
                        idx.add(s.add(e));
                    }
                }
                default -> { }
            }
            at[i] = idx.stream().mapToInt(Integer::intValue).toArray();
        }
        List<Col> numeric = cols.stream().filter(c -> c.kind == Kind.NUMBER).limit(MAX_CORRELATED).toList();
        List<int[]> pairAt = new ArrayList<>();
        for (int a = 0; a < numeric.size(); a++) {
            for (int b = a + 1; b < numeric.size(); b++) {
                pairAt.add(new int[]{a, b, s.add("corr(" + numeric.get(a).number() + ", " + numeric.get(b).number() + ")")});
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT " + s.sql() + from)) {
            rs.next();
            for (int i = 0; i < cols.size(); i++) {
                read(rs, cols.get(i), at[i]);
            }
            for (int[] p : pairAt) {
                Double r = SelectList.doubleAt(rs, p[2]);
                if (r != null) {
                    correlations.add(new TableProfile.Correlation(numeric.get(p[0]).name, numeric.get(p[1]).name, round(r, 4)));
                }
            }
            correlations.sort(Comparator.comparingDouble(c -> -Math.abs(c.pearson())));
            return rows;
        }
    }

    private static void read(ResultSet rs, Col c, int[] all) throws SQLException {
        c.minText = rs.getString(all[2]);
        c.maxText = rs.getString(all[3]);
        int[] at = new int[all.length - 2]; // the statistics of the column's kind follow its count, estimate, min, max
        at[0] = all[0];
        at[1] = all[1];
        System.arraycopy(all, 4, at, 2, all.length - 4);
        c.nonNull = rs.getLong(at[0]);
        c.distinct = rs.getLong(at[1]);
        if (c.nonNull == 0) {
            return;
        }
        switch (c.kind) {
            case NUMBER -> {
                Object[] q = SelectList.arrayAt(rs, at[6]);
                c.lo = rs.getDouble(at[2]);
                c.hi = rs.getDouble(at[3]);
                List<ValueCount> sentinels = new ArrayList<>();
                for (int k = 0; k < SENTINELS.length; k++) {
                    long n = rs.getLong(at[10 + k]);
                    // a sentinel stands at the edge of the range: -1 as the minimum, 9999 as the maximum
                    if (n > 0 && (SENTINELS[k] == c.lo || SENTINELS[k] == c.hi)) {
                        sentinels.add(new ValueCount(format(SENTINELS[k]), n, pct(n, c.nonNull)));
                    }
                }
                double q1 = number(q[1]);
                double q3 = number(q[3]);
                double iqr = q3 - q1;
                c.numbers = new NumberStats(c.lo, c.hi, round(rs.getDouble(at[4]), 6), round(SelectList.doubleAt(rs, at[5]), 6),
                        number(q[0]), q1, number(q[2]), q3, number(q[4]), round(SelectList.doubleAt(rs, at[7]), 4),
                        rs.getLong(at[8]), rs.getLong(at[9]), 0, 0, q1 - 1.5 * iqr, q3 + 1.5 * iqr, sentinels);
            }
            case DATE -> {
                c.dates = new DateStats(rs.getString(at[2]), rs.getString(at[3]), rs.getLong(at[4]));
                c.lo = rs.getDouble(at[5]);
                c.hi = rs.getDouble(at[6]);
            }
            default -> { }
        }
    }

    /** Pairs of non-null columns, neither a key alone, whose distinct counts could make them unique together. */
    private static List<List<String>> keyPairs(List<Col> cols, long rows) {
        List<Col> usable = cols.stream().filter(c -> c.keyable(rows) && c.distinct < rows && c.distinct > 1).toList();
        List<List<String>> pairs = new ArrayList<>();
        List<double[]> scored = new ArrayList<>();
        for (int a = 0; a < usable.size(); a++) {
            for (int b = a + 1; b < usable.size(); b++) {
                double product = (double) usable.get(a).distinct * usable.get(b).distinct;
                if (product >= rows) {
                    scored.add(new double[]{a, b, product});
                }
            }
        }
        // the most distinct combinations first: the likeliest to be unique
        scored.sort(Comparator.comparingDouble(p -> -p[2]));
        for (double[] p : scored.subList(0, Math.min(MAX_KEY_PAIRS, scored.size()))) {
            pairs.add(List.of(usable.get((int) p[0]).name, usable.get((int) p[1]).name));
        }
        return pairs;
    }

    /**
     * Pass 2: histograms, outliers and the exact distinct count of columns with many values into the columns, the
     * pairs that may be unique into {@code keys}; returns the number of distinct rows.
     */
    private static long secondPass(Statement st, String from, List<Col> cols, List<List<String>> pairs,
                                   List<List<String>> keys, long rows) throws SQLException {
        SelectList s = new SelectList();
        String all = String.join(", ", cols.stream().map(c -> c.ref).toList());
        int distinctRowsAt = s.add("count(DISTINCT hash(" + all + "))");
        int[][] at = new int[cols.size()][];
        int[] exactAt = new int[cols.size()];
        int[] textAt = new int[cols.size()];
        List<Col> counted = ValueCounts.counted(cols);
        for (int i = 0; i < cols.size(); i++) {
            Col c = cols.get(i);
            // pass 3 counts the values of the others, which gives their exact distinct count
            exactAt[i] = c.nonNull > 0 && !counted.contains(c) ? s.add("count(DISTINCT " + c.ref + ")") : 0;
            if (exactAt[i] > 0 && c.kind == Kind.TEXT && c.distinct > ValueCounts.MAX_GROUPS) {
                textAt[i] = s.add(TextPatterns.perRow(c.ref).get(0));
                TextPatterns.perRow(c.ref).stream().skip(1).forEach(s::add);
            }
            if ((c.kind == Kind.NUMBER || c.kind == Kind.DATE) && c.nonNull > 0) {
                double width = (c.hi - c.lo) / BINS;
                String bin = c.hi > c.lo
                        ? "least(floor((" + c.number() + " - " + c.lo + ") / " + width + "), " + (BINS - 1) + ")::INTEGER"
                        : "0";
                String h = "histogram(" + bin + ")";
                int outliers = c.numbers == null ? 0 : s.add("count_if(" + c.number() + " < " + c.numbers.lowFence()
                        + " OR " + c.number() + " > " + c.numbers.highFence() + ")");
                at[i] = new int[]{s.add(h + "::VARCHAR"), outliers};
            }
        }
        int[] pairAt = new int[pairs.size()];
        for (int p = 0; p < pairs.size(); p++) {
            pairAt[p] = s.add("approx_count_distinct(hash(" + DuckDb.quoteIdent(pairs.get(p).get(0)) + ", "
                    + DuckDb.quoteIdent(pairs.get(p).get(1)) + "))");
        }
        try (ResultSet rs = st.executeQuery("SELECT " + s.sql() + from)) {
            rs.next();
            for (int i = 0; i < cols.size(); i++) {
                Col c = cols.get(i);
                if (exactAt[i] > 0) {
                    c.distinct = rs.getLong(exactAt[i]);
                }
                if (textAt[i] > 0) {
                    c.text = TextPatterns.read(rs, textAt[i], c.nonNull);
                }
                if (at[i] != null) {
                    c.histogram = histogram(c, rs.getString(at[i][0]));
                    if (c.numbers != null) {
                        long outliers = rs.getLong(at[i][1]);
                        NumberStats n = c.numbers;
                        c.numbers = new NumberStats(n.min(), n.max(), n.mean(), n.std(), n.p5(), n.q1(), n.median(), n.q3(),
                                n.p95(), n.skewness(), n.zeros(), n.negatives(), outliers, pct(outliers, c.nonNull),
                                n.lowFence(), n.highFence(), n.sentinels());
                    }
                }
            }
            for (int p = 0; p < pairs.size(); p++) {
                // HyperLogLog is off by a few percent: what could be unique is counted exactly afterwards
                if (rs.getLong(pairAt[p]) >= 0.95 * rows) {
                    keys.add(pairs.get(p));
                }
            }
            return rs.getLong(distinctRowsAt);
        }
    }

    /** The bins of a DuckDB histogram map written as text: {@code {0=12, 3=4}}. */
    private static Histogram histogram(Col c, String map) {
        long[] n = new long[c.hi > c.lo ? BINS : 1];
        String body = map == null ? "" : map.replaceAll("[{}\\s]", "");
        for (String entry : body.isEmpty() ? new String[0] : body.split(",")) {
            String[] kv = entry.split("=");
            if (!kv[0].equals("NULL")) {
                n[Integer.parseInt(kv[0])] += Long.parseLong(kv[1]);
            }
        }
        double width = (c.hi - c.lo) / n.length;
        List<Bin> bins = new ArrayList<>();
        for (int k = 0; k < n.length; k++) {
            bins.add(new Bin(c.lo + k * width, k == n.length - 1 ? c.hi : c.lo + (k + 1) * width, n[k]));
        }
        return new Histogram(bins);
    }

    /** The pairs of {@code likely} whose rows are all different, counted exactly; none holding a single-column key. */
    private static List<List<String>> uniquePairs(Statement st, String from, List<List<String>> likely,
                                                  List<List<String>> keys, long rows) throws SQLException {
        List<List<String>> candidates = likely.stream()
                .filter(p -> !keys.contains(List.of(p.get(0))) && !keys.contains(List.of(p.get(1)))).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        SelectList s = new SelectList();
        for (List<String> p : candidates) {
            s.add("count(DISTINCT hash(" + DuckDb.quoteIdent(p.get(0)) + ", " + DuckDb.quoteIdent(p.get(1)) + "))");
        }
        List<List<String>> unique = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT " + s.sql() + from)) {
            rs.next();
            for (int p = 0; p < candidates.size(); p++) {
                if (rs.getLong(p + 1) == rows) {
                    unique.add(candidates.get(p));
                }
            }
        }
        return unique;
    }

    private static double number(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    static Double round(Double v, int places) {
        if (v == null) {
            return null;
        }
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
