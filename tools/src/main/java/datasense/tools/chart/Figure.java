package datasense.tools.chart;

import java.util.List;

/**
 * What a chart shows, apart from how it is drawn: {@link Charts} renders a figure as a PNG and {@link VegaLite}
 * writes the same figure as a Vega-Lite spec, so the picture and the interactive view cannot disagree. The tools
 * build figures from their data (cutting to the top N, binning, bucketing) before either renderer sees them.
 */
public sealed interface Figure {

    /** The texts around the plot. {@code subtitle} (null when none) says how the data was reduced, if it was. */
    Frame frame();

    /**
     * Title, optional subtitle, the axis titles (for a pie, x names the categories and y the values) and the title
     * of the series legend (the series column; null without series).
     */
    record Frame(String title, String subtitle, String xLabel, String yLabel, String seriesLabel) {

        /** A frame with no subtitle and no series. */
        public static Frame of(String title, String xLabel, String yLabel) {
            return new Frame(title, null, xLabel, yLabel, null);
        }

        public Frame withSubtitle(String text) {
            return new Frame(title, text, xLabel, yLabel, seriesLabel);
        }

        public Frame withSeries(String label) {
            return new Frame(title, subtitle, xLabel, yLabel, label);
        }
    }

    /** A category and its value, as drawn by bar and pie charts. */
    record Slice(String category, double value) {
    }

    /** One histogram bin: [start, end) and how many values fell in it. */
    record Bin(double start, double end, long count) {
    }

    /** One named series of values, aligned with the figure's categories; NaN where the series has no value. */
    record Series(String name, double[] values) {
    }

    /**
     * Bars over categories, drawn in the given order. One series is a plain bar chart; several are grouped side by
     * side, or stacked when {@code stacked}. {@code timeline} keeps the bars vertical (the categories are periods).
     */
    record Bars(Frame frame, List<String> categories, List<Series> series, boolean stacked, boolean timeline)
            implements Figure {

        /** Many or long category names read better as horizontal bars (never for a timeline). */
        public boolean horizontal() {
            int longest = categories.stream().mapToInt(String::length).max().orElse(0);
            int n = categories.size();
            return !timeline && (n > 12 || (n > 5 && longest > 12) || longest > 24);
        }
    }

    /** Lines over ordered categories (x values that are neither dates nor many numbers), one per series. */
    record CategoryLines(Frame frame, List<String> categories, List<Series> series) implements Figure {
    }

    /**
     * Lines over a continuous x, one per series: epoch milliseconds (UTC) when {@code time}, else plain numbers.
     * Points are in x order.
     */
    record Lines(Frame frame, boolean time, List<Line> lines) implements Figure {
    }

    /** One line: its name and its points. */
    record Line(String name, double[] xs, double[] ys) {
    }

    /** A pie of categories (already cut to the top N plus "Other"); values are non-negative. */
    record Pie(Frame frame, List<Slice> slices) implements Figure {
    }

    /**
     * A scatter of points in one or more coloured groups. {@code labels} (null, or one text per point, null for
     * none) annotate the points, as for a scatter of per-group aggregates.
     */
    record Points(Frame frame, List<PointGroup> groups) implements Figure {

        public int size() {
            return groups.stream().mapToInt(g -> g.xs().length).sum();
        }
    }

    /** The points of one colour. */
    record PointGroup(String name, double[] xs, double[] ys, List<String> labels) {
    }

    /** The cells of a 2-D binned scatter: {@code counts[iy * grid.nx() + ix]} points fell in cell (ix, iy). */
    record Density(Frame frame, Grid grid, long[] counts, long total) implements Figure {

        /** A density of {@code xs, ys} on {@code grid}. */
        public static Density of(Frame frame, Grid grid, double[] xs, double[] ys) {
            long[] counts = new long[grid.nx() * grid.ny()];
            for (int i = 0; i < xs.length; i++) {
                counts[grid.cellY(ys[i]) * grid.nx() + grid.cellX(xs[i])]++;
            }
            return new Density(frame, grid, counts, xs.length);
        }
    }

    /**
     * An nx-by-ny grid over [x0, x1] x [y0, y1]. A value's cell is floor((v - lo) / width), clamped so the maximum
     * falls in the last cell; SQL that bins in the database uses the same arithmetic ({@link #sqlCellX}).
     */
    record Grid(double x0, double x1, int nx, double y0, double y1, int ny) {

        /** The grid over the given bounds, widened by one unit when a range is a single value. */
        public static Grid over(double xMin, double xMax, int nx, double yMin, double yMax, int ny) {
            double xa = xMin;
            double xb = xMax;
            double ya = yMin;
            double yb = yMax;
            if (xb <= xa) {
                xa -= 0.5;
                xb += 0.5;
            }
            if (yb <= ya) {
                ya -= 0.5;
                yb += 0.5;
            }
            return new Grid(xa, xb, nx, ya, yb, ny);
        }

        public double dx() {
            return (x1 - x0) / nx;
        }

        public double dy() {
            return (y1 - y0) / ny;
        }

        public int cellX(double x) {
            return clamp((long) Math.floor((x - x0) / dx()), nx);
        }

        public int cellY(double y) {
            return clamp((long) Math.floor((y - y0) / dy()), ny);
        }

        /** The SQL expression of {@link #cellX} for the DOUBLE expression {@code x}. */
        public String sqlCellX(String x) {
            return sqlCell(x, x0, dx(), nx);
        }

        /** The SQL expression of {@link #cellY} for the DOUBLE expression {@code y}. */
        public String sqlCellY(String y) {
            return sqlCell(y, y0, dy(), ny);
        }

        private static String sqlCell(String v, double lo, double width, int n) {
            return "least(greatest(CAST(floor((" + v + " - " + literal(lo) + ") / " + literal(width)
                    + ") AS BIGINT), 0), " + (n - 1) + ")";
        }

        /** A double as an exact SQL DOUBLE (Java's shortest round-trip text, cast). */
        private static String literal(double d) {
            return "CAST('" + d + "' AS DOUBLE)";
        }

        private static int clamp(long cell, int n) {
            return (int) Math.max(0, Math.min(n - 1, cell));
        }
    }

    /**
     * Box plots, one per group: five-number summary, whisker ends (the most extreme values within 1.5 IQR of the
     * quartiles), how many values lie beyond them, and the outliers drawn (the most extreme ones, bounded).
     */
    record Boxes(Frame frame, List<Box> boxes) implements Figure {
    }

    /** One group's box. */
    record Box(String group, long n, double min, double q1, double median, double q3, double max,
               double lowWhisker, double highWhisker, long outliers, List<Double> shownOutliers) {
    }

    /** A histogram of pre-computed bins; x is the value, y the count. */
    record Histogram(Frame frame, List<Bin> bins) implements Figure {
    }

    /** A correlation matrix: {@code matrix[i][j]} between {@code names[i]} and {@code names[j]}; NaN when missing. */
    record Heatmap(Frame frame, List<String> names, double[][] matrix) implements Figure {
    }
}
