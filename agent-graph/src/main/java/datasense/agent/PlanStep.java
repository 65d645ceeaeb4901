package datasense.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool call of a plan: the tool's name, its arguments (valid against the tool's schema) and the
 * intent of the question it answers, in words ("distribution of Sales"), so reflection can tell which
 * intents are answered.
 */
public record PlanStep(String tool, ObjectNode args, String intent) {
}
