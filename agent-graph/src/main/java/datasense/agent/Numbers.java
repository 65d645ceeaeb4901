package datasense.agent;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for answers: thousands separators and at most two decimals, like 1,234,567.89. */
final class Numbers {

    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double v = value == 0 ? 0.0 : value; // no "-0"
        // Small fractions (rates, ratios) would all print as 0 with two decimals.
        String pattern = Math.abs(v) < 1 && v != 0 ? "#,##0.####" : "#,##0.##";
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(v);
        return s.equals("-0") ? "0" : s;
    }

    /** A percentage with one decimal: 35.2%. */
    static String percent(double fraction) {
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(fraction * 100);
        return (s.equals("-0.0") ? "0.0" : s) + "%";
    }

    /** A cell as a number, or null: numbers as they are, numeric strings parsed, anything else null. */
    static Double value(Object cell) {
        if (cell instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        if (cell instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
