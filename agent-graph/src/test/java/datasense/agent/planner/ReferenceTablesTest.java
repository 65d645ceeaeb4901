package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on invented reference tables of the kind an encyclopedia holds, one row per named thing: radio
 * stations with the ways each broadcasts listed in one cell, the largest metropolitan areas, regions with the
 * subtotal of each part, a club's league places by season, and players with their nationality. Each rule is one
 * an analyst would state without the tables; a reading that may well be wrong is a best guess, never 1.0.
 */
class ReferenceTablesTest {

    static final SchemaInfo STATIONS = new SchemaInfo("stations", 12, List.of(
            Fixtures.col("Name", "VARCHAR", 12, List.of("Radio Nova", "Radio Uno", "Kiss FM", "Jazz Wave", "City Beat",
                    "Radio Sole", "Metro Talk", "Blue Sound")),
            Fixtures.col("City", "VARCHAR", 4, List.of("Rome", "Milan", "Turin", "Naples")),
            Fixtures.col("Transmission", "VARCHAR", 6, List.of("FM, DAB", "FM", "FM, DAB, DVB-T", "DAB"))));

    static final SchemaInfo METROS = new SchemaInfo("metros", 20, List.of(
            Fixtures.col("Metropolitan area", "VARCHAR", 20, List.of("Lagos", "Mexico City", "Cairo", "Accra",
                    "Kano", "Guatemala City", "Abuja", "Giza")),
            Fixtures.col("Country", "VARCHAR", 6, List.of("Nigeria", "Mexico", "Egypt", "Ghana", "Guatemala")),
            Fixtures.num("Population", "BIGINT", 20, "900000", "21000000")));

    static final SchemaInfo REGIONS = new SchemaInfo("regions", 9, List.of(
            Fixtures.col("Region", "VARCHAR", 9, List.of("Coastal Region", "Highlands", "Total for northern part:",
                    "Lake District", "Plains", "Total for southern part:", "Grand total")),
            Fixtures.num("Population", "BIGINT", 9, "160000", "3600000"),
            Fixtures.col("Area", "VARCHAR", 9, List.of("2,864 km²", "6,970 km²"))));

    static final SchemaInfo SEASONS = new SchemaInfo("club_seasons", 18, List.of(
            Fixtures.col("Season", "VARCHAR", 18, List.of("1996/97", "1997/98", "1998/99", "1999/00")),
            Fixtures.num("Tier", "BIGINT", 3, "3", "5"),
            Fixtures.col("Place", "VARCHAR", 12, List.of("16th", "5th", "12th", "4th", "1st", "2nd", "—"))));

    static final SchemaInfo PLAYERS = new SchemaInfo("players", 20, List.of(
            Fixtures.col("Player", "VARCHAR", 20, List.of("Scott Birch", "Bob Moreno", "Jan Holm", "Eli Vance",
                    "Tom Hale", "Ann Lee", "Sam Kerr", "Leo Park")),
            Fixtures.col("Nationality", "VARCHAR", 5, List.of("Canada", "Sweden", "United States", "Finland")),
            Fixtures.num("Pick", "BIGINT", 20, "1", "20"),
            Fixtures.num("Height (cm)", "BIGINT", 15, "170", "205")));

    static final SchemaInfo BOUTS = new SchemaInfo("bouts", 16, List.of(
            Fixtures.col("Winner", "VARCHAR", 9, List.of("Ann Lee", "Eva Cruz", "Mia Holt", "Zoe Park",
                    "Ann Lee and Mia Holt")),
            Fixtures.col("Loser", "VARCHAR", 11, List.of("Eva Cruz", "Ann Lee", "Kim Vos", "Zoe Park", "Ida Berg")),
            Fixtures.col("Venue", "VARCHAR", 5, List.of("Tokyo", "Osaka", "Nagoya"))));

    static final SchemaInfo SONGS = new SchemaInfo("songs", 30, List.of(
            Fixtures.col("Title", "VARCHAR", 30, List.of("Blue Sky", "Red Moon", "Rain")),
            Fixtures.col("Language", "VARCHAR", 4, List.of("English", "Hindi", "Tamil", "-")),
            Fixtures.num("Year", "BIGINT", 10, "1990", "2005")));

