package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Missing and present values. */
class MissingFiltersTest {

    static String where(String q) {
        Clause c = Fixtures.clause(Fixtures.staff(), q);
        MissingFilters.read(c);
        return SqlWriter.where(c.filters);
    }

    @Test
    void missingAndPresent() {
        assertThat(where("staff with no office city recorded")).isEqualTo(" WHERE \"office_city\" IS NULL");
        assertThat(where("people without a rating")).isEqualTo(" WHERE \"rating\" IS NULL");
        assertThat(where("rows where office city is missing")).isEqualTo(" WHERE \"office_city\" IS NULL");
        assertThat(where("rows where office city is not null")).isEqualTo(" WHERE \"office_city\" IS NOT NULL");
        assertThat(where("average rating by dept")).isEmpty();
    }
}
