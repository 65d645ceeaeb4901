package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Total", "overall", "altogether" ask for one figure over everything: the things the question names are what the
 * figure is over, not groups, unless a word asks for one answer each. On an invented darts league's season table.
 */
class WholeFiguresTest {

    static final SchemaInfo LEAGUE = new SchemaInfo("darts_league", 24, List.of(
            Fixtures.col("Player", "VARCHAR", 24, List.of("Ann Roe", "Ben Ely", "Cai Wu")),
            Fixtures.col("Club", "VARCHAR", 6, List.of("Crown", "Anchor", "Bell")),
            Fixtures.num("Wins", "INTEGER", 15, "0", "20"),
            Fixtures.num("Legs", "INTEGER", 20, "10", "90")));

    @Test
    void aTotalOverTheThingsNamedIsOneFigure() {
        Plan plan = DoubtsTest.plan(LEAGUE, "how many wins do the clubs have in total?");
        assertThat(plan.steps().get(0).args().path("sql").asText()).contains("SUM(\"Wins\")").doesNotContain("GROUP BY");
        assertThat(plan.interpretation()).contains("one figure over every Club");
        assertThat(DoubtsTest.sql(LEAGUE, "how many legs do the clubs have altogether?")).doesNotContain("GROUP BY");
    }

    @Test
    void aWordAskingForEachKeepsTheGroups() {
        assertThat(DoubtsTest.sql(LEAGUE, "total wins by club")).contains("GROUP BY \"Club\"");
        assertThat(DoubtsTest.sql(LEAGUE, "total wins of each club")).contains("GROUP BY \"Club\"");
        assertThat(DoubtsTest.sql(LEAGUE, "sort the clubs by the total wins of their players"))
                .contains("GROUP BY \"Club\"");
    }

    /** An invented rowing league: each club's home water and its average crowd. */
    static final SchemaInfo CROWDS = new SchemaInfo("rowing_crowds", 9, List.of(
            Fixtures.col("Club", "VARCHAR", 9, List.of("Leander", "Tideway", "Isis")),
            Fixtures.col("Home water", "VARCHAR", 9, List.of("Henley Reach", "Putney", "Godstow")),
            Fixtures.num("Average crowd", "BIGINT", 9, "800", "5400")));

    @Test
    void whatIsTheFigureAColumnIsNamedAfterAsksForThatFunctionOverTheRows() {
        assertThat(DoubtsTest.sql(CROWDS, "what is the average crowd for all home waters?"))
                .contains("AVG(\"Average crowd\")").doesNotContain("GROUP BY");
        // one club's is that club's own figure
        assertThat(DoubtsTest.sql(CROWDS, "what is the average crowd of Leander?"))
                .contains("AVG(\"Average crowd\")", "'Leander'");
        // a ranking still ranks the rows by it
        assertThat(DoubtsTest.sql(CROWDS, "which club has the highest average crowd?")).doesNotContain("AVG(");
    }

    /** An invented kennel club roll: each dog, its breed group and its show wins. */
    static final SchemaInfo KENNEL = new SchemaInfo("kennel_roll", 30, List.of(
            Fixtures.col("Dog", "VARCHAR", 30, List.of("Rex", "Fern", "Pip")),
            Fixtures.col("Group", "VARCHAR", 4, List.of("Terrier", "Hound", "Toy", "Gundog")),
            Fixtures.num("Show wins", "INTEGER", 9, "0", "12")));

    @Test
    void aTotalOfThingsWithNothingToAddUpCountsThem() {
        Plan plan = DoubtsTest.plan(KENNEL, "what is the total amount of terriers entered?");
        assertThat(DoubtsTest.sql(KENNEL, "what is the total amount of terriers entered?"))
                .contains("COUNT(*)", "'Terrier'").doesNotContain("SUM(");
        assertThat(plan.interpretation()).contains("counted, as nothing is named to add up");
        assertThat(DoubtsTest.sql(KENNEL, "give the total of hounds")).contains("COUNT(*)", "'Hound'");
        // a plural no column names is the rows themselves
        SchemaInfo discs = new SchemaInfo("picture_discs", 20, List.of(
                Fixtures.col("Band", "VARCHAR", 14, List.of("Neon Owls", "The Larks")),
                Fixtures.num("Released", "BIGINT", 9, "1979", "1990")));
        assertThat(DoubtsTest.sql(discs, "what is the total amount of discs released in 1989?"))
                .contains("COUNT(*)", "1989");
        // an amount named is added up; one thing is no count
        assertThat(DoubtsTest.sql(KENNEL, "the total show wins of terriers")).contains("SUM(\"Show wins\")");
        assertThat(DoubtsTest.sql(KENNEL, "what is the total of rex")).doesNotContain("COUNT(*)");
    }

    /** An invented scorers' table: goals per competition and their total, one row a player. */
    static final SchemaInfo SCORERS = new SchemaInfo("scorers", 12, List.of(
            Fixtures.col("Name", "VARCHAR", 12, List.of("Ryan Hall", "Tom Best", "Ian Cole")),
            Fixtures.num("League", "BIGINT", 9, "0", "20"),
            Fixtures.num("Cup", "BIGINT", 4, "0", "3"),
            Fixtures.num("Total", "BIGINT", 10, "1", "22")));

    @Test
    void howManyOfThingsNoColumnNamesForOneRowIsItsTotalAsAGuess() {
        Plan plan = DoubtsTest.plan(SCORERS, "how many goals did ryan hall score?");
        assertThat(DoubtsTest.sql(SCORERS, "how many goals did ryan hall score?")).contains("SUM(\"Total\")", "'Ryan Hall'");
        assertThat(plan.isBestGuess()).isTrue();
        // with no name picking one row, the rows are counted
        assertThat(DoubtsTest.sql(SCORERS, "how many players scored in the cup?")).doesNotContain("SUM(\"Total\")");
    }
}
