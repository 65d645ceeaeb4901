package datasense.agent;

import datasense.tools.SchemaInfo;
import java.util.List;

/**
 * A question to plan: the question, the file's schema with sample values, the conversation so far (oldest
 * first, possibly empty), when re-planning the failure to repair (else null), and the files the asked one may
 * be joined to along its join hints (possibly empty: then the plan reads the one file).
 */
public record PlanRequest(String question, SchemaInfo schema, List<Turn> history, StepFailure failure,
                          List<JoinableTable> joinable) {

    public PlanRequest {
        joinable = joinable == null ? List.of() : List.copyOf(joinable);
    }

    /** A question about one file with nothing to join it to. */
    public PlanRequest(String question, SchemaInfo schema, List<Turn> history, StepFailure failure) {
        this(question, schema, history, failure, List.of());
    }
}
