package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.TestData;
import datasense.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("fault")
class DatabaseCacheTest {

    @TempDir
    static Path dir;
    static Dataset ds;
    static final Limits LIMITS = new Limits(10, 100, 30, "256MB", 1);

    @BeforeAll
    static void data() throws Exception {
        ds = TestData.orders(dir);
    }

    @Test
    void everySandboxSettingHoldsOnAConnectionFromAReusedDatabase() throws Exception {
        DatabaseCache cache = new DatabaseCache(2);
        Path outside = Files.createTempFile("outside", ".csv");
        Files.writeString(outside, "a\n1\n");
        try {
            try (Connection first = cache.connect(ds.parquet(), ds.table(), LIMITS)) {
                tryToLoosen(first, outside);
                assertThat(count(first, "SELECT count(*) FROM orders")).isEqualTo(TestData.ROWS);
            }
            assertThat(cache.size()).isEqualTo(1);
            try (Connection st = cache.connect(ds.parquet(), ds.table(), LIMITS)) {
                assertThat(cache.size()).isEqualTo(1);
                assertThat(setting(st, "enable_external_access")).isEqualTo("false");
                assertThat(setting(st, "lock_configuration")).isEqualTo("true");
                assertThat(setting(st, "threads")).isEqualTo("1");
                assertThat(setting(st, "memory_limit")).startsWith("244"); // 256MB = 244.1 MiB
                // the one Parquet file, not its folder (COPY TO could write there); DuckDB adds its own spill directory
                // (DuckDB 1.4.4 prints a path with a trailing slash; the reads and refusals below are what count)
                assertThat(setting(st, "allowed_paths")).isIn("[" + ds.parquet().toAbsolutePath().normalize() + "]",
                        "[" + ds.parquet().toAbsolutePath().normalize() + "/]");
                assertThat(setting(st, "allowed_directories")).isEqualTo("[.tmp/]");
                assertThat(setting(st, "autoload_known_extensions")).isEqualTo("false");
                tryToLoosen(st, outside);
                assertThat(setting(st, "enable_external_access")).isEqualTo("false");
                assertThat(setting(st, "threads")).isEqualTo("1");
                assertThat(count(st, "SELECT count(*) FROM orders")).isEqualTo(TestData.ROWS);
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    /** Every way a statement could loosen the sandbox is refused. */
    private void tryToLoosen(Connection c, Path outside) throws Exception {
        Path beside = ds.parquet().resolveSibling("beside.csv");
        Files.writeString(beside, "a\n1\n");
        Files.writeString(beside.resolveSibling("orders.parquet.csv"), "a\n1\n");
        for (String sql : List.of("SET enable_external_access = true", "SET lock_configuration = false",
                "SET allowed_directories = ['/']", "SET allowed_paths = ['/etc/passwd']", "SET memory_limit = '8GB'", "SET threads = 2",
                "SET GLOBAL threads = 2", "RESET lock_configuration", "PRAGMA threads = 2",
                "SELECT * FROM read_csv('" + outside + "')", "INSTALL httpfs", "LOAD httpfs",
                // beside the dataset's own file: in its folder, and a name that starts with its name
                "SELECT * FROM read_csv('" + beside + "')", "SELECT * FROM read_csv('" + beside.resolveSibling("orders.parquet.csv") + "')")) {
            assertThatThrownBy(() -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }).as(sql).isNotNull();
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('" + name + "')::VARCHAR")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aChangedFileIsNeverServedFromTheOldDatabase() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("changed")).resolve("data.parquet");
        Files.copy(ds.parquet(), copy);
        DatabaseCache cache = new DatabaseCache(4);
        try (Connection c = cache.connect(copy, "t", LIMITS)) {
            assertThat(count(c, "SELECT count(*) FROM t")).isEqualTo(TestData.ROWS);
        }
        try (Connection c = DuckDb.open(List.of(copy.getParent()), Limits.defaults()); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 1 AS a UNION ALL SELECT 2) TO '" + copy + "' (FORMAT parquet)");
        }
        Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        try (Connection c = cache.connect(copy, "t", LIMITS)) {
            assertThat(count(c, "SELECT count(*) FROM t")).isEqualTo(2);
            assertThat(count(c, "SELECT sum(a) FROM t")).isEqualTo(3);
        }
        assertThat(cache.size()).isEqualTo(1);
        Files.delete(copy);
        assertThatThrownBy(() -> cache.connect(copy, "t", LIMITS)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void leastRecentlyUsedIsClosedFirstAndHeldConnectionsKeepWorking() throws Exception {
        DatabaseCache cache = new DatabaseCache(1);
        Path other = Files.createDirectories(dir.resolve("other")).resolve("data.parquet");
        Files.copy(ds.parquet(), other);
        try (Connection held = cache.connect(ds.parquet(), ds.table(), LIMITS)) {
            try (Connection c = cache.connect(other, "o", LIMITS)) {
                assertThat(count(c, "SELECT count(*) FROM o")).isEqualTo(TestData.ROWS);
            }
            assertThat(cache.size()).isEqualTo(1);
            assertThat(count(held, "SELECT count(*) FROM orders")).isEqualTo(TestData.ROWS);
        }
        cache.evict(other);
        assertThat(cache.size()).isZero();
    }

    @Test
    void concurrentCallsShareOneDatabase() throws Exception {
        DatabaseCache cache = new DatabaseCache(2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> {
                    try (Connection c = cache.connect(ds.parquet(), ds.table(), LIMITS)) {
                        return count(c, "SELECT count(*) FROM orders");
                    }
                }));
            }
            for (Future<Long> f : calls) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(TestData.ROWS);
            }
            assertThat(cache.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeletedDatasetIsReportedMissing() throws Exception {
        Path gone = Files.createDirectories(dir.resolve("gone")).resolve("data.parquet");
        Files.copy(ds.parquet(), gone);
        Dataset d = new Dataset("gone", gone, ds.columns(), ds.rows());
        QueryRunner.connect(d, LIMITS).close();
        Files.delete(gone);
        assertThatThrownBy(() -> QueryRunner.connect(d, LIMITS))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("dataset_unavailable"));
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
