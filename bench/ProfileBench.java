// The profile benchmark's Java side, run by bench/profile.sh as a single-file source program on the node's jar:
//   java -cp verticles/target/datasense.jar bench/ProfileBench.java <mode> <args>
// Each mode runs in a JVM of its own so its peak RSS (VmHWM, DuckDB's native memory included) is its own:
//   csv <rows> <out.csv>             the bench's orders CSV (SampleData, 17 columns) widened to 21 columns
//   ingest <in> <dir>                the upload path's ingest (FileIngestor: CSV or Parquet -> data.parquet + data.csv)
//   upload <in> <dir>                what an upload does before it is ready (IngestVerticle.runIngest): FileIngestor,
//                                    whose passes also make the full profile, then the profile's JSON and HTML page
//   parquet <in.csv> <out.parquet>   DuckDB's COPY of the CSV to Parquet (the Parquet-ingest input)
//   duckdb-load <file>               DuckDB's own read of a CSV (read_csv) or Parquet into a table: the reference
//   profile <data.parquet> <dir>     the upload path's profile: TableProfiler + JSON (the node's mapper) + HTML page
//   summarize <file>                 DuckDB's own SUMMARIZE of a CSV or Parquet file, through JDBC
//   next <data.parquet> <next.parquet>  a next version of it: 90% of the rows, Sales and Profit up 30%, one Region
//                                    renamed, Postal Code dropped, a Channel column added (not measured)
//   drift <from.parquet> <to.parquet>   the drift report between two versions (Drift, as GET /files/{id}/drift computes it)
// Each measuring mode prints one line: mode, wall milliseconds, process CPU milliseconds (user + sys of every thread,
// DuckDB's included, from /proc/self/stat), peak RSS in MiB, and what it made. BENCH_MAX_ROWS (default 5000000) is
// the ingest row limit.
import datasense.tools.Limits;
import datasense.tools.ingest.FileIngestor;
import datasense.tools.ingest.IngestLimits;
import datasense.tools.ingest.SampleData;
import datasense.tools.profile.Drift;
import datasense.tools.profile.ProfilePage;
import datasense.tools.profile.TableProfile;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import datasense.verticles.bus.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

public class ProfileBench {

