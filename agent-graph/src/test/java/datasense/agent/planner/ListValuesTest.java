package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cells that list several things ("Allegany, Garrett"): a row listing an item holds it. Schemas invented for the
 * test: an assembly whose delegates represent one county or several, films with their casts, a shop whose
 * one brand name has an ampersand in it (no list), a striker's goals at venues written "city, country", and a
 * player's finals at tournaments counted by times ("Miami (2)").
 */
class ListValuesTest {

    static final SchemaInfo ASSEMBLY = new SchemaInfo("assembly", 12, List.of(
            Fixtures.col("Delegate", "VARCHAR", 12, List.of("Ann Poe", "Bo Reyes", "Cy Tan")),
            Fixtures.col("Party", "VARCHAR", 2, List.of("Blue", "Green")),
            Fixtures.col("Counties", "VARCHAR", 6, List.of("Allegany", "Allegany, Garrett", "Garrett", "Washington",
                    "Frederick, Washington", "Carroll"))));
    static final SchemaInfo FILMS = new SchemaInfo("films", 40, List.of(
            Fixtures.col("Title", "VARCHAR", 40, List.of("Red Sky", "Low Tide")),
            Fixtures.num("Year", "BIGINT", 12, "1990", "2010"),
            Fixtures.col("Cast", "VARCHAR", 38, List.of("Mia Wong, Ola Berg", "Ola Berg; Tim Cole", "Tim Cole / Mia Wong"))));
    static final SchemaInfo SHOP = new SchemaInfo("shop", 30, List.of(
            Fixtures.col("Brand", "VARCHAR", 3, List.of("Smith & Wesson", "Acme", "Zeta")),
            Fixtures.num("Price", "DOUBLE", 30, "1", "90")));

    static Plan plan(SchemaInfo s, String q) {
        return new OfflinePlanner().planNow(new PlanRequest(q, s, List.of(), null));
    }

    static List<String> where(SchemaInfo s, String q) {
        return Fixtures.where(s, q);
    }

    static final SchemaInfo GOALS = new SchemaInfo("goals", 20, List.of(
            Fixtures.col("Date", "VARCHAR", 15, List.of("30 May 1928", "21 June 1933")),
            Fixtures.col("Venue", "VARCHAR", 5, List.of("Madrid, Spain", "Lisbon, Portugal", "Porto, Portugal",
                    "Vienna, Austria", "Olympic Stadium, Amsterdam, Netherlands")),
            Fixtures.col("Opponent", "VARCHAR", 4, List.of("Mexico", "Bulgaria", "Portugal", "Austria"))));

    static final SchemaInfo FINALS = new SchemaInfo("finals", 14, List.of(
            Fixtures.col("Outcome", "VARCHAR", 2, List.of("Winner", "Runner-up")),
            Fixtures.num("Year", "BIGINT", 10, "2002", "2012"),
            Fixtures.col("Championship", "VARCHAR", 9, List.of("Miami", "Miami (2)", "Miami (3)", "Rome", "Rome (2)",
                    "Madrid", "Madrid Masters", "Doha", "Dubai")),
            Fixtures.col("Surface", "VARCHAR", 2, List.of("Hard", "Clay"))));

    /** Invented quarries whose notes list their by-products after the same opening words. */
    static final SchemaInfo QUARRIES = new SchemaInfo("quarries", 9, List.of(
            Fixtures.col("Quarry", "VARCHAR", 9, List.of("Deep Vale", "Red Scar", "Hob Hill", "Tor Edge")),
            Fixtures.col("Notes", "VARCHAR", 5, List.of("Also yielded slate and chert", "Also yielded chert, flint",
                    "Also yielded flint", "Byproducts were flint and jet", "Byproducts were slate and chert"))));

    @Test
    void wordsOpeningSeveralListsAreNoPartOfTheirFirstItem() {
        assertThat(where(QUARRIES, "how many quarries also yielded chert?")).singleElement().asString()
                .contains("'%chert%'").doesNotContain("yielded");
        assertThat(where(QUARRIES, "which quarries have slate?")).singleElement().asString().contains("'%slate%'");
    }

