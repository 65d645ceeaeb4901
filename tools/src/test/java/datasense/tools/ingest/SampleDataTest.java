package datasense.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path a = tmp.resolve("a.csv");
        Path b = tmp.resolve("b.csv");
        Path c = tmp.resolve("c.csv");
        SampleData.writeOrders(a, 2000, 42);
        SampleData.writeOrders(b, 2000, 42);
        SampleData.writeOrders(c, 2000, 43);

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        List<String> lines = Files.readAllLines(a);
        assertThat(lines).hasSize(2001);
        assertThat(lines.get(0)).isEqualTo("Order ID,Order Date,Ship Date,Ship Mode,Customer ID,Customer Name,"
                + "Segment,City,State,Region,Category,Sub-Category,Product Name,Sales,Quantity,Discount,Profit");
    }

    @Test
    void ingestsWithoutRejectsAndLooksLikeRetailData() throws Exception {
        Path csv = tmp.resolve("orders.csv");
        SampleData.writeOrders(csv, SampleData.DEFAULT_ROWS, SampleData.DEFAULT_SEED);
        Path dir = tmp.resolve("ds");
        IngestReport r = new CsvIngestor().ingest(csv, dir, "orders", IngestLimits.defaults());

        assertThat(r.rowsRejected()).isZero();
        assertThat(r.rowsIngested()).isEqualTo(SampleData.DEFAULT_ROWS);
        assertThat(r.schema().column("Order Date").type()).isEqualTo("DATE");
        assertThat(r.schema().column("Ship Date").type()).isEqualTo("DATE");
        assertThat(r.schema().column("Sales").type()).isEqualTo("DOUBLE");
        assertThat(r.schema().column("Quantity").type()).isEqualTo("BIGINT");
        assertThat(r.schema().column("Profit").type()).isEqualTo("DOUBLE");
        assertThat(r.schema().column("Region").values()).containsExactlyInAnyOrder("East", "West", "Central", "South");
        assertThat(r.schema().column("Category").values())
                .containsExactlyInAnyOrder("Furniture", "Office Supplies", "Technology");
        assertThat(r.schema().column("Order Date").min()).startsWith("2020-01");
        assertThat(r.schema().column("Order Date").max()).startsWith("2023-12");

        String t = "read_parquet(" + DuckDb.quoteLiteral(r.parquet().toString()) + ")";
        try (Connection c = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT corr(\"Profit\" / \"Sales\", \"Discount\"),"
                    + " count(*) FILTER (WHERE \"Ship Date\" < \"Order Date\"),"
                    + " count(*) FILTER (WHERE year(\"Order Date\") = 2023) / count(*) FILTER (WHERE year(\"Order Date\") = 2020),"
                    + " count(*) FILTER (WHERE month(\"Order Date\") IN (11, 12)) / count(*) FILTER (WHERE month(\"Order Date\") IN (1, 2)),"
                    + " count(*) FILTER (WHERE \"Profit\" < 0)"
                    + " FROM " + t)) {
                rs.next();
                assertThat(rs.getDouble(1)).as("profit margin vs discount").isLessThan(-0.5);
                assertThat(rs.getLong(2)).as("shipped before ordered").isZero();
                assertThat(rs.getDouble(3)).as("growth 2023 vs 2020").isGreaterThan(1.3);
                assertThat(rs.getDouble(4)).as("year-end peak").isGreaterThan(1.5);
                assertThat(rs.getLong(5)).as("some loss-making lines").isPositive();
            }
        }
    }
}
