package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a superlative ranks, what "top N" means on a table that ranks itself, counts kept in a column named for
 * them, figures asked for but answered with whole rows, and a measure named by its verb or its doers ("attended",
 * "visitors"). Schemas invented for the test: a football league, the seats of a regional vote, the highest peaks of
 * a range, a squad's goals by competition, a club's home games, national parks.
 */
class FiguresAndRanksTest {

    static final SchemaInfo LEAGUE = new SchemaInfo("league", 10, List.of(
            Fixtures.num("Place", "BIGINT", 10, "1", "10"),
            Fixtures.col("Team", "VARCHAR", 10, List.of("Rovers", "United", "Athletic", "City")),
            Fixtures.num("Played", "BIGINT", 1, "18", "18"),
            Fixtures.num("Goals Scored", "BIGINT", 10, "12", "40"),
            Fixtures.num("Goals Conceded", "BIGINT", 10, "10", "35"),
            Fixtures.num("Points", "BIGINT", 9, "8", "38")));
    /** A footer "1,207.5" made the count column DOUBLE. */
    static final SchemaInfo SEATS = new SchemaInfo("seats", 12, List.of(
            Fixtures.num("Seat", "BIGINT", 12, "40", "52"),
            Fixtures.col("Name", "VARCHAR", 12, List.of("Alton", "Brill", "Corry")),
            Fixtures.col("District", "VARCHAR", 3, List.of("North", "Lowfield", "Marsh")),
            Fixtures.num("Number of voters (2019)", "DOUBLE", 12, "1207.5", "162460")));
    static final SchemaInfo PEAKS = new SchemaInfo("peaks", 20, List.of(
            Fixtures.num("Rank", "BIGINT", 20, "1", "20"),
            Fixtures.col("Peak", "VARCHAR", 20, List.of("Alto", "Blanco", "Cerro")),
            Fixtures.col("Country", "VARCHAR", 4, List.of("Chile", "Peru", "Bolivia", "Argentina")),
            Fixtures.num("Prominence", "BIGINT", 20, "600", "3980")));
    static final SchemaInfo GOALS = new SchemaInfo("goals", 9, List.of(
            Fixtures.col("Player", "VARCHAR", 9, List.of("Ana", "Bo", "Cy")),
            Fixtures.col("Club", "VARCHAR", 3, List.of("Harbour FC", "Mill Town")),
            Fixtures.num("League", "BIGINT", 6, "0", "30"),
            Fixtures.num("Cup", "BIGINT", 4, "0", "5")));

    static final SchemaInfo GAMES = new SchemaInfo("games", 12, List.of(
            Fixtures.num("Week", "BIGINT", 12, "1", "12"),
            Fixtures.col("Opponent", "VARCHAR", 12, List.of("Harbour FC", "Mill Town", "Rovers")),
            Fixtures.col("Result", "VARCHAR", 10, List.of("W 20-13", "L 7-21")),
            Fixtures.num("Attendance", "BIGINT", 12, "31022", "66623")));
    static final SchemaInfo PARKS = new SchemaInfo("parks", 8, List.of(
            Fixtures.col("National park", "VARCHAR", 8, List.of("Alder", "Birchmoor", "Cray Fells")),
            Fixtures.num("Established", "BIGINT", 7, "1956", "2011"),
            Fixtures.num("Visitation (2019)", "BIGINT", 8, "4000", "53500")));

    @Test
    void aMeasureNamedByAnActionNounIsAlsoNamedByItsVerbAndItsDoers() {
        assertThat(SchemaIndex.actionNounForms(List.of("attendance"))).contains("attended", "attendees");
        assertThat(SchemaIndex.actionNounForms(List.of("visitation", "2019"))).contains("visitors", "visited");
        assertThat(SchemaIndex.actionNounForms(List.of("goals", "scored"))).isEmpty();
        assertThat(SchemaIndex.actionNounForms(List.of("pay"))).isEmpty();
        Intent attended = Fixtures.intent(GAMES, "how many people attended the week 3 game?");
        assertThat(attended.measures()).extracting(Measure::describe).containsExactly("Total of Attendance");
        assertThat(attended.filters()).extracting(Filter::describe).containsExactly("Week = 3");
        // the verb after a compared number names the compared column; what is counted is the games
        Intent big = Fixtures.intent(GAMES, "in how many games were more than 60,000 people attending?");
        assertThat(big.measures()).extracting(Measure::describe).containsExactly("Count of rows");
        assertThat(big.filters()).extracting(Filter::describe).containsExactly("Attendance > 60000");
        Intent visitors = Fixtures.intent(PARKS, "what was the number of visitors at alder?");
        assertThat(visitors.measures()).extracting(m -> m.column().name()).containsExactly("Visitation (2019)");
        assertThat(visitors.filters()).extracting(Filter::describe).containsExactly("National park = 'Alder'");
    }

    @Test
    void theNounAfterTheSuperlativeIsRankedNotAColumnTheVerbNames() {
        Intent it = Fixtures.intent(LEAGUE, "which team scored the most points?");
        assertThat(it.limit()).isEqualTo(1);
        assertThat(it.measures().get(0).column().name()).isEqualTo("Points");
        // the verb's own column is ranked when it is what follows the superlative
        assertThat(Fixtures.intent(LEAGUE, "which team scored the most goals?").measures().get(0).column().name())
                .isEqualTo("Goals Scored");
    }

