package datasense.agent.planner;

/**
 * A part of a question no stage understood, as written, and what it is: an operator word ("not", "or",
 * "than", "per": losing it changes the answer), a column or value the question named but the plan does not use,
 * or another content word. Each lowers the plan's confidence by its kind's factor.
 */
record Unexplained(String text, Kind kind) {

    /**
     * How much a part of each kind matters to the answer. Even one content word left unexplained puts the plan
     * below {@link datasense.agent.Plan#LOW_CONFIDENCE}: a word we did not understand may change the answer.
     */
    enum Kind {
        OPERATOR(0.45), MENTION(0.55), WORD(0.75);

        /** The factor applied to confidence for each part of this kind left unexplained. */
        final double factor;

        Kind(double factor) {
            this.factor = factor;
        }
    }

    static Unexplained of(Token t) {
        return new Unexplained(t.text(), Vocabulary.OPERATORS.contains(t.norm())
                || t.kind() == Token.Kind.SYMBOL ? Kind.OPERATOR : Kind.WORD);
    }

    @Override
    public String toString() {
        return text;
    }
}
