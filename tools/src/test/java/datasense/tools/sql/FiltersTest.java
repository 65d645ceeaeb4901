package datasense.tools.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import datasense.tools.Column;
import datasense.tools.Dataset;
import datasense.tools.ToolException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dataset DS = new Dataset("orders", Path.of("/nowhere/orders.parquet"), List.of(
            new Column("Order Date", "DATE"), new Column("Region", "VARCHAR"), new Column("Sales", "DOUBLE")), 0);

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void rendersEveryOpWithQuotedNamesAndSafeLiterals() throws Exception {
        List<String> c = Filters.conditions(json("""
                [{"column":"Region","op":"eq","value":"O'Brien"},
                 {"column":"Sales","op":"gt","value":100},
                 {"column":"Sales","op":"le","value":2.5},
                 {"column":"region","op":"in","values":["West","East"]},
                 {"column":"Sales","op":"between","values":[1,10]},
                 {"column":"Order Date","op":"year","value":2017},
                 {"column":"Region","op":"starts_with","value":"W"},
                 {"column":"Region","op":"is_null"},
                 {"column":"Region","op":"not_null"},
                 {"column":"Region","op":"ne","value":"West"}]"""), DS);
        assertThat(c).containsExactly(
                "\"Region\" = 'O''Brien'",
                "\"Sales\" > 100",
                "\"Sales\" <= 2.5",
                "\"Region\" IN ('West', 'East')",
                "\"Sales\" BETWEEN 1 AND 10",
                "year(\"Order Date\") = 2017",
                "CAST(\"Region\" AS VARCHAR) ILIKE 'W%' ESCAPE '\\'",
                "\"Region\" IS NULL",
                "\"Region\" IS NOT NULL",
                "(\"Region\" <> 'West' OR \"Region\" IS NULL)");
        assertThat(Filters.where(json("[]"), DS)).isEmpty();
        assertThat(Filters.where(null, DS, "x > 1")).isEqualTo(" WHERE x > 1");
    }

    @Test
    void aMonthOfAnyYearAndADayEndingARangeOfTimes() throws Exception {
        Dataset rides = new Dataset("rides", Path.of("/nowhere/rides.parquet"), List.of(
                new Column("started_at", "TIMESTAMP"), new Column("day", "DATE")), 0);
        assertThat(Filters.conditions(json("""
                [{"column":"started_at","op":"month","value":12},
                 {"column":"started_at","op":"between","values":["2025-06-01","2025-06-30"]},
                 {"column":"day","op":"between","values":["2025-06-01","2025-06-30"]}]"""), rides)).containsExactly(
                "month(\"started_at\") = 12",
                "(\"started_at\" >= '2025-06-01' AND \"started_at\" < '2025-07-01')",
                "\"day\" BETWEEN '2025-06-01' AND '2025-06-30'");
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"day\",\"op\":\"month\",\"value\":13}]"), rides))
                .isInstanceOf(ToolException.class).hasMessageContaining("1 to 12");
    }

    @Test
    void negatedTextMatchingKeepsTheRowsTheMatchLeavesOutAndMissingText() throws Exception {
        List<String> c = Filters.conditions(json("""
                [{"column":"Region","op":"not_contains","value":"we"},
                 {"column":"Region","op":"not_starts_with","value":"W"}]"""), DS);
        assertThat(c).containsExactly(
                "(NOT (CAST(\"Region\" AS VARCHAR) ILIKE '%we%' ESCAPE '\\') OR \"Region\" IS NULL)",
                "(NOT (CAST(\"Region\" AS VARCHAR) ILIKE 'W%' ESCAPE '\\') OR \"Region\" IS NULL)");
    }

    @Test
    void textMatchingExclusionAndAlternatives() throws Exception {
        List<String> c = Filters.conditions(json("""
                [{"column":"Region","op":"contains","value":"we_st%"},
                 {"column":"Region","op":"ends_with","value":"st"},
                 {"column":"Region","op":"not_in","values":["West","East"]},
                 {"op":"any","any":[{"column":"Sales","op":"gt","value":60},{"column":"Sales","op":"lt","value":18}]}]"""), DS);
        assertThat(c).containsExactly(
                "CAST(\"Region\" AS VARCHAR) ILIKE '%we\\_st\\%%' ESCAPE '\\'",
                "CAST(\"Region\" AS VARCHAR) ILIKE '%st' ESCAPE '\\'",
                "(\"Region\" NOT IN ('West', 'East') OR \"Region\" IS NULL)",
                "(\"Sales\" > 60 OR \"Sales\" < 18)");
        assertThatThrownBy(() -> Filters.conditions(json("[{\"op\":\"any\",\"any\":[]}]"), DS))
                .isInstanceOf(ToolException.class).hasMessageContaining("any");
    }

    @Test
    void rejectsUnknownColumnsAndMalformedValues() throws Exception {
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"Nope\",\"op\":\"eq\",\"value\":1}]"), DS))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_column");
                    assertThat(e.hint()).contains("Region");
                });
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"Sales\",\"op\":\"between\",\"values\":[1]}]"), DS))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"Order Date\",\"op\":\"year\",\"value\":\"1; DROP\"}]"), DS))
                .isInstanceOf(ToolException.class);
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"Sales\",\"op\":\"gt\"}]"), DS))
                .isInstanceOf(ToolException.class);
        assertThatThrownBy(() -> Filters.conditions(json("[{\"column\":\"Sales\",\"op\":\"eq\",\"value\":{\"a\":1}}]"), DS))
                .isInstanceOf(ToolException.class);
    }
}
