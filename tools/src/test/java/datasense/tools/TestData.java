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

    /**
     * {@code rows} points written straight to Parquet by DuckDB: id, x (normal), y = 2x + noise, grp (a, b or c)
     * and day, all from a hash of the id, so the same rows come back every run.
     */
    public static Dataset points(Path dir, String table, int rows) throws SQLException {
        String u1 = "((hash(i) % 1000000) + 1) / 1000001.0";
        String u2 = "(hash(i + 7919) % 1000000) / 1000000.0";
        String normal = "sqrt(-2 * ln(" + u1 + ")) * cos(2 * pi() * " + u2 + ")";
        return parquet(dir, table, "SELECT i AS id, " + normal + " AS x, 2 * " + normal + " + ((hash(i + 104729) % 1000)"
                + " / 500.0 - 1) AS y, ['a', 'b', 'c'][1 + i % 3] AS grp, DATE '2020-01-01' + CAST(i % 1461 AS INTEGER)"
                + " AS day FROM range(" + rows + ") r(i)", rows);
    }

    /**
     * A shop's order lines: order_date over 2021-2023, region, category, brand (12, each with its own price level
     * and rating), price, rating, quantity and sales = price x quantity; deterministic.
     */
    public static Dataset shop(Path dir, int rows) throws SQLException {
        String brand = "['Acme', 'Bolt', 'Crest', 'Dyna', 'Echo', 'Flux', 'Gala', 'Halo', 'Iris', 'Juno', 'Kite',"
                + " 'Lumo'][1 + CAST(hash(i) % 12 AS INTEGER)]";
        return parquet(dir, "shop", "SELECT order_date, region, category, brand, price, rating, quantity,"
                + " round(price * quantity, 2) AS sales FROM (SELECT DATE '2021-01-01' + CAST(hash(i + 1) % 1095 AS"
                + " INTEGER) AS order_date, ['North', 'South', 'East', 'West', 'North', 'West'][1 + CAST(hash(i + 2) % 6"
                + " AS INTEGER)] AS region, ['Garden', 'Kitchen', 'Toys', 'Books'][1 + CAST(hash(i + 3) % 4 AS INTEGER)]"
                + " AS category, " + brand + " AS brand, round((10 + length(" + brand + ") * 7 + (hash(i) % 12) * 3.5)"
                + " * (0.6 + (hash(i + 4) % 1000) / 1000.0 + CASE WHEN hash(i + 5) % 97 = 0 THEN 2.5 ELSE 0 END), 2)"
                + " AS price, round(least(5, 2.5 + (hash(i) % 12) / 6.0 + (hash(i + 6) % 100) / 100.0), 1) AS rating,"
                + " 1 + CAST(hash(i + 7) % 5 AS INTEGER) AS quantity FROM range(" + rows + ") r(i))", rows);
    }

    static Dataset parquet(Path dir, String table, String select, long rows) throws SQLException {
        Path parquet = dir.resolve(table + ".parquet");
        List<Column> columns = new ArrayList<>();
        try (Connection c = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = c.createStatement()) {
            st.execute("COPY (" + select + ") TO " + DuckDb.quoteLiteral(parquet.toString()) + " (FORMAT parquet)");
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet("
                    + DuckDb.quoteLiteral(parquet.toString()) + ")")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return new Dataset(table, parquet, List.copyOf(columns), rows);
    }

    public static ToolContext context(Dataset ds) {
        return new ToolContext(ds, Limits.defaults(), null);
    }
}
