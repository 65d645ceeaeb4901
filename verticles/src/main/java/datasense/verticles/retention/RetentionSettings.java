package datasense.verticles.retention;

import java.time.Duration;

/**
 * How long what a node stores is kept, so a long-running deployment's store does not only grow: ended jobs'
 * records for {@code jobRetention} (answer artifacts too, once no question record, board or kept job names them),
 * the newest {@code historyKeep} questions of each file (0 keeps them all), and each tenant's audit log for
 * {@code auditDays} whole UTC days before today (0 keeps it all). A sweep looks every {@code sweepEvery}, on one
 * node of a cluster at a time.
 */
public record RetentionSettings(Duration jobRetention, Duration sweepEvery, int historyKeep, int auditDays) {

    public RetentionSettings {
        if (jobRetention.isNegative() || jobRetention.isZero()) {
            throw new IllegalArgumentException("DATASENSE_JOB_RETENTION_HOURS must be more than 0");
        }
        if (sweepEvery.toMillis() < 100) {
            throw new IllegalArgumentException("DATASENSE_RETENTION_SWEEP_SECONDS must be at least 0.1");
        }
        if (historyKeep < 0) {
            throw new IllegalArgumentException("DATASENSE_HISTORY_KEEP must be 0 (keep all) or more");
        }
        if (auditDays < 0) {
            throw new IllegalArgumentException("DATASENSE_AUDIT_RETENTION_DAYS must be 0 (keep all) or more");
        }
    }

    /**
     * From the settings' text: hours and seconds may have decimals (a test keeps jobs for seconds); audit days are
     * whole, since the log is kept in one folder per day.
     */
    public static RetentionSettings parse(String retentionHours, String sweepSeconds, String historyKeep, String auditDays) {
        return new RetentionSettings(Duration.ofMillis(Math.round(number("DATASENSE_JOB_RETENTION_HOURS", retentionHours) * 3_600_000d)),
                Duration.ofMillis(Math.round(number("DATASENSE_RETENTION_SWEEP_SECONDS", sweepSeconds) * 1_000d)),
                (int) number("DATASENSE_HISTORY_KEEP", historyKeep), wholeNumber("DATASENSE_AUDIT_RETENTION_DAYS", auditDays));
    }

    private static int wholeNumber(String setting, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not a whole number");
        }
    }

    private static double number(String setting, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not a number");
        }
    }
}
