package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.TestData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a tool call pays to reach its data, before and after {@link DatabaseCache}: a new sandboxed database, the
 * view and a small aggregate, against a connection duplicated from the cached database and the same aggregate.
 * Wall time, median of 50 runs after 20 warm-up runs, on a 250,000-row Parquet file. Not part of the suite (no
 * Test suffix); run it with {@code mvn -o -pl tools test -Dtest=ConnectTimings -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ConnectTimings {

    static final int WARM_UP = 20;
    static final int RUNS = 50;
    static final String SQL = "SELECT grp, avg(y) FROM many GROUP BY 1";

    @TempDir
    Path dir;

    interface Call {
        Connection open() throws Exception;
    }

    @Test
    void medianConnectAndQuery() throws Exception {
        Dataset many = TestData.points(dir, "many", 250_000);
        Limits limits = Limits.defaults();
        DatabaseCache cache = new DatabaseCache(4);
        double fresh = median(() -> {
            Connection c = DuckDb.open(List.of(many.parquet().getParent()), limits);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE VIEW many AS SELECT * FROM read_parquet("
                        + DuckDb.quoteLiteral(many.parquet().toString()) + ")");
            }
            return c;
        });
        double cached = median(() -> cache.connect(many.parquet(), many.table(), limits));
        System.out.printf("%n| path | connect + `%s` ms |%n|---|---:|%n| new database + view (before) | %.2f |%n"
                + "| duplicated from the cached database (after) | %.2f |%n", SQL, fresh, cached);
    }

    static double median(Call call) throws Exception {
        List<Long> wall = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t = System.nanoTime();
            try (Connection c = call.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
                int groups = 0;
                while (rs.next()) {
                    groups++;
                }
                assertThat(groups).isPositive();
            }
            if (i >= WARM_UP) {
                wall.add(System.nanoTime() - t);
            }
        }
        wall.sort(Long::compare);
        return (wall.get(RUNS / 2 - 1) + wall.get(RUNS / 2)) / 2.0 / 1e6;
    }
}
