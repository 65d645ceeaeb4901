package datasense.agent;

import datasense.tools.Column;
import datasense.tools.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Short insights computed from a result table's shape, without a language model: a single value, a time series
 * (date + number), a grouped table (category + number) or a correlation table. Every number in the text is a
 * cell of the table (formatted) or plainly derived from cells (shares, ratios, changes).
 */
final class TableInsight {

    private static final Pattern DATE_LIKE = Pattern.compile("\\d{4}(-\\d{2}){0,2}([ T].*)?|\\d{4}-Q[1-4]");

    private TableInsight() {
    }

    /** The insight of a table by shape (single value, time series, grouped), or null when none fits. */
    static String of(Table t) {
        if (t == null || t.columns() == null || t.columns().isEmpty()) {
            return null;
        }
        if (t.rows().isEmpty()) {
            return "no rows matched.";
        }
        if (t.rows().size() == 1) {
            return single(t);
        }
        String series = series(t);
        return series != null ? series : grouped(t);
    }

    /** One row: its numbers, labelled by the row's category if it has one, else by their column names. */
    static String single(Table t) {
        List<Object> row = t.rows().get(0);
        List<Integer> nums = numericColumns(t);
        if (nums.isEmpty()) {
            return null;
        }
        List<Integer> texts = textColumns(t);
        if (nums.size() == 1 && t.columns().size() == 1
                && t.columns().get(0).name().toLowerCase(java.util.Locale.ROOT).contains("corr")) {
            Double r = Numbers.value(cell(row, nums.get(0)));
            return r == null ? "no correlation could be computed (too few values)."
                    : "r = " + String.format(java.util.Locale.ROOT, "%.2f", r) + ", " + strength(r) + ".";
        }
        if (nums.size() == 1) {
            int c = nums.get(0);
            String label = texts.isEmpty() ? t.columns().get(c).name()
                    : cell(row, texts.get(0)) + " " + t.columns().get(c).name();
            Double v = Numbers.value(cell(row, c));
            return label + ": " + (v == null ? "no value: no matching row has one" : Numbers.format(v)) + ".";
        }
        List<String> parts = new ArrayList<>();
        for (int c : nums.subList(0, Math.min(4, nums.size()))) {
            Double v = Numbers.value(cell(row, c));
            parts.add(t.columns().get(c).name() + ": " + (v == null ? "no value" : Numbers.format(v)));
        }
        return String.join(", ", parts) + ".";
    }

