package datasense.verticles.bus;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import datasense.tools.Column;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Converts the records of the tools and agent-graph modules to and from event-bus JSON. Records travel as
 * plain JSON objects (never Java serialization), so the same messages work on a clustered bus. Going through
 * text keeps Vert.x's JsonObject and Jackson's tree types from meeting half-way.
 */
public final class Json {

    /**
     * Unknown fields are skipped (a newer node may add some); Vert.x's JsonObject and JsonArray fields of a record
     * map as the JSON they hold. (Not Vert.x's VertxModule: it would also write byte[] as base64url, where the
     * bus carries standard base64.)
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new SimpleModule("vertx-json")
                    .addSerializer(JsonObject.class, new StdSerializer<>(JsonObject.class) {
                        @Override
                        public void serialize(JsonObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                            gen.writeObject(value.getMap());
                        }
                    })
                    .addSerializer(JsonArray.class, new StdSerializer<>(JsonArray.class) {
                        @Override
                        public void serialize(JsonArray value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                            gen.writeObject(value.getList());
                        }
                    })
                    .addDeserializer(JsonObject.class, new StdDeserializer<>(JsonObject.class) {
                        @Override
                        public JsonObject deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            Map<String, Object> map = p.readValueAs(new TypeReference<Map<String, Object>>() { });
                            return new JsonObject(map);
                        }
                    })
                    .addDeserializer(JsonArray.class, new StdDeserializer<>(JsonArray.class) {
                        @Override
                        public JsonArray deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                            List<Object> list = p.readValueAs(new TypeReference<List<Object>>() { });
                            return new JsonArray(list);
                        }
                    }));

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
