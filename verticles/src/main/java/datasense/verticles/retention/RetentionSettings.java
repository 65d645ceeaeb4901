package datasense.verticles.retention;

import java.time.Duration;

/**
 * How long what a node stores is kept, so a long-running deployment's store does not only grow: ended jobs'
 * records for {@code jobRetention} (answer artifacts too, once no question record, board or kept job names them),
 * and the newest {@code historyKeep} questions of each file (0 keeps them all). A sweep looks every
 * {@code sweepEvery}, on one node of a cluster at a time.
 */
public record RetentionSettings(Duration jobRetention, Duration sweepEvery, int historyKeep) {

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
    }

    /** From the settings' text: hours and seconds may have decimals (a test keeps jobs for seconds). */
    public static RetentionSettings parse(String retentionHours, String sweepSeconds, String historyKeep) {
        return new RetentionSettings(Duration.ofMillis(Math.round(number("DATASENSE_JOB_RETENTION_HOURS", retentionHours) * 3_600_000d)),
                Duration.ofMillis(Math.round(number("DATASENSE_RETENTION_SWEEP_SECONDS", sweepSeconds) * 1_000d)),
                (int) number("DATASENSE_HISTORY_KEEP", historyKeep));
    }

    private static double number(String setting, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + ": '" + value + "' is not a number");
        }
    }
}
