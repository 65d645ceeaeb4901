package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import org.junit.jupiter.api.Test;

/** Functions, measures, synonyms and counted things. */
class AggregatesTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo SHOP = Fixtures.shop();
    static final SchemaInfo STAFF = Fixtures.staff();

    static String measures(SchemaInfo s, String q) {
        return String.join("; ", Fixtures.intent(s, q).measures().stream().map(Measure::describe).toList());
    }

    @Test
    void functionWords() {
        assertThat(measures(FLEET, "sum of parts cost")).isEqualTo("Total of Parts Cost");
        assertThat(measures(FLEET, "mean labor hours")).isEqualTo("Average of Labor Hours");
        assertThat(measures(FLEET, "median odometer km")).isEqualTo("Median of Odometer km");
        assertThat(measures(FLEET, "std dev of parts cost")).isEqualTo("Standard deviation of Parts Cost");
        assertThat(measures(FLEET, "min and max labor hours"))
                .isEqualTo("Minimum of Labor Hours; Maximum of Labor Hours");
        assertThat(measures(FLEET, "the biggest parts cost")).isEqualTo("Maximum of Parts Cost");
    }

    @Test
    void columnNamesInAnyFormAndAnalystSynonyms() {
        assertThat(measures(FLEET, "total PARTS_COST")).isEqualTo("Total of Parts Cost");
        assertThat(measures(FLEET, "total parts-costs")).isEqualTo("Total of Parts Cost");
        assertThat(measures(FLEET, "total odometer")).isEqualTo("Total of Odometer km"); // a unique first word
        assertThat(measures(SHOP, "turnover by segment")).isEqualTo("Total of Sales");
        assertThat(Fixtures.intent(SHOP, "turnover by segment").readings()).contains("'turnover' read as Sales");
        assertThat(measures(STAFF, "headcount by dept")).isEqualTo("Count of rows");
        // no sales-like column: 'turnover' links to nothing rather than to a wrong column
        assertThat(Fixtures.intent(FLEET, "turnover by depot").unexplained()).extracting(Unexplained::text).contains("turnover");
    }

    @Test
    void entitiesWithAnIdAreCountedDistinctlyAndTextColumnsToo() {
        assertThat(measures(FLEET, "how many vehicles per depot")).isEqualTo("Distinct count of Vehicle ID");
        assertThat(measures(FLEET, "number of distinct mechanics")).isEqualTo("Distinct count of Mechanic");
        assertThat(measures(FLEET, "which depot has the most mechanics")).isEqualTo("Distinct count of Mechanic");
        assertThat(measures(STAFF, "how many employees in Finance")).isEqualTo("Count of rows");
        assertThat(Fixtures.intent(FLEET, "how many vehicles per depot").readings())
                .contains("'vehicles' read as distinct Vehicle ID");
    }

    @Test
    void groupingsByOneOrTwoColumns() {
        Intent two = Fixtures.intent(FLEET, "parts cost by depot and fault category");
        assertThat(two.groups()).extracting(Grouping::describe).containsExactly("Depot", "Fault Category");
        assertThat(Fixtures.intent(FLEET, "labor hours for each mechanic").groups())
                .extracting(Grouping::describe).containsExactly("Mechanic");
        assertThat(Fixtures.intent(FLEET, "parts cost across vehicle types").groups())
                .extracting(Grouping::describe).containsExactly("Vehicle Type");
    }

    @Test
    void anAveragePerEntityOfManyRowsIsABestGuessButPerCategoryIsNot() {
        Intent perVehicle = Fixtures.intent(FLEET, "average parts cost per vehicle id");
        assertThat(perVehicle.groups()).extracting(Grouping::describe).containsExactly("Vehicle ID");
        assertThat(perVehicle.readings()).anyMatch(r -> r.startsWith(Clause.BEST_GUESS) && r.contains("their totals"));
        Intent perDepot = Fixtures.intent(FLEET, "average parts cost per depot");
        assertThat(perDepot.readings()).noneMatch(r -> r.startsWith(Clause.BEST_GUESS));
    }

    @Test
    void lookLikeIsNotATextMatchAndWhatsAsksForAThing() {
        Intent pie = Fixtures.intent(FLEET, "what does the count of work orders by depot look like as a pie?");
        assertThat(pie.filters()).isEmpty();
        assertThat(pie.groups()).extracting(Grouping::describe).containsExactly("Depot");
        Intent cheapest = Fixtures.intent(STAFF, "what's the lowest paid employee?");
        assertThat(cheapest.columns()).extracting(c -> c.name()).contains("full_name");
    }
}
