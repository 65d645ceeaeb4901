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
 * Two versions of a table written here with DuckDB, each column made to show one change: {@code amount} keeps its
 * distribution (0..99 uniform, on 1000 then 1200 rows), {@code price} moves up by 50 (half its range), {@code region}
 * loses West and gains East, {@code day} keeps its dates, {@code code} turns from numbers to text, {@code legacy} is
 * dropped and {@code channel} added; the row count grows by 20%.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DriftTest {

    @TempDir
    static Path dir;
    static Drift.Report report;

    @BeforeAll
    static void compareTwoVersions() throws Exception {
        Path v1 = dir.resolve("v1.parquet");
        Path v2 = dir.resolve("v2.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2));
             Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS id, i % 100 AS amount, i / 10.0 AS price, ['North', 'South', 'West'][1 + i % 3] AS region,"
                    + " DATE '2024-01-01' + CAST(i % 365 AS INTEGER) AS day, i % 7 AS code, 'x' || i AS legacy"
                    + " FROM range(1000) r(i)) TO '" + v1 + "' (FORMAT parquet)");
            st.execute("COPY (SELECT i AS id, i % 100 AS amount, i / 12.0 + 50 AS price, ['North', 'South', 'East'][1 + i % 3] AS region,"
                    + " DATE '2024-01-01' + CAST(i % 365 AS INTEGER) AS day, 'C' || (i % 7) AS code, 'web' AS channel"
                    + " FROM range(1200) r(i)) TO '" + v2 + "' (FORMAT parquet)");
        }
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2))) {
            report = new Drift().compare(db, v1, v2);
        }
    }

    private static Drift.ColumnDrift column(String name) {
        return report.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aShiftedNumberDrifts() {
        Drift.ColumnDrift price = column("price");
        assertThat(price.kind()).isEqualTo("numeric");
        // v2's prices run 50..150 against v1's 0..100: half of them above every v1 value
        assertThat(price.psi()).isGreaterThanOrEqualTo(Drift.PSI_DRIFTED);
        assertThat(price.ks()).isCloseTo(0.5, within(0.03));
        assertThat(price.drifted()).isTrue();
        assertThat(price.level()).isEqualTo("drifted");
        assertThat(price.meanFrom()).isCloseTo(49.95, within(1e-9));
        assertThat(price.meanTo()).isCloseTo(50 + 1199 / 24.0, within(1e-3));
        assertThat(report.driftedColumns()).contains("price");
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("Column price drifted: PSI"));
    }

    @Test
    void anUnchangedNumberAndDateDoNotDrift() {
        Drift.ColumnDrift amount = column("amount");
        assertThat(amount.psi()).isLessThan(Drift.PSI_MODERATE);
        assertThat(amount.ks()).isLessThan(0.05);
        assertThat(amount.drifted()).isFalse();
        assertThat(amount.level()).isEqualTo("stable");
        Drift.ColumnDrift day = column("day");
        assertThat(day.kind()).isEqualTo("date");
        assertThat(day.drifted()).isFalse();
        // the ids grow past v1's range (1000..1199 are new): a fifth of v2 above every v1 value
        assertThat(column("id").ks()).isCloseTo(1 - 1000 / 1200.0, within(0.03));
    }

    @Test
    void aNewAndAVanishedCategoryAreNamed() {
        Drift.ColumnDrift region = column("region");
        assertThat(region.kind()).isEqualTo("categorical");
        assertThat(region.newCategories()).containsExactly("East");
        assertThat(region.vanishedCategories()).containsExactly("West");
        assertThat(region.drifted()).isTrue();
        assertThat(region.shifts()).extracting(Drift.Share::value).contains("East", "West");
        assertThat(report.warnings()).contains("Column region: 1 new category (East), 1 vanished (West).");
    }

    @Test
    void theSchemaChangesAreListed() {
        assertThat(report.schema().added()).containsExactly("channel");
        assertThat(report.schema().removed()).containsExactly("legacy");
        assertThat(report.schema().retyped()).containsExactly(new Drift.Retyped("code", "BIGINT", "VARCHAR"));
        // a column that changed kind is not compared as a distribution
        assertThat(report.columns()).extracting(Drift.ColumnDrift::column).containsExactlyInAnyOrder("id", "amount", "price", "region", "day");
    }

    @Test
    void theRowCountChangeIsMeasured() {
        assertThat(report.rows()).isEqualTo(new Drift.Rows(1000, 1200, 200, 20.0));
        assertThat(report.summary()).isEqualTo("2 of 5 compared columns drifted (price, region); columns: 1 added, 1 removed, "
                + "1 retyped; rows 1000 → 1200 (+20.0%).");
    }

    @Test
    void psiFollowsItsFormula() {
        // (0.6 - 0.5) ln(0.6/0.5) + (0.4 - 0.5) ln(0.4/0.5)
        assertThat(Drift.psi(List.of(0.5, 0.5), List.of(0.6, 0.4))).isCloseTo(0.1 * Math.log(1.2) - 0.1 * Math.log(0.8), within(1e-12));
        assertThat(Drift.level(0.19)).isEqualTo("moderate");
        assertThat(Drift.level(0.2)).isEqualTo("drifted");
        assertThat(Drift.level(0.05)).isEqualTo("stable");
    }
}
