package datasense.tools.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of a table (two Parquet files): the schema (columns added, removed, retyped),
 * the row count, and each shared column's distribution, so a person re-uploading a file learns whether the numbers
 * they asked about still mean the same thing. Read with DuckDB in two scans of each file whatever its width (no
 * query per column):
 *
 * <ol>
 *   <li>per column: values present, the mean, and the minimum, maximum and quantiles at every 2% ({@link #GRID_STEPS}
 *   steps) of numbers and dates (dates as epoch seconds); an estimated distinct count of text and boolean columns;</li>
 *   <li>per number or date: how many values fall between consecutive points of the grid made of both files'
 *   quantiles (found by a binary search written as nested CASEs), which gives each file's exact cumulative share at every grid point; per text or boolean column with at
 *   most {@link #MAX_CATEGORIES} values on both sides: the count of every value.</li>
 * </ol>
 *
 * <p>Numbers and dates get the population stability index (PSI) over the earlier version's deciles, and the
 * Kolmogorov-Smirnov statistic (the largest gap between the two cumulative shares) measured at the grid's points (both
 * files' minimum, maximum and 2% quantiles, so it is within a couple of points of the exact statistic, never above it). Categories get PSI
 * over the union of their values, and the values that are new and that vanished. Thresholds (the industry's usual
 * reading of PSI): {@value #PSI_DRIFTED} or more is drifted, {@value #PSI_MODERATE} up to that a moderate shift, below
 * it stable. Shares below {@value #EPSILON} are taken as {@value #EPSILON}, so a bin empty on one side counts
 * (heavily) rather than dividing by zero.
 */
public final class Drift {

    /** PSI from which a column is drifted. */
    public static final double PSI_DRIFTED = 0.2;
    /** PSI from which a column has shifted moderately. */
    public static final double PSI_MODERATE = 0.1;
    /** The smallest share a PSI term uses. */
    static final double EPSILON = 1e-4;
    /** Text or boolean columns with more distinct values (either side) are not compared as categories. */
    public static final int MAX_CATEGORIES = 1000;
    /** Quantile steps of the grid: 50 is every 2% from the minimum (0) to the maximum (1); every fifth is a decile. */
    static final int GRID_STEPS = 50;
    /** New or vanished categories listed, the most frequent first; shifted categories listed. */
    static final int LISTED = 20;
    static final int SHIFTS_LISTED = 10;
    /** Below this many values on a side PSI and KS are noisy, and the report says so. */
    static final long FEW_ROWS = 100;
    /** Up to this many rows quantiles are exact (as the profile's); beyond, t-digest estimates. */
    static final long EXACT_QUANTILE_ROWS = 100_000;

    /**
     * The drift report of two versions. {@code rows.changePct} is null when the earlier version had none.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(SchemaChange schema, Rows rows, List<ColumnDrift> columns, List<String> warnings,
                         Thresholds thresholds) {

        /** The columns whose distributions drifted (PSI at or above {@link #PSI_DRIFTED}). */
        public List<String> driftedColumns() {
            return columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList();
        }

        /** One line: how many columns drifted, the schema's changes and the rows' change. */
        public String summary() {
            List<String> drifted = driftedColumns();
            StringBuilder b = new StringBuilder();
            b.append(drifted.size()).append(" of ").append(columns.size()).append(" compared columns drifted");
            if (!drifted.isEmpty()) {
                b.append(" (").append(String.join(", ", drifted)).append(")");
            }
            if (!schema.added().isEmpty() || !schema.removed().isEmpty() || !schema.retyped().isEmpty()) {
                b.append("; columns: ").append(schema.added().size()).append(" added, ").append(schema.removed().size())
                        .append(" removed, ").append(schema.retyped().size()).append(" retyped");
            }
            b.append("; rows ").append(rows.from()).append(" → ").append(rows.to());
            if (rows.changePct() != null) {
                b.append(" (").append(signed(rows.changePct())).append("%)");
            }
            return b.append('.').toString();
        }
    }

    /** Columns only in the later version, only in the earlier one, and in both with another type. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SchemaChange(List<String> added, List<String> removed, List<Retyped> retyped) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Retyped(String column, String from, String to) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Rows(long from, long to, long change, Double changePct) {
    }

    /** The thresholds the report judged by, so a reader need not look them up. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Thresholds(double psiDrifted, double psiModerate, int maxCategories) {
    }

    /**
     * One shared column compared. {@code kind}: numeric, date or categorical. {@code level}: stable, moderate or
     * drifted ({@code drifted} is {@code level == drifted}); {@code unknown} when a side has no values to compare.
     * Numbers and dates have {@code psi} and {@code ks} (numbers also the means); categories {@code psi},
     * {@code new_categories}, {@code vanished_categories} and the largest share shifts.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ColumnDrift(String column, String kind, String type, Double psi, Double ks,
                              List<String> newCategories, List<String> vanishedCategories, List<Share> shifts,
                              Double meanFrom, Double meanTo, double missingPctFrom, double missingPctTo,
                              String level, boolean drifted) {
    }

    /** A category's share of the present values in each version, in percent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Share(String value, double pctFrom, double pctTo) {
    }

    enum Kind { NUMERIC, DATE, CATEGORICAL, OTHER }

    /** What the scans learn of one column in one file. */
    private static final class Side {
        long present;
        Double mean;
        double[] quantiles = new double[0];
        long distinct;
        long[] cells;
        Map<String, Long> counts;
    }

    /** A column present in both versions with comparable kinds, and what each file tells of it. */
    private static final class Shared {
        final String name;
        final String type;
        final Kind kind;
        final Side from = new Side();
        final Side to = new Side();
        double[] grid = new double[0];
        boolean categories;

        Shared(String name, String type, Kind kind) {
            this.name = name;
            this.type = type;
            this.kind = kind;
        }

        String number() {
            String ref = DuckDb.quoteIdent(name);
            return kind == Kind.DATE ? "epoch(" + ref + ")::DOUBLE" : ref + "::DOUBLE";
        }
    }

    /** Compares the Parquet files {@code from} (the earlier version) and {@code to}, read through {@code db}. */
    public Report compare(Connection db, Path from, Path to) throws SQLException {
        String fromSql = " FROM read_parquet(" + DuckDb.quoteLiteral(from.toAbsolutePath().toString()) + ")";
        String toSql = " FROM read_parquet(" + DuckDb.quoteLiteral(to.toAbsolutePath().toString()) + ")";
        try (Statement st = db.createStatement()) {
            Map<String, String> fromCols = describe(st, fromSql);
            Map<String, String> toCols = describe(st, toSql);
            List<String> added = toCols.keySet().stream().filter(c -> !fromCols.containsKey(c)).toList();
            List<String> removed = fromCols.keySet().stream().filter(c -> !toCols.containsKey(c)).toList();
            List<Retyped> retyped = new ArrayList<>();
            List<Shared> shared = new ArrayList<>();
            for (var e : fromCols.entrySet()) {
                String toType = toCols.get(e.getKey());
                if (toType == null) {
                    continue;
                }
                if (!toType.equals(e.getValue())) {
                    retyped.add(new Retyped(e.getKey(), e.getValue(), toType));
                }
                Kind kind = kindOf(e.getValue());
                if (kind != Kind.OTHER && kind == kindOf(toType)) {
                    shared.add(new Shared(e.getKey(), toType, kind));
                }
            }
            long fromRows = count(st, fromSql);
            long toRows = count(st, toSql);
            firstScan(st, fromSql, shared, fromRows, true);
            firstScan(st, toSql, shared, toRows, false);
            for (Shared c : shared) {
                if (c.kind == Kind.CATEGORICAL) {
                    c.categories = c.from.distinct <= MAX_CATEGORIES && c.to.distinct <= MAX_CATEGORIES;
                } else {
                    TreeSet<Double> grid = new TreeSet<>();
                    Arrays.stream(c.from.quantiles).filter(Double::isFinite).forEach(grid::add);
                    Arrays.stream(c.to.quantiles).filter(Double::isFinite).forEach(grid::add);
                    c.grid = grid.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            secondScan(st, fromSql, shared, true);
            secondScan(st, toSql, shared, false);

            List<String> warnings = new ArrayList<>();
            Rows rows = new Rows(fromRows, toRows, toRows - fromRows,
                    fromRows == 0 ? null : round((toRows - fromRows) * 100.0 / fromRows, 1));
            if (rows.change() != 0) {
                warnings.add("Rows: " + fromRows + " → " + toRows + (rows.changePct() == null ? "" : " (" + signed(rows.changePct()) + "%)") + ".");
            }
            if (!added.isEmpty()) {
                warnings.add("Columns added: " + String.join(", ", added) + ".");
            }
            if (!removed.isEmpty()) {
                warnings.add("Columns removed: " + String.join(", ", removed) + ".");
            }
            retyped.forEach(r -> warnings.add("Column " + r.column() + " changed type: " + r.from() + " → " + r.to() + "."));
            if (Math.min(fromRows, toRows) < FEW_ROWS) {
                warnings.add("Fewer than " + FEW_ROWS + " rows in a version: its shares are coarse, so PSI and KS are noisy.");
            }
            List<ColumnDrift> columns = new ArrayList<>();
            for (Shared c : shared) {
                ColumnDrift d = c.kind == Kind.CATEGORICAL ? categorical(c, fromRows, toRows, warnings)
                        : numeric(c, fromRows, toRows, warnings);
                columns.add(d);
                if (d.drifted()) {
                    warnings.add("Column " + c.name + " drifted: PSI " + fmt(d.psi()) + " (≥ " + PSI_DRIFTED + ")"
                            + (d.ks() == null ? "" : ", KS " + fmt(d.ks())) + ".");
                } else if ("moderate".equals(d.level())) {
                    warnings.add("Column " + c.name + " shifted moderately: PSI " + fmt(d.psi()) + " (" + PSI_MODERATE + " to " + PSI_DRIFTED + ").");
                }
                if (Math.abs(d.missingPctTo() - d.missingPctFrom()) >= 10) {
                    warnings.add("Column " + c.name + ": missing values " + d.missingPctFrom() + "% → " + d.missingPctTo() + "%.");
                }
            }
            return new Report(new SchemaChange(added, removed, retyped), rows, columns, warnings,
                    new Thresholds(PSI_DRIFTED, PSI_MODERATE, MAX_CATEGORIES));
        }
    }

    private static Map<String, String> describe(Statement st, String from) throws SQLException {
        Map<String, String> cols = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("DESCRIBE SELECT *" + from)) {
            while (rs.next()) {
                cols.put(rs.getString(1), rs.getString(2).toUpperCase(Locale.ROOT));
            }
        }
        return cols;
    }

    /** Parquet keeps the row count in its footer: this reads no data. */
    private static long count(Statement st, String from) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*)" + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Kind kindOf(String type) {
        if (type.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL|DECIMAL.*)")) {
            return Kind.NUMERIC;
        }
        if (type.equals("DATE") || type.startsWith("TIMESTAMP")) {
            return Kind.DATE;
        }
        if (type.equals("VARCHAR") || type.equals("BOOLEAN")) {
            return Kind.CATEGORICAL;
        }
        return Kind.OTHER;
    }

    /** Scan 1 of one file: present values, means, quantiles of numbers and dates, distinct counts of categories. */
    private static void firstScan(Statement st, String from, List<Shared> shared, long rows, boolean earlier) throws SQLException {
        SelectList s = new SelectList();
        s.add("count(*)");
        StringBuilder steps = new StringBuilder("[");
        for (int k = 0; k <= GRID_STEPS; k++) {
            steps.append(k == 0 ? "" : ", ").append(k / (double) GRID_STEPS);
        }
        steps.append("]");
        String quantile = rows <= EXACT_QUANTILE_ROWS ? "quantile_cont" : "approx_quantile";
        int[][] at = new int[shared.size()][];
        for (int i = 0; i < shared.size(); i++) {
            Shared c = shared.get(i);
            String ref = DuckDb.quoteIdent(c.name);
            if (c.kind == Kind.CATEGORICAL) {
                at[i] = new int[]{s.add("count(" + ref + ")"), s.add("approx_count_distinct(" + ref + ")")};
            } else {
                at[i] = new int[]{s.add("count(" + ref + ")"), s.add("avg(" + c.number() + ")"),
                        s.add(quantile + "(" + c.number() + ", " + steps + ")")};
            }
        }
        try (ResultSet rs = st.executeQuery("SELECT " + s.sql() + from)) {
            rs.next();
            for (int i = 0; i < shared.size(); i++) {
                Shared c = shared.get(i);
                Side side = earlier ? c.from : c.to;
                side.present = rs.getLong(at[i][0]);
                if (c.kind == Kind.CATEGORICAL) {
                    side.distinct = rs.getLong(at[i][1]);
                } else {
                    side.mean = SelectList.doubleAt(rs, at[i][1]);
                    side.quantiles = side.present == 0 ? new double[0]
                            : Arrays.stream(SelectList.arrayAt(rs, at[i][2]))
                            .mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
                }
            }
        }
    }

    /** Scan 2 of one file: counts between grid points of numbers and dates, value counts of categories. */
    private static void secondScan(Statement st, String from, List<Shared> shared, boolean earlier) throws SQLException {
        SelectList s = new SelectList();
        s.add("count(*)");
        int[][] at = new int[shared.size()][];
        for (int i = 0; i < shared.size(); i++) {
            Shared c = shared.get(i);
            String h;
            if (c.kind == Kind.CATEGORICAL) {
                if (!c.categories) {
                    continue;
                }
                h = "histogram(" + DuckDb.quoteIdent(c.name) + "::VARCHAR)";
            } else {
                if (c.grid.length == 0) {
                    continue;
                }
                String x = c.number();
                h = "histogram(CASE WHEN " + x + " IS NULL THEN NULL ELSE " + cell(x, c.grid, 0, c.grid.length) + " END)";
            }
            at[i] = new int[]{s.add("map_keys(" + h + ")"), s.add("map_values(" + h + ")")};
        }
        try (ResultSet rs = st.executeQuery("SELECT " + s.sql() + from)) {
            rs.next();
            for (int i = 0; i < shared.size(); i++) {
                if (at[i] == null) {
                    continue;
                }
                Shared c = shared.get(i);
                Side side = earlier ? c.from : c.to;
                Object[] keys = SelectList.arrayAt(rs, at[i][0]);
                Object[] values = SelectList.arrayAt(rs, at[i][1]);
                if (c.kind == Kind.CATEGORICAL) {
                    side.counts = new HashMap<>();
                    for (int k = 0; k < keys.length; k++) {
                        if (keys[k] != null) {
                            side.counts.put(keys[k].toString(), ((Number) values[k]).longValue());
                        }
                    }
                } else {
                    side.cells = new long[c.grid.length + 1];
                    for (int k = 0; k < keys.length; k++) {
                        if (keys[k] != null) {
                            side.cells[((Number) keys[k]).intValue()] += ((Number) values[k]).longValue();
                        }
                    }
                }
            }
        }
    }

    private static ColumnDrift numeric(Shared c, long fromRows, long toRows, List<String> warnings) {
        String kind = c.kind == Kind.DATE ? "date" : "numeric";
        double missingFrom = missingPct(c.from.present, fromRows);
        double missingTo = missingPct(c.to.present, toRows);
        Double meanFrom = c.kind == Kind.NUMERIC && c.from.mean != null ? round(c.from.mean, 4) : null;
        Double meanTo = c.kind == Kind.NUMERIC && c.to.mean != null ? round(c.to.mean, 4) : null;
        if (c.from.present == 0 || c.to.present == 0 || c.from.cells == null || c.to.cells == null) {
            warnings.add("Column " + c.name + " has no values in " + (c.from.present == 0 ? "the earlier" : "the later")
                    + " version: its distribution is not compared.");
            return new ColumnDrift(c.name, kind, c.type, null, null, null, null, null, meanFrom, meanTo, missingFrom, missingTo,
                    "unknown", false);
        }
        double[] cdfFrom = cumulative(c.from.cells, c.from.present);
        double[] cdfTo = cumulative(c.to.cells, c.to.present);
        double ks = 0;
        for (int k = 0; k < c.grid.length; k++) {
            ks = Math.max(ks, Math.abs(cdfFrom[k] - cdfTo[k]));
        }
        // the earlier version's deciles (every fifth step of its own quantiles), each a point of the grid
        TreeSet<Double> deciles = new TreeSet<>();
        for (int k = GRID_STEPS / 10; k < GRID_STEPS && k < c.from.quantiles.length; k += GRID_STEPS / 10) {
            if (Double.isFinite(c.from.quantiles[k])) {
                deciles.add(c.from.quantiles[k]);
            }
        }
        List<Double> fromShares = new ArrayList<>();
        List<Double> toShares = new ArrayList<>();
        double prevFrom = 0;
        double prevTo = 0;
        for (double d : deciles) {
            int k = Arrays.binarySearch(c.grid, d);
            fromShares.add(cdfFrom[k] - prevFrom);
            toShares.add(cdfTo[k] - prevTo);
            prevFrom = cdfFrom[k];
            prevTo = cdfTo[k];
        }
        fromShares.add(1 - prevFrom);
        toShares.add(1 - prevTo);
        double psi = psi(fromShares, toShares);
        String level = level(psi);
        return new ColumnDrift(c.name, kind, c.type, round(psi, 4), round(ks, 4), null, null, null, meanFrom, meanTo,
                missingFrom, missingTo, level, level.equals("drifted"));
    }

    private static ColumnDrift categorical(Shared c, long fromRows, long toRows, List<String> warnings) {
        double missingFrom = missingPct(c.from.present, fromRows);
        double missingTo = missingPct(c.to.present, toRows);
        if (!c.categories) {
            warnings.add("Column " + c.name + " has more than " + MAX_CATEGORIES + " distinct values: not compared as categories.");
            return new ColumnDrift(c.name, "categorical", c.type, null, null, null, null, null, null, null, missingFrom, missingTo,
                    "unknown", false);
        }
        if (c.from.present == 0 || c.to.present == 0) {
            warnings.add("Column " + c.name + " has no values in " + (c.from.present == 0 ? "the earlier" : "the later")
                    + " version: its categories are not compared.");
            return new ColumnDrift(c.name, "categorical", c.type, null, null, null, null, null, null, null, missingFrom, missingTo,
                    "unknown", false);
        }
        Set<String> values = new LinkedHashSet<>(c.from.counts.keySet());
        values.addAll(c.to.counts.keySet());
        List<Double> fromShares = new ArrayList<>();
        List<Double> toShares = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        for (String v : values) {
            double f = c.from.counts.getOrDefault(v, 0L) / (double) c.from.present;
            double t = c.to.counts.getOrDefault(v, 0L) / (double) c.to.present;
            fromShares.add(f);
            toShares.add(t);
            shares.add(new Share(v, round(f * 100, 2), round(t * 100, 2)));
        }
        List<String> fresh = c.to.counts.entrySet().stream().filter(e -> !c.from.counts.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<String> vanished = c.from.counts.entrySet().stream().filter(e -> !c.to.counts.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (!fresh.isEmpty() || !vanished.isEmpty()) {
            warnings.add("Column " + c.name + ": " + fresh.size() + " new "
                    + (fresh.isEmpty() ? "categories" : (fresh.size() == 1 ? "category" : "categories") + " (" + listed(fresh) + ")")
                    + ", " + vanished.size() + " vanished" + (vanished.isEmpty() ? "" : " (" + listed(vanished) + ")") + ".");
        }
        List<Share> shifts = shares.stream()
                .sorted(Comparator.comparingDouble((Share s) -> -Math.abs(s.pctTo() - s.pctFrom())).thenComparing(Share::value))
                .filter(s -> s.pctTo() != s.pctFrom())
                .limit(SHIFTS_LISTED).toList();
        double psi = psi(fromShares, toShares);
        String level = level(psi);
        return new ColumnDrift(c.name, "categorical", c.type, round(psi, 4), null,
                fresh.stream().limit(LISTED).toList(), vanished.stream().limit(LISTED).toList(), shifts, null, null,
                missingFrom, missingTo, level, level.equals("drifted"));
    }

    /** The population stability index of two share vectors: Σ (to − from) · ln(to / from), shares floored at ε. */
    static double psi(List<Double> from, List<Double> to) {
        double sum = 0;
        for (int i = 0; i < from.size(); i++) {
            double f = Math.max(from.get(i), EPSILON);
            double t = Math.max(to.get(i), EPSILON);
            sum += (t - f) * Math.log(t / f);
        }
        return sum;
    }

    static String level(double psi) {
        return psi >= PSI_DRIFTED ? "drifted" : psi >= PSI_MODERATE ? "moderate" : "stable";
    }

    /** The share of values at or below each grid point (cell k ends at grid point k). */
    private static double[] cumulative(long[] cells, long present) {
        double[] cdf = new double[cells.length];
        long running = 0;
        for (int k = 0; k < cells.length; k++) {
            running += cells[k];
            cdf[k] = running / (double) present;
        }
        return cdf;
    }

    /**
     * The cell of a value {@code x} as SQL: the first grid point at or above it ({@code grid.length} when none), so
     * cell k holds (grid[k-1], grid[k]]. A binary search written out as nested CASEs: about log2(grid) comparisons a
     * row rather than one per grid point.
     */
    static String cell(String x, double[] grid, int lo, int hi) {
        if (lo == hi) {
            return Integer.toString(lo);
        }
        int mid = (lo + hi) / 2;
        return "CASE WHEN " + x + " <= " + literal(grid[mid]) + " THEN " + cell(x, grid, lo, mid)
                + " ELSE " + cell(x, grid, mid + 1, hi) + " END";
    }

    private static String literal(double v) {
        // read as text: DuckDB parses it to the very double it came from (a bare literal would be a DECIMAL first)
        return "'" + v + "'::DOUBLE";
    }

    private static double missingPct(long present, long rows) {
        return rows == 0 ? 0 : round((rows - present) * 100.0 / rows, 2);
    }

    private static String listed(List<String> values) {
        return String.join(", ", values.stream().limit(5).toList()) + (values.size() > 5 ? ", …" : "");
    }

    static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Math.round(v * scale) / scale;
    }

    private static String fmt(Double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String signed(double pct) {
        return (pct > 0 ? "+" : "") + pct;
    }
}
