package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A yes/no column named in full though not in its own order: "needed a call-back" of call_back_needed, the words
 * before its head said after it as its object, here as one hyphenated word that is also a value of another column.
 * On an invented appliance maker's warranty claims.
 */
class FlagsNamedAfterTest {

    static final SchemaInfo CLAIMS = new SchemaInfo("warranty_claims", 700, List.of(
            Fixtures.col("claim_id", "VARCHAR", 700, List.of("WC-0001", "WC-0002")),
            Fixtures.col("region", "VARCHAR", 4, List.of("North", "South")),
            Fixtures.col("claim_type", "VARCHAR", 3, List.of("Repair", "Call-back", "Replacement")),
            Fixtures.num("cost", "DOUBLE", 500, "0", "900"),
            new ColumnProfile("call_back_needed", "BOOLEAN", 0, 2, null, null, List.of("true", "false")),
            Fixtures.col("parts_ok", "VARCHAR", 2, List.of("Yes", "No"))));

    @Test
    void theWordsBeforeTheHeadSaidAfterItNameTheColumnNotTheValue() {
        assertThat(DoubtsTest.sql(CLAIMS, "how many claims needed a call-back in each region"))
                .contains("WHERE \"call_back_needed\" = TRUE", "GROUP BY \"region\"").doesNotContain("claim_type");
        // the value alone is still the value
        assertThat(DoubtsTest.sql(CLAIMS, "count the call-back claims by region")).contains("\"claim_type\" = 'Call-back'");
    }

    @Test
    void aYesAfterTheColumnSaysWhichOfItsValuesIsMeant() {
        String sql = DoubtsTest.sql(CLAIMS, "how many claims are call back needed (yes)?");
        assertThat(sql).contains("\"call_back_needed\" = TRUE").doesNotContain("parts_ok");
        // a yes after another column is still that column's value
        assertThat(DoubtsTest.sql(CLAIMS, "how many claims are parts ok yes")).contains("\"parts_ok\" = 'Yes'");
    }
}