    static final SchemaInfo PEAKS = new SchemaInfo("peaks", 40, List.of(
            Fixtures.col("Peak", "VARCHAR", 40, List.of("Mont Blanc", "Dom", "Weisshorn", "Matterhorn")),
            Fixtures.num("Elevation (m)", "BIGINT", 40, "2400", "4810"),
            Fixtures.num("Col height (m)", "BIGINT", 38, "100", "3400"),
            Fixtures.col("Type", "VARCHAR", 3, List.of("massif", "summit", "ridge")),
            Fixtures.col("Seats", "VARCHAR", 30, List.of("83", "90", "1,204", "–"))));

    /** A library's loans, one row per loan: "loans" are the rows, "members" a group of them. */
    static final SchemaInfo LOANS = new SchemaInfo("library_loans", 5000, List.of(
            Fixtures.col("loan_id", "VARCHAR", 5000, List.of("L0001", "L0002")),
            Fixtures.col("member_id", "VARCHAR", 800, List.of("M001", "M002")),
            Fixtures.col("genre", "VARCHAR", 6, List.of("Fiction", "History", "Science", "Poetry", "Children", "Travel")),
            new ColumnProfile("loan_date", "DATE", 0, 700, "2021-01-02", "2023-12-30", List.of()),
            Fixtures.num("fee", "DOUBLE", 40, "0", "25.5")));

    /** The plan says why it is unsure and is flagged a best guess (below {@link Plan#LOW_CONFIDENCE}). */
    static void assertBestGuess(Plan plan, String why) {
        assertThat(plan.interpretation()).contains(why);
        assertThat(plan.confidence()).isLessThan(Plan.LOW_CONFIDENCE);
    }

    static Plan plan(SchemaInfo schema, String question) {
        return new OfflinePlanner().planNow(new PlanRequest(question, schema, List.of(), null));
    }

    @Test
    void theNounAHowManyCountsIsNotAPartOfOneName() {
        // "cities" is what is counted, not Mexico City; before the rule this was 0 rows at confidence 1.0
        assertThat(Fixtures.where(METROS, "how many cities are in nigeria?")).containsExactly("\"Country\" = 'Nigeria'");
        assertThat(Fixtures.where(METROS, "what is the number of cities in ghana?")).containsExactly("\"Country\" = 'Ghana'");
        // a name's own word, said alone, still names it
        assertThat(Fixtures.where(METROS, "what is the population of guatemala city?"))
                .containsExactly("\"Metropolitan area\" = 'Guatemala City'");
        assertThat(Fixtures.where(METROS, "what is the population of lagos?")).containsExactly("\"Metropolitan area\" = 'Lagos'");
    }

