package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.JoinableTable;
import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Questions that need a second table, on invented schemas of two domains (a shop's orders and its customers; a
 * ride service's trips and its drivers): the join along the best hint is chosen when a needed column lives only in
 * the other file, and not when the asked file has the column, when no hint joins the files, or when the question
 * needs nothing of the other file. The interpretation names the join and how well the keys matched, and
 * confidence follows the overlap.
 */
class JoinsTest {

    private final OfflinePlanner planner = new OfflinePlanner();

    private static ColumnProfile text(String name, long distinct, List<String> values) {
        return new ColumnProfile(name, "VARCHAR", 0, distinct, null, null, values);
    }

    private static ColumnProfile number(String name, String type, long distinct, String min, String max) {
        return new ColumnProfile(name, type, 0, distinct, min, max, List.of());
    }

    static SchemaInfo orders(ColumnProfile... extra) {
        List<ColumnProfile> cols = new java.util.ArrayList<>(List.of(
                number("order_id", "BIGINT", 12, "1", "12"),
                text("customer_id", 4, List.of("C1", "C2", "C3", "C9")),
                number("sales", "DOUBLE", 12, "10.0", "120.0"),
                new ColumnProfile("order_date", "DATE", 0, 12, "2024-01-01", "2024-12-01", List.of())));
        cols.addAll(List.of(extra));
        return new SchemaInfo("orders", 12, cols);
    }

    static SchemaInfo customers() {
        return new SchemaInfo("customers", 3, List.of(
                text("customer_id", 3, List.of("C1", "C2", "C3")),
                text("segment", 2, List.of("Consumer", "Corporate")),
                text("region", 2, List.of("East", "West"))));
    }

    static JoinableTable customersHint(String fileId, double overlap, String createdAt) {
        return new JoinableTable(fileId, "customers.csv", "customers", "customer_id", "customer_id", 4,
                Math.round(4 * overlap / 100), overlap, createdAt, customers());
    }

    static SchemaInfo trips() {
        return new SchemaInfo("trips", 40, List.of(
                number("trip_id", "BIGINT", 40, "1", "40"),
                number("driver_id", "BIGINT", 8, "100", "107"),
                number("fare", "DOUBLE", 40, "4.5", "61.0"),
                number("distance_km", "DOUBLE", 40, "0.8", "30.0"),
                new ColumnProfile("started_at", "TIMESTAMP", 0, 40, "2024-03-01 07:00:00", "2024-03-09 23:10:00", List.of())));
    }

    static SchemaInfo drivers() {
        return new SchemaInfo("drivers", 8, List.of(
                number("id", "BIGINT", 8, "100", "107"),
                text("vehicle_type", 3, List.of("Sedan", "SUV", "Van")),
                text("home_city", 2, List.of("Lyon", "Nantes")),
                number("years_licensed", "BIGINT", 8, "1", "22")));
    }

    static JoinableTable driversHint(double overlap) {
        return new JoinableTable("f_drivers", "drivers.csv", "drivers", "driver_id", "id", 8, Math.round(8 * overlap / 100),
                overlap, "2026-12-01T10:00:00Z", drivers());
    }

    private Plan plan(String question, SchemaInfo schema, JoinableTable... joinable) {
        return planner.planNow(new PlanRequest(question, schema, List.of(), null, List.of(joinable)));
    }

    private static String firstSql(Plan plan) {
        return plan.steps().stream().filter(s -> s.tool().equals("sql_executor")).map(s -> s.args().get("sql").asText())
                .findFirst().orElseThrow();
    }

    @Test
    void salesBySegmentJoinsCustomersOnCustomerIdAndSaysHowWellTheKeysMatched() throws Exception {
        for (String question : List.of("total sales by customer segment", "sales by segment", "Total sales by segment")) {
            Plan plan = plan(question, orders(), customersHint("f_customers", 75, "2026-12-01T10:00:00Z"),
                    customersHint("f_customers_2", 100, "2026-12-02T10:00:00Z"));
            assertThat(plan.joins()).as(question).hasSize(1);
            assertThat(plan.joins().get(0).fileId()).isEqualTo("f_customers_2"); // the higher overlap
            assertThat(plan.joins().get(0).table()).isEqualTo("customers");
            String sql = firstSql(plan);
            assertThat(sql).startsWith("WITH \"orders_customers\" AS (SELECT \"orders\".*, \"customers\".\"segment\", "
                    + "\"customers\".\"region\" FROM \"orders\" LEFT JOIN \"customers\" ON \"orders\".\"customer_id\" = "
                    + "\"customers\".\"customer_id\")");
            assertThat(sql).contains("\"segment\"").contains("SUM(\"sales\")").contains("GROUP BY");
            assertThat(plan.interpretation()).as(question)
                    .contains("joined customers on customer_id: 100% of orders' customer_id values found in customers");
            assertThat(plan.confidence()).as(question).isEqualTo(1.0);
            assertThat(plan.steps()).extracting(PlanStep::tool).contains("chart");
        }
    }

    @Test
    void theJoinedSqlComputesTheTotalsOfAJoinDoneByHand() throws Exception {
        Plan plan = plan("total sales by segment", orders(), customersHint("f_customers", 75, "2026-12-01T10:00:00Z"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE orders AS SELECT i AS order_id, ['C1', 'C2', 'C3', 'C9'][1 + i % 4] AS customer_id,"
                    + " 10.0 * (i + 1) AS sales, DATE '2024-01-01' + INTERVAL (i) MONTH AS order_date FROM range(12) r(i)");
            st.execute("CREATE TABLE customers AS SELECT * FROM (VALUES ('C1', 'Consumer', 'East'), ('C2', 'Corporate', 'West'),"
                    + " ('C3', 'Consumer', 'West')) v(customer_id, segment, region)");
            Map<String, Double> got = new HashMap<>();
            try (ResultSet rs = st.executeQuery(firstSql(plan))) {
                while (rs.next()) {
                    got.put(String.valueOf(rs.getString(1)), rs.getDouble(2));
                }
            }
            Map<String, Double> byHand = new HashMap<>();
            String[] ids = {"C1", "C2", "C3", "C9"};
            Map<String, String> segment = Map.of("C1", "Consumer", "C2", "Corporate", "C3", "Consumer");
            for (int i = 0; i < 12; i++) {
                byHand.merge(String.valueOf(segment.get(ids[i % 4])), 10.0 * (i + 1), Double::sum);
            }
            assertThat(got).isEqualTo(byHand); // C9 is in no customer: its orders count under a missing segment
        }
        // 75% of the ids found: a best guess that says why
        assertThat(plan.confidence()).isLessThanOrEqualTo(0.6);
        assertThat(plan.isBestGuess()).isTrue();
        assertThat(plan.interpretation()).contains("75% of orders' customer_id values found in customers")
                .contains("low overlap");
    }

    @Test
    void aHighButIncompleteOverlapLowersConfidenceByTheShareMissing() {
        Plan plan = plan("sales by segment", orders(), customersHint("f_customers", 98, null));
        assertThat(plan.joins()).hasSize(1);
        assertThat(plan.confidence()).isEqualTo(0.98);
        assertThat(plan.isBestGuess()).isFalse();
        assertThat(plan.interpretation()).contains("98% of orders' customer_id values found in customers")
                .doesNotContain("low overlap");
    }

    @Test
    void noJoinWhenTheAskedFileHasTheColumnItself() {
        Plan plan = plan("total sales by segment", orders(text("segment", 2, List.of("Retail", "Wholesale"))),
                customersHint("f_customers", 100, null));
        assertThat(plan.joins()).isEmpty();
        assertThat(firstSql(plan)).doesNotContain("customers").doesNotStartWith("WITH");
        assertThat(plan.confidence()).isEqualTo(1.0);
    }

    @Test
    void noJoinWithoutAHint() {
        Plan plan = plan("total sales by segment", orders());
        assertThat(plan.joins()).isEmpty();
        assertThat(plan.steps().stream().map(s -> String.valueOf(s.args().get("sql"))).toList())
                .noneMatch(sql -> sql.contains("customers"));
        assertThat(plan.confidence()).isLessThan(1.0);
    }

    @Test
    void noJoinWhenTheQuestionNeedsNothingOfTheOtherFile() {
        Plan plan = plan("total sales by month", orders(), customersHint("f_customers", 100, null));
        assertThat(plan.joins()).isEmpty();
        assertThat(plan.confidence()).isEqualTo(1.0);
    }

    @Test
    void tiedOverlapsGoToTheColumnNamedAsTheKeyThenToTheNewestVersion() {
        List<JoinableTable> ranked = Joins.ranked(List.of(
                customersHint("f_old", 100, "2026-12-01T10:00:00Z"),
                customersHint("f_new", 100, "2026-12-03T10:00:00Z"),
                new JoinableTable("f_other", "clients.csv", "clients", "customer_id", "id", 4, 4, 100,
                        "2026-12-04T10:00:00Z", customers())), orders());
        // clients has no "id" column: not joinable; of the two versions of customers, the newest first
        assertThat(ranked).extracting(JoinableTable::fileId).containsExactly("f_new", "f_old");
        Plan plan = plan("sales by segment", orders(), customersHint("f_old", 100, "2026-12-01T10:00:00Z"),
                customersHint("f_new", 100, "2026-12-03T10:00:00Z"));
        assertThat(plan.joins()).extracting(j -> j.fileId()).containsExactly("f_new");
    }

    @Test
    void averageFareByVehicleTypeJoinsDriversOnTheirId() {
        Plan plan = plan("average fare by vehicle type", trips(), driversHint(100));
        assertThat(plan.joins()).hasSize(1);
        String sql = firstSql(plan);
        assertThat(sql).startsWith("WITH \"trips_drivers\" AS (SELECT \"trips\".*, \"drivers\".\"vehicle_type\", "
                + "\"drivers\".\"home_city\", \"drivers\".\"years_licensed\" FROM \"trips\" LEFT JOIN \"drivers\" ON "
                + "\"trips\".\"driver_id\" = \"drivers\".\"id\")");
        assertThat(sql).contains("AVG(\"fare\")").contains("GROUP BY \"vehicle_type\"");
        assertThat(plan.interpretation())
                .contains("joined drivers on driver_id = drivers.id: 100% of trips' driver_id values found in drivers");
        assertThat(plan.confidence()).isEqualTo(1.0);
    }

    @Test
    void tripsQuestionsOfTheirOwnColumnsStayUnjoined() {
        assertThat(plan("average fare by day", trips(), driversHint(100)).joins()).isEmpty();
        assertThat(plan("total distance_km", trips(), driversHint(100)).joins()).isEmpty();
    }

    @Test
    void aJoinedColumnAToolOtherThanSqlWouldNeedIsNotJoined() {
        // a distribution is drawn by distribution_plot over the asked file alone: it cannot read years_licensed
        Plan plan = plan("distribution of years licensed", trips(), driversHint(100));
        assertThat(plan.joins()).isEmpty();
        assertThat(plan.steps()).noneMatch(s -> s.args().toString().contains("years_licensed"));
    }
}
