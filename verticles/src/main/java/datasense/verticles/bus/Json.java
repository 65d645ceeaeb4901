package datasense.verticles.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Column;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Converts the records of the tools and agent-graph modules to and from event-bus JSON. Records travel as
 * plain JSON objects (never Java serialization), so the same messages work on a clustered bus. Going through
 * text keeps Vert.x's JsonObject and Jackson's tree types from meeting half-way.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    public static JsonObject toJson(Object value) {
        try {
            return new JsonObject(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** The Jackson tree of a Vert.x JSON object (tool arguments are Jackson trees in the tools module). */
    public static ObjectNode tree(JsonObject json) {
        try {
            return (ObjectNode) MAPPER.readTree(json.encode());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read JSON", e);
        }
    }

    /** The {@code [{name, type}]} column list of manifests and tool calls. */
    public static List<Column> columns(JsonArray columns) {
        return columns.stream()
                .map(c -> new Column(((JsonObject) c).getString("name"), ((JsonObject) c).getString("type")))
                .toList();
    }

    public static <T> T fromJson(JsonObject json, Class<T> type) {
        try {
            return MAPPER.readValue(json.encode(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
