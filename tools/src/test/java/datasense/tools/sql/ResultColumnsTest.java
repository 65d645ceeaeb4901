package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultColumnsTest {

    static final List<String> COLUMNS = List.of("Region", "Sales", "Order Date");

    static Object of(String sql) {
        return ResultColumns.of(sql, "orders", COLUMNS).orElse(null);
    }

    @Test
    void namedItemsAliasesAndStarOverTheTableAreKnown() {
        assertThat(of("SELECT \"Region\", year(\"Order Date\") AS \"year\", sum(\"Sales\") AS total FROM orders"
                + " GROUP BY 1, 2")).isEqualTo(List.of("Region", "year", "total"));
        assertThat(of("SELECT * FROM orders WHERE \"Sales\" > 1")).isEqualTo(COLUMNS);
        assertThat(of("WITH t AS (SELECT \"Region\" AS r FROM orders) SELECT r FROM t")).isEqualTo(List.of("r"));
        assertThat(of("SELECT \"Region\" AS a FROM orders UNION ALL SELECT \"Region\" FROM orders"))
                .isEqualTo(List.of("a"));
    }

    @Test
    void unnamedExpressionsStarsOverCtesAndRejectedSqlAreUnknown() {
        assertThat(of("SELECT \"Region\", sum(\"Sales\") FROM orders GROUP BY 1")).isNull();
        assertThat(of("WITH t AS (SELECT \"Region\" FROM orders) SELECT * FROM t")).isNull();
        assertThat(of("SELECT * FROM read_csv('x.csv')")).isNull();
    }
}
