package datasense.verticles.bus;

import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The one way failures cross the event bus: the failure code is the HTTP status the error deserves and the
 * message is the JSON error body {error, message, hint?}. So a consumer anywhere in the cluster decides the
 * status, and the HTTP verticle maps failures one to one.
 */
public final class BusError extends RuntimeException {

    /**
     * A tool call's failure when its tools node was silent (frozen, paused) long enough for the agent to have sent
     * the call again elsewhere: the node drops it, and an agent still waiting sends it again.
     */
    public static final String TOOL_CALL_GIVEN_UP = "tool_call_given_up";

    private final int status;
    private final String error;
    private final String hint;

    public BusError(int status, String error, String message, String hint) {
        super(message);
        this.status = status;
        this.error = error;
        this.hint = hint;
    }

    public static BusError badRequest(String error, String message, String hint) {
        return new BusError(400, error, message, hint);
    }

    public static BusError notFound(String what, String id, String hint) {
        return new BusError(404, "not_found", what + " '" + id + "' does not exist", hint);
    }

    public int status() {
        return status;
    }

    /** The error code, e.g. {@code not_found}. */
    public String code() {
        return error;
    }

    public JsonObject body() {
        JsonObject body = new JsonObject().put("error", error).put("message", getMessage());
        if (hint != null && !hint.isEmpty()) {
            body.put("hint", hint);
        }
        return body;
    }

    /** The error a failed job's record or event carries: its body plus {@code status}. */
    public JsonObject bodyWithStatus() {
        return body().put("status", status);
    }

    /** The inverse of {@link #bodyWithStatus()}. */
    public static BusError of(JsonObject bodyWithStatus) {
        return new BusError(bodyWithStatus.getInteger("status", 500), bodyWithStatus.getString("error", "error"),
                bodyWithStatus.getString("message", ""), bodyWithStatus.getString("hint"));
    }

    /** Replies to {@code message} with this error. */
    public void failReply(Message<?> message) {
        message.fail(status, body().encode());
    }

    /** Replies to {@code message} with {@code failure}, keeping a BusError's status and wrapping anything else as 500. */
    public static void fail(Message<?> message, Throwable failure) {
        from(failure).failReply(message);
    }

    /** The BusError a failure stands for: itself, one decoded from a reply, a timeout as 504, else a 500. */
    public static BusError from(Throwable failure) {
        if (failure instanceof BusError e) {
            return e;
        }
        if (failure instanceof ReplyException re) {
            if (re.failureType() == ReplyFailure.TIMEOUT) {
                return new BusError(504, "timeout", "the node did not answer in time", "try again, or ask asynchronously with \"async\": true");
            }
            if (re.failureType() == ReplyFailure.NO_HANDLERS) {
                return new BusError(503, "unavailable", "no node serves " + re.getMessage(), "check that every role is deployed");
            }
            try {
                JsonObject body = new JsonObject(re.getMessage());
                return new BusError(re.failureCode(), body.getString("error", "error"), body.getString("message", ""),
                        body.getString("hint"));
            } catch (DecodeException | NullPointerException e) {
                return new BusError(re.failureCode() >= 400 ? re.failureCode() : 500, "internal", String.valueOf(re.getMessage()), null);
            }
        }
        BusError internal = new BusError(500, "internal", String.valueOf(failure.getMessage()),
                "the node's log has this failure under the request_id of this reply");
        internal.initCause(failure);
        return internal;
    }
}
