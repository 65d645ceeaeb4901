package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readings that account for every word yet ask the data what an analyst would not are best guesses, and the
 * bounds and counts that used to be misread as rankings are read as conditions. Schemas invented for the test.
 */
class DoubtsTest {

    /** A stage race: stages numbered 1..21, one row each. */
    static final SchemaInfo TOUR = new SchemaInfo("tour", 21, List.of(
            Fixtures.num("Stage", "BIGINT", 21, "1", "21"),
            Fixtures.col("Route", "VARCHAR", 21, List.of("Nice - Digne", "Lyon - Dijon")),
            Fixtures.num("Distance", "DOUBLE", 20, "12.5", "230"),
            Fixtures.col("Winner", "VARCHAR", 12, List.of("Ana Ruiz", "Bo Lind")),
            Fixtures.col("Team", "VARCHAR", 8, List.of("Sky", "Movistar", "Astana"))));
    /** An election: votes kept as text, a win rate as text percentages, a rank. */
    static final SchemaInfo POLL = new SchemaInfo("poll", 9, List.of(
            Fixtures.col("Party", "VARCHAR", 9, List.of("Greens", "Liberals", "Labour")),
            Fixtures.col("Votes", "VARCHAR", 9, List.of("12,001 (3%)", "n/a")),
            Fixtures.col("Win %", "VARCHAR", 6, List.of("50.00%", "12.5%", "0.00%")),
            Fixtures.num("Seats", "BIGINT", 7, "0", "40"),
            Fixtures.num("Rank", "BIGINT", 9, "1", "9")));
    /** A football squad: one row per player. */
    static final SchemaInfo SQUAD = new SchemaInfo("squad", 30, List.of(
            Fixtures.col("Player", "VARCHAR", 30, List.of("Ann Lee", "Tom Hale")),
            Fixtures.col("Club", "VARCHAR", 6, List.of("Rovers", "United", "City")),
            Fixtures.num("Caps", "BIGINT", 25, "1", "120"),
            Fixtures.num("Goals", "BIGINT", 18, "0", "60"),
            Fixtures.col("Position", "VARCHAR", 4, List.of("Goalkeeper", "Defender", "Midfielder", "Forward"))));
    /** A panel: one row per store per month. */
    static final SchemaInfo STORES = new SchemaInfo("store_sales", 240, List.of(
            new ColumnProfile("month", "DATE", 0, 24, "2023-01-01", "2024-12-01", List.of()),
            Fixtures.col("store", "VARCHAR", 10, List.of("Aberdeen", "Bristol")),
            Fixtures.num("revenue", "DOUBLE", 240, "100", "30000")));

    static Plan plan(SchemaInfo s, String question) {
        return new OfflinePlanner().planNow(new PlanRequest(question, s, List.of(), null));
    }

    /** The SQL of the plan's first step. */
    static String sql(SchemaInfo s, String question) {
        return plan(s, question).steps().get(0).args().get("sql").asText();
    }

    @Test
    void addingUpNumbersThatOnlyNumberTheRowsIsAGuess() {
        assertThat(plan(TOUR, "how many stages are there in total?").isBestGuess()).isTrue();
        assertThat(plan(TOUR, "how many stages are there in total?").interpretation())
                .contains("Stage numbers or orders the rows");
        assertThat(plan(TOUR, "total distance").isBestGuess()).isFalse();
        assertThat(Doubts.numbersRows(Fixtures.num("No. of candidates", "BIGINT", 12, "1", "153"), 30)).isFalse();
        assertThat(Doubts.numbersRows(Fixtures.num("Pick #", "BIGINT", 30, "3", "240"), 30)).isTrue();
        assertThat(Doubts.numbersRows(Fixtures.num("id", "BIGINT", 30, "1", "30"), 30)).isTrue();
        assertThat(Doubts.numbersRows(Fixtures.num("Goals", "BIGINT", 18, "0", "60"), 30)).isFalse();
    }

    @Test
    void aGroupingTheTextConditionAlsoNamesIsAGuess() {
        // "visits by stores starting with B": one count over the B stores, or one each?
        Plan p = plan(STORES, "number of months by stores starting with B");
        assertThat(p.isBestGuess()).as(p.interpretation()).isTrue();
        assertThat(plan(STORES, "revenue by store").isBestGuess()).isFalse();
        // the condition in a phrase of its own only narrows the groups asked for
        assertThat(plan(STORES, "revenue per store, just the stores whose name starts with B").isBestGuess()).isFalse();
    }

    /** An invented register of church buildings, by kind. */
    static final SchemaInfo CHURCHES = new SchemaInfo("churches", 14, List.of(
            Fixtures.col("Church", "VARCHAR", 14, List.of("St Anne", "St Mark", "Holy Cross")),
            Fixtures.col("Kind", "VARCHAR", 3, List.of("Chapel", "Parish", "Abbey")),
            Fixtures.num("Seats", "BIGINT", 14, "40", "900")));

