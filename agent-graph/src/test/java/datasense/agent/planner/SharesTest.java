package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import datasense.tools.sql.SqlGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shares of a total: a window over the grouped sum, or a CASE for a filtered part; both pass SqlGuard. */
class SharesTest {

    static final SchemaInfo SHOP = Fixtures.shop();
    static final SchemaInfo FLEET = Fixtures.fleet();

    static String sql(SchemaInfo s, String q) {
        return new SqlWriter(s.table()).aggregate(Fixtures.intent(s, q));
    }

    @Test
    void shareByGroupIsAWindowOverTheGroupedSum() throws Exception {
        String sql = sql(FLEET, "share of parts cost by depot"); // a share is a fraction of 1, percent only when asked
        assertThat(sql).isEqualTo("SELECT \"Depot\", 1.0 * SUM(\"Parts Cost\") / SUM(SUM(\"Parts Cost\")) OVER ()"
                + " AS \"share of total Parts Cost\", SUM(\"Parts Cost\") AS \"total Parts Cost\" FROM \"fleet_log\""
                + " GROUP BY \"Depot\" ORDER BY \"share of total Parts Cost\" DESC NULLS LAST");
        SqlGuard.vet(sql, "fleet_log");
        assertThat(sql(FLEET, "what percentage of labor hours comes from each mechanic"))
                .contains("100.0 * SUM(\"Labor Hours\") / SUM(SUM(\"Labor Hours\")) OVER ()");
        assertThat(sql(FLEET, "proportion of work orders per fault category"))
                .contains("1.0 * COUNT(DISTINCT \"Work Order\") / SUM(COUNT(DISTINCT \"Work Order\")) OVER ()");
    }

    @Test
    void aPercentageNamedAfterAColumnWrittenInPercentIsThatColumn() {
        // invented local elections: turnout kept as "57%" text; "turnout percentage" is the column, no share of it
        SchemaInfo turnout = new SchemaInfo("local_elections", 9, List.of(
                Fixtures.col("Commune", "VARCHAR", 9, List.of("Ardo", "Belvi", "Corte")),
                Fixtures.col("Turnout", "VARCHAR", 7, List.of("57%", "55%", "61%"))));
        assertThat(Fixtures.intent(turnout, "what was the turnout percentage for belvi?").measures())
                .noneMatch(Measure::share);
        // asked as a part of a whole it stays a share
        assertThat(Fixtures.intent(FLEET, "what percentage of labor hours comes from each mechanic").measures())
                .anyMatch(Measure::share);
    }

    @Test
    void shareOfAFilteredPartKeepsEveryRowInTheTotal() throws Exception {
        String sql = sql(FLEET, "what percent of parts cost is at the Harbor depot");
        assertThat(sql).isEqualTo("SELECT 100.0 * SUM(CASE WHEN \"Depot\" = 'Harbor' THEN \"Parts Cost\" END)"
                + " / SUM(\"Parts Cost\") AS \"percent of total Parts Cost\", SUM(CASE WHEN \"Depot\" = 'Harbor' THEN"
                + " \"Parts Cost\" END) AS \"total Parts Cost\" FROM \"fleet_log\"");
        SqlGuard.vet(sql, "fleet_log");
    }

    @Test
    void sharesAddUpToOneOnTheData(@TempDir Path dir) throws Exception {
        try (Connection db = Fixtures.database(dir)) {
            List<List<Object>> rows = Fixtures.query(db, sql(SHOP, "share of sales by category"));
            assertThat(rows).hasSize(3);
            double sum = rows.stream().mapToDouble(r -> ((Number) r.get(1)).doubleValue()).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)); // a share: fractions of 1
            List<List<Object>> part = Fixtures.query(db, sql(SHOP, "what percent of sales come from the West"));
            double west = ((Number) part.get(0).get(0)).doubleValue();
            assertThat(west).isBetween(0.0, 100.0);
        }
    }

    @Test
    void aShareWithNothingToDivideSaysSo() {
        Intent it = Fixtures.intent(FLEET, "share of parts cost");
        assertThat(it.measures()).noneMatch(Measure::share);
        assertThat(it.readings()).anyMatch(r -> r.startsWith("a share needs a grouping"));
    }
}
