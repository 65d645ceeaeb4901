package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on an invented hospital's admissions (one row per admission, no patient id): a word inside a
 * column name, a noun a numeric column only qualifies, bounds that include their number ("65 or older"),
 * multiplier suffixes ("10k"), "what share of", and a past verb that is no text match ("ended in death").
 */
class AdmissionPhrasingsTest {

    static final SchemaInfo ADMISSIONS = new SchemaInfo("hospital_admissions", 5000, List.of(
            Fixtures.col("admission_id", "VARCHAR", 5000, List.of("A-00001", "A-00002")),
            Fixtures.col("ward", "VARCHAR", 4, List.of("Cardiology", "Oncology", "Maternity", "Neurology")),
            Fixtures.col("hospital", "VARCHAR", 3, List.of("St Mary", "Royal Infirmary", "Westfield")),
            new ColumnProfile("admitted_on", "DATE", 0, 700, "2022-01-01", "2023-12-31", List.of()),
            Fixtures.num("length_of_stay_days", "BIGINT", 40, "0", "60"),
            Fixtures.num("patient_age", "BIGINT", 95, "0", "99"),
            Fixtures.col("discharge_status", "VARCHAR", 3, List.of("Home", "Transferred", "Deceased")),
            Fixtures.num("cost_gbp", "DOUBLE", 4000, "120.5", "98000")));

    static Intent intent(String q) {
        return Fixtures.intent(ADMISSIONS, q);
    }

    static List<String> where(String q) {
        return Fixtures.where(ADMISSIONS, q);
    }

    static List<String> measured(String q) {
        return intent(q).measures().stream().map(m -> m.column() == null ? m.agg().name() : m.agg() + " " + m.column().name()).toList();
    }

    @Test
    void aWordInsideOneColumnNameNamesIt() {
        assertThat(where("average cost where stay is at least 10 days")).containsExactly("\"length_of_stay_days\" >= 10");
        assertThat(measured("average cost where stay is at least 10 days")).containsExactly("AVG cost_gbp");
        assertThat(where("admissions with a stay between 3 and 5 days"))
                .containsExactly("\"length_of_stay_days\" BETWEEN 3 AND 5");
    }

    @Test
    void aNounANumericColumnOnlyQualifiesIsNeverAddedUp() {
        // "patients" is who patient_age describes: counting them never adds up ages
        assertThat(measured("count of patients aged 65 or older by hospital")).containsExactly("COUNT");
        assertThat(measured("how many patients stayed zero days?")).doesNotContain("SUM patient_age");
        // where the first word is what the column measures, it still names it
        SchemaInfo airports = new SchemaInfo("airports", 20, List.of(
                Fixtures.col("Airport", "VARCHAR", 20, List.of("Amsterdam", "Dublin")),
                Fixtures.num("Passengers handled", "BIGINT", 20, "100", "105349"),
                Fixtures.num("Deaths per year", "BIGINT", 20, "0", "90")));
        assertThat(Fixtures.intent(airports, "total passengers").measures()).extracting(m -> m.column().name())
                .containsExactly("Passengers handled");
        assertThat(Fixtures.intent(airports, "total deaths").measures()).extracting(m -> m.column().name())
                .containsExactly("Deaths per year");
    }

    @Test
    void boundsThatIncludeTheirNumber() {
        assertThat(where("count of patients aged 65 or older by hospital")).containsExactly("\"patient_age\" >= 65");
        assertThat(where("patients aged 18 or under")).containsExactly("\"patient_age\" <= 18");
        assertThat(where("admissions of 10 days or more")).containsExactly("\"length_of_stay_days\" >= 10");
        assertThat(where("admissions costing 500 or less in oncology"))
                .containsExactlyInAnyOrder("\"ward\" = 'Oncology'", "\"cost_gbp\" <= 500");
        assertThat(intent("admissions of 10 days or more").unexplained()).isEmpty();
    }

    @Test
    void multiplierSuffixes() {
        assertThat(where("how many admissions cost more than 10k?")).containsExactly("\"cost_gbp\" > 10000");
        assertThat(where("admissions costing over $1.5m")).containsExactly("\"cost_gbp\" > 1500000");
        assertThat(Tokenizer.tokenize("a 5m swim").stream().map(Token::kind).toList()).doesNotContain(Token.Kind.NUMBER);
    }

    @Test
    void whatShareOfTheRowsIsACountShare() {
        Intent share = intent("what share of admissions were transferred?");
        assertThat(share.kind()).isEqualTo(Intent.Kind.AGGREGATE);
        assertThat(share.readings()).anyMatch(r -> r.contains("as a percentage of all rows"));
    }

    @Test
    void aPastVerbIsNoTextMatchUnlessTheTextIsQuoted() {
        Plan death = new OfflinePlanner().planNow(new PlanRequest("list admissions at Westfield that ended in death",
                ADMISSIONS, List.of(), null));
        assertThat(death.interpretation()).doesNotContain("ends with");
        assertThat(death.isBestGuess()).isTrue();
        assertThat(where("admissions whose id ended with '99'")).anyMatch(f -> f.contains("ILIKE '%99'"));
    }
}
