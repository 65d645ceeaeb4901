package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRegistryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Dataset ds;
    final ToolRegistry tools = ToolRegistry.standard();

    @BeforeAll
    static void data() throws Exception {
        ds = TestData.orders(dir);
    }

    static ObjectNode args(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void listsTheSixToolsInOrder() {
        assertThat(tools.specs()).extracting(ToolSpec::name).containsExactly("summary_stats", "distribution_plot",
                "trend_plot", "sql_executor", "chart", "correlation");
        assertThat(tools.specs()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
        assertThat(tools.tool("chart")).isInstanceOf(ChartTool.class);
        assertThat(tools.tool("nope")).isNull();
    }

    @Test
    void badArgumentsAreRefusedBeforeTheToolRuns() {
        assertThatThrownBy(() -> tools.run("distribution_plot", TestData.context(ds), args("{\"bins\":3}")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("bad_args");
                    assertThat(e.getMessage()).contains("column: is required");
                    assertThat(e.hint()).contains("column (required)").contains("bins").contains("filters");
                });
    }

    @Test
    void unknownColumnsAreNamedWithTheRealOnes() {
        for (String call : new String[] {
                "{\"column\":\"Revenue\"}",
                "{\"column\":\"Sales\",\"filters\":[{\"column\":\"Revenue\",\"op\":\"gt\",\"value\":1}]}"}) {
            assertThatThrownBy(() -> tools.run("distribution_plot", TestData.context(ds), args(call)))
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.code()).isEqualTo("unknown_column");
                        assertThat(e.getMessage()).contains("Revenue");
                        assertThat(e.hint()).contains("Sales").contains("Order Date").contains("Region");
                    });
        }
        assertThatThrownBy(() -> tools.run("summary_stats", TestData.context(ds), args("{\"columns\":[\"Sales\",\"x\"]}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unknown_column"));
        assertThatThrownBy(() -> tools.run("trend_plot", TestData.context(ds), args("{\"value_column\":\"x\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("unknown_column"));
    }

    @Test
    void unknownToolIsRefused() {
        assertThatThrownBy(() -> tools.run("forecast", TestData.context(ds), args("{}")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_tool");
                    assertThat(e.hint()).contains("summary_stats");
                });
    }

    @Test
    void columnNamesMatchCaseInsensitively() throws Exception {
        ToolResult r = tools.run("distribution_plot", TestData.context(ds), args("{\"column\":\"REGION\"}"));
        assertThat(r.artifacts().get(0).path()).isEqualTo("dist_plots/region.png");
    }
}
