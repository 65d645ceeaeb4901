package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on three invented tables of contests, shaped like many on Wikipedia: a season's games (a result
 * column "W 31–10", an attendance, opponents named in full), a medal table, and an athlete's results (places
 * written "1st", "5th", "DNF"). Each rule is one an analyst would state without the tables.
 */
class ContestPhrasingsTest {

    static final SchemaInfo GAMES = new SchemaInfo("season_games", 16, List.of(
            Fixtures.num("Week", "BIGINT", 16, "1", "16"),
            Fixtures.col("Opponent", "VARCHAR", 14, List.of("at Denver Broncos", "Denver Broncos", "Miami Dolphins",
                    "Seattle Seahawks", "at San Diego Chargers", "Buffalo Bills", "New York Jets", "Cleveland Browns")),
            Fixtures.col("Result", "VARCHAR", 16, List.of("W 31–10", "L 7–24", "T 17–17", "W 20–17", "L 3–27")),
            Fixtures.num("Attendance", "BIGINT", 16, "31000", "75053"),
            Fixtures.col("Venue", "VARCHAR", 4, List.of("Arrowhead Stadium", "Mile High Stadium", "Same Field"))));

    static final SchemaInfo MEDALS = new SchemaInfo("medal_table", 12, List.of(
            Fixtures.col("Nation", "VARCHAR", 12, List.of("Kenya", "Nigeria", "Algeria", "Ethiopia")),
            Fixtures.num("Gold", "BIGINT", 8, "0", "12"),
            Fixtures.num("Silver", "BIGINT", 8, "0", "10"),
            Fixtures.num("Bronze", "BIGINT", 8, "0", "9"),
            Fixtures.num("Total", "BIGINT", 10, "1", "30")));

    static final SchemaInfo ATHLETE = new SchemaInfo("athlete_results", 12, List.of(
            Fixtures.num("Year", "BIGINT", 8, "2001", "2012"),
            Fixtures.col("Competition", "VARCHAR", 5, List.of("World Championships", "Olympic Games",
                    "African Championships", "Commonwealth Games", "All-Africa Games")),
            Fixtures.col("Position", "VARCHAR", 7, List.of("1st", "2nd", "3rd", "5th", "8th", "DNF")),
            Fixtures.col("Event", "VARCHAR", 3, List.of("800 m", "1500 m", "5000 m"))));

    static final SchemaInfo SQUAD = new SchemaInfo("squad", 25, List.of(
            Fixtures.col("Name", "VARCHAR", 25, List.of("Andy Reid", "Sean Smith", "Tom Cole", "Jack Hart",
                    "Ian Ross", "Ben Fox", "Sam Kerr", "Leo Park")),
            Fixtures.num("Apps", "BIGINT", 20, "0", "34"),
            Fixtures.num("Goals", "BIGINT", 12, "0", "21")));

