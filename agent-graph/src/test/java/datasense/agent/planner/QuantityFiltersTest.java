package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.Limits;
import datasense.tools.SchemaInfo;
import datasense.tools.sql.DuckDb;
import datasense.tools.sql.SqlGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comparisons on quantities kept as text with their unit, on an invented rowing club's crew list: "at least 90kg"
 * compares the number each weight begins with instead of matching the one value '90 kg'; a unit names the one column
 * written in it; "1,91 m" has a decimal comma; a play's "1 act" and "3 acts" are one unit; a value named without a
 * comparison stays a value.
 */
class QuantityFiltersTest {

    static final SchemaInfo CREW = new SchemaInfo("crew", 8, List.of(
            Fixtures.col("Rower", "VARCHAR", 8, List.of("Ana Ruiz", "Ben Okafor", "Cleo Hart", "Dev Patel")),
            Fixtures.col("Weight", "VARCHAR", 7, List.of("98 kg", "90 kg", "78 kg", "104 kg", "90 kg", "-")),
            Fixtures.col("Height", "VARCHAR", 8, List.of("1,96 m", "1,87 m", "1,80 m", "2,03 m")),
            Fixtures.col("Seat", "VARCHAR", 8, List.of("Bow", "2", "3", "Stroke")),
            Fixtures.col("Club since", "VARCHAR", 8, List.of("12 May 2015", "3 June 2019"))));

    static final SchemaInfo PLAYS = new SchemaInfo("plays", 6, List.of(
            Fixtures.col("Title", "VARCHAR", 6, List.of("The Harbour", "Salt", "Ninefold")),
            Fixtures.col("Length", "VARCHAR", 4, List.of("1 act", "3 acts", "5 acts", "2 acts"))));

    @Test
    void aComparisonWithAUnitComparesTheNumberEachValueBeginsWith() {
        List<String> where = Fixtures.where(CREW, "how many rowers weigh at least 90kg?");
        assertThat(where).containsExactly("TRY_CAST(replace(regexp_extract(CAST(\"Weight\" AS VARCHAR), "
                + "'^\\s*[$€£]?\\s*([-+]?[0-9][0-9,]*(\\.[0-9]+)?)', 1), ',', '') AS DOUBLE) >= 90");
        Intent over = Fixtures.intent(CREW, "rowers over 100 kg");
        assertThat(over.filters()).extracting(Filter::describe).containsExactly("the number in Weight > 100");
        assertThat(over.unexplained()).isEmpty();
        // the column named just before, the unit left unsaid
        assertThat(Fixtures.intent(CREW, "how many weights are under 95?").filters())
                .extracting(Filter::describe).containsExactly("the number in Weight < 95");
    }

    /** Invented towers: each height in metres and in feet, in one cell. */
    static final SchemaInfo TOWERS = new SchemaInfo("towers", 6, List.of(
            Fixtures.col("Name", "VARCHAR", 6, List.of("Old Mill", "Bell Tower", "Signal Mast")),
            Fixtures.col("Height metres / ft", "VARCHAR", 6, List.of("146 / 480", "159.7 / 524", "83 / 272"))));

    @Test
    void aFigureWithTheSameInASecondUnitAfterASlashIsRankedByItsFirst() {
        Intent least = Fixtures.intent(TOWERS, "which tower has the least height?");
        assertThat(least.limit()).isEqualTo(1);
        assertThat(least.measures()).extracting(m -> m.agg()).doesNotContain(Agg.COUNT_DISTINCT);
        assertThat(Fixtures.where(TOWERS, "towers taller than 100 metres")).singleElement().asString()
                .contains("regexp_extract(CAST(\"Height metres / ft\"").endsWith(" > 100");
    }

    @Test
    void aDecimalCommaAndUnitsInTheSingularAndPlural() {
        assertThat(Fixtures.where(CREW, "rowers taller than 1.9 m")).singleElement().asString()
                .contains("',', '.')").endsWith(" > 1.9");
        Intent acts = Fixtures.intent(PLAYS, "which plays have at least 3 acts?");
        assertThat(acts.filters()).extracting(Filter::describe).containsExactly("the number in Length >= 3");
        assertThat(acts.readings()).anyMatch(r -> r.contains("read as the number each Length begins with"));
    }

