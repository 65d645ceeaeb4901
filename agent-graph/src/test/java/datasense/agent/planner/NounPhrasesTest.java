package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a noun phrase's grammar decides what is asked: a compound's head is its last word ("population density" is a
 * density), a number in a partitive counts what is chosen from ("which of the 8 parishes"), the noun a "which"
 * asks for says how many are wanted ("which parish is on top"), "have 'x' in them" looks inside the things' own
 * text, a number that begins a column's name ("5 Hoops") counts nothing, and "the number of the nation" is its
 * number, no count; "which place" names a column Place; "the least amount of schools" is the fewest schools. On invented tables of parishes, rail ticket codes, a payroll,
 * a gymnastics final and villages.
 */
class NounPhrasesTest {

    static final SchemaInfo PARISHES = new SchemaInfo("parishes", 8, List.of(
            Fixtures.col("Parish", "VARCHAR", 8, List.of("Anse Nord", "Belle Vue", "Cap Rouge")),
            Fixtures.num("Population", "BIGINT", 8, "2100", "41000"),
            Fixtures.num("Density (per km2)", "BIGINT", 8, "40", "900"),
            Fixtures.num("Schools", "INTEGER", 7, "1", "19")));

    /** Invented school payroll: a base salary and a bonus per teacher. */
    static final SchemaInfo PAYROLL = new SchemaInfo("payroll", 40, List.of(
            Fixtures.col("school", "VARCHAR", 5, List.of("Elm", "Oak", "Ash")),
            Fixtures.num("base_salary", "DOUBLE", 40, "30000", "60000"),
            Fixtures.num("bonus", "DOUBLE", 30, "0", "5000")));

    static final SchemaInfo FARES = new SchemaInfo("fare_codes", 12, List.of(
            Fixtures.col("Code", "VARCHAR", 12, List.of("A1", "B12", "C2")),
            Fixtures.col("Zone", "VARCHAR", 3, List.of("1", "2", "3")),
            Fixtures.num("Price", "DOUBLE", 10, "1.5", "9.0")));

    /** An invented kart race: laps kept as text, a dash for a kart that never started. */
    static final SchemaInfo KARTS = new SchemaInfo("kart_race", 12, List.of(
            Fixtures.col("Driver", "VARCHAR", 12, List.of("Ana Ruiz", "Bo Lind", "Cy Moss")),
            Fixtures.col("Laps", "VARCHAR", 6, List.of("40", "39", "38", "12", "-")),
            Fixtures.num("Points", "BIGINT", 10, "0", "25")));

    @Test
    void howManyOfAColumnOfNumbersKeptAsTextAddsThemUp() {
        String sql = DoubtsTest.sql(KARTS, "how many laps did ana ruiz complete?");
        assertThat(sql).contains("SUM(TRY_CAST").contains("'Ana Ruiz'").doesNotContain("COUNT(DISTINCT");
        // different values asked for are counted; numbers that number the rows ("Episode" 1, 2, 3) are counted too
        assertThat(DoubtsTest.sql(KARTS, "how many different laps are there?")).contains("COUNT(DISTINCT");
        SchemaInfo episodes = new SchemaInfo("episodes", 9, List.of(
                Fixtures.col("Episode", "VARCHAR", 9, List.of("1", "2", "3", "4")),
                Fixtures.num("Rating", "DOUBLE", 9, "0.5", "1.2")));
        assertThat(DoubtsTest.sql(episodes, "how many episodes had a rating over 0.75?")).doesNotContain("SUM(");
    }