    // as the node's files role opens its DuckDB connections (Profiles, FileIngestor)
    static final Limits LIMITS = new Limits(0, 0, 0, "2GB", 2);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "csv" -> csv(Integer.parseInt(args[1]), Path.of(args[2]).toAbsolutePath());
            case "ingest" -> ingest(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            case "upload" -> upload(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            case "parquet" -> parquet(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            case "duckdb-load" -> duckdbLoad(Path.of(args[1]).toAbsolutePath());
            case "profile" -> profile(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            case "summarize" -> summarize(Path.of(args[1]).toAbsolutePath());
            case "next" -> next(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            case "drift" -> drift(Path.of(args[1]).toAbsolutePath(), Path.of(args[2]).toAbsolutePath());
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** SampleData's 17 columns plus Row ID, Customer Email, Postal Code (2% missing) and Returned: 21 columns. */
    static void csv(int rows, Path out) throws Exception {
        Path base = out.resolveSibling("orders17.csv");
        SampleData.writeOrders(base, rows, SampleData.DEFAULT_SEED);
        try (Connection db = DuckDb.open(List.of(out.getParent()), LIMITS); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT row_number() OVER () AS \"Row ID\", *,"
                    + " lower(replace(\"Customer ID\", '-', '')) || '@example.com' AS \"Customer Email\","
                    + " CASE WHEN hash(\"Order ID\", \"Product Name\") % 50 = 0 THEN NULL"
                    + "      ELSE lpad(CAST(10000 + hash(\"City\") % 89999 AS VARCHAR), 5, '0') END AS \"Postal Code\","
                    + " CASE WHEN hash(\"Order ID\") % 20 = 0 THEN 'Yes' ELSE 'No' END AS \"Returned\""
                    + " FROM read_csv('" + base + "', header = true)) TO '" + out + "' (FORMAT csv, HEADER true)");
        }
        Files.delete(base);
        System.out.println("csv " + rows + " rows, 21 columns, " + Files.size(out) + " bytes: " + out);
    }

    static final long MAX_ROWS = Long.parseLong(System.getenv().getOrDefault("BENCH_MAX_ROWS", "5000000"));

    static String contentType(Path file) {
        return file.toString().endsWith(".parquet") ? "application/vnd.apache.parquet" : "text/csv";
    }

    static java.util.List<FileIngestor.Table> ingestFile(Path in, Path dir) throws Exception {
        return new FileIngestor("2GB", 2).ingestAll(in, dir, new IngestLimits(16L << 30, MAX_ROWS), in.getFileName().toString(),
                contentType(in), 0);
    }

    static void ingest(Path in, Path dir) throws Exception {
        long t = System.nanoTime();
        long cpu = cpuMs();
        var tables = ingestFile(in, dir);
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("ingest " + ms + " ms, CPU " + (cpuMs() - cpu) + " ms, peak RSS " + peakRssMib() + " MiB: "
                + tables.get(0).report().rowsIngested() + " rows -> " + tables.get(0).report().parquet());
    }

    /** Ingest, then the profile as the node computes it right after (Profiles.compute), then JSON and HTML. */
    static void upload(Path in, Path dir) throws Exception {
        long t = System.nanoTime();
        long cpu = cpuMs();
        var tables = ingestFile(in, dir);
        long ingested = System.nanoTime();
        long ingestCpu = cpuMs();
        // the ingest's passes made the full profile too (IngestReport.profile), as on the upload path
        TableProfile profile = tables.get(0).report().profile();
        String json = Json.toJson(profile).encode();
        String html = ProfilePage.html(in.getFileName().toString(), profile, List.of());
        long ms = (System.nanoTime() - t) / 1_000_000;
        long cpuTotal = cpuMs() - cpu;
        System.out.println("upload " + ms + " ms, CPU " + cpuTotal + " ms (ingest with the profile's passes " + (ingested - t) / 1_000_000
                + " ms, CPU " + (ingestCpu - cpu) + " ms, of which the profile " + profile.computedMs() + " ms; JSON + HTML "
                + (System.nanoTime() - ingested) / 1_000_000 + " ms, CPU " + (cpuTotal - (ingestCpu - cpu)) + " ms), peak RSS "
                + peakRssMib() + " MiB: " + profile.rows() + " rows, " + profile.columns().size() + " columns, JSON "
                + json.length() + " B, HTML " + html.length() + " B");
    }

    static void parquet(Path csv, Path out) throws Exception {
        try (Connection db = DuckDb.open(List.of(csv.getParent(), out.getParent()), LIMITS); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true)) TO '" + out + "' (FORMAT parquet)");
        }
        System.out.println("parquet " + Files.size(out) + " bytes: " + out);
    }

    /** DuckDB's own load of the file into an in-memory table (issue 13's reference for upload to ready). */
    static void duckdbLoad(Path file) throws Exception {
        String from = file.toString().endsWith(".parquet") ? "read_parquet('" + file + "')" : "read_csv('" + file + "', header = true)";
        long t = System.nanoTime();
        long cpu = cpuMs();
        long rows;
        try (Connection db = DuckDb.open(List.of(file.getParent()), LIMITS); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM " + from);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("duckdb-load " + ms + " ms, CPU " + (cpuMs() - cpu) + " ms, peak RSS " + peakRssMib() + " MiB: "
                + rows + " rows of " + file.getFileName());
    }

    /** This process's CPU time so far (user + sys, every thread), in milliseconds: field 14 and 15 of /proc/self/stat. */
    static long cpuMs() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ", field 3 (state) is f[0]: utime is field 14 -> f[11], stime field 15 -> f[12]; 100 ticks a second
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** Twice in one JVM: the first as a node's first upload meets it (classes loading), the second as later ones do. */
    static void profile(Path parquet, Path dir) throws Exception {
        profileOnce(parquet, dir, "profile (first in this JVM)");
        profileOnce(parquet, dir, "profile (second)");
    }

    static void profileOnce(Path parquet, Path dir, String label) throws Exception {
        long t = System.nanoTime();
        long cpu = cpuMs();
        TableProfile profile;
        try (Connection db = DuckDb.open(List.of(parquet.getParent()), LIMITS)) {
            profile = new TableProfiler().profile(db, parquet, "orders");
        }
        long profiled = System.nanoTime();
        String json = Json.toJson(profile).encode();
        String html = ProfilePage.html("orders.csv", profile, List.of());
        long ms = (System.nanoTime() - t) / 1_000_000;
        Files.writeString(dir.resolve("profile.json"), json);
        Files.writeString(dir.resolve("profile.html"), html);
        System.out.println(label + " " + ms + " ms, CPU " + (cpuMs() - cpu) + " ms (queries " + (profiled - t) / 1_000_000 + " ms, passes " + profile.passMs() + " ms), peak RSS " + peakRssMib()
                + " MiB: " + profile.rows() + " rows, " + profile.columns().size() + " columns, " + profile.alerts().size()
                + " alerts, keys " + profile.candidateKeys() + ", JSON " + json.length() + " B, HTML " + html.length() + " B");
    }

    static void summarize(Path file) throws Exception {
        String from = file.toString().endsWith(".parquet") ? "read_parquet('" + file + "')" : "read_csv('" + file + "', header = true)";
        long t = System.nanoTime();
        long cpu = cpuMs();
        int rows = 0;
        try (Connection db = DuckDb.open(List.of(file.getParent()), LIMITS); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SUMMARIZE SELECT * FROM " + from)) {
            while (rs.next()) {
                rows++;
            }
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("summarize " + ms + " ms, CPU " + (cpuMs() - cpu) + " ms, peak RSS " + peakRssMib() + " MiB: " + rows + " columns summarized of " + file.getFileName());
    }

    static void next(Path from, Path to) throws Exception {
        try (Connection db = DuckDb.open(List.of(from.getParent(), to.getParent()), LIMITS); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * EXCLUDE (\"Postal Code\", \"Sales\", \"Profit\", \"Region\"),"
                    + " \"Sales\" * 1.3 AS \"Sales\", \"Profit\" * 1.3 AS \"Profit\","
                    + " CASE WHEN \"Region\" = 'West' THEN 'Pacific' ELSE \"Region\" END AS \"Region\","
                    + " CASE WHEN hash(\"Row ID\") % 3 = 0 THEN 'web' ELSE 'store' END AS \"Channel\""
                    + " FROM read_parquet('" + from + "') WHERE hash(\"Row ID\") % 10 <> 0) TO '" + to + "' (FORMAT parquet)");
        }
        System.out.println("next version: " + to);
    }

    static void drift(Path from, Path to) throws Exception {
        long t = System.nanoTime();
        long cpu = cpuMs();
        Drift.Report report;
        try (Connection db = DuckDb.open(List.of(from.getParent(), to.getParent()), LIMITS)) {
            report = new Drift().compare(db, from, to);
        }
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.println("drift " + ms + " ms, CPU " + (cpuMs() - cpu) + " ms, peak RSS " + peakRssMib() + " MiB: " + report.summary());
        report.columns().stream().filter(c -> c.psi() != null && c.psi() >= 0.01)
                .forEach(c -> System.out.println("  " + c.column() + ": PSI " + c.psi() + (c.ks() == null ? "" : ", KS " + c.ks()) + ", " + c.level()));
    }

    static long peakRssMib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
