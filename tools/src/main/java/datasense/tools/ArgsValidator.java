package datasense.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks tool arguments against the JSON-schema subset our tool schemas use: {@code type} (object, array,
 * string, integer, number, boolean), {@code properties}, {@code required}, {@code additionalProperties: false},
 * {@code enum}, {@code items}, {@code minimum}, {@code exclusiveMinimum}, {@code maximum}; an empty schema
 * {@code {}} accepts anything.
 * Errors name the path, e.g. {@code filters[0].op: must be one of [eq, ne]}, so a planner can fix its call.
 */
public final class ArgsValidator {

    private ArgsValidator() {
    }

    /** Every violation of {@code schema} by {@code args}; empty when the arguments are valid. */
    public static List<String> validate(ObjectNode schema, JsonNode args) {
        List<String> errors = new ArrayList<>();
        check(schema, args, "", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema == null || !schema.isObject() || schema.isEmpty()) {
            return; // {} accepts any value
        }
        String where = path.isEmpty() ? "arguments" : path;
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual() && !hasType(value, type.asText())) {
            errors.add(where + ": must be " + article(type.asText()) + ", not " + describe(value));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode a : allowed) {
                if (sameValue(a, value)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                errors.add(where + ": must be one of " + list(allowed) + ", not " + value);
            }
        }
        if (value != null && value.isNumber()) {
            JsonNode min = schema.get("minimum");
            if (min != null && min.isNumber() && value.decimalValue().compareTo(min.decimalValue()) < 0) {
                errors.add(where + ": must be at least " + min.asText() + ", not " + value.asText());
            }
            JsonNode above = schema.get("exclusiveMinimum");
            if (above != null && above.isNumber() && value.decimalValue().compareTo(above.decimalValue()) <= 0) {
                errors.add(where + ": must be more than " + above.asText() + ", not " + value.asText());
            }
            JsonNode max = schema.get("maximum");
            if (max != null && max.isNumber() && value.decimalValue().compareTo(max.decimalValue()) > 0) {
                errors.add(where + ": must be at most " + max.asText() + ", not " + value.asText());
            }
        }
        if (value != null && value.isObject()) {
            checkObject(schema, value, path, errors);
        }
        if (value != null && value.isArray()) {
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < value.size(); i++) {
                    check(items, value.get(i), path + "[" + i + "]", errors);
                }
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> errors) {
        JsonNode properties = schema.get("properties");
        String prefix = path.isEmpty() ? "" : path + ".";
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            for (JsonNode r : required) {
                JsonNode v = value.get(r.asText());
                if (v == null || v.isNull()) {
                    errors.add(prefix + r.asText() + ": is required");
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode propertySchema = properties == null ? null : properties.get(field.getKey());
            if (propertySchema == null) {
                if (closed) {
                    errors.add(prefix + field.getKey() + ": unknown property; allowed: "
                            + (properties == null ? "none" : names(properties)));
                } else if (additional != null && additional.isObject()) {
                    check(additional, field.getValue(), prefix + field.getKey(), errors);
                }
                continue;
            }
            // An explicit null for an optional property means "absent", which is what planners usually intend.
            if (field.getValue().isNull() && !isRequired(required, field.getKey())) {
                continue;
            }
            check(propertySchema, field.getValue(), prefix + field.getKey(), errors);
        }
    }

    private static boolean isRequired(JsonNode required, String name) {
        if (required == null || !required.isArray()) {
            return false;
        }
        for (JsonNode r : required) {
            if (r.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode value, String type) {
        if (value == null) {
            return false;
        }
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String article(String type) {
        return switch (type) {
            case "object", "array", "integer" -> "an " + type;
            case "string" -> "a string";
            default -> "a " + type;
        };
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isTextual()) {
            return "the string " + value;
        }
        return value.asText();
    }

    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : array) {
            out.add(a.isTextual() ? a.asText() : a.toString());
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String names(JsonNode properties) {
        List<String> out = new ArrayList<>();
        properties.fieldNames().forEachRemaining(out::add);
        return String.join(", ", out);
    }
}