    @Test
    void aValueWithoutAComparisonAndDatesAreNotQuantities() {
        assertThat(Fixtures.where(CREW, "rowers who weigh 90 kg")).containsExactly("\"Weight\" = '90 kg'");
        assertThat(QuantityFilters.written(CREW.columns().get(4))).as("'12 May 2015' is a date").isFalse();
        assertThat(QuantityFilters.written(CREW.columns().get(3))).as("seats: a name and numbers").isFalse();
    }

    @Test
    void theConditionRunsOnTheDataAndPassesTheGuard(@TempDir Path dir) throws Exception {
        try (Connection db = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE crew AS SELECT * FROM (VALUES ('Ana Ruiz', '98 kg', '1,96 m'), ('Ben Okafor', '90 kg', '1,87 m'),"
                    + " ('Cleo Hart', '78 kg', '1,80 m'), ('Dev Patel', '104 kg', '2,03 m'), ('Eli Moss', '-', NULL))"
                    + " t(\"Rower\", \"Weight\", \"Height\")");
            assertThat(count(db, "how many rowers weigh at least 90kg?")).isEqualTo(3L);
            assertThat(count(db, "how many rowers are taller than 1.9 m?")).isEqualTo(2L);
        }
    }

    static final SchemaInfo TREES = new SchemaInfo("trees", 5, List.of(
            Fixtures.num("Year", "BIGINT", 5, "2009", "2013"),
            Fixtures.col("Species", "VARCHAR", 4, List.of("Engelmann Spruce", "Sierra White Fir", "Blue Spruce", "Douglas Fir")),
            Fixtures.col("Height", "VARCHAR", 5, List.of("88 feet (27 m)", "63 feet (19 m)", "85 feet (26 m)", "110 feet (34 m)"))));

    @Test
    void aSuperlativeOfAQuantityRanksByItsNumber(@TempDir Path dir) throws Exception {
        try (Connection db = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = db.createStatement()) {
            trees(st, "(2013, 'Engelmann Spruce', '88 feet (27 m)'), (2011, 'Sierra White Fir', '63 feet (19 m)'),"
                    + " (2009, 'Blue Spruce', '85 feet (26 m)'), (2010, 'Douglas Fir', '110 feet (34 m)'),"
                    + " (2012, 'Engelmann Spruce', '9 feet (3 m)')");
            // as text, '9 feet' would be the largest and '110 feet' the smallest
            assertThat(first(db, "which species was the tallest in height?")).isEqualTo("Douglas Fir");
            assertThat(first(db, "which year had the least height?")).isEqualTo(2012);
            // one figure: as the table writes it, chosen by its number
            assertThat(first(db, "the largest height")).isEqualTo("110 feet (34 m)");
            assertThat(first(db, "the smallest height")).isEqualTo("9 feet (3 m)");
            Intent tallest = Fixtures.intent(TREES, "which species was the tallest in height?");
            assertThat(tallest.readings()).noneMatch(r -> r.contains("alphabetical"));
        }
    }

    @Test
    void theSuperlativeOfAMagnitudeOverGroupsIsOfTheirExtremeRow(@TempDir Path dir) throws Exception {
        try (Connection db = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = db.createStatement()) {
            // Engelmann Spruce has the largest total (three trees), Douglas Fir the one tallest tree
            trees(st, "(2013, 'Engelmann Spruce', '88 feet (27 m)'), (2011, 'Engelmann Spruce', '63 feet (19 m)'),"
                    + " (2009, 'Engelmann Spruce', '85 feet (26 m)'), (2010, 'Douglas Fir', '110 feet (34 m)'),"
                    + " (2012, 'Douglas Fir', '9 feet (3 m)'), (2008, 'Blue Spruce', '40 feet (12 m)')");
            Intent tallest = Fixtures.intent(GROVE, "which species has the greatest height?");
            assertThat(tallest.measures()).extracting(Measure::agg).containsExactly(Agg.MAX);
            assertThat(tallest.readings()).contains("'greatest' read as each Species's largest Height, as Height does not add up");
            assertThat(first(db, GROVE, "which species has the greatest height?")).isEqualTo("Douglas Fir");
            assertThat(first(db, GROVE, "the species with the least height")).isEqualTo("Douglas Fir");
            // "species" is one species here: one answer, not a top ten
            assertThat(Fixtures.intent(GROVE, "the species with the least height").limit()).isEqualTo(1);
            // a total still adds up: "the most votes" of a party over its candidates
            SchemaInfo votes = new SchemaInfo("votes", 9, List.of(
                    Fixtures.col("Party", "VARCHAR", 3, List.of("Red", "Blue", "Green")),
                    Fixtures.num("Votes", "BIGINT", 9, "100", "900")));
            assertThat(Fixtures.intent(votes, "which party has the most votes?").measures()).extracting(Measure::agg)
                    .containsExactly(Agg.SUM);
        }
    }

