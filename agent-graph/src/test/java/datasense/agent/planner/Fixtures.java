package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two schemas of our own (a shop's order lines and a staff list) with realistic profiles, and small
 * in-memory DuckDB tables with the same columns so planned SQL can be executed.
 */
final class Fixtures {

    static final List<String> REGIONS = List.of("North", "South", "East", "West");
    static final List<String> SEGMENTS = List.of("Consumer", "Corporate", "Home Office");
    static final List<String> CATEGORIES = List.of("Furniture", "Office Supplies", "Technology");
    static final List<String> SUBCATS = List.of("Chairs", "Tables", "Paper", "Binders", "Phones", "Copiers");
    static final List<String> MODES = List.of("Standard Class", "Second Class", "First Class", "Same Day");
    static final List<String> STATES = List.of("Ohio", "Texas", "Oregon", "Georgia", "Maine", "Nevada");
    static final List<String> CITIES = List.of("Dayton", "Austin", "Salem", "Macon", "Portland", "Reno");
    static final List<String> DEPTS = List.of("Engineering", "Sales", "Finance", "Support");
    static final List<String> TITLES = List.of("Senior Engineer", "Junior Engineer", "Senior Accountant",
            "Support Agent", "Account Executive", "Senior Account Executive");
    static final int SHOP_ROWS = 60;
    static final int STAFF_ROWS = 24;

    private Fixtures() {
    }

    static ColumnProfile col(String name, String type, long distinct, List<String> values) {
        return new ColumnProfile(name, type, 0, distinct, null, null, values);
    }

    static ColumnProfile num(String name, String type, long distinct, String min, String max) {
        return new ColumnProfile(name, type, 0, distinct, min, max, List.of());
    }

    /** A shop's order lines: ids, two dates, text dimensions with all their values, numeric measures. */
    static SchemaInfo shop() {
        List<String> products = new ArrayList<>();
        for (String s : SUBCATS) {
            products.add(s + " model A");
            products.add(s + " model B");
        }
        return new SchemaInfo("shop_orders", SHOP_ROWS, List.of(
                num("Row ID", "BIGINT", SHOP_ROWS, "1", String.valueOf(SHOP_ROWS)),
                col("Order ID", "VARCHAR", 30, List.of("SO-1001", "SO-1002")),
                new ColumnProfile("Order Date", "DATE", 0, 50, "2015-01-03", "2018-12-28", List.of()),
                new ColumnProfile("Ship Date", "DATE", 0, 50, "2015-01-05", "2018-12-31", List.of()),
                col("Ship Mode", "VARCHAR", 4, MODES),
                col("Customer ID", "VARCHAR", 20, List.of("CU-01", "CU-02")),
                col("Customer Name", "VARCHAR", 20, List.of("Ann Lee", "Bo Chan")),
                col("Segment", "VARCHAR", 3, SEGMENTS),
                col("City", "VARCHAR", 6, CITIES),
                col("State", "VARCHAR", 6, STATES),
                col("Region", "VARCHAR", 4, REGIONS),
                col("Product ID", "VARCHAR", 12, List.of("P-01", "P-02")),
                col("Category", "VARCHAR", 3, CATEGORIES),
                col("Sub-Category", "VARCHAR", 6, SUBCATS),
                col("Product Name", "VARCHAR", 12, products),
                num("Sales", "DOUBLE", 60, "2.5", "4200.0"),
                num("Quantity", "BIGINT", 9, "1", "9"),
                num("Discount", "DOUBLE", 5, "0.0", "0.8"),
                num("Profit", "DOUBLE", 60, "-900.0", "1500.0")));
    }

    /** A staff list: one row per employee (unique emp_id), a name column, a coded gender, missing cities. */
    static SchemaInfo staff() {
        return new SchemaInfo("staff", STAFF_ROWS, List.of(
                num("emp_id", "BIGINT", STAFF_ROWS, "500", String.valueOf(500 + STAFF_ROWS - 1)),
                col("full_name", "VARCHAR", STAFF_ROWS, List.of("Ada Moss", "Ben Ortiz")),
                col("dept", "VARCHAR", 4, DEPTS),
                col("job_title", "VARCHAR", 6, TITLES),
                new ColumnProfile("start_date", "DATE", 0, STAFF_ROWS, "2012-02-01", "2021-11-15", List.of()),
                num("annual_salary", "DOUBLE", STAFF_ROWS, "41000", "180000"),
                num("age", "BIGINT", 20, "22", "63"),
                col("gender", "VARCHAR", 2, List.of("F", "M")),
                new ColumnProfile("office_city", "VARCHAR", 4, 3, null, null, List.of("Berlin", "Lisbon", "Toronto")),
                num("rating", "DOUBLE", 15, "1.5", "5.0")));
    }

    /** An in-memory DuckDB holding both tables with deterministic rows matching the profiles above. */
    static Connection database(Path dir) throws SQLException {
        Connection c = DuckDb.open(List.of(dir), Limits.defaults());
        try (Statement st = c.createStatement()) {
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < SHOP_ROWS; i++) {
                LocalDate order = LocalDate.of(2015 + i % 4, 1 + (i * 5) % 12, 1 + (i * 7) % 28);
                String sub = SUBCATS.get(i % SUBCATS.size());
                String cat = CATEGORIES.get((i % SUBCATS.size()) / 2);
                double sales = Math.round((25.5 + (i * 37 % 97) * 13.25) * 100) / 100.0;
                double discount = (i % 5) * 0.2;
                double profit = Math.round((sales * (0.3 - discount)) * 100) / 100.0;
                if (rows.length() > 0) {
                    rows.append(",\n");
                }
                rows.append(String.format(Locale.ROOT,
                        "(%d, 'SO-%d', DATE '%s', DATE '%s', '%s', 'CU-%02d', 'Customer %d', '%s', '%s', '%s', '%s',"
                                + " 'P-%02d', '%s', '%s', '%s model %s', %s, %d, %s, %s)",
                        i + 1, 1001 + i / 2, order, order.plusDays(2 + i % 4), MODES.get(i % 4), i % 20, i % 20,
                        SEGMENTS.get(i % 3), CITIES.get(i % 6), STATES.get(i % 6), REGIONS.get(i % 4), i % 12, cat,
                        sub, sub, (i / 6) % 2 == 0 ? "A" : "B", sales, 1 + i % 9, discount, profit));
            }
            st.execute("CREATE TABLE shop_orders AS SELECT * FROM (VALUES " + rows + ") t(\"Row ID\", \"Order ID\","
                    + " \"Order Date\", \"Ship Date\", \"Ship Mode\", \"Customer ID\", \"Customer Name\", \"Segment\","
                    + " \"City\", \"State\", \"Region\", \"Product ID\", \"Category\", \"Sub-Category\","
                    + " \"Product Name\", \"Sales\", \"Quantity\", \"Discount\", \"Profit\")");
            StringBuilder staff = new StringBuilder();
            for (int i = 0; i < STAFF_ROWS; i++) {
                if (staff.length() > 0) {
                    staff.append(",\n");
                }
                String city = i % 5 == 0 ? "NULL" : "'" + List.of("Berlin", "Lisbon", "Toronto").get(i % 3) + "'";
                staff.append(String.format(Locale.ROOT,
                        "(%d, 'Person %d', '%s', '%s', DATE '%s', %s, %d, '%s', %s, %s)",
                        500 + i, i, DEPTS.get(i % 4), TITLES.get(i % 6), LocalDate.of(2012 + i % 10, 1 + i % 12, 1 + i),
                        41000 + i * 5800.5, 22 + (i * 7) % 41, i % 2 == 0 ? "F" : "M", city,
                        1.5 + (i % 8) * 0.5));
            }
            st.execute("CREATE TABLE staff AS SELECT * FROM (VALUES " + staff + ") t(emp_id, full_name, dept,"
                    + " job_title, start_date, annual_salary, age, gender, office_city, rating)");
        }
        return c;
    }

    /** Runs a statement and returns its rows as lists of objects (null stays null). */
    static List<List<Object>> query(Connection c, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
