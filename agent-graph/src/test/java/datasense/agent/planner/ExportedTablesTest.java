package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tables as reports and spreadsheets export them: a summary row at the bottom, names carrying a bracketed
 * code, lists in which a few entries repeat. Schemas invented for the test.
 */
class ExportedTablesTest {

    private static final OfflinePlanner PLANNER = new OfflinePlanner();

    /** A county league table of 6 clubs and a "Grand total:" row, clubs written with their town code. */
    private static final SchemaInfo LEAGUE = new SchemaInfo("league", 7, List.of(
            Fixtures.col("Club", "VARCHAR", 7, List.of("Harbour Rovers (HBR)", "Mill Lane (MLL)",
                    "Old Quay Athletic (OQA)", "Saltings (SAL)", "Westgate Wanderers (WGW)", "Kiln Park (KPK)",
                    "Grand total:")),
            Fixtures.num("Won", "BIGINT", 6, "0", "61"),
            Fixtures.num("Points", "BIGINT", 7, "3", "190")));

    /** Results of one rower: 12 races over 10 different regattas (two were rowed twice). */
    private static final SchemaInfo RACES = new SchemaInfo("races", 12, List.of(
            Fixtures.num("Season", "BIGINT", 12, "2001", "2012"),
            Fixtures.col("Regatta", "VARCHAR", 10, List.of("Henley", "Lucerne", "Poznan", "Varese", "Munich",
                    "Eton", "Ghent", "Bled", "Linz", "Racice")),
            Fixtures.num("Place", "BIGINT", 6, "1", "6")));

    /** Sales lines: 400 lines of 40 customers. */
    private static final SchemaInfo LINES = new SchemaInfo("lines", 400, List.of(
            Fixtures.col("customer", "VARCHAR", 40, List.of("Ada", "Bo", "Cy")),
            Fixtures.num("amount", "DOUBLE", 380, "1", "900")));

    private static Plan plan(SchemaInfo s, String q) {
        return PLANNER.plan(new PlanRequest(q, s, List.of(), null)).toCompletableFuture().join();
    }

    private static String sql(Plan p) {
        return p.steps().get(0).args().get("sql").asText();
    }

    @Test
    void aSummaryRowIsLeftOutOfTotalsCountsAndRankingsAndTheInterpretationSaysSo() {
        Plan total = plan(LEAGUE, "total points");
        assertThat(sql(total)).contains("\"Club\" <> 'Grand total:'");
        assertThat(total.interpretation()).contains("summary row Club = 'Grand total:' left out");
        assertThat(sql(plan(LEAGUE, "how many clubs won more than 10 games"))).contains("<> 'Grand total:'");
        assertThat(sql(plan(LEAGUE, "which club has the most points"))).contains("<> 'Grand total:'");
    }

    @Test
    void aSummaryRowMayNameWhatItCounts() {
        SchemaInfo hymns = new SchemaInfo("hymns", 9, List.of(
                Fixtures.col("Book", "VARCHAR", 9, List.of("Morning Songs", "Harvest Psalter", "Evening Verses",
                        "Total number of hymns")),
                Fixtures.num("Hymns", "BIGINT", 9, "4", "412")));
        assertThat(SummaryRows.condition(SchemaLinker.index(hymns))).extracting(Filter::describe)
                .isEqualTo("Book is not 'Total number of hymns'");
        assertThat(sql(plan(hymns, "which book has the most hymns?"))).contains("\"Book\" <> 'Total number of hymns'");
    }

    @Test
    void aSummaryRowMaySitAfterColumnsOfNumbersAndCodes() {
        // place, position code and shirt number before the name: the "TOTALS" row is still the foot of the table
        SchemaInfo scorers = new SchemaInfo("scorers", 9, List.of(
                Fixtures.num("Place", "BIGINT", 6, "1", "9"),
                Fixtures.col("Position", "VARCHAR", 3, List.of("FW", "MF", "DF")),
                Fixtures.num("Number", "BIGINT", 8, "3", "33"),
                Fixtures.col("Name", "VARCHAR", 9, List.of("Ivo Marsh", "Teo Bask", "Lin Ode", "TOTALS")),
                Fixtures.num("Goals", "BIGINT", 6, "1", "32")));
        assertThat(SummaryRows.condition(SchemaLinker.index(scorers))).extracting(Filter::describe)
                .isEqualTo("Name is not 'TOTALS'");
    }