    /** A race: total times on a clock face, one driver a row, a retired driver with no time. */
    static final SchemaInfo RACE = new SchemaInfo("race", 5, List.of(
            Fixtures.col("Driver", "VARCHAR", 5, List.of("Ada Kerr", "Bo Lind", "Cy Moss", "Di Noor", "Ed Park")),
            Fixtures.col("Time", "VARCHAR", 5, List.of("1:59:38.4", "2:01:02.0", "1:58:59.9", "Engine", "2:00:00"))));
    /** Townships: areas with the square miles after them, people counted with thousands commas and a footnote. */
    static final SchemaInfo TOWNSHIPS = new SchemaInfo("townships", 4, List.of(
            Fixtures.col("Township", "VARCHAR", 4, List.of("Alder", "Birch", "Cedar", "Dogwood")),
            Fixtures.col("Land area km2 (sq mi)", "VARCHAR", 4, List.of("83.2 (32.1)", "9.5 (3.7)", "120.0 (46.3)", "—")),
            Fixtures.col("Population", "VARCHAR", 4, List.of("1,638", "425", "12,001[3]", "980"))));

    @Test
    void numbersKeptAsTextAreComparedAndRankedByTheirNumber(@TempDir Path dir) throws Exception {
        assertThat(QuantityFilters.clock(RACE.columns().get(1))).isTrue();
        assertThat(QuantityFilters.annotated(TOWNSHIPS.columns().get(1))).isTrue();
        assertThat(QuantityFilters.annotated(TOWNSHIPS.columns().get(2))).isTrue();
        assertThat(QuantityFilters.annotated(Fixtures.col("Season", "VARCHAR", 4, List.of("1987", "1988", "1990", "Total"))))
                .as("years kept as text are when, not how much").isFalse();
        assertThat(QuantityFilters.annotated(Fixtures.col("Opened", "VARCHAR", 4, List.of("1987", "1988[2]", "1990", "2001"))))
                .isFalse();
        assertThat(QuantityFilters.begins(CREW.columns().get(4))).as("'12 May 2015' is a date").isFalse();
        assertThat(QuantityFilters.begins(Fixtures.col("Kick-off", "VARCHAR", 3, List.of("1:00 pm", "4:05 pm", "8:20 pm"))))
                .as("times of day are no lengths").isFalse();
        try (Connection db = DuckDb.open(List.of(dir), Limits.defaults()); Statement st = db.createStatement()) {
            st.execute("CREATE TABLE trees AS SELECT * FROM (VALUES ('Ada Kerr', '1:59:38.4'), ('Bo Lind', '2:01:02.0'),"
                    + " ('Cy Moss', '1:58:59.9'), ('Di Noor', 'Engine'), ('Ed Park', '2:00:00')) t(\"Driver\", \"Time\")");
            // as text, 'Engine' would be the longest; as seconds it is no time at all
            assertThat(first(db, RACE, "which driver had the longest time?")).isEqualTo("Bo Lind");
            assertThat(first(db, RACE, "which driver had the shortest time?")).isEqualTo("Cy Moss");
            // less time is faster
            assertThat(first(db, RACE, "which driver had the fastest time?")).isEqualTo("Cy Moss");
            assertThat(first(db, RACE, "who had the slowest time?")).isEqualTo("Bo Lind");
            st.execute("DROP TABLE trees");
            st.execute("CREATE TABLE trees AS SELECT * FROM (VALUES ('Alder', '83.2 (32.1)', '1,638'), ('Birch', '9.5 (3.7)', '425'),"
                    + " ('Cedar', '120.0 (46.3)', '12,001[3]'), ('Dogwood', '—', '980')) t(\"Township\", \"Land area km2 (sq mi)\", \"Population\")");
            // as text, '9.5 (3.7)' would be the largest area and '425' the largest population
            assertThat(first(db, TOWNSHIPS, "which township has the least land area?")).isEqualTo("Birch");
            assertThat(first(db, TOWNSHIPS, "which township has the highest population?")).isEqualTo("Cedar");
            Intent over = Fixtures.intent(TOWNSHIPS, "townships with a population of more than 1,000");
            assertThat(over.filters()).extracting(Filter::describe).containsExactly("the number in Population > 1000");
            // the column named nearest before the comparison is compared, even past one of numbers kept as text
            SchemaInfo shows = new SchemaInfo("shows", 13, List.of(
                    Fixtures.col("Episode", "VARCHAR", 13, List.of("1", "2", "3", "4", "5", "Average")),
                    Fixtures.num("Average", "DOUBLE", 12, "0.58", "1.0")));
            assertThat(QuantityFilters.annotated(shows.columns().get(0))).isTrue();
            assertThat(Fixtures.where(shows, "how many episodes had an average over 0.75?")).containsExactly("\"Average\" > 0.75");
        }
    }

