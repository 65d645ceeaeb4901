package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on invented catalogues of the kind Wikipedia lists: a season's episodes (numbered "No.", credits
 * "Written by", air dates kept as text), a city's tallest buildings, and regions' health workers.
 */
class CatalogPhrasingsTest {

    static final SchemaInfo EPISODES = new SchemaInfo("episodes", 22, List.of(
            Fixtures.num("No.", "BIGINT", 22, "1", "22"),
            Fixtures.col("Title", "VARCHAR", 22, List.of("\"Pilot\"", "\"The Long Night\"", "\"Homecoming\"")),
            Fixtures.col("Directed by", "VARCHAR", 9, List.of("David Nutter", "Kim Manners", "Rob Bowman")),
            Fixtures.col("Written by", "VARCHAR", 10, List.of("Chris Carter", "Vince Gilligan", "Frank Spotnitz")),
            Fixtures.col("Original air date", "VARCHAR", 22, List.of("September 10, 1995", "May 17, 1996", "June 2, 1996")),
            Fixtures.num("Viewers (millions)", "DOUBLE", 22, "12.1", "21.4")));

    static final SchemaInfo BUILDINGS = new SchemaInfo("buildings", 20, List.of(
            Fixtures.num("Rank", "BIGINT", 20, "1", "20"),
            Fixtures.col("Name", "VARCHAR", 20, List.of("Carew Tower", "Scripps Center", "Atrium Two")),
            Fixtures.num("Height (m)", "DOUBLE", 20, "95", "203"),
            Fixtures.num("Floors", "BIGINT", 15, "18", "49")));

    static final SchemaInfo WORKERS = new SchemaInfo("health_workers", 11, List.of(
            Fixtures.col("Region", "VARCHAR", 11, List.of("Afar", "Amhara", "Oromia", "SNNPR", "Tigray")),
            Fixtures.num("Nurses", "BIGINT", 11, "185", "9000"),
            Fixtures.num("Physicians", "BIGINT", 11, "12", "900")));

    @Test
    void theFirstEpisodeIsTheLowestNumber() {
        Intent first = Fixtures.intent(EPISODES, "what was the title of the first episode?");
        assertThat(first.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("MIN No.");
        assertThat(first.limit()).isEqualTo(1);
        assertThat(first.ascending()).isTrue();
    }

    @Test
    void aNumberInTheScaleAColumnIsCountedInNamesThatColumnOnce() {
        Intent many = Fixtures.intent(EPISODES, "how many episodes had more than 15 million viewers?");
        assertThat(many.filters()).extracting(Filter::sql).containsExactly("\"Viewers (millions)\" > 15");
        assertThat(many.measures()).extracting(m -> m.agg() + " " + m.column()).containsExactly("COUNT null");
    }

    @Test
    void anIrregularVerbNamesTheColumnOfItsParticiple() {
        Intent wrote = Fixtures.intent(EPISODES, "who wrote the episode homecoming?");
        assertThat(wrote.kind()).isEqualTo(Intent.Kind.LIST);
        assertThat(wrote.columns()).extracting(c -> c.name()).containsExactly("Written by");
        assertThat(wrote.filters()).extracting(Filter::sql).containsExactly("\"Title\" = '\"Homecoming\"'");
    }

    @Test
    void aYearOnDatesKeptAsTextIsTheDatesHoldingIt() {
        assertThat(Fixtures.where(EPISODES, "how many episodes aired in 1996?"))
                .containsExactly("CAST(\"Original air date\" AS VARCHAR) ILIKE '%1996%'");
        // two such columns: the one the question names, and neither when it names none
        SchemaInfo ships = new SchemaInfo("ships", 12, List.of(
                Fixtures.col("Name", "VARCHAR", 12, List.of("Wave Baron", "Wave Chief", "Wave Duke")),
                Fixtures.col("Launched", "VARCHAR", 12, List.of("19 February 1946", "30 August 1946", "21 April 1944")),
                Fixtures.col("Fate", "VARCHAR", 10, List.of("Scrapped in 1972", "Scrapped in 1974", "Sold in 1960"))));
        assertThat(Fixtures.where(ships, "how many ships were launched in the year 1944?"))
                .containsExactly("CAST(\"Launched\" AS VARCHAR) ILIKE '%1944%'");
        assertThat(Fixtures.intent(ships, "how many ships were launched in the year 1944?").unexplained()).isEmpty();
        assertThat(Fixtures.where(ships, "how many ships in 1944?")).isEmpty();
    }

    @Test
    void aSuperlativeAdjectiveRanksByTheColumnItMeasures() {
        Intent tallest = Fixtures.intent(BUILDINGS, "what is the tallest building?");
        assertThat(tallest.limit()).isEqualTo(1);
        assertThat(tallest.ascending()).isFalse();
        assertThat(tallest.columns()).extracting(c -> c.name()).contains("Name", "Height (m)");
    }

    static final SchemaInfo CITIES = new SchemaInfo("largest_cities", 30, List.of(
            Fixtures.num("Rank", "BIGINT", 30, "1", "30"),
            Fixtures.col("City", "VARCHAR", 30, List.of("Tokyo", "Delhi", "Cairo")),
            Fixtures.num("Population", "BIGINT", 30, "8900000", "37400000"),
            Fixtures.num("Area (km2)", "DOUBLE", 30, "1200", "16400")));

    @Test
    void aNumberOfMillionsOfPeopleIsAPopulation() {
        assertThat(Fixtures.where(CITIES, "how many cities have over 20 million people?"))
                .containsExactly("\"Population\" > 20000000");
        // a column counted in millions keeps the number as written
        assertThat(Fixtures.where(EPISODES, "how many episodes had more than 15 million viewers?"))
                .containsExactly("\"Viewers (millions)\" > 15");
    }

    @Test
    void rankedWithAnOrdinalIsThatRank() {
        assertThat(Fixtures.where(BUILDINGS, "what building is ranked 3rd?")).containsExactly("\"Rank\" = 3");
    }

    @Test
    void howManyInTwoNamedPlacesIsOneFigure() {
        Intent both = Fixtures.intent(WORKERS, "what number of nurses are in afar and snnpr?");
        assertThat(both.groups()).isEmpty();
        assertThat(both.filters()).extracting(Filter::sql).containsExactly("\"Region\" IN ('Afar', 'SNNPR')");
        // named without a question of how many: one row each
        assertThat(Fixtures.intent(WORKERS, "nurses in afar and snnpr").groups()).extracting(g -> g.column().name())
                .containsExactly("Region");
        // a measure named "Total" says the named values are added up together
        SchemaInfo medals = new SchemaInfo("medals", 12, List.of(
                Fixtures.col("Nation", "VARCHAR", 12, List.of("Peru", "Chile", "Bolivia")),
                Fixtures.num("Gold", "BIGINT", 6, "0", "9"),
                Fixtures.num("Total", "BIGINT", 9, "1", "30")));
        assertThat(Fixtures.intent(medals, "total medals earned by peru and chile").groups()).isEmpty();
        assertThat(Fixtures.intent(medals, "gold of peru and chile").groups()).hasSize(1);
    }
}
