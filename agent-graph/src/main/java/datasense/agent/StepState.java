package datasense.agent;

/**
 * A plan step as the run has got on with it: the step, its status, how many times it was tried (a repaired
 * step inherits the attempts of the one it replaces), and its output (when OK) or the error (when FAILED).
 */
public record StepState(PlanStep step, Status status, int attempts, StepOutput output, String errorCode,
                        String errorMessage, String errorHint) {

    /** Where a step stands. */
    public enum Status { PENDING, OK, FAILED }

    public static StepState pending(PlanStep step, int attempts) {
        return new StepState(step, Status.PENDING, attempts, null, null, null, null);
    }

    public StepState succeeded(StepOutput result) {
        return new StepState(step, Status.OK, attempts + 1, result, null, null, null);
    }

    public StepState failed(String code, String message, String hint) {
        return new StepState(step, Status.FAILED, attempts + 1, null, code, message, hint);
    }

    /** The same failure, marked as not worth another repair. */
    public StepState exhausted() {
        return new StepState(step, status, Math.max(attempts, ReflectNode.MAX_ATTEMPTS), output, errorCode,
                errorMessage, errorHint);
    }
}
