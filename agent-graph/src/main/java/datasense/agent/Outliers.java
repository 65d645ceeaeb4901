package datasense.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Values that stand apart from the rest: beyond Tukey's 1.5 IQR fences (with at least {@link #MIN_IQR} values,
 * and a non-zero IQR) or more than 3 standard deviations from the mean (with at least {@link #MIN_Z} values,
 * since with fewer no value can reach |z| > 3).
 */
final class Outliers {

    /** Fewer values give quartiles too coarse to call anything an outlier. */
    static final int MIN_IQR = 8;
    /** With n values |z| is at most (n-1)/sqrt(n), which first exceeds 3 at n = 11. */
    static final int MIN_Z = 12;

    /** One outlying value: its index in the input, the value, and whether it is above (high) or below. */
    record Outlier(int index, double value, boolean high) {
    }

    private Outliers() {
    }

    /** The outliers among {@code values} (nulls skipped), farthest from the median first. */
    static List<Outlier> find(List<Double> values) {
        double[] sorted = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        int n = sorted.length;
        if (n < MIN_IQR) {
            return List.of();
        }
        double q1 = quantile(sorted, 0.25);
        double q3 = quantile(sorted, 0.75);
        double iqr = q3 - q1;
        double low = q1 - 1.5 * iqr;
        double high = q3 + 1.5 * iqr;
        double mean = Arrays.stream(sorted).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / n);
        double median = quantile(sorted, 0.5);
        List<Outlier> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || v.isNaN()) {
                continue;
            }
            boolean byIqr = iqr > 0 && (v < low || v > high);
            boolean byZ = n >= MIN_Z && sd > 0 && Math.abs(v - mean) / sd > 3;
            if (byIqr || byZ) {
                out.add(new Outlier(i, v, v > median));
            }
        }
        out.sort(Comparator.comparingDouble((Outlier o) -> -Math.abs(o.value() - median)));
        return out;
    }

    /** Linear interpolation between closest ranks (as DuckDB's quantile_cont and numpy's default). */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