    @Test
    void medalsAreTheMedalTablesColumns() {
        assertThat(Fixtures.intent(MEDALS, "how many gold medals did kenya win?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Gold");
        assertThat(Fixtures.intent(MEDALS, "how many medals did kenya win?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Total");
        assertThat(Fixtures.where(MEDALS, "which nation had no more than 2 medals in total?")).containsExactly("\"Total\" <= 2");
        // a list of values with a comma before its "and" is one list; "total" at the end is the adverb
        Intent three = Fixtures.intent(MEDALS, "how many gold medals do kenya, nigeria, and algeria have total?");
        assertThat(three.filters()).extracting(Filter::sql).containsExactly("\"Nation\" IN ('Kenya', 'Nigeria', 'Algeria')");
        assertThat(three.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Gold");
        assertThat(three.groups()).isEmpty();
        // "total number of" and "in total" count; the Total column is not added up beside the count
        assertThat(Fixtures.intent(MEDALS, "what is the total number of nations?").measures())
                .extracting(m -> m.agg().toString()).containsExactly("COUNT_DISTINCT");
        assertThat(Fixtures.intent(MEDALS, "how many nations are there in total?").measures())
                .extracting(m -> m.agg().toString()).containsExactly("COUNT_DISTINCT");
        assertThat(Fixtures.intent(MEDALS, "how many medals were awarded in total?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Total");
        // counting nations that got some: the medals above zero, not added up
        assertThat(Fixtures.where(MEDALS, "how many countries received silver medals?")).containsExactly("\"Silver\" > 0");
        assertThat(Fixtures.where(MEDALS, "how many nations won more than 2 gold medals?")).containsExactly("\"Gold\" > 2");
        Intent country = Fixtures.intent(MEDALS, "which country won the most medals?");
        assertThat(country.columns()).extracting(c -> c.name()).containsExactly("Nation", "Total");
    }

    @Test
    void aNegatedComparisonKeepsTheOtherSide() {
        assertThat(Fixtures.where(GAMES, "how many games had attendance not greater than 50,000?"))
                .containsExactly("\"Attendance\" <= 50000");
        assertThat(Fixtures.where(GAMES, "in how many games did attendance not exceed 50,000?"))
                .containsExactly("\"Attendance\" <= 50000");
        assertThat(Fixtures.where(MEDALS, "which nations did not win more than 3 gold medals?"))
                .containsExactly("\"Gold\" <= 3");
        assertThat(Fixtures.where(MEDALS, "which nations won no less than 2 silver medals?"))
                .containsExactly("\"Silver\" >= 2");
    }

    @Test
    void noneOfACountedThingIsZeroOfIt() {
        assertThat(Fixtures.where(MEDALS, "how many nations won no gold medals?")).containsExactly("\"Gold\" = 0");
        assertThat(Fixtures.where(MEDALS, "which nations did not win any bronze medals?")).containsExactly("\"Bronze\" = 0");
        assertThat(Fixtures.where(SQUAD, "how many players did not score a goal?")).containsExactly("\"Goals\" = 0");
    }

    @Test
    void aVerbNamesTheColumnOfItsNoun() {
        Intent attended = Fixtures.intent(GAMES, "how many people attended the game against the miami dolphins?");
        assertThat(attended.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Attendance");
        assertThat(attended.filters()).extracting(Filter::sql).containsExactly("\"Opponent\" = 'Miami Dolphins'");
    }

    @Test
    void aWordOfANameNamesTheOneValueHoldingIt() {
        assertThat(Fixtures.where(GAMES, "what was the attendance at the game against seattle?"))
                .containsExactly("\"Opponent\" = 'Seattle Seahawks'");
        // in two values of one column: every value holding it
        assertThat(Fixtures.where(GAMES, "how many games were played against denver?"))
                .containsExactly("CAST(\"Opponent\" AS VARCHAR) ILIKE '%denver%'");
        // a category of a few values is named in full: "field" is no venue
        assertThat(Fixtures.intent(GAMES, "what was the attendance on the field?").filters()).isEmpty();
    }

    @Test
    void winsAndLossesAreTheMarksAResultBeginsWith() {
        assertThat(Fixtures.where(GAMES, "how many games did they win?")).containsExactly("CAST(\"Result\" AS VARCHAR) ILIKE 'W%'");
        assertThat(Fixtures.where(GAMES, "how many losses did they have at arrowhead stadium?"))
                .containsExactly("CAST(\"Result\" AS VARCHAR) ILIKE 'L%'", "\"Venue\" = 'Arrowhead Stadium'");
    }

    @Test
    void firstAndLastFollowTheSequenceOfTheRows() {
        Intent first = Fixtures.intent(GAMES, "who was their first opponent?");
        assertThat(first.groups()).extracting(g -> g.column().name()).containsExactly("Opponent");
        assertThat(first.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("MIN Week");
        assertThat(first.limit()).isEqualTo(1);
        assertThat(first.ascending()).isTrue();
        // "finished first" is a place, not a time
        assertThat(Fixtures.where(ATHLETE, "in which competition did she finish first?"))
                .containsExactly("CAST(\"Position\" AS VARCHAR) ILIKE '1st%'");
    }

    @Test
    void placesWrittenAsOrdinalsAreReachedByVerbsOfPlacing() {
        assertThat(Fixtures.where(ATHLETE, "how many times did she finish in the top 3?")).containsExactly(
                "(CAST(\"Position\" AS VARCHAR) ILIKE '1st%' OR CAST(\"Position\" AS VARCHAR) ILIKE '2nd%'"
                        + " OR CAST(\"Position\" AS VARCHAR) ILIKE '3rd%')");
        assertThat(Fixtures.where(ATHLETE, "where did she come second?")).containsExactly("CAST(\"Position\" AS VARCHAR) ILIKE '2nd%'");
        assertThat(Placings.spelled(11)).isEqualTo("11th");
        assertThat(Placings.spelled(22)).isEqualTo("22nd");
    }

    static final SchemaInfo STANDINGS = new SchemaInfo("standings", 18, List.of(
            Fixtures.num("Pos", "BIGINT", 18, "1", "18"),
            Fixtures.col("Club", "VARCHAR", 18, List.of("CD Cartagena", "Real Oviedo", "Alianza")),
            Fixtures.num("W", "BIGINT", 12, "5", "22"),
            Fixtures.num("D", "BIGINT", 10, "3", "14"),
            Fixtures.num("L", "BIGINT", 12, "4", "20"),
            Fixtures.num("Pts", "BIGINT", 15, "20", "70")));

    @Test
    void aStandingsTableIsReadThroughItsAbbreviations() {
        // "points" is Pts, not Pos: abbreviations keep consonants
        assertThat(Fixtures.intent(STANDINGS, "how many points did real oviedo get?").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("SUM Pts");
        Intent lost = Fixtures.intent(STANDINGS, "which club lost the fewest games?");
        assertThat(lost.columns()).extracting(c -> c.name()).containsExactly("Club", "L");
        assertThat(lost.ascending()).isTrue();
        assertThat(Fixtures.where(STANDINGS, "how many clubs won more than 15 games?")).containsExactly("\"W\" > 15");
        assertThat(Fixtures.where(STANDINGS, "which club finished first?")).containsExactly("\"Pos\" = 1");
        assertThat(Fixtures.where(STANDINGS, "how many clubs finished in the top 4?")).containsExactly("\"Pos\" <= 4");
    }

    @Test
    void whichYearsListsTheYears() {
        Intent years = Fixtures.intent(ATHLETE, "in which years did she finish 1st?");
        assertThat(years.kind()).isEqualTo(Intent.Kind.LIST);
        assertThat(years.columns()).extracting(c -> c.name()).containsExactly("Year");
        assertThat(years.unexplained()).isEmpty();
    }

    @Test
    void aComparativeBetweenNamedValuesPicksOneOfThem() {
        Intent more = Fixtures.intent(SQUAD, "who scored more goals, reid or smith?");
        assertThat(more.filters()).extracting(Filter::sql).containsExactly("\"Name\" IN ('Andy Reid', 'Sean Smith')");
        assertThat(more.kind()).isEqualTo(Intent.Kind.ROWS); // one row a name: the rows are ranked
        assertThat(more.columns()).extracting(c -> c.name()).containsExactly("Name", "Goals");
        assertThat(more.limit()).isEqualTo(1);
        assertThat(more.ascending()).isFalse();
        Intent fewer = Fixtures.intent(MEDALS, "which nation won fewer gold medals, kenya or nigeria?");
        assertThat(fewer.limit()).isEqualTo(1);
        assertThat(fewer.ascending()).isTrue();
        // "how many more" is a difference, not a pick
        assertThat(Fixtures.intent(MEDALS, "how many more gold medals did kenya win than nigeria?").limit()).isNull();
        // a superlative among named values picks one of them as the comparative does
        Intent least = Fixtures.intent(SQUAD, "out of reid and smith, who has the fewest goals?");
        assertThat(least.limit()).isEqualTo(1);
        assertThat(least.ascending()).isTrue();
        assertThat(least.filters()).extracting(Filter::sql).containsExactly("\"Name\" IN ('Andy Reid', 'Sean Smith')");
    }

    @Test
    void aNumberRightAfterAColumnOfWholeNumbersIsItsValue() {
        SchemaInfo marathon = new SchemaInfo("marathon", 20, List.of(
                Fixtures.num("Rank", "BIGINT", 20, "1", "20"),
                Fixtures.col("Athlete", "VARCHAR", 20, List.of("Ana Vidal (ESP)", "Tomas Berg (SWE)")),
                Fixtures.num("Bib", "BIGINT", 20, "101", "480"),
                Fixtures.num("Week", "BIGINT", 12, "1", "12")));
        assertThat(Fixtures.where(marathon, "which athlete belongs to rank 10?")).containsExactly("\"Rank\" = 10");
        assertThat(Fixtures.intent(marathon, "which athlete belongs to rank 10?").unexplained()).isEmpty();
        assertThat(Fixtures.where(marathon, "who wore bib as 212?")).containsExactly("\"Bib\" = 212");
        assertThat(Fixtures.where(marathon, "how many athletes ran in week 3?")).containsExactly("\"Week\" = 3");
        // outside the column's range it is not its value: a count of something else
        assertThat(Fixtures.where(marathon, "which athlete had rank 90?")).isEmpty();
    }

    @Test
    void aNumberWordAfterWhichIsHowManyAreRanked() {
        Intent three = Fixtures.intent(SQUAD, "which three players have the most goals?");
        assertThat(three.limit()).isEqualTo(3);
        assertThat(three.ascending()).isFalse();
        // no superlative: "which three" alone ranks nothing
        assertThat(Fixtures.intent(SQUAD, "which three players have 5 goals?").limit()).isNull();
    }

    @Test
    void aConditionOnHowManyRowsEachOneRowGroupHasIsDoubted() {
        Intent entries = Fixtures.intent(MEDALS, "which nation has more than 3 entries?");
        assertThat(entries.readings()).anyMatch(r -> r.contains("holds for all or none"));
    }
}
