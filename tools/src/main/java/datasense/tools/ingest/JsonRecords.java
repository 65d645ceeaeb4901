package datasense.tools.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads JSON records, streaming, one at a time: a JSON array (of objects, or of plain values, each becoming a
 * {@code value} row) or a sequence of objects (NDJSON, one per line, or objects one after another). Nested
 * objects are flattened into dotted column names ({@code customer.address.city}); arrays are kept as their
 * JSON text. Writes the flattened records as NDJSON with positional keys ({@code c0}, {@code c1}, ...: JSON
 * keys may differ only in case, which SQL names may not) and settles each column's type from every value,
 * not from a sample, so the typed read that follows cannot meet a value that does not fit.
 */
final class JsonRecords {

    /** More columns than this is not a table but a document; refused. */
    static final int MAX_COLUMNS = 2000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z?");

    /**
     * What was read: the number of records, whether they came as one array ({@code json}) or one object after
     * another ({@code ndjson}), and the columns in order of first appearance with their SQL type.
     */
    record Result(long records, SourceFormat shape, List<Column> columns) {
    }

    /** A flattened column: its dotted name, its key in the written NDJSON and its type. */
    record Column(String name, String key, String type) {
    }

    private JsonRecords() {
    }

    static Result flatten(Path source, Path ndjson, IngestLimits limits) throws IngestException, IOException {
        Map<String, Kinds> columns = new LinkedHashMap<>();
        long records = 0;
        SourceFormat shape;
        try (InputStream in = Files.newInputStream(source);
             JsonParser parser = MAPPER.createParser(in);
             Writer out = new BufferedWriter(Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8), 1 << 16)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IngestException(IngestException.UNREADABLE, "The JSON file is empty.",
                        "Upload a JSON array of objects, or one JSON object per line (NDJSON).", 1);
            }
            if (first == JsonToken.START_ARRAY) {
                shape = SourceFormat.JSON;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() == null) {
                        throw syntax(parser, records + 1, "the array is not closed", null);
                    }
                    JsonNode node = parser.readValueAsTree();
                    records = write(node.isObject() ? (ObjectNode) node : JsonNodeFactory.instance.objectNode().set("value", node),
                            columns, out, records, limits, parser);
                }
                if (parser.nextToken() != null) {
                    throw syntax(parser, records, "there is more after the array's closing ]", null);
                }
            } else if (first == JsonToken.START_OBJECT) {
                shape = SourceFormat.NDJSON;
                do {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw syntax(parser, records + 1, "expected an object ({...}) for each record, found "
                                + parser.currentToken().asString(), null);
                    }
                    records = write(parser.readValueAsTree(), columns, out, records, limits, parser);
                } while (parser.nextToken() != null);
            } else {
                throw new IngestException(IngestException.UNREADABLE,
                        "The file does not hold JSON records: it starts with a single " + first.name().toLowerCase()
                                .replace('_', ' ') + ".",
                        "Upload a JSON array of objects, or one JSON object per line (NDJSON).", 1);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage().split("\n")[0];
            throw new IngestException(IngestException.UNREADABLE,
                    "Line " + (at == null ? 0 : at.getLineNr()) + ", column " + (at == null ? 0 : at.getColumnNr())
                            + " (record " + (records + 1) + "): " + what,
                    "Check the JSON at that place (a missing comma, quote or bracket), or save the file again.",
                    at == null ? 0 : at.getLineNr(), e);
        }
        if (records == 0) {
            throw new IngestException(IngestException.UNREADABLE, "The JSON holds no records.",
                    "Upload a JSON array with at least one object, or one object per line.", 1);
        }
        if (columns.isEmpty()) {
            throw new IngestException(IngestException.UNREADABLE, "The JSON records hold no fields.",
                    "Upload objects with at least one field each.", 1);
        }
        List<String> names = CsvIngestor.columnNames(new ArrayList<>(columns.keySet()));
        List<Column> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Kinds> e : columns.entrySet()) {
            out.add(new Column(names.get(i), e.getValue().key, e.getValue().type()));
            i++;
        }
        return new Result(records, shape, out);
    }

    private static long write(ObjectNode record, Map<String, Kinds> columns, Writer out, long records,
                              IngestLimits limits, JsonParser parser) throws IOException, IngestException {
        if (records + 1 > limits.maxRows()) {
            throw new IngestException(IngestException.TOO_LARGE,
                    "The file has more than " + limits.maxRows() + " records; at most " + limits.maxRows()
                            + " are accepted.", "Upload a smaller extract (fewer records).");
        }
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", record, flat);
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
            Kinds kinds = columns.get(e.getKey());
            if (kinds == null) {
                if (columns.size() >= MAX_COLUMNS) {
                    throw syntax(parser, records + 1, "the records hold more than " + MAX_COLUMNS
                            + " different fields", "Upload records with a fixed set of fields.");
                }
                kinds = new Kinds("c" + columns.size());
                columns.put(e.getKey(), kinds);
            }
            JsonNode v = e.getValue();
            kinds.see(v);
            if (!v.isNull()) {
                row.put(kinds.key, v.isTextual() ? v.textValue() : v.toString());
            }
        }
        out.write(row.toString());
        out.write('\n');
        return records + 1;
    }

    /** Nested objects become dotted names and arrays JSON text. */
    private static void flatten(String prefix, ObjectNode object, Map<String, JsonNode> flat) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = prefix + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                flatten(name + ".", (ObjectNode) v, flat); // an empty object adds nothing: its fields are missing
            } else if (v.isArray()) {
                flat.put(name, JsonNodeFactory.instance.textNode(v.toString()));
            } else {
                flat.put(name, v);
            }
        }
    }

    private static IngestException syntax(JsonParser parser, long record, String what, String hint) {
        JsonLocation at = parser.currentLocation();
        return new IngestException(IngestException.UNREADABLE,
                "Line " + at.getLineNr() + " (record " + record + "): " + what + ".",
                hint != null ? hint : "Upload a JSON array of objects, or one JSON object per line (NDJSON).",
                at.getLineNr());
    }

    /** The kinds of value one column has held so far, which decide its type. */
    private static final class Kinds {
        final String key;
        boolean integer;
        boolean decimal;
        boolean bool;
        boolean text;
        boolean dates = true;
        boolean timestamps = true;
        boolean any;

        Kinds(String key) {
            this.key = key;
        }

        void see(JsonNode v) {
            if (v.isNull()) {
                return;
            }
            any = true;
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                integer = true;
            } else if (v.isNumber() && !v.isIntegralNumber()) {
                decimal = true;
            } else if (v.isBoolean()) {
                bool = true;
            } else {
                text = true; // strings, and integers too long for BIGINT (identifiers: every digit kept)
                String s = v.isTextual() ? v.textValue() : "";
                boolean date = DATE.matcher(s).matches() && validDate(s);
                dates &= date;
                timestamps &= date || TIMESTAMP.matcher(s).matches() && validTimestamp(s);
            }
        }

        String type() {
            int kinds = (integer || decimal ? 1 : 0) + (bool ? 1 : 0) + (text ? 1 : 0);
            if (!any || kinds > 1) {
                return "VARCHAR";
            }
            if (text) {
                return dates ? "DATE" : timestamps ? "TIMESTAMP" : "VARCHAR";
            }
            return bool ? "BOOLEAN" : decimal ? "DOUBLE" : "BIGINT";
        }

        private static boolean validDate(String s) {
            try {
                LocalDate.parse(s);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        private static boolean validTimestamp(String s) {
            try {
                LocalDateTime.parse((s.endsWith("Z") ? s.substring(0, s.length() - 1) : s).replace(' ', 'T'));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
