package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Top and bottom N, number words, winners, rows of entities, and guessed measures. */
class RankingsTest {

    static final SchemaInfo FLEET = Fixtures.fleet();
    static final SchemaInfo STAFF = Fixtures.staff();

    @Test
    void theThingsWeMakeAreListedWithoutTheDateOfMakingThem() {
        // a coffee roastery's batches: each coffee roasted many times
        SchemaInfo roasts = new SchemaInfo("roast_batches", 300, List.of(
                Fixtures.col("batch_no", "VARCHAR", 300, List.of("R-001", "R-002")),
                Fixtures.col("coffee_name", "VARCHAR", 7, List.of("Kivu Dawn", "Sierra Azul", "Harrar Gold")),
                new datasense.tools.ColumnProfile("roast_date", "DATE", 0, 200, "2024-01-02", "2024-12-20", List.of()),
                Fixtures.num("green_kg", "DOUBLE", 80, "5", "60")));
        String sql = new OfflinePlanner().planNow(new datasense.agent.PlanRequest("list the coffees we roast", roasts,
                List.of(), null)).steps().get(0).args().get("sql").asText();
        assertThat(sql).startsWith("SELECT DISTINCT \"coffee_name\" FROM");
    }

    @Test
    void namesRepeatedOverManyRowsAreRankedByTheirTotals() {
        // a cheese cellar's wheels: six cheeses, each on many wheels
        SchemaInfo wheels = new SchemaInfo("cheese_wheels", 300, List.of(
                Fixtures.col("wheel_id", "VARCHAR", 300, List.of("W-001", "W-002")),
                Fixtures.col("cheese_name", "VARCHAR", 6, List.of("Alpine Gold", "Blue Ridge", "Old Cellar")),
                Fixtures.col("cellar", "VARCHAR", 3, List.of("North", "South", "Deep")),
                new datasense.tools.ColumnProfile("mature_date", "DATE", 0, 200, "2023-01-05", "2024-12-20", List.of()),
                Fixtures.num("weight_kg", "DOUBLE", 200, "4", "40"),
                Fixtures.num("sale_eur", "DOUBLE", 280, "60", "900")));
        for (String q : List.of("rank our cheeses by sales, most first", "rank the cheeses by weight",
                "rank our cheeses by kilos matured, most first")) {
            String sql = new OfflinePlanner().planNow(new datasense.agent.PlanRequest(q, wheels, List.of(), null)).steps()
                    .get(0).args().get("sql").asText();
            assertThat(sql).as(q).containsPattern("SUM\\(\"(sale_eur|weight_kg)\"\\)").contains("GROUP BY \"cheese_name\"");
        }
    }

    @Test
    void limitsInDigitsAndWords() {
        Intent five = Fixtures.intent(FLEET, "top five vehicles by parts cost");
        assertThat(five.limit()).isEqualTo(5);
        assertThat(five.ascending()).isFalse();
        assertThat(five.groups()).extracting(Grouping::describe).containsExactly("Vehicle ID");
        // "the top number of" is the largest figure: one
        assertThat(Fixtures.intent(FLEET, "who has the top number of work orders").limit()).isEqualTo(1);
        Intent three = Fixtures.intent(FLEET, "the three lowest mechanics by labor hours");
        assertThat(three.limit()).isEqualTo(3);
        assertThat(three.ascending()).isTrue();
        assertThat(Fixtures.intent(FLEET, "bottom 2 depots by parts cost").limit()).isEqualTo(2);
    }

    @Test
    void whichOneWinsAndPluralAsksForSeveral() {
        Intent one = Fixtures.intent(FLEET, "which depot has the highest parts cost");
        assertThat(one.limit()).isEqualTo(1);
        assertThat(Fixtures.intent(FLEET, "which depots have the highest parts cost").limit()).isEqualTo(10);
        Intent most = Fixtures.intent(FLEET, "which mechanic handled the most work orders");
        assertThat(most.limit()).isEqualTo(1);
        assertThat(most.measures()).extracting(Measure::describe).containsExactly("Distinct count of Work Order");
    }