    @Test
    void aRowWhoseLabelCountsEveryOtherRowIsASummaryRow() {
        // five rival clubs and a foot row "5 rivals*": the row counts the others, so it sums them up
        SchemaInfo rivals = new SchemaInfo("rivals", 6, List.of(
                Fixtures.col("Rival", "VARCHAR", 6, List.of("Dock Street", "Far Meadow", "Ironbridge", "Lowfields",
                        "Marsh End", "5 rivals*")),
                Fixtures.num("Wins", "BIGINT", 6, "1", "40")));
        assertThat(SummaryRows.condition(SchemaLinker.index(rivals))).extracting(Filter::describe)
                .isEqualTo("Rival is not '5 rivals*'");
        // a foot that counts one row more than the export kept is still the foot
        SchemaInfo missing = new SchemaInfo("rivals", 6, List.of(
                Fixtures.col("Rival", "VARCHAR", 6, List.of("Dock Street", "Far Meadow", "Ironbridge", "Lowfields",
                        "Marsh End", "6 rivals")),
                Fixtures.num("Wins", "BIGINT", 6, "1", "40")));
        assertThat(SummaryRows.condition(SchemaLinker.index(missing))).isNotNull();
        // a label of the same shape that does not count the other rows is a row like any other
        SchemaInfo teams = new SchemaInfo("teams", 6, List.of(
                Fixtures.col("Team", "VARCHAR", 6, List.of("Dock Street", "Far Meadow", "Ironbridge", "Lowfields",
                        "Marsh End", "3 Peaks Harriers")),
                Fixtures.num("Wins", "BIGINT", 6, "1", "40")));
        assertThat(SummaryRows.condition(SchemaLinker.index(teams))).isNull();
    }

    @Test
    void aQuestionNamingTheSummaryRowKeepsIt() {
        assertThat(sql(plan(LEAGUE, "points of the Grand total row"))).doesNotContain("<>");
    }

    @Test
    void aTableWithoutASummaryRowIsUnchanged() {
        assertThat(SummaryRows.condition(SchemaLinker.index(RACES))).isNull();
        // a category "Total" among few values is data (a total eclipse), not a summary row
        SchemaInfo eclipses = new SchemaInfo("eclipses", 40, List.of(
                Fixtures.col("Kind", "VARCHAR", 3, List.of("Partial", "Annular", "Total")),
                Fixtures.num("Minutes", "DOUBLE", 40, "1", "7")));
        assertThat(SummaryRows.condition(SchemaLinker.index(eclipses))).isNull();
    }

    @Test
    void aNameIsFoundWithoutTheCodeWrittenAfterIt() {
        Plan p = plan(LEAGUE, "points of Old Quay Athletic");
        assertThat(sql(p)).contains("\"Club\" = 'Old Quay Athletic (OQA)'");
        assertThat(SchemaIndex.qualifierFree("Leeds United [3]*")).isEqualTo("Leeds United");
        assertThat(SchemaIndex.qualifierFree("Saltings")).isEqualTo("Saltings");
        assertThat(SchemaIndex.qualifierFree("Blue (7-7)")).as("a record, not a note").isEqualTo("Blue (7-7)");
    }

    @Test
    void countingAListInWhichFewEntriesRepeatIsABestGuessButCountingRepeatedCustomersIsNot() {
        Plan regattas = plan(RACES, "how many regattas");
        assertThat(sql(regattas)).contains("COUNT(DISTINCT \"Regatta\")");
        // among the rows a condition keeps, a name twice is most often two entries of one name: those rows are counted
        Plan since = plan(RACES, "how many regattas since 2006?");
        assertThat(sql(since)).contains("COUNT(\"Regatta\")").doesNotContain("DISTINCT");
        assertThat(since.isBestGuess()).isTrue();
        assertThat(regattas.isBestGuess()).isTrue();
        assertThat(regattas.confidence()).isLessThan(0.8);

        Plan customers = plan(LINES, "how many customers");
        assertThat(sql(customers)).contains("COUNT(DISTINCT \"customer\")");
        assertThat(customers.confidence()).isEqualTo(1.0);
        ColumnProfile c = LINES.columns().get(0);
        assertThat(c.distinct()).isEqualTo(40);
    }
}