    @Test
    void positionsNamedByHashOrAbbreviationAreCountedNotAddedUp() {
        // "Ep #" kept as text ("5a", "5b") and "Rnd" repeating (two classes race each round): both number things
        SchemaInfo shows = new SchemaInfo("cartoon_episodes", 18, List.of(
                Fixtures.col("Ep #", "VARCHAR", 18, List.of("1", "2", "5a", "5b")),
                Fixtures.col("Title", "VARCHAR", 18, List.of("Mole Town", "Red Moon")),
                Fixtures.num("Year", "BIGINT", 2, "1967", "1968")));
        assertThat(DoubtsTest.sql(shows, "how many episodes were there in 1967?")).doesNotContain("SUM(");
        SchemaInfo races = new SchemaInfo("touring_races", 20, List.of(
                Fixtures.num("Rnd", "BIGINT", 10, "1", "10"),
                Fixtures.col("Winning team", "VARCHAR", 6, List.of("Blue Fox Racing", "Iron Gate")),
                Fixtures.col("Class", "VARCHAR", 2, List.of("GT", "TC"))));
        assertThat(DoubtsTest.sql(races, "what is the total number of rounds blue fox racing won?")).doesNotContain("SUM(");
        // ranking one row a bout, the rounds each went are ranked, not counted
        SchemaInfo bouts = new SchemaInfo("bouts", 14, List.of(
                Fixtures.col("Date", "VARCHAR", 14, List.of("04/13/2012", "06/02/2013")),
                Fixtures.col("Opponent", "VARCHAR", 12, List.of("Kai Rowe", "Lev Dunn")),
                Fixtures.num("Round", "BIGINT", 4, "1", "5")));
        assertThat(DoubtsTest.sql(bouts, "on which date was the bout with the smallest number of rounds?"))
                .contains("\"Round\"").doesNotContain("COUNT(");
        // years are never added up: "how many games were released" over a year of release counts the games
        SchemaInfo ports = new SchemaInfo("ports", 30, List.of(
                Fixtures.col("Title", "VARCHAR", 30, List.of("Sky Ace", "Blade Run")),
                Fixtures.num("Release", "BIGINT", 8, "2003", "2010"),
                Fixtures.col("Handheld", "VARCHAR", 3, List.of("PSP", "DS", "N/A"))));
        assertThat(DoubtsTest.sql(ports, "how many games were released for the psp?")).doesNotContain("SUM(");
        // the years themselves asked for are the different ones
        SchemaInfo chart = new SchemaInfo("chart_entries", 88, List.of(
                Fixtures.num("Year", "BIGINT", 23, "1990", "2012"),
                Fixtures.col("Title", "VARCHAR", 80, List.of("Blue Sky", "Red Moon"))));
        assertThat(DoubtsTest.sql(chart, "how many years is the chart for?")).contains("COUNT(DISTINCT \"Year\")");
        // a plural name counts what it names: "Matches" played each season are added up
        SchemaInfo career = new SchemaInfo("career", 12, List.of(
                Fixtures.col("Season", "VARCHAR", 12, List.of("2001", "2002", "2003–04")),
                Fixtures.col("Club", "VARCHAR", 5, List.of("Kalmar FF", "Viborg")),
                Fixtures.num("Matches", "BIGINT", 9, "3", "29")));
        assertThat(DoubtsTest.sql(career, "what is the total number of matches?")).contains("SUM(\"Matches\")");
        // a singular name numbering things several rows share: the things counted are its different values
        SchemaInfo seats = new SchemaInfo("senate_seats", 40, List.of(
                Fixtures.num("District", "BIGINT", 20, "1", "20"),
                Fixtures.col("Senator", "VARCHAR", 40, List.of("Ana Ruiz", "Tomas Vidal")),
                Fixtures.col("Party", "VARCHAR", 4, List.of("PS", "UDI"))));
        assertThat(DoubtsTest.sql(seats, "what is the total number of districts?")).contains("COUNT(DISTINCT \"District\")");
        assertThat(DoubtsTest.sql(seats, "how many districts did the ps win?")).contains("COUNT(DISTINCT \"District\")")
                .doesNotContain("SUM(");
        // "different" before a noun whose column the condition is on: its different values, not the rows
        SchemaInfo berths = new SchemaInfo("berth_bookings", 200, List.of(
                Fixtures.col("booking_ref", "VARCHAR", 200, List.of("B-001", "B-002")),
                Fixtures.col("boat_name", "VARCHAR", 70, List.of("Sea Star", "Blue Heron", "Star Dancer")),
                Fixtures.num("nights", "BIGINT", 20, "1", "21")));
        assertThat(DoubtsTest.sql(berths, "how many different boats with 'Star' in the name have booked?"))
                .contains("COUNT(DISTINCT \"boat_name\")");
    }

    @Test
    void theAmountOfAThingAfterASuperlativeOrAFunctionIsTheThing() {
        Intent least = Fixtures.intent(PARISHES, "which parish has the least amount of schools?");
        assertThat(least.unexplained()).isEmpty();
        assertThat(least.limit()).isEqualTo(1);
        assertThat(least.measures()).extracting(m -> m.column().name()).first().isEqualTo("Schools");
        Intent total = Fixtures.intent(PARISHES, "what is the total amount of schools?");
        assertThat(total.unexplained()).isEmpty();
        assertThat(total.measures()).extracting(Measure::agg).containsExactly(Agg.SUM);
        // after a column named Total, "amount" is no filler of a function
        SchemaInfo medals = new SchemaInfo("medals", 9, List.of(
                Fixtures.col("Nation", "VARCHAR", 9, List.of("Chad", "Peru")),
                Fixtures.num("Bronze", "BIGINT", 7, "0", "9"),
                Fixtures.num("Total", "BIGINT", 9, "1", "30")));
        assertThat(Fixtures.intent(medals, "what is the total amount of nations with more than 5 bronze medals?").unexplained())
                .extracting(Unexplained::text).contains("amount");
    }

