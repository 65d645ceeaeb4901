package datasense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import datasense.tools.SchemaInfo;
import datasense.tools.ingest.FileIngestor;
import datasense.tools.ingest.IngestException;
import datasense.tools.ingest.IngestLimits;
import datasense.tools.ingest.PostgresSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Postgres snapshot reader against a real PostgreSQL server (a throw-away cluster, see
 * {@link PostgresServerProcess}): two tables with the usual column types and NULLs and one query become typed
 * tables, a changed row shows in the next snapshot, and a wrong password, an unknown table, a statement that is not
 * a SELECT and an unreachable server are refused with their own codes, none of them quoting the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class PostgresSnapshotIT {

    private static final String PASSWORD = "s3cret-pg-Pa55";
    private final IngestLimits limits = new IngestLimits(100_000_000, 1_000_000);
    private final PostgresSnapshot snapshot = new PostgresSnapshot("512MB", 1, 30);
    private PostgresServerProcess pg;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() throws Exception {
        pg = PostgresServerProcess.start(PASSWORD);
        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, region text, amount numeric(10,2), placed date,"
                    + " shipped_at timestamp, paid boolean, note text, photo bytea)");
            st.execute("INSERT INTO orders VALUES"
                    + " (1, 'East', 10.50, '2024-01-02', '2024-01-03 10:00:00', true, 'first', '\\x0102'),"
                    + " (2, 'West', 20.25, '2024-02-03', '2024-02-04 11:30:00', false, NULL, NULL),"
                    + " (3, 'East', 5.00, '2024-03-04', NULL, true, 'third', NULL)");
            st.execute("CREATE SCHEMA shop");
            st.execute("CREATE TABLE shop.regions (region text, manager text)");
            st.execute("INSERT INTO shop.regions VALUES ('East', 'Ann'), ('West', 'Bo')");
        }
    }

    @AfterAll
    void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    private static Map<String, String> types(SchemaInfo schema) {
        Map<String, String> types = new HashMap<>();
        schema.columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    @Test
    void twoTablesAndAQueryBecomeTypedTablesAndAChangeShowsInTheNextSnapshot() throws Exception {
        List<FileIngestor.Table> tables = snapshot.read(new PostgresSnapshot.Source(pg.url(),
                List.of("public.orders", "shop.regions"), null), PASSWORD, tmp.resolve("a"), limits);
        assertThat(tables).hasSize(2);
        FileIngestor.Table orders = tables.get(0);
        assertThat(orders.table()).isEqualTo("orders");
        assertThat(orders.sheet()).isEqualTo("public.orders");
        assertThat(orders.report().format()).isEqualTo("postgres");
        assertThat(orders.report().rowsIngested()).isEqualTo(3);
        Map<String, String> types = types(orders.report().schema());
        assertThat(types).doesNotContainKey("photo");
        assertThat(types.get("id")).isEqualTo("BIGINT");
        assertThat(types.get("amount")).isEqualTo("DOUBLE");
        assertThat(types.get("placed")).isEqualTo("DATE");
        assertThat(types.get("shipped_at")).isEqualTo("TIMESTAMP");
        assertThat(types.get("paid")).isEqualTo("BOOLEAN");
        assertThat(Files.readString(orders.report().csv())).contains("2,West,20.25,2024-02-03,2024-02-04 11:30:00,false,");
        assertThat(tables.get(1).table()).isEqualTo("regions");
        assertThat(tables.get(1).report().rowsIngested()).isEqualTo(2);

        List<FileIngestor.Table> query = snapshot.read(new PostgresSnapshot.Source(pg.url(), null,
                "select region, sum(amount) as total from orders group by region order by region;"), PASSWORD,
                tmp.resolve("b"), limits);
        assertThat(query).hasSize(1);
        assertThat(query.get(0).table()).isEqualTo("query");
        assertThat(Files.readString(query.get(0).report().csv())).contains("East,15.5").contains("West,20.25");

        try (Connection c = pg.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE orders SET amount = 99.75 WHERE id = 2");
        }
        List<FileIngestor.Table> again = snapshot.read(new PostgresSnapshot.Source(pg.url(), List.of("orders"), null),
                PASSWORD, tmp.resolve("c"), limits);
        assertThat(Files.readString(again.get(0).report().csv())).contains("2,West,99.75,");
    }

    private IngestException refused(PostgresSnapshot.Source source, String password) {
        IngestException e = catchThrowableOfType(IngestException.class,
                () -> snapshot.read(source, password, tmp.resolve("x" + System.nanoTime()), limits));
        assertThat(e).isNotNull();
        assertThat(e.getMessage() + e.hint()).doesNotContain(PASSWORD);
        return e;
    }

    @Test
    void wrongPasswordUnknownTableWritesAndUnreachableServersAreRefused() throws Exception {
        IngestException wrong = refused(new PostgresSnapshot.Source(pg.url(), List.of("orders"), null), "nope");
        assertThat(wrong.code()).isEqualTo(IngestException.SOURCE_REFUSED);
        assertThat(wrong.getMessage()).contains("password");

        IngestException unknown = refused(new PostgresSnapshot.Source(pg.url(), List.of("public.nothing"), null), PASSWORD);
        assertThat(unknown.code()).isEqualTo(IngestException.SOURCE_REFUSED);
        assertThat(unknown.getMessage()).contains("public.nothing");

        IngestException delete = refused(new PostgresSnapshot.Source(pg.url(), null, "delete from orders"), PASSWORD);
        assertThat(delete.code()).isEqualTo(IngestException.SOURCE_REFUSED);
        IngestException sneaky = refused(new PostgresSnapshot.Source(pg.url(), null,
                "with gone as (delete from orders returning *) select * from gone"), PASSWORD);
        assertThat(sneaky.code()).isEqualTo(IngestException.SOURCE_REFUSED);
        assertThat(sneaky.getMessage()).contains("change data");
        try (Connection c = pg.connect(); Statement st = c.createStatement(); var rs = st.executeQuery("select count(*) from orders")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }

        IngestException withPassword = refused(new PostgresSnapshot.Source(
                "postgresql://datasense:" + PASSWORD + "@127.0.0.1:" + pg.port() + "/postgres", List.of("orders"), null), PASSWORD);
        assertThat(withPassword.code()).isEqualTo(IngestException.SOURCE_REFUSED);

        int closed = RedisServerProcess.freePort();
        IngestException unreachable = refused(new PostgresSnapshot.Source(
                "postgresql://datasense@127.0.0.1:" + closed + "/postgres", List.of("orders"), null), PASSWORD);
        assertThat(unreachable.code()).isEqualTo(IngestException.SOURCE_UNREACHABLE);
    }
}