    /** The trees of three species, several of one species: a species is a group of rows. */
    static final SchemaInfo GROVE = new SchemaInfo("trees", 9, List.of(
            Fixtures.num("Year", "BIGINT", 9, "2005", "2013"),
            Fixtures.col("Species", "VARCHAR", 3, List.of("Engelmann Spruce", "Douglas Fir", "Blue Spruce")),
            Fixtures.col("Height", "VARCHAR", 9, List.of("88 feet (27 m)", "63 feet (19 m)", "110 feet (34 m)"))));

    /** The table trees(Year, Species, Height) holding {@code rows}, a VALUES list. */
    private static void trees(Statement st, String rows) throws SQLException {
        st.execute("CREATE TABLE trees AS SELECT * FROM (VALUES " + rows + ") t(\"Year\", \"Species\", \"Height\")");
    }

    private static Object first(Connection db, String question) throws SQLException, datasense.tools.ToolException {
        return first(db, TREES, question);
    }

    private static Object first(Connection db, SchemaInfo schema, String question) throws SQLException, datasense.tools.ToolException {
        Intent it = Fixtures.intent(schema, question);
        SqlWriter writer = new SqlWriter("trees");
        String sql = it.kind() == Intent.Kind.ROWS ? writer.rows(it) : writer.aggregate(it);
        SqlGuard.vet(sql, "trees");
        return Fixtures.query(db, sql).get(0).get(0);
    }

    private static Object count(Connection db, String question) throws SQLException, datasense.tools.ToolException {
        String sql = new SqlWriter("crew").aggregate(Fixtures.intent(CREW, question));
        SqlGuard.vet(sql, "crew");
        return Fixtures.query(db, sql).get(0).get(0);
    }

    @Test
    void aNumberBeforeAnotherNounCountsThatNounNotTheTextColumnBefore() {
        SchemaInfo entries = new SchemaInfo("gallery_entries", 400, java.util.List.of(
                Fixtures.col("ticket_id", "VARCHAR", 400, java.util.List.of("G-0001", "G-0002")),
                Fixtures.col("time_slot", "VARCHAR", 7, java.util.List.of("10:00", "11:00", "12:00", "14:00")),
                Fixtures.num("price_eur", "DOUBLE", 12, "0", "24")));
        String sql = DoubtsTest.sql(entries, "which time slots sold more than 70 tickets?");
        assertThat(sql).contains("HAVING").contains("> 70").doesNotContain("regexp_extract");
    }
}
