package datasense.verticles.boards;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated board's rule: which measure, date and category a profile gives, and which questions follow. */
class BoardQuestionsTest {

    private static ColumnProfile column(String name, String type, long distinct) {
        return new ColumnProfile(name, type, 0, distinct, null, null, List.of());
    }

    @Test
    void aShopFileGetsItsCountTotalTrendBreakdownDistributionAndCorrelation() {
        SchemaInfo shop = new SchemaInfo("shop", 500, List.of(
                column("Order ID", "VARCHAR", 500), column("Order Date", "DATE", 300), column("Region", "VARCHAR", 4),
                column("Product", "VARCHAR", 120), column("Sales", "DOUBLE", 480), column("Profit", "DOUBLE", 470),
                column("Quantity", "BIGINT", 9)));
        assertThat(BoardQuestions.of(shop)).containsExactly("number of rows", "total Sales", "total Sales by month of Order Date",
                "total Sales by Region", "distribution of Sales", "correlation of Sales, Profit and Quantity");
    }

    @Test
    void identifiersAndCalendarPartsAreNeverTheMeasureAndWideTextIsNoCategory() {
        SchemaInfo file = new SchemaInfo("t", 1000, List.of(
                column("customerId", "BIGINT", 700), column("row_number", "BIGINT", 1000), column("Year", "BIGINT", 4),
                column("Name", "VARCHAR", 900), column("Units", "BIGINT", 40)));
        assertThat(BoardQuestions.of(file)).containsExactly("number of rows", "total Units", "distribution of Units");
    }

    @Test
    void withoutNumbersTheBoardCountsRowsByTheCategory() {
        SchemaInfo file = new SchemaInfo("t", 50, List.of(column("Status", "VARCHAR", 3), column("When", "TIMESTAMP", 50)));
        assertThat(BoardQuestions.of(file)).containsExactly("number of rows", "number of rows by Status");
    }
}
