package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows counted with a yes/no condition beside another measure ("the number of tours and how many of them were
 * cancelled"): the condition is on that count only. On an invented museum's guided tours: one row per tour.
 */
class ConditionalCountsTest {

    static final SchemaInfo TOURS = new SchemaInfo("guided_tours", 600, List.of(
            Fixtures.col("tour_id", "VARCHAR", 600, List.of("T-001", "T-002")),
            Fixtures.col("guide", "VARCHAR", 9, List.of("Ada Brook", "Lev Stone")),
            Fixtures.col("language", "VARCHAR", 4, List.of("English", "Dutch", "German")),
            new ColumnProfile("booked_at", "TIMESTAMP", 0, 600, "2025-01-02 09:00:00", "2025-08-30 17:00:00", List.of()),
            new ColumnProfile("refunded_on", "DATE", 540, 50, "2025-01-09", "2025-08-30", List.of()),
            Fixtures.num("visitors", "INTEGER", 30, "1", "30"),
            Fixtures.num("minutes_recorded", "INTEGER", 90, "0", "120"),
            Fixtures.num("guide_hours", "DOUBLE", 12, "1", "6"),
            new ColumnProfile("cancelled", "BOOLEAN", 0, 2, null, null, List.of("true", "false"))));

    private static String sql(String q) {
        return DoubtsTest.sql(TOURS, q);
    }

    @Test
    void howManyOfThemIsACountOfItsOwn() {
        assertThat(sql("for each guide, the number of tours and how many of them were cancelled"))
                .contains("COUNT(*) AS", "COUNT(*) FILTER (WHERE \"cancelled\" = TRUE)", "GROUP BY \"guide\"")
                .doesNotContain("WHERE \"cancelled\" = TRUE GROUP");
        assertThat(sql("number of tours and number of cancelled tours by language"))
                .contains("COUNT(*) FILTER (WHERE \"cancelled\" = TRUE)", "GROUP BY \"language\"");
        assertThat(sql("total visitors and the number of cancelled tours per guide"))
                .contains("SUM(\"visitors\")", "COUNT(*) FILTER (WHERE \"cancelled\" = TRUE)");
    }

    @Test
    void theShareOfRowsWithAConditionBesideAnotherMeasureIsTheirRateWithinEachGroup() {
        String sql = sql("For each language give the average number of visitors and the share of tours that were cancelled");
        assertThat(sql).contains("AVG(\"visitors\")", "AVG(CASE WHEN \"cancelled\" = TRUE THEN 1.0", "GROUP BY \"language\"")
                .doesNotContain("WHERE \"cancelled\"", "OVER ()");
        assertThat(DoubtsTest.plan(TOURS, "average visitors and the percentage of tours that were cancelled, by guide")
                .steps().get(0).args().get("sql").asText()).contains("100.0 * AVG(CASE WHEN \"cancelled\" = TRUE");
    }

    @Test
    void aCountAskedAgainCountsAmongTheFirstCountsRows() {
        String sql = sql("In Dutch, how many tours were there and how many have been refunded?");
        assertThat(sql).contains("COUNT(*) FILTER (WHERE \"refunded_on\" IS NOT NULL)", "WHERE \"language\" = 'Dutch'");
    }

    @Test
    void aParticipleAfterTheCountedRowsDescribesThem() {
        assertThat(sql("the number of tours recorded per guide")).contains("COUNT(*)").doesNotContain("SUM(");
        assertThat(sql("how many minutes were recorded per guide")).contains("SUM(\"minutes_recorded\")");
        assertThat(sql("how many tours were recorded in Dutch")).contains("COUNT(*)").doesNotContain("SUM(");
        assertThat(sql("how many guides recorded a tour in Dutch")).contains("COUNT(DISTINCT \"guide\")").doesNotContain("SUM(");
    }

    @Test
    void theHourOfTheDayIsAPartOfTheDateNotAColumnOfHours() {
        assertThat(sql("which hour of the day has the most tours")).contains("hour(\"booked_at\")").doesNotContain("guide_hours");
    }

    @Test
    void aConditionAloneStillSelectsTheRows() {
        assertThat(sql("how many tours were cancelled")).contains("WHERE \"cancelled\" = TRUE").doesNotContain("FILTER");
        assertThat(sql("number of cancelled tours by guide")).contains("WHERE \"cancelled\" = TRUE").doesNotContain("FILTER");
    }
}
