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

    @Test
    void noneAndSomeOfAnAmountFromZero() {
        var shop = Fixtures.shop(); // Discount runs from 0.0
        assertThat(Fixtures.where(shop, "orders with quantity of at least 5 and no discount"))
                .containsExactly("\"Quantity\" >= 5", "\"Discount\" = 0");
        assertThat(Fixtures.where(shop, "how many orders had a discount?")).containsExactly("\"Discount\" > 0");
        assertThat(Fixtures.where(shop, "number of discounted orders")).containsExactly("\"Discount\" > 0");
        // "the most discounted orders" ranks by it, keeps them all
        assertThat(Fixtures.where(shop, "the 5 most discounted orders")).isEmpty();
        // a rating runs from 1: none of it is a blank cell
        assertThat(where("people without a rating")).isEqualTo(" WHERE \"rating\" IS NULL");
    }

    @Test
    void aVerbOfADateMayStandBetweenANegationAndItsValue() {
        assertThat(Fixtures.where(Fixtures.shop(), "profit of orders not shipped standard class"))
                .containsExactly("(\"Ship Mode\" <> 'Standard Class' OR \"Ship Mode\" IS NULL)");
    }
}
