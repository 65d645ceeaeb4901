package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.chart.Figure.Frame;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/**
 * Render-and-encode time of a typical bar, line and histogram chart (1000x600): drawing alone, the PNG as
 * JFreeChart's {@code writeChartAsPNG} makes it (the encoder used before), and {@link Charts#png} (drawing plus
 * {@link PngEncoder}). Figures are this thread's CPU time (so other processes on a shared machine count less than
 * in wall time), median of 50 runs after 30 warm-up runs. Not part of the suite (no Test suffix); run it with
 * {@code mvn -o -pl tools test -Dtest=PngTimings -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PngTimings {

    static final int WARM_UP = 30;
    static final int RUNS = 50;
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void medianCpuPerChart() throws Exception {
        List<String> brands = new ArrayList<>();
        double[] sales = new double[12];
        for (int i = 0; i < 12; i++) {
            brands.add("Brand " + (char) ('A' + i));
            sales[i] = 1000 + (i * 7919 % 13) * 250;
        }
        Figure bar = new Figure.Bars(Frame.of("Total sales by brand", "Brand", "Sales"), brands,
                List.of(new Figure.Series("Sales", sales)), false, false);
        List<Figure.Line> lines = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] xs = new double[36];
            double[] ys = new double[36];
            for (int i = 0; i < 36; i++) {
                xs[i] = 1_451_606_400_000.0 + i * 30.4 * 86_400_000;
                ys[i] = 500 + 40 * i + 300 * Math.sin(i / 3.0 + s);
            }
            lines.add(new Figure.Line("Region " + s, xs, ys));
        }
        Figure line = new Figure.Lines(Frame.of("Sales by month", "Month", "Sales").withSeries("Region"), true, lines);
        List<Figure.Bin> bins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            bins.add(new Figure.Bin(i * 10, i * 10 + 10, Math.round(1000 * Math.exp(-Math.pow((i - 12) / 6.0, 2)))));
        }
        Figure histogram = new Figure.Histogram(Frame.of("Distribution of price", "Price", "Rows"), bins);

        StringBuilder out = new StringBuilder("\n| chart | draw only ms | before: writeChartAsPNG ms | bytes"
                + " | after: Charts.png ms | bytes |\n|---|---:|---:|---:|---:|---:|\n");
        for (Figure f : List.of(bar, line, histogram)) {
            double draw = median(() -> {
                BufferedImage img = new BufferedImage(Charts.WIDTH, Charts.HEIGHT, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, Charts.WIDTH, Charts.HEIGHT);
                Charts.chart(f).draw(g, new Rectangle2D.Double(0, 0, Charts.WIDTH, Charts.HEIGHT));
                g.dispose();
                return new byte[0];
            });
            byte[][] old = new byte[1][];
            double before = median(() -> {
                JFreeChart chart = Charts.chart(f);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try {
                    ChartUtils.writeChartAsPNG(bytes, chart, Charts.WIDTH, Charts.HEIGHT);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return old[0] = bytes.toByteArray();
            });
            byte[][] now = new byte[1][];
            double after = median(() -> now[0] = Charts.png(f));
            assertThat(now[0]).isNotEmpty();
            out.append(String.format("| %s | %.1f | %.1f | %,d | %.1f | %,d |%n", f.getClass().getSimpleName(),
                    draw, before, old[0].length, after, now[0].length));
        }
        System.out.println(out);
    }

    static double median(Supplier<byte[]> run) {
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t = THREADS.getCurrentThreadCpuTime();
            run.get();
            if (i >= WARM_UP) {
                cpu.add(THREADS.getCurrentThreadCpuTime() - t);
            }
        }
        cpu.sort(Long::compare);
        return (cpu.get(RUNS / 2 - 1) + cpu.get(RUNS / 2)) / 2.0 / 1e6;
    }
}
