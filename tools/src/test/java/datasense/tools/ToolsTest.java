package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every tool through the registry over a small orders dataset with known answers. */
class ToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Dataset ds;
    static ToolRegistry tools = ToolRegistry.standard();

    @BeforeAll
    static void data() throws Exception {
        ds = TestData.orders(dir);
    }

    static ObjectNode args(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    static ToolResult run(String tool, String json) throws Exception {
        return tools.run(tool, TestData.context(ds), args(json));
    }

    static BufferedImage png(Artifact a) throws Exception {
        assertThat(a.contentType()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a.bytes()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1000);
        return img;
    }

    static JsonNode json(Artifact a) throws Exception {
        assertThat(a.contentType()).isEqualTo("application/json");
        return JSON.readTree(a.bytes());
    }

    static int col(Table t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + t.columns());
    }

    @Test
    void fixtureHasTheExpectedTypes() {
        assertThat(ds.column("Order Date").temporal()).isTrue();
        assertThat(ds.column("Sales").numeric()).isTrue();
        assertThat(ds.column("Quantity").numeric()).isTrue();
        assertThat(ds.column("Region").numeric()).isFalse();
    }

    @Test
    void summaryStats() throws Exception {
        ToolResult r = run("summary_stats", "{}");
        Table t = r.tables().get(0);
        assertThat(t.rows()).hasSize(ds.columns().size());
        List<Object> sales = t.rows().stream().filter(row -> row.get(0).equals("Sales")).findFirst().orElseThrow();
        assertThat(sales.get(col(t, "count"))).isEqualTo(200L);
        assertThat((Double) sales.get(col(t, "mean"))).isCloseTo(110.0, within(1e-9));
        assertThat((Double) sales.get(col(t, "min"))).isEqualTo(10.5);
        assertThat((Double) sales.get(col(t, "max"))).isEqualTo(209.5);
        assertThat((Double) sales.get(col(t, "median"))).isCloseTo(110.0, within(1e-9));
        List<Object> note = t.rows().stream().filter(row -> row.get(0).equals("Note")).findFirst().orElseThrow();
        assertThat(note.get(col(t, "nulls"))).isEqualTo(20L);
        assertThat(note.get(col(t, "distinct"))).isEqualTo(3L);
        List<Object> region = t.rows().stream().filter(row -> row.get(0).equals("Region")).findFirst().orElseThrow();
        assertThat((String) region.get(col(t, "top_values"))).contains("West (50)");
        List<Object> date = t.rows().stream().filter(row -> row.get(0).equals("Order Date")).findFirst().orElseThrow();
        assertThat(date.get(col(t, "min"))).isEqualTo("2016-01-01");

        Artifact a = r.artifacts().get(0);
        assertThat(a.path()).isEqualTo("results/summary_stats.json");
        JsonNode doc = json(a);
        assertThat(doc.path("rows").asLong()).isEqualTo(200);
        assertThat(doc.path("columns")).hasSize(ds.columns().size());
        assertThat(r.sql()).isNotEmpty().allSatisfy(s -> assertThat(s).contains("\"orders\""));
        assertThat(r.summary()).contains("200 rows");

        ToolResult west = run("summary_stats", "{\"columns\":[\"Sales\"],"
                + "\"filters\":[{\"column\":\"Region\",\"op\":\"eq\",\"value\":\"West\"}]}");
        assertThat(west.tables().get(0).rows()).hasSize(1);
        assertThat(west.tables().get(0).rows().get(0).get(2)).isEqualTo(50L);
        assertThat(west.sql()).anySatisfy(s -> assertThat(s).contains("\"Region\" = 'West'"));
    }

    @Test
    void distributionOfANumericColumn() throws Exception {
        ToolResult r = run("distribution_plot", "{\"column\":\"Sales\"}");
        Table t = r.tables().get(0);
        assertThat(t.columns()).extracting(Column::name).containsExactly("bin_start", "bin_end", "count");
        assertThat(t.rows().size()).isBetween(5, 60);
        assertThat(t.rows().stream().mapToLong(row -> (Long) row.get(2)).sum()).isEqualTo(200);
        assertThat(t.rows().get(0).get(0)).isEqualTo(10.5);
        assertThat(t.rows().get(t.rows().size() - 1).get(1)).isEqualTo(209.5);
        Artifact a = r.artifacts().get(0);
        assertThat(a.path()).isEqualTo("dist_plots/sales.png");
        assertThat(a.chart()).isEqualTo("histogram");
        png(a);

        ToolResult ten = run("distribution_plot", "{\"column\":\"sales\",\"bins\":10}");
        assertThat(ten.tables().get(0).rows()).hasSize(10);
        // uniform data: 200 values over 10 equal bins -> 20 each
        assertThat(ten.tables().get(0).rows()).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(20L));
        assertThat(ten.artifacts().get(0).path()).isEqualTo("dist_plots/sales.png");

        // bins 50 wide start at a multiple of 50: 10.5..209.5 falls in 0-50 (40 values) .. 200-250 (10)
        ToolResult wide = run("distribution_plot", "{\"column\":\"sales\",\"bin_width\":50}");
        assertThat(wide.tables().get(0).rows()).extracting(row -> row.get(0)).containsExactly(0.0, 50.0, 100.0, 150.0, 200.0);
        assertThat(wide.tables().get(0).rows()).extracting(row -> row.get(2)).containsExactly(40L, 50L, 50L, 50L, 10L);
        assertThatThrownBy(() -> run("distribution_plot", "{\"column\":\"sales\",\"bin_width\":0.5}"))
                .hasMessageContaining("at most 200");

        // quantities 1 to 5 in 10 bins: every other bin is empty; the table lists the five that hold values (as a
        // GROUP BY would), the chart draws all ten
        ToolResult gaps = run("distribution_plot", "{\"column\":\"Quantity\",\"bins\":10}");
        assertThat(gaps.tables().get(0).rows()).hasSize(5).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(40L));
        assertThat(gaps.summary()).contains("in 10 bins");
        png(gaps.artifacts().get(0));
    }

    @Test
    void freedmanDiaconisBins() {
        // n = 1000, IQR = 10 -> width 2, range 100 -> 50 bins
        assertThat(DistributionPlotTool.binCount(1000, 0, 100, 10)).isEqualTo(50);
        assertThat(DistributionPlotTool.binCount(1000, 0, 10_000, 10)).isEqualTo(60);
        assertThat(DistributionPlotTool.binCount(8, 0, 1, 0.9)).isEqualTo(5);
        assertThat(DistributionPlotTool.binCount(1000, 0, 100, 0)).isEqualTo(11); // Sturges when IQR is 0
    }

    @Test
    void distributionOfTextAndDateColumns() throws Exception {
        ToolResult r = run("distribution_plot", "{\"column\":\"Customer Name\"}");
        Table t = r.tables().get(0);
        assertThat(t.rows()).hasSize(7);
        assertThat(t.rows().stream().mapToLong(row -> (Long) row.get(1)).sum()).isEqualTo(200);
        assertThat(r.artifacts().get(0).path()).isEqualTo("dist_plots/customer_name.png");
        assertThat(r.artifacts().get(0).chart()).isEqualTo("bar");
        png(r.artifacts().get(0));

        ToolResult dates = run("distribution_plot", "{\"column\":\"Order Date\"}");
        assertThat(dates.artifacts().get(0).path()).isEqualTo("dist_plots/order_date.png");
        assertThat(dates.tables().get(0).rows().stream().mapToLong(row -> (Long) row.get(1)).sum()).isEqualTo(200);
        png(dates.artifacts().get(0));
    }

    @Test
    void trendPlotChoosesAGrainAndAggregates() throws Exception {
        ToolResult count = run("trend_plot", "{}");
        Table t = count.tables().get(0);
        assertThat(t.columns()).extracting(Column::name).containsExactly("period", "value");
        assertThat(t.rows().get(0).get(0)).isEqualTo("2016-01-01");
        assertThat(t.rows()).hasSize(20); // 597 days -> monthly buckets, Jan 2016 .. Aug 2017
        assertThat(t.rows().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum()).isEqualTo(200);
        assertThat(count.artifacts().get(0).path()).isEqualTo("trend_plots/count.png");
        assertThat(count.artifacts().get(0).chart()).isEqualTo("line");
        png(count.artifacts().get(0));
        assertThat(count.sql()).anySatisfy(s -> assertThat(s).contains("date_trunc('month', \"Order Date\")"));

        ToolResult yearly = run("trend_plot", "{\"date_column\":\"Order Date\",\"value_column\":\"Sales\","
                + "\"grain\":\"year\"}");
        Table y = yearly.tables().get(0);
        double expected2016 = 0;
        for (int i = 0; i < TestData.ROWS; i++) {
            if (TestData.orderDate(i).getYear() == 2016) {
                expected2016 += TestData.sales(i);
            }
        }
        assertThat(y.rows()).hasSize(2);
        assertThat(y.rows().get(0).get(0)).isEqualTo("2016-01-01");
        assertThat(((Number) y.rows().get(0).get(1)).doubleValue()).isCloseTo(expected2016, within(1e-6));
        assertThat(yearly.artifacts().get(0).path()).isEqualTo("trend_plots/sales.png");

        assertThat(TrendPlotTool.grainFor(30)).isEqualTo("day");
        assertThat(TrendPlotTool.grainFor(200)).isEqualTo("week");
        assertThat(TrendPlotTool.grainFor(2000)).isEqualTo("month");
        assertThat(TrendPlotTool.grainFor(20 * 365)).isEqualTo("quarter");
        assertThat(TrendPlotTool.grainFor(50 * 365)).isEqualTo("year");

        assertThatThrownBy(() -> run("trend_plot", "{\"date_column\":\"Region\"}"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.hint()).contains("Order Date"));
        assertThatThrownBy(() -> run("trend_plot", "{\"value_column\":\"Region\",\"agg\":\"sum\"}"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
    }

    @Test
    void trendPlotWithoutADateColumnSaysSo() throws Exception {
        Dataset noDates = new Dataset(ds.table(), ds.parquet(),
                ds.columns().stream().filter(c -> !c.temporal()).toList(), ds.rows());
        assertThatThrownBy(() -> tools.run("trend_plot", TestData.context(noDates), args("{}")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("no_date_column");
                    assertThat(e.hint()).isNotBlank();
                });
    }

    @Test
    void sqlExecutorComputesGroupSums() throws Exception {
        ToolResult r = run("sql_executor", "{\"sql\":\"SELECT Region, sum(Sales) AS total FROM orders"
                + " GROUP BY Region ORDER BY total DESC\",\"label\":\"sales by region\"}");
        Table t = r.tables().get(0);
        assertThat(t.label()).isEqualTo("sales by region");
        assertThat(t.rows()).hasSize(4);
        Map<String, Double> sums = new HashMap<>();
        t.rows().forEach(row -> sums.put((String) row.get(0), (Double) row.get(1)));
        TestData.salesByRegion().forEach((region, sum) -> assertThat(sums.get(region)).isCloseTo(sum, within(1e-6)));
        assertThat(r.artifacts()).isEmpty();
        assertThat(r.summary()).isEqualTo("4 rows.");
        assertThat(r.sql()).hasSize(1);

        assertThatThrownBy(() -> run("sql_executor", "{\"sql\":\"SELECT * FROM read_csv('/etc/passwd')\"}"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("sql_rejected"));
    }

    @Test
    void sqlExecutorWritesTheFullResultAsCsvWhenTruncated() throws Exception {
        ToolContext small = new ToolContext(ds, new Limits(10, 150, 30, "512MB", 1), null);
        ToolResult r = tools.run("sql_executor", small, args("{\"sql\":\"SELECT * FROM orders\",\"label\":\"All orders!\"}"));
        Table t = r.tables().get(0);
        assertThat(t.rows()).hasSize(10);
        assertThat(t.totalRows()).isEqualTo(150);
        assertThat(t.truncated()).isTrue();
        Artifact csv = r.artifacts().get(0);
        assertThat(csv.path()).isEqualTo("results/all_orders.csv");
        assertThat(csv.contentType()).isEqualTo("text/csv");
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(151);
        assertThat(text).startsWith("Order Date,Region,Customer Name,Sales");
        assertThat(r.summary()).startsWith("150 rows");

        ToolResult defaultLabel = tools.run("sql_executor", small, args("{\"sql\":\"SELECT * FROM orders LIMIT 20\"}"));
        assertThat(defaultLabel.tables().get(0).label()).isEqualTo("query");
        assertThat(defaultLabel.artifacts().get(0).path()).isEqualTo("results/query.csv");
    }

    @Test
    void chartDrawsAnEarlierStepsTable() throws Exception {
        Table byRegion = run("sql_executor", "{\"sql\":\"SELECT Region, sum(Sales) AS total FROM orders GROUP BY 1\","
                + "\"label\":\"sales by region\"}").tables().get(0);
        ToolContext withInput = new ToolContext(ds, Limits.defaults(), byRegion);
        ToolResult bar = tools.run("chart", withInput, args("{\"from_step\":0}"));
        Artifact a = bar.artifacts().get(0);
        assertThat(a.chart()).isEqualTo("bar");
        assertThat(a.path()).isEqualTo("charts/sales_by_region.png");
        png(a);

        ToolResult pie = tools.run("chart", withInput, args("{\"from_step\":0,\"kind\":\"pie\",\"title\":\"Share of sales\"}"));
        assertThat(pie.artifacts().get(0).chart()).isEqualTo("pie");
        assertThat(pie.artifacts().get(0).path()).isEqualTo("charts/share_of_sales.png");
        png(pie.artifacts().get(0));

        Table trend = run("trend_plot", "{\"value_column\":\"Sales\"}").tables().get(0);
        ToolResult line = tools.run("chart", new ToolContext(ds, Limits.defaults(), trend), args("{\"from_step\":1}"));
        assertThat(line.artifacts().get(0).chart()).isEqualTo("line");
        png(line.artifacts().get(0));

        Table pairs = run("sql_executor", "{\"sql\":\"SELECT Sales, Profit FROM orders\"}").tables().get(0);
        ToolResult scatter = tools.run("chart", new ToolContext(ds, Limits.defaults(), pairs), args("{\"from_step\":2}"));
        assertThat(scatter.artifacts().get(0).chart()).isEqualTo("scatter");
        png(scatter.artifacts().get(0));

        Table years = run("sql_executor", "{\"sql\":\"SELECT year(\\\"Order Date\\\") AS year, count(*) AS n"
                + " FROM orders GROUP BY 1 ORDER BY 1\"}").tables().get(0);
        ToolResult yearLine = tools.run("chart", new ToolContext(ds, Limits.defaults(), years), args("{\"from_step\":3}"));
        assertThat(yearLine.artifacts().get(0).chart()).isEqualTo("line");

        assertThatThrownBy(() -> tools.run("chart", TestData.context(ds), args("{\"from_step\":0}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("no_input"));
        assertThatThrownBy(() -> tools.run("chart", withInput, args("{\"from_step\":0,\"y\":\"nope\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_column");
                    assertThat(e.hint()).contains("total");
                });
    }

    @Test
    void correlationOfPerfectlyCorrelatedColumnsIsOne() throws Exception {
        ToolResult r = run("correlation", "{\"columns\":[\"Sales\",\"Profit\"]}");
        Table t = r.tables().get(0);
        assertThat(t.columns()).extracting(Column::name).containsExactly("column", "Sales", "Profit");
        assertThat((Double) t.rows().get(0).get(2)).isCloseTo(1.0, within(1e-9));
        assertThat(t.label()).contains("r = 1.000");
        assertThat(r.summary()).contains("Sales").contains("Profit").contains("1.000");
        JsonNode doc = json(r.artifacts().get(0));
        assertThat(r.artifacts().get(0).path()).isEqualTo("results/correlation.json");
        assertThat(doc.path("pairs").get(0).path("r").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(doc.path("pairs").get(0).path("n").asLong()).isEqualTo(200);
        Artifact heat = r.artifacts().get(1);
        assertThat(heat.path()).isEqualTo("charts/correlation.png");
        assertThat(heat.chart()).isEqualTo("heatmap");
        png(heat);

        ToolResult all = run("correlation", "{}");
        assertThat(all.tables().get(0).rows()).hasSize(3); // Sales, Quantity, Profit
        assertThat(all.tables().get(0).rows()).allSatisfy(row -> assertThat(row).contains(1.0));

        assertThatThrownBy(() -> run("correlation", "{\"columns\":[\"Sales\",\"Region\"]}"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
        assertThatThrownBy(() -> run("correlation", "{\"columns\":[\"Sales\"]}"))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
    }

    @Test
    void artifactPathsAreDeterministic() throws Exception {
        for (String[] call : new String[][] {
                {"summary_stats", "{}"},
                {"distribution_plot", "{\"column\":\"Sales\"}"},
                {"trend_plot", "{\"value_column\":\"Sales\"}"},
                {"correlation", "{}"}}) {
            ToolResult first = run(call[0], call[1]);
            ToolResult second = run(call[0], call[1]);
            assertThat(second.artifacts()).extracting(Artifact::path)
                    .containsExactlyElementsOf(first.artifacts().stream().map(Artifact::path).toList());
            assertThat(second.summary()).isEqualTo(first.summary());
            assertThat(second.sql()).isEqualTo(first.sql());
        }
    }
}
