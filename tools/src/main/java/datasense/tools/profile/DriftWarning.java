package datasense.tools.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What a profile says of its file's drift when the file has an earlier version: the {@code drift} of the profile JSON
 * and the warning section of its page ({@link ProfilePage}), so whoever reads the profile of a re-upload sees at once
 * that its numbers moved, and where to read the whole {@link Drift.Report}.
 *
 * @param from           the earlier version's file id
 * @param fromVersion    its version number; {@code version} is the profiled file's
 * @param summary        {@link Drift.Report#summary()}
 * @param driftedColumns the columns whose PSI is at or above {@link Drift#PSI_DRIFTED}
 * @param warnings       the report's warnings, in words
 * @param report         the route of the whole report
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DriftWarning(String from, int fromVersion, int version, String summary, List<String> driftedColumns,
                           List<String> warnings, String report) {
}
