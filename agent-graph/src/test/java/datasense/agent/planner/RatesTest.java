package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Cancellation rate", "churn rate": the percent of rows an event happened to, on tables invented for the test. */
class RatesTest {

    static final SchemaInfo BOOKINGS = new SchemaInfo("bookings", 3000, List.of(
            Fixtures.col("channel", "VARCHAR", 3, List.of("Direct", "Booking.com", "Expedia")),
            Fixtures.num("total_amount", "DOUBLE", 2800, "45", "8960"),
            new ColumnProfile("cancelled", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.num("conversion_rate", "DOUBLE", 90, "0", "1")));
    static final SchemaInfo ACCOUNTS = new SchemaInfo("subscriptions", 5000, List.of(
            Fixtures.col("plan", "VARCHAR", 3, List.of("Basic", "Pro", "Enterprise")),
            new ColumnProfile("churn_date", "DATE", 3500, 900, "2021-02-01", "2025-01-31", List.of()),
            Fixtures.num("mrr", "DOUBLE", 3000, "19", "25000")));

    @Test
    void theRateOfAnEventIsThePercentOfRowsItHappenedTo(@TempDir Path dir) throws Exception {
        Intent byChannel = Fixtures.intent(BOOKINGS, "cancellation rate by channel");
        assertThat(byChannel.filters()).as("every row counts, the cancelled ones are the part").isEmpty();
        // a rate is a fraction of 1 unless the question asks for percent
        assertThat(byChannel.measures()).extracting(Measure::sql)
                .containsExactly("1.0 * AVG(CASE WHEN \"cancelled\" = TRUE THEN 1.0 WHEN \"cancelled\" IS NOT NULL THEN 0.0 END)");
        assertThat(Fixtures.intent(BOOKINGS, "cancellation rate by channel in percent").measures()).extracting(Measure::sql)
                .containsExactly("100.0 * AVG(CASE WHEN \"cancelled\" = TRUE THEN 1.0 WHEN \"cancelled\" IS NOT NULL THEN 0.0 END)");
        assertThat(Fixtures.intent(ACCOUNTS, "churn rate per plan").measures()).extracting(Measure::sql)
                .containsExactly("1.0 * AVG(CASE WHEN \"churn_date\" IS NOT NULL THEN 1.0 ELSE 0.0 END)");
        // a column of rates is read as itself
        assertThat(Fixtures.intent(BOOKINGS, "conversion rate by channel").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("AVG conversion_rate");
        assertThat(Rates.sameStem("readmission", "readmitted")).isTrue();
        assertThat(Rates.sameStem("pass", "passed")).isTrue();
        assertThat(Rates.sameStem("cancel", "channel")).isFalse();
        try (Connection db = datasense.tools.sql.DuckDb.open(List.of(dir), datasense.tools.Limits.defaults());
             Statement st = db.createStatement()) {
            st.execute("CREATE TABLE bookings AS SELECT * FROM (VALUES ('Direct', 100.0, true, 0.1), ('Direct', 80.0, false, 0.1),"
                    + " ('Direct', 90.0, false, 0.1), ('Direct', 70.0, false, 0.1), ('Expedia', 50.0, true, 0.2))"
                    + " t(channel, total_amount, cancelled, conversion_rate)");
            String sql = new SqlWriter("bookings").aggregate(Fixtures.intent(BOOKINGS, "what is the cancellation rate for direct bookings?"));
            datasense.tools.sql.SqlGuard.vet(sql, "bookings");
            assertThat(((Number) Fixtures.query(db, sql).get(0).get(0)).doubleValue()).isEqualTo(0.25);
        }
    }

    @Test
    void aShareOfRowsAnEventHappenedToIsItsRateAndWithinGroupsABestGuess() {
        for (String q : List.of("percentage of cancelled bookings", "proportion of bookings cancelled")) {
            Intent overall = Fixtures.intent(BOOKINGS, q);
            assertThat(overall.measures()).as(q).extracting(Measure::describe) // not the cancelled rows listed
                    .contains(q.startsWith("percentage") ? "Share of count of rows (%)" : "Share of count of rows");
        }
        // the event said of the counted rows: each channel's own rate
        Intent said = Fixtures.intent(BOOKINGS, "what share of bookings were cancelled in each channel");
        assertThat(said.filters()).isEmpty();
        assertThat(said.measures()).extracting(Measure::sql)
                .containsExactly("1.0 * AVG(CASE WHEN \"cancelled\" = TRUE THEN 1.0 WHEN \"cancelled\" IS NOT NULL THEN 0.0 END)");
        assertThat(said.groups()).extracting(g -> g.column().name()).containsExactly("channel");
        // the event before the rows: each channel's part of all the cancelled bookings; both doubted
        Intent before = Fixtures.intent(BOOKINGS, "percentage of cancelled bookings by channel");
        assertThat(before.filters()).extracting(f -> f.column().name()).containsExactly("cancelled");
        for (Intent it : List.of(said, before)) {
            assertThat(it.readings()).anyMatch(r -> r.startsWith(Clause.BEST_GUESS) && r.contains("as likely"));
        }
        assertThat(Fixtures.intent(BOOKINGS, "share of bookings by channel").readings())
                .noneMatch(r -> r.startsWith(Clause.BEST_GUESS));
    }
}
