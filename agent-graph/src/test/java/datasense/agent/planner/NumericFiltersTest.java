package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import org.junit.jupiter.api.Test;

/** Comparisons with numbers and sign words. */
class NumericFiltersTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo SHOP = Fixtures.shop();

    static String where(SchemaInfo s, String q) {
        Clause c = Fixtures.clause(s, q);
        NumericFilters.comparisons(c);
        NumericFilters.signs(c);
        return SqlWriter.where(c.filters);
    }

    @Test
    void comparisonWords() {
        assertThat(where(FLEET, "jobs with labor hours above 4")).isEqualTo(" WHERE \"Labor Hours\" > 4");
        assertThat(where(FLEET, "jobs with at least 2 labor hours")).isEqualTo(" WHERE \"Labor Hours\" >= 2");
        assertThat(where(FLEET, "parts cost under 150")).isEqualTo(" WHERE \"Parts Cost\" < 150");
        assertThat(where(FLEET, "odometer km no more than 90,000")).isEqualTo(" WHERE \"Odometer km\" <= 90000");
        assertThat(where(FLEET, "parts cost between 10 and 20.5"))
                .isEqualTo(" WHERE \"Parts Cost\" BETWEEN 10 AND 20.5");
        assertThat(where(SHOP, "orders with a discount greater than 0.25")).isEqualTo(" WHERE \"Discount\" > 0.25");
    }

    @Test
    void percentOfAFractionColumnIsScaled() {
        assertThat(where(SHOP, "rows with discount over 30%")).isEqualTo(" WHERE \"Discount\" > 0.30");
    }

    @Test
    void signWords() {
        assertThat(where(SHOP, "count of orders with negative profit")).isEqualTo(" WHERE \"Profit\" < 0");
        assertThat(where(SHOP, "unprofitable orders by region")).isEqualTo(" WHERE \"Profit\" < 0");
    }

    @Test
    void aNumberWithoutANumericColumnIsAGuessSaidAsOne() {
        datasense.agent.Plan p = new OfflinePlanner().planNow(new datasense.agent.PlanRequest("depots above 3", FLEET,
                java.util.List.of(), null));
        assertThat(p.notes()).anyMatch(n -> n.startsWith(Clause.BEST_GUESS) && n.contains("'above 3' names no column"));
        assertThat(p.isBestGuess()).isTrue();
    }

    @Test
    void comparativesUnitsLossesAndAlternatives() {
        assertThat(where(FLEET, "work orders with labor hours over 5 hours")).isEqualTo(" WHERE \"Labor Hours\" > 5");
        assertThat(where(SHOP, "orders that made a loss of over 500")).isEqualTo(" WHERE \"Profit\" < -500");
        assertThat(where(Fixtures.staff(), "staff older than 60 or younger than 25"))
                .isEqualTo(" WHERE (\"age\" > 60 OR \"age\" < 25)");
        assertThat(where(SHOP, "orders with sales above the average sales"))
                .isEqualTo(" WHERE \"Sales\" > (SELECT AVG(\"Sales\") FROM \"shop_orders\")");
    }

    /** Parcel deliveries: a distance in km, a weight in kg, a price. */
    static final SchemaInfo PARCELS = new SchemaInfo("parcels", 300, java.util.List.of(
            Fixtures.col("parcel_ref", "VARCHAR", 300, java.util.List.of("P-1", "P-2")),
            Fixtures.col("courier", "VARCHAR", 4, java.util.List.of("Swift", "Hermes", "Atlas")),
            Fixtures.num("distance_km", "DOUBLE", 280, "0.4", "96"),
            Fixtures.num("weight_kg", "DOUBLE", 250, "0.1", "30"),
            Fixtures.num("price", "DOUBLE", 200, "3", "80")));

    @Test
    void aComparativeAdjectiveNamesItsColumnAndItsSide() {
        Intent longer = Fixtures.intent(PARCELS, "total price of parcels sent farther than 10 km");
        assertThat(longer.filters()).extracting(Filter::sql).containsExactly("\"distance_km\" > 10");
        Intent lighter = Fixtures.intent(PARCELS, "how many parcels are lighter than 2 kg");
        assertThat(lighter.filters()).extracting(Filter::sql).containsExactly("\"weight_kg\" < 2");
        Intent cheaper = Fixtures.intent(PARCELS, "couriers of parcels cheaper than 5");
        assertThat(cheaper.filters()).extracting(Filter::sql).containsExactly("\"price\" < 5");
        assertThat(lighter.unexplained()).isEmpty();
    }

    @Test
    void whatSeveralRowsOfOneCustomerSpentIsTheirTotal() {
        Intent spent = Fixtures.intent(SHOP, "which corporate customers spent more than 1000?");
        assertThat(spent.groups()).extracting(g -> g.column().name()).containsExactly("Customer Name");
        assertThat(spent.filters()).extracting(Filter::sql).containsExactly("\"Segment\" = 'Corporate'", "SUM(\"Sales\") > 1000");
        // one row's amount stays a condition on rows
        assertThat(where(SHOP, "orders with sales over 500")).isEqualTo(" WHERE \"Sales\" > 500");
    }

    @Test
    void onlyBeforeACountSaysExactlyThatMany() {
        SchemaInfo entries = new SchemaInfo("entries", 20, java.util.List.of(
                Fixtures.col("Team", "VARCHAR", 6, java.util.List.of("DAMS", "Mucke", "ART")),
                Fixtures.col("Driver", "VARCHAR", 18, java.util.List.of("Ann Lee", "Bo Lind", "Cy Moss")),
                Fixtures.num("Points", "BIGINT", 15, "0", "88")));
        assertThat(Fixtures.intent(entries, "which team only had two drivers?").filters()).extracting(Filter::sql)
                .containsExactly("COUNT(DISTINCT \"Driver\") = 2");
        assertThat(Fixtures.intent(entries, "which teams with only one driver?").filters()).extracting(Filter::sql)
                .containsExactly("COUNT(DISTINCT \"Driver\") = 1");
        assertThat(where(entries, "which drivers scored only 12 points?")).isEqualTo(" WHERE \"Points\" = 12");
        // "the only one": a single thing picked out, not a count of one
        assertThat(Fixtures.intent(entries, "which driver was the only one to score 88 points?").filters())
                .extracting(Filter::sql).containsExactly("\"Points\" = 88");
    }

    /** Exam results: several rows a student. */
    static final SchemaInfo EXAMS = new SchemaInfo("exam_results", 1800, java.util.List.of(
            Fixtures.col("student_id", "VARCHAR", 300, java.util.List.of("S-001", "S-002")),
            Fixtures.col("student_name", "VARCHAR", 298, java.util.List.of("Ana Ruiz", "Bo Lind")),
            Fixtures.col("subject", "VARCHAR", 6, java.util.List.of("Maths", "English", "History")),
            Fixtures.num("score", "DOUBLE", 101, "0", "100")));

    @Test
    void aVerbOfTheMeasureAfterTheCountedNounStillCountsThatNoun() {
        // "students scored": a verb, not a compound name like "customer segment"
        Intent above = Fixtures.intent(EXAMS, "how many students scored above 90?");
        assertThat(above.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("COUNT_DISTINCT student_id");
        assertThat(above.filters()).extracting(Filter::sql).containsExactly("\"score\" > 90");
        // "a score of 100": that much of it, decimals too
        assertThat(Fixtures.intent(EXAMS, "how many students have a score of 100?").filters()).extracting(Filter::sql)
                .containsExactly("\"score\" = 100");
        assertThat(Fixtures.intent(EXAMS, "students with a score of 62.5").filters()).extracting(Filter::sql)
                .containsExactly("\"score\" = 62.5");
    }

    /** Patients: an age beside a bill, and sex coded F and M. */
    static final SchemaInfo PATIENTS = new SchemaInfo("patients", 4000, java.util.List.of(
            Fixtures.col("patient_id", "VARCHAR", 4000, java.util.List.of("P-0001", "P-0002")),
            Fixtures.col("sex", "VARCHAR", 2, java.util.List.of("F", "M")),
            Fixtures.num("age", "BIGINT", 95, "0", "99"),
            Fixtures.col("ward", "VARCHAR", 3, java.util.List.of("Cardiology", "Oncology", "Maternity")),
            Fixtures.num("bill", "DOUBLE", 3900, "120", "98000")));

    @Test
    void aComparisonRightAfterPeopleIsTheirAge() {
        assertThat(Fixtures.where(PATIENTS, "average bill for women over 70"))
                .containsExactly("\"sex\" = 'F'", "\"age\" > 70");
        assertThat(Fixtures.intent(PATIENTS, "average bill for women over 70").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("AVG bill");
        // the column named right before it keeps the comparison
        assertThat(Fixtures.where(PATIENTS, "bills over 700 for women")).contains("\"bill\" > 700");
    }

    @Test
    void anOrdinalBeforeAColumnThatNumbersThingsIsItsValue() {
        SchemaInfo sprint = new SchemaInfo("team_sprint", 26, java.util.List.of(
                Fixtures.num("Heat", "BIGINT", 13, "1", "13"),
                Fixtures.col("Country", "VARCHAR", 26, java.util.List.of("Norway", "Peru")),
                Fixtures.num("Time", "DOUBLE", 26, "42.1", "49.9")));
        assertThat(Fixtures.where(sprint, "how many teams raced in the 6th heat?")).containsExactly("\"Heat\" = 6");
        assertThat(Fixtures.where(sprint, "which country won the second heat?")).containsExactly("\"Heat\" = 2");
        // an amount is no position: "the 6th time" names no Time
        assertThat(Fixtures.where(sprint, "the 6th time")).isEmpty();
    }

    @Test
    void aColumnComparedRightAfterItIsTheConditionOnTheRowsCounted() {
        SchemaInfo roster = new SchemaInfo("roster", 15, java.util.List.of(
                Fixtures.col("Player", "VARCHAR", 15, java.util.List.of("Al Ito", "Bo Reyes")),
                Fixtures.num("Weight (lbs.)", "BIGINT", 12, "170", "260")));
        String sql = DoubtsTest.sql(roster, "what is the number of players who weight over 200 pounds?");
        assertThat(sql).contains("COUNT(").contains("> 200").doesNotContain("SUM(");
    }

    @Test
    void aColumnNamedBetweenTheComparisonAndItsNumberIsTheOneCompared() {
        SchemaInfo ratings = new SchemaInfo("episode_ratings", 12, java.util.List.of(
                Fixtures.num("Episode", "BIGINT", 12, "1", "12"),
                Fixtures.col("Title", "VARCHAR", 12, java.util.List.of("Pilot", "The Storm")),
                Fixtures.num("Average", "DOUBLE", 11, "0.52", "0.91"),
                Fixtures.num("Share", "DOUBLE", 10, "1.2", "3.4")));
        assertThat(DoubtsTest.sql(ratings, "how many episodes had at least an average of 0.70?"))
                .contains("\"Average\" >= 0.70").doesNotContain("= 0.70 ");
        assertThat(DoubtsTest.sql(ratings, "which episodes had more than a share of 2?")).contains("\"Share\" > 2");
    }

    @Test
    void aComparativeTakesANumberWrittenAsAWord() {
        SchemaInfo trails = new SchemaInfo("hiking_trails", 9, java.util.List.of(
                Fixtures.col("Trail", "VARCHAR", 9, java.util.List.of("Ridge Loop", "Cedar Walk")),
                Fixtures.num("Length (km)", "DOUBLE", 9, "3.5", "48"),
                Fixtures.num("Opened", "BIGINT", 7, "1961", "2004")));
        assertThat(DoubtsTest.sql(trails, "how many trails are longer than twenty km?")).contains("\"Length (km)\" > 20");
    }
}