    /** An invented hockey club's season: home games name the opponent, away games write "at" before it. */
    static final SchemaInfo SCHEDULE = new SchemaInfo("schedule", 16, List.of(
            Fixtures.num("Game", "BIGINT", 16, "1", "16"),
            Fixtures.col("Opponent", "VARCHAR", 12, List.of("Oslo Owls", "at Oslo Owls", "Bergen Bears",
                    "vs. Bergen Bears", "Tromso Terns")),
            Fixtures.col("Result", "VARCHAR", 14, List.of("W 3-1", "L 0-2"))));

    @Test
    void anOpponentIsTheSameAwayAsAtHome() {
        assertThat(where(SCHEDULE, "how many times did they face the oslo owls?")).singleElement().asString()
                .contains("ILIKE '%Oslo Owls'");
        assertThat(Fixtures.intent(SCHEDULE, "how many games against bergen bears?").readings())
                .anyMatch(r -> r.contains("'vs. Bergen Bears' too"));
        // a name no other cell writes with a venue mark stays one value
        assertThat(where(SCHEDULE, "how many games against tromso terns?")).containsExactly("\"Opponent\" = 'Tromso Terns'");
    }

    @Test
    void aNameCountedByTimesIsEveryTimeOfIt() {
        // "Miami (2)" is the second title in Miami
        assertThat(where(FINALS, "how many times was the championship in miami?")).singleElement().asString()
                .contains("'Miami%'");
        assertThat(Fixtures.intent(FINALS, "how many times was the championship in miami?").readings())
                .anyMatch(r -> r.contains("with its count of times after it or not"));
        // "Madrid Masters" begins with Madrid too, and Doha has no count: one value each
        assertThat(where(FINALS, "how many finals were in madrid?")).containsExactly("\"Championship\" = 'Madrid'");
        assertThat(where(FINALS, "how many finals were in doha?")).containsExactly("\"Championship\" = 'Doha'");
    }

    @Test
    void aValueWrittenWithItsCommaIsThatValueNotAListOfItsParts() {
        assertThat(where(GOALS, "how many times was the madrid, spain venue used?")).containsExactly("\"Venue\" = 'Madrid, Spain'");
        // parts that no one value holds together are still a list of what the cells list
        assertThat(where(GOALS, "how many goals were scored in lisbon, porto or vienna?")).singleElement().asString()
                .contains("'%Lisbon%'").contains("'%Porto%'").contains("'%Vienna%'");
    }

    @Test
    void aValueThatListsAlsoNameIsEveryRowListingIt() {
        assertThat(where(ASSEMBLY, "how many delegates represented Garrett?"))
                .containsExactly("CAST(\"Counties\" AS VARCHAR) ILIKE '%Garrett%'");
        // "Garrett" is also a whole value: the narrower reading is possible, so the answer is a best guess
        assertThat(plan(ASSEMBLY, "how many delegates represented Garrett?").isBestGuess()).isTrue();
        // a value no list holds keeps its exact match
        assertThat(where(ASSEMBLY, "how many delegates represented Carroll?")).containsExactly("\"Counties\" = 'Carroll'");
    }

    @Test
    void anItemOnlyListsHoldIsFoundInThem() {
        Plan films = plan(FILMS, "how many films starring Tim Cole?");
        assertThat(where(FILMS, "how many films starring Tim Cole?")).containsExactly("CAST(\"Cast\" AS VARCHAR) ILIKE '%Tim Cole%'");
        assertThat(films.interpretation()).contains("Cast listing it");
        assertThat(where(FILMS, "films without Ola Berg"))
                .containsExactly("(NOT (CAST(\"Cast\" AS VARCHAR) ILIKE '%Ola Berg%') OR \"Cast\" IS NULL)");
        assertThat(where(FILMS, "films with Mia Wong or Tim Cole")).hasSize(1).first().asString()
                .contains(" OR ").contains("'%Mia Wong%'").contains("'%Tim Cole%'");
    }

    @Test
    void oneNameWithAnAmpersandIsNoList() {
        assertThat(new SchemaIndex(SHOP).itemKeys).isEmpty();
        assertThat(where(SHOP, "average price of Smith")).noneMatch(f -> f.contains("ILIKE '%Smith%'"));
    }
}
