package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** Vega-Lite's own v5 JSON schema (vendored from the npm package, see resources/vega-lite/README.md), for tests. */
public final class VegaLiteSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private VegaLiteSchema() {
    }

    /** Asserts that {@code spec} is a valid Vega-Lite v5 spec. */
    public static void check(JsonNode spec) {
        assertThat(SCHEMA.validate(spec)).as(spec.toPrettyString()).isEmpty();
    }

    /** The schema itself, to show that it refuses what is not Vega-Lite. */
    static Schema schema() {
        return SCHEMA;
    }

    private static Schema load() {
        try (InputStream in = new GZIPInputStream(VegaLiteSchema.class.getResourceAsStream(
                "/vega-lite/vega-lite-v5.23.0.schema.json.gz"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