    @Test
    void whatBeforeANounAsksWhichOneAsWhichDoes() {
        Plan chapel = plan(CHURCHES, "what chapel has the fewest seats?");
        assertThat(chapel.isBestGuess()).isTrue();
        assertThat(chapel.interpretation()).contains("asks who or which");
        // "what is" asks for the figure itself
        assertThat(plan(CHURCHES, "what is the fewest seats of a chapel?").isBestGuess()).isFalse();
    }

    @Test
    void aWordAfterWhichThatPartlyNamesTheMeasureNamedAgainIsTheThingAsked() {
        SchemaInfo clinics = new SchemaInfo("clinics", 9, List.of(
                Fixtures.col("Name", "VARCHAR", 9, List.of("Mercy", "St Luke", "Bay View")),
                Fixtures.num("Clinic beds", "BIGINT", 9, "10", "400")));
        Plan plan = plan(clinics, "which clinic has the largest amount of clinic beds?");
        assertThat(plan.isBestGuess() || plan.steps().get(0).args().path("sql").asText().contains("\"Name\"")).isTrue();
        // named once, it is the figure asked: "which clinic beds figure is the largest" is not doubted for it
        assertThat(plan(clinics, "which clinic beds figure is the largest?").interpretation()).doesNotContain("asks who or which");
    }

    @Test
    void theLargestOfATextColumnAndAFigureForWhoOrWhichAreGuesses() {
        Plan text = plan(POLL, "the most votes");
        assertThat(text.isBestGuess()).isTrue();
        assertThat(text.interpretation()).contains("Votes holds text, so its maximum is alphabetical");
        // a table with nothing to name its rows by
        SchemaInfo laps = new SchemaInfo("laps", 9, List.of(Fixtures.num("Lap", "BIGINT", 9, "1", "9"),
                Fixtures.num("Speed", "DOUBLE", 9, "160.1", "175.3")));
        Plan who = plan(laps, "who had the highest speed");
        assertThat(who.isBestGuess()).isTrue();
        assertThat(who.interpretation()).contains("asks who or which");
        // "which one" asks for a row: named by its label, still a guess over a text column
        assertThat(plan(POLL, "which one has the most votes").isBestGuess()).isTrue();
    }

    @Test
    void groupingByANumberNobodyAskedToGroupByIsAGuess() {
        // "Win %" holds numbers as text: the wins are ranked by its number, not grouped by it and counted
        assertThat(plan(POLL, "who wins the most?").interpretation()).startsWith("Top 1 rows by Win %");
        assertThat(plan(SQUAD, "how many caps and goals for ann lee").isBestGuess()).isTrue();
        // "the number of caps" over a count column Caps is that column: her caps and goals, nothing grouped; one
        // total of both is as likely a reading
        Plan both = plan(SQUAD, "total number of caps and goals for ann lee");
        assertThat(both.steps().get(0).args().path("sql").asText())
                .contains("SUM(\"Caps\")", "SUM(\"Goals\")").doesNotContain("GROUP BY");
        assertThat(both.isBestGuess()).isTrue();
        assertThat(both.interpretation()).contains("may ask one figure, the two added together");
        assertThat(plan(SQUAD, "total caps for ann lee").isBestGuess()).isFalse();
        assertThat(plan(SQUAD, "goals by caps").isBestGuess()).isFalse();
        assertThat(Doubts.numberLike(Fixtures.col("Win %", "VARCHAR", 3, List.of("50.00%", "0%")))).isTrue();
        assertThat(Doubts.numberLike(Fixtures.col("Club", "VARCHAR", 3, List.of("Rovers")))).isFalse();
    }

    @Test
    void valuesNotListedInTheQuestionAreNotReadAsAList() {
        assertThat(plan(SQUAD, "how many goalkeepers and defenders are there").isBestGuess()).isFalse();
        assertThat(plan(SQUAD, "how many goalkeeper defenders are there").isBestGuess()).isTrue();
    }

    @Test
    void theHighestRankIsTheSmallestNumber() {
        Intent it = Fixtures.intent(POLL, "who has the highest rank?");
        assertThat(it.ascending()).isTrue();
        assertThat(it.readings()).anyMatch(r -> r.contains("read as the smallest number, 1 being first"));
        assertThat(Fixtures.intent(POLL, "the party with the lowest rank").ascending()).isFalse();
        assertThat(Fixtures.intent(POLL, "the party with the most seats").ascending()).isFalse();
    }

