package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Honest confidence: best guesses say so and offer alternatives that the planner itself reads confidently. */
class AlternativesTest {

    final OfflinePlanner planner = new OfflinePlanner();

    Plan plan(SchemaInfo s, String q) {
        return planner.planNow(new PlanRequest(q, s, List.of(), null));
    }

    void assertAlternativesAreConfidentAndDifferent(SchemaInfo s, Plan guess) {
        assertThat(guess.isBestGuess()).isTrue();
        assertThat(guess.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (String alt : guess.alternatives()) {
            Plan p = plan(s, alt);
            assertThat(p.confidence()).as(alt).isGreaterThanOrEqualTo(Plan.LOW_CONFIDENCE);
            assertThat(p.steps()).as(alt).isNotEmpty().isNotEqualTo(guess.steps());
        }
    }

    @Test
    void aGuessedMeasureOffersTheOtherMeasures() {
        SchemaInfo fleet = Fixtures.fleet();
        Plan guess = plan(fleet, "average by depot");
        assertThat(guess.confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(guess.interpretation()).contains("best guess: no measure named, Parts Cost assumed");
        assertThat(guess.alternatives()).contains("average Labor Hours by depot");
        assertAlternativesAreConfidentAndDifferent(fleet, guess);
        assertAlternativesAreConfidentAndDifferent(fleet, plan(fleet, "three largest vehicles"));
    }

    @Test
    void aWordMatchingTwoColumnsOffersEach() {
        SchemaInfo shop = Fixtures.shop();
        Plan guess = plan(shop, "average sales per ship");
        assertThat(guess.notes()).anyMatch(n -> n.contains("'ship'") && n.startsWith("not understood"));
        assertThat(guess.alternatives()).contains("average sales per Ship Mode");
        assertAlternativesAreConfidentAndDifferent(shop, guess);
    }

    @Test
    void confidentPlansCarryNoAlternativesAndUnlinkableQuestionsGetSuggestions() {
        Plan sure = plan(Fixtures.fleet(), "total parts cost by depot");
        assertThat(sure.confidence()).isEqualTo(1.0);
        assertThat(sure.alternatives()).isEmpty();
        Plan none = plan(Fixtures.fleet(), "weather forecast");
        assertThat(none.steps()).isEmpty();
        assertThat(none.suggestions()).isNotEmpty().allMatch(q -> plan(Fixtures.fleet(), q).confidence() >= 0.6);
    }

    @Test
    void replacesWholeWordsOnly() {
        assertThat(Alternatives.replaceWord("ship by shipping", "ship", "Ship Mode")).isEqualTo("Ship Mode by shipping");
        assertThat(Alternatives.replaceWord("the membership ship", "ship", "X")).isEqualTo("the membership X");
    }
}
