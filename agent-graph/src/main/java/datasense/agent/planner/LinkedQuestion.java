package datasense.agent.planner;

import java.util.List;

/** A tokenized question with its schema links; {@code mentionAt[i]} is the mention covering token i, or null. */
record LinkedQuestion(String text, List<Token> tokens, List<Mention> mentions, Mention[] mentionAt,
                      SchemaIndex index) {

    Token token(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    /** The lowercase word at i, or "" outside the question or for non-words. */
    String word(int i) {
        Token t = token(i);
        return t == null || t.kind() == Token.Kind.QUOTED ? "" : t.norm();
    }

    int size() {
        return tokens.size();
    }
}
