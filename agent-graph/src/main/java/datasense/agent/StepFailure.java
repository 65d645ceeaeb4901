package datasense.agent;

/** A step that failed, with the tool's error code and message, handed back to a planner to repair it. */
public record StepFailure(int index, PlanStep step, String code, String message) {
}