    @Test
    void atLeastANumberIsABoundNeverARanking() {
        Intent words = Fixtures.intent(SQUAD, "how many players scored at least ten goals?");
        assertThat(words.limit()).isNull();
        assertThat(words.filters()).extracting(Filter::sql).containsExactly("\"Goals\" >= 10");
        assertThat(words.unexplained()).isEmpty();
        assertThat(Fixtures.intent(SQUAD, "players with at most 3 goals").filters()).extracting(Filter::sql)
                .containsExactly("\"Goals\" <= 3");
        // "at most" with no number is still the most: "which position appears at most?"
        assertThat(Fixtures.intent(SQUAD, "which position appears at most?").limit()).isEqualTo(1);
    }

    @Test
    void aCountOfThingsNamedInTheSingularIsCountedPerGroup() {
        Intent it = Fixtures.intent(SQUAD, "which club has at least 3 players");
        assertThat(it.filters()).hasSize(1);
        assertThat(it.filters().get(0).measure().agg()).isEqualTo(Agg.COUNT_DISTINCT);
        assertThat(it.groups()).extracting(g -> g.column().name()).containsExactly("Club");
    }

    @Test
    void aNumberBeforeANumericColumnAfterAVerbOfHavingIsItsValue() {
        Intent it = Fixtures.intent(POLL, "which parties had 3 seats");
        assertThat(it.filters()).extracting(Filter::sql).containsExactly("\"Seats\" = 3");
        assertThat(it.limit()).isNull();
        assertThat(Fixtures.intent(POLL, "which 3 parties have the most seats").limit()).isEqualTo(3);
    }

    @Test
    void anAveragePerMemberOfAPanelIsAGuess() {
        assertThat(Aggregates.panel(STORES, STORES.columns().get(1))).isTrue();
        assertThat(plan(STORES, "average revenue per store").isBestGuess()).isTrue();
    }

    @Test
    void aGroupingNoWordAsksForIsAGuessUnlessSortedListedOrCoordinated() {
        Plan players = plan(SQUAD, "total goals of players that are forwards by club");
        assertThat(players.isBestGuess()).isTrue(); // by club was asked; by player was not
        assertThat(players.interpretation()).contains("grouped by Player, though no 'by', 'per' or 'each' asks for it");
        assertThat(plan(SQUAD, "sort the clubs by total goals").isBestGuess()).isFalse();
        assertThat(plan(SQUAD, "show the clubs with their total goals").isBestGuess()).isFalse();
        assertThat(plan(STORES, "revenue per month and store").isBestGuess()).isFalse();
    }

    @Test
    void theTotalNumberOfARepeatedValueMayBeItsRows() {
        Plan total = plan(STORES, "what is the total number of store?");
        assertThat(total.isBestGuess()).isTrue();
        assertThat(total.interpretation()).contains("may count the rows that list store");
        assertThat(plan(STORES, "how many different stores are there in total?").isBestGuess()).isFalse();
        assertThat(plan(STORES, "how many stores are there?").isBestGuess()).isFalse();
    }

    @Test
    void aListOfValuesForAQuestionAskingForACountIsAGuess() {
        SchemaInfo glossary = new SchemaInfo("glossary", 40, List.of(
                Fixtures.col("Abbreviation", "VARCHAR", 40, List.of("TKT", "TOVE")),
                Fixtures.col("Meaning", "VARCHAR", 40, List.of("Tikkurila", "Tove Oy"))));
        Plan total = plan(glossary, "what is the total of abbreviations?");
        assertThat(total.isBestGuess()).isTrue();
        assertThat(total.interpretation()).contains("asks for a count or a total, but the answer lists values");
        assertThat(plan(glossary, "list the abbreviations").isBestGuess()).isFalse();
    }

    @Test
    void rankingGroupsOfOneRowByTheirCountIsAGuess() {
        SchemaInfo provinces = new SchemaInfo("provinces", 8, List.of(
                Fixtures.col("Province", "VARCHAR", 8, List.of("Granada", "Jaen", "Malaga")),
                Fixtures.col("Municipalities", "VARCHAR", 8, List.of("Baza, Loja", "Andujar", "Ronda, Coin"))));
        Plan most = plan(provinces, "what is the province with the most municipalities?");
        assertThat(most.isBestGuess()).isTrue();
        assertThat(most.interpretation()).contains("each Province is one row, so ranking them by a count ties them all");
        // numbers kept as text ("103 (2 disputed)") are ranked by the number each begins with
        SchemaInfo counted = new SchemaInfo("provinces", 8, List.of(provinces.columns().get(0),
                Fixtures.col("Municipalities", "VARCHAR", 8, List.of("169", "97", "103 (2 disputed)", "1,012"))));
        Plan ranked = plan(counted, "what is the province with the most municipalities?");
        assertThat(ranked.isBestGuess()).isFalse();
        assertThat(ranked.steps().get(0).args().path("sql").asText()).contains("TRY_CAST(replace(regexp_extract(CAST(\"Municipalities\"");
        // several rows per club: counting players per club and ranking the clubs is what is asked
        assertThat(plan(SQUAD, "which club has the most players?").interpretation()).doesNotContain("ties them all");
    }

