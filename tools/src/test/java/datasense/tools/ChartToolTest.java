package datasense.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Charts;
import datasense.tools.chart.Figure;
import datasense.tools.chart.VegaLite;
import datasense.tools.chart.VegaLiteSchema;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart kinds with series, labels and boxes over real DuckDB data, and charts of cut input tables drawn in full
 * from their SQL. The data each figure holds is checked against the database; the PNGs of the main kinds are also
 * written to {@code target/chart-gallery/} for a person to look at.
 */
class ChartToolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path GALLERY = Path.of("target", "chart-gallery");

    @TempDir
    static Path dir;
    static Dataset shop;
    static Dataset few;
    static Dataset many;
    static final ToolRegistry TOOLS = ToolRegistry.standard();

    @BeforeAll
    static void data() throws Exception {
        shop = TestData.shop(dir, 6_000);
        few = TestData.points(dir, "few", 5_000);
        many = TestData.points(dir, "many", 250_000);
        Files.createDirectories(GALLERY);
    }

    static ObjectNode args(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    /** Runs sql_executor over {@code ds} and returns a context whose input is its table, with the SQL behind it. */
    static ToolContext source(Dataset ds, String sql) throws Exception {
        ToolResult r = TOOLS.run("sql_executor", TestData.context(ds), args("{\"sql\":" + JSON.writeValueAsString(sql)
                + ",\"label\":\"source\"}"));
        return new ToolContext(ds, Limits.defaults(), r.tables().get(0), r.sql().get(0));
    }

    static Map<String, Object> one(Dataset ds, String sql) throws Exception {
        Table t = TOOLS.run("sql_executor", TestData.context(ds), args("{\"sql\":" + JSON.writeValueAsString(sql) + "}"))
                .tables().get(0);
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            out.put(t.columns().get(i).name(), t.rows().get(0).get(i));
        }
        return out;
    }

    static ChartTool.Drawing drawing(ToolContext ctx, String args) throws Exception {
        return new ChartTool().drawing(ctx, args(args));
    }

    /** Checks the PNG and the spec beside it, and keeps a copy of the PNG in the gallery. */
    static JsonNode artifacts(ToolResult r, String gallery) throws Exception {
        Artifact png = r.artifacts().get(0);
        assertThat(png.contentType()).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        Files.write(GALLERY.resolve(gallery + ".png"), png.bytes());
        Artifact spec = r.artifacts().get(1);
        assertThat(spec.path()).isEqualTo(png.path().replace(".png", ".vl.json"));
        assertThat(spec.contentType()).isEqualTo(VegaLite.CONTENT_TYPE);
        assertThat(spec.chart()).isNull();
        JsonNode tree = JSON.readTree(spec.bytes());
        VegaLiteSchema.check(tree);
        return tree;
    }

    @Test
    void groupedBarsHoldEachRegionAndYearSumAndStackedBarsTheSame() throws Exception {
        ToolContext ctx = source(shop, "SELECT region, year(order_date) AS year, sum(sales) AS sales FROM shop"
                + " GROUP BY ALL ORDER BY 1, 2");
        Figure.Bars bars = (Figure.Bars) drawing(ctx, "{\"from_step\":0,\"x\":\"region\",\"y\":\"sales\","
                + "\"series\":\"year\"}").figure();
        assertThat(bars.stacked()).isFalse();
        assertThat(bars.categories()).containsExactlyInAnyOrder("North", "South", "East", "West");
        assertThat(bars.series()).extracting(Figure.Series::name).containsExactly("2021", "2022", "2023");
        assertThat(bars.frame().seriesLabel()).isEqualTo("year");
        for (String region : bars.categories()) {
            for (Figure.Series s : bars.series()) {
                double expected = ((Number) one(shop, "SELECT sum(sales) AS s FROM shop WHERE region = '" + region
                        + "' AND year(order_date) = " + s.name()).get("s")).doubleValue();
                assertThat(s.values()[bars.categories().indexOf(region)]).isCloseTo(expected, within(1e-6));
            }
        }
        ToolResult grouped = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"x\":\"region\",\"y\":\"sales\","
                + "\"series\":\"year\",\"title\":\"Sales by region and year\"}"));
        assertThat(grouped.artifacts().get(0).chart()).isEqualTo("bar");
        assertThat(grouped.artifacts().get(0).series()).isEqualTo("year");
        assertThat(grouped.artifacts().get(0).stacked()).isFalse();
        assertThat(grouped.summary()).startsWith("Bar chart of sales by region, grouped by year from 'source' (12 rows)");
        JsonNode spec = artifacts(grouped, "grouped_bars");
        assertThat(spec.path("encoding").path("xOffset").path("field").asText()).isEqualTo("year");

        ToolResult stacked = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"x\":\"region\",\"y\":\"sales\","
                + "\"series\":\"year\",\"stacked\":true,\"title\":\"Sales by region, stacked by year\"}"));
        assertThat(stacked.artifacts().get(0).stacked()).isTrue();
        assertThat(stacked.summary()).contains("stacked by year");
        assertThat(artifacts(stacked, "stacked_bars").path("encoding").path("y").path("stack").asText())
                .isEqualTo("zero");
    }

    @Test
    void seriesBeyondTenKeepTheLargestAndSumTheRestAsOther() throws Exception {
        ToolContext ctx = source(shop, "SELECT category, brand, sum(sales) AS sales FROM shop GROUP BY ALL");
        Figure.Bars bars = (Figure.Bars) drawing(ctx, "{\"from_step\":0,\"x\":\"category\",\"y\":\"sales\","
                + "\"series\":\"brand\",\"stacked\":true}").figure();
        assertThat(bars.series()).hasSize(10);
        assertThat(bars.series().get(9).name()).isEqualTo(Charts.OTHER);
        double drawn = bars.series().stream().flatMapToDouble(s -> Arrays.stream(s.values()))
                .filter(v -> !Double.isNaN(v)).sum();
        double total = ((Number) one(shop, "SELECT sum(sales) AS s FROM shop").get("s")).doubleValue();
        assertThat(drawn).isCloseTo(total, within(1e-3));
        assertThat(bars.frame().subtitle()).isEqualTo("the 9 largest of 12 values of brand, the rest as Other");
    }

    @Test
    void aLinePerRegionOverMonths() throws Exception {
        ToolContext ctx = source(shop, "SELECT date_trunc('month', order_date) AS month, region, sum(sales) AS sales"
                + " FROM shop GROUP BY ALL ORDER BY 1, 2");
        ToolResult r = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"x\":\"month\",\"y\":\"sales\","
                + "\"series\":\"region\",\"title\":\"Monthly sales per region\"}"));
        assertThat(r.artifacts().get(0).chart()).isEqualTo("line");
        assertThat(r.summary()).contains("one line per region");
        Figure.Lines lines = (Figure.Lines) drawing(ctx, "{\"from_step\":0,\"x\":\"month\",\"y\":\"sales\","
                + "\"series\":\"region\"}").figure();
        assertThat(lines.time()).isTrue();
        assertThat(lines.lines()).extracting(Figure.Line::name).containsExactly("East", "North", "South", "West");
        assertThat(lines.lines()).allSatisfy(l -> assertThat(l.xs()).hasSize(36));
        double westJan = ((Number) one(shop, "SELECT sum(sales) AS s FROM shop WHERE region = 'West'"
                + " AND order_date < DATE '2021-02-01'").get("s")).doubleValue();
        assertThat(lines.lines().get(3).ys()[0]).isCloseTo(westJan, within(1e-6));
        JsonNode spec = artifacts(r, "multi_series_line");
        assertThat(spec.path("encoding").path("color").path("field").asText()).isEqualTo("region");
        assertThat(spec.path("data").path("values")).hasSize(144);
    }

    @Test
    void aScatterOfPerBrandAggregatesLabelsEachPoint() throws Exception {
        ToolContext ctx = source(shop, "SELECT brand, avg(price) AS avg_price, avg(rating) AS avg_rating FROM shop"
                + " GROUP BY brand ORDER BY brand");
        ToolResult r = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"kind\":\"scatter\",\"x\":\"avg_price\","
                + "\"y\":\"avg_rating\",\"label\":\"brand\",\"title\":\"Average price against average rating per brand\"}"));
        Figure.Points points = (Figure.Points) drawing(ctx, "{\"from_step\":0,\"kind\":\"scatter\","
                + "\"x\":\"avg_price\",\"y\":\"avg_rating\",\"label\":\"brand\"}").figure();
        assertThat(points.groups()).hasSize(1);
        Figure.PointGroup g = points.groups().get(0);
        assertThat(g.labels()).containsExactly("Acme", "Bolt", "Crest", "Dyna", "Echo", "Flux", "Gala", "Halo",
                "Iris", "Juno", "Kite", "Lumo");
        double acme = ((Number) one(shop, "SELECT avg(price) AS p FROM shop WHERE brand = 'Acme'").get("p")).doubleValue();
        assertThat(g.xs()[0]).isCloseTo(acme, within(1e-9));
        JsonNode spec = artifacts(r, "labelled_scatter");
        assertThat(spec.path("layer").get(1).path("mark").path("type").asText()).isEqualTo("text");

        ToolContext byCategory = source(shop, "SELECT brand, category, avg(price) AS avg_price, avg(rating) AS"
                + " avg_rating FROM shop GROUP BY ALL");
        Figure.Points coloured = (Figure.Points) drawing(byCategory, "{\"from_step\":0,\"kind\":\"scatter\","
                + "\"x\":\"avg_price\",\"y\":\"avg_rating\",\"label\":\"brand\",\"series\":\"category\"}").figure();
        assertThat(coloured.groups()).extracting(Figure.PointGroup::name)
                .containsExactly("Books", "Garden", "Kitchen", "Toys");
        assertThat(coloured.size()).isEqualTo(48);
        artifacts(TOOLS.run("chart", byCategory, args("{\"from_step\":0,\"kind\":\"scatter\",\"x\":\"avg_price\","
                + "\"y\":\"avg_rating\",\"label\":\"brand\",\"series\":\"category\","
                + "\"title\":\"Price against rating per brand and category\"}")), "series_scatter");
    }

    @Test
    void aBoxPerRegionIsComputedInOneQueryAndMatchesTheQuantiles() throws Exception {
        ToolResult r = TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"price\","
                + "\"by\":\"region\"}"));
        assertThat(r.sql()).hasSize(1);
        assertThat(r.sql().get(0)).contains("quantile_cont").doesNotContain("LIMIT 100000");
        Table t = r.tables().get(0);
        assertThat(t.columns()).extracting(Column::name)
                .containsExactly("region", "n", "min", "q1", "median", "q3", "max", "outliers");
        assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly("East", "North", "South", "West");
        for (List<Object> row : t.rows()) {
            String where = " FROM shop WHERE region = '" + row.get(0) + "'";
            Map<String, Object> q = one(shop, "WITH f AS (SELECT quantile_cont(price, 0.25) AS a, quantile_cont(price,"
                    + " 0.75) AS b" + where + ") SELECT count(*) AS n, quantile_cont(price, 0.25) AS q1, median(price) AS"
                    + " med, quantile_cont(price, 0.75) AS q3, max(price) AS hi, count(*) FILTER (WHERE price <"
                    + " (SELECT a - 1.5 * (b - a) FROM f) OR price > (SELECT b + 1.5 * (b - a) FROM f)) AS o" + where);
            assertThat(((Number) row.get(1)).longValue()).isEqualTo(((Number) q.get("n")).longValue());
            assertThat((Double) row.get(3)).isCloseTo(((Number) q.get("q1")).doubleValue(), within(1e-9));
            assertThat((Double) row.get(4)).isCloseTo(((Number) q.get("med")).doubleValue(), within(1e-9));
            assertThat((Double) row.get(5)).isCloseTo(((Number) q.get("q3")).doubleValue(), within(1e-9));
            assertThat((Double) row.get(6)).isCloseTo(((Number) q.get("hi")).doubleValue(), within(1e-9));
            assertThat(((Number) row.get(7)).longValue()).isEqualTo(((Number) q.get("o")).longValue()).isPositive();
        }
        Artifact png = r.artifacts().get(0);
        assertThat(png.chart()).isEqualTo("box");
        assertThat(png.path()).isEqualTo("dist_plots/price_box_by_region.png");
        JsonNode spec = artifacts(r, "box_plot");
        JsonNode first = spec.path("datasets").path("boxes").get(0);
        assertThat(first.path("region").asText()).isEqualTo("East");
        assertThat(first.path("upper_whisker").asDouble()).isLessThanOrEqualTo(first.path("max").asDouble());
        assertThat(spec.path("datasets").path("outliers").size()).isPositive();
        assertThat(r.summary()).startsWith("Box plot of price by region: 4 groups, 6,000 values; median from ")
                .doesNotContain("most extreme"); // every outlier is drawn, so nothing is said about a cut
    }

    @Test
    void boxPlotsKeepTheLargestGroupsAndRefuseWhatTheyCannotDraw() throws Exception {
        ToolResult r = TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"price\","
                + "\"kind\":\"box\",\"by\":\"order_date\"}"));
        assertThat(r.tables().get(0).rows()).hasSize(30);
        long days = ((Number) one(shop, "SELECT count(DISTINCT order_date) AS d FROM shop").get("d")).longValue();
        assertThat(r.summary()).contains("the 30 largest of " + Charts.numberFormat().format(days) + " groups");
        artifacts(TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"price\","
                + "\"by\":\"brand\"}")), "box_plot_by_brand");
        ToolResult whole = TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"rating\","
                + "\"kind\":\"box\"}"));
        assertThat(whole.tables().get(0).rows()).singleElement().satisfies(row -> assertThat(row.get(0)).isEqualTo("rating"));
        assertThat(whole.artifacts().get(0).path()).isEqualTo("dist_plots/rating_box.png");
        assertThatThrownBy(() -> TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"brand\","
                + "\"kind\":\"box\"}"))).isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("bad_args");
                    assertThat(e.hint()).contains("price");
                });
        assertThatThrownBy(() -> TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"price\","
                + "\"kind\":\"histogram\",\"by\":\"region\"}"))).isInstanceOfSatisfying(ToolException.class,
                e -> assertThat(e.hint()).contains("kind box"));
        assertThatThrownBy(() -> TOOLS.run("distribution_plot", TestData.context(shop), args("{\"column\":\"price\","
                + "\"by\":\"shop_id\"}"))).isInstanceOfSatisfying(ToolException.class,
                e -> assertThat(e.code()).isEqualTo("unknown_column"));
    }

    @Test
    void aScatterOfACutTableDrawsEveryPointOfItsSql() throws Exception {
        ToolContext ctx = source(few, "SELECT x, y FROM few");
        assertThat(ctx.input().truncated()).isTrue();
        assertThat(ctx.input().rows()).hasSize(200);
        Figure.Points points = (Figure.Points) drawing(ctx, "{\"from_step\":0}").figure();
        assertThat(points.size()).isEqualTo(5_000);
        assertThat(points.frame().subtitle()).isNull();
        ToolResult r = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"title\":\"5000 points\"}"));
        assertThat(r.summary()).contains("all 5,000 points, read again in full");
        assertThat(r.sql()).hasSize(2).allSatisfy(s -> assertThat(s).contains("FROM (SELECT x, y FROM few) AS src"));
        JsonNode spec = artifacts(r, "scatter_5000");
        assertThat(spec.path("layer").get(0).path("mark").path("type").asText()).isEqualTo("point");
        assertThat(spec.path("data").path("values")).hasSize(5_000);

        // without its SQL the chart can only draw what it was given, and says so
        ToolContext blind = new ToolContext(few, Limits.defaults(), ctx.input());
        Figure.Points first = (Figure.Points) drawing(blind, "{\"from_step\":0}").figure();
        assertThat(first.size()).isEqualTo(200);
        assertThat(first.frame().subtitle()).isEqualTo("the first 200 of 5,000 rows only");
        artifacts(TOOLS.run("chart", blind, args("{\"from_step\":0,\"title\":\"Without its SQL\"}")), "scatter_first_200");
        // SQL the guard refuses is never run: the chart falls back to the inline rows and says why
        ToolContext bad = new ToolContext(few, Limits.defaults(), ctx.input(), "SELECT * FROM read_csv('/etc/passwd')");
        ToolResult refused = TOOLS.run("chart", bad, args("{\"from_step\":0}"));
        assertThat(refused.summary()).contains("the first 200 of 5,000 rows only: reading the whole result again"
                + " failed (The table function read_csv(...) is not allowed in FROM.)");
        assertThat(refused.sql()).isEmpty();
    }

    @Test
    void aScatterOfAQuarterMillionRowsIsBinnedAndSaysSo() throws Exception {
        ToolContext ctx = source(many, "SELECT x, y FROM many");
        assertThat(ctx.input().totalRows()).isEqualTo(100_000); // sql_executor's own row limit
        ChartTool.Drawing d = drawing(ctx, "{\"from_step\":0}");
        Figure.Density density = (Figure.Density) d.figure();
        assertThat(density.total()).isEqualTo(250_000);
        assertThat(Arrays.stream(density.counts()).sum()).isEqualTo(250_000);
        assertThat(density.frame().subtitle()).isEqualTo("binned: 250,000 points in 60x40 cells");
        ToolResult r = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"title\":\"250000 points\"}"));
        assertThat(r.artifacts().get(0).chart()).isEqualTo("scatter");
        assertThat(r.summary()).contains("(binned: 250,000 points in 60x40 cells)");
        JsonNode spec = artifacts(r, "binned_scatter");
        assertThat(spec.path("mark").path("type").asText()).isEqualTo("rect");
        assertThat(spec.path("title").path("subtitle").asText()).isEqualTo("binned: 250,000 points in 60x40 cells");
        long inSpec = 0;
        for (JsonNode v : spec.path("data").path("values")) {
            inSpec += v.path("count").asLong();
        }
        assertThat(inSpec).isEqualTo(250_000);
    }

    @Test
    void theDatabaseBinsPointsIntoTheSameCellsAsJava() throws Exception {
        ToolContext ctx = source(few, "SELECT x, y FROM few");
        try (FullResult full = FullResult.open(ctx)) {
            List<Object> b = full.bounds("x", FullResult.Axis.NUMBER, "y");
            Figure.Grid grid = Figure.Grid.over(((Number) b.get(1)).doubleValue(), ((Number) b.get(2)).doubleValue(), 60,
                    ((Number) b.get(3)).doubleValue(), ((Number) b.get(4)).doubleValue(), 40);
            long[] sql = new long[60 * 40];
            for (List<Object> r : full.cells("x", "y", grid).rows()) {
                sql[((Number) r.get(1)).intValue() * 60 + ((Number) r.get(0)).intValue()] = ((Number) r.get(2)).longValue();
            }
            List<List<Object>> rows = full.rows(List.of("x", "y"), "x", FullResult.Axis.NUMBER, "y", 10_000).rows();
            Figure.Density java = Figure.Density.of(Figure.Frame.of("d", "x", "y"), grid,
                    rows.stream().mapToDouble(r -> ((Number) r.get(0)).doubleValue()).toArray(),
                    rows.stream().mapToDouble(r -> ((Number) r.get(1)).doubleValue()).toArray());
            assertThat(sql).isEqualTo(java.counts());
        }
    }

    @Test
    void barsOfACutTableSumEveryRowAndKeepTheRestAsOther() throws Exception {
        ToolContext ctx = source(few, "SELECT 'k' || CAST(id % 40 AS VARCHAR) AS key, 1 AS one FROM few");
        Figure.Bars bars = (Figure.Bars) drawing(ctx, "{\"from_step\":0,\"kind\":\"bar\"}").figure();
        assertThat(bars.categories()).hasSize(13).endsWith(Charts.OTHER);
        double[] v = bars.series().get(0).values();
        assertThat(v[0]).isEqualTo(125);
        assertThat(v[12]).isEqualTo(28 * 125);
        assertThat(Arrays.stream(v).sum()).isEqualTo(5_000);
        ToolResult pie = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"kind\":\"pie\"}"));
        assertThat(pie.summary()).contains("summed over the whole result, read again: 40 categories");
    }

    @Test
    void aLongLineIsAveragedIntoBucketsPerSeries() throws Exception {
        ToolContext ctx = source(many, "SELECT day, grp, y FROM many");
        ChartTool.Drawing d = drawing(ctx, "{\"from_step\":0,\"x\":\"day\",\"y\":\"y\",\"series\":\"grp\"}");
        Figure.Lines lines = (Figure.Lines) d.figure();
        assertThat(d.kind()).isEqualTo("line");
        assertThat(lines.lines()).extracting(Figure.Line::name).containsExactly("a", "b", "c");
        assertThat(lines.lines()).allSatisfy(l -> assertThat(l.xs().length).isBetween(400, ChartTool.LINE_BUCKETS));
        assertThat(lines.frame().subtitle()).isEqualTo("averaged: 250,000 rows in 500 buckets of day");
        double mean = ((Number) one(many, "SELECT avg(y) AS m FROM many WHERE grp = 'a'").get("m")).doubleValue();
        assertThat(Arrays.stream(lines.lines().get(0).ys()).average().orElseThrow()).isCloseTo(mean, within(0.05));
        ToolResult r = TOOLS.run("chart", ctx, args("{\"from_step\":0,\"x\":\"day\",\"y\":\"y\",\"series\":\"grp\","
                + "\"title\":\"y per day and group\"}"));
        assertThat(r.summary()).contains("(averaged: 250,000 rows in 500 buckets of day)");
        assertThat(artifacts(r, "averaged_line").path("data").path("values").size()).isLessThanOrEqualTo(1_500);
    }

    @Test
    void seriesAndLabelMustBeUsableColumns() throws Exception {
        ToolContext ctx = source(shop, "SELECT region, sum(sales) AS sales FROM shop GROUP BY 1");
        assertThatThrownBy(() -> TOOLS.run("chart", ctx, args("{\"from_step\":0,\"series\":\"region\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
        assertThatThrownBy(() -> TOOLS.run("chart", ctx, args("{\"from_step\":0,\"series\":\"year\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_column");
                    assertThat(e.hint()).contains("region", "sales");
                });
        assertThatThrownBy(() -> TOOLS.run("chart", ctx, args("{\"from_step\":0,\"label\":\"region\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.getMessage()).contains("scatter"));
        assertThatThrownBy(() -> TOOLS.run("chart", ctx, args("{\"from_step\":0,\"stacked\":\"yes\"}")))
                .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.code()).isEqualTo("bad_args"));
    }

    @Test
    void theOtherKindsDrawFromTheSameFiguresAndWriteValidSpecs() throws Exception {
        ToolContext ctx = TestData.context(shop);
        JsonNode histogram = artifacts(TOOLS.run("distribution_plot", ctx, args("{\"column\":\"price\"}")), "histogram");
        assertThat(histogram.path("encoding").path("x").path("bin").path("binned").asBoolean()).isTrue();
        artifacts(TOOLS.run("distribution_plot", ctx, args("{\"column\":\"brand\"}")), "value_counts");
        artifacts(TOOLS.run("distribution_plot", ctx, args("{\"column\":\"order_date\"}")), "periods");
        JsonNode trend = artifacts(TOOLS.run("trend_plot", ctx, args("{\"value_column\":\"sales\"}")), "trend");
        assertThat(trend.path("encoding").path("x").path("type").asText()).isEqualTo("temporal");
        ToolResult correlation = TOOLS.run("correlation", ctx, args("{\"columns\":[\"price\",\"rating\",\"sales\"]}"));
        ToolResult heatmap = new ToolResult(correlation.summary(), correlation.tables(),
                correlation.artifacts().subList(1, 3), correlation.sql());
        assertThat(artifacts(heatmap, "heatmap").path("layer")).hasSize(2);
        ToolContext byBrand = source(shop, "SELECT brand, sum(sales) AS sales FROM shop GROUP BY 1");
        artifacts(TOOLS.run("chart", byBrand, args("{\"from_step\":0}")), "bars");
        JsonNode pie = artifacts(TOOLS.run("chart", byBrand, args("{\"from_step\":0,\"kind\":\"pie\","
                + "\"title\":\"Share of sales\",\"top_n\":6}")), "pie");
        assertThat(pie.path("data").path("values")).hasSize(7);
        ToolContext years = source(shop, "SELECT year(order_date) AS year, sum(sales) AS sales FROM shop GROUP BY 1 ORDER BY 1");
        ToolResult line = TOOLS.run("chart", years, args("{\"from_step\":0,\"title\":\"Sales per year\"}"));
        assertThat(line.artifacts().get(0).chart()).isEqualTo("line");
        artifacts(line, "category_line");
    }
}
