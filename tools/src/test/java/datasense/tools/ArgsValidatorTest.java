package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> errors(String tool, String args) throws Exception {
        JsonNode a = JSON.readTree(args);
        return ArgsValidator.validate(ToolSpec.load(tool).argsSchema(), a);
    }

    @Test
    void acceptsValidArguments() throws Exception {
        assertThat(errors("distribution_plot", "{\"column\":\"Sales\",\"bins\":20}")).isEmpty();
        assertThat(errors("summary_stats", "{}")).isEmpty();
        assertThat(errors("trend_plot", "{\"value_column\":\"Sales\",\"agg\":\"sum\",\"grain\":\"month\","
                + "\"filters\":[{\"column\":\"Region\",\"op\":\"in\",\"values\":[\"West\",1]},"
                + "{\"column\":\"Order Date\",\"op\":\"year\",\"value\":2017}]}")).isEmpty();
        assertThat(errors("chart", "{\"from_step\":0,\"kind\":\"pie\",\"top_n\":5}")).isEmpty();
        // integral doubles count as integers; explicit nulls mean "absent" for optional properties
        assertThat(errors("distribution_plot", "{\"column\":\"Sales\",\"bins\":20.0,\"filters\":null}")).isEmpty();
    }

    @Test
    void reportsReadablePaths() throws Exception {
        assertThat(errors("distribution_plot", "{}")).containsExactly("column: is required");
        assertThat(errors("distribution_plot", "{\"column\":3}")).containsExactly("column: must be a string, not 3");
        assertThat(errors("distribution_plot", "{\"column\":\"x\",\"bins\":1}"))
                .containsExactly("bins: must be at least 2, not 1");
        assertThat(errors("distribution_plot", "{\"column\":\"x\",\"bins\":500}"))
                .containsExactly("bins: must be at most 200, not 500");
        assertThat(errors("distribution_plot", "{\"column\":\"x\",\"bins\":2.5}"))
                .containsExactly("bins: must be an integer, not 2.5");
        assertThat(errors("distribution_plot", "{\"column\":\"x\",\"colour\":\"red\"}"))
                .containsExactly("colour: unknown property; allowed: column, kind, by, bins, bin_width, filters");
        assertThat(errors("distribution_plot", "{\"column\":\"x\",\"bin_width\":0}"))
                .containsExactly("bin_width: must be more than 0, not 0");
        assertThat(errors("summary_stats", "{\"filters\":[{\"column\":\"a\",\"op\":\"eq\"},{\"column\":\"a\",\"op\":\"like\"}]}"))
                .containsExactly("filters[1].op: must be one of [eq, ne, in, gt, ge, lt, le, between, is_null,"
                        + " not_null, year, month, starts_with, ends_with, contains, not_contains, not_starts_with,"
                        + " not_ends_with, not_in, any], not \"like\"");
        assertThat(errors("summary_stats", "{\"filters\":[{\"column\":\"a\",\"extra\":1}]}"))
                .containsExactlyInAnyOrder("filters[0].op: is required", "filters[0].extra: unknown property;"
                        + " allowed: column, op, value, values, any");
        assertThat(errors("summary_stats", "{\"columns\":[\"a\",2]}")).containsExactly("columns[1]: must be a string, not 2");
        assertThat(errors("summary_stats", "{\"columns\":\"a\"}")).containsExactly("columns: must be an array, not the string \"a\"");
        assertThat(errors("chart", "[]")).containsExactly("arguments: must be an object, not an array");
    }

    @Test
    void emptySchemaAcceptsAnything() throws Exception {
        assertThat(errors("summary_stats", "{\"filters\":[{\"column\":\"a\",\"op\":\"eq\",\"value\":{\"x\":[1]}}]}")).isEmpty();
    }
}
