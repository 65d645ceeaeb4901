package datasense.tools.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One column's profile. Which of {@code numbers}, {@code text} and {@code dates} is set follows the column's
 * type (BIGINT and DOUBLE, VARCHAR, DATE and TIMESTAMP); the others are null.
 *
 * @param distinctPct distinct values as a share of present values, in percent
 * @param uniquePct present values that occur exactly once, in percent (null when not counted: see {@link TableProfiler})
 * @param topValues the most frequent values, most frequent first (null when not counted)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ColumnStats(String name, String type, long missing, double missingPct, long distinct, double distinctPct,
                          Double uniquePct, NumberStats numbers, TextStats text, DateStats dates,
                          List<ValueCount> topValues, Histogram histogram) {

    /** A value and how many rows hold it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ValueCount(String value, long count, double pct) {
    }

    /** Equal-width bins from the column's minimum to its maximum; dates binned by epoch seconds. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Histogram(List<Bin> bins) {
    }

    /** {@code [lo, hi)} (the last bin includes hi) and its row count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Bin(double lo, double hi, long count) {
    }

    /**
     * Numbers: the usual moments and quantiles, and what the alerts look at. {@code outliers} counts values
     * outside {@code [lowFence, highFence]} (Tukey's IQR rule: 1.5 interquartile ranges beyond the quartiles).
     * {@code sentinels} lists values such as -1 or 9999 found at the column's edge.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NumberStats(double min, double max, double mean, Double std, double p5, double q1, double median,
                              double q3, double p95, Double skewness, long zeros, long negatives, long outliers,
                              double outlierPct, double lowFence, double highFence, List<ValueCount> sentinels) {
    }

    /**
     * Text: lengths, and how many present values look like an email address, a URL, an id (letters, digits,
     * dashes, with a digit, no space) or a number. {@code pattern} names the class at least 90% of values match.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TextStats(long minLength, long maxLength, double meanLength, long emails, long urls, long idLike,
                            long numeric, String pattern) {
    }

    /** Dates and timestamps: the range as ISO text, and how many lie after the day the profile was made. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DateStats(String min, String max, long future) {
    }
}
