package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import org.junit.jupiter.api.Test;

/** Tool-shaped intents: distributions, trends at a grain, summaries, correlations, scatter plots. */
class ToolIntentsTest {

    static final SchemaInfo FLEET = Fixtures.fleet();

    @Test
    void distributionsAndSummaries() {
        Intent d = Fixtures.intent(FLEET, "distribution of odometer km at the Airport depot");
        assertThat(d.kind()).isEqualTo(Intent.Kind.DISTRIBUTION);
        assertThat(d.columns()).extracting(c -> c.name()).containsExactly("Odometer km");
        assertThat(d.filters()).extracting(Filter::describe).containsExactly("Depot = 'Airport'");
        Intent s = Fixtures.intent(FLEET, "summary statistics of labor hours and parts cost");
        assertThat(s.kind()).isEqualTo(Intent.Kind.SUMMARY);
        assertThat(s.columns()).hasSize(2);
    }

    @Test
    void histogramBinsAsAskedAndAWordThatOnlySaysWhoseColumn() {
        Intent wide = Fixtures.intent(FLEET, "histogram of labor hours with bins 2 wide");
        assertThat(wide.display().binWidth()).isEqualTo(2.0);
        assertThat(wide.unexplained()).isEmpty();
        Intent count = Fixtures.intent(FLEET, "histogram of labor hours in 12 bins");
        assertThat(count.display().bins()).isEqualTo(12);
        assertThat(count.display().binWidth()).isZero();
        Intent whose = Fixtures.intent(FLEET, "distribution of depot labor hours");
        assertThat(whose.columns()).extracting(c -> c.name()).containsExactly("Labor Hours");
    }

    @Test
    void trendsAtAGrainOrAsATableWhenSplit() {
        Intent t = Fixtures.intent(FLEET, "weekly trend of labor hours");
        assertThat(t.kind()).isEqualTo(Intent.Kind.TREND);
        assertThat(t.grain()).isEqualTo(Grain.WEEK);
        assertThat(t.dateColumn().name()).isEqualTo("Service Date");
        Intent split = Fixtures.intent(FLEET, "trend of parts cost by depot");
        assertThat(split.kind()).isEqualTo(Intent.Kind.AGGREGATE);
        assertThat(split.chart()).isEqualTo("line");
        assertThat(split.groups()).extracting(Grouping::describe).contains("Depot", "month of Service Date");
    }

    @Test
    void correlationAndScatter() {
        Intent c = Fixtures.intent(FLEET, "correlation between labor hours and parts cost");
        assertThat(c.kind()).isEqualTo(Intent.Kind.CORRELATION);
        assertThat(c.columns()).extracting(x -> x.name()).containsExactly("Labor Hours", "Parts Cost");
        Intent sc = Fixtures.intent(FLEET, "scatter plot of odometer km vs parts cost");
        assertThat(sc.kind()).isEqualTo(Intent.Kind.SCATTER);
        assertThat(Fixtures.intent(FLEET, "scatter of depot").kind()).isEqualTo(Intent.Kind.UNKNOWN);
    }

    @Test
    void aBoxPlotsGroupIsTheOneAGroupWordNames() {
        Intent box = Fixtures.intent(NumericFiltersTest.PATIENTS, "age distribution of patients by sex as a box plot");
        assertThat(box.groups()).extracting(g -> g.column().name()).containsExactly("sex");
        assertThat(box.columns()).extracting(datasense.tools.ColumnProfile::name).containsExactly("age");
        assertThat(box.unexplained()).isEmpty();
    }

    @Test
    void aChartKindBeforeAChartWordIsNoPartOfAValue() {
        SchemaInfo lines = new SchemaInfo("deli_order_lines", 300, java.util.List.of(
                Fixtures.col("product", "VARCHAR", 40, java.util.List.of("Lunch Box", "Gift Box", "Olive Oil", "Rye Bread")),
                Fixtures.col("category", "VARCHAR", 5, java.util.List.of("Bakery", "Deli", "Gifts")),
                Fixtures.num("line_total", "DOUBLE", 280, "2.5", "310")));
        Intent box = Fixtures.intent(lines, "box plot of line totals by category");
        assertThat(box.filters()).isEmpty();
        assertThat(box.chart()).isEqualTo("box");
        assertThat(box.groups()).extracting(g -> g.column().name()).containsExactly("category");
    }

    @Test
    void aNumberOfWhatAColumnCountsBeforeBinsIsTheirWidth() {
        SchemaInfo stays = new SchemaInfo("harbour_stays", 300, java.util.List.of(
                Fixtures.col("marina", "VARCHAR", 3, java.util.List.of("North Quay", "Old Basin", "Reef Point")),
                Fixtures.num("nights", "BIGINT", 20, "1", "24"),
                Fixtures.num("boat_length_m", "DOUBLE", 120, "6.5", "31")));
        Intent histogram = Fixtures.intent(stays, "histogram of nights, 3-night bins");
        assertThat(histogram.display().binWidth()).isEqualTo(3.0);
        assertThat(histogram.display().bins()).isZero();
    }
}
