package datasense.tools.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.chart.Figure.Frame;
import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Figure} as a Vega-Lite v5 spec with its data inline, for a browser to draw interactively (tooltips on
 * every mark; scatter and line charts zoom and pan). Data keys are the column names the chart was drawn from. The
 * inline data is bounded by {@link #MAX_VALUES}: a larger scatter is given as its 2-D bins and a longer line as
 * averages of consecutive points, and the subtitle says so. Colours match the PNG's.
 */
public final class VegaLite {

    public static final String CONTENT_TYPE = "application/vnd.vegalite+json";
    public static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";
    /** The most data values (rows) a spec carries inline. */
    public static final int MAX_VALUES = 5_000;
    /** Cells of the 2-D bins a large scatter is reduced to. */
    public static final int BINS_X = 60;
    public static final int BINS_Y = 40;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NUMBER_FORMAT = ",.4~f";

    private VegaLite() {
    }

    /** The spec as UTF-8 JSON bytes. */
    public static byte[] bytes(Figure figure) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(spec(figure));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Vega-Lite spec", e);
        }
    }

    /** The spec of {@code figure}. */
    public static ObjectNode spec(Figure figure) {
        if (figure instanceof Figure.Bars f) {
            return bars(f);
        }
        if (figure instanceof Figure.CategoryLines f) {
            return categoryLines(f);
        }
        if (figure instanceof Figure.Lines f) {
            return lines(f);
        }
        if (figure instanceof Figure.Pie f) {
            return pie(f);
        }
        if (figure instanceof Figure.Points f) {
            return points(f);
        }
        if (figure instanceof Figure.Density f) {
            return density(f);
        }
        if (figure instanceof Figure.Boxes f) {
            return boxes(f);
        }
        if (figure instanceof Figure.Histogram f) {
            return histogram(f);
        }
        if (figure instanceof Figure.Heatmap f) {
            return heatmap(f);
        }
        throw new IllegalArgumentException("no Vega-Lite writer for " + figure.getClass().getSimpleName());
    }

    private static ObjectNode bars(Figure.Bars f) {
        Frame fr = f.frame();
        boolean multi = f.series().size() > 1;
        String x = fr.xLabel();
        String y = fr.yLabel();
        String s = seriesField(fr);
        ArrayNode values = NODES.arrayNode();
        for (Figure.Series series : f.series()) {
            for (int i = 0; i < f.categories().size(); i++) {
                double v = series.values()[i];
                if (!Double.isNaN(v)) {
                    ObjectNode row = values.addObject().put(x, f.categories().get(i));
                    if (multi) {
                        row.put(s, series.name());
                    }
                    row.put(y, v);
                }
            }
        }
        ObjectNode spec = top(fr, values);
        spec.putObject("mark").put("type", "bar");
        boolean horizontal = f.horizontal();
        ObjectNode enc = spec.putObject("encoding");
        ObjectNode category = enc.putObject(horizontal ? "y" : "x");
        category.put("field", field(x)).put("type", f.timeline() ? "ordinal" : "nominal").put("title", x);
        category.set("sort", strings(f.categories()));
        if (!horizontal && f.categories().size() > 6) {
            category.putObject("axis").put("labelAngle", -45);
        }
        ObjectNode value = enc.putObject(horizontal ? "x" : "y");
        value.put("field", field(y)).put("type", "quantitative").put("title", y);
        if (multi) {
            if (f.stacked()) {
                value.put("stack", "zero");
            } else {
                value.putNull("stack");
                enc.putObject(horizontal ? "yOffset" : "xOffset").put("field", field(s)).set("sort", names(f.series()));
            }
            color(enc, s, f.series().stream().map(Figure.Series::name).toList());
        } else {
            ((ObjectNode) spec.get("mark")).put("color", hex(Charts.seriesColor(0, "")));
        }
        tooltip(enc, multi ? List.of(nominal(x), nominal(s), quantity(y)) : List.of(nominal(x), quantity(y)));
        return spec;
    }

    private static ObjectNode categoryLines(Figure.CategoryLines f) {
        Frame fr = f.frame();
        boolean multi = f.series().size() > 1;
        String x = fr.xLabel();
        String y = fr.yLabel();
        String s = seriesField(fr);
        ArrayNode values = NODES.arrayNode();
        for (Figure.Series series : f.series()) {
            for (int i = 0; i < f.categories().size(); i++) {
                double v = series.values()[i];
                if (!Double.isNaN(v)) {
                    ObjectNode row = values.addObject().put(x, f.categories().get(i));
                    if (multi) {
                        row.put(s, series.name());
                    }
                    row.put(y, v);
                }
            }
        }
        ObjectNode spec = top(fr, values);
        ObjectNode mark = spec.putObject("mark").put("type", "line").put("point", f.categories().size() <= 60);
        ObjectNode enc = spec.putObject("encoding");
        ObjectNode cx = enc.putObject("x").put("field", field(x)).put("type", "ordinal").put("title", x);
        cx.set("sort", strings(f.categories()));
        enc.putObject("y").put("field", field(y)).put("type", "quantitative").put("title", y)
                .putObject("scale").put("zero", false);
        if (multi) {
            color(enc, s, f.series().stream().map(Figure.Series::name).toList());
        } else {
            mark.put("color", hex(Charts.seriesColor(0, "")));
        }
        tooltip(enc, multi ? List.of(nominal(x), nominal(s), quantity(y)) : List.of(nominal(x), quantity(y)));
        return spec;
    }

    private static ObjectNode lines(Figure.Lines f) {
        Frame fr = f.frame();
        boolean multi = f.lines().size() > 1;
        String x = fr.xLabel();
        String y = fr.yLabel();
        String s = seriesField(fr);
        int total = f.lines().stream().mapToInt(l -> l.xs().length).sum();
        int perLine = total <= MAX_VALUES ? Integer.MAX_VALUE : Math.max(1, MAX_VALUES / f.lines().size());
        ArrayNode values = NODES.arrayNode();
        for (Figure.Line line : f.lines()) {
            for (double[] p : averaged(line, perLine)) {
                ObjectNode row = values.addObject();
                if (f.time()) {
                    row.put(x, Instant.ofEpochMilli((long) p[0]).toString());
                } else {
                    row.put(x, p[0]);
                }
                if (multi) {
                    row.put(s, line.name());
                }
                if (Double.isNaN(p[1])) {
                    row.putNull(y);
                } else {
                    row.put(y, p[1]);
                }
            }
        }
        Frame shown = perLine == Integer.MAX_VALUE ? fr
                : fr.withSubtitle(join(fr.subtitle(), "this view averages consecutive points to at most "
                + perLine + " per line"));
        ObjectNode spec = top(shown, values);
        ObjectNode mark = spec.putObject("mark").put("type", "line");
        mark.put("point", total / Math.max(1, f.lines().size()) <= 60);
        ObjectNode enc = spec.putObject("encoding");
        ObjectNode ex = enc.putObject("x").put("field", field(x)).put("type", f.time() ? "temporal" : "quantitative")
                .put("title", x);
        if (!f.time()) {
            ex.putObject("scale").put("zero", false);
        }
        enc.putObject("y").put("field", field(y)).put("type", "quantitative").put("title", y)
                .putObject("scale").put("zero", false);
        if (multi) {
            color(enc, s, f.lines().stream().map(Figure.Line::name).toList());
        } else {
            mark.put("color", hex(Charts.seriesColor(0, "")));
        }
        ObjectNode xTip = f.time() ? field(x, "temporal") : quantity(x);
        tooltip(enc, multi ? List.of(xTip, nominal(s), quantity(y)) : List.of(xTip, quantity(y)));
        zoom(spec);
        return spec;
    }

    private static ObjectNode pie(Figure.Pie f) {
        Frame fr = f.frame();
        String x = fr.xLabel();
        String y = fr.yLabel();
        ArrayNode values = NODES.arrayNode();
        f.slices().forEach(sl -> values.addObject().put(x, sl.category()).put(y, sl.value()));
        ObjectNode spec = top(fr, values);
        spec.putObject("mark").put("type", "arc").put("stroke", "white");
        ObjectNode enc = spec.putObject("encoding");
        enc.putObject("theta").put("field", field(y)).put("type", "quantitative").put("stack", true);
        List<String> names = f.slices().stream().map(Figure.Slice::category).toList();
        color(enc, x, names);
        enc.putObject("order").put("field", field(y)).put("type", "quantitative").put("sort", "descending");
        tooltip(enc, List.of(nominal(x), quantity(y)));
        spec.putObject("view").putNull("stroke");
        return spec;
    }

    private static ObjectNode points(Figure.Points f) {
        if (f.size() > MAX_VALUES) {
            return binned(f);
        }
        Frame fr = f.frame();
        boolean multi = f.groups().size() > 1;
        boolean labelled = f.groups().stream().anyMatch(g -> g.labels() != null);
        String x = fr.xLabel();
        String y = fr.yLabel();
        String s = seriesField(fr);
        String label = "label";
        ArrayNode values = NODES.arrayNode();
        for (Figure.PointGroup g : f.groups()) {
            for (int i = 0; i < g.xs().length; i++) {
                ObjectNode row = values.addObject().put(x, g.xs()[i]).put(y, g.ys()[i]);
                if (multi) {
                    row.put(s, g.name());
                }
                if (g.labels() != null && g.labels().get(i) != null) {
                    row.put(label, g.labels().get(i));
                }
            }
        }
        ObjectNode spec = top(fr, values);
        ObjectNode pointLayer = NODES.objectNode();
        ObjectNode mark = pointLayer.putObject("mark").put("type", "point").put("filled", true)
                .put("opacity", f.size() > 2_000 ? 0.4 : 0.75).put("size", f.size() <= 200 ? 60 : 30);
        ObjectNode enc = pointLayer.putObject("encoding");
        enc.putObject("x").put("field", field(x)).put("type", "quantitative").put("title", x)
                .putObject("scale").put("zero", false);
        enc.putObject("y").put("field", field(y)).put("type", "quantitative").put("title", y)
                .putObject("scale").put("zero", false);
        List<ObjectNode> tips = new ArrayList<>();
        if (labelled) {
            tips.add(nominal(label));
        }
        if (multi) {
            color(enc, s, f.groups().stream().map(Figure.PointGroup::name).toList());
            tips.add(nominal(s));
        } else {
            mark.put("color", hex(Charts.seriesColor(0, "")));
        }
        tips.add(quantity(x));
        tips.add(quantity(y));
        tooltip(enc, tips);
        pointLayer.putArray("params").addObject().put("name", "zoom").put("bind", "scales").put("select", "interval");
        ArrayNode layers = spec.putArray("layer");
        layers.add(pointLayer);
        if (labelled) {
            ObjectNode text = layers.addObject();
            text.putObject("mark").put("type", "text").put("align", "left").put("dx", 6).put("dy", -6)
                    .put("fontSize", 11).put("color", "#333333");
            ObjectNode te = text.putObject("encoding");
            te.putObject("x").put("field", field(x)).put("type", "quantitative");
            te.putObject("y").put("field", field(y)).put("type", "quantitative");
            te.putObject("text").put("field", label).put("type", "nominal");
        }
        return spec;
    }

    /** A scatter too large to carry inline, as the counts of a grid over its bounds. */
    private static ObjectNode binned(Figure.Points f) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        int n = f.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (Figure.PointGroup g : f.groups()) {
            for (int i = 0; i < g.xs().length; i++, k++) {
                xs[k] = g.xs()[i];
                ys[k] = g.ys()[i];
                xMin = Math.min(xMin, xs[k]);
                xMax = Math.max(xMax, xs[k]);
                yMin = Math.min(yMin, ys[k]);
                yMax = Math.max(yMax, ys[k]);
            }
        }
        Figure.Grid grid = Figure.Grid.over(xMin, xMax, BINS_X, yMin, yMax, BINS_Y);
        Frame fr = f.frame().withSubtitle(join(f.frame().subtitle(), "this view is binned: "
                + Charts.numberFormat().format(n) + " points in " + BINS_X + "x" + BINS_Y + " cells"));
        return density(Figure.Density.of(fr, grid, xs, ys));
    }

    private static ObjectNode density(Figure.Density f) {
        Frame fr = f.frame();
        Figure.Grid grid = f.grid();
        ArrayNode values = NODES.arrayNode();
        for (int iy = 0; iy < grid.ny(); iy++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                long c = f.counts()[iy * grid.nx() + ix];
                if (c > 0) {
                    values.addObject()
                            .put("x_start", grid.x0() + ix * grid.dx()).put("x_end", grid.x0() + (ix + 1) * grid.dx())
                            .put("y_start", grid.y0() + iy * grid.dy()).put("y_end", grid.y0() + (iy + 1) * grid.dy())
                            .put("count", c);
                }
            }
        }
        ObjectNode spec = top(fr, values);
        spec.putObject("mark").put("type", "rect");
        ObjectNode enc = spec.putObject("encoding");
        ObjectNode ex = enc.putObject("x").put("field", "x_start").put("type", "quantitative").put("title", fr.xLabel());
        ex.putObject("scale").putArray("domain").add(grid.x0()).add(grid.x1());
        enc.putObject("x2").put("field", "x_end");
        ObjectNode ey = enc.putObject("y").put("field", "y_start").put("type", "quantitative").put("title", fr.yLabel());
        ey.putObject("scale").putArray("domain").add(grid.y0()).add(grid.y1());
        enc.putObject("y2").put("field", "y_end");
        ObjectNode color = enc.putObject("color").put("field", "count").put("type", "quantitative")
                .put("title", "points per cell");
        color.putObject("scale").put("type", "log").put("scheme", "blues");
        tooltip(enc, List.of(titled(quantity("x_start"), fr.xLabel() + " from"),
                titled(quantity("x_end"), fr.xLabel() + " to"), titled(quantity("y_start"), fr.yLabel() + " from"),
                titled(quantity("y_end"), fr.yLabel() + " to"), quantity("count")));
        return spec;
    }

    private static ObjectNode boxes(Figure.Boxes f) {
        Frame fr = f.frame();
        String g = fr.xLabel() == null ? "group" : fr.xLabel();
        String v = fr.yLabel();
        ObjectNode spec = top(fr, null);
        spec.remove("data");
        ObjectNode datasets = spec.putObject("datasets");
        ArrayNode boxes = datasets.putArray("boxes");
        ArrayNode outliers = datasets.putArray("outliers");
        List<String> groups = new ArrayList<>();
        for (Figure.Box b : f.boxes()) {
            groups.add(b.group());
            boxes.addObject().put(g, b.group()).put("n", b.n()).put("min", b.min()).put("q1", b.q1())
                    .put("median", b.median()).put("q3", b.q3()).put("max", b.max())
                    .put("lower_whisker", b.lowWhisker()).put("upper_whisker", b.highWhisker())
                    .put("outliers", b.outliers());
            b.shownOutliers().forEach(o -> outliers.addObject().put(g, b.group()).put(v, o));
        }
        ObjectNode groupAxis = NODES.objectNode().put("field", field(g)).put("type", "nominal").put("title", fr.xLabel());
        groupAxis.set("sort", strings(groups));
        if (groups.size() > 8) {
            groupAxis.putObject("axis").put("labelAngle", -45);
        }
        ArrayNode layers = spec.putArray("layer");
        ObjectNode whiskers = layers.addObject();
        whiskers.putObject("data").put("name", "boxes");
        whiskers.putObject("mark").put("type", "rule").put("color", "#1F4E89");
        ObjectNode we = whiskers.putObject("encoding");
        we.set("x", groupAxis.deepCopy());
        we.putObject("y").put("field", "lower_whisker").put("type", "quantitative").put("title", v)
                .putObject("scale").put("zero", false);
        we.putObject("y2").put("field", "upper_whisker");
        ObjectNode box = layers.addObject();
        box.putObject("data").put("name", "boxes");
        box.putObject("mark").put("type", "bar").put("size", 28).put("color", "#A9C6E8").put("stroke", "#1F4E89");
        ObjectNode be = box.putObject("encoding");
        be.set("x", groupAxis.deepCopy());
        be.putObject("y").put("field", "q1").put("type", "quantitative");
        be.putObject("y2").put("field", "q3");
        tooltip(be, List.of(nominal(g), quantity("n"), quantity("min"), quantity("q1"), quantity("median"),
                quantity("q3"), quantity("max"), quantity("outliers")));
        ObjectNode median = layers.addObject();
        median.putObject("data").put("name", "boxes");
        median.putObject("mark").put("type", "tick").put("size", 28).put("thickness", 2).put("color", "#1F4E89");
        ObjectNode me = median.putObject("encoding");
        me.set("x", groupAxis.deepCopy());
        me.putObject("y").put("field", "median").put("type", "quantitative");
        ObjectNode dots = layers.addObject();
        dots.putObject("data").put("name", "outliers");
        dots.putObject("mark").put("type", "point").put("color", "#E15759");
        ObjectNode de = dots.putObject("encoding");
        de.set("x", groupAxis.deepCopy());
        de.putObject("y").put("field", field(v)).put("type", "quantitative");
        tooltip(de, List.of(nominal(g), quantity(v)));
        return spec;
    }

    private static ObjectNode histogram(Figure.Histogram f) {
        Frame fr = f.frame();
        ArrayNode values = NODES.arrayNode();
        f.bins().forEach(b -> values.addObject().put("bin_start", b.start()).put("bin_end", b.end()).put("count", b.count()));
        ObjectNode spec = top(fr, values);
        spec.putObject("mark").put("type", "bar").put("color", hex(Charts.seriesColor(0, ""))).put("stroke", "white");
        ObjectNode enc = spec.putObject("encoding");
        ObjectNode x = enc.putObject("x").put("field", "bin_start").put("type", "quantitative").put("title", fr.xLabel());
        x.putObject("bin").put("binned", true);
        enc.putObject("x2").put("field", "bin_end");
        enc.putObject("y").put("field", "count").put("type", "quantitative").put("title", fr.yLabel());
        tooltip(enc, List.of(quantity("bin_start"), quantity("bin_end"), quantity("count")));
        return spec;
    }

    private static ObjectNode heatmap(Figure.Heatmap f) {
        ArrayNode values = NODES.arrayNode();
        for (int i = 0; i < f.names().size(); i++) {
            for (int j = 0; j < f.names().size(); j++) {
                ObjectNode row = values.addObject().put("row", f.names().get(i)).put("column", f.names().get(j));
                double r = f.matrix()[i][j];
                if (Double.isNaN(r)) {
                    row.putNull("r");
                } else {
                    row.put("r", r);
                }
            }
        }
        ObjectNode spec = top(f.frame(), values);
        ObjectNode enc = spec.putObject("encoding");
        enc.putObject("x").put("field", "column").put("type", "nominal").put("title", (String) null)
                .set("sort", strings(f.names()));
        enc.putObject("y").put("field", "row").put("type", "nominal").put("title", (String) null)
                .set("sort", strings(f.names()));
        ArrayNode layers = spec.putArray("layer");
        ObjectNode rect = layers.addObject();
        rect.putObject("mark").put("type", "rect");
        ObjectNode color = rect.putObject("encoding").putObject("color").put("field", "r").put("type", "quantitative")
                .put("title", "Pearson r");
        ObjectNode scale = color.putObject("scale");
        scale.putArray("domain").add(-1).add(0).add(1);
        scale.putArray("range").add("#2166AC").add("#FFFFFF").add("#B2182B");
        tooltip((ObjectNode) rect.get("encoding"), List.of(nominal("row"), nominal("column"), quantity("r")));
        ObjectNode text = layers.addObject();
        text.putObject("mark").put("type", "text");
        text.putObject("encoding").putObject("text").put("field", "r").put("type", "quantitative").put("format", ".2f");
        return spec;
    }

    /** The shared top level: schema, title and subtitle, a container-wide view, the inline data. */
    private static ObjectNode top(Frame frame, ArrayNode values) {
        ObjectNode spec = NODES.objectNode();
        spec.put("$schema", SCHEMA);
        ObjectNode title = spec.putObject("title").put("text", frame.title());
        if (frame.subtitle() != null) {
            title.put("subtitle", frame.subtitle());
        }
        spec.put("width", "container");
        spec.put("height", 360);
        if (values != null) {
            spec.putObject("data").set("values", values);
        }
        return spec;
    }

    /** Consecutive points averaged in runs so a line keeps at most {@code max} points (x and y both averaged). */
    private static List<double[]> averaged(Figure.Line line, int max) {
        int n = line.xs().length;
        List<double[]> out = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) {
                out.add(new double[] {line.xs()[i], line.ys()[i]});
            }
            return out;
        }
        for (int b = 0; b < max; b++) {
            int from = (int) ((long) b * n / max);
            int to = (int) ((long) (b + 1) * n / max);
            double sx = 0;
            double sy = 0;
            int ny = 0;
            for (int i = from; i < to; i++) {
                sx += line.xs()[i];
                if (!Double.isNaN(line.ys()[i])) {
                    sy += line.ys()[i];
                    ny++;
                }
            }
            out.add(new double[] {sx / (to - from), ny == 0 ? Double.NaN : sy / ny});
        }
        return out;
    }

    private static void color(ObjectNode enc, String field, List<String> names) {
        ObjectNode color = enc.putObject("color").put("field", field(field)).put("type", "nominal").put("title", field);
        color.set("sort", strings(names));
        ObjectNode scale = color.putObject("scale");
        scale.set("domain", strings(names));
        ArrayNode range = scale.putArray("range");
        for (int i = 0; i < names.size(); i++) {
            range.add(hex(Charts.seriesColor(i, names.get(i))));
        }
    }

    private static void tooltip(ObjectNode enc, List<ObjectNode> fields) {
        ArrayNode tips = enc.putArray("tooltip");
        fields.forEach(tips::add);
    }

    private static ObjectNode nominal(String name) {
        return field(name, "nominal");
    }

    private static ObjectNode quantity(String name) {
        return field(name, "quantitative").put("format", NUMBER_FORMAT);
    }

    private static ObjectNode field(String name, String type) {
        return NODES.objectNode().put("field", field(name)).put("type", type).put("title", name);
    }

    private static ObjectNode titled(ObjectNode fieldDef, String title) {
        return fieldDef.put("title", title);
    }

    /** The name of the series field (the series column, or "series"). */
    private static String seriesField(Frame frame) {
        return frame.seriesLabel() == null ? "series" : frame.seriesLabel();
    }

    /**
     * A field reference to a data key: Vega-Lite reads dots and brackets in a field as nested access, so they
     * (and backslashes) are escaped.
     */
    static String field(String name) {
        return name.replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[").replace("]", "\\]");
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(out::add);
        return out;
    }

    private static ArrayNode names(List<Figure.Series> series) {
        return strings(series.stream().map(Figure.Series::name).toList());
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    private static void zoom(ObjectNode spec) {
        spec.putArray("params").addObject().put("name", "zoom").put("bind", "scales").put("select", "interval");
    }
}
