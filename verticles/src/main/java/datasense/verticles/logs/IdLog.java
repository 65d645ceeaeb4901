package datasense.verticles.logs;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Logs a failure once, where it is understood, with the ids an operator searches by: {@code request_id} (the one the
 * client got in {@code X-Request-Id} and in its error body), {@code job_id} and {@code tenant}. The ids go into the
 * MDC for this one line, so the JSON log has them as fields and the text log prints them after the message.
 */
public final class FailureLog {

    public static final String REQUEST_ID = "request_id";
    public static final String JOB_ID = "job_id";
    public static final String TENANT = "tenant";

    private FailureLog() {
    }

    /** An ERROR line with {@code cause}'s stack trace: a 5xx, a tool that broke. */
    public static void error(Logger log, String message, Throwable cause, String requestId, String jobId, String tenant) {
        withIds(requestId, jobId, tenant, () -> log.error(message, cause));
    }

    /** A WARN line without a stack trace: a failure that is the data's or the question's, not the node's. */
    public static void warn(Logger log, String message, String requestId, String jobId, String tenant) {
        withIds(requestId, jobId, tenant, () -> log.warn(message));
    }

    private static void withIds(String requestId, String jobId, String tenant, Runnable line) {
        put(REQUEST_ID, requestId);
        put(JOB_ID, jobId);
        put(TENANT, tenant);
        try {
            line.run();
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(JOB_ID);
            MDC.remove(TENANT);
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