    /** A regatta invented for the test: 30 boats from 20 clubs, most clubs with one boat. */
    static final SchemaInfo REGATTA = new SchemaInfo("regatta", 30, java.util.List.of(
            Fixtures.col("Boat", "VARCHAR", 30, java.util.List.of("Swift", "Kestrel", "Tern")),
            Fixtures.col("Club", "VARCHAR", 20, java.util.List.of("Oban SC", "Tay YC", "Forth SC")),
            Fixtures.num("Laps", "INTEGER", 25, "3", "40")));

    @Test
    void aCountWordBeforeAQuantityDoesNotSettleRowsAgainstGroups() {
        // "the most number of laps" says no more than "the most laps": one boat's laps, or its club's added up
        datasense.agent.Plan counted = DoubtsTest.plan(REGATTA, "which club had the most number of laps?");
        datasense.agent.Plan plain = DoubtsTest.plan(REGATTA, "which club had the most laps?");
        assertThat(counted.steps().get(0).args().path("sql").asText())
                .isEqualTo(plain.steps().get(0).args().path("sql").asText()).doesNotContain("SUM(");
        assertThat(counted.isBestGuess()).isTrue();
        assertThat(counted.interpretation()).doesNotContain("counted by adding up");
        // a total asked for in words is added up per club
        assertThat(DoubtsTest.sql(REGATTA, "which club had the highest total laps?")).contains("SUM(\"Laps\")");
    }

    /** A cycling season invented for the test: riders on teams, points per rider. */
    static final SchemaInfo RIDERS = new SchemaInfo("riders", 20, java.util.List.of(
            Fixtures.col("Rider", "VARCHAR", 20, java.util.List.of("Ann Lee", "Bo Chen", "Cy Park")),
            Fixtures.col("Team", "VARCHAR", 6, java.util.List.of("Blue", "Red", "Gold")),
            Fixtures.num("Points", "BIGINT", 18, "3", "250")));

    @Test
    void topWithNoNumberAsksForAsManyAsItsNounSays() {
        for (String one : java.util.List.of("top rider by points", "what was the top depot by parts cost",
                "which depot had the top parts cost", "the bottom depot by labor hours")) {
            Intent it = Fixtures.intent(one.contains("rider") ? RIDERS : FLEET, one);
            assertThat(it.limit()).as(one).isEqualTo(1);
            assertThat(it.display().ties()).as("the top one with whatever ties with it: " + one).isTrue();
        }
        for (String several : java.util.List.of("top riders by points", "what were the top depots by parts cost",
                "top spending depots", "who is at the top by points")) {
            Intent it = Fixtures.intent(several.contains("point") ? RIDERS : FLEET, several);
            assertThat(it.limit()).as(several).isEqualTo(10);
        }
        assertThat(Fixtures.intent(FLEET, "top spending depot").limit()).isEqualTo(1);
        assertThat(Fixtures.intent(RIDERS, "top 3 riders by points").limit()).isEqualTo(3);
    }

    /** Transfers invented for the test: a fee per player and year. */
    static final SchemaInfo TRANSFERS = new SchemaInfo("transfers", 12, java.util.List.of(
            Fixtures.num("Year", "BIGINT", 6, "2008", "2013"),
            Fixtures.col("Player", "VARCHAR", 12, java.util.List.of("Ana Ruiz", "Bo Lind", "Cy Hart")),
            Fixtures.num("Fee (millions)", "DOUBLE", 12, "5.0", "57.0")));

    @Test
    void theComparativeWithNoThanPicksTheLargerOfThoseAskedAbout() {
        Intent larger = Fixtures.intent(TRANSFERS, "which player in 2012 had the larger fee?");
        assertThat(larger.limit()).isEqualTo(1);
        assertThat(larger.ascending()).isFalse();
        assertThat(larger.filters()).extracting(Filter::describe).containsExactly("Year = 2012");
        assertThat(larger.columns()).extracting(c -> c.name()).containsExactly("Player", "Fee (millions)");
        assertThat(larger.unexplained()).isEmpty();
        Intent smaller = Fixtures.intent(TRANSFERS, "who had the smaller fee in 2010?");
        assertThat(smaller.limit()).isEqualTo(1);
        assertThat(smaller.ascending()).isTrue();
        // with "than" it is a comparison, never a ranking
        assertThat(Fixtures.intent(TRANSFERS, "which players had a larger fee than Bo Lind?").limit()).isNull();
    }

