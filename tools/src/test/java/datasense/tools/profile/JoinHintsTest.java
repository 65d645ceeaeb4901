package datasense.tools.profile;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.Limits;
import datasense.tools.sql.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tables the test writes, orders and customers: orders.customer_id matches customers' key id, and 8
 * of orders' 10 customer ids are customers (the name matches as "customer" + "id"). The page of
 * the profile names the hint and fetches nothing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JoinHintsTest {

    @TempDir
    Path dir;

    @Test
    void aForeignKeyColumnIsHintedWithItsOverlap() throws Exception {
        Path orders = dir.resolve("orders.parquet");
        Path customers = dir.resolve("customers.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS order_id, i % 10 AS customer_id, i * 1.5 AS amount FROM range(100) r(i)) TO '" + orders + "' (FORMAT parquet)");
            st.execute("COPY (SELECT i AS id, 'name' || i AS name, ['a','b'][1 + i % 2] AS segment FROM range(2, 12) r(i)) TO '"
                    + customers + "' (FORMAT parquet)");
            TableProfiler profiler = new TableProfiler();
            TableProfile o = profiler.profile(db, orders, "orders");
            TableProfile c = profiler.profile(db, customers, "customers");
            assertThat(o.candidateKeys()).containsExactly(List.of("order_id"));
            assertThat(c.candidateKeys()).contains(List.of("id"), List.of("name"));

            List<JoinHints.Hint> hints = new JoinHints().find(db, List.of(
                    new JoinHints.Table("f_orders", "orders.csv", orders, o),
                    new JoinHints.Table("f_customers", "customers.csv", customers, c)), List.of());
            assertThat(hints).hasSize(1);
            JoinHints.Hint hint = hints.get(0);
            assertThat(hint.column()).isEqualTo("customer_id");
            assertThat(hint.otherKey()).isEqualTo("id");
            assertThat(hint.otherFileId()).isEqualTo("f_customers");
            // customer ids 0..9, customers 2..11: 8 of 10 found
            assertThat(hint.distinct()).isEqualTo(10);
            assertThat(hint.matched()).isEqualTo(8);
            assertThat(hint.overlap()).isEqualTo(80.0);
            assertThat(JoinHints.markdown(hints)).contains("| orders.csv (`f_orders`) | `customer_id` |", "| 80.0% |");

            // measured once: a refresh with nothing new reads no file (none is at hand) and keeps the hint, named anew
            List<JoinHints.Table> again = List.of(new JoinHints.Table("f_orders", "orders-2024.csv", null, o),
                    new JoinHints.Table("f_customers", "customers.csv", null, c));
            assertThat(JoinHints.involved(again, hints)).isEmpty();
            assertThat(JoinHints.involved(again, List.of())).containsExactlyInAnyOrder("f_orders", "f_customers");
            List<JoinHints.Hint> kept = new JoinHints().find(db, again, hints);
            assertThat(kept).singleElement().satisfies(h -> {
                assertThat(h.name()).isEqualTo("orders-2024.csv");
                assertThat(h.matched()).isEqualTo(8);
            });

            String page = ProfilePage.html("orders.csv", o, hints);
            assertThat(page).contains("customers.csv.<code>id</code>", "80.0% (8 of 10", "<svg")
                    .doesNotContainPattern("(?i)<script|<link|src=|@import|url\\(|https?://(?!www\\.w3\\.org/2000/svg)");
        }
    }

    @Test
    void namesMatchWhenEqualOrTablePlusKey() {
        assertThat(JoinHints.namesMatch("Customer ID", "customer_id", "x")).isTrue();
        assertThat(JoinHints.namesMatch("customer_id", "id", "customers")).isTrue();
        assertThat(JoinHints.namesMatch("category_id", "id", "categories")).isTrue();
        assertThat(JoinHints.namesMatch("amount", "id", "customers")).isFalse();
    }

    @Test
    void twoColumnsThatNumberTheirRowsAreNoJoin() throws Exception {
        // a weigh-in's line_id 1..300 and a tutoring table's line_id 1..200 share every value and join nothing
        Path weighins = dir.resolve("weighins.parquet");
        Path lessons = dir.resolve("lessons.parquet");
        try (Connection db = DuckDb.open(List.of(dir), new Limits(0, 0, 0, "1GB", 2)); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS line_id, i * 2.5 AS net_kg FROM range(1, 301) r(i)) TO '" + weighins + "' (FORMAT parquet)");
            st.execute("COPY (SELECT i AS line_id, i % 7 AS tutor_no FROM range(1, 201) r(i)) TO '" + lessons + "' (FORMAT parquet)");
            TableProfiler profiler = new TableProfiler();
            List<JoinHints.Hint> hints = new JoinHints().find(db, List.of(
                    new JoinHints.Table("f_w", "weighins.csv", weighins, profiler.profile(db, weighins, "weighins")),
                    new JoinHints.Table("f_l", "lessons.csv", lessons, profiler.profile(db, lessons, "lessons"))), List.of());
            assertThat(hints).isEmpty();
        }
    }
}
