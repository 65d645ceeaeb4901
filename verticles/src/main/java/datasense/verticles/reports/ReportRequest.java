package datasense.verticles.reports;

import datasense.verticles.bus.BusError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A request for a report, read and checked once: {@code {"from": {"job": "j_…"}, "formats": ["md", "html", "pdf"],
 * "title": "…"}}. {@code from} names exactly one source: an answer ({@code job}), a {@code conversation}, a
 * {@code board} or a file's {@code profile} (its file id); {@code formats} defaults to all three. Anything else is a
 * 400 that says what to send.
 *
 * @param kind job, conversation, board or profile
 */
record ReportRequest(String kind, String id, List<String> formats, String title) {

    static final List<String> KINDS = List.of("job", "conversation", "board", "profile");
    static final List<String> FORMATS = List.of("md", "html", "pdf");
    private static final int MAX_TITLE = 120;
    private static final String EXAMPLE = "{\"from\": {\"job\": \"j_...\"}, \"formats\": [\"md\", \"html\", \"pdf\"]}";

    static ReportRequest of(JsonObject body) {
        if (!(body.getValue("from") instanceof JsonObject from)) {
            throw BusError.badRequest("bad_request", "from is required: an object naming what to report on",
                    "one of job, conversation, board, profile (a file id): " + EXAMPLE);
        }
        if (from.size() != 1 || !KINDS.contains(from.fieldNames().iterator().next())) {
            throw BusError.badRequest("bad_request", "from must name exactly one of " + String.join(", ", KINDS) + "; it names "
                    + (from.isEmpty() ? "none" : String.join(", ", from.fieldNames())), EXAMPLE);
        }
        String kind = from.fieldNames().iterator().next();
        if (!(from.getValue(kind) instanceof String id) || id.isBlank()) {
            throw BusError.badRequest("bad_request", "from." + kind + " must be an id (a string)", EXAMPLE);
        }
        return new ReportRequest(kind, id, formats(body.getValue("formats")), title(body.getValue("title")));
    }

    private static List<String> formats(Object value) {
        if (value == null) {
            return FORMATS;
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw BusError.badRequest("bad_request", "formats must be a list of one or more of " + String.join(", ", FORMATS),
                    "\"formats\": [\"pdf\"], or leave it out for all three");
        }
        List<String> formats = new ArrayList<>();
        for (Object f : array) {
            if (!(f instanceof String format) || !FORMATS.contains(format)) {
                throw BusError.badRequest("unknown_format", "'" + f + "' is not a report format",
                        "formats are " + String.join(", ", FORMATS));
            }
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        // always in the same order, whatever the request's
        return FORMATS.stream().filter(formats::contains).toList();
    }

    private static String title(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank() || s.strip().length() > MAX_TITLE) {
            throw BusError.badRequest("bad_request", "title must be a string of 1 to " + MAX_TITLE + " characters", null);
        }
        return s.strip();
    }
}
