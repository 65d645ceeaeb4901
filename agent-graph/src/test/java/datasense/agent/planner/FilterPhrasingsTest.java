package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filters phrased as other people phrase them, on an invented library's loans: negated text matches, a negated
 * list joined by "or", "except those in", the column a verb of age names for "between", the second half of
 * "above 10 or below 1", "the genre is either ... or ...", and orderings named after the column.
 */
class FilterPhrasingsTest {

    static final SchemaInfo LOANS = new SchemaInfo("library_loans", 500, List.of(
            Fixtures.col("loan_id", "VARCHAR", 500, List.of("L-0001", "L-0002")),
            Fixtures.col("member", "VARCHAR", 80, List.of("Ada Byrne", "Ravi Shah")),
            Fixtures.col("branch", "VARCHAR", 5, List.of("Central", "Northside", "Harbour", "Eastgate", "Mill Lane")),
            Fixtures.col("genre", "VARCHAR", 6, List.of("Fiction", "History", "Science", "Poetry", "Crime", "Travel")),
            Fixtures.col("title", "VARCHAR", 200, List.of("The Long Night", "Salt and Stone")),
            new ColumnProfile("loaned_on", "DATE", 0, 300, "2023-01-02", "2024-12-30", List.of()),
            Fixtures.num("days_out", "BIGINT", 40, "1", "60"),
            Fixtures.num("late_fee", "DOUBLE", 50, "0", "12.5"),
            Fixtures.num("member_age", "BIGINT", 60, "8", "90")));

    static Intent intent(String q) {
        return Fixtures.intent(LOANS, q);
    }

    static List<String> where(String q) {
        return Fixtures.where(LOANS, q);
    }

    /** An invented orchard ledger: one row a harvest, dated by a whole-number year. */
    static final SchemaInfo HARVESTS = new SchemaInfo("harvests", 12, List.of(
            Fixtures.num("Year", "BIGINT", 9, "2004", "2015"),
            Fixtures.col("Orchard", "VARCHAR", 3, List.of("North", "Mill", "Brook")),
            Fixtures.num("Crates", "BIGINT", 12, "40", "900")));

    @Test
    void yearsJoinedByAndOrOrAreThoseYearsAndARangeIsItsSpan() {
        assertThat(Fixtures.where(HARVESTS, "how many crates were picked in 2006 and 2009?"))
                .containsExactly("\"Year\" IN (2006, 2009)");
        assertThat(Fixtures.where(HARVESTS, "crates picked in 2006 or 2009")).containsExactly("\"Year\" IN (2006, 2009)");
        assertThat(Fixtures.where(HARVESTS, "harvests between 2006 and 2009"))
                .containsExactly("\"Year\" BETWEEN 2006 AND 2009");
        assertThat(Fixtures.where(HARVESTS, "harvests from 2006 to 2009"))
                .containsExactly("\"Year\" BETWEEN 2006 AND 2009");
        // a decade is its ten years
        assertThat(Fixtures.where(HARVESTS, "how many harvests were there in the 2000s?"))
                .containsExactly("\"Year\" BETWEEN 2000 AND 2009");
        // and "the 1900s" is a century
        assertThat(Fixtures.where(HARVESTS, "how many harvests were there in the 1900s?"))
                .containsExactly("\"Year\" BETWEEN 1900 AND 1999");
        // "between" may open a noun phrase that names the years before the first of them
        assertThat(Fixtures.where(HARVESTS, "how many harvests between the years of 2006 and 2009?"))
                .containsExactly("\"Year\" BETWEEN 2006 AND 2009");
    }

    /** An invented draft: each pick numbered, its player and country. */
    static final SchemaInfo DRAFT = new SchemaInfo("draft", 200, List.of(
            Fixtures.num("Pick", "BIGINT", 200, "1", "200"),
            Fixtures.col("Player", "VARCHAR", 200, List.of("Al Moss", "Bo Fitch")),
            Fixtures.col("Country", "VARCHAR", 9, List.of("Canada", "Sweden", "Finland")),
            Fixtures.num("Games", "BIGINT", 80, "0", "1200")));

