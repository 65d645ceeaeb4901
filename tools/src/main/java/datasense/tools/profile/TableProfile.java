package datasense.tools.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The profile of one ingested table, computed once on upload ({@link TableProfiler}) and kept beside the file's
 * manifest: what a person reads before asking questions (missing values, ranges, patterns, alerts) and what
 * join hints are built from (candidate keys). Field names become the JSON names of GET /files/{id}/profile.
 *
 * @param duplicateRows rows equal in every column to an earlier row
 * @param candidateKeys single columns, then pairs, that are unique and never missing
 * @param outlierRule the rule {@link NumberStats#outliers()} counts by, in words
 * @param computedMs how long the profile took, in milliseconds
 * @param passMs how long each of its three passes took, in milliseconds
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TableProfile(String table, long rows, long duplicateRows, double duplicatePct,
                           List<ColumnStats> columns, List<Correlation> correlations, List<Association> associations,
                           List<List<String>> candidateKeys, List<Alert> alerts, String outlierRule,
                           String computedAt, long computedMs, List<Long> passMs) {

    /** The column named {@code name}, or null. */
    public ColumnStats column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Pearson's r of two numeric columns (pairs where both are present). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Correlation(String a, String b, double pearson) {
    }

    /** Cramér's V of two low-cardinality columns: 0 none, 1 one determines the other. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Association(String a, String b, double cramersV) {
    }

    /**
     * A quality warning. {@code kind}: constant, near_constant, high_cardinality, skewed, mixed_types, zeros,
     * sentinel, future_dates, high_missing, duplicates, unique.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Alert(String column, String kind, String message) {
    }
}
