package datasense.tools.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles a 1000-row table this test writes with DuckDB, every column made to show one thing (a constant, an
 * email column, missing values, outliers, a sentinel, future dates, a two-column key, a duplicate row), and checks
 * the profile against values computed here by hand.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TableProfilerTest {

    @TempDir
    static Path dir;
    static TableProfile profile;

    @BeforeAll
    static void profileATable() throws Exception {
        Path parquet = dir.resolve("t.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2));
             Statement st = db.createStatement()) {
            // j = 0..998, then 998 again: the last row repeats the one before in every column
            st.execute("COPY (SELECT"
                    + " j AS id,"
                    + " 'x' AS constant,"
                    + " 'user' || j || '@example.com' AS email,"
                    + " CASE WHEN j % 4 = 0 THEN NULL ELSE j % 7 END AS sparse,"
                    + " CASE WHEN j IN (10, 20) THEN 1000000.0 ELSE (j % 10)::DOUBLE END AS amount,"
                    + " CASE WHEN j % 50 = 0 THEN -1 ELSE 5 + j % 3 END AS qty,"
                    + " DATE '2020-01-01' + CAST(CASE WHEN j < 3 THEN 3650 * 20 ELSE j END AS INTEGER) AS day,"
                    + " ['north', 'south'][1 + j % 2] AS region,"
                    + " ['N', 'S'][1 + j % 2] AS region_code,"
                    + " j // 10 AS grp,"
                    + " j % 10 AS seq,"
                    + " CASE WHEN j % 2 = 0 THEN 'abc' ELSE CAST(j AS VARCHAR) END AS mixed"
                    + " FROM (SELECT CASE WHEN i = 999 THEN 998 ELSE i END AS j FROM range(1000) r(i))) TO '" + parquet + "' (FORMAT parquet)");
            try (Connection profileDb = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2))) {
                profile = new TableProfiler().profile(profileDb, parquet, "t");
            }
        }
    }

    private static boolean alerted(String column, String kind) {
        return profile.alerts().stream().anyMatch(a -> kind.equals(a.kind()) && java.util.Objects.equals(column, a.column()));
    }

    @Test
    void countsRowsMissingAndDistinctValues() {
        assertThat(profile.rows()).isEqualTo(1000);
        assertThat(profile.duplicateRows()).isEqualTo(1);
        ColumnStats sparse = profile.column("sparse");
        assertThat(sparse.missing()).isEqualTo(250);
        assertThat(sparse.missingPct()).isEqualTo(25.0);
        assertThat(sparse.distinct()).isEqualTo(7);
        assertThat(profile.column("id").distinct()).isEqualTo(999);
        assertThat(profile.column("id").uniquePct()).isCloseTo(998 * 100.0 / 1000, within(0.01));
        assertThat(alerted("sparse", "high_missing")).isTrue();
    }

    @Test
    void numbersHaveQuantilesOutliersAndAHistogram() {
        ColumnStats.NumberStats amount = profile.column("amount").numbers();
        assertThat(amount.max()).isEqualTo(1_000_000.0);
        assertThat(amount.min()).isEqualTo(0.0);
        // j % 10 sorted: 98 zeros (rows 10 and 20 hold the millions), then 100 of each digit: rows 500 and 501 are 5
        assertThat(amount.median()).isEqualTo(5.0);
        // the two millions lie beyond Q3 + 1.5 IQR; nothing else does
        assertThat(amount.outliers()).isEqualTo(2);
        assertThat(profile.column("amount").histogram().bins()).hasSize(TableProfiler.BINS);
        assertThat(profile.column("amount").histogram().bins().stream().mapToLong(ColumnStats.Bin::count).sum()).isEqualTo(1000);
        assertThat(profile.column("amount").histogram().bins().get(TableProfiler.BINS - 1).count()).isEqualTo(2);
        assertThat(alerted("amount", "skewed")).isTrue();
        assertThat(amount.zeros()).isEqualTo(98);
        assertThat(alerted("amount", "zeros")).as("9.8% is under the 10% threshold").isFalse();
    }

    @Test
    void textHasLengthsPatternsAndTopValues() {
        ColumnStats email = profile.column("email");
        assertThat(email.text().pattern()).isEqualTo("email");
        assertThat(email.text().emails()).isEqualTo(1000);
        assertThat(email.text().minLength()).isEqualTo("user0@example.com".length());
        ColumnStats region = profile.column("region");
        assertThat(region.topValues()).extracting(ColumnStats.ValueCount::value).containsExactlyInAnyOrder("north", "south");
        assertThat(region.topValues().get(0)).isEqualTo(new ColumnStats.ValueCount("north", 501, 50.1));
        assertThat(alerted("constant", "constant")).isTrue();
        assertThat(alerted("mixed", "mixed_types")).isTrue();
        assertThat(alerted("region", "mixed_types")).isFalse();
    }

    @Test
    void sentinelsAndFutureDatesAreAlerts() {
        assertThat(profile.column("qty").numbers().sentinels()).extracting(ColumnStats.ValueCount::value).containsExactly("-1");
        assertThat(alerted("qty", "sentinel")).isTrue();
        assertThat(profile.column("day").dates().future()).isEqualTo(3);
        assertThat(alerted("day", "future_dates")).isTrue();
    }

    @Test
    void keysCorrelationsAndAssociations() {
        // id repeats once (the duplicate row), so no single column is a key; (grp, seq) is unique except for it too
        assertThat(profile.candidateKeys()).doesNotContain(List.of("id"));
        assertThat(profile.correlations()).anySatisfy(c -> {
            assertThat(List.of(c.a(), c.b())).containsExactlyInAnyOrder("id", "grp");
            assertThat(c.pearson()).isGreaterThan(0.99);
        });
        assertThat(profile.associations()).anySatisfy(a -> {
            assertThat(List.of(a.a(), a.b())).containsExactlyInAnyOrder("region", "region_code");
            assertThat(a.cramersV()).isEqualTo(1.0);
        });
    }

    @Test
    void columnsWithManyValuesAreCountedExactlyAndTestedPerRow() throws Exception {
        // more distinct values than pass 3 counts: distinct and text patterns come from pass 2
        int rows = (int) ValueCounts.MAX_GROUPS + 50_000;
        Path parquet = dir.resolve("wide.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT 'user' || i || '@example.com' AS email, 'ID-' || (i // 2) AS pair_id, i % 2 AS half"
                    + " FROM range(" + rows + ") r(i)) TO '" + parquet + "' (FORMAT parquet)");
            TableProfile wide = new TableProfiler().profile(db, parquet, "wide");
            ColumnStats email = wide.column("email");
            assertThat(email.distinct()).isEqualTo(rows);
            assertThat(email.uniquePct()).isEqualTo(100.0);
            assertThat(email.topValues()).isNull();
            assertThat(email.text().pattern()).isEqualTo("email");
            assertThat(email.text().emails()).isEqualTo(rows);
            ColumnStats pairId = wide.column("pair_id");
            assertThat(pairId.distinct()).isEqualTo(rows / 2);
            assertThat(pairId.text().idLike()).isEqualTo(rows);
            assertThat(pairId.text().pattern()).isEqualTo("id");
            // pair_id repeats each id twice, half tells the two apart: a two-column key
            assertThat(wide.candidateKeys()).containsExactly(List.of("email"), List.of("pair_id", "half"));
        }
    }

    @Test
    void aTableWiderThanOneGroupingBitmaskIsProfiled() throws Exception {
        Path parquet = dir.resolve("many.parquet");
        String columns = java.util.stream.IntStream.range(0, 70).mapToObj(k -> "(i + " + k + ") % 5 AS c" + k)
                .collect(java.util.stream.Collectors.joining(", "));
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT " + columns + " FROM range(100) r(i)) TO '" + parquet + "' (FORMAT parquet)");
            TableProfile many = new TableProfiler().profile(db, parquet, "many");
            assertThat(many.columns()).hasSize(70);
            assertThat(many.column("c0").topValues()).hasSize(5);
            assertThat(many.column("c61").topValues()).hasSize(5);
            assertThat(many.column("c62").topValues()).as("past the 62 counted columns").isNull();
        }
    }

    @Test
    void cramersVIsZeroForIndependentColumns() {
        assertThat(ValueCounts.cramersV(java.util.Map.of("a", java.util.Map.of("x", 10L, "y", 10L),
                "b", java.util.Map.of("x", 5L, "y", 5L)))).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void pairsCountedFromOneGroupingGiveTheSameAssociationsAsTheirOwnGroupingSets() throws Exception {
        Path parquet = dir.resolve("cats.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            // five categorical columns, dependent and independent pairs, missing values in two of them
            st.execute("COPY (SELECT ['a', 'b', 'c'][1 + i % 3] AS c1, ['x', 'y', 'z'][1 + i % 3] AS c2,"
                    + " CASE WHEN i % 11 = 0 THEN NULL ELSE ['p', 'q'][1 + i % 2] END AS c3,"
                    + " ['u', 'v', 'w', 't'][1 + (i * 7) % 4] AS c4, CASE WHEN i % 5 = 0 THEN NULL ELSE ['k', 'l'][1 + (i // 3) % 2] END AS c5,"
                    + " i AS n FROM range(600) r(i)) TO '" + parquet + "' (FORMAT parquet)");
            TableProfile apart = new TableProfiler(new ValueCounts(Long.MAX_VALUE)).profile(db, parquet, "cats");
            TableProfile sets = new TableProfiler(new ValueCounts(0)).profile(db, parquet, "cats");
            assertThat(apart.associations()).hasSize(10).isEqualTo(sets.associations());
            assertThat(apart.associations()).anySatisfy(a -> {
                assertThat(List.of(a.a(), a.b())).containsExactlyInAnyOrder("c1", "c2");
                assertThat(a.cramersV()).isEqualTo(1.0);
            });
            assertThat(apart.columns()).isEqualTo(sets.columns());
        }
    }
}
