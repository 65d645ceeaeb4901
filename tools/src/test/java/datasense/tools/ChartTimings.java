package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import datasense.tools.chart.VegaLite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long each chart kind takes on a typical table: the whole tool call (its SQL included, PNG and spec drawn) and
 * the drawing alone (PNG, then spec, from the figure). Median of 20 runs after 5 warm-up runs. Not part of the
 * suite (no Test suffix); run it with {@code mvn -pl tools -am test -Dtest=ChartTimings
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ChartTimings {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int WARM_UP = 5;
    static final int RUNS = 20;

    @TempDir
    Path dir;

    record Case(String name, String tool, ToolContext ctx, String args) {
    }

    @Test
    void medianRenderTimePerKind() throws Exception {
        Dataset shop = TestData.shop(dir, 6_000);
        Dataset few = TestData.points(dir, "few", 5_000);
        Dataset many = TestData.points(dir, "many", 250_000);
        Dataset huge = TestData.points(dir, "huge", 2_000_000);
        List<Case> cases = List.of(
                new Case("bar (12 brands)", "chart", ChartToolTest.source(shop,
                        "SELECT brand, sum(sales) AS sales FROM shop GROUP BY 1"), "{\"from_step\":0}"),
                new Case("grouped bars (4 regions x 3 years)", "chart", ChartToolTest.source(shop, "SELECT region,"
                        + " year(order_date) AS year, sum(sales) AS sales FROM shop GROUP BY ALL"),
                        "{\"from_step\":0,\"x\":\"region\",\"y\":\"sales\",\"series\":\"year\"}"),
                new Case("stacked bars (4 regions x 3 years)", "chart", ChartToolTest.source(shop, "SELECT region,"
                        + " year(order_date) AS year, sum(sales) AS sales FROM shop GROUP BY ALL"),
                        "{\"from_step\":0,\"x\":\"region\",\"y\":\"sales\",\"series\":\"year\",\"stacked\":true}"),
                new Case("multi-series line (36 months x 4 regions)", "chart", ChartToolTest.source(shop,
                        "SELECT date_trunc('month', order_date) AS month, region, sum(sales) AS sales FROM shop"
                                + " GROUP BY ALL ORDER BY 1"), "{\"from_step\":0,\"x\":\"month\",\"y\":\"sales\","
                        + "\"series\":\"region\"}"),
                new Case("labelled scatter (12 brand aggregates)", "chart", ChartToolTest.source(shop, "SELECT brand,"
                        + " avg(price) AS p, avg(rating) AS r FROM shop GROUP BY 1"),
                        "{\"from_step\":0,\"kind\":\"scatter\",\"x\":\"p\",\"y\":\"r\",\"label\":\"brand\"}"),
                new Case("box plot (price by 12 brands, 6,000 rows)", "distribution_plot", TestData.context(shop),
                        "{\"column\":\"price\",\"by\":\"brand\"}"),
                new Case("histogram (6,000 rows)", "distribution_plot", TestData.context(shop), "{\"column\":\"price\"}"),
                new Case("trend line (36 months)", "trend_plot", TestData.context(shop), "{\"value_column\":\"sales\"}"),
                new Case("scatter of a cut table, 5,000 points re-read", "chart",
                        ChartToolTest.source(few, "SELECT x, y FROM few"), "{\"from_step\":0}"),
                new Case("binned scatter, 250,000 points re-read", "chart",
                        ChartToolTest.source(many, "SELECT x, y FROM many"), "{\"from_step\":0}"),
                new Case("binned scatter, 2,000,000 points re-read", "chart",
                        ChartToolTest.source(huge, "SELECT x, y FROM huge"), "{\"from_step\":0}"),
                new Case("averaged line, 250,000 rows x 3 series re-read", "chart",
                        ChartToolTest.source(many, "SELECT day, grp, y FROM many"),
                        "{\"from_step\":0,\"x\":\"day\",\"y\":\"y\",\"series\":\"grp\"}"));
        ToolRegistry tools = ToolRegistry.standard();
        Map<String, String> report = new LinkedHashMap<>();
        for (Case c : cases) {
            ObjectNode args = (ObjectNode) JSON.readTree(c.args());
            List<Long> call = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                long t = System.nanoTime();
                ToolResult r = tools.run(c.tool(), c.ctx(), args);
                if (i >= WARM_UP) {
                    call.add(System.nanoTime() - t);
                }
                assertThat(r.artifacts()).isNotEmpty();
            }
            String drawing = "";
            if (c.tool().equals("chart")) {
                ChartTool.Drawing d = new ChartTool().drawing(c.ctx(), args);
                List<Long> png = new ArrayList<>();
                List<Long> spec = new ArrayList<>();
                for (int i = 0; i < WARM_UP + RUNS; i++) {
                    long t = System.nanoTime();
                    Charts.png(d.figure());
                    long u = System.nanoTime();
                    VegaLite.bytes(d.figure());
                    if (i >= WARM_UP) {
                        png.add(u - t);
                        spec.add(System.nanoTime() - u);
                    }
                }
                drawing = String.format(" | %6.1f | %5.1f", median(png), median(spec));
            }
            report.put(c.name(), String.format("%6.1f", median(call)) + (drawing.isEmpty() ? " |        |      " : drawing));
        }
        StringBuilder out = new StringBuilder("\n| kind | tool call ms | PNG ms | spec ms |\n|---|---:|---:|---:|\n");
        report.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(out);
    }

    static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(Long::compare);
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }
}