    /** A league table of seasons: years 1998-2012, points 12-88. */
    static final SchemaInfo SEASONS = new SchemaInfo("seasons", 15, List.of(
            Fixtures.num("Season", "BIGINT", 15, "1998", "2012"),
            Fixtures.col("Division", "VARCHAR", 3, List.of("First", "Second", "Third")),
            Fixtures.num("Points", "BIGINT", 14, "12", "88")));

    @Test
    void anAverageOfCountsWithNothingToCountPerIsAGuess() {
        Plan plan = plan(SEASONS, "what is the average number of divisions with over 50 points?");
        assertThat(plan.isBestGuess()).isTrue();
        assertThat(plan.interpretation()).contains("an average of counts");
        assertThat(plan(SEASONS, "what is the number of divisions with over 50 points?").isBestGuess()).isFalse();
        // an average per group is a plain breakdown
        assertThat(plan(SEASONS, "average points per division").interpretation()).doesNotContain("an average of counts");
    }

    @Test
    void aWordInIngAfterASuperlativeIsItsNounNotAVerbOfOrdering() {
        // nothing here is a ranking: "ranking" is not understood, so the largest season is not a sure answer
        Plan plan = plan(SEASONS, "which season had the highest ranking?");
        assertThat(plan.isBestGuess()).isTrue();
        assertThat(plan.interpretation()).contains("'ranking'");
        assertThat(plan(SEASONS, "which season had the highest points?").isBestGuess()).isFalse();
    }

    @Test
    void aThresholdOnAnotherScaleThanItsColumnIsAGuess() {
        String guess = Doubts.offScale(Filter.of(SEASONS.columns().get(0), "ge", new java.math.BigDecimal("4.5")));
        assertThat(guess).contains("keeps every row").contains("1998 to 2012");
        assertThat(Doubts.offScale(Filter.of(SEASONS.columns().get(0), "lt", new java.math.BigDecimal("45"))))
                .contains("keeps no row");
        // just past the values, or inside them: an honest empty or partial answer, not a misread
        assertThat(Doubts.offScale(Filter.of(SEASONS.columns().get(2), "gt", new java.math.BigDecimal("100")))).isNull();
        assertThat(Doubts.offScale(Filter.of(SEASONS.columns().get(2), "gt", new java.math.BigDecimal("40")))).isNull();
        assertThat(Doubts.offScale(Filter.of(SEASONS.columns().get(0), "ge", new java.math.BigDecimal("2005")))).isNull();
        assertThat(plan(SEASONS, "which seasons had more than 50 points?").isBestGuess()).isFalse();
    }

    @Test
    void addingUpGroupsOfAFewRowsEachIsAGuess() {
        // a race's cars, two or three a team: the team's cars added up, or the one car that ran the most?
        SchemaInfo race = new SchemaInfo("race", 60, List.of(
                Fixtures.col("Team", "VARCHAR", 25, List.of("DAMS", "Mucke", "ART")),
                Fixtures.col("Driver", "VARCHAR", 60, List.of("Ann Lee", "Bo Lind", "Cy Moss")),
                Fixtures.num("Laps", "BIGINT", 50, "3", "243")));
        Plan most = plan(race, "which team had the most number of laps?");
        assertThat(most.isBestGuess()).isTrue();
        assertThat(most.interpretation()).contains("a Team has few rows (60 rows, 25 Team values)");
        // a total asked for in words, or groups of many rows, are added up with no doubt
        assertThat(plan(race, "which team had the highest total laps?").isBestGuess()).isFalse();
        assertThat(plan(SQUAD, "which club has the most goals?").isBestGuess()).isFalse();
    }

    @Test
    void aChangeAskedButNotComputedIsAGuess() {
        SchemaInfo traffic = new SchemaInfo("airport_traffic", 6, List.of(
                Fixtures.num("Year", "BIGINT", 6, "2009", "2014"),
                Fixtures.num("Passengers", "BIGINT", 6, "410000", "520000"),
                Fixtures.col("Passenger Change", "VARCHAR", 6, List.of("+3.2%", "-1.1%", "+0.4%")),
                Fixtures.num("Landings", "BIGINT", 6, "21000", "26000")));
        assertThat(plan(traffic, "what is the total change in landings from 2012 to 2013?").isBestGuess()).isTrue();
        assertThat(plan(traffic, "what is the total of landings from 2012 to 2013?").isBestGuess()).isFalse();
    }
}
