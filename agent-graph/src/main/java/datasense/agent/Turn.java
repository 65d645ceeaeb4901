package datasense.agent;

/** One earlier question of a conversation and the plan that answered it. */
public record Turn(String question, Plan plan) {
}
