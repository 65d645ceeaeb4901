package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities kept as text with their unit ("98 kg", "5 acts", "10 seniti", "88 feet (27 m)"), numbers kept as text
 * for what comes with them ("1,638", "83.2 (32.1)", "12,001[3]") and lengths on a clock face ("1:59:38.4"): the CSV
 * reader leaves such a column as text, so "weights of at least 90kg" would otherwise match the one value '90 kg'. A
 * comparison with a number on such a column compares the number each value begins with (a clock's seconds); the
 * column keeps its text for display. Runs before value filters, which would read "5 acts" as that value.
 */
final class QuantityFilters {

    /** A number with one capital letter on it: a code ("7A" a class, "12B" a seat, "3C" a gate), not a quantity. */
    private static final Pattern CODE = Pattern.compile("\\s*\\d+\\p{Lu}\\s*");
    /** A number, then a word of unit, then anything ("88 feet (27 m)"). */
    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*[-+]?\\d[\\d,]*(\\.\\d+)?\\s?(\\p{L}[\\p{L}.]*)(\\s.*)?", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("|-|–|—|n/?a|\\?", Pattern.CASE_INSENSITIVE);
    /** A comma before one or two digits and the unit: a decimal comma ("1,96 m"), not a thousands separator. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\s*\\d+,\\d{1,2}\\D.*", Pattern.DOTALL);
    /** Words after a number that make it an ordinal or a date, not a quantity ("3rd", "12 May"). */
    private static final Set<String> NOT_UNITS = Set.of("st", "nd", "rd", "th", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "bc", "ad", "bce", "ce");

    private QuantityFilters() {
    }

    /** A number kept as text: thousands commas, a currency sign, a percent, a note or footnote after it. */
    private static final Pattern ANNOTATED = Pattern.compile(
            "\\s*[$€£]?\\s*[-+]?\\d+(,\\d{3})*(\\.\\d+)?\\s*(%|\\(.*\\)|\\[.*]|[*†‡#]+|\\s)*", Pattern.DOTALL);

    /**
     * True when the sampled values of the text column are numbers written with a unit (two at least), but for a few
     * words with no number (at most one for three quantities: "Playoff" among margins of "1 stroke", "3 strokes").
     */
    static boolean written(ColumnProfile col) {
        return col != null && !units(col).isEmpty();
    }

    /**
     * True when a text column's values are numbers a comparison or a ranking can read: written with a unit
     * ({@link #written}), or numbers the CSV reader left as text for what comes with them ("1,638", "$1,200",
     * "83.2 (32.1)", "12,000[3]", "50.00%"); a few words or dashes among them are no number.
     */
    static boolean begins(ColumnProfile col) {
        return written(col) || annotated(col) || clock(col);
    }

    /** Numbers kept as text with a comma, a sign, a note or a footnote, at least two, and few values that are not. */
    static boolean annotated(ColumnProfile col) {
        return (mostly(col, ANNOTATED) || col.name().contains("/") && mostly(col, TWO_UNITS)) && !yearsAsText(col);
    }

    /**
     * One figure in two units, as a header with a slash names them ("Height metres / ft": "146 / 480"); read by its
     * first. Under a header without one, "61 / 264" is a part of a whole, left as text.
     */
    private static final Pattern TWO_UNITS = Pattern.compile(
            "\\s*[-+]?\\d[\\d,]*(\\.\\d+)?\\s*/\\s*\\d[\\d,]*(\\.\\d+)?\\s*(\\(.*\\)|\\[.*]|[*†‡#]+|\\s)*", Pattern.DOTALL);

    /** A year as tables write it, with a footnote maybe: "1987", "2016[citation needed]". */
    private static final Pattern YEAR = Pattern.compile("\\s*(1[0-9]|20)[0-9]{2}\\s*(\\(.*\\)|\\[.*]|[*†‡#]+)?\\s*", Pattern.DOTALL);

    /** Years kept as text ("1987" beside a "Total" row): when things happened, never an amount to rank or add. */
    private static boolean yearsAsText(ColumnProfile col) {
        List<String> words = SchemaIndex.words(col.name());
        return words.contains("year") || words.contains("season") || mostly(col, YEAR);
    }

    /**
     * Lengths of time written on a clock face ("2:05.95", "1:59:38.4", "3:30"), as race results and track lists
     * keep them: compared and ranked by their seconds. Times of day ("1:00 pm") are not lengths and do not match.
     */
    static boolean clock(ColumnProfile col) {
        return mostly(col, CLOCK);
    }

    private static final Pattern CLOCK = Pattern.compile(
            "\\s*\\d+(:\\d{2}){1,2}(\\.\\d+)?\\s*(\\(.*\\)|\\[.*]|[*†‡#]+|\\s)*", Pattern.DOTALL);

    /** Values of a text column matching {@code pattern}, at least two, and few that do not (placeholders aside). */
    private static boolean mostly(ColumnProfile col, Pattern pattern) {
        if (col == null || col.column().numeric() || col.column().temporal() || col.values() == null) {
            return false;
        }
        int matching = 0;
        int others = 0;
        for (String v : col.values()) {
            if (v == null || PLACEHOLDER.matcher(v.strip()).matches()) {
                continue;
            }
            if (pattern.matcher(v).matches()) {
                matching++;
            } else {
                others++;
            }
        }
        return matching >= 2 && others * 4 <= matching;
    }

    /** The units a quantity column's values are written in, singular and lower-cased; empty when it is not one. */
    static Set<String> units(ColumnProfile col) {
        if (col.column().numeric() || col.column().temporal() || col.values() == null) {
            return Set.of();
        }
        Set<String> units = new LinkedHashSet<>();
        int quantities = 0;
        int words = 0;
        for (String v : col.values()) {
            if (v == null || PLACEHOLDER.matcher(v.strip()).matches()) {
                continue;
            }
            Matcher m = QUANTITY.matcher(v);
            if (!m.matches() || CODE.matcher(v).matches()) {
                // "Playoff" among "1 stroke", "3 strokes": a value with no number, NULL as a number; "7A": a code
                words++;
                continue;
            }
            String unit = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
            if (NOT_UNITS.contains(unit)) {
                return Set.of();
            }
            units.add(Vocabulary.singular(unit));
            quantities++;
        }
        // a few words among the quantities keep it a quantity column; as many words as quantities do not
        return quantities >= 2 && words * 3 <= quantities ? units : Set.of();
    }

    /**
     * The SQL number a value of the quantity column {@code col} begins with (NULL when it begins with none); for a
     * clock column, the seconds its value counts ("1:59:38.4" is 7178.4).
     */
    static String number(ColumnProfile col) {
        if (clock(col)) {
            String v = "CAST(" + SqlText.ident(col.name()) + " AS VARCHAR)";
            String clock = "'^\\s*(?:([0-9]+):)?([0-9]+):([0-9]+(?:\\.[0-9]+)?)'";
            return "(coalesce(TRY_CAST(regexp_extract(" + v + ", " + clock + ", 1) AS DOUBLE), 0) * 3600"
                    + " + TRY_CAST(regexp_extract(" + v + ", " + clock + ", 2) AS DOUBLE) * 60"
                    + " + TRY_CAST(regexp_extract(" + v + ", " + clock + ", 3) AS DOUBLE))";
        }
        boolean decimalComma = col.values().stream().anyMatch(v -> v != null && DECIMAL_COMMA.matcher(v).matches());
        return "TRY_CAST(replace(regexp_extract(CAST(" + SqlText.ident(col.name()) + " AS VARCHAR), "
                + "'^\\s*[$€£]?\\s*([-+]?[0-9][0-9,]*(\\.[0-9]+)?)', 1), ',', '" + (decimalComma ? "." : "") + "') AS DOUBLE)";
    }

    /**
     * "at least 90kg", "more than 10 seniti", "operas with at least 3 acts", "weights over 90": a comparison with a
     * number whose column is a quantity column, named by the value the number and unit spell, by the unit (one
     * column written in it), or by the column itself just before.
     */
    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            String adjective = c.w(i);
            List<String> hints = NumericFilters.COMPARATIVE_HINTS.get(adjective);
            if (hints != null && adjective.endsWith("er") && c.w(i + 1).equals("than") && c.isNum(i + 2) && !c.used[i + 2]) {
                // "taller than 1.9 m", "lighter than 80 kg": the adjective gives the side, and names the column
                int[] end = {i + 3};
                ColumnProfile col = column(c, i, i + 2, end);
                if (col == null && c.m(i + 2) == null) {
                    List<ColumnProfile> named = c.index.schema.columns().stream().filter(QuantityFilters::begins)
                            .filter(q -> hints.stream().anyMatch(h -> SchemaIndex.words(q.name()).contains(h))).toList();
                    col = named.size() == 1 ? named.get(0) : null;
                    if (col != null && c.freeWord(i + 3) && units(col).contains(c.token(i + 3).singular())) {
                        end[0] = i + 4;
                    }
                }
                if (col != null) {
                    compare(c, i, end[0], col, NumericFilters.SMALLER.contains(adjective) ? "lt" : "gt", i + 2);
                }
                continue;
            }
            Map.Entry<List<String>, String> e = NumericFilters.comparatorAt(c, i);
            int n = e == null ? -1 : i + e.getKey().size();
            if (n >= 0 && (c.w(n).equals("a") || c.w(n).equals("an")) && c.freeWord(n) && c.isNum(n + 1)) {
                n++; // "at least a 4.1 rating"
            }
            if (e == null || !c.isNum(n) || c.used[n]) {
                continue;
            }
            int[] end = {n + 1};
            ColumnProfile col = column(c, i, n, end);
            if (col != null) {
                compare(c, i, end[0], col, NumericFilters.negatedBefore(c, i, e.getKey(), e.getValue()), n);
            }
        }
    }

    private static void compare(Clause c, int i, int end, ColumnProfile col, String op, int number) {
        BigDecimal value = NumericFilters.value(c, number);
        c.addFilter(Filter.of(col, op, value), i);
        c.mark(i, end);
        c.reading("'" + c.text(i, end) + "' read as the number each " + col.name()
                + " begins with, its values being " + (written(col) ? "written with their unit" : "text"));
    }

    /** The quantity column the number at {@code n} is compared in, or null; {@code end[0]} past what names it. */
    private static ColumnProfile column(Clause c, int i, int n, int[] end) {
        Mention value = c.m(n);
        if (value != null && value.kind() == Mention.Kind.VALUE && value.start() == n && begins(value.column())
                && c.free(value)) {
            end[0] = value.end(); // "5 acts": the value the number and its unit spell
            return value.column();
        }
        if (value != null) {
            return null;
        }
        Mention after = c.m(n + 1);
        if (after != null && after.start() == n + 1 && after.isColumn() && begins(after.column()) && c.free(after)) {
            end[0] = after.end(); // "a 4.1 rating": the column named right after the number
            return after.column();
        }
        if (after != null && after.start() == n + 1 && after.kind() != Mention.Kind.VALUE && c.free(after)) {
            return null; // "time slots that sold more than 70 tickets": the number counts what follows it
        }
        String unit = c.freeWord(n + 1) ? c.token(n + 1).singular() : null;
        ColumnProfile before = null;
        for (int k = i - 1; k >= Math.max(c.from, i - 4); k--) {
            Mention m = c.m(k);
            if (m != null && m.isColumn() && c.free(m)) {
                // "weights are at least 90": the column just before; "episodes had an average over": not past Average
                before = begins(m.column()) ? m.column() : null;
                break;
            }
        }
        ColumnProfile inUnit = null;
        if (unit != null) {
            List<ColumnProfile> written = c.index.schema.columns().stream()
                    .filter(col -> units(col).contains(unit)).toList();
            inUnit = written.size() == 1 ? written.get(0) : null;
        }
        ColumnProfile col = before != null ? before : inUnit;
        if (col != null && unit != null && units(col).contains(unit)) {
            end[0] = n + 2; // its unit word, read with the number
        }
        return col;
    }
}
