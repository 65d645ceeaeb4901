package datasense.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.profile.TableProfile;
import datasense.tools.profile.TableProfiler;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's SchemaInfo, now computed in the full profile's passes, equals what the separate column profiler
 * (exact count(DISTINCT) of every column, its own grouped query for frequent values) gave, on tables invented to
 * reach every branch: ties among frequent values, all-unique text below and above the listing limit, text with more
 * values than the profile's grouped pass counts, more columns than it counts, missing and all-missing columns,
 * numbers, dates, timestamps, booleans, non-ASCII text. And the full profile that comes with it is the one the
 * profiler computes on its own.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ColumnProfilerTest {

    @TempDir
    Path dir;

    private SchemaInfo[] both(String select, String name) throws Exception {
        Path parquet = dir.resolve(name + ".parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + parquet + "' (FORMAT parquet)");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet + "')")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            long rows;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + parquet + "')")) {
                rs.next();
                rows = rs.getLong(1);
            }
            SchemaInfo merged = ColumnProfiler.profile(db, parquet, name, names, rows).schema();
            SchemaInfo separate = SeparateColumnProfiler.profile(db, parquet, name, names, rows);
            return new SchemaInfo[]{merged, separate};
        }
    }

    @Test
    void equalsTheSeparateProfilerOnMixedColumns() throws Exception {
        SchemaInfo[] s = both("SELECT i AS id,"
                + " ['West', 'East', 'North', 'South', 'Zürich', 'Ōsaka'][1 + i % 6] AS region," // ties: 6 values equally often
                + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'cat' || (i % 17) END AS sparse_text,"
                + " 'user' || i || '@example.com' AS email,"  // all unique, more than the listing limit
                + " 'k' || (i % 1500) AS many_text,"          // 1500 values: the 50 most frequent, ties by value
                + " 'k' || (i % 400) || CASE WHEN i % 7 = 0 THEN 'x' ELSE '' END AS skewed_text,"
                + " NULL::VARCHAR AS nothing,"
                + " (i % 10) * 1.5 AS amount,"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE i % 13 END AS qty,"
                + " DATE '2024-01-01' + CAST(i % 300 AS INTEGER) AS day,"
                + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS at,"
                + " i % 2 = 0 AS flag"
                + " FROM range(5000) r(i)", "mixed");
        assertThat(s[0].columns()).hasSize(12);
        assertThat(s[0]).isEqualTo(s[1]);
        assertThat(s[0].column("region").values()).hasSize(6);
        assertThat(s[0].column("many_text").values()).hasSize(50);
    }

    @Test
    void equalsTheSeparateProfilerBeyondTheGroupedPass() throws Exception {
        // more distinct values than the profile's grouped pass counts (200,000), unique and not unique
        SchemaInfo[] s = both("SELECT 'ID-' || i AS id, 'P-' || (i // 2) AS pair_id,"
                + " CASE WHEN i < 1000 THEN 'common' ELSE 'v' || i END AS mostly_unique, i % 3 AS small"
                + " FROM range(230000) r(i)", "big");
        assertThat(s[0]).isEqualTo(s[1]);
        assertThat(s[0].column("pair_id").distinct()).isEqualTo(115_000);
        assertThat(s[0].column("mostly_unique").values()).hasSize(50).startsWith("common");
    }

    @Test
    void equalsTheSeparateProfilerOnATableWiderThanTheGroupedPass() throws Exception {
        String columns = IntStream.range(0, 70)
                .mapToObj(k -> k % 2 == 0 ? "(i + " + k + ") % " + (3 + k) + " AS c" + k : "'t' || ((i * " + k + ") % " + (2 + k) + ") AS c" + k)
                .collect(Collectors.joining(", "));
        SchemaInfo[] s = both("SELECT " + columns + " FROM range(3000) r(i)", "wide");
        assertThat(s[0]).isEqualTo(s[1]);
        assertThat(s[0].column("c69").values()).isNotEmpty();
    }

    @Test
    void anEmptyTableAndOneRow() throws Exception {
        SchemaInfo[] empty = both("SELECT i AS n, 'a' || i AS t FROM range(0) r(i)", "empty");
        assertThat(empty[0]).isEqualTo(empty[1]);
        SchemaInfo[] one = both("SELECT 1 AS n, 'a' AS t, NULL::DOUBLE AS d", "one");
        assertThat(one[0]).isEqualTo(one[1]);
    }

    @Test
    void theProfileThatComesWithTheSchemaIsTheProfilersOwn() throws Exception {
        Path parquet = dir.resolve("p.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS n, 'v' || (i % 4) AS t, i % 7 = 0 AS b FROM range(500) r(i)) TO '" + parquet + "' (FORMAT parquet)");
            TableProfile merged = ColumnProfiler.profile(db, parquet, "p", List.of("n", "t", "b"), 500).profile();
            TableProfile alone = new TableProfiler().profile(db, parquet, "p");
            assertThat(merged.rows()).isEqualTo(500);
            assertThat(merged.columns()).isEqualTo(alone.columns());
            assertThat(merged.correlations()).isEqualTo(alone.correlations());
            assertThat(merged.candidateKeys()).isEqualTo(alone.candidateKeys()).contains(List.of("n"));
            assertThat(merged.alerts()).isEqualTo(alone.alerts());
        }
    }
}
