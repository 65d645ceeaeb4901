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

    /**
     * A fleet maintenance log (another domain): one row per work order (unique "Work Order"), vehicles by id,
     * a service date whose latest value anchors relative dates, text dimensions and numeric measures.
     */
    static SchemaInfo fleet() {
        return new SchemaInfo("fleet_log", 400, List.of(
                col("Work Order", "VARCHAR", 400, List.of("WO-0001", "WO-0002")),
                col("Vehicle ID", "VARCHAR", 40, List.of("VH-01", "VH-02")),
                col("Vehicle Type", "VARCHAR", 3, List.of("Truck", "Van", "Forklift")),
                col("Depot", "VARCHAR", 3, List.of("Harbor", "Airport", "Downtown")),
                new ColumnProfile("Service Date", "DATE", 0, 300, "2021-01-04", "2023-06-28", List.of()),
                col("Mechanic", "VARCHAR", 4, List.of("Lee Park", "Sam Ortiz", "Kim Roy", "Ola Berg")),
                col("Fault Category", "VARCHAR", 4, List.of("Brakes", "Engine", "Electrical", "Tyres")),
                num("Labor Hours", "DOUBLE", 100, "0.5", "22"),
                num("Parts Cost", "DOUBLE", 300, "0", "5400"),
                num("Odometer km", "BIGINT", 400, "1000", "410000")));
    }

    /** Fifty columns: a wide export with many measures, dimensions and two dates, for speed and linking. */
    static SchemaInfo wide() {
        List<ColumnProfile> cols = new ArrayList<>();
        cols.add(col("Ticket ID", "VARCHAR", 5000, List.of("T-1")));
        cols.add(new ColumnProfile("Opened At", "TIMESTAMP", 0, 4000, "2020-01-01 08:00:00", "2022-09-14 17:30:00",
                List.of()));
        cols.add(new ColumnProfile("Closed On", "DATE", 10, 3000, "2020-01-02", "2022-09-20", List.of()));
        String[] dims = {"Channel", "Priority", "Team", "Country", "Product Line", "Plan Tier", "Agent",
            "Language", "Device", "Browser", "Queue", "Status", "Source", "Segment", "Partner"};
        for (int i = 0; i < dims.length; i++) {
            List<String> values = new ArrayList<>();
            for (int v = 0; v < 4; v++) {
                values.add(dims[i].split(" ")[0] + " " + (char) ('A' + v));
            }
            cols.add(dims[i].equals("Priority") ? col("Priority", "VARCHAR", 3, List.of("Low", "Medium", "Urgent"))
                    : col(dims[i], "VARCHAR", 4, values));
        }
        String[] measures = {"Handle Time", "Wait Time", "Reopen Count", "Csat Score", "Nps Score", "Refund Amount",
            "Credit Amount", "Messages", "Attachments", "Escalations", "First Reply Minutes", "Resolution Hours",
            "Agent Touches", "Customer Replies", "Word Count", "Sentiment", "Backlog Age", "Sla Breaches",
            "Survey Responses", "Order Value", "Items", "Discount Rate", "Tax", "Shipping Fee", "Margin",
            "Cost", "Revenue", "Units", "Visits", "Clicks", "Bounce Rate", "Session Length"};
        for (String m : measures) {
            cols.add(num(m, "DOUBLE", 500, "0", "100"));
        }
        return new SchemaInfo("tickets", 5000, List.copyOf(cols.subList(0, 50)));
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

    /** The intents of a question over a schema, as the offline planner reads them (no conversation). */
    static List<Intent> intents(SchemaInfo schema, String question) {
        return IntentParser.parse(SchemaLinker.link(question, schema));
    }

    /** The SQL of each filter of the one intent {@code question} is read as. */
    static List<String> where(SchemaInfo schema, String question) {
        return intent(schema, question).filters().stream().map(Filter::sql).toList();
    }

    /** The single intent of a one-clause question. */
    static Intent intent(SchemaInfo schema, String question) {
        List<Intent> all = intents(schema, question);
        if (all.size() != 1) {
            throw new AssertionError("expected one intent for '" + question + "', got " + all);
        }
        return all.get(0);
    }

    /** The whole question as one clause, before any stage has read it. */
    static Clause clause(SchemaInfo schema, String question) {
        LinkedQuestion q = SchemaLinker.link(question, schema);
        return new Clause(q, 0, q.size());
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
