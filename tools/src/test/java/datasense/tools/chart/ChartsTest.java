package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.chart.Figure.Frame;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.MultiValueCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

/** Every figure renders a PNG of the right size, and the datasets JFreeChart draws hold the figure's data. */
class ChartsTest {

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        return img;
    }

    static Figure.Bars regionsByYear(boolean stacked) {
        return new Figure.Bars(Frame.of("Sales by region and year", "Region", "Sales").withSeries("Year"),
                List.of("North", "South", "East"),
                List.of(new Figure.Series("2022", new double[] {10, 20, 30}),
                        new Figure.Series("2023", new double[] {15, Double.NaN, 35})), stacked, false);
    }

    @Test
    void everyFigureRendersAPng() throws Exception {
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        decode(Charts.png(new Figure.Histogram(Frame.of("Distribution of Sales", "Sales", "count"),
                List.of(new Figure.Bin(0, 10, 3), new Figure.Bin(10, 20, 7), new Figure.Bin(20, 30, 1)))));
        List<String> names = new ArrayList<>();
        double[] values = new double[30];
        for (int i = 0; i < 30; i++) {
            names.add("Category number " + i);
            values[i] = 1000.0 * i;
        }
        Figure.Bars many = new Figure.Bars(Frame.of("Sales by category", "Category", "Sales"), names,
                List.of(new Figure.Series("Sales", values)), false, false);
        assertThat(many.horizontal()).isTrue();
        decode(Charts.png(many));
        decode(Charts.png(regionsByYear(false)));
        decode(Charts.png(regionsByYear(true)));
        decode(Charts.png(new Figure.Pie(Frame.of("Share", "Category", "Sales"),
                Charts.top(List.of(new Figure.Slice("a", 3), new Figure.Slice("b", 5)), 6))));
        decode(Charts.png(monthly(2)));
        decode(Charts.png(new Figure.CategoryLines(Frame.of("Sales per year", "year", "Sales"),
                List.of("2016", "2017", "2018"), List.of(new Figure.Series("Sales", new double[] {1, 3, 2})))));
        decode(Charts.png(new Figure.Points(Frame.of("Profit vs Sales", "Sales", "Profit"),
                List.of(new Figure.PointGroup("Profit", new double[] {1, 2, 3}, new double[] {2, 4, 7}, null)))));
        decode(Charts.png(boxes()));
        decode(Charts.png(Figure.Density.of(Frame.of("Dense", "x", "y"), Figure.Grid.over(0, 1, 60, 0, 1, 40),
                new double[] {0, 0.5, 1}, new double[] {0, 0.5, 1})));
        BufferedImage heat = decode(Charts.png(new Figure.Heatmap(Frame.of("Correlation", null, null),
                List.of("a", "b", "c"), new double[][] {{1, 0.9, -0.5}, {0.9, 1, Double.NaN}, {-0.5, Double.NaN, 1}})));
        assertThat(heat.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    }

    @Test
    void groupedBarsHoldOneRowPerSeriesAndAGapWhereASeriesHasNoValue() {
        JFreeChart chart = Charts.chart(regionsByYear(false));
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset data = plot.getDataset();
        assertThat(data.getRowKeys()).containsExactly("2022", "2023");
        assertThat(data.getColumnKeys()).containsExactly("North", "South", "East");
        assertThat(data.getValue("2023", "East")).isEqualTo(35.0);
        assertThat(data.getValue("2023", "South")).isNull();
        assertThat(plot.getRenderer()).isNotInstanceOf(StackedBarRenderer.class);
        assertThat(chart.getLegend()).isNotNull();
        assertThat(plot.getRenderer().getSeriesPaint(0)).isNotEqualTo(plot.getRenderer().getSeriesPaint(1));

        CategoryPlot stacked = Charts.chart(regionsByYear(true)).getCategoryPlot();
        assertThat(stacked.getRenderer()).isInstanceOf(StackedBarRenderer.class);
        assertThat(stacked.getDataset().getValue("2022", "North")).isEqualTo(10.0);
    }

    @Test
    void aSingleSeriesHasNoLegendAndTheSubtitleSaysHowTheDataWasReduced() {
        Figure.Bars one = new Figure.Bars(new Frame("Sales", "the first 200 of 5,000 rows only", "Region", "Sales", null),
                List.of("a", "b"), List.of(new Figure.Series("Sales", new double[] {1, 2})), false, false);
        JFreeChart chart = Charts.chart(one);
        assertThat(chart.getLegend()).isNull();
        assertThat(chart.getSubtitles()).anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(TextTitle.class,
                tt -> assertThat(tt.getText()).isEqualTo("the first 200 of 5,000 rows only")));
        assertThat(chart.getCategoryPlot().getOrientation()).isEqualTo(PlotOrientation.VERTICAL);
    }

    static Figure.Lines monthly(int regions) {
        List<Figure.Line> lines = new ArrayList<>();
        for (int r = 0; r < regions; r++) {
            double[] xs = new double[24];
            double[] ys = new double[24];
            for (int i = 0; i < 24; i++) {
                xs[i] = LocalDate.of(2016, 1, 1).plusMonths(i).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                ys[i] = 1000.0 + i * 250 * (r + 1);
            }
            lines.add(new Figure.Line("Region " + r, xs, ys));
        }
        return new Figure.Lines(Frame.of("Sales per month", "Order Date", "sum of Sales").withSeries("Region"), true,
                lines);
    }

    @Test
    void multiSeriesLinesHoldOneTimeSeriesPerLine() {
        XYPlot plot = Charts.chart(monthly(3)).getXYPlot();
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(3);
        assertThat(data.getSeriesKey(2)).isEqualTo("Region 2");
        assertThat(data.getItemCount(0)).isEqualTo(24);
        assertThat(data.getYValue(2, 23)).isEqualTo(1000.0 + 23 * 750);
    }

    static Figure.Boxes boxes() {
        return new Figure.Boxes(new Frame("Box plot of Price by Brand", null, "Brand", "Price", null), List.of(
                new Figure.Box("Acme", 100, 1, 10, 20, 30, 95, 1, 55, 2, List.of(80.0, 95.0)),
                new Figure.Box("Bolt", 50, 5, 12, 14, 18, 22, 5, 22, 0, List.of())));
    }

    @Test
    void boxesCarryTheFiveNumbersAndTheOutliersAsAScatterLayer() {
        CategoryPlot plot = Charts.chart(boxes()).getCategoryPlot();
        BoxAndWhiskerCategoryDataset data = (BoxAndWhiskerCategoryDataset) plot.getDataset(0);
        assertThat(data.getColumnKeys()).containsExactly("Acme", "Bolt");
        assertThat(data.getMedianValue(0, 0)).isEqualTo(20.0);
        assertThat(data.getQ1Value(0, 0)).isEqualTo(10.0);
        assertThat(data.getQ3Value(0, 0)).isEqualTo(30.0);
        assertThat(data.getMaxRegularValue(0, 0)).isEqualTo(55.0);
        assertThat(data.getMaxOutlier(0, 0)).isEqualTo(95.0); // the axis reaches the maximum
        MultiValueCategoryDataset outliers = (MultiValueCategoryDataset) plot.getDataset(1);
        assertThat(outliers.getValues(0, 0)).containsExactly(80.0, 95.0);
        assertThat(outliers.getValues(0, 1)).isEmpty();
    }

    @Test
    void densityDrawsOneBlockPerNonEmptyCellWithItsCount() {
        Figure.Grid grid = Figure.Grid.over(0, 10, 60, 0, 4, 40);
        double[] xs = {0, 0.01, 10, 5};
        double[] ys = {0, 0.01, 4, 2};
        Figure.Density d = Figure.Density.of(Frame.of("d", "x", "y"), grid, xs, ys);
        assertThat(d.counts()[0]).isEqualTo(2); // both first points fall in cell (0, 0)
        assertThat(d.counts()[39 * 60 + 59]).isEqualTo(1); // the maximum folds into the last cell
        XYZDataset data = (XYZDataset) Charts.chart(d).getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(3);
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += data.getZValue(0, i);
        }
        assertThat(sum).isEqualTo(4);
    }

    @Test
    void pointLabelsAreDrawnWithoutOverlapping() {
        int n = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs[i] = i % 8;
            ys[i] = i / 8.0;
            labels.add("Brand " + i);
        }
        JFreeChart chart = Charts.chart(new Figure.Points(Frame.of("Price vs rating", "price", "rating"),
                List.of(new Figure.PointGroup("rating", xs, ys, labels))));
        XYPlot plot = chart.getXYPlot();
        List<XYTextAnnotation> placed = plot.getAnnotations().stream()
                .filter(XYTextAnnotation.class::isInstance).map(XYTextAnnotation.class::cast).toList();
        assertThat(placed).hasSizeGreaterThan(n / 2).hasSizeLessThanOrEqualTo(n);
        // where the labels land on the drawn chart: no two boxes may intersect
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, Charts.WIDTH, Charts.HEIGHT), info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        FontRenderContext frc = g2.getFontRenderContext();
        List<Rectangle2D> boxes = new ArrayList<>();
        for (XYTextAnnotation a : placed) {
            Rectangle2D text = a.getFont().getStringBounds(a.getText(), frc);
            double px = plot.getDomainAxis().valueToJava2D(a.getX(), area, plot.getDomainAxisEdge());
            double py = plot.getRangeAxis().valueToJava2D(a.getY(), area, plot.getRangeAxisEdge());
            Rectangle2D box = new Rectangle2D.Double(px + 0.5, py + 0.5, text.getWidth() - 1, text.getHeight() - 1);
            assertThat(boxes).noneMatch(b -> b.intersects(box));
            assertThat(area.contains(box)).isTrue();
            boxes.add(box);
        }
        g2.dispose();
    }

    @Test
    void topCutsToNAndSumsTheRestAsOther() {
        List<Figure.Slice> top = Charts.top(List.of(new Figure.Slice("a", 1), new Figure.Slice("b", 5),
                new Figure.Slice("c", 3), new Figure.Slice("d", 2)), 2);
        assertThat(top).containsExactly(new Figure.Slice("b", 5), new Figure.Slice("c", 3),
                new Figure.Slice(Charts.OTHER, 3));
        assertThat(Charts.top(top.subList(0, 2), 5)).hasSize(2);
    }

    @Test
    void valueAxisFormatHasThousandsSeparators() {
        assertThat(Charts.numberFormat().format(1234567.891)).isEqualTo("1,234,567.89");
    }
}