    @Test
    void entitiesOfOneRowEachAreListedAsRows() {
        Intent it = Fixtures.intent(STAFF, "who are the two oldest employees");
        assertThat(it.kind()).isEqualTo(Intent.Kind.ROWS);
        assertThat(it.limit()).isEqualTo(2);
        assertThat(it.columns()).extracting(c -> c.name()).containsExactly("full_name", "age");
    }

    @Test
    void aSizeRankingWithoutAMeasureIsABestGuess() {
        Intent it = Fixtures.intent(FLEET, "two biggest vehicles");
        assertThat(it.limit()).isEqualTo(2);
        assertThat(it.measures()).extracting(Measure::describe).containsExactly("Total of Parts Cost");
        assertThat(it.readings()).anyMatch(r -> r.startsWith(Clause.BEST_GUESS));
        // a count ranking names its measure: no guess
        assertThat(Fixtures.intent(FLEET, "which depot has the most rows").readings())
                .noneMatch(r -> r.startsWith(Clause.BEST_GUESS));
    }

    /** Cup finals, one row per year: a whole-number Year is the table's only time column. */
    static final SchemaInfo FINALS = new SchemaInfo("finals", 30, java.util.List.of(
            Fixtures.num("Year", "BIGINT", 30, "1990", "2019"),
            Fixtures.col("Winner", "VARCHAR", 12, java.util.List.of("Rovers", "United", "Athletic")),
            Fixtures.col("Runner-up", "VARCHAR", 14, java.util.List.of("City", "Wanderers", "Albion")),
            Fixtures.num("Attendance", "BIGINT", 30, "12000", "90000")));

    @Test
    void latestAndEarliestRankByTheTimeColumn() {
        Intent latest = Fixtures.intent(FINALS, "who was the latest runner-up?");
        assertThat(latest.limit()).isEqualTo(1);
        assertThat(latest.ascending()).isFalse();
        assertThat(latest.measures()).extracting(Measure::describe).containsExactly("Maximum of Year");
        assertThat(latest.groups()).extracting(Grouping::describe).contains("Runner-up");
        assertThat(latest.readings()).anyMatch(r -> r.contains("'latest' read as the last by Year"));

        Intent recent = Fixtures.intent(FINALS, "the most recent winner");
        assertThat(recent.measures()).extracting(Measure::describe).containsExactly("Maximum of Year");
        assertThat(recent.groups()).extracting(Grouping::describe).contains("Winner");

        Intent earliest = Fixtures.intent(FINALS, "which winner was the earliest");
        assertThat(earliest.ascending()).isTrue();
        assertThat(earliest.measures()).extracting(Measure::describe).containsExactly("Minimum of Year");
        // with no time column there is nothing to rank by: the word stays unexplained
        SchemaInfo timeless = new SchemaInfo("clubs", 12, java.util.List.of(
                Fixtures.col("Club", "VARCHAR", 12, java.util.List.of("Rovers", "United")),
                Fixtures.num("Titles", "BIGINT", 8, "0", "20")));
        assertThat(Fixtures.intent(timeless, "the latest club").readings())
                .noneMatch(r -> r.contains("read as the last"));
    }

    @Test
    void listsDistinctValues() {
        Intent it = Fixtures.intent(FLEET, "list the fault categories at the Airport depot");
        assertThat(it.kind()).isEqualTo(Intent.Kind.LIST);
        assertThat(new SqlWriter("fleet_log").list(it)).isEqualTo("SELECT DISTINCT \"Fault Category\" FROM"
                + " \"fleet_log\" WHERE \"Depot\" = 'Airport' ORDER BY \"Fault Category\" LIMIT 1000");
    }

    private static final SchemaInfo SHIPS = new SchemaInfo("ships", 60, java.util.List.of(
            Fixtures.col("Vessel", "VARCHAR", 60, java.util.List.of("Aurora", "Bellona", "Cygnet")),
            Fixtures.col("Yard", "VARCHAR", 4, java.util.List.of("Harland", "Vickers", "Cammell", "Swan")),
            Fixtures.num("Year Built", "BIGINT", 5, "1950", "1954"),
            Fixtures.num("Tonnage", "BIGINT", 60, "1000", "9000")));

