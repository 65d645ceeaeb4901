package datasense.verticles.boards;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The questions of a file's generated board, chosen from its profile by one simple rule (README, Boards), so every
 * tile is an ordinary question the planner answers and a person could have asked:
 * <ul>
 *   <li>the <b>measure</b> is the first DOUBLE column, else the first BIGINT column, that is not an identifier (a
 *   name ending in "id", or as many distinct values as rows) nor a calendar part (year, month, ...);</li>
 *   <li>the <b>date</b> is the first DATE or TIMESTAMP column with two or more distinct values;</li>
 *   <li>the <b>category</b> is the first text or boolean column with 2 to 30 distinct values that is not an
 *   identifier.</li>
 * </ul>
 * The questions, each only when its columns exist: the row count; the measure's total; the measure by month of the
 * date; the measure by the category (else the row count by it); the measure's distribution; the correlation of up
 * to six numeric columns (its answer names the strongest pair).
 */
public final class BoardQuestions {

    /** The most distinct values a category column may have. */
    static final int MAX_CATEGORIES = 30;
    private static final int MAX_CORRELATED = 6;
    private static final Pattern IDENTIFIER = Pattern.compile("(?i)(^|.*[^a-z])id$|.*[a-z]Id$|^(key|uuid|guid)$");
    private static final Set<String> CALENDAR = Set.of("year", "month", "day", "week", "quarter", "hour");
    private static final Set<String> NUMBERS = Set.of("DOUBLE", "BIGINT");

    private BoardQuestions() {
    }

    /** The generated board's questions for a file of this profile, in the order its tiles are shown. */
    public static List<String> of(SchemaInfo schema) {
        List<ColumnProfile> numbers = schema.columns().stream()
                .filter(c -> NUMBERS.contains(c.type()) && !identifier(c, schema.rows()) && !CALENDAR.contains(c.name().toLowerCase(Locale.ROOT)))
                .toList();
        ColumnProfile measure = numbers.stream().filter(c -> c.type().equals("DOUBLE")).findFirst()
                .orElse(numbers.isEmpty() ? null : numbers.get(0));
        ColumnProfile date = schema.columns().stream()
                .filter(c -> (c.type().equals("DATE") || c.type().startsWith("TIMESTAMP")) && c.distinct() >= 2).findFirst().orElse(null);
        ColumnProfile category = schema.columns().stream()
                .filter(c -> (c.type().equals("VARCHAR") || c.type().equals("BOOLEAN")) && c.distinct() >= 2
                        && c.distinct() <= MAX_CATEGORIES && !identifier(c, schema.rows()))
                .findFirst().orElse(null);
        List<String> questions = new ArrayList<>();
        questions.add("number of rows");
        if (measure != null) {
            questions.add("total " + measure.name());
            if (date != null) {
                questions.add("total " + measure.name() + " by month of " + date.name());
            }
        }
        if (category != null) {
            questions.add((measure != null ? "total " + measure.name() : "number of rows") + " by " + category.name());
        }
        if (measure != null) {
            questions.add("distribution of " + measure.name());
        }
        List<String> correlated = numbers.stream().filter(c -> c.distinct() >= 3).limit(MAX_CORRELATED).map(ColumnProfile::name).toList();
        if (correlated.size() >= 2) {
            questions.add("correlation of " + String.join(", ", correlated.subList(0, correlated.size() - 1))
                    + " and " + correlated.get(correlated.size() - 1));
        }
        return questions;
    }

    private static boolean identifier(ColumnProfile column, long rows) {
        return IDENTIFIER.matcher(column.name()).matches() || rows > 20 && column.distinct() >= rows && !column.type().equals("DOUBLE");
    }
}
