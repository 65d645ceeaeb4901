package datasense.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What a tool is called, what it does, and the JSON schema of its arguments. The schema lives beside the
 * tool as the resource {@code /tools/<name>.schema.json}, so docs, validation and the LLM see the same text.
 */
public record ToolSpec(String name, String description, ObjectNode argsSchema) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Loads the spec of {@code name} from its schema resource; the description is the schema's own. */
    public static ToolSpec load(String name) {
        String path = "/tools/" + name + ".schema.json";
        try (InputStream in = ToolSpec.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing tool schema resource " + path);
            }
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            JsonNode description = schema.get("description");
            return new ToolSpec(name, description == null ? name : description.asText(), schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
