package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several intents in one question, and measures of one answer kept together. */
class ClauseSplitterTest {

    static final SchemaInfo FLEET = Fixtures.fleet();

    static List<Intent.Kind> kinds(String q) {
        return Fixtures.intents(FLEET, q).stream().map(Intent::kind).toList();
    }

    @Test
    void splitsWhereEachPartAsksForSomething() {
        assertThat(kinds("distribution of labor hours and monthly trend of parts cost"))
                .containsExactly(Intent.Kind.DISTRIBUTION, Intent.Kind.TREND);
        assertThat(kinds("parts cost by depot, labor hours by mechanic"))
                .containsExactly(Intent.Kind.AGGREGATE, Intent.Kind.AGGREGATE);
        assertThat(kinds("total parts cost per depot and also the correlation between labor hours and parts cost"))
                .containsExactly(Intent.Kind.AGGREGATE, Intent.Kind.CORRELATION);
    }

    @Test
    void keepsListsOfMeasuresAndGroupsTogether() {
        List<Intent> one = Fixtures.intents(FLEET, "total parts cost and average labor hours by depot");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).measures()).extracting(Measure::describe)
                .containsExactly("Total of Parts Cost", "Average of Labor Hours");
        assertThat(Fixtures.intents(FLEET, "parts cost by depot and vehicle type")).hasSize(1);
    }
    @Test
    void aListOfColumnsIsOneAnswerWhateverFollowsItsLastColumn() {
        List<Intent> one = Fixtures.intents(FLEET, "list the work order, labor hours and parts cost of the 5 most costly jobs");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).columns()).extracting(c -> c.name()).contains("Work Order", "Labor Hours", "Parts Cost");
    }

    @Test
    void theAndOfABetweenPairSplitsNothing() {
        assertThat(kinds("plot the correlation between labor hours and parts cost at the Harbor depot as a scatter chart"))
                .containsExactly(Intent.Kind.SCATTER);
        Intent scatter = Fixtures.intent(FLEET, "is there a relationship between labor hours and parts cost? show it in a scatter plot");
        assertThat(scatter.kind()).isEqualTo(Intent.Kind.SCATTER);
        assertThat(scatter.columns()).extracting(c -> c.name()).containsExactly("Labor Hours", "Parts Cost");
        assertThat(Fixtures.intent(FLEET, "plot the correlation between labor hours and parts cost at the Harbor depot as a scatter chart")
                .filters()).extracting(f -> f.column().name()).containsExactly("Depot");
    }
}