    @Test
    void aColumnNamedForACountIsAddedUpWhateverItsType() {
        Intent it = Fixtures.intent(SEATS, "how many voters are in the north district?");
        assertThat(it.measures()).extracting(Measure::describe).containsExactly("Total of Number of voters (2019)");
        assertThat(it.filters()).extracting(Filter::describe).containsExactly("District = 'North'");
        // a measured amount of type DOUBLE is still counted, not added up, when its name is no count
        assertThat(Aggregates.namesACount(Fixtures.num("Turnout", "DOUBLE", 5, "0.4", "0.8"))).isFalse();
        assertThat(Aggregates.namesACount(Fixtures.num("No. of seats", "DOUBLE", 5, "1", "9"))).isTrue();
    }

    /** An invented outbreak register: one row a year, a count of deaths. */
    static final SchemaInfo OUTBREAKS = new SchemaInfo("outbreaks", 12, List.of(
            Fixtures.num("Year", "BIGINT", 12, "1996", "2007"),
            Fixtures.num("Cases", "BIGINT", 12, "40", "900"),
            Fixtures.num("Deaths (age <15)", "BIGINT", 11, "3", "25")));

    @Test
    void theLargestNumberOfACountColumnsThingsRanksByThatColumn() {
        Intent it = Fixtures.intent(OUTBREAKS, "what year had the largest number of deaths reported?");
        assertThat(it.groups()).isEmpty();
        assertThat(it.limit()).isEqualTo(1);
        assertThat(it.measures()).extracting(m -> m.column().name()).first().isEqualTo("Deaths (age <15)");
    }

    /** An invented kennel register: a count of puppies per litter. */
    static final SchemaInfo LITTERS = new SchemaInfo("litters", 40, List.of(
            Fixtures.num("Puppies", "BIGINT", 6, "1", "9"),
            Fixtures.num("Birth weight", "DOUBLE", 40, "0.2", "0.6")));

    @Test
    void aGroupWordBeforeTheNumberOfACountColumnsThingsGroupsByThatColumn() {
        Intent it = Fixtures.intent(LITTERS, "what is the average birth weight by number of puppies?");
        assertThat(it.groups()).extracting(g -> g.column().name()).containsExactly("Puppies");
        assertThat(it.measures()).first().extracting(m -> m.column().name()).isEqualTo("Birth weight");
        assertThat(it.measures()).noneMatch(m -> m.column() != null && m.column().name().equals("Puppies"));
    }

    @Test
    void anOrdinalBeforeAWordOfPlacingIsThePlace() {
        assertThat(Fixtures.where(PEAKS, "what is the prominence of the sixth ranked peak?"))
                .containsExactly("\"Rank\" = 6");
        assertThat(Fixtures.where(LEAGUE, "which team is in third place?")).containsExactly("\"Place\" = 3");
        assertThat(Fixtures.where(LEAGUE, "how many points did the 2nd placed team get?")).containsExactly("\"Place\" = 2");
    }

    @Test
    void topNOnATableThatRanksItselfIsItsRankWhenACountIsAsked() {
        Intent it = Fixtures.intent(PEAKS, "how many top 15 peaks are in chile?");
        assertThat(it.kind()).isEqualTo(Intent.Kind.AGGREGATE);
        assertThat(it.limit()).isNull();
        assertThat(it.filters()).extracting(Filter::describe).containsExactlyInAnyOrder("Country = 'Chile'", "Rank <= 15");
        assertThat(it.readings()).anyMatch(r -> r.contains("read as Rank <= 15, the table's own ranking"));
        // a measure named after "top" ranks by that measure; a list of the top rows stays a ranking
        assertThat(Fixtures.intent(PEAKS, "how many of the top 5 prominence peaks are in peru?").filters())
                .extracting(Filter::describe).doesNotContain("Rank <= 5");
        assertThat(Fixtures.intent(PEAKS, "top 5 peaks by prominence").limit()).isEqualTo(5);
        // "the number of" asks how many as "how many" does
        assertThat(Fixtures.intent(PEAKS, "what is the number of peaks ranked in the top 8?").filters())
                .extracting(Filter::describe).containsExactly("Rank <= 8");
    }

    @Test
    void aFigureOverTheTopNOnATableThatRanksItselfIsOverItsRank() {
        Intent it = Fixtures.intent(PEAKS, "what is the average prominence of the top 4 ranked peaks?");
        assertThat(it.limit()).isNull();
        assertThat(it.groups()).isEmpty();
        assertThat(it.filters()).extracting(Filter::describe).containsExactly("Rank <= 4");
        assertThat(it.measures()).extracting(Measure::agg).containsExactly(Agg.AVG);
        // the highest of them is a ranking still
        assertThat(Fixtures.intent(PEAKS, "what is the highest prominence of the top 4 peaks?").filters()).isEmpty();
    }

    @Test
    void aFigureAskedButWholeRowsAnsweredIsABestGuess() {
        // no column says which of Ana's figures is "the total": her whole row is shown, and not as a sure answer
        Intent rows = Fixtures.intent(GOALS, "what is the total of ana");
        assertThat(rows.kind()).isEqualTo(Intent.Kind.ROWS);
        assertThat(rows.columns()).isEmpty();
        assertThat(rows.readings()).anyMatch(r -> r.startsWith(Clause.BEST_GUESS) && r.contains("but the answer is whole rows"));
        // a figure named is no whole row
        Intent cup = Fixtures.intent(GOALS, "how many cup goals did ana score?");
        assertThat(cup.readings()).noneMatch(r -> r.contains("whole rows"));
    }
}
