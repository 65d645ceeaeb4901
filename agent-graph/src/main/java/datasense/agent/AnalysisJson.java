package datasense.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;

/** The JSON mapping of {@link AnalysisState} for checkpoints, shared so hosts write and read it the same way. */
public final class AnalysisJson {

    /**
     * Whole numbers in table cells read back as Long (as tools produce them), so a state read back from a
     * checkpoint equals the one written; unknown fields are skipped so older checkpoints still load.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .nodeFactory(new IntFirstNodeFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AnalysisJson() {
    }

    /**
     * Keeps small whole numbers in tool arguments as int nodes (as planners write them) despite
     * USE_LONG_FOR_INTS, so an {@code ObjectNode} read back equals the one written.
     */
    private static final class IntFirstNodeFactory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public NumericNode numberNode(long v) {
            return v == (int) v ? IntNode.valueOf((int) v) : super.numberNode(v);
        }
    }
}
