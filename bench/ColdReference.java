// DuckDB's own figures for the cold benchmark (bench/run.sh cold), run as a single-file source program on the
// node's jar so the engine is the very DuckDB the node embeds:
//   java -cp verticles/target/datasense.jar bench/ColdReference.java read_csv <file.csv> [runs]
//       CREATE TABLE ... AS SELECT * FROM read_csv(file): the engine's own load of the upload, 2 threads, 2 GB,
//       each run in a fresh in-memory database; prints the median and every run in ms, and the peak RSS.
//   java -cp verticles/target/datasense.jar bench/ColdReference.java queries <data.parquet> <table> <sql.tsv> [runs]
//       the Parquet file loaded into an in-memory table named as the node names it, then each line of sql.tsv
//       (question, TAB, the statements the product ran, joined by TABs) timed: every statement `runs` times after
//       one untimed run, the median of each, summed per question; with threads = 2 and again with threads = 1; then
//       again with threads = 2 over a view of the Parquet file instead of the table (what the product reads: the
//       engine's time on the product's own storage), printed as threads=2p.
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class ColdReference {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "read_csv" -> readCsv(Path.of(args[1]).toAbsolutePath(), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            case "queries" -> queries(Path.of(args[1]).toAbsolutePath(), args[2], Path.of(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 5);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static Connection open(int threads) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("SET memory_limit = '2GB'");
        }
        return c;
    }

    static void readCsv(Path csv, int runs) throws Exception {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            try (Connection c = open(2); Statement st = c.createStatement()) {
                long t = System.nanoTime();
                st.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + csv + "')");
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.out.printf("duckdb_read_csv_ms=%.1f runs=%s peak_rss_mib=%d%n", median(ms), Arrays.toString(round(ms)), peakRssMib());
    }

    static void queries(Path parquet, String table, Path sqlFile, int runs) throws Exception {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(sqlFile)) {
            if (!line.isBlank()) {
                lines.add(line.split("\t"));
            }
        }
        for (String mode : new String[] {"2", "1", "2p"}) {
            int threads = mode.startsWith("2") ? 2 : 1;
            try (Connection c = open(threads); Statement st = c.createStatement()) {
                st.execute("CREATE " + (mode.endsWith("p") ? "VIEW" : "TABLE") + " \"" + table.replace("\"", "\"\"")
                        + "\" AS SELECT * FROM read_parquet('" + parquet + "')");
                for (String[] q : lines) {
                    double total = 0;
                    for (int s = 1; s < q.length; s++) {
                        drain(st, q[s]); // first touch
                        double[] ms = new double[runs];
                        for (int i = 0; i < runs; i++) {
                            long t = System.nanoTime();
                            drain(st, q[s]);
                            ms[i] = (System.nanoTime() - t) / 1e6;
                        }
                        total += median(ms);
                    }
                    System.out.printf("threads=%s\t%.2f\t%s%n", mode, total, q[0]);
                }
            }
        }
    }

    /** Runs a query and reads every row, as the product's sql_executor does. */
    static void drain(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static long[] round(double[] v) {
        return Arrays.stream(v).mapToLong(Math::round).toArray();
    }

    static long peakRssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
