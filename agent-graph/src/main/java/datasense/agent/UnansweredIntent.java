package datasense.agent;

/** An intent of the question the run could not answer, and why, in words a user can act on. */
public record UnansweredIntent(String intent, String reason) {
}
