package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One example asked for ("name a film from 2008"), sizes ranked on a column of quantities written as text with a few
 * words among them ("11 strokes", "Playoff"), a size superlative with nothing sized, a superlative that is not the
 * first word of values ("the top album"), "which one" asking for a row, "how many top scorers" counting the rows
 * the table calls top, and a place said as a floor ("at least in the top 3"). Schemas invented for the test: an
 * actor's films, a golfer's wins, a singer's chart entries, a shop's orders, ski lifts, a country's top scorers, a
 * racing team's seasons.
 */
class ExamplesAndSizesTest {

    static final SchemaInfo FILMS = new SchemaInfo("films", 12, List.of(
            Fixtures.num("Year", "BIGINT", 6, "2005", "2010"),
            Fixtures.col("Film", "VARCHAR", 12, List.of("Harbour Lights", "Salt Road", "Ninefold", "Quiet Hours")),
            Fixtures.col("Role", "VARCHAR", 8, List.of("Lead", "Cameo", "Narrator")),
            Fixtures.col("Language", "VARCHAR", 3, List.of("Tamil", "Telugu", "Hindi"))));
    static final SchemaInfo WINS = new SchemaInfo("wins", 10, List.of(
            Fixtures.num("No.", "BIGINT", 10, "1", "10"),
            Fixtures.col("Tournament", "VARCHAR", 10, List.of("Harbour Open", "Lakeside Classic", "Pine Valley Invitational")),
            Fixtures.col("Margin of victory", "VARCHAR", 5, List.of("1 stroke", "3 strokes", "11 strokes", "Playoff", "5 strokes")),
            Fixtures.col("Runner-up", "VARCHAR", 10, List.of("Al Berg", "Cy Dunn", "Ed Fox"))));
    static final SchemaInfo CHARTS = new SchemaInfo("charts", 9, List.of(
            Fixtures.col("Album", "VARCHAR", 9, List.of("Blue Hour", "Paper Moons", "Tidewater")),
            Fixtures.col("Chart", "VARCHAR", 4, List.of("Top 10", "Top 40", "Top 100", "Indie")),
            Fixtures.num("Peak", "BIGINT", 7, "1", "88")));
    /** 500 order lines; 40 customers, each on many rows. */
    static final SchemaInfo ORDERS = new SchemaInfo("orders", 500, List.of(
            Fixtures.col("Customer", "VARCHAR", 40, List.of("Ames Ltd", "Birch & Co", "Cole Inc")),
            Fixtures.col("Region", "VARCHAR", 4, List.of("North", "South", "East", "West")),
            Fixtures.num("Amount", "DOUBLE", 480, "3.5", "990.0")));

    static final SchemaInfo LIFTS = new SchemaInfo("lifts", 12, List.of(
            Fixtures.col("Name", "VARCHAR", 12, List.of("Alpbahn", "Brunni", "Cresta")),
            Fixtures.col("Town", "VARCHAR", 10, List.of("Arosa", "Brig", "Chur")),
            Fixtures.num("Elevation (mountain station)", "BIGINT", 12, "1200", "2879")));
    static final SchemaInfo SCORERS = new SchemaInfo("scorers", 10, List.of(
            Fixtures.col("#", "VARCHAR", 10, List.of("1", "2", "3")),
            Fixtures.col("Player", "VARCHAR", 10, List.of("Ana Ruiz", "Bo Lind", "Cy Hart")),
            Fixtures.num("Goals", "BIGINT", 9, "14", "57"),
            Fixtures.num("Caps", "BIGINT", 10, "40", "155")));
    static final SchemaInfo SEASONS = new SchemaInfo("seasons", 14, List.of(
            Fixtures.num("Year", "BIGINT", 14, "1998", "2011"),
            Fixtures.col("Team", "VARCHAR", 3, List.of("Team Penske", "Harbour Racing", "Gold Arrow")),
            Fixtures.num("Finish", "BIGINT", 8, "1", "12")));

    @Test
    void whichOneAsksForARowNamedByItsLabel() {
        Intent one = Fixtures.intent(LIFTS, "which one has the highest elevation?");
        assertThat(one.kind()).isEqualTo(Intent.Kind.ROWS);
        assertThat(one.columns()).extracting(c -> c.name()).containsExactly("Name", "Elevation (mountain station)");
        assertThat(one.limit()).isEqualTo(1);
        assertThat(one.readings()).contains("the answer is named by Name").noneMatch(r -> r.startsWith(Clause.BEST_GUESS));
    }

