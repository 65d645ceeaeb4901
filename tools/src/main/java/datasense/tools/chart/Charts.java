package datasense.tools.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Report-quality PNG charts with JFreeChart, rendered headless at 1000x600: white background, a title,
 * axes labelled with the column names, thousands separators on value axes, date axes for time series,
 * anti-aliased text and no legend for a single series.
 */
public final class Charts {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    /** The label of the bucket that sums the categories beyond the top N. */
    public static final String OTHER = "Other";

    static {
        // Charts render on server threads without a display; set before any AWT class initialises.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String FONT = "SansSerif";
    private static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 22);
    private static final Font LABEL_FONT = new Font(FONT, Font.BOLD, 15);
    private static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 13);
    private static final Font ITEM_FONT = new Font(FONT, Font.PLAIN, 12);
    private static final Color PRIMARY = new Color(0x2F6DB5);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color[] PALETTE = {
        new Color(0x2F6DB5), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
        new Color(0x4E79A7), new Color(0x8CD17D), new Color(0xD37295)
    };

    private Charts() {
    }

    /** One histogram bin: [start, end) and how many values fell in it. */
    public record Bin(double start, double end, long count) {
    }

    /** A category and its value, as drawn by bar and pie charts. */
    public record Slice(String category, double value) {
    }

    /** Histogram of pre-computed bins; the x axis is {@code valueLabel}, the y axis the count. */
    public static byte[] histogram(String title, String valueLabel, List<Bin> bins) {
        XYIntervalSeries series = new XYIntervalSeries("count");
        for (Bin b : bins) {
            series.add((b.start() + b.end()) / 2, b.start(), b.end(), b.count(), b.count(), b.count());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(series);
        JFreeChart chart = ChartFactory.createXYBarChart(title, valueLabel, false, "count", data,
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setDrawBarOutline(true);
        renderer.setSeriesOutlinePaint(0, Color.WHITE);
        renderer.setMargin(0.0);
        NumberAxis x = new NumberAxis(valueLabel);
        x.setAutoRangeIncludesZero(false);
        plot.setDomainAxis(x);
        styleXY(plot);
        return png(chart);
    }

    /**
     * Bar chart of categories, largest first; beyond {@code topN} the rest are summed as "Other" (drawn
     * last). Many or long category names switch to horizontal bars so the names stay readable.
     */
    public static byte[] bar(String title, String categoryLabel, String valueLabel, List<Slice> slices, int topN) {
        return barChart(title, categoryLabel, valueLabel, top(slices, topN), false);
    }

    /** Bar chart that keeps the given order (e.g. most frequent first, Other last) and draws every category. */
    public static byte[] barInOrder(String title, String categoryLabel, String valueLabel, List<Slice> slices) {
        return barChart(title, categoryLabel, valueLabel, slices, false);
    }

    /** Vertical bars left to right in the given order, for time buckets (x labels are periods). */
    public static byte[] columns(String title, String categoryLabel, String valueLabel, List<Slice> slices) {
        return barChart(title, categoryLabel, valueLabel, slices, true);
    }

    private static byte[] barChart(String title, String categoryLabel, String valueLabel, List<Slice> slices,
                                   boolean alwaysVertical) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int longest = 0;
        for (Slice s : slices) {
            data.addValue(s.value(), valueLabel, s.category());
            longest = Math.max(longest, s.category().length());
        }
        boolean horizontal = !alwaysVertical
                && (slices.size() > 12 || (slices.size() > 5 && longest > 12) || longest > 24);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setMaximumBarWidth(0.08);
        renderer.setItemMargin(0.0);
        if (slices.size() <= (horizontal ? 30 : 16)) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", numberFormat()));
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(ITEM_FONT);
        }
        styleCategory(plot);
        if (!horizontal && slices.size() > 24) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        } else if (!horizontal && slices.size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (horizontal) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT); // values along the bottom, as usual
        }
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setUpperMargin(0.12); // room for the value labels
        return png(chart);
    }

    /** Line chart over a date axis (UTC), one point per x; the y axis is {@code yLabel}. */
    public static byte[] line(String title, String xLabel, String yLabel, List<LocalDateTime> xs,
                              List<? extends Number> ys) {
        TimeSeries series = new TimeSeries(yLabel);
        long minMillis = Long.MAX_VALUE;
        long maxMillis = Long.MIN_VALUE;
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i) == null) {
                continue;
            }
            long millis = xs.get(i).toInstant(ZoneOffset.UTC).toEpochMilli();
            minMillis = Math.min(minMillis, millis);
            maxMillis = Math.max(maxMillis, millis);
            Number y = ys.get(i);
            series.addOrUpdate(new FixedMillisecond(millis), y == null ? null : y.doubleValue());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(series);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, xLabel, yLabel, data, false, false, false);
        XYPlot plot = chart.getXYPlot();
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setStandardTickUnits(dateTickUnits());
        axis.setLowerMargin(0.02);
        axis.setUpperMargin(0.02);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        boolean dots = xs.size() <= 60;
        renderer.setDefaultShapesVisible(dots);
        renderer.setSeriesShapesVisible(0, dots);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        styleXY(plot);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return png(chart);
    }

    /** Line chart over ordered categories (x values that are not dates). */
    public static byte[] categoryLine(String title, String xLabel, String yLabel, List<Slice> points) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Slice s : points) {
            data.addValue(s.value(), yLabel, s.category());
        }
        JFreeChart chart = ChartFactory.createLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, PRIMARY);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesShapesVisible(0, points.size() <= 60);
        styleCategory(plot);
        if (points.size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return png(chart);
    }

    /** Pie chart of the largest {@code topN} categories plus "Other"; labels show value and share. */
    public static byte[] pie(String title, List<Slice> slices, int topN) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Slice s : top(slices, topN)) {
            data.setValue(s.category(), s.value());
        }
        JFreeChart chart = ChartFactory.createPieChart(title, data, false, false, false);
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
        for (Object key : data.getKeys()) {
            Color c = OTHER.equals(key) ? new Color(0xBAB0AC) : PALETTE[i++ % PALETTE.length];
            plot.setSectionPaint((String) key, c);
        }
        return png(chart);
    }

    /** Scatter plot of paired values; axes do not force zero so clusters fill the plot. */
    public static byte[] scatter(String title, String xLabel, String yLabel, double[] xs, double[] ys) {
        XYSeries series = new XYSeries(yLabel, false, true);
        for (int i = 0; i < xs.length; i++) {
            series.add(xs[i], ys[i]);
        }
        JFreeChart chart = ChartFactory.createScatterPlot(title, xLabel, yLabel, new XYSeriesCollection(series),
                PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x2F, 0x6D, 0xB5, xs.length > 2000 ? 90 : 170));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        styleXY(plot);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return png(chart);
    }

    /**
     * Correlation heatmap: {@code matrix[i][j]} for variables {@code names}, coloured blue (-1) through white
     * (0) to red (+1), each cell printed with its value; missing values (NaN) are grey and printed "n/a".
     */
    public static byte[] heatmap(String title, List<String> names, double[][] matrix) {
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
        DecimalFormat two = new DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.US));
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
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, false);
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
        return png(chart);
    }

    /**
     * The slices largest first, cut to {@code topN} with the rest summed as "Other" (last). Null or
     * non-finite values count as zero.
     */
    public static List<Slice> top(List<Slice> slices, int topN) {
        List<Slice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble((Slice s) -> s.value()).reversed());
        if (topN <= 0 || sorted.size() <= topN) {
            return sorted;
        }
        double rest = 0;
        for (Slice s : sorted.subList(topN, sorted.size())) {
            rest += s.value();
        }
        List<Slice> out = new ArrayList<>(sorted.subList(0, topN));
        out.add(new Slice(OTHER, rest));
        return out;
    }

    /** US-style number format with thousands separators and up to two decimals. */
    public static NumberFormat numberFormat() {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setGroupingUsed(true);
        f.setMaximumFractionDigits(2);
        return f;
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
        if (axis instanceof NumberAxis number && !(axis instanceof SymbolAxis)) {
            number.setNumberFormatOverride(numberFormat());
        }
    }

    private static byte[] png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(10, 10, 10, 20));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPadding(new RectangleInsets(4, 4, 12, 4));
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
