package datasense.agent;

import datasense.tools.SchemaInfo;
import java.util.List;

/**
 * A question to plan: the question, the file's schema with sample values, the conversation so far (oldest
 * first, possibly empty) and, when re-planning, the failure to repair (else null).
 */
public record PlanRequest(String question, SchemaInfo schema, List<Turn> history, StepFailure failure) {
}