    /** Date + number: direction and change from the first period to the last, and the peak period. */
    static String series(Table t) {
        int time = timeColumn(t);
        if (time < 0) {
            return null;
        }
        int value = firstNumericExcept(t, time);
        if (value < 0) {
            return null;
        }
        record Point(Object period, double value) {
        }
        List<Point> points = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Double v = Numbers.value(cell(row, value));
            if (cell(row, time) != null && v != null) {
                points.add(new Point(cell(row, time), v));
            }
        }
        if (points.size() < 2) {
            return null;
        }
        points.sort(Comparator.comparing(p -> sortKey(p.period())));
        Point first = points.get(0);
        Point last = points.get(points.size() - 1);
        Point peak = points.stream().max(Comparator.comparingDouble(Point::value)).orElseThrow();
        String name = t.columns().get(value).name();
        double delta = last.value() - first.value();
        String direction = delta > 0 ? "rose" : delta < 0 ? "fell" : "was flat";
        StringBuilder s = new StringBuilder(name).append(' ').append(direction);
        if (delta != 0 && first.value() != 0) {
            s.append(' ').append(Numbers.percent(Math.abs(delta / first.value())));
        }
        s.append(" from ").append(Numbers.format(first.value())).append(" in ").append(period(first.period()))
                .append(" to ").append(Numbers.format(last.value())).append(" in ").append(period(last.period()))
                .append("; peak ").append(Numbers.format(peak.value())).append(" in ").append(period(peak.period()))
                .append(" (").append(points.size()).append(" periods).");
        s.append(outliers(points.stream().map(p -> (Object) period(p.period())).toList(),
                points.stream().map(Point::value).toList()));
        return s.toString();
    }

    /**
     * Category + number: the leader and the laggard with their share of the total, the spread (how many times
     * the smallest the largest is, for a few positive groups; the range and coefficient of variation for many;
     * the difference when values go negative) and the outlying groups.
     */
    static String grouped(Table t) {
        List<Integer> texts = textColumns(t);
        List<Integer> nums = numericColumns(t);
        if (texts.isEmpty() || nums.isEmpty()) {
            return null;
        }
        int cat = texts.get(0);
        int value = nums.get(0);
        Object leader = null;
        Object laggard = null;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double total = 0;
        boolean negative = false;
        List<Object> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            Double v = Numbers.value(cell(row, value));
            if (v == null) {
                continue;
            }
            labels.add(label(cell(row, cat)));
            values.add(v);
            total += v;
            negative |= v < 0;
            if (v > max) {
                max = v;
                leader = cell(row, cat);
            }
            if (v < min) {
                min = v;
                laggard = cell(row, cat);
            }
        }
        int groups = values.size();
        if (groups < 2) {
            return null;
        }
        String name = t.columns().get(value).name();
        String shown = t.truncated() && t.totalRows() > t.rows().size() ? " shown (of " + t.totalRows() + ")" : "";
        if (max == min) {
            return "all " + groups + " groups" + shown + " have the same " + name + ": " + Numbers.format(max) + ".";
        }
        // Shares only mean something for parts of a positive whole.
        boolean shares = !negative && total > 0;
        StringBuilder s = new StringBuilder().append(label(leader)).append(" leads ").append(name)
                .append(" with ").append(Numbers.format(max));
        if (shares) {
            s.append(" (").append(Numbers.percent(max / total)).append(" of total)");
        }
        s.append("; ").append(label(laggard)).append(" is lowest with ").append(Numbers.format(min));
        if (shares) {
            s.append(" (").append(Numbers.percent(min / total)).append(')');
        }
        s.append("; ").append(spread(values, min, max)).append(" across ").append(groups).append(" groups")
                .append(shown).append('.');
        return s.append(outliers(labels, values)).toString();
    }

    /** Up to this many groups a ratio of largest to smallest reads well; beyond, the range and CV do. */
    static final int FEW_GROUPS = 6;

    private static String spread(List<Double> values, double min, double max) {
        if (min > 0 && values.size() <= FEW_GROUPS) {
            return "the largest is " + ratio(max / min) + " the smallest";
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (min >= 0 && mean > 0) {
            double sd = Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size());
            return "range " + Numbers.format(min) + " to " + Numbers.format(max) + " (coefficient of variation "
                    + Numbers.percent(sd / mean) + ")";
        }
        // A ratio or a CV means nothing when values cross zero; the plain difference still does.
        return "spread " + Numbers.format(max - min);
    }

    /** 1.04x, 4.2x, 37x: more decimals only where they change the reading. */
    static String ratio(double r) {
        if (r < 2) {
            return String.format(Locale.ROOT, "%.2fx", r);
        }
        if (r < 10) {
            return String.format(Locale.ROOT, "%.1fx", r);
        }
        return Numbers.format(Math.round(r)) + "x";
    }

    /** " Outliers: West (5,000, high), Central (2, low)." for up to three outliers, or "". */
    static String outliers(List<Object> labels, List<Double> values) {
        List<Outliers.Outlier> found = Outliers.find(values);
        if (found.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Outliers.Outlier o : found.subList(0, Math.min(3, found.size()))) {
            parts.add(labels.get(o.index()) + " (" + Numbers.format(o.value()) + ", " + (o.high() ? "high" : "low")
                    + ")");
        }
        String more = found.size() > 3 ? " and " + (found.size() - 3) + " more" : "";
        return " " + (found.size() == 1 ? "Outlier: " : "Outliers: ") + String.join(", ", parts) + more + ".";
    }

    /**
     * The strongest off-diagonal correlation of a matrix (one name column, one numeric column per variable) or
     * of a long table (two name columns and r), in words; null when the table has neither shape.
     */
    static String correlation(Table t) {
        if (t == null || t.rows().isEmpty()) {
            return null;
        }
        List<Integer> texts = textColumns(t);
        List<Integer> nums = numericColumns(t);
        if (nums.isEmpty() || texts.isEmpty()) {
            return null;
        }
        String bestA = null;
        String bestB = null;
        double bestR = 0;
        int pairs = 0;
        for (List<Object> row : t.rows()) {
            if (texts.size() >= 2) {
                String a = String.valueOf(cell(row, texts.get(0)));
                String b = String.valueOf(cell(row, texts.get(1)));
                Double r = Numbers.value(cell(row, rColumn(t, nums)));
                if (r != null && !a.equals(b) && Math.abs(r) <= 1.000001) {
                    pairs++;
                    if (bestA == null || Math.abs(r) > Math.abs(bestR)) {
                        bestA = a;
                        bestB = b;
                        bestR = r;
                    }
                }
            } else {
                String a = String.valueOf(cell(row, texts.get(0)));
                for (int c : nums) {
                    String b = t.columns().get(c).name();
                    Double r = Numbers.value(cell(row, c));
                    // Each pair appears twice in a matrix; count the upper triangle only.
                    if (r == null || a.equals(b) || a.compareTo(b) > 0 || Math.abs(r) > 1.000001) {
                        continue;
                    }
                    pairs++;
                    if (bestA == null || Math.abs(r) > Math.abs(bestR)) {
                        bestA = a;
                        bestB = b;
                        bestR = r;
                    }
                }
            }
        }
        if (bestA == null) {
            return null;
        }
        String text = bestA + " and " + bestB + " show " + strength(bestR) + " (r = "
                + String.format(Locale.ROOT, "%.2f", bestR) + ")";
        return text + (pairs > 1 ? ", the strongest of " + pairs + " pairs." : ".");
    }

    /** |r| < 0.1 none, < 0.3 weak, < 0.5 moderate, else strong; with the sign. */
    static String strength(double r) {
        double a = Math.abs(r);
        if (a < 0.1) {
            return "no correlation";
        }
        String word = a < 0.3 ? "weak" : a < 0.5 ? "moderate" : "strong";
        return word + (r > 0 ? " positive" : " negative") + " correlation";
    }

    private static int rColumn(Table t, List<Integer> nums) {
        for (int c : nums) {
            String n = t.columns().get(c).name().toLowerCase(Locale.ROOT);
            if (n.equals("r") || n.contains("corr") || n.contains("pearson")) {
                return c;
            }
        }
        return nums.get(0);
    }

    private static int timeColumn(Table t) {
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            if (typed(col) && col.temporal()) {
                return c;
            }
            boolean numeric = isNumeric(t, c);
            boolean all = true;
            int seen = 0;
            boolean yearish = numeric && col.name().toLowerCase(Locale.ROOT).contains("year");
            for (List<Object> row : t.rows()) {
                Object v = cell(row, c);
                if (v == null) {
                    continue;
                }
                seen++;
                Double d = Numbers.value(v);
                boolean ok = yearish ? d != null && d == Math.rint(d) && d >= 1000 && d <= 3000
                        : v instanceof String s && DATE_LIKE.matcher(s).matches();
                if (!ok) {
                    all = false;
                    break;
                }
            }
            if (all && seen > 0 && (yearish || !numeric)) {
                return c;
            }
        }
        return -1;
    }

    private static int firstNumericExcept(Table t, int skip) {
        return numericColumns(t).stream().filter(c -> c != skip).findFirst().orElse(-1);
    }

    /** Numeric by type, or (for untyped results) because every non-null cell is a number. */
    private static List<Integer> numericColumns(Table t) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (isNumeric(t, c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Integer> textColumns(Table t) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (!isNumeric(t, c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean isNumeric(Table t, int c) {
        Column col = t.columns().get(c);
        if (typed(col)) {
            return col.numeric();
        }
        List<Object> cells = t.rows().stream().map(r -> cell(r, c)).filter(v -> v != null).toList();
        return !cells.isEmpty() && cells.stream().allMatch(v -> v instanceof Number);
    }

    private static boolean typed(Column col) {
        return col.type() != null && !col.type().isBlank() && !col.type().equalsIgnoreCase("ANY");
    }

    private static Object cell(List<Object> row, int c) {
        return c < row.size() ? row.get(c) : null;
    }

    private static String sortKey(Object period) {
        Double d = Numbers.value(period);
        // Years sort as numbers, dates as ISO strings (which sort in time order); padded to compare as text.
        return d != null ? String.format(Locale.ROOT, "%020.4f", d) : String.valueOf(period);
    }

    private static String period(Object p) {
        Double d = Numbers.value(p);
        if (d != null && d == Math.rint(d)) {
            return String.valueOf(d.longValue()); // 2017, not 2,017
        }
        String s = String.valueOf(p);
        return s.replaceFirst("[T ]00:00(:00(\\.0+)?)?$", "");
    }

    private static String label(Object category) {
        return category == null ? "(missing)" : String.valueOf(category);
    }
}
