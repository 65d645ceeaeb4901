package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phrasings probed on an invented table of job applications: a generic noun that is also a value ("people" and
 * the People department), the noun or verb of a past-participle value ("hires" for Hired), a spelling verb with
 * an article ("end in a hire"), a column named with "of" ("years of experience"), and a camel-case value said as
 * one word ("linkedin").
 */
class ApplicationPhrasingsTest {

    static final SchemaInfo APPLICATIONS = new SchemaInfo("job_applications", 3000, List.of(
            Fixtures.col("application_id", "VARCHAR", 3000, List.of("APP-0001", "APP-0002")),
            Fixtures.col("applicant_name", "VARCHAR", 2900, List.of("Ana Silva", "Tom Reed")),
            Fixtures.col("role", "VARCHAR", 3, List.of("Data Analyst", "Designer", "Recruiter")),
            Fixtures.col("department", "VARCHAR", 4, List.of("Engineering", "Product", "Sales", "People")),
            new ColumnProfile("applied_on", "DATE", 0, 500, "2023-01-02", "2024-12-30", List.of()),
            Fixtures.col("source", "VARCHAR", 3, List.of("Referral", "LinkedIn", "Agency")),
            Fixtures.num("years_experience", "BIGINT", 25, "0", "30"),
            Fixtures.num("expected_salary", "DOUBLE", 900, "25000", "180000"),
            Fixtures.col("stage", "VARCHAR", 4, List.of("Screening", "Interview", "Hired", "Rejected"))));

    static List<String> where(String q) {
        return Fixtures.where(APPLICATIONS, q);
    }

    @Test
    void peopleAreAnyoneUnlessTheirDepartmentIsCued() {
        assertThat(where("how many people applied in March 2024?")).noneMatch(f -> f.contains("People"));
        assertThat(where("how many applications for the People department?")).containsExactly("\"department\" = 'People'");
        assertThat(where("applications in People")).containsExactly("\"department\" = 'People'");
    }

    @Test
    void theNounOrVerbOfAPastParticipleValueIsThatValue() {
        assertThat(where("which source brings the most hires?")).containsExactly("\"stage\" = 'Hired'");
        assertThat(where("how many rejects came from agencies?"))
                .containsExactlyInAnyOrder("\"stage\" = 'Rejected'", "\"source\" = 'Agency'");
    }

    @Test
    void aSpellingVerbBeforeAnArticleIsNoTextMatch() {
        assertThat(where("what percentage of applications end in a hire?")).containsExactly("\"stage\" = 'Hired'");
        assertThat(where("roles ending in 'er'")).containsExactly("CAST(\"role\" AS VARCHAR) ILIKE '%er'");
    }

    @Test
    void aColumnNamedWithOfAndAValueSaidAsOneWord() {
        assertThat(where("applicants with more than 5 years of experience")).containsExactly("\"years_experience\" > 5");
        assertThat(where("applications from agencies or linkedin in 2023"))
                .contains("\"source\" IN ('Agency', 'LinkedIn')");
        // two words never join into a one-word value when one is a function word: "on lines" is not "Online"
        SchemaInfo shop = new SchemaInfo("shop_lines", 100, List.of(
                Fixtures.col("channel", "VARCHAR", 2, List.of("Online", "Store")),
                Fixtures.num("quantity", "BIGINT", 20, "1", "20")));
        assertThat(Fixtures.intent(shop, "copies sold on lines with a quantity of at least 10").filters())
                .extracting(Filter::sql).containsExactly("\"quantity\" >= 10");
    }
}