    @Test
    void numbersAfterAColumnOfWholeNumbersAreItsValuesOrItsSpan() {
        assertThat(Fixtures.where(DRAFT, "total games of picks 3 and 7")).containsExactly("\"Pick\" IN (3, 7)");
        assertThat(Fixtures.where(DRAFT, "total games of picks 3, 7 and 9")).containsExactly("\"Pick\" IN (3, 7, 9)");
        assertThat(Fixtures.where(DRAFT, "how many players were taken between picks 148 and 168?"))
                .containsExactly("\"Pick\" BETWEEN 148 AND 168");
        assertThat(Fixtures.where(DRAFT, "total games of picks 10 through 20"))
                .containsExactly("\"Pick\" BETWEEN 10 AND 20");
        assertThat(Fixtures.where(DRAFT, "games of pick 3")).containsExactly("\"Pick\" = 3");
    }

    @Test
    void anAgeSaidWithItsUnitIsThatAge() {
        SchemaInfo ponies = new SchemaInfo("pony_club", 20, List.of(
                Fixtures.col("Pony", "VARCHAR", 20, List.of("Dusty", "Pepper")),
                Fixtures.col("Rider", "VARCHAR", 20, List.of("Ann Roe", "Ben Ely")),
                Fixtures.num("Age", "BIGINT", 9, "4", "22")));
        assertThat(Fixtures.where(ponies, "how many riders were 13 years old?")).containsExactly("\"Age\" = 13");
        assertThat(Fixtures.where(ponies, "which ponies are 9 years old")).containsExactly("\"Age\" = 9");
    }

    @Test
    void aNumberInAColumnNamesTheColumnCompared() {
        Plan plan = DoubtsTest.plan(DRAFT, "how many players had more than 500 in games?");
        assertThat(plan.interpretation()).contains("count of Player").doesNotContain("names no column").doesNotContain("Total of Games");
        assertThat(Fixtures.where(DRAFT, "how many players had more than 500 in games?")).containsExactly("\"Games\" > 500");
        // a plural no column names may stand between the number and "in"
        SchemaInfo scorers = new SchemaInfo("scorers", 14, List.of(
                Fixtures.col("Name", "VARCHAR", 14, List.of("Ivo Marsh", "Teo Bask")),
                Fixtures.num("League", "BIGINT", 9, "0", "12"),
                Fixtures.num("Cup Championship", "BIGINT", 5, "0", "4")));
        assertThat(Fixtures.where(scorers, "tell me a scorer that had at least 3 scores in the cup championship."))
                .containsExactly("\"Cup Championship\" >= 3");
        SchemaInfo fixtures = new SchemaInfo("fixtures", 16, List.of(
                Fixtures.num("Week", "BIGINT", 16, "1", "16"),
                Fixtures.col("Opponent", "VARCHAR", 14, List.of("Rams", "Jets")),
                Fixtures.num("Attendance", "BIGINT", 16, "21000", "78000")));
        assertThat(Fixtures.where(fixtures, "how many games had less than 30,000 people in attendance?"))
                .containsExactly("\"Attendance\" < 30000");
    }

    @Test
    void aVerbOfWeighingNamesTheWeightItRanks() {
        SchemaInfo roster = new SchemaInfo("roster", 20, List.of(
                Fixtures.col("Player", "VARCHAR", 20, List.of("Al Moss", "Bo Fitch")),
                Fixtures.num("Weight (lbs)", "BIGINT", 18, "170", "320")));
        Intent least = Fixtures.intent(roster, "which player weighed the least?");
        assertThat(least.limit()).isEqualTo(1);
        assertThat(least.measures()).extracting(m -> m.column() == null ? null : m.column().name()).containsExactly("Weight (lbs)");
        // counted, the players are what is counted and the verb is their condition
        Intent heavy = Fixtures.intent(roster, "how many players weighed more than 250?");
        assertThat(heavy.measures()).extracting(Measure::agg).doesNotContain(Agg.SUM);
        assertThat(heavy.filters()).extracting(Filter::sql).containsExactly("\"Weight (lbs)\" > 250");
    }

