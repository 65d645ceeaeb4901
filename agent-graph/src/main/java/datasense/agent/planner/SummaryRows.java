package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tables exported from spreadsheets and reports often end with a row that totals the others ("Total",
 * "Grand total" in the column that names the rows), or total each part ("Total for Danish part:"). Adding, counting, averaging or ranking with that row in
 * counts everything twice, so an analyst leaves it out: every intent gets the condition "label is not
 * 'Total'", which the interpretation and the SQL both show, unless the question itself filters on that column.
 */
final class SummaryRows {

    /**
     * How the label of a summary row reads, once lower-cased and stripped of a trailing colon or dot: "Total",
     * "Grand total", "Subtotal", the subtotals of a part ("Total for Danish part", "Totals (2 teams)"), what it
     * counts ("Total number of pasurams"), the words
     * of tables translated from Dutch, Scandinavian, Italian and German pages ("Totaal", "Totalt", "Gesamt"), and the
     * rows under an election's results ("Total valid votes", "Rejected ballots", "Turnout", "Eligible voters", "Majority"),
     * and a row of averages ("Average", "Mean").
     */
    private static final Pattern LABEL = Pattern.compile(
            "(grand |overall |sub-?|sub )?(totals?|totaal|totalt|totale|gesamt|insgesamt|summe)"
                    + "( (number|no\\.?|count|amount|sum) of .+| (for|of|in) .+| \\(.+\\))?"
                    // the foot of an election's results: the ballots and voters, not a party or a candidate
                    + "|(total )?(valid |invalid |rejected |spoilt |spoiled |blank )?(votes|ballots)( cast)?"
                    + "|(invalid|rejected|spoilt|spoiled|blank)( or (invalid|rejected|spoilt|spoiled|blank))? (votes|ballots)"
                    + "|turnout|(eligible|registered) voters|electorate|majority"
                    // a row that averages the others ("Average" under thirteen episodes' ratings)
                    + "|(overall |season |grand )?(average|averages|mean)");

    /** A label that counts things: "40 opponents*", "12 clubs". */
    private static final Pattern COUNTED = Pattern.compile("(\\d+) \\p{L}[\\p{L} ]*s\\*?");

    /**
     * "40 opponents*" under about 40 opponents: a row whose label counts the other rows sums them up. About: an
     * exported table may miss a row or two of what its foot counts (one in twenty, at least one).
     */
    private static boolean countsTheOthers(String label, long rows) {
        java.util.regex.Matcher m = COUNTED.matcher(label.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() >= 10 || rows < 4) {
            return false;
        }
        long others = rows - 1;
        return Math.abs(Long.parseLong(m.group(1)) - others) <= Math.max(1, others / 20);
    }

    /**
     * The summary row's label must be in one of the first text columns, as a row label is; numbers before it
     * ("Place", "Number" before "Name") do not count, as they are never the label.
     */
    private static final int LABEL_POSITIONS = 3;

    private SummaryRows() {
    }

    /** The condition that leaves the summary row out, or null when the table has none. */
    static Filter condition(SchemaIndex index) {
        List<ColumnProfile> columns = index.schema.columns();
        long rows = index.schema.rows();
        int texts = 0;
        for (int i = 0; i < columns.size() && texts < LABEL_POSITIONS; i++) {
            ColumnProfile c = columns.get(i);
            if (c.column().numeric() || c.column().temporal()) {
                continue;
            }
            texts++;
            if (c.values() == null || rows < 3 || c.distinct() * 2 < rows) {
                continue; // a summary row sits in a column that names the rows, nearly one value each
            }
            List<Object> labels = new ArrayList<>();
            for (String v : c.values()) {
                if (v != null && (LABEL.matcher(v.strip().toLowerCase(Locale.ROOT).replaceAll("[:.]$", "")).matches()
                        || countsTheOthers(v, rows))) {
                    labels.add(v);
                }
            }
            if (!labels.isEmpty()) {
                return labels.size() == 1 ? Filter.of(c, "ne", labels.get(0)) : new Filter(c, "not_in", null, labels);
            }
        }
        return null;
    }

    /** The intents with the summary row left out of each that reads rows and does not filter its column. */
    static List<Intent> exclude(List<Intent> intents, SchemaIndex index) {
        Filter summary = condition(index);
        if (summary == null) {
            return intents;
        }
        List<Intent> out = new ArrayList<>(intents.size());
        for (Intent it : intents) {
            boolean namesIt = it.filters().stream().anyMatch(f -> summary.column().equals(f.column()));
            if (it.kind() == Intent.Kind.UNKNOWN || namesIt) {
                out.add(it);
                continue;
            }
            List<Filter> filters = new ArrayList<>(it.filters());
            filters.add(summary);
            List<String> readings = new ArrayList<>(it.readings());
            readings.add(summary.values() == null
                    ? "the summary row " + summary.column().name() + " = '" + summary.value() + "' left out, as it sums up the others"
                    : "the summary rows " + summary.column().name() + " in ('" + summary.values().stream().map(String::valueOf)
                            .collect(Collectors.joining("', '")) + "') left out, as they sum up the others");
            out.add(it.withFilters(filters).withReadings(readings));
        }
        return out;
    }
}
