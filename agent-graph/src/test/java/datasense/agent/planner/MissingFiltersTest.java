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

    /** Subscriptions: a churn date only on the accounts that left. */
    static final datasense.tools.SchemaInfo ACCOUNTS = new datasense.tools.SchemaInfo("subscriptions", 5000, java.util.List.of(
            Fixtures.col("account_id", "VARCHAR", 5000, java.util.List.of("A-0001", "A-0002")),
            Fixtures.col("plan", "VARCHAR", 3, java.util.List.of("Basic", "Pro", "Enterprise")),
            new datasense.tools.ColumnProfile("signup_date", "DATE", 0, 1000, "2021-01-01", "2024-12-31", java.util.List.of()),
            new datasense.tools.ColumnProfile("churn_date", "DATE", 3500, 900, "2021-02-01", "2025-01-31", java.util.List.of()),
            Fixtures.num("mrr", "DOUBLE", 3000, "19", "25000")));

    @Test
    void anEventsVerbIsWhetherItsDateIsThere() {
        assertThat(Fixtures.where(ACCOUNTS, "how many accounts churned?")).containsExactly("\"churn_date\" IS NOT NULL");
        assertThat(Fixtures.where(ACCOUNTS, "how many accounts have not churned?")).containsExactly("\"churn_date\" IS NULL");
        assertThat(Fixtures.where(ACCOUNTS, "average mrr of accounts that never churned")).containsExactly("\"churn_date\" IS NULL");
        // a year bounds the date already; a date every row has is no condition
        assertThat(Fixtures.where(ACCOUNTS, "how many accounts churned in 2023?")).containsExactly("year(\"churn_date\") = 2023");
        assertThat(Fixtures.where(ACCOUNTS, "how many accounts signed up?")).isEmpty();
    }
}
