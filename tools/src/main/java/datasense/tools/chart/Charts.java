package datasense.tools.chart;

import datasense.tools.chart.Figure.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.BorderArrangement;
import org.jfree.chart.block.LabelBlock;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultMultiValueCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Report-quality PNG charts of {@link Figure}s with JFreeChart, rendered headless at 1000x600: white background,
 * a title (and a subtitle saying how the data was reduced, when it was), axes labelled with the column names,
 * thousands separators on value axes, date axes for time series, anti-aliased text, a legend only when there are
 * several series, and point labels placed so they do not overlap.
 */
public final class Charts {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    /** The label of the bucket that sums the categories (or series) beyond the top N. */
    public static final String OTHER = "Other";

    static {
        // Charts render on server threads without a display; set before any AWT class initialises.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String FONT = "SansSerif";
    private static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
    private static final Font SUBTITLE_FONT = new Font(FONT, Font.PLAIN, 14);
    private static final Font LABEL_FONT = new Font(FONT, Font.BOLD, 15);
    private static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 13);
    private static final Font ITEM_FONT = new Font(FONT, Font.PLAIN, 12);
    private static final Color PRIMARY = new Color(0x2F6DB5);
    private static final Color OTHER_COLOR = new Color(0xBAB0AC);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color TEXT = new Color(0x333333);
    private static final Color[] PALETTE = {
        new Color(0x2F6DB5), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x4E79A7),
        new Color(0x8CD17D), new Color(0xD37295)
    };
    /** Above this many points a line shows no dots, and a scatter uses smaller, fainter dots. */
    private static final int DOTS_UP_TO = 60;
    private static final int FAINT_FROM = 2_000;

    private Charts() {
    }

    /** The figure as PNG bytes, WIDTH x HEIGHT. */
    public static byte[] png(Figure figure) {
        return png(chart(figure));
    }

    /** The figure as a styled JFreeChart, ready to draw (tests read its datasets). */
    public static JFreeChart chart(Figure figure) {
        JFreeChart chart;
        if (figure instanceof Figure.Bars f) {
            chart = bars(f);
        } else if (figure instanceof Figure.CategoryLines f) {
            chart = categoryLines(f);
        } else if (figure instanceof Figure.Lines f) {
            chart = lines(f);
        } else if (figure instanceof Figure.Pie f) {
            chart = pie(f);
        } else if (figure instanceof Figure.Points f) {
            chart = points(f);
        } else if (figure instanceof Figure.Density f) {
            chart = density(f);
        } else if (figure instanceof Figure.Boxes f) {
            chart = boxes(f);
        } else if (figure instanceof Figure.Histogram f) {
            chart = histogram(f);
        } else if (figure instanceof Figure.Heatmap f) {
            chart = heatmap(f);
        } else {
            throw new IllegalArgumentException("no renderer for " + figure.getClass().getSimpleName());
        }
        finish(chart, figure.frame());
        if (figure instanceof Figure.Points f) {
            placeLabels(chart, f); // needs the final layout: the legend and subtitle take room from the plot
        }
        return chart;
    }

    /** The colour of series {@code index} named {@code name}: grey for "Other", else the palette in turn. */
    public static Color seriesColor(int index, String name) {
        return OTHER.equals(name) ? OTHER_COLOR : PALETTE[index % PALETTE.length];
    }

    private static JFreeChart bars(Figure.Bars f) {
        Frame fr = f.frame();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figure.Series s : f.series()) {
            for (int i = 0; i < f.categories().size(); i++) {
                double v = s.values()[i];
                data.addValue(Double.isNaN(v) ? null : v, s.name(), f.categories().get(i));
            }
        }
        boolean multi = f.series().size() > 1;
        boolean horizontal = f.horizontal();
        PlotOrientation orientation = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
        JFreeChart chart = f.stacked()
                ? ChartFactory.createStackedBarChart(fr.title(), fr.xLabel(), fr.yLabel(), data, orientation, multi,
                false, false)
                : ChartFactory.createBarChart(fr.title(), fr.xLabel(), fr.yLabel(), data, orientation, multi, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        int n = f.categories().size();
        if (multi) {
            for (int i = 0; i < f.series().size(); i++) {
                renderer.setSeriesPaint(i, seriesColor(i, f.series().get(i).name()));
            }
            renderer.setItemMargin(f.stacked() ? 0.0 : 0.04);
            renderer.setMaximumBarWidth(f.stacked() ? 0.08 : 0.2);
        } else {
            renderer.setSeriesPaint(0, PRIMARY);
            renderer.setMaximumBarWidth(0.08);
            renderer.setItemMargin(0.0);
            if (n <= (horizontal ? 30 : 16)) {
                double largest = Arrays.stream(f.series().get(0).values()).map(Math::abs).max().orElse(0);
                renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", labelFormat(largest)));
                renderer.setDefaultItemLabelsVisible(true);
                renderer.setDefaultItemLabelFont(ITEM_FONT);
            }
        }
        styleCategory(plot);
        if (!horizontal && n > 24) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        } else if (!horizontal && n > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (horizontal) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // values along the bottom, as usual
        }
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(multi ? 0.05 : 0.12); // room for the value labels
        return chart;
    }

    private static JFreeChart categoryLines(Figure.CategoryLines f) {
        Frame fr = f.frame();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figure.Series s : f.series()) {
            for (int i = 0; i < f.categories().size(); i++) {
                double v = s.values()[i];
                data.addValue(Double.isNaN(v) ? null : v, s.name(), f.categories().get(i));
            }
        }
        boolean multi = f.series().size() > 1;
        JFreeChart chart = ChartFactory.createLineChart(fr.title(), fr.xLabel(), fr.yLabel(), data,
                PlotOrientation.VERTICAL, multi, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < f.series().size(); i++) {
            renderer.setSeriesPaint(i, multi ? seriesColor(i, f.series().get(i).name()) : PRIMARY);
            renderer.setSeriesStroke(i, lineStroke());
            renderer.setSeriesShapesVisible(i, f.categories().size() <= DOTS_UP_TO);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        styleCategory(plot);
        if (f.categories().size() > 24) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        } else if (f.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static JFreeChart lines(Figure.Lines f) {
        Frame fr = f.frame();
        boolean multi = f.lines().size() > 1;
        int longest = f.lines().stream().mapToInt(l -> l.xs().length).max().orElse(0);
        JFreeChart chart;
        if (f.time()) {
            TimeSeriesCollection data = new TimeSeriesCollection();
            for (Figure.Line line : f.lines()) {
                TimeSeries series = new TimeSeries(line.name());
                for (int i = 0; i < line.xs().length; i++) {
                    double y = line.ys()[i];
                    series.addOrUpdate(new FixedMillisecond((long) line.xs()[i]), Double.isNaN(y) ? null : y);
                }
                data.addSeries(series);
            }
            chart = ChartFactory.createTimeSeriesChart(fr.title(), fr.xLabel(), fr.yLabel(), data, multi, false, false);
            DateAxis axis = (DateAxis) chart.getXYPlot().getDomainAxis();
            axis.setTimeZone(TimeZone.getTimeZone("UTC"));
            axis.setStandardTickUnits(dateTickUnits());
            axis.setLowerMargin(0.02);
            axis.setUpperMargin(0.02);
        } else {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Figure.Line line : f.lines()) {
                XYSeries series = new XYSeries(line.name(), false, true);
                for (int i = 0; i < line.xs().length; i++) {
                    double y = line.ys()[i];
                    series.add(line.xs()[i], Double.isNaN(y) ? null : y);
                }
                data.addSeries(series);
            }
            chart = ChartFactory.createXYLineChart(fr.title(), fr.xLabel(), fr.yLabel(), data, PlotOrientation.VERTICAL,
                    multi, false, false);
        }
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        boolean dots = longest <= DOTS_UP_TO;
        renderer.setDefaultShapesVisible(dots);
        for (int i = 0; i < f.lines().size(); i++) {
            renderer.setSeriesPaint(i, multi ? seriesColor(i, f.lines().get(i).name()) : PRIMARY);
            // a dense line reads better thin: its many turns merge into a blur at full width
            renderer.setSeriesStroke(i, longest > 200 ? new BasicStroke(1.3f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND) : lineStroke());
            renderer.setSeriesShapesVisible(i, dots);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        styleXY(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (!f.time()) {
            NumberAxis x = (NumberAxis) plot.getDomainAxis();
            x.setAutoRangeIncludesZero(false);
            if (f.lines().stream().allMatch(l -> wholeYears(l.xs()))) {
                x.setNumberFormatOverride(new DecimalFormat("0")); // 2016, not 2,016
                x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
        return chart;
    }

    private static JFreeChart pie(Figure.Pie f) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Figure.Slice s : f.slices()) {
            data.setValue(s.category(), s.value());
        }
        JFreeChart chart = ChartFactory.createPieChart(f.frame().title(), data, false, false, false);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.US);
        percent.setMaximumFractionDigits(1);
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0}: {1} ({2})", numberFormat(), percent));
        plot.setLabelFont(TICK_FONT);
        plot.setLabelBackgroundPaint(Color.WHITE);
        plot.setLabelOutlinePaint(GRID);
        plot.setLabelShadowPaint(null);
        plot.setShadowPaint(null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDefaultSectionOutlinePaint(Color.WHITE);
        plot.setDefaultSectionOutlineStroke(new BasicStroke(1.5f));
        plot.setSectionOutlinesVisible(true);
        int i = 0;
        for (String key : data.getKeys()) {
            plot.setSectionPaint(key, OTHER.equals(key) ? OTHER_COLOR : PALETTE[i++ % PALETTE.length]);
        }
        return chart;
    }

    /** Scatter plot of paired values; axes do not force zero so clusters fill the plot. */
    private static JFreeChart points(Figure.Points f) {
        Frame fr = f.frame();
        XYSeriesCollection data = new XYSeriesCollection();
        for (Figure.PointGroup g : f.groups()) {
            XYSeries series = new XYSeries(g.name(), false, true);
            for (int i = 0; i < g.xs().length; i++) {
                series.add(g.xs()[i], g.ys()[i]);
            }
            data.addSeries(series);
        }
        boolean multi = f.groups().size() > 1;
        JFreeChart chart = ChartFactory.createScatterPlot(fr.title(), fr.xLabel(), fr.yLabel(), data,
                PlotOrientation.VERTICAL, multi, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        int total = f.size();
        int alpha = total > FAINT_FROM ? 90 : 170;
        double size = total > 5 * FAINT_FROM ? 4 : total <= 200 ? 8 : 6;
        for (int i = 0; i < f.groups().size(); i++) {
            Color c = multi ? seriesColor(i, f.groups().get(i).name()) : PRIMARY;
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-size / 2, -size / 2, size, size));
        }
        styleXY(plot);
        for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            NumberAxis a = (NumberAxis) axis;
            a.setAutoRangeIncludesZero(false);
            a.setLowerMargin(0.05);
            a.setUpperMargin(0.08); // room for a label right of or above the last point
        }
        if (multi) {
            chart.getLegend().setItemFont(TICK_FONT);
        }
        return chart;
    }

    /**
     * Labels next to their points: each tries eight places around its point (right first) and takes the first that
     * stays inside the plot and covers no other label or point; a label with no free place is left out.
     */
    private static void placeLabels(JFreeChart chart, Figure.Points f) {
        if (f.groups().stream().allMatch(g -> g.labels() == null)) {
            return;
        }
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = scratch.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
        g2.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        ValueAxis xAxis = plot.getDomainAxis();
        ValueAxis yAxis = plot.getRangeAxis();
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        List<Rectangle2D> taken = new ArrayList<>();
        for (Figure.PointGroup g : f.groups()) {
            for (int i = 0; i < g.xs().length; i++) {
                double px = xAxis.valueToJava2D(g.xs()[i], area, xEdge);
                double py = yAxis.valueToJava2D(g.ys()[i], area, yEdge);
                taken.add(new Rectangle2D.Double(px - 4, py - 4, 8, 8));
            }
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double gap = 5;
        for (Figure.PointGroup g : f.groups()) {
            if (g.labels() == null) {
                continue;
            }
            for (int i = 0; i < g.xs().length; i++) {
                String text = g.labels().get(i);
                if (text == null || text.isBlank()) {
                    continue;
                }
                Rectangle2D bounds = ITEM_FONT.getStringBounds(text, frc);
                double w = bounds.getWidth();
                double h = bounds.getHeight();
                double px = xAxis.valueToJava2D(g.xs()[i], area, xEdge);
                double py = yAxis.valueToJava2D(g.ys()[i], area, yEdge);
                double[][] places = {
                    {px + gap, py - h / 2}, {px - gap - w, py - h / 2}, {px - w / 2, py - gap - h}, {px - w / 2, py + gap},
                    {px + gap, py - gap - h}, {px + gap, py + gap}, {px - gap - w, py - gap - h}, {px - gap - w, py + gap}
                };
                for (double[] p : places) {
                    Rectangle2D box = new Rectangle2D.Double(p[0], p[1], w, h);
                    if (!area.contains(box) || taken.stream().anyMatch(t -> t.intersects(box))) {
                        continue;
                    }
                    taken.add(box);
                    XYTextAnnotation a = new XYTextAnnotation(text, xAxis.java2DToValue(p[0], area, xEdge),
                            yAxis.java2DToValue(p[1], area, yEdge));
                    a.setFont(ITEM_FONT);
                    a.setPaint(TEXT);
                    a.setTextAnchor(TextAnchor.TOP_LEFT);
                    plot.addAnnotation(a);
                    break;
                }
            }
        }
    }

    /** A 2-D binned scatter: each non-empty cell shaded by its count on a log scale, with a scale legend. */
    private static JFreeChart density(Figure.Density f) {
        Figure.Grid grid = f.grid();
        int cells = 0;
        long max = 1;
        for (long c : f.counts()) {
            if (c > 0) {
                cells++;
                max = Math.max(max, c);
            }
        }
        double[] xs = new double[cells];
        double[] ys = new double[cells];
        double[] zs = new double[cells];
        int k = 0;
        for (int iy = 0; iy < grid.ny(); iy++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                long c = f.counts()[iy * grid.nx() + ix];
                if (c > 0) {
                    xs[k] = grid.x0() + ix * grid.dx();
                    ys[k] = grid.y0() + iy * grid.dy();
                    zs[k++] = c;
                }
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("count", new double[][] {xs, ys, zs});
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(grid.dx());
        renderer.setBlockHeight(grid.dy());
        renderer.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
        LogBlues scale = new LogBlues(max);
        renderer.setPaintScale(scale);
        NumberAxis x = new NumberAxis(f.frame().xLabel());
        x.setRange(grid.x0(), grid.x1());
        NumberAxis y = new NumberAxis(f.frame().yLabel());
        y.setRange(grid.y0(), grid.y1());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        styleXY(plot);
        JFreeChart chart = new JFreeChart(f.frame().title(), TITLE_FONT, plot, false);
        // the legend runs over log10(count), evenly, and labels its ticks 1, 10, 100, ...
        NumberAxis legendAxis = new NumberAxis("points per cell");
        legendAxis.setRange(0, Math.log10(scale.getUpperBound()));
        legendAxis.setTickUnit(new NumberTickUnit(1, new PowersOfTen()));
        legendAxis.setTickLabelFont(TICK_FONT);
        legendAxis.setLabelFont(TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(scale.exponents(), legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setMargin(new RectangleInsets(40, 10, 40, 10));
        legend.setStripWidth(16);
        legend.setSubdivisionCount(100);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * Box plots per group: the box spans the quartiles with a line at the median, whiskers reach the most extreme
     * values within 1.5 IQR, and the outliers beyond are small circles (a separate scatter layer, so their size
     * does not grow with the box width).
     */
    private static JFreeChart boxes(Figure.Boxes f) {
        Frame fr = f.frame();
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        DefaultMultiValueCategoryDataset outliers = new DefaultMultiValueCategoryDataset();
        for (Figure.Box b : f.boxes()) {
            // min and max as the "far out" limits: every outlier is drawn by the scatter layer, none as a far-out mark
            data.add(new BoxAndWhiskerItem(null, b.median(), b.q1(), b.q3(), b.lowWhisker(), b.highWhisker(),
                    b.min(), b.max(), List.of()), fr.yLabel(), b.group());
            outliers.add(new ArrayList<>(b.shownOutliers()), "outliers", b.group());
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setFillBox(true);
        renderer.setMeanVisible(false);
        renderer.setMedianVisible(true);
        renderer.setSeriesPaint(0, new Color(0xA9C6E8));
        renderer.setSeriesOutlinePaint(0, new Color(0x1F4E89));
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setArtifactPaint(new Color(0x1F4E89));
        renderer.setMaximumBarWidth(0.09);
        renderer.setWhiskerWidth(0.5);
        renderer.setMinOutlierVisible(false);
        renderer.setMaxOutlierVisible(false);
        CategoryAxis domain = new CategoryAxis(fr.xLabel());
        NumberAxis range = new NumberAxis(fr.yLabel());
        range.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        ScatterRenderer dots = new ScatterRenderer();
        dots.setUseSeriesOffset(false);
        dots.setSeriesPaint(0, new Color(0xE15759));
        dots.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        dots.setSeriesShapesFilled(0, false);
        dots.setDrawOutlines(true); // hollow circles: the outline is all there is to draw
        dots.setUseOutlinePaint(false);
        dots.setSeriesOutlineStroke(0, new BasicStroke(1.3f));
        plot.setDataset(1, outliers);
        plot.setRenderer(1, dots);
        styleCategory(plot);
        int n = f.boxes().size();
        int longest = f.boxes().stream().mapToInt(b -> b.group().length()).max().orElse(0);
        if (n > 24) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        } else if (n * (longest + 2) * 8 > WIDTH - 150) { // the names would not fit side by side
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return new JFreeChart(fr.title(), TITLE_FONT, plot, false);
    }

    private static JFreeChart histogram(Figure.Histogram f) {
        XYIntervalSeries series = new XYIntervalSeries("count");
        for (Figure.Bin b : f.bins()) {
            series.add((b.start() + b.end()) / 2, b.start(), b.end(), b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart(f.frame().title(), f.frame().xLabel(), false,
                f.frame().yLabel(), data, PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        renderer.setMargin(0.0);
        NumberAxis x = new NumberAxis(f.frame().xLabel());
        x.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        styleXY(plot);
        return chart;
    }

    /**
     * Correlation heatmap: coloured blue (-1) through white (0) to red (+1), each cell printed with its value;
     * missing values (NaN) are grey and printed "n/a".
     */
    private static JFreeChart heatmap(Figure.Heatmap f) {
        List<String> names = f.names();
        double[][] matrix = f.matrix();
        int k = names.size();
        double[] xs = new double[k * k];
        double[] ys = new double[k * k];
        double[] zs = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                xs[i * k + j] = j;
                ys[i * k + j] = i;
                zs[i * k + j] = matrix[i][j];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("r", new double[][] {xs, ys, zs});
        String[] labels = names.toArray(String[]::new);
        SymbolAxis x = new SymbolAxis(null, labels);
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setInverted(true); // first variable at the top, as in a printed matrix
        for (SymbolAxis a : List.of(x, y)) {
            a.setTickLabelFont(TICK_FONT);
            a.setGridBandsVisible(false);
            a.setAxisLineVisible(false);
        }
        if (k > 5) {
            x.setVerticalTickLabels(true);
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = new DivergingScale();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        Font cellFont = new Font(FONT, Font.BOLD, k <= 8 ? 15 : k <= 15 ? 11 : 8);
        DecimalFormat two = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.US));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double r = matrix[i][j];
                XYTextAnnotation a = new XYTextAnnotation(Double.isNaN(r) ? "n/a" : two.format(r), j, i);
                a.setFont(cellFont);
                a.setPaint(!Double.isNaN(r) && Math.abs(r) > 0.6 ? Color.WHITE : Color.BLACK);
                a.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(a);
            }
        }
        JFreeChart chart = new JFreeChart(f.frame().title(), TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("Pearson r");
        legendAxis.setRange(-1, 1);
        legendAxis.setTickLabelFont(TICK_FONT);
        legendAxis.setLabelFont(LABEL_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setMargin(new RectangleInsets(40, 10, 40, 10));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(100);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The slices largest first, cut to {@code topN} with the rest summed as "Other" (last). Null or
     * non-finite values count as zero.
     */
    public static List<Figure.Slice> top(List<Figure.Slice> slices, int topN) {
        List<Figure.Slice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble((Figure.Slice s) -> s.value()).reversed());
        if (topN <= 0 || sorted.size() <= topN) {
            return sorted;
        }
        double rest = 0;
        for (Figure.Slice s : sorted.subList(topN, sorted.size())) {
            rest += s.value();
        }
        List<Figure.Slice> out = new ArrayList<>(sorted.subList(0, topN));
        out.add(new Figure.Slice(OTHER, rest));
        return out;
    }

    /** US-style number format with thousands separators and up to two decimals. */
    public static NumberFormat numberFormat() {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setGroupingUsed(true);
        f.setMaximumFractionDigits(2);
        return f;
    }

    /**
     * The format of the value printed on a bar: cents only below 1,000, so neighbouring labels of large values
     * stay apart (137,063 rather than 137,063.26; the exact value is in the table).
     */
    private static NumberFormat labelFormat(double largest) {
        NumberFormat f = numberFormat();
        if (largest >= 1_000) {
            f.setMaximumFractionDigits(0);
        }
        return f;
    }

    private static boolean wholeYears(double[] xs) {
        for (double x : xs) {
            if (x != Math.rint(x) || Math.abs(x) >= 10_000) {
                return false;
            }
        }
        return true;
    }

    private static BasicStroke lineStroke() {
        return new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static TickUnits dateTickUnits() {
        TickUnits units = new TickUnits();
        TimeZone utc = TimeZone.getTimeZone("UTC");
        SimpleDateFormat minutes = date("d MMM yyyy HH:mm", utc);
        SimpleDateFormat days = date("d MMM yyyy", utc);
        SimpleDateFormat months = date("MMM yyyy", utc);
        SimpleDateFormat years = date("yyyy", utc);
        units.add(new DateTickUnit(DateTickUnitType.MINUTE, 15, minutes));
        units.add(new DateTickUnit(DateTickUnitType.HOUR, 1, minutes));
        units.add(new DateTickUnit(DateTickUnitType.HOUR, 6, minutes));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 1, days));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 2, days));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 7, days));
        units.add(new DateTickUnit(DateTickUnitType.DAY, 14, days));
        units.add(new DateTickUnit(DateTickUnitType.MONTH, 1, months));
        units.add(new DateTickUnit(DateTickUnitType.MONTH, 2, months));
        units.add(new DateTickUnit(DateTickUnitType.MONTH, 3, months));
        units.add(new DateTickUnit(DateTickUnitType.MONTH, 6, months));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 1, years));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 2, years));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 5, years));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 10, years));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 25, years));
        units.add(new DateTickUnit(DateTickUnitType.YEAR, 100, years));
        return units;
    }

    private static SimpleDateFormat date(String pattern, TimeZone zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.US);
        f.setTimeZone(zone);
        return f;
    }

    private static void styleXY(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
    }

    private static void styleCategory(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setLabelFont(LABEL_FONT);
        domain.setTickLabelFont(TICK_FONT);
        domain.setMaximumCategoryLabelLines(2);
        if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
            domain.setMaximumCategoryLabelWidthRatio(0.35f); // names on the left may take a third of the width
        }
        domain.setCategoryMargin(0.15);
        styleAxis(plot.getRangeAxis());
    }

    private static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        if (axis instanceof NumberAxis number && !(axis instanceof SymbolAxis) && number.getNumberFormatOverride() == null) {
            number.setNumberFormatOverride(numberFormat());
        }
    }

    /** Title fonts, the subtitle under the title, and a frameless legend below the plot. */
    private static void finish(JFreeChart chart, Frame frame) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(10, 10, 10, 20));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPadding(new RectangleInsets(4, 4, frame.subtitle() == null ? 12 : 2, 4));
        }
        if (frame.subtitle() != null) {
            TextTitle sub = new TextTitle(frame.subtitle(), SUBTITLE_FONT);
            sub.setPaint(new Color(0x555555));
            sub.setPosition(RectangleEdge.TOP);
            sub.setPadding(new RectangleInsets(0, 4, 10, 4));
            chart.addSubtitle(0, sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(TICK_FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
            if (frame.seriesLabel() != null) {
                // "Region:" before the items, so the colours say what they stand for
                BlockContainer wrapper = new BlockContainer(new BorderArrangement());
                LabelBlock heading = new LabelBlock(frame.seriesLabel() + ":", LABEL_FONT.deriveFont(13f));
                heading.setPadding(2, 4, 2, 8);
                wrapper.add(heading, RectangleEdge.LEFT);
                wrapper.add(legend.getItemContainer());
                legend.setWrapper(wrapper);
            }
        }
    }

    /**
     * Draws on an opaque RGB image (every chart has a white background, so no alpha channel is needed) and encodes
     * it with {@link PngEncoder}. JFreeChart's own {@code writeChartAsPNG} drew on ARGB and used ImageIO's writer
     * at its highest level: several times slower (figures in docs/BENCHMARKS.md, "Tool-side cold path").
     */
    private static byte[] png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, WIDTH, HEIGHT);
            chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g2.dispose();
        }
        return PngEncoder.encode(image);
    }

    /** Light to dark blue by the logarithm of the count, so sparse cells stay visible beside dense ones. */
    private static final class LogBlues implements PaintScale, java.io.Serializable {

        private static final Color LIGHT = new Color(0xC6DBEF);
        private static final Color DARK = new Color(0x08306B);
        private final double max;

        LogBlues(long max) {
            this.max = Math.max(10, max);
        }

        @Override
        public double getLowerBound() {
            return 1;
        }

        @Override
        public double getUpperBound() {
            return max;
        }

        @Override
        public Paint getPaint(double value) {
            double t = value <= 1 ? 0 : Math.min(1, Math.log(value) / Math.log(max));
            return new Color(mix(LIGHT.getRed(), DARK.getRed(), t), mix(LIGHT.getGreen(), DARK.getGreen(), t),
                    mix(LIGHT.getBlue(), DARK.getBlue(), t));
        }

        /** The same colours over log10 of the count, for a legend drawn evenly in orders of magnitude. */
        PaintScale exponents() {
            LogBlues counts = this;
            return new PaintScale() {
                @Override
                public double getLowerBound() {
                    return 0;
                }

                @Override
                public double getUpperBound() {
                    return Math.log10(max);
                }

                @Override
                public Paint getPaint(double exponent) {
                    return counts.getPaint(Math.pow(10, exponent));
                }
            };
        }
    }

    /** Formats an exponent e as 10^e with thousands separators: 0 → 1, 3 → 1,000. */
    private static final class PowersOfTen extends NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition pos) {
            return out.append(numberFormat().format(Math.round(Math.pow(10, number))));
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition pos) {
            return format((double) number, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    /** Blue for -1, white for 0, red for +1; grey for missing values. */
    private static final class DivergingScale implements PaintScale, java.io.Serializable {

        private static final Color NEGATIVE = new Color(0x2166AC);
        private static final Color POSITIVE = new Color(0xB2182B);

        @Override
        public double getLowerBound() {
            return -1;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return new Color(0xCCCCCC);
            }
            double v = Math.max(-1, Math.min(1, value));
            Color end = v < 0 ? NEGATIVE : POSITIVE;
            double t = Math.abs(v);
            return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
        }
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
