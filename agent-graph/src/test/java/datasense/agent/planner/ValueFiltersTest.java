package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values named by the data itself become filters: equality, negation, prefixes and lists. */
class ValueFiltersTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo STAFF = Fixtures.staff();

    static Clause read(SchemaInfo s, String q) {
        Clause c = Fixtures.clause(s, q);
        ValueFilters.read(c);
        return c;
    }

    /** An invented town council: each seat's holder, party and result. */
    static final SchemaInfo COUNCIL = new SchemaInfo("council", 30, List.of(
            Fixtures.col("Councillor", "VARCHAR", 30, List.of("Ann Webb", "Raj Patel")),
            Fixtures.col("Party", "VARCHAR", 3, List.of("Democratic", "Republican", "Green")),
            Fixtures.col("Result", "VARCHAR", 2, List.of("Re-elected", "Retired"))));

    @Test
    void otherANounThanAValueLeavesTheValueOut() {
        // a ferry's tickets, paid at a kiosk, online or on board
        SchemaInfo tickets = new SchemaInfo("ferry_tickets", 400, List.of(
                Fixtures.col("ticket_no", "VARCHAR", 400, List.of("T-1", "T-2")),
                Fixtures.col("channel", "VARCHAR", 3, List.of("kiosk", "online", "on board")),
                Fixtures.num("fare", "DOUBLE", 40, "4", "30")));
        assertThat(Fixtures.where(tickets, "how many tickets were bought some other way than online"))
                .singleElement().asString().contains("\"channel\" <> 'online'");
    }

    @Test
    void aMonthAndItsDayOverDatesKeptAsTextIsThatDay() {
        SchemaInfo games = new SchemaInfo("games", 11, List.of(
                Fixtures.col("Date", "VARCHAR", 11, List.of("September 3, 2005", "September 17, 2005", "October 1, 2005")),
                Fixtures.col("Opponent", "VARCHAR", 11, List.of("Rams", "Jets")),
                Fixtures.num("Attendance", "BIGINT", 11, "21000", "78000")));
        assertThat(Fixtures.where(games, "what was the attendance on september 17th?")).singleElement().asString()
                .contains("ILIKE 'September 17,%'").doesNotContain("'September%'");
        assertThat(Fixtures.where(games, "games in september")).containsExactly("CAST(\"Date\" AS VARCHAR) ILIKE 'September%'");
    }

    @Test
    void aValueInTwoColumnsIsInTheOneItsVerbNamesTheDoerOf() {
        SchemaInfo board = new SchemaInfo("board_games", 20, List.of(
                Fixtures.col("Title", "VARCHAR", 20, List.of("Harbour", "Salt Road")),
                Fixtures.col("Designer", "VARCHAR", 6, List.of("Mira Holt", "Ode Games", "Kit Vale")),
                Fixtures.col("Publisher", "VARCHAR", 4, List.of("Ode Games", "Tallow")),
                Fixtures.num("Year", "BIGINT", 9, "2001", "2012")));
        assertThat(Fixtures.where(board, "how many games were designed by ode games?"))
                .containsExactly("\"Designer\" = 'Ode Games'");
        assertThat(Fixtures.where(board, "how many games were published by ode games?"))
                .containsExactly("\"Publisher\" = 'Ode Games'");
        assertThat(SchemaLinker.agentNouns("directed")).contains("director");
        assertThat(SchemaLinker.agentNouns("produced")).contains("producer");
    }

    @Test
    void membersOfAValueInIcAreThatValue() {
        assertThat(Fixtures.where(COUNCIL, "how many democrats were re-elected?"))
                .containsExactlyInAnyOrder("\"Party\" = 'Democratic'", "\"Result\" = 'Re-elected'");
        assertThat(Fixtures.where(COUNCIL, "how many greens retired?")).contains("\"Party\" = 'Green'");
    }

    @Test
    void valuesOfTwoColumnsAndTheColumnWordBesideThem() {
        Clause c = read(FLEET, "parts cost for Brakes at the Harbor depot");
        assertThat(SqlWriter.where(c.filters))
                .isEqualTo(" WHERE \"Fault Category\" = 'Brakes' AND \"Depot\" = 'Harbor'");
        assertThat(c.used[6]).as("'depot' belongs to the value").isTrue();
    }

    @Test
    void negationAndListsWithOneRowPerValue() {
        assertThat(SqlWriter.where(read(FLEET, "labor hours excluding Forklift").filters))
                .isEqualTo(" WHERE (\"Vehicle Type\" <> 'Forklift' OR \"Vehicle Type\" IS NULL)");
        Clause list = read(FLEET, "parts cost for Truck vs Van");
        assertThat(SqlWriter.where(list.filters)).isEqualTo(" WHERE \"Vehicle Type\" IN ('Truck', 'Van')");
        assertThat(list.groups).extracting(g -> g.column().name()).containsExactly("Vehicle Type");
    }

    @Test
    void aWordBeginningSeveralValuesIsAPrefix() {
        Clause c = read(STAFF, "mean rating among seniors");
        assertThat(SqlWriter.where(c.filters)).isEqualTo(" WHERE CAST(\"job_title\" AS VARCHAR) ILIKE 'Senior%'");
        assertThat(c.readings).containsExactly("'seniors' read as job_title starting with 'Senior'");
    }

    /** A club's seasons: two cups whose results are written alike. */
    static final SchemaInfo SEASONS = new SchemaInfo("seasons", 16, java.util.List.of(
            Fixtures.num("Year", "BIGINT", 16, "1995", "2010"),
            Fixtures.col("Playoffs", "VARCHAR", 4, java.util.List.of("Did not qualify", "Quarterfinals", "Semifinals", "Final")),
            Fixtures.col("Open Cup", "VARCHAR", 4, java.util.List.of("Did not qualify", "1st Round", "2nd Round", "Quarterfinals"))));

    @Test
    void aValueSeveralColumnsHoldBelongsToTheOneNamedNearIt() {
        assertThat(Fixtures.where(SEASONS, "how many years did they reach the quarterfinals in the open cup?"))
                .containsExactly("\"Open Cup\" = 'Quarterfinals'");
        assertThat(Fixtures.where(SEASONS, "how many seasons reached the quarterfinals of the playoffs?"))
                .containsExactly("\"Playoffs\" = 'Quarterfinals'");
    }

    @Test
    void aQuestionsInvertedAuxiliaryIsReadInStatementOrder() {
        // "did they not qualify": "they did not qualify", as the table writes "Did not qualify"
        assertThat(Fixtures.where(SEASONS, "how many times did they not qualify for the open cup?"))
                .containsExactly("\"Open Cup\" = 'Did not qualify'");
        assertThat(Tokenizer.tokenize("did he not win").stream().map(Token::norm).toList())
                .containsExactly("he", "did", "not", "win");
        assertThat(Tokenizer.tokenize("did he win").stream().map(Token::norm).toList())
                .containsExactly("did", "he", "win");
    }

    @Test
    void aWordInsideTheValuesOfTwoColumnsBelongsToTheOneTheQuestionNamed() {
        SchemaInfo coaches = new SchemaInfo("coach_changes", 12, java.util.List.of(
                Fixtures.col("Club", "VARCHAR", 12, java.util.List.of("Avon Town", "Brook City")),
                Fixtures.col("Date of vacancy", "VARCHAR", 12, java.util.List.of("8 October 2007", "29 August 2007",
                        "1 November 2007")),
                Fixtures.col("Date of appointment", "VARCHAR", 12, java.util.List.of("11 October 2007", "22 November 2007",
                        "13 September 2007"))));
        assertThat(Fixtures.where(coaches, "how many times was the date of appointment in november?"))
                .containsExactly("CAST(\"Date of appointment\" AS VARCHAR) ILIKE '%november%'");
        // but the things counted are not where the word is: "how many reserves are in norway" names no reserve
        SchemaInfo reserves = new SchemaInfo("nature_reserves", 14, java.util.List.of(
                Fixtures.col("Reserve", "VARCHAR", 14, java.util.List.of("Skerry Isles", "Fjord of Norway", "Moss Bog")),
                Fixtures.col("County", "VARCHAR", 8, java.util.List.of("Norway West", "Inner Norway", "Troms", "Nordland")),
                Fixtures.num("Area", "DOUBLE", 14, "2.5", "310")));
        assertThat(Fixtures.where(reserves, "how many reserves are in norway?")).noneMatch(w -> w.contains("\"Reserve\""));
    }

    @Test
    void homeAndAwayAreTheSideAVenueColumnOrAnAwayMarkSays() {
        SchemaInfo sides = new SchemaInfo("league_games", 20, java.util.List.of(
                Fixtures.col("Opponent", "VARCHAR", 18, java.util.List.of("Riverton", "Oak Vale")),
                Fixtures.col("Venue", "VARCHAR", 2, java.util.List.of("H", "A"))));
        assertThat(Fixtures.where(sides, "how many were home games?")).containsExactly("\"Venue\" = 'H'");
        SchemaInfo marked = new SchemaInfo("lacrosse_games", 16, java.util.List.of(
                Fixtures.num("Game", "BIGINT", 16, "1", "16"),
                Fixtures.col("Opponent", "VARCHAR", 9, java.util.List.of("Riverton Wings", "@ Riverton Wings", "@ Oak Vale"))));
        assertThat(Fixtures.where(marked, "how many away games were played?")).singleElement().asString()
                .contains("\"Opponent\"").contains("'@ %'").doesNotContain("NOT");
        assertThat(Fixtures.where(marked, "how many home games were played?")).singleElement().asString().contains("NOT");
    }
}
