package datasense.tools;

import datasense.tools.sql.DuckDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small orders-like dataset written as CSV by Java and converted to Parquet with DuckDB, with the values
 * the tests expect computed here from the same generator.
 */
public final class TestData {

    public static final int ROWS = 200;
    public static final String[] REGIONS = {"West", "East", "Central", "South"};
    public static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);

    private TestData() {
    }

    public static LocalDate orderDate(int i) {
        return FIRST_DAY.plusDays(3L * i);
    }

    public static String region(int i) {
        return REGIONS[i % REGIONS.length];
    }

    public static double sales(int i) {
        return 10 + i + 0.5;
    }

    public static long quantity(int i) {
        return 1 + i % 5;
    }

    /** Exactly linear in sales, so their correlation is 1. */
    public static double profit(int i) {
        return 2 * sales(i) - 5;
    }

    public static Map<String, Double> salesByRegion() {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            sums.merge(region(i), sales(i), Double::sum);
        }
        return sums;
    }

    /** Writes orders.csv and orders.parquet into {@code dir} and returns the dataset over the Parquet file. */
    public static Dataset orders(Path dir) throws IOException, SQLException {
        StringBuilder csv = new StringBuilder("Order Date,Region,Customer Name,Sales,Quantity,Profit,Note\n");
        for (int i = 0; i < ROWS; i++) {
            String note = i % 10 == 0 ? "" : "n" + (i % 3);
            csv.append(orderDate(i)).append(',').append(region(i)).append(",\"Customer ").append(i % 7)
                    .append("\",").append(sales(i)).append(',').append(quantity(i)).append(',').append(profit(i))
                    .append(',').append(note).append('\n');
        }
        Path csvFile = dir.resolve("orders.csv");
        Files.writeString(csvFile, csv.toString(), StandardCharsets.UTF_8);
        Path parquet = dir.resolve("orders.parquet");
        List<Column> columns = new ArrayList<>();
        try (Connection c = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv(" + DuckDb.quoteLiteral(csvFile.toString()) + ", header = true))"
                    + " TO " + DuckDb.quoteLiteral(parquet.toString()) + " (FORMAT parquet)");
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet("
                    + DuckDb.quoteLiteral(parquet.toString()) + ")")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new Dataset("orders", parquet, List.copyOf(columns), ROWS);
    }

    public static ToolContext context(Dataset ds) {
        return new ToolContext(ds, Limits.defaults(), null);
    }
}