    @Test
    void ofTwoAmountsNamedBackToBackTheSecondIsMeasured() {
        Intent it = Fixtures.intent(PARISHES, "which parish has the highest population density?");
        assertThat(it.measures()).extracting(m -> m.column().name()).first().isEqualTo("Density (per km2)");
        assertThat(it.unexplained()).isEmpty();
        // a word read as a column from another word is no head: "schools paid" does not make schools a modifier
        Intent paid = Fixtures.intent(PAYROLL, "total bonus paid per school");
        assertThat(paid.measures()).extracting(m -> m.column().name()).contains("bonus");
        // with a word between them, both are asked for
        Intent both = Fixtures.intent(PARISHES, "average population and density");
        assertThat(both.measures()).extracting(m -> m.column().name()).contains("Population", "Density (per km2)");
    }

    @Test
    void aNumberInAPartitiveCountsWhatIsChosenFrom() {
        Intent it = Fixtures.intent(PARISHES, "which of the 8 parishes has the most schools?");
        assertThat(it.limit()).isEqualTo(1);
        assertThat(Fixtures.intent(PARISHES, "which of the eight parishes has the most schools?").limit()).isEqualTo(1);
        // a number that asks for how many is still read so
        assertThat(Fixtures.intent(PARISHES, "which 3 parishes have the most schools?").limit()).isEqualTo(3);
        assertThat(Fixtures.intent(PARISHES, "list the schools of the 3 largest parishes by population").limit())
                .isEqualTo(3);
    }

    /** An invented gymnastics final: a score per apparatus, the apparatus named with its count. */
    static final SchemaInfo APPARATUS = new SchemaInfo("gym_final", 10, List.of(
            Fixtures.num("#", "BIGINT", 10, "3", "98"),
            Fixtures.col("Nation", "VARCHAR", 10, List.of("Hungary", "Italy", "Japan")),
            Fixtures.num("5 Hoops", "DOUBLE", 10, "18.7", "20.1"),
            Fixtures.num("3 Ribbons", "DOUBLE", 10, "17.2", "19.9")));

    @Test
    void aNumberThatBeginsAColumnsNameCountsNothing() {
        Intent it = Fixtures.intent(APPARATUS, "what nation had the least in the 5 hoops category");
        assertThat(it.limit()).isEqualTo(1);
        assertThat(it.measures()).extracting(m -> m.column().name()).first().isEqualTo("5 Hoops");
        assertThat(Fixtures.intent(APPARATUS, "which 3 nations had the most in 5 hoops").limit()).isEqualTo(3);
    }

    @Test
    void theNumberOfTheOneThingIsItsNumberNotACount() {
        Intent it = Fixtures.intent(APPARATUS, "what is the number of the nation from italy?");
        assertThat(it.measures()).noneMatch(m -> m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT);
        assertThat(it.filters()).extracting(Filter::describe).containsExactly("Nation = 'Italy'");
        assertThat(Fixtures.intent(APPARATUS, "what is the number of nations?").measures())
                .extracting(Measure::describe).containsExactly("Distinct count of Nation");
    }

    /** Invented villages, labelled by a column named with a word questions also use as glue ("take place"). */
    static final SchemaInfo VILLAGES = new SchemaInfo("villages", 30, List.of(
            Fixtures.col("Place", "VARCHAR", 30, List.of("Backer", "Bochum", "Dendron")),
            Fixtures.num("Area (km2)", "DOUBLE", 30, "0.3", "40"),
            Fixtures.num("Population", "BIGINT", 30, "100", "46000")));

    @Test
    void aWordAskedForByWhichNamesItsColumnEvenAGlueWord() {
        Intent it = Fixtures.intent(VILLAGES, "which place has the smallest area?");
        assertThat(it.columns()).extracting(c -> c.name()).contains("Place");
        assertThat(it.limit()).isEqualTo(1);
    }

    @Test
    void onTopAsksForAsManyAsTheNounAskedFor() {
        assertThat(Fixtures.intent(PARISHES, "which parish is on top in schools").limit()).isEqualTo(1);
        assertThat(Fixtures.intent(PARISHES, "which parishes are on top in schools").limit()).isEqualTo(10);
        assertThat(Fixtures.intent(PARISHES, "which parish had the top number of schools?").limit()).isEqualTo(1);
    }

    @Test
    void quotedTextInThemIsLookedForInTheirOwnText() {
        Intent it = Fixtures.intent(FARES, "how many codes have \"1\" in them?");
        assertThat(it.filters()).extracting(Filter::describe).containsExactly("Code contains '1'");
        assertThat(it.unexplained()).isEmpty();
        // a column named after "in" is still the one searched
        assertThat(Fixtures.intent(FARES, "codes with \"1\" in the zone").filters()).extracting(Filter::describe)
                .containsExactly("Zone contains '1'");
    }
}
