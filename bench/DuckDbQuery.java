// Times one SQL statement directly in DuckDB (the JDBC driver inside datasense.jar), configured like the
// node's sql_executor (in-memory connection, threads = 1, the Parquet file exposed as a view), to compare
// with the end-to-end /ask time. Run by bench/run.sh as a single-file source program:
//   java -cp verticles/target/datasense.jar bench/DuckDbQuery.java <data.parquet> <table> <sql> [runs]
// Prints: the median of `runs` executions of the query alone on one open connection, and the median of
// open connection + create view + query (what one sql_executor call does), in milliseconds.
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

public class DuckDbQuery {
    public static void main(String[] args) throws Exception {
        String parquet = args[0], table = args[1], sql = args[2];
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 11;
        double[] query = new double[runs];
        double[] full = new double[runs];
        try (Connection c = open(parquet, table)) {
            run(c, sql); // first touch of the file
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                run(c, sql);
                query[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            try (Connection c = open(parquet, table)) {
                run(c, sql);
            }
            full[i] = (System.nanoTime() - t) / 1e6;
        }
        System.out.printf("duckdb_query_median_ms=%.1f%n", median(query));
        System.out.printf("duckdb_open_view_query_median_ms=%.1f%n", median(full));
    }

    static Connection open(String parquet, String table) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = 1");
            st.execute("SET memory_limit = '1GB'");
            st.execute("CREATE VIEW \"" + table + "\" AS SELECT * FROM read_parquet('" + parquet.replace("'", "''") + "')");
        }
        return c;
    }

    static void run(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