    @Test
    void howManyTopScorersCountsTheRowsAndAFloorInTheTopIsAPlace() {
        Intent top = Fixtures.intent(SCORERS, "how many top goalscorers have 30 or more goals?");
        assertThat(top.kind()).isEqualTo(Intent.Kind.AGGREGATE);
        assertThat(top.measures()).extracting(Measure::describe).containsExactly("Count of rows");
        assertThat(top.filters()).extracting(Filter::describe).containsExactly("Goals >= 30");
        assertThat(top.limit()).isNull();
        // with a number, the top N are still ranked
        assertThat(Fixtures.intent(SCORERS, "how many goals did the top 3 scorers score?").limit()).isEqualTo(3);
        Intent floor = Fixtures.intent(SEASONS, "in which years did team penske finish at least in the top 3?");
        assertThat(floor.filters()).extracting(Filter::describe).containsExactly("Finish <= 3", "Team = 'Team Penske'");
        assertThat(floor.unexplained()).isEmpty();
    }

    @Test
    void oneExampleAskedForIsTheFirstRowNotAllNorACountCondition() {
        for (String q : List.of("name a film from 2008", "name one film from 2008", "name any film from 2008",
                "name at least one film made in 2008")) {
            Intent one = Fixtures.intent(FILMS, q);
            assertThat(one.kind()).as(q).isEqualTo(Intent.Kind.ROWS);
            assertThat(one.limit()).as(q).isEqualTo(1);
            assertThat(one.columns()).as(q).extracting(c -> c.name()).containsExactly("Film");
            assertThat(one.filters()).as(q).extracting(Filter::describe).containsExactly("Year = 2008");
            assertThat(one.readings()).as(q).anyMatch(r -> r.startsWith("one example asked for"));
            assertThat(one.unexplained()).as(q).isEmpty();
        }
        Intent two = Fixtures.intent(FILMS, "name at least two films in tamil");
        assertThat(two.limit()).isEqualTo(2);
        assertThat(two.filters()).extracting(Filter::describe).containsExactly("Language = 'Tamil'");
        // "another", and a noun no column is named after: still one of the rows
        assertThat(Fixtures.intent(FILMS, "name another film other than tamil ones").limit()).isEqualTo(1);
        assertThat(Fixtures.intent(FILMS, "name a player who had a cameo").limit()).isEqualTo(1);
        assertThat(Fixtures.intent(FILMS, "give a breakdown of films by year").limit()).isNull();
        // every one of them when no number of examples is asked
        assertThat(Fixtures.intent(FILMS, "name the films from 2008").limit()).isNull();
        assertThat(Fixtures.intent(FILMS, "show a film from 2008").limit()).isNull();
    }

    @Test
    void aQuantityColumnWithAFewWordsIsRankedByItsNumbers() {
        assertThat(QuantityFilters.written(WINS.columns().get(2))).isTrue();
        Intent largest = Fixtures.intent(WINS, "which margin of victory was the largest?");
        assertThat(largest.measures()).extracting(Measure::describe).containsExactly("Maximum of Margin of victory");
        assertThat(largest.measures().get(0).sql()).startsWith("MAX(TRY_CAST(replace(regexp_extract(");
        // the figure is the value as written, "11 strokes", chosen by its number ("Playoff" has none)
        assertThat(new SqlWriter("wins").aggregate(largest)).startsWith("SELECT arg_max(\"Margin of victory\", TRY_CAST(");
        // "which" asks for the measure's own value, which the figure is
        assertThat(largest.readings()).noneMatch(r -> r.startsWith(Clause.BEST_GUESS));
        Intent where = Fixtures.intent(WINS, "which tournament had the largest margin of victory?");
        assertThat(where.kind()).isEqualTo(Intent.Kind.ROWS);
        assertThat(where.columns()).extracting(c -> c.name()).containsExactly("Tournament", "Margin of victory");
        assertThat(where.limit()).isEqualTo(1);
        // as many words as quantities: a text column
        assertThat(QuantityFilters.written(Fixtures.col("Result", "VARCHAR", 4, List.of("2 goals", "Walkover", "Abandoned",
                "1 goal")))).isFalse();
    }

    @Test
    void aSizeSuperlativeWithNothingSizedIsAGuessButMostIsACount() {
        Intent largest = Fixtures.intent(WINS, "which runner-up has the largest result?");
        assertThat(largest.measures()).extracting(Measure::describe).containsExactly("Count of rows");
        assertThat(largest.readings()).anyMatch(r -> r.startsWith(Clause.BEST_GUESS + "'largest' ranks by a count of rows"));
        assertThat(Fixtures.intent(WINS, "which is the top runner-up?").readings())
                .anyMatch(r -> r.startsWith(Clause.BEST_GUESS + "'top' ranks by a count of rows"));
        Intent most = Fixtures.intent(ORDERS, "which customer has the most orders?");
        assertThat(most.readings()).noneMatch(r -> r.contains("ranks by a count of rows"));
    }

    @Test
    void aSuperlativeIsNotTheFirstWordOfValues() {
        Intent top = Fixtures.intent(CHARTS, "what is the top album?");
        assertThat(top.filters()).extracting(Filter::describe).noneMatch(f -> f.contains("Top"));
        // a value named whole is still that value
        assertThat(Fixtures.intent(CHARTS, "which albums reached the top 10?").filters())
                .extracting(Filter::describe).containsExactly("Chart = 'Top 10'");
    }
}
