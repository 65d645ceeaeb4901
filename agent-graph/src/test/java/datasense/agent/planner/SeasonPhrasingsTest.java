package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on an invented club's seasons, a table shaped like many on Wikipedia: result columns named by a
 * participle ("Won", "Lost") reached by their verbs and nouns, a season written "1995–96" asked as "1995-96", and a
 * column whose name begins with a ranking word ("Top scorer").
 */
class SeasonPhrasingsTest {

    static final SchemaInfo SEASONS = new SchemaInfo("club_seasons", 30, List.of(
            Fixtures.col("Season", "VARCHAR", 30, List.of("1994–95", "1995–96", "2005–06")),
            Fixtures.col("League", "VARCHAR", 3, List.of("Premier League", "Championship", "League One")),
            Fixtures.num("Played", "BIGINT", 2, "38", "46"),
            Fixtures.num("Won", "BIGINT", 20, "5", "28"),
            Fixtures.num("Drawn", "BIGINT", 12, "4", "16"),
            Fixtures.num("Lost", "BIGINT", 20, "2", "25"),
            Fixtures.num("Points", "BIGINT", 25, "30", "101"),
            Fixtures.col("Top scorer", "VARCHAR", 20, List.of("Alan Shearer (31)", "Les Ferdinand (25)"))));

    static Intent intent(String q) {
        return Fixtures.intent(SEASONS, q);
    }

    static List<String> where(String q) {
        return Fixtures.where(SEASONS, q);
    }

    @Test
    void resultsAreReachedByTheirVerbsAndNouns() {
        assertThat(where("how many times did they win more than 20 games?")).containsExactly("\"Won\" > 20");
        assertThat(where("in how many seasons did they lose fewer than 5 matches?")).containsExactly("\"Lost\" < 5");
        Intent fewest = intent("which season had the fewest losses?");
        assertThat(fewest.limit()).isEqualTo(1);
        assertThat(fewest.ascending()).isTrue();
        assertThat(fewest.columns()).extracting(c -> c.name()).contains("Season", "Lost");
        assertThat(fewest.readings()).contains("'losses' read as Lost");
    }

    @Test
    void aSeasonWrittenWithADashIsThatValue() {
        assertThat(where("how many points did they get in the 1995-96 season?")).containsExactly("\"Season\" = '1995–96'");
    }

    @Test
    void aRankingWordInsideAColumnNameRanksNothing() {
        Intent scorer = intent("who was the top scorer in 2005-06?");
        assertThat(scorer.limit()).isNull();
        assertThat(scorer.filters()).extracting(Filter::sql).containsExactly("\"Season\" = '2005–06'");
    }
}
