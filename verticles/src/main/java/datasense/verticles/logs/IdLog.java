package datasense.verticles.logs;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Logs one line with the ids an operator searches by: {@code request_id} (the one the client got in
 * {@code X-Request-Id} and in its error body), {@code job_id} and {@code tenant}; a line that closes a request or a
 * job also has its {@code outcome} and {@code duration_ms}. They go into the MDC for this one line, so the JSON log
 * has them as fields and the text log prints them after the message.
 */
public final class IdLog {

    public static final String REQUEST_ID = "request_id";
    public static final String JOB_ID = "job_id";
    public static final String TENANT = "tenant";
    public static final String OUTCOME = "outcome";
    public static final String DURATION_MS = "duration_ms";

    private IdLog() {
    }

    /** An ERROR line with {@code cause}'s stack trace: a 5xx, a tool that broke. */
    public static void error(Logger log, String message, Throwable cause, String requestId, String jobId, String tenant) {
        withIds(requestId, jobId, tenant, null, -1, () -> log.error(message, cause));
    }

    /** A WARN line without a stack trace: a failure that is the data's or the question's, not the node's. */
    public static void warn(Logger log, String message, String requestId, String jobId, String tenant) {
        withIds(requestId, jobId, tenant, null, -1, () -> log.warn(message));
    }

    /**
     * The INFO line that closes a request or a job: {@code outcome} is an HTTP status or {@code done}/{@code failed},
     * {@code durationNanos} how long it took.
     */
    public static void ended(Logger log, String message, String requestId, String jobId, String tenant, String outcome,
                             long durationNanos) {
        withIds(requestId, jobId, tenant, outcome, durationNanos, () -> log.info(message));
    }

    /** Milliseconds with one decimal, as the lines print them: 1234567 ns is "1.2". */
    public static String millis(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    private static void withIds(String requestId, String jobId, String tenant, String outcome, long durationNanos,
                                Runnable line) {
        put(REQUEST_ID, requestId);
        put(JOB_ID, jobId);
        put(TENANT, tenant);
        put(OUTCOME, outcome);
        put(DURATION_MS, durationNanos < 0 ? null : millis(durationNanos));
        try {
            line.run();
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(JOB_ID);
            MDC.remove(TENANT);
            MDC.remove(OUTCOME);
            MDC.remove(DURATION_MS);
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        } else {
            MDC.remove(key);
        }
    }
}