    @Test
    void theYearWithTheMostThingsCountsRowsPerYearNotTheLargestYear() {
        Intent it = Fixtures.intent(SHIPS, "which year saw the most ships built?");
        assertThat(it.groups()).extracting(Grouping::describe).containsExactly("Year Built");
        assertThat(it.measures()).extracting(Measure::describe).containsExactly("Count of rows");
        assertThat(it.limit()).isEqualTo(1);
        // an amount named beside it is still what is ranked
        assertThat(Fixtures.intent(SHIPS, "which year had the most tonnage").measures()).extracting(Measure::describe)
                .containsExactly("Total of Tonnage");
        // a vessel is a row: the row with the most tonnage, as before
        Intent vessel = Fixtures.intent(SHIPS, "which vessel has the most tonnage");
        assertThat(vessel.kind()).isEqualTo(Intent.Kind.ROWS);
        assertThat(vessel.columns()).extracting(datasense.tools.ColumnProfile::name).containsExactly("Vessel", "Tonnage");
        assertThat(vessel.limit()).isEqualTo(1);
    }

    /** Exam results: a class is a code ("7A"), several students and exams each. */
    static final SchemaInfo EXAMS = new SchemaInfo("exam_results", 1800, java.util.List.of(
            Fixtures.col("student_name", "VARCHAR", 298, java.util.List.of("Ana Ruiz", "Bo Lind")),
            Fixtures.col("class", "VARCHAR", 6, java.util.List.of("7A", "7B", "8A", "8B", "9A", "9B")),
            Fixtures.col("subject", "VARCHAR", 6, java.util.List.of("Maths", "English", "History")),
            Fixtures.num("score", "DOUBLE", 101, "0", "100")));

