package datasense.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A generated orders table (fixed seed): the CSV a test uploads and the aggregates a correct answer must show,
 * computed here row by row. Amounts are whole cents and weights whole tenths, so the expected sums are exact.
 */
final class Orders {

    static final String HEADER = "order_date,region,category,amount,units,weight";
    static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    static final String[] CATEGORIES = {"Garden", "Kitchen", "Toys", "Books"};

    private final int rows;
    private final int[] year;
    private final int[] month;
    private final int[] day;
    private final int[] region;
    private final int[] category;
    private final int[] amountCents;
    private final int[] units;
    private final int[] weightTenths;

    Orders(int rows, long seed) {
        this.rows = rows;
        year = new int[rows];
        month = new int[rows];
        day = new int[rows];
        region = new int[rows];
        category = new int[rows];
        amountCents = new int[rows];
        units = new int[rows];
        weightTenths = new int[rows];
        Random random = new Random(seed);
        for (int i = 0; i < rows; i++) {
            year[i] = 2023 + random.nextInt(2);
            month[i] = 1 + random.nextInt(12);
            day[i] = 1 + random.nextInt(28);
            region[i] = skewed(random, REGIONS.length);
            category[i] = random.nextInt(CATEGORIES.length);
            amountCents[i] = 100 + random.nextInt(50_000) + 7_000 * region[i]; // regions differ, so the order means something
            units[i] = 1 + random.nextInt(9) + category[i];
            weightTenths[i] = 1 + random.nextInt(500);
        }
    }

    /** Not uniform: region 0 is the most frequent. */
    private static int skewed(Random random, int n) {
        return Math.min(random.nextInt(n), random.nextInt(n + 2));
    }

    int rows() {
        return rows;
    }

    byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 48);
        StringBuilder line = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            line.append(year[i]).append('-').append(two(month[i])).append('-').append(two(day[i])).append(',')
                    .append(REGIONS[region[i]]).append(',').append(CATEGORIES[category[i]]).append(',')
                    .append(amountCents[i] / 100).append('.').append(two(amountCents[i] % 100)).append(',')
                    .append(units[i]).append(',')
                    .append(weightTenths[i] / 10).append('.').append(weightTenths[i] % 10).append('\n');
            if (line.length() > 1 << 16) {
                out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                line.setLength(0);
            }
        }
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    Map<String, Double> totalAmountByRegion() {
        return sum(region, REGIONS, amountCents, 100.0);
    }

    Map<String, Double> totalWeightByRegion() {
        return sum(region, REGIONS, weightTenths, 10.0);
    }

    Map<String, Double> totalWeightByCategory() {
        return sum(category, CATEGORIES, weightTenths, 10.0);
    }

    Map<String, Double> averageUnitsByCategory() {
        return average(category, CATEGORIES, units, 1.0);
    }

    Map<String, Double> averageAmountByCategory() {
        return average(category, CATEGORIES, amountCents, 100.0);
    }

    Map<String, Double> averageAmountByRegion() {
        return average(region, REGIONS, amountCents, 100.0);
    }

    /** Total amount per month, keyed "yyyy-MM". */
    Map<String, Double> monthlyAmount() {
        return monthly(amountCents, 100.0);
    }

    /** Total weight per month, keyed "yyyy-MM". */
    Map<String, Double> monthlyWeight() {
        return monthly(weightTenths, 10.0);
    }

    private Map<String, Double> monthly(int[] values, double scale) {
        Map<String, Long> sums = new TreeMap<>();
        for (int i = 0; i < rows; i++) {
            sums.merge(year[i] + "-" + two(month[i]), (long) values[i], Long::sum);
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, v / scale));
        return out;
    }

    private Map<String, Double> sum(int[] group, String[] names, int[] values, double scale) {
        long[] sums = new long[names.length];
        for (int i = 0; i < rows; i++) {
            sums[group[i]] += values[i];
        }
        Map<String, Double> out = new TreeMap<>();
        for (int g = 0; g < names.length; g++) {
            out.put(names[g], sums[g] / scale);
        }
        return out;
    }

    private Map<String, Double> average(int[] group, String[] names, int[] values, double scale) {
        long[] sums = new long[names.length];
        long[] counts = new long[names.length];
        for (int i = 0; i < rows; i++) {
            sums[group[i]] += values[i];
            counts[group[i]]++;
        }
        Map<String, Double> out = new TreeMap<>();
        for (int g = 0; g < names.length; g++) {
            out.put(names[g], sums[g] / scale / counts[g]);
        }
        return out;
    }
}
