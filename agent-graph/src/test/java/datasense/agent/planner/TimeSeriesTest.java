package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measures along time: a date column grouped as is, running totals and changes within a date range. */
class TimeSeriesTest {

    /** Monthly figures per kiosk, one row per kiosk and month (the month is a date column named "month"). */
    private static final SchemaInfo KIOSKS = new SchemaInfo("kiosk_months", 48, List.of(
            Fixtures.col("kiosk", "VARCHAR", 2, List.of("Pier", "Park")),
            new ColumnProfile("month", "DATE", 0, 24, "2023-01-01", "2024-12-01", List.of()),
            Fixtures.num("takings", "DOUBLE", 48, "100", "900")));

    private static String sql(SchemaInfo s, String q) {
        return new SqlWriter(s.table()).aggregate(Fixtures.intent(s, q));
    }

    @Test
    void aDateColumnGroupedAsIsIsInTimeOrderAndCarriesARunningTotalWithinAYear() {
        assertThat(sql(KIOSKS, "takings by month")).endsWith("GROUP BY \"month\" ORDER BY \"month\"");
        assertThat(sql(KIOSKS, "running total of takings by month in 2024"))
                .contains("SUM(SUM(\"takings\")) OVER (ORDER BY \"month\")").contains("year(\"month\") = 2024");
    }

    @Test
    void aChangeWithinADateRangeIsComputedFromThePeriodBeforeIt(@TempDir Path dir) throws Exception {
        String q = "the percent change in sales for each month of 2016 versus the month before";
        String growth = sql(Fixtures.shop(), q);
        assertThat(growth).contains("lag(").contains("WHERE year(\"period start\") = 2016");
        datasense.tools.sql.SqlGuard.vet(growth, "shop_orders");
        try (Connection db = Fixtures.database(dir)) {
            List<List<Object>> rows = Fixtures.query(db, growth);
            assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.get(0).toString()).startsWith("2016"));
            // the first month of 2016 is compared with the last month of 2015 that has sales
            assertThat(rows.get(0).get(2)).isNotNull();
            assertThat(rows.get(0)).hasSize(3);
        }
    }
    @Test
    void aChangeFromOnePeriodToAnotherComparesThoseTwo(@TempDir Path dir) throws Exception {
        String sql = sql(Fixtures.shop(), "percent change in sales from 2016 to 2017");
        datasense.tools.sql.SqlGuard.vet(sql, "shop_orders");
        try (Connection db = Fixtures.database(dir)) {
            List<List<Object>> rows = Fixtures.query(db, sql);
            assertThat(rows).hasSize(1);
            assertThat(((Number) rows.get(0).get(0)).intValue()).isEqualTo(2017);
            double y16 = ((Number) Fixtures.query(db, "SELECT SUM(\"Sales\") FROM shop_orders WHERE year(\"Order Date\") = 2016")
                    .get(0).get(0)).doubleValue();
            double y17 = ((Number) Fixtures.query(db, "SELECT SUM(\"Sales\") FROM shop_orders WHERE year(\"Order Date\") = 2017")
                    .get(0).get(0)).doubleValue();
            assertThat(((Number) rows.get(0).get(2)).doubleValue())
                    .isCloseTo(100.0 * (y17 - y16) / y16, org.assertj.core.data.Offset.offset(1e-6));
        }
    }
    @Test
    void aChangeBetweenTwoMonthsOnTimesOfDayKeepsEachMonthsLastDay(@TempDir Path dir) throws Exception {
        // a kiosk's sales with the time of each: June 60 (one on its last evening), July 90 (one on its last night)
        SchemaInfo kiosk = new SchemaInfo("kiosk_sales", 5, List.of(
                new datasense.tools.ColumnProfile("sold_at", "TIMESTAMP", 0, 5, "2024-06-02 09:00:00",
                        "2024-07-31 22:00:00", List.of()),
                Fixtures.num("amount", "DOUBLE", 5, "10", "50")));
        try (Connection db = Fixtures.database(dir); java.sql.Statement st = db.createStatement()) {
            st.execute("CREATE TABLE kiosk_sales (sold_at TIMESTAMP, amount DOUBLE)");
            st.execute("INSERT INTO kiosk_sales VALUES ('2024-06-02 09:00', 10), ('2024-06-15 12:00', 20),"
                    + " ('2024-06-30 18:00', 30), ('2024-07-04 10:00', 40), ('2024-07-31 22:00', 50)");
            List<List<Object>> amount = Fixtures.query(db, sql(kiosk, "percent change in total amount from June to July"));
            assertThat(amount).hasSize(1);
            assertThat(((Number) amount.get(0).get(2)).doubleValue()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
            List<List<Object>> count = Fixtures.query(db, sql(kiosk, "% change in the number of sales from June to July"));
            assertThat(((Number) count.get(0).get(2)).doubleValue())
                    .isCloseTo(-100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
    @Test
    void percentBeforeAChangeIsTheChangesUnitNotAPercentColumn() {
        // a cidery's batches: a strength column in percent, beside the brew date
        SchemaInfo batches = new SchemaInfo("cider_batches", 200, List.of(
                Fixtures.col("batch_no", "VARCHAR", 200, List.of("C-1", "C-2")),
                new datasense.tools.ColumnProfile("pressed_on", "DATE", 0, 150, "2024-01-03", "2024-12-20", List.of()),
                Fixtures.num("abv_pct", "DOUBLE", 30, "4.5", "8.0")));
        String sql = sql(batches, "percent change in the number of batches from Q1 to Q3");
        assertThat(sql).contains("COUNT(*)").contains("lag(").doesNotContain("abv_pct");
    }
}