    @Test
    void aSuperlativeOfAMeasurePerGroupIsEachGroupsExtreme() {
        Intent lowest = Fixtures.intent(EXAMS, "lowest score in history per class");
        assertThat(lowest.groups()).extracting(g -> g.column().name()).containsExactly("class");
        assertThat(lowest.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("MIN score");
        assertThat(lowest.limit()).isNull();
        assertThat(Fixtures.intent(EXAMS, "highest score for each subject").measures())
                .extracting(m -> m.agg() + " " + m.column().name()).containsExactly("MAX score");
        // a question for the group itself still ranks the groups
        Intent which = Fixtures.intent(EXAMS, "which class has the lowest average score?");
        assertThat(which.limit()).isEqualTo(1);
        assertThat(which.measures()).extracting(m -> m.agg() + " " + m.column().name()).containsExactly("AVG score");
        assertThat(QuantityFilters.written(EXAMS.columns().get(1))).as("'7A' is a class, not 7 of a unit").isFalse();
        // a possessive is one of them, though it ends in s
        assertThat(Fixtures.intent(EXAMS, "which subject's students scored highest on average?").limit()).isEqualTo(1);
        assertThat(Fixtures.intent(EXAMS, "which subjects had the best scores?").limit()).isEqualTo(10);
    }

    /** Order lines invented for the test: products in regions over two years. */
    static final SchemaInfo LINES = new SchemaInfo("order_lines", 12, java.util.List.of(
            Fixtures.col("region", "VARCHAR", 2, java.util.List.of("North", "South")),
            Fixtures.col("product", "VARCHAR", 3, java.util.List.of("Desk Lamp", "Office Chair", "Bookcase")),
            new datasense.tools.ColumnProfile("order_date", "DATE", 0, 12, "2023-01-01", "2024-12-28", java.util.List.of()),
            Fixtures.num("sales", "DOUBLE", 12, "5", "900")));

    @Test
    void topNInEachGroupRestartsTheRankingInEveryGroup(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        try (java.sql.Connection db = datasense.tools.sql.DuckDb.open(java.util.List.of(dir), datasense.tools.Limits.defaults());
             java.sql.Statement st = db.createStatement()) {
            st.execute("CREATE TABLE order_lines AS SELECT * FROM (VALUES"
                    + " ('North', 'Desk Lamp', DATE '2023-03-01', 100.0), ('North', 'Office Chair', DATE '2023-04-01', 300.0),"
                    + " ('North', 'Bookcase', DATE '2024-02-01', 200.0), ('North', 'Desk Lamp', DATE '2024-05-01', 150.0),"
                    + " ('South', 'Desk Lamp', DATE '2023-06-01', 50.0), ('South', 'Office Chair', DATE '2024-07-01', 20.0),"
                    + " ('South', 'Bookcase', DATE '2024-08-01', 400.0)) t(region, product, order_date, sales)");
            for (String q : java.util.List.of("top 2 products by sales in each region", "for each region, the top 2 products by sales")) {
                Intent it = Fixtures.intent(LINES, q);
                assertThat(it.display().rankWithin()).as(q).isNotNull();
                assertThat(it.display().rankWithin().column().name()).isEqualTo("region");
                String sql = new SqlWriter("order_lines").aggregate(it);
                datasense.tools.sql.SqlGuard.vet(sql, "order_lines");
                // the key columns in either order: each row named by its two keys sorted
                assertThat(Fixtures.query(db, sql)).as(q)
                        .extracting(r -> r.subList(0, 2).stream().map(String::valueOf).sorted()
                                .collect(java.util.stream.Collectors.joining(" ")))
                        .containsExactlyInAnyOrder("North Office Chair", "Desk Lamp North", "Bookcase South", "Desk Lamp South");
            }
            Intent best = Fixtures.intent(LINES, "which product has the highest sales in each region");
            String sql = new SqlWriter("order_lines").aggregate(best);
            assertThat(Fixtures.query(db, sql)).extracting(r -> r.get(0) + " " + r.get(1))
                    .containsExactlyInAnyOrder("Office Chair North", "Bookcase South");
            Intent yearly = Fixtures.intent(LINES, "top 1 product by sales each year");
            assertThat(yearly.display().rankWithin().grain()).isNotNull();
            assertThat(Fixtures.query(db, new SqlWriter("order_lines").aggregate(yearly)))
                    .extracting(r -> r.get(0) + " " + r.get(1)).containsExactlyInAnyOrder("Office Chair 2023", "Bookcase 2024");
        }
        // one grouping, or "by" for both: ranked over everything as before
        assertThat(Fixtures.intent(LINES, "top 2 products by sales").display().rankWithin()).isNull();
        assertThat(Fixtures.intent(LINES, "top 2 region and product pairs by sales").display().rankWithin()).isNull();
    }

    static final SchemaInfo AUCTIONS = new SchemaInfo("auction_lots", 400, java.util.List.of(
            Fixtures.col("lot_id", "VARCHAR", 400, java.util.List.of("LOT-001", "LOT-002")),
            Fixtures.col("auction_house", "VARCHAR", 5, java.util.List.of("Crane & Co", "Marlow")),
            Fixtures.col("category", "VARCHAR", 6, java.util.List.of("Clocks", "Maps")),
            Fixtures.num("hammer_price", "DOUBLE", 380, "20", "90000"),
            new datasense.tools.ColumnProfile("sale_date", "DATE", 0, 200, "2024-01-05", "2025-06-28", java.util.List.of())));

    @Test
    void whatIsTheHighestMeasureIsItsValueNotTheRowHoldingIt() {
        assertThat(DoubtsTest.sql(AUCTIONS, "what is the highest hammer price for Maps")).contains("MAX(\"hammer_price\")")
                .doesNotContain("lot_id", "QUALIFY");
        assertThat(DoubtsTest.sql(AUCTIONS, "what was the earliest sale date among lots from Marlow"))
                .contains("MIN(\"sale_date\")").doesNotContain("GROUP BY");
        // the thing with the highest value is named
        assertThat(DoubtsTest.sql(AUCTIONS, "which lot has the highest hammer price")).contains("\"lot_id\"");
        assertThat(DoubtsTest.sql(AUCTIONS, "what is the category with the highest hammer price")).contains("\"category\"");
    }

    /** An invented draft: one row a player, the college he came from repeating. */
    static final SchemaInfo DRAFT = new SchemaInfo("draft", 40, java.util.List.of(
            Fixtures.col("Player", "VARCHAR", 39, java.util.List.of("Al Ito", "Bo Reyes", "Cal Dunn")),
            Fixtures.col("College", "VARCHAR", 14, java.util.List.of("Iowa", "Rice", "Utah")),
            Fixtures.num("Pick", "BIGINT", 40, "1", "40")));

    @Test
    void aNounThatNamesEveryRowIsWhatIsCountedNotASecondGrouping() {
        Intent college = Fixtures.intent(DRAFT, "which college was the most attended by players?");
        assertThat(college.groups()).extracting(Grouping::describe).containsExactly("College");
        assertThat(college.limit()).isEqualTo(1);
        // two columns that both repeat stay a grouping of pairs
        SchemaInfo wins = new SchemaInfo("wins", 40, java.util.List.of(
                Fixtures.col("Team", "VARCHAR", 8, java.util.List.of("Owls", "Hawks")),
                Fixtures.col("Venue", "VARCHAR", 5, java.util.List.of("Home", "Away"))));
        assertThat(Fixtures.intent(wins, "top 3 teams by venue by number of rows").groups()).hasSize(2);
    }

    @Test
    void whichNumberHasTheMostUnnamedThingsCountsRowsPerNumber() {
        SchemaInfo radio = new SchemaInfo("relay_stations", 20, java.util.List.of(
                Fixtures.col("Town", "VARCHAR", 20, java.util.List.of("Alby", "Brent", "Cole")),
                Fixtures.num("Frequency", "DOUBLE", 9, "88.1", "107.9"),
                Fixtures.col("Network", "VARCHAR", 3, java.util.List.of("Talk", "Jazz"))));
        Intent most = Fixtures.intent(radio, "which frequency has the most stations?");
        assertThat(most.groups()).extracting(Grouping::describe).containsExactly("Frequency");
        assertThat(most.measures()).extracting(Measure::describe).containsExactly("Count of rows");
        // "which of these" asks for one of the rows, named by its label
        assertThat(DoubtsTest.sql(radio, "which of these stations broadcasts with the lowest frequency?"))
                .contains("\"Town\"").doesNotContain("MIN(");
        // the largest value of the column itself when nothing else is counted
        assertThat(Fixtures.intent(radio, "what is the highest frequency?").measures()).extracting(Measure::describe)
                .containsExactly("Maximum of Frequency");
    }

    @Test
    void aRankAssumedForASizeRanksFromRankOne() {
        SchemaInfo islands = new SchemaInfo("islands", 30, java.util.List.of(
                Fixtures.num("Rank", "BIGINT", 30, "1", "30"),
                Fixtures.col("Island", "VARCHAR", 30, java.util.List.of("Mljet", "Brac", "Hvar")),
                Fixtures.col("County", "VARCHAR", 6, java.util.List.of("Split", "Zadar"))));
        Intent largest = Fixtures.intent(islands, "which is the largest island?");
        assertThat(largest.ascending()).isTrue();
        assertThat(largest.readings()).anyMatch(r -> r.contains("Rank 1 is its top"));
    }

    @Test
    void aBreakdownOfTheRowsOrAChartOfGroupsCountsTheRows() {
        SchemaInfo ferry = new SchemaInfo("ferry_bookings", 240, java.util.List.of(
                Fixtures.col("booking_ref", "VARCHAR", 240, java.util.List.of("FB-0001", "FB-0002")),
                Fixtures.col("route", "VARCHAR", 4, java.util.List.of("North Loop", "Isle Run", "Bay Hop", "Cape Line")),
                Fixtures.col("deck", "VARCHAR", 3, java.util.List.of("Upper", "Lower", "Car")),
                Fixtures.col("channel", "VARCHAR", 3, java.util.List.of("web", "phone", "desk")),
                Fixtures.num("fare", "DOUBLE", 200, "12", "95")));
        Intent breakdown = Fixtures.intent(ferry, "bookings by route and deck");
        assertThat(breakdown.kind()).isEqualTo(Intent.Kind.AGGREGATE);
        assertThat(breakdown.groups()).extracting(g -> g.column().name()).containsExactly("route", "deck");
        assertThat(breakdown.measures()).extracting(m -> m.agg() + " " + (m.column() == null ? "rows" : m.column().name()))
                .containsExactly("COUNT rows");
        Intent pie = Fixtures.intent(ferry, "pie of booking channels");
        assertThat(pie.groups()).extracting(g -> g.column().name()).containsExactly("channel");
        assertThat(pie.measures()).extracting(Measure::agg).containsExactly(Agg.COUNT);
        assertThat(DoubtsTest.plan(ferry, "pie of booking channels").isBestGuess()).isFalse();
        // the values themselves, when asked for
        assertThat(Fixtures.intent(ferry, "list the decks by route").kind()).isEqualTo(Intent.Kind.LIST);
    }
}
