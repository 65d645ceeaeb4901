package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    static BufferedImage decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        return img;
    }

    @Test
    void everyChartKindRendersAPng() throws Exception {
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
        decode(Charts.histogram("Distribution of Sales", "Sales",
                List.of(new Charts.Bin(0, 10, 3), new Charts.Bin(10, 20, 7), new Charts.Bin(20, 30, 1))));
        List<Charts.Slice> slices = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            slices.add(new Charts.Slice("Category number " + i, 1000.0 * i));
        }
        decode(Charts.bar("Sales by category", "Category", "Sales", slices, 12));
        decode(Charts.bar("Short", "Region", "Sales", slices.subList(0, 4), 12));
        decode(Charts.pie("Share", slices, 6));
        List<LocalDateTime> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            xs.add(LocalDate.of(2016, 1, 1).plusMonths(i).atStartOfDay());
            ys.add(1000.0 + i * 250);
        }
        decode(Charts.line("Sales per month", "Order Date", "sum of Sales", xs, ys));
        decode(Charts.columns("Rows per month", "month", "count", slices));
        decode(Charts.categoryLine("Sales per year", "year", "Sales", slices.subList(0, 5)));
        decode(Charts.scatter("Profit vs Sales", "Sales", "Profit", new double[] {1, 2, 3}, new double[] {2, 4, 7}));
        BufferedImage heat = decode(Charts.heatmap("Correlation", List.of("a", "b", "c"),
                new double[][] {{1, 0.9, -0.5}, {0.9, 1, Double.NaN}, {-0.5, Double.NaN, 1}}));
        assertThat(heat.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF); // white background
    }

    @Test
    void topCutsToNAndSumsTheRestAsOther() {
        List<Charts.Slice> top = Charts.top(List.of(new Charts.Slice("a", 1), new Charts.Slice("b", 5),
                new Charts.Slice("c", 3), new Charts.Slice("d", 2)), 2);
        assertThat(top).containsExactly(new Charts.Slice("b", 5), new Charts.Slice("c", 3),
                new Charts.Slice(Charts.OTHER, 3));
        assertThat(Charts.top(top.subList(0, 2), 5)).hasSize(2);
    }

    @Test
    void valueAxisFormatHasThousandsSeparators() {
        assertThat(Charts.numberFormat().format(1234567.891)).isEqualTo("1,234,567.89");
    }
}