    @Test
    void aNegatedTextMatchKeepsTheOtherRowsAndMissingText() {
        assertThat(where("loans whose title does not contain 'the'"))
                .containsExactly("(NOT (CAST(\"title\" AS VARCHAR) ILIKE '%the%') OR \"title\" IS NULL)");
        assertThat(where("titles that don't start with 'The'")).hasSize(1).allMatch(f -> f.startsWith("(NOT ("));
        assertThat(intent("loans whose title does not contain 'the'").unexplained()).isEmpty();
        assertThat(where("titles that start with 'The'")).containsExactly("CAST(\"title\" AS VARCHAR) ILIKE 'The%'");
        // a letter is said with its article
        assertThat(where("how many titles start with an s?")).containsExactly("CAST(\"title\" AS VARCHAR) ILIKE 's%'");
    }

    @Test
    void negatedListsAndExceptThose() {
        Intent neither = intent("average days out for loans not in fiction or poetry");
        assertThat(neither.filters()).extracting(Filter::op).containsExactly("ne", "ne");
        assertThat(neither.unexplained()).isEmpty();
        assertThat(where("loans except those in the Harbour branch"))
                .containsExactly("(\"branch\" <> 'Harbour' OR \"branch\" IS NULL)");
    }

    @Test
    void betweenAfterAVerbOfAgeAndTheSecondHalfOfAnOr() {
        assertThat(where("members aged between 20 and 30")).containsExactly("\"member_age\" BETWEEN 20 AND 30");
        assertThat(where("fees above 10 or below 1")).containsExactly("(\"late_fee\" > 10 OR \"late_fee\" < 1)");
    }

    @Test
    void theColumnBeforeIsAndEitherBelongsToTheValues() {
        Intent either = intent("loans where the genre is either crime or history");
        assertThat(either.groups()).isEmpty();
        assertThat(either.filters()).extracting(Filter::sql).containsExactly("\"genre\" IN ('Crime', 'History')");
    }

    @Test
    void aColumnSortedOrRankedAfterItsNameIsAskedForItsGroups() {
        Plan sorted = new OfflinePlanner().planNow(new PlanRequest("genres sorted by number of loans, fewest first",
                LOANS, List.of(), null));
        assertThat(sorted.isBestGuess()).isFalse();
        Plan ranked = new OfflinePlanner().planNow(new PlanRequest(
                "all branches ranked by total late fees from highest to lowest", LOANS, List.of(), null));
        assertThat(ranked.isBestGuess()).isFalse();
    }

    /** Loans with yes/no columns: reserved (held for the member first), and lost (the book never came back). */
    static final SchemaInfo FLAGGED_LOANS = new SchemaInfo("library_loans", 500, java.util.stream.Stream.concat(LOANS.columns().stream(),
            java.util.stream.Stream.of(new ColumnProfile("reserved", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
                    new ColumnProfile("lost", "BOOLEAN", 0, 2, null, null, List.of("true", "false")))).toList());

    @Test
    void wordsThatLeaveRowsOutNegateTheConditionTheyName() {
        for (String q : List.of("average late fee by branch, leave out reserved loans", "average late fee by branch ignoring the reserved ones",
                "average late fee by branch, not counting reserved loans", "Average late fee by branch. Reserved loans don't count.",
                "average late fee by branch (exclude reservations)", "average late fee by branch; reserved loans are excluded")) {
            assertThat(Fixtures.where(FLAGGED_LOANS, q)).as(q).containsExactly("\"reserved\" = FALSE");
            assertThat(Fixtures.intent(FLAGGED_LOANS, q).unexplained()).as(q).isEmpty();
        }
        // a noun of the event is its yes/no column: "how many reservations"
        assertThat(Fixtures.where(FLAGGED_LOANS, "how many reservations per branch")).containsExactly("\"reserved\" = TRUE");
        // and of a value: "leave out Poetry", "not counting Crime"
        assertThat(where("average late fee by branch, leave out Poetry")).containsExactly("(\"genre\" <> 'Poetry' OR \"genre\" IS NULL)");
        assertThat(where("loans per genre not counting Crime")).containsExactly("(\"genre\" <> 'Crime' OR \"genre\" IS NULL)");
    }
}
