package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import datasense.tools.ToolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fault")
class SqlGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT Region, sum(Sales) AS total FROM orders GROUP BY Region ORDER BY total DESC",
        "SELECT \"Order Date\", \"Customer Name\" FROM orders WHERE \"Order Date\" >= DATE '2017-01-01'",
        "WITH m AS (SELECT date_trunc('month', \"Order Date\") AS mo, sum(Sales) AS s FROM orders GROUP BY 1)"
                + " SELECT mo, s, lag(s) OVER (ORDER BY mo) AS prev FROM m ORDER BY mo",
        "SELECT Region, Sales, row_number() OVER (PARTITION BY Region ORDER BY Sales DESC) AS rn FROM orders",
        "SELECT CASE WHEN Sales > 100 THEN 'big' ELSE 'small' END AS size, count(*) FROM orders GROUP BY 1",
        "SELECT * FROM \"orders\" WHERE Region IN ('West', 'East') AND Sales BETWEEN 10 AND 50 AND Note LIKE 'n%'",
        "SELECT Region FROM ORDERS UNION ALL SELECT Region FROM orders",
        "SELECT o.Region, avg(o.Sales) FROM orders o WHERE o.Sales > (SELECT avg(Sales) FROM orders) GROUP BY 1",
        "SELECT year(\"Order Date\") AS y, quantile_cont(Sales, 0.9), CAST(Quantity AS DOUBLE), Sales::INTEGER FROM orders GROUP BY ALL",
        "SELECT count(*) FILTER (WHERE Sales > 20) FROM orders;",
    })
    void acceptsReadOnlySelectsOverTheTable(String sql) throws ToolException {
        String vetted = SqlGuard.vet(sql, "orders");
        assertThat(vetted).containsIgnoringCase("select");
    }

    @Test
    void returnsTheParsedStatementWithoutComments() throws ToolException {
        String vetted = SqlGuard.vet("SELECT Region -- the region\nFROM orders /* all */", "orders");
        assertThat(vetted).doesNotContain("--").doesNotContain("/*").contains("FROM orders");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_csv_auto('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_parquet('/tmp/other.parquet')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM orders a JOIN read_text('/etc/hosts') b ON true",
        "SELECT 1; SELECT 2",
        "SELECT * FROM orders; DROP TABLE orders",
        "INSERT INTO orders SELECT * FROM orders",
        "DELETE FROM orders",
        "UPDATE orders SET Sales = 0",
        "CREATE TABLE x AS SELECT * FROM orders",
        "DROP VIEW orders",
        "COPY orders TO '/tmp/out.csv'",
        "ATTACH '/tmp/x.db' AS x",
        "PRAGMA database_list",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SELECT * FROM customers",
        "SELECT * FROM main.orders",
        "SELECT * FROM information_schema.tables",
        "SELECT * FROM duckdb_settings()",
        "SELECT * FROM pg_catalog.pg_settings",
        "SELECT * FROM sqlite_master",
        "SELECT (SELECT count(*) FROM duckdb_tables()) FROM orders",
        "SELECT * FROM orders WHERE Region IN (SELECT name FROM duckdb_settings())",
        "SELECT current_setting('threads')",
        "SELECT getenv('HOME') FROM orders",
        "SELECT read_blob('/etc/passwd')",
        "SELECT * INTO copy_of FROM orders",
        "SELECT * FROM (WITH x AS (SELECT 1 AS a) SELECT * FROM x) q, x",
        "SELECT * FROM orders WHERE Sales > ?",
        "",
    })
    void rejectsEverythingElse(String sql) {
        assertThatThrownBy(() -> SqlGuard.vet(sql, "orders"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("sql_rejected");
                    assertThat(e.hint()).isNotBlank();
                });
    }

    @Test
    void namesTheOffendingThing() {
        assertThatThrownBy(() -> SqlGuard.vet("SELECT * FROM read_csv('/etc/passwd')", "orders"))
                .hasMessageContaining("read_csv");
        assertThatThrownBy(() -> SqlGuard.vet("SELECT * FROM information_schema.tables", "orders"))
                .hasMessageContaining("information_schema.tables");
        assertThatThrownBy(() -> SqlGuard.vet("SELECT levenshtein(Region, 'x') FROM orders", "orders"))
                .hasMessageContaining("levenshtein");
        assertThatThrownBy(() -> SqlGuard.vet("SELECT 1; SELECT 2", "orders"))
                .hasMessageContaining("2 statements");
        assertThatThrownBy(() -> SqlGuard.vet("DELETE FROM orders", "orders"))
                .hasMessageContaining("DELETE");
    }

    @Test
    void cteNamesAreAllowedOnlyWhereDefined() throws ToolException {
        assertThat(SqlGuard.vet("WITH top AS (SELECT * FROM orders) SELECT * FROM top", "orders"))
                .contains("top");
        assertThatThrownBy(() -> SqlGuard.vet("SELECT * FROM top", "orders")).isInstanceOf(ToolException.class);
    }

    @Test
    void tableNameMatchesQuotedOrNotAndIgnoringCase() throws ToolException {
        assertThat(SqlGuard.vet("SELECT * FROM \"Sales Data\"", "sales data")).isNotBlank();
        assertThat(SqlGuard.vet("SELECT * FROM SALES", "sales")).isNotBlank();
        assertThatThrownBy(() -> SqlGuard.vet("SELECT * FROM sales2", "sales")).isInstanceOf(ToolException.class);
    }
}
