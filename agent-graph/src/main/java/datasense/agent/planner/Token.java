package datasense.agent.planner;

/**
 * One token of a question: its original text, its lowercase form, its singular form (for matching
 * "categories" with "Category"), its kind, and its position in the token list.
 */
record Token(String text, String norm, String singular, Kind kind, int index) {

    /** What a token is: a word, a number, a quoted string, or a symbol such as a comma or comparison. */
    enum Kind { WORD, NUMBER, QUOTED, SYMBOL }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean is(String word) {
        return kind == Kind.WORD && norm.equals(word);
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    /** A whole number between 1900 and 2100, read as a year when the context allows. */
    boolean isYear() {
        if (kind != Kind.NUMBER || norm.contains(".") || norm.startsWith("-") || norm.length() != 4) {
            return false;
        }
        int y = Integer.parseInt(norm);
        return y >= 1900 && y <= 2100;
    }
}