    @Test
    void aCountOverTheOneRowANameKeepsIsABestGuess() {
        // the stations' ways of broadcasting are listed inside one cell: counting rows can only say 0 or 1
        Plan count = plan(STATIONS, "how many transmissions does radio nova have?");
        assertThat(count.confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(count.interpretation()).contains("each Name is one row");
        // a count over a column of many rows per value stays sure
        Plan city = plan(STATIONS, "how many stations are in rome?");
        assertThat(city.interpretation()).doesNotContain("one row");
        // the same with the year that numbers the rows of a table of one row per election
        SchemaInfo elections = new SchemaInfo("elections", 6, List.of(
                Fixtures.num("Election", "BIGINT", 6, "1988", "2008"),
                Fixtures.col("Total elected seats", "VARCHAR", 6, List.of("61 / 264", "83 / 272", "64 / 301")),
                Fixtures.num("Popular votes", "BIGINT", 6, "139982", "170757")));
        Plan seats = plan(elections, "how many total elected seats in 1991?");
        assertThat(seats.confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(seats.interpretation()).contains("each Election is one row");
    }

    @Test
    void theSubtotalsOfEachPartAreLeftOutWithTheGrandTotal() {
        Plan most = plan(REGIONS, "which region has the most population?");
        String sql = most.steps().get(0).args().toString();
        assertThat(sql).contains("NOT IN ('Total for northern part:', 'Total for southern part:', 'Grand total')");
        assertThat(most.interpretation()).contains("summary rows Region in");
        // a table with a single "Total" row keeps the single condition
        assertThat(SummaryRows.condition(SchemaLinker.index(new SchemaInfo("t", 5, List.of(
                Fixtures.col("Team", "VARCHAR", 5, List.of("Rovers", "United", "City", "Athletic", "Total")),
                Fixtures.num("Points", "BIGINT", 5, "3", "90")))))).extracting(Filter::op).isEqualTo("ne");
        // a name that only begins with the word is not a total
        assertThat(SummaryRows.condition(SchemaLinker.index(new SchemaInfo("shows", 4, List.of(
                Fixtures.col("Show", "VARCHAR", 4, List.of("Total Drama", "Top Gear", "Lost", "Friends")),
                Fixtures.num("Seasons", "BIGINT", 4, "1", "10")))))).isNull();
        // a row of averages under the rows summarises them too
        assertThat(SummaryRows.condition(SchemaLinker.index(new SchemaInfo("ratings", 9, List.of(
                Fixtures.col("Week", "VARCHAR", 9, List.of("1", "2", "3", "4", "5", "6", "7", "8", "Average")),
                Fixtures.num("Viewers", "DOUBLE", 9, "0.52", "0.94")))))).extracting(Filter::value).isEqualTo("Average");
    }

    @Test
    void atLeastAPlaceIsThatPlaceOrBetter() {
        assertThat(Fixtures.where(SEASONS, "how many times did they place at least 4th?")).containsExactly(
                "(CAST(\"Place\" AS VARCHAR) ILIKE '1st%' OR CAST(\"Place\" AS VARCHAR) ILIKE '2nd%'"
                        + " OR CAST(\"Place\" AS VARCHAR) ILIKE '3rd%' OR CAST(\"Place\" AS VARCHAR) ILIKE '4th%')");
        assertThat(Fixtures.where(SEASONS, "how many seasons did they finish 2nd or better?")).containsExactly(
                "(CAST(\"Place\" AS VARCHAR) ILIKE '1st%' OR CAST(\"Place\" AS VARCHAR) ILIKE '2nd%')");
    }

    @Test
    void anAverageOfNamedRowsIsOneFigure() {
        Intent avg = Fixtures.intent(METROS, "what is the average population of lagos, cairo, and accra?");
        assertThat(avg.groups()).isEmpty();
        assertThat(avg.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("AVG Population");
        // of categories with many rows each, each one's average is asked
        Intent byCountry = Fixtures.intent(METROS, "what is the average population of nigeria and egypt?");
        assertThat(byCountry.groups()).extracting(g -> g.column().name()).containsExactly("Country");
    }

    @Test
    void whatTwoNamedRowsShareIsTheSharedValueAlone() {
        Intent both = Fixtures.intent(PLAYERS, "which nationality is both scott birch and bob moreno?");
        assertThat(both.columns()).extracting(c -> c.name()).containsExactly("Nationality");
        assertThat(both.filters()).extracting(Filter::sql)
                .containsExactly("\"Player\" IN ('Scott Birch', 'Bob Moreno')");
        // without "both", each player's own is listed beside the name
        Intent each = Fixtures.intent(PLAYERS, "what nationality are scott birch and bob moreno?");
        assertThat(each.columns()).extracting(c -> c.name()).containsExactly("Player", "Nationality");
    }

    @Test
    void aComparisonWithANamedRowTakesThatRowsValue() {
        String larger = "\"Population\" > (SELECT MAX(\"Population\") FROM \"metros\" WHERE \"Metropolitan area\" = 'Lagos')";
        assertThat(Fixtures.where(METROS, "which metropolitan areas have a population larger than lagos?")).containsExactly(larger);
        assertThat(Fixtures.where(METROS, "how many areas have more population than lagos?")).containsExactly(larger);
        assertThat(Fixtures.where(PLAYERS, "how many players were taller than tom hale?")).containsExactly(
                "\"Height (cm)\" > (SELECT MAX(\"Height (cm)\") FROM \"players\" WHERE \"Player\" = 'Tom Hale')");
        Plan fewer = plan(METROS, "which metropolitan areas have a smaller population than cairo?");
        assertThat(fewer.interpretation()).contains("Population below the Population of Metropolitan area = 'Cairo'");
        // a number after "than" is still a threshold, and a category after it is a condition, not a row
        assertThat(Fixtures.where(METROS, "which areas have a population larger than 5,000,000?"))
                .containsExactly("\"Population\" > 5000000");
    }

    @Test
    void aNameInTwoColumnsIsTheOneTheQuestionNames() {
        // a team of two named with "and" holds her too: every Winner that lists her, as a best guess
        Plan winner = plan(BOUTS, "how many times has ann lee been a winner?");
        assertThat(winner.steps().get(0).args().toString()).contains("ILIKE '%Ann Lee%'");
        assertThat(winner.confidence()).isLessThan(Plan.LOW_CONFIDENCE);
        assertThat(Fixtures.where(BOUTS, "how many times did eva cruz win?")).containsExactly("\"Winner\" = 'Eva Cruz'");
        assertThat(Fixtures.where(BOUTS, "how many times was ann lee the loser?")).containsExactly("\"Loser\" = 'Ann Lee'");
        // named nowhere: the column with fewer values, as before
        assertThat(Fixtures.where(BOUTS, "how many bouts did eva cruz have in tokyo?")).contains("\"Winner\" = 'Eva Cruz'");
    }

    @Test
    void anAdjectiveOfNationalityIsItsCountry() {
        assertThat(Fixtures.where(PLAYERS, "how many players are canadian?")).containsExactly("\"Nationality\" = 'Canada'");
        assertThat(Fixtures.where(PLAYERS, "list the american players")).containsExactly("\"Nationality\" = 'United States'");
        assertThat(Fixtures.where(PLAYERS, "which players are not swedish?")).containsExactly(
                "(\"Nationality\" <> 'Sweden' OR \"Nationality\" IS NULL)");
        // a country the table does not hold links nothing
        assertThat(Fixtures.where(PLAYERS, "how many players are brazilian?")).isEmpty();
    }

    @Test
    void theMostTimesRanksGroupsByTheirRowsLeavingOutTheMarksOfMissingValues() {
        for (String q : List.of("which language was used the most number of times?", "which language was used the most times?")) {
            Plan most = plan(SONGS, q);
            assertThat(most.confidence()).as(q).isEqualTo(1.0);
            assertThat(most.interpretation()).as(q).startsWith("Count of rows by Language, top 1 by Count of rows, where Language is not '-'");
        }
        // a question about the mark keeps it
        assertThat(plan(SONGS, "which language was used the least times?").interpretation()).contains("bottom 1");
        assertThat(plan(SONGS, "how many songs are in each language?").interpretation()).doesNotContain("left out");
        // a prize no one won that year names no one
        SchemaInfo prizes = new SchemaInfo("poetry_prize", 30, List.of(
                Fixtures.num("Year", "BIGINT", 30, "1990", "2019"),
                Fixtures.col("Winner", "VARCHAR", 12, List.of("Ada Moss", "Ben Ruiz", "NOT AWARDED", "Cy Lind"))));
        assertThat(plan(prizes, "which winner appears the most times?").interpretation())
                .contains("Winner is not 'NOT AWARDED'");
    }

    @Test
    void aVerbAfterDidNotAndAnArticleBeforeANumberKeepTheirConditions() {
        assertThat(Fixtures.where(PLAYERS, "which players did not originate from canada?")).containsExactly(
                "(\"Nationality\" <> 'Canada' OR \"Nationality\" IS NULL)");
        assertThat(Fixtures.where(METROS, "which areas have at least a 5000000 population?"))
                .containsExactly("\"Population\" >= 5000000");
    }

    @Test
    void aComparativeNamesTheColumnOfItsWordAloneBeforeOneThatQualifiesIt() {
        assertThat(Fixtures.where(PEAKS, "how many peaks are taller than 4,500 m?")).containsExactly("\"Elevation (m)\" > 4500");
    }

    @Test
    void readingsThatIgnoreAWordOrCountNumbersKeptAsTextAreBestGuesses() {
        assertBestGuess(plan(PEAKS, "which massif is the oldest?"), "'oldest' without anything to rank");
        // numbers kept as text are added up when they are what is counted, as a count column's are; not told apart
        assertThat(plan(PEAKS, "how many seats are there?").interpretation()).contains("adding up the numbers in Seats");
        assertBestGuess(plan(PEAKS, "how many different seats are there?"), "Seats holds numbers written as text");
        // the noun right after "how many" is what is counted even in the singular: not Hospital beds added up
        SchemaInfo wards = new SchemaInfo("wards", 20, List.of(
                Fixtures.num("Hospital beds", "BIGINT", 18, "10", "300"),
                Fixtures.num("Operating rooms", "BIGINT", 8, "0", "12")));
        assertThat(plan(wards, "how many hospital have no operating rooms?").interpretation()).doesNotContain("Total of Hospital beds");
        // "both" after the names asks what they share as well
        Intent both = Fixtures.intent(PLAYERS, "scott birch and bob moreno both had which nationality?");
        assertThat(both.columns()).extracting(c -> c.name()).containsExactly("Nationality");
    }

    @Test
    void oneValueSpelledTwoWaysIsBothSpellingsAndATranslatedTotalIsASummaryRow() {
        SchemaInfo roster = new SchemaInfo("roster", 14, List.of(
                Fixtures.col("Player", "VARCHAR", 14, List.of("Ardo Kask", "Siim Otsa", "Andri Aas")),
                Fixtures.col("Position", "VARCHAR", 6, List.of("Middle blocker", "Setter", "Middle Blocker", "Libero"))));
        assertThat(Fixtures.where(roster, "how many players are middle blockers?"))
                .containsExactly("\"Position\" IN ('Middle blocker', 'Middle Blocker')");
        assertThat(Fixtures.where(roster, "how many players are setters?")).containsExactly("\"Position\" = 'Setter'");
        SchemaInfo medals = new SchemaInfo("medals", 9, List.of(
                Fixtures.col("Nation", "VARCHAR", 9, List.of("France", "Greece", "Spain", "Egypt", "Totaal")),
                Fixtures.num("Silver", "BIGINT", 6, "1", "23")));
        assertThat(SummaryRows.condition(SchemaLinker.index(medals)).sql()).isEqualTo("(\"Nation\" <> 'Totaal' OR \"Nation\" IS NULL)");
    }

    @Test
    void theFootOfAnElectionsResultsIsNoCandidate() {
        SchemaInfo riding = new SchemaInfo("riding", 9, List.of(
                Fixtures.col("Party", "VARCHAR", 9, List.of("Conservative", "Liberal", "Green", "Total valid votes",
                        "Total rejected ballots", "Turnout", "Eligible voters")),
                Fixtures.col("Candidate", "VARCHAR", 9, List.of("Ann Lee", "Raj Gill", "Tom Fox", "Total valid votes")),
                Fixtures.num("Votes", "BIGINT", 9, "218", "68890")));
        assertThat(SummaryRows.condition(SchemaLinker.index(riding)).sql()).isEqualTo("(\"Party\" NOT IN ('Total valid votes', "
                + "'Total rejected ballots', 'Turnout', 'Eligible voters') OR \"Party\" IS NULL)");
        Plan most = plan(riding, "which candidate had the most votes?");
        assertThat(most.interpretation()).contains("left out, as they sum up the others");
        assertThat(most.steps().get(0).args().toString()).contains("NOT IN ('Total valid votes'");
        // a party named like a ballot word is still a party when the words do not make up the whole label
        SchemaInfo parties = new SchemaInfo("parties", 5, List.of(
                Fixtures.col("Party", "VARCHAR", 5, List.of("Majority Bloc", "Voters First", "Green")),
                Fixtures.num("Seats", "BIGINT", 5, "1", "40")));
        assertThat(SummaryRows.condition(SchemaLinker.index(parties))).isNull();
    }

    @Test
    void aCountAnsweredWithTotalsBesideItIsABestGuess() {
        SchemaInfo medals = new SchemaInfo("medals", 12, List.of(
                Fixtures.col("Nation", "VARCHAR", 12, List.of("Kenya", "Nigeria", "Algeria", "Ethiopia")),
                Fixtures.num("Gold", "BIGINT", 8, "0", "12"),
                Fixtures.num("Silver", "BIGINT", 8, "0", "10"),
                Fixtures.num("Bronze", "BIGINT", 8, "0", "9")));
        // the medals after the first are not yet read as conditions: the reading says it answers more than asked
        assertBestGuess(plan(medals, "how many countries won gold, silver and bronze medals?"), "adds totals beside the count");
        assertThat(plan(medals, "how many countries won gold medals?").confidence()).isEqualTo(1.0);
    }

    @Test
    void aWordOfItsOwnIsNeitherAnAbbreviationNorAPartOfANameAfterAnArticle() {
        SchemaInfo squad = new SchemaInfo("squad", 20, List.of(
                Fixtures.col("Player", "VARCHAR", 20, List.of("Jan Holm", "Eli Vance")),
                Fixtures.col("Weight", "VARCHAR", 12, List.of("90 kg", "84 kg", "101 kg")),
                Fixtures.col("Last Team", "VARCHAR", 15, List.of("Rovers", "Hertener Lions"))));
        Plan least = plan(squad, "which player weighs the least?");
        assertThat(least.interpretation()).doesNotContain("read as Last Team");
        // "city" after "a" is a kind of place, not the one place named Drop City
        SchemaInfo places = new SchemaInfo("places", 30, List.of(
                Fixtures.col("Name of place", "VARCHAR", 30, List.of("Dixon", "Drake", "Drop City", "Berthoud",
                        "Loveland", "Estes Park", "Fort Collins", "Wellington")),
                Fixtures.col("Principal county", "VARCHAR", 4, List.of("Larimer County", "Weld County"))));
        assertThat(Fixtures.where(places, "name a city in larimer county.")).containsExactly("\"Principal county\" = 'Larimer County'");
        // and after a superlative, when many names hold it: "the tallest tower" ranks towers
        SchemaInfo towers = new SchemaInfo("towers", 20, List.of(
                Fixtures.col("Name", "VARCHAR", 20, List.of("Harbor Tower", "Elm Tower", "Fifth Street Tower", "City Hall")),
                Fixtures.num("Height (ft)", "BIGINT", 20, "200", "700")));
        assertThat(Fixtures.where(towers, "which is the tallest tower?")).isEmpty();
        // one value that holds it is that value: "the oldest winner" is the status "1st - Winner"
        SchemaInfo cast = new SchemaInfo("cast", 14, List.of(
                Fixtures.col("Name", "VARCHAR", 14, List.of("Ada Moss", "Ben Ruiz")),
                Fixtures.num("Age", "BIGINT", 10, "19", "44"),
                Fixtures.col("Status", "VARCHAR", 14, List.of("1st - Winner", "2nd - Runner-up", "Eliminated 1st",
                        "Eliminated 2nd", "Eliminated 3rd", "Eliminated 4th", "Quit"))));
        assertThat(Fixtures.where(cast, "who was the oldest winner?")).containsExactly("\"Status\" = '1st - Winner'");
        // numbers kept as text with their unit are numbers all the same: the least is of their numbers, not a count
        SchemaInfo trees = new SchemaInfo("trees", 12, List.of(
                Fixtures.col("Species", "VARCHAR", 12, List.of("Douglas Fir", "White Fir", "Blue Spruce")),
                Fixtures.col("Height", "VARCHAR", 12, List.of("63 m", "58.5 m", "71 m"))));
        Plan shortest = plan(trees, "the species with the least height");
        assertThat(shortest.interpretation()).as(shortest.interpretation()).doesNotContain("count");
        assertThat(shortest.steps().get(0).args().toString()).contains("regexp_extract(CAST(\\\"Height\\\" AS VARCHAR)");
    }

    @Test
    void theRowsANounNamesAreListedAsRowsAndItsGroupsKeptByTheirCount() {
        Plan sorted = plan(LOANS, "list the loans sorted by fee from low to high");
        assertThat(sorted.interpretation()).startsWith("Rows (loan_id and fee)");
        assertThat(sorted.steps().get(0).args().toString()).contains("ORDER BY \\\"fee\\\" ASC");
        assertThat(plan(LOANS, "show the genre and fee of each loan").interpretation()).startsWith("Rows (loan_id and genre and fee)");
        assertThat(plan(LOANS, "loans with a fee above the average fee").interpretation()).startsWith("Rows, where fee > the average fee");
        // the members, not one count over all rows, are kept by how many loans each has
        Intent members = Fixtures.intent(LOANS, "members with at least 5 loans");
        assertThat(members.groups()).extracting(g -> g.column().name()).containsExactly("member_id");
        assertThat(members.filters()).extracting(Filter::sql).containsExactly("COUNT(*) >= 5");
    }

    @Test
    void groupsByAMeasureOfManyValuesOrPerAUnitAreBestGuessesAndNamedRowsStayRows() {
        SchemaInfo bookings = new SchemaInfo("hotel_bookings", 3000, List.of(
                Fixtures.col("booking_id", "VARCHAR", 3000, List.of("B0001", "B0002")),
                Fixtures.col("guest_name", "VARCHAR", 2100, List.of("Ann Lee", "Bo Kim")),
                Fixtures.col("hotel", "VARCHAR", 5, List.of("Seaview", "Grand", "Alpine")),
                Fixtures.num("nights", "BIGINT", 14, "1", "14"),
                Fixtures.num("price", "DOUBLE", 900, "45", "1200")));
        assertBestGuess(plan(bookings, "show bookings by price in descending order"), "a measure with 900 different values");
        assertBestGuess(plan(bookings, "average price per night"), "may ask a rate");
        assertThat(plan(bookings, "average price per hotel").confidence()).isEqualTo(1.0);
        assertThat(plan(bookings, "list the guest name and price of each booking").interpretation())
                .startsWith("Rows (guest_name and price)");
    }

    @Test
    void aYearNamesTheColumnOfATableLaidOutAColumnAYear() {
        SchemaInfo firms = new SchemaInfo("firms", 20, List.of(
                Fixtures.col("Firm", "VARCHAR", 20, List.of("Arden Works", "Brisk Mills")),
                Fixtures.num("2010 revenue (m)", "BIGINT", 20, "10", "900"),
                Fixtures.num("2009 revenue (m)", "BIGINT", 20, "10", "900")));
        assertThat(plan(firms, "which firm had the highest 2009 revenue?").interpretation())
                .startsWith("Top 1 rows by 2009 revenue (m)");
        SchemaInfo arms = new SchemaInfo("arms", 20, List.of(
                Fixtures.col("Firm", "VARCHAR", 20, List.of("Arden Works", "Brisk Mills")),
                Fixtures.num("2010 arms sales (m)", "BIGINT", 20, "10", "900"),
                Fixtures.num("2009 arms sales (m)", "BIGINT", 20, "10", "900"),
                Fixtures.num("Arms sales as share of sales (%)", "BIGINT", 20, "1", "99")));
        assertThat(plan(arms, "which firm had the highest 2009 arms sales?").interpretation())
                .startsWith("Top 1 rows by 2009 arms sales (m)");
        SchemaInfo faiths = new SchemaInfo("faiths", 8, List.of(
                Fixtures.col("Faith", "VARCHAR", 8, List.of("Calvinist", "Lutheran", "Catholic")),
                Fixtures.num("1880", "DOUBLE", 8, "0.1", "69.4"),
                Fixtures.num("1890", "DOUBLE", 8, "0.1", "64.7")));
        assertThat(plan(faiths, "which faith was the highest in 1890?").interpretation()).contains("by 1890");
        assertThat(plan(faiths, "which faith held the largest percentage in 1890?").interpretation())
                .startsWith("Top 1 rows by 1890");
    }
}
