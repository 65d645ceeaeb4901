package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import datasense.tools.chart.Figure.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Vega-Lite specs: each is valid against Vega-Lite's own v5 JSON schema (vendored from the npm package), names
 * the mark and the fields of its data, and carries at most {@link VegaLite#MAX_VALUES} values inline.
 */
class VegaLiteTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The spec of {@code figure}, after checking it against the schema and reading it back from its bytes. */
    static JsonNode valid(Figure figure) throws Exception {
        JsonNode spec = JSON.readTree(VegaLite.bytes(figure));
        VegaLiteSchema.check(spec);
        assertThat(spec.path("$schema").asText()).isEqualTo(VegaLite.SCHEMA);
        assertThat(spec.path("title").path("text").asText()).isEqualTo(figure.frame().title());
        return spec;
    }

    static List<String> fields(JsonNode encoding) {
        List<String> out = new ArrayList<>();
        encoding.fields().forEachRemaining(e -> {
            if (e.getValue().has("field")) {
                out.add(e.getKey() + "=" + e.getValue().get("field").asText());
            }
        });
        return out;
    }

    @Test
    void theSchemaRefusesWhatIsNotVegaLite() throws Exception {
        assertThat(VegaLiteSchema.schema().validate(JSON.readTree("{\"mark\": \"blob\", \"data\": {\"values\": []}}"))).isNotEmpty();
        assertThat(VegaLiteSchema.schema().validate(JSON.readTree("{\"mark\": \"bar\", \"encoding\": {\"x\": {\"field\": \"a\","
                + " \"type\": \"nominal\", \"stack\": \"sideways\"}}}"))).isNotEmpty();
    }

    @Test
    void groupedBarsOffsetTheSeriesAndStackedBarsStackThem() throws Exception {
        JsonNode grouped = valid(ChartsTest.regionsByYear(false));
        assertThat(grouped.path("mark").path("type").asText()).isEqualTo("bar");
        assertThat(fields(grouped.path("encoding")))
                .contains("x=Region", "y=Sales", "xOffset=Year", "color=Year");
        assertThat(grouped.path("encoding").path("y").path("stack").isNull()).isTrue();
        assertThat(grouped.path("data").path("values")).hasSize(5); // the missing (South, 2023) is left out
        assertThat(grouped.path("data").path("values").get(0).toString())
                .isEqualTo("{\"Region\":\"North\",\"Year\":\"2022\",\"Sales\":10.0}");
        assertThat(grouped.path("encoding").path("tooltip")).hasSize(3);

        JsonNode stacked = valid(ChartsTest.regionsByYear(true));
        assertThat(stacked.path("encoding").path("y").path("stack").asText()).isEqualTo("zero");
        assertThat(stacked.path("encoding").has("xOffset")).isFalse();
    }

    @Test
    void linesAreTemporalWithIsoDatesAndZoom() throws Exception {
        JsonNode spec = valid(ChartsTest.monthly(2));
        assertThat(spec.path("mark").path("type").asText()).isEqualTo("line");
        assertThat(spec.path("encoding").path("x").path("type").asText()).isEqualTo("temporal");
        assertThat(fields(spec.path("encoding"))).contains("x=Order Date", "y=sum of Sales", "color=Region");
        assertThat(spec.path("data").path("values").get(0).path("Order Date").asText()).isEqualTo("2016-01-01T00:00:00Z");
        assertThat(spec.path("params").get(0).path("bind").asText()).isEqualTo("scales");
    }

    @Test
    void aLongLineIsAveragedToTheBound() throws Exception {
        int n = 12_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
            ys[i] = i % 10;
        }
        JsonNode spec = valid(new Figure.Lines(Frame.of("Long", "t", "v"), false,
                List.of(new Figure.Line("v", xs, ys))));
        assertThat(spec.path("data").path("values").size()).isEqualTo(VegaLite.MAX_VALUES);
        assertThat(spec.path("title").path("subtitle").asText()).contains("averages consecutive points");
    }

    @Test
    void aLabelledScatterLayersTextOverThePoints() throws Exception {
        Figure.Points f = new Figure.Points(Frame.of("Price vs rating by brand", "avg price", "avg rating"),
                List.of(new Figure.PointGroup("avg rating", new double[] {10, 20}, new double[] {4.1, 3.5},
                        List.of("Acme", "Bolt"))));
        JsonNode spec = valid(f);
        assertThat(spec.path("layer")).hasSize(2);
        assertThat(spec.path("layer").get(0).path("mark").path("type").asText()).isEqualTo("point");
        assertThat(spec.path("layer").get(1).path("mark").path("type").asText()).isEqualTo("text");
        assertThat(fields(spec.path("layer").get(1).path("encoding"))).contains("text=label");
        assertThat(spec.path("data").path("values").get(1).path("label").asText()).isEqualTo("Bolt");
        // a dotted column name is escaped in field references but kept as the data key
        JsonNode dotted = valid(new Figure.Points(Frame.of("p", "price.avg", "y"),
                List.of(new Figure.PointGroup("y", new double[] {1}, new double[] {2}, null))));
        assertThat(dotted.path("layer").get(0).path("encoding").path("x").path("field").asText())
                .isEqualTo("price\\.avg");
        assertThat(dotted.path("data").path("values").get(0).has("price.avg")).isTrue();
    }

    @Test
    void aScatterBeyondTheBoundIsGivenAsBins() throws Exception {
        int n = 9_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 300;
            ys[i] = (i * 7) % 200;
        }
        JsonNode spec = valid(new Figure.Points(Frame.of("Many", "x", "y"),
                List.of(new Figure.PointGroup("y", xs, ys, null))));
        assertThat(spec.path("mark").path("type").asText()).isEqualTo("rect");
        JsonNode values = spec.path("data").path("values");
        assertThat(values.size()).isLessThanOrEqualTo(VegaLite.BINS_X * VegaLite.BINS_Y);
        long total = 0;
        for (JsonNode v : values) {
            total += v.path("count").asLong();
        }
        assertThat(total).isEqualTo(n);
        assertThat(spec.path("title").path("subtitle").asText()).contains("binned: 9,000 points in 60x40 cells");
    }

    @Test
    void boxPlotsLayerWhiskersBoxesMediansAndOutliersFromNamedData() throws Exception {
        JsonNode spec = valid(ChartsTest.boxes());
        assertThat(spec.path("datasets").path("boxes")).hasSize(2);
        assertThat(spec.path("datasets").path("outliers")).hasSize(2);
        assertThat(spec.path("datasets").path("boxes").get(0).path("median").asDouble()).isEqualTo(20.0);
        List<String> marks = new ArrayList<>();
        spec.path("layer").forEach(l -> marks.add(l.path("mark").path("type").asText()));
        assertThat(marks).containsExactly("rule", "bar", "tick", "point");
        assertThat(fields(spec.path("layer").get(1).path("encoding"))).contains("x=Brand", "y=q1", "y2=q3");
    }

    @Test
    void otherFiguresAreValidToo() throws Exception {
        assertThat(valid(new Figure.Histogram(Frame.of("Distribution of Sales", "Sales", "count"),
                List.of(new Figure.Bin(0, 10, 3), new Figure.Bin(10, 20, 7)))).path("encoding").path("x")
                .path("bin").path("binned").asBoolean()).isTrue();
        assertThat(valid(new Figure.Pie(Frame.of("Share", "Category", "Sales"),
                List.of(new Figure.Slice("a", 3), new Figure.Slice(Charts.OTHER, 5)))).path("mark").path("type")
                .asText()).isEqualTo("arc");
        valid(new Figure.CategoryLines(Frame.of("Per year", "year", "Sales"), List.of("2016", "2017"),
                List.of(new Figure.Series("Sales", new double[] {1, Double.NaN}))));
        valid(new Figure.Heatmap(Frame.of("Correlation", null, null), List.of("a", "b"),
                new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
        valid(Figure.Density.of(Frame.of("Dense", "x", "y"), Figure.Grid.over(0, 0, 60, 1, 1, 40),
                new double[] {0, 0}, new double[] {1, 1}));
    }
}
