package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.Table;
import datasense.tools.TestData;
import datasense.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

class QueryRunnerTest {

    @TempDir
    static Path dir;
    static Dataset ds;

    @BeforeAll
    static void data() throws Exception {
        ds = TestData.orders(dir);
    }

    @Test
    void convertsValuesToJsonFriendlyJava() throws Exception {
        try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
            QueryResult r = QueryRunner.run(c, "SELECT \"Order Date\", Region, Sales, Quantity, Sales > 100 AS big,"
                    + " CAST(Sales AS DECIMAL(10,2)) AS dec, TIMESTAMP '2017-05-01 10:00:00' AS ts, NULL AS nothing,"
                    + " 7::INTEGER AS i, sum(Quantity) OVER () AS total, [1, 2] AS list, [DATE '2016-01-02', NULL] AS dates"
                    + " FROM orders ORDER BY \"Order Date\" LIMIT 1",
                    Limits.defaults());
            List<Object> row = r.rows().get(0);
            assertThat(row.get(0)).isEqualTo("2016-01-01");
            assertThat(row.get(1)).isEqualTo("West");
            assertThat(row.get(2)).isEqualTo(10.5);
            assertThat(row.get(3)).isEqualTo(1L);
            assertThat(row.get(4)).isEqualTo(false);
            assertThat(row.get(5)).isEqualTo(10.5);
            assertThat(row.get(6)).isEqualTo("2017-05-01T10:00:00");
            assertThat(row.get(7)).isNull();
            assertThat(row.get(8)).isEqualTo(7L);
            assertThat(row.get(9)).isInstanceOf(Long.class);
            assertThat(row.get(10)).isEqualTo(List.of(1L, 2L));
            assertThat(row.get(11)).isEqualTo(java.util.Arrays.asList("2016-01-02", null));
            assertThat(r.columns().get(0).temporal()).isTrue();
            assertThat(r.columns().get(2).numeric()).isTrue();
        }
    }

    @Test
    void keepsAtMostMaxRowsAndInlinesFewer() throws Exception {
        Limits limits = new Limits(10, 50, 30, "512MB", 1);
        try (Connection c = QueryRunner.connect(ds, limits)) {
            QueryResult over = QueryRunner.run(c, "SELECT * FROM orders", limits);
            assertThat(over.rows()).hasSize(50);
            assertThat(over.overLimit()).isTrue();
            Table t = over.table("all", limits.inlineRows());
            assertThat(t.rows()).hasSize(10);
            assertThat(t.totalRows()).isEqualTo(50);
            assertThat(t.truncated()).isTrue();

            QueryResult exact = QueryRunner.run(c, "SELECT * FROM orders LIMIT 50", limits);
            assertThat(exact.overLimit()).isFalse();
            QueryResult small = QueryRunner.run(c, "SELECT * FROM orders LIMIT 5", limits);
            assertThat(small.table("few", 10).truncated()).isFalse();
            assertThat(small.table("few", 10).totalRows()).isEqualTo(5);
        }
    }

    @Test
    @Tag("fault")
    void runawayQueryIsStoppedByTheTimeoutAndConnectionsStillWork() throws Exception {
        Limits limits = new Limits(10, 100, 1, "512MB", 1);
        String runaway = "SELECT count(*) FROM orders a, orders b, orders c, orders d, orders e"
                + " WHERE a.Sales + b.Sales + c.Sales + d.Sales + e.Sales > 0";
        try (Connection c = QueryRunner.connect(ds, limits)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> QueryRunner.run(c, runaway, limits))
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.code()).isEqualTo("timeout");
                        assertThat(e.hint()).containsIgnoringCase("narrow");
                    });
            assertThat((System.nanoTime() - started) / 1e9).isLessThan(10);
            assertThat(QueryRunner.run(c, "SELECT count(*) FROM orders", limits).rows().get(0).get(0))
                    .isEqualTo((long) TestData.ROWS);
        }
        try (Connection other = QueryRunner.connect(ds, limits)) {
            assertThat(QueryRunner.run(other, "SELECT count(*) FROM orders", limits).rows().get(0).get(0))
                    .isEqualTo((long) TestData.ROWS);
        }
    }

    @Test
    @Tag("fault")
    void theEngineSandboxRefusesOtherFilesEvenWithoutTheGuard() throws Exception {
        Path outside = Files.createTempFile("outside", ".csv");
        Files.writeString(outside, "a\n1\n");
        try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
            assertThatThrownBy(() -> QueryRunner.run(c, "SELECT * FROM read_csv('" + outside + "')", Limits.defaults()))
                    .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("sql_rejected"));
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("SET enable_external_access = true")).isNotNull();
            }
            try (Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("SET allow_community_extensions = true")).isNotNull();
            }
            try (Statement st = c.createStatement(); var r = st.executeQuery("SELECT current_setting('allow_community_extensions')")) {
                r.next();
                assertThat(r.getBoolean(1)).as("community extensions are off").isFalse();
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    @Tag("fault")
    void theEngineRefusesCopyToIntoTheDatasetsOwnFolderEvenWithoutTheGuard() throws Exception {
        Path folder = ds.parquet().toAbsolutePath().getParent();
        Path beside = folder.resolve("exported.csv");
        Path besideParquet = folder.resolve("exported.parquet");
        try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
            // straight to the connection: the SQL guard, which refuses COPY first, is not asked
            assertThatThrownBy(() -> execute(c, "COPY (SELECT * FROM " + ds.table() + ") TO '" + beside + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Permission Error");
            assertThatThrownBy(() -> execute(c, "COPY (SELECT * FROM " + ds.table() + ") TO '" + besideParquet + "' (FORMAT parquet)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Permission Error");
            // nor can it read anything beside the dataset, while the dataset itself still answers
            Files.writeString(beside, "a\n1\n");
            assertThatThrownBy(() -> execute(c, "SELECT * FROM read_csv('" + beside + "')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Permission Error");
            assertThat(QueryRunner.one(c, "SELECT count(*) FROM " + ds.table(), Limits.defaults()).get(0)).isEqualTo(ds.rows());
        } finally {
            Files.deleteIfExists(beside);
        }
        assertThat(besideParquet).doesNotExist();
    }

    /** One statement of its own: DuckDB's JDBC closes a statement that failed. */
    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void sqlErrorsAreReadable() throws Exception {
        try (Connection c = QueryRunner.connect(ds, Limits.defaults())) {
            assertThatThrownBy(() -> QueryRunner.run(c, "SELECT nope FROM orders", Limits.defaults()))
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.code()).isEqualTo("sql_error");
                        assertThat(e.getMessage()).contains("nope");
                    });
        }
    }
}
