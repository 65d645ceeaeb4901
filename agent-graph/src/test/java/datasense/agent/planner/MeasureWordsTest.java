package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measure behind the words, on an invented bakery's order lines (several lines per order, a quantity, a
 * unit price and a line value): goods named by a value and sold are units, different items ordered may be
 * units, the money words name the value column, and "average number of X per Y" is one average of counts.
 */
class MeasureWordsTest {

    static final SchemaInfo BAKERY = new SchemaInfo("bakery_order_lines", 1200, List.of(
            Fixtures.col("order_no", "VARCHAR", 400, List.of("B-1001", "B-1002")),
            Fixtures.col("customer", "VARCHAR", 90, List.of("Cafe Lune", "Mrs Patel")),
            Fixtures.col("item", "VARCHAR", 25, List.of("Sourdough", "Croissant", "Rye loaf")),
            Fixtures.col("shop", "VARCHAR", 3, List.of("Old Town", "Quay", "Market")),
            new ColumnProfile("ordered_at", "TIMESTAMP", 0, 400, "2024-01-02 07:00:00", "2024-12-30 18:00:00",
                    List.of()),
            Fixtures.num("qty", "BIGINT", 12, "1", "40"),
            Fixtures.num("unit_price", "DOUBLE", 25, "0.9", "6.5"),
            Fixtures.num("line_value", "DOUBLE", 600, "0.9", "260")));

