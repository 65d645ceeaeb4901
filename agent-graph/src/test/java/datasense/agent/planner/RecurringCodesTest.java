package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A "number" shared by many rows, each at a moment of its own, is a recurring code (a timetable's service number):
 * the things counted are the rows. A number whose rows share their time (an order's lines) stays one thing each.
 * On an invented coach company's departures and a stationer's order lines.
 */
class RecurringCodesTest {

    static final SchemaInfo DEPARTURES = new SchemaInfo("coach_departures", 360, List.of(
            Fixtures.col("service_number", "VARCHAR", 12, List.of("X12", "X40")),
            Fixtures.col("operator", "VARCHAR", 3, List.of("Redline", "Bluebird")),
            new ColumnProfile("departed_at", "TIMESTAMP", 0, 360, "2025-02-01 06:00:00", "2025-03-31 22:00:00", List.of()),
            Fixtures.num("riders", "INTEGER", 50, "0", "60")));

    static final SchemaInfo LINES = new SchemaInfo("stationery_order_lines", 900, List.of(
            Fixtures.col("order_number", "VARCHAR", 120, List.of("SO-1001", "SO-1002")),
            Fixtures.col("item", "VARCHAR", 40, List.of("Pencil", "Folder")),
            new ColumnProfile("ordered_at", "TIMESTAMP", 0, 120, "2025-02-01 09:00:00", "2025-03-31 17:00:00", List.of()),
            Fixtures.num("quantity", "INTEGER", 10, "1", "10")));

    @Test
    void aCodeEachRowRepeatsAtItsOwnTimeCountsTheRows() {
        assertThat(DoubtsTest.sql(DEPARTURES, "how many services did each operator run"))
                .contains("COUNT(*)").doesNotContain("DISTINCT");
        assertThat(DoubtsTest.sql(DEPARTURES, "how many different service numbers are there")).contains("COUNT(DISTINCT");
    }

    @Test
    void aNumberWhoseRowsShareTheirTimeIsOneThingEach() {
        assertThat(DoubtsTest.sql(LINES, "how many orders were placed")).contains("COUNT(DISTINCT \"order_number\")");
    }
}
