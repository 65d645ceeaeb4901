package datasense.tools.profile;

import datasense.tools.profile.ColumnStats.ValueCount;
import datasense.tools.profile.TableProfiler.Col;
import datasense.tools.profile.TableProfiler.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pass 3 of a profile: one GROUPING SETS query counts the values of every column (its top values, and how many
 * occur once, how many distinct values it has, exactly) and the value pairs of low-cardinality columns (the
 * contingency tables of Cramér's V). Columns with more than {@link #MAX_GROUPS} distinct values skip it: counting
 * them would cost more than it tells; pass 2 counted their distinct values, and their top values and unique %
 * stay null (unique is 100% when every value differs). So do columns past the {@link #MAX_COUNTED}th, whose distinct
 * count stays pass 1's estimate and whose text statistics stay null.
 */
final class ValueCounts {

    static final int TOP = 10;
    static final long MAX_GROUPS = 200_000;
    /** Columns with at most this many distinct values take part in Cramér's V. */
    static final long MAX_CATEGORIES = 50;
    static final int MAX_ASSOCIATED = 10;
    /** grouping() numbers a grouping set by a bitmask of one BIGINT: the first 62 columns are counted. */
    static final int MAX_COUNTED = 62;
    /**
     * Up to this many rows, the pairs for Cramér's V are counted from one grouping by all the categorical columns
     * at once (a second, small query) instead of one grouping set per pair: each set costs DuckDB about 2 ms
     * whatever the table's size, and 10 categorical columns make 45 pairs, which dominated a small upload.
     */
    static final long PAIRS_FROM_ONE_GROUPING_UP_TO = 20_000;

    private final long pairsFromOneGroupingUpTo;

    ValueCounts() {
        this(PAIRS_FROM_ONE_GROUPING_UP_TO);
    }

    /** With another row bound for counting the pairs from one grouping (tests compare both ways). */
    ValueCounts(long pairsFromOneGroupingUpTo) {
        this.pairsFromOneGroupingUpTo = pairsFromOneGroupingUpTo;
    }

    record Result(List<TableProfile.Association> associations) {
    }

    /** The columns this pass counts (pass 1's estimates decide): the others are counted exactly in pass 2. */
    static List<Col> counted(List<Col> cols) {
        List<Col> counted = new ArrayList<>();
        for (Col c : cols) {
            if (c.nonNull > 0 && c.distinct <= MAX_GROUPS && counted.size() < MAX_COUNTED) {
                counted.add(c);
            }
        }
        return counted;
    }

    /** Counts the values of {@code cols} of a table of {@code rows} rows. */
    Result count(Statement st, String from, List<Col> cols, long rows) throws SQLException {
        List<Col> counted = counted(cols);
        for (Col c : cols) {
            if (c.nonNull > 0 && !counted.contains(c) && c.distinct == c.nonNull) { // counted exactly in pass 2
                c.uniquePct = 100.0;
            }
        }
        List<Col> categorical = counted.stream()
                .filter(c -> (c.kind == Kind.TEXT || c.kind == Kind.OTHER) && c.distinct >= 2 && c.distinct <= MAX_CATEGORIES)
                .limit(MAX_ASSOCIATED).toList();
        if (counted.isEmpty()) {
            return new Result(List.of());
        }
        int m = counted.size();
        List<String> sets = new ArrayList<>();
        Map<Long, Col> single = new LinkedHashMap<>();
        Map<Long, Col[]> pair = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            sets.add("(" + counted.get(j).ref + ")");
            single.put(gid(m, j, j), counted.get(j));
        }
        boolean pairsApart = categorical.size() >= 2 && rows <= pairsFromOneGroupingUpTo;
        for (int a = 0; a < categorical.size() && !pairsApart; a++) {
            for (int b = a + 1; b < categorical.size(); b++) {
                int ja = counted.indexOf(categorical.get(a));
                int jb = counted.indexOf(categorical.get(b));
                sets.add("(" + categorical.get(a).ref + ", " + categorical.get(b).ref + ")");
                pair.put(gid(m, ja, jb), new Col[]{categorical.get(a), categorical.get(b)});
            }
        }
        StringBuilder first = new StringBuilder("CASE gid");
        StringBuilder second = new StringBuilder("CASE gid");
        for (var e : single.entrySet()) {
            first.append(" WHEN ").append(e.getKey()).append(" THEN v").append(counted.indexOf(e.getValue()));
        }
        for (var e : pair.entrySet()) {
            first.append(" WHEN ").append(e.getKey()).append(" THEN v").append(counted.indexOf(e.getValue()[0]));
            second.append(" WHEN ").append(e.getKey()).append(" THEN v").append(counted.indexOf(e.getValue()[1]));
        }
        first.append(" END");
        second.append(pair.isEmpty() ? " WHEN -1 THEN NULL END" : " END");
        StringBuilder values = new StringBuilder();
        List<String> refs = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            values.append(", CAST(").append(counted.get(j).ref).append(" AS VARCHAR) AS v").append(j);
            refs.add(counted.get(j).ref);
        }
        // text columns keep their frequent values for the planner (SchemaInfo), not only the top ones
        List<String> textGids = single.entrySet().stream().filter(e -> e.getValue().kind == Kind.TEXT)
                .map(e -> String.valueOf(e.getKey())).toList();
        String pairGids = pair.isEmpty() ? "-1" : String.join(", ", pair.keySet().stream().map(String::valueOf).toList());
        String sql = "WITH g AS (SELECT grouping(" + String.join(", ", refs) + ") AS gid, count(*) AS n" + values + from
                + " GROUP BY GROUPING SETS (" + String.join(", ", sets) + ")),"
                + " h AS (SELECT gid, n, " + first + " AS a, " + second + " AS b FROM g)"
                + " SELECT gid, n, a, b, count_if(n = 1) OVER w AS singles, count(*) OVER w AS groups, "
                + String.join(", ", TextPatterns.perValue("a", "n", "w")) + " FROM h"
                + " WHERE a IS NOT NULL AND (b IS NOT NULL OR gid NOT IN (" + pairGids + "))"
                + " WINDOW w AS (PARTITION BY gid)"
                + " QUALIFY gid IN (" + pairGids + ") OR row_number() OVER (PARTITION BY gid ORDER BY n DESC, a) <= "
                + (textGids.isEmpty() ? String.valueOf(TOP) : "CASE WHEN gid IN (" + String.join(", ", textGids) + ") THEN "
                + TableProfiler.FREQUENT + " ELSE " + TOP + " END")
                + " ORDER BY gid, n DESC, a";
        Map<Col, List<ValueCount>> top = new HashMap<>();
        Map<Col[], Map<String, Map<String, Long>>> tables = new HashMap<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                long gid = rs.getLong(1);
                long n = rs.getLong(2);
                Col c = single.get(gid);
                if (c != null) {
                    if (c.kind == Kind.TEXT) {
                        if (c.frequent == null) {
                            c.frequent = new ArrayList<>();
                        }
                        c.frequent.add(rs.getString(3));
                    }
                    List<ValueCount> topOfC = top.computeIfAbsent(c, k -> new ArrayList<>());
                    if (topOfC.size() < TOP) {
                        topOfC.add(new ValueCount(rs.getString(3), n, TableProfiler.pct(n, c.nonNull)));
                    }
                    c.uniquePct = TableProfiler.pct(rs.getLong(5), c.nonNull);
                    c.distinct = rs.getLong(6); // exact, where pass 1 only estimated
                    if (c.kind == Kind.TEXT) {
                        c.text = TextPatterns.read(rs, 7, c.nonNull);
                    }
                } else {
                    tables.computeIfAbsent(pair.get(gid), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new HashMap<>()).put(rs.getString(4), n);
                }
            }
        }
        for (var e : top.entrySet()) {
            e.getValue().sort((x, y) -> Long.compare(y.count(), x.count()));
            e.getKey().top = e.getValue();
        }
        if (pairsApart) {
            countPairs(st, from, categorical, pair, tables);
        }
        List<TableProfile.Association> associations = new ArrayList<>();
        for (Col[] p : pair.values()) {
            Double v = cramersV(tables.getOrDefault(p, Map.of()));
            if (v != null) {
                associations.add(new TableProfile.Association(p[0].name, p[1].name, TableProfiler.round(v, 4)));
            }
        }
        associations.sort((x, y) -> Double.compare(y.cramersV(), x.cramersV()));
        return new Result(associations);
    }

    /**
     * The contingency table of every pair of {@code categorical} columns from one grouping by all of them: the counts
     * of a pair are the sums over the other columns' values, rows with either value missing left out, as the
     * pair's own grouping set counts them. Adds each pair to {@code pairs} (keyed by a pair number: only the order
     * matters) and its table to {@code tables}.
     */
    private static void countPairs(Statement st, String from, List<Col> categorical, Map<Long, Col[]> pairs,
                                   Map<Col[], Map<String, Map<String, Long>>> tables) throws SQLException {
        int k = categorical.size();
        List<Col[]> order = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                Col[] p = {categorical.get(a), categorical.get(b)};
                pairs.put((long) order.size(), p);
                tables.put(p, new HashMap<>());
                order.add(p);
            }
        }
        List<String> refs = categorical.stream().map(c -> c.ref).toList();
        String sql = "SELECT " + String.join(", ", refs.stream().map(r -> "CAST(" + r + " AS VARCHAR)").toList())
                + ", count(*)" + from + " GROUP BY ALL";
        try (ResultSet rs = st.executeQuery(sql)) {
            String[] v = new String[k];
            while (rs.next()) {
                for (int j = 0; j < k; j++) {
                    v[j] = rs.getString(j + 1);
                }
                long n = rs.getLong(k + 1);
                int at = 0;
                for (int a = 0; a < k; a++) {
                    for (int b = a + 1; b < k; b++, at++) {
                        if (v[a] != null && v[b] != null) {
                            tables.get(order.get(at)).computeIfAbsent(v[a], x -> new HashMap<>()).merge(v[b], n, Long::sum);
                        }
                    }
                }
            }
        }
    }

    /** grouping()'s bitmask of the set holding columns ja and jb of m: a bit is set for each column left out. */
    private static long gid(int m, int ja, int jb) {
        long all = (1L << m) - 1;
        return all & ~(1L << (m - 1 - ja)) & ~(1L << (m - 1 - jb));
    }

    /**
     * Cramér's V of a contingency table (rows: values of one column, cells: counts by value of the other), without
     * bias correction: sqrt(chi2 / (n * (min(r, c) - 1))), chi2 = n * (sum of n_ij^2 / (r_i * c_j) - 1).
     */
    static Double cramersV(Map<String, Map<String, Long>> table) {
        Map<String, Long> rowSums = new HashMap<>();
        Map<String, Long> colSums = new HashMap<>();
        long n = 0;
        for (var row : table.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                rowSums.merge(row.getKey(), cell.getValue(), Long::sum);
                colSums.merge(cell.getKey(), cell.getValue(), Long::sum);
                n += cell.getValue();
            }
        }
        int k = Math.min(rowSums.size(), colSums.size());
        if (n == 0 || k < 2) {
            return null;
        }
        double sum = 0;
        for (var row : table.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                double o = cell.getValue();
                sum += o * o / ((double) rowSums.get(row.getKey()) * colSums.get(cell.getKey()));
            }
        }
        double chi2 = n * (sum - 1);
        return Math.sqrt(Math.max(0, chi2) / (n * (double) (k - 1)));
    }
}