    static Plan plan(String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, BAKERY, List.of(), null));
    }

    @Test
    void ratingsCountedAreTheRowsWithOneAndSpendingIsWhatWasPaid() {
        // a spa's treatments: a rating from 1 to 5 left by some guests, and the price each guest paid
        SchemaInfo spa = new SchemaInfo("spa_treatments", 400, List.of(
                Fixtures.col("treatment_id", "VARCHAR", 400, List.of("T-1", "T-2")),
                Fixtures.col("guest_id", "VARCHAR", 120, List.of("G-10", "G-11")),
                Fixtures.col("therapist", "VARCHAR", 6, List.of("Ines", "Marek")),
                new ColumnProfile("rating", "BIGINT", 150, 5, "1", "5", List.of()),
                Fixtures.num("amount_paid", "DOUBLE", 60, "0", "180")));
        String ratings = new OfflinePlanner().planNow(new PlanRequest("how many ratings have we received", spa, List.of(),
                null)).steps().get(0).args().get("sql").asText();
        assertThat(ratings).contains("COUNT(\"rating\")").doesNotContain("DISTINCT").doesNotContain("SUM");
        String scale = new OfflinePlanner().planNow(new PlanRequest("how many different ratings are there", spa, List.of(),
                null)).steps().get(0).args().get("sql").asText();
        assertThat(scale).contains("COUNT(DISTINCT \"rating\")");
        String spent = new OfflinePlanner().planNow(new PlanRequest("which guest has spent the most with us", spa, List.of(),
                null)).steps().get(0).args().get("sql").asText();
        assertThat(spent).contains("SUM(\"amount_paid\")").contains("GROUP BY \"guest_id\"");
    }

    @Test
    void payingUsIsTheMoneyChargedNotAColumnSayingHowItWasPaid() {
        // a repair shop's jobs: what each was charged, and a yes/no column saying only how it was paid
        SchemaInfo jobs = new SchemaInfo("repair_jobs", 300, List.of(
                Fixtures.col("job_no", "VARCHAR", 300, List.of("J-1", "J-2")),
                Fixtures.col("customer", "VARCHAR", 80, List.of("Ada", "Bo")),
                Fixtures.num("labour_hours", "DOUBLE", 40, "0.5", "12"),
                Fixtures.num("total_charge", "DOUBLE", 280, "20", "900"),
                new ColumnProfile("paid_by_card", "BOOLEAN", 0, 2, "false", "true", List.of())));
        for (String q : List.of("which customer has paid us the most", "how much did each customer pay")) {
            String sql = new OfflinePlanner().planNow(new PlanRequest(q, jobs, List.of(), null)).steps().get(0).args()
                    .get("sql").asText();
            assertThat(sql).as(q).contains("SUM(\"total_charge\")").contains("GROUP BY \"customer\"")
                    .doesNotContain("paid_by_card");
        }
        // a column named for what was paid is that column, whatever else is charged
        SchemaInfo claims = new SchemaInfo("claims", 300, List.of(
                Fixtures.col("claim_no", "VARCHAR", 300, List.of("C-1", "C-2")),
                Fixtures.num("amount_claimed", "DOUBLE", 280, "100", "9000"),
                Fixtures.num("amount_paid", "DOUBLE", 250, "0", "8000")));
        assertThat(new OfflinePlanner().planNow(new PlanRequest("how much have we paid out in total", claims, List.of(),
                null)).steps().get(0).args().get("sql").asText()).contains("SUM(\"amount_paid\")");
        // the column named in full is the condition it always was
        String byCard = new OfflinePlanner().planNow(new PlanRequest("how many jobs were paid by card", jobs, List.of(),
                null)).steps().get(0).args().get("sql").asText();
        assertThat(byCard).contains("COUNT(*)").contains("\"paid_by_card\" = TRUE");
    }

    @Test
    void goodsNamedByAValueAndSoldAreUnits() {
        Intent it = Fixtures.intent(BAKERY, "how many croissants were sold");
        assertThat(it.measures()).containsExactly(new Measure(Agg.SUM, BAKERY.columns().get(5)));
        assertThat(it.filters()).extracting(Filter::sql).containsExactly("\"item\" = 'Croissant'");
        assertThat(it.unexplained()).isEmpty();
    }

    @Test
    void differentItemsOrderedMayBeUnits() {
        Plan p = plan("how many items were ordered at the Quay shop");
        assertThat(p.isBestGuess()).isTrue();
        assertThat(p.interpretation()).contains("it may mean the units, qty added up");
        assertThat(plan("how many different items are there").isBestGuess()).isFalse();
    }

    @Test
    void moneyWordsNameTheValueColumnBeforeAUnitPrice() {
        for (String q : List.of("revenue per customer per month", "sales by day of week", "top 3 customers by spend",
                "which item brings in the most money")) {
            assertThat(Fixtures.intents(BAKERY, q).get(0).measures()).as(q)
                    .allMatch(m -> m.column() != null && m.column().name().equals("line_value"));
        }
    }

    @Test
    void anAverageNumberPerSomethingIsOneAverageOfCounts() {
        Intent it = Fixtures.intent(BAKERY, "average number of items per order");
        assertThat(it.groups()).isEmpty();
        assertThat(it.measures()).hasSize(1);
        assertThat(it.measures().get(0).derived()).isEqualTo(Measure.Derived.PERIOD_AVERAGE);
        assertThat(it.measures().get(0).other().name()).isEqualTo("order_no");
        // a count per group stays one: "number of items per order" lists each order's count
        assertThat(Fixtures.intent(BAKERY, "number of items per order").groups()).hasSize(1);
    }

    @Test
    void theNounANameEndsWithNamesItBeforeANameItBegins() {
        SchemaInfo health = new SchemaInfo("health_staff", 11, List.of(
                Fixtures.col("Region", "VARCHAR", 11, List.of("Afar", "Amhara", "Tigray")),
                Fixtures.col("Nurse : Population Ratio", "VARCHAR", 11, List.of("1:5,222", "1:4,017")),
                Fixtures.num("All Nurses", "BIGINT", 11, "90", "5200")));
        Intent nurses = Fixtures.intent(health, "what number of nurses are in Afar?");
        assertThat(nurses.measures()).extracting(m -> m.column().name()).containsExactly("All Nurses");
        SchemaInfo prices = new SchemaInfo("catalogue", 50, List.of(
                Fixtures.col("Price Tier", "VARCHAR", 3, List.of("Low", "Mid", "High")),
                Fixtures.num("Unit Price", "DOUBLE", 50, "1", "90")));
        assertThat(Fixtures.intent(prices, "average price").measures()).extracting(m -> m.column().name())
                .containsExactly("Unit Price");
    }

    @Test
    void verbsOfEarningAndSpendingNameTheMoney() {
        Intent earns = Fixtures.intent(Fixtures.staff(), "who earns the most in sales?");
        assertThat(earns.columns()).extracting(c -> c.name()).containsExactly("full_name", "annual_salary");
        assertThat(earns.limit()).isEqualTo(1);
        Intent spends = Fixtures.intent(Fixtures.fleet(), "which depot spends the most on parts?");
        assertThat(spends.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Parts Cost");
    }

    /** Hotel bookings: how many guests came (a count) beside who booked (a name). */
    static final SchemaInfo BOOKINGS = new SchemaInfo("bookings", 3000, List.of(
            Fixtures.col("guest_name", "VARCHAR", 2100, List.of("Ana Ruiz", "Bo Lind")),
            Fixtures.col("country", "VARCHAR", 12, List.of("Spain", "Japan")),
            Fixtures.col("room_type", "VARCHAR", 4, List.of("Single", "Double", "Suite", "Family")),
            Fixtures.num("nights", "BIGINT", 14, "1", "14"),
            Fixtures.num("guests", "BIGINT", 6, "1", "6")));

    @Test
    void aNounNamingACountAndANameColumnIsTheNamesWhereThingsAreAsked() {
        Intent distinct = Fixtures.intent(BOOKINGS, "how many distinct guests booked a family room?");
        assertThat(distinct.measures()).extracting(m -> m.agg() + " " + m.column().name())
                .containsExactly("COUNT_DISTINCT guest_name");
        assertThat(Fixtures.intent(BOOKINGS, "list guests from Japan who stayed more than 5 nights").columns())
                .extracting(ColumnProfile::name).containsExactly("guest_name");
        // how many came: the count column added up
        assertThat(Fixtures.intent(BOOKINGS, "how many guests stayed in suites?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM guests");
    }

    @Test
    void whatAUnitMeasuresNamesTheColumnWrittenInIt() {
        SchemaInfo meters = new SchemaInfo("meter_readings", 8760, List.of(
                Fixtures.col("site", "VARCHAR", 5, List.of("Depot", "Office", "Plant A")),
                new ColumnProfile("reading_time", "TIMESTAMP", 0, 8760, "2023-01-01 00:00:00", "2023-12-31 23:00:00", List.of()),
                Fixtures.num("kwh", "DOUBLE", 5000, "0", "480"),
                Fixtures.num("cost", "DOUBLE", 6000, "0", "190")));
        assertThat(Fixtures.intent(meters, "which site used the most energy?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM kwh");
        assertThat(Fixtures.where(meters, "readings with zero kwh")).containsExactly("\"kwh\" = 0");
        // "per reading" on a table of readings: each row, not the reading_time column
        Intent perReading = Fixtures.intent(meters, "average kwh per reading");
        assertThat(perReading.groups()).isEmpty();
        assertThat(perReading.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("AVG kwh");
        // "average cost per kWh": all the cost over all the kWh
        assertThat(Fixtures.intent(meters, "average cost per kwh by site").measures()).extracting(Measure::sql)
                .containsExactly("SUM(\"cost\") / NULLIF(SUM(\"kwh\"), 0)");
    }

    @Test
    void aNounAfterAValueSaysWhatItIsAndBusiestCountsRows() {
        SchemaInfo loans = new SchemaInfo("library_loans", 20000, List.of(
                Fixtures.col("member_name", "VARCHAR", 3000, List.of("Ana Ruiz", "Bo Lind")),
                Fixtures.col("branch", "VARCHAR", 4, List.of("Central", "Riverside", "Hillview", "Docklands")),
                Fixtures.col("book_title", "VARCHAR", 8000, List.of("Dune", "Emma")),
                Fixtures.col("genre", "VARCHAR", 5, List.of("Fiction", "History", "Crime")),
                Fixtures.num("late_fee", "DOUBLE", 300, "0", "45")));
        Intent crime = Fixtures.intent(loans, "how many different members borrowed crime books?");
        assertThat(crime.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("COUNT_DISTINCT member_name");
        assertThat(crime.filters()).extracting(Filter::sql).containsExactly("\"genre\" = 'Crime'");
        Intent busiest = Fixtures.intent(loans, "busiest branch");
        assertThat(busiest.measures()).extracting(m -> m.agg() + " " + (m.column() == null ? "rows" : m.column().name()))
                .containsExactly("COUNT rows");
        assertThat(busiest.limit()).isEqualTo(1);
    }

    @Test
    void anAmountQualifyingTheNextIsNotASecondMeasure() {
        SchemaInfo regatta = new SchemaInfo("regatta_medals", 12, List.of(
                Fixtures.col("Club", "VARCHAR", 12, List.of("Harbour RC", "Lakeside SC")),
                Fixtures.num("Silver", "BIGINT", 5, "0", "6"),
                Fixtures.num("Bronze", "BIGINT", 5, "0", "7"),
                Fixtures.num("Total", "BIGINT", 9, "1", "15")));
        assertThat(Fixtures.intent(regatta, "how many total silver medal were won?").measures())
                .extracting(m -> m.agg() + " " + (m.column() == null ? "rows" : m.column().name()))
                .containsExactly("SUM Silver");
    }

    @Test
    void revenueOverPricesOfOneSaleARowAndVisitorsOverAGroupSize() {
        SchemaInfo tickets = new SchemaInfo("aquarium_tickets", 500, List.of(
                Fixtures.col("ticket_id", "VARCHAR", 500, List.of("AQ-0001", "AQ-0002")),
                Fixtures.col("ticket_type", "VARCHAR", 5, List.of("Adult", "Child", "Family", "Member", "Senior")),
                Fixtures.col("channel", "VARCHAR", 3, List.of("online", "desk", "partner")),
                Fixtures.num("price_eur", "DOUBLE", 9, "0", "42"),
                Fixtures.num("group_size", "BIGINT", 6, "1", "6")));
        assertThat(DoubtsTest.sql(tickets, "revenue per ticket type")).contains("SUM(\"price_eur\")")
                .contains("GROUP BY \"ticket_type\"");
        assertThat(DoubtsTest.sql(tickets, "how many visitors came through the partner channel?"))
                .contains("SUM(\"group_size\")").contains("'partner'");
        // "sales" before a column's noun qualifies it: the visitors by channel, no money
        assertThat(DoubtsTest.sql(tickets, "number of visitors by sales channel")).contains("SUM(\"group_size\")")
                .doesNotContain("price_eur");
    }
}
