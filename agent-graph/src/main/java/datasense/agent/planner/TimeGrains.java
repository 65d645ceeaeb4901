package datasense.agent.planner;

/**
 * Time grains of a clause: adjectives ("monthly", "annual"), nouns after a group word ("by year", "per
 * quarter", "over the months"), and "year over year". The first grain found is the clause's.
 */
final class TimeGrains {

    private TimeGrains() {
    }

    static void read(Clause c) {
        for (int i = c.from; i < c.to; i++) {
            if (!c.freeWord(i)) {
                continue;
            }
            Token t = c.token(i);
            Grain g = Vocabulary.GRAIN_ADJECTIVES.get(t.norm());
            boolean viaNoun = false;
            if (g == null && Vocabulary.GRAIN_NOUNS.containsKey(t.singular()) && !t.singular().equals("date")) {
                String before = c.w(i - 1);
                if (Vocabulary.GROUP_WORDS.contains(before) || before.equals("a") || before.equals("the")
                        || (before.equals("over") && t.norm().endsWith("s"))) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular());
                    viaNoun = true;
                    c.mark(i - 1);
                } else if (c.w(i + 1).equals("over") && c.w(i + 2).equals(t.norm())) {
                    g = Vocabulary.GRAIN_NOUNS.get(t.singular()); // "year over year"
                    c.mark(i + 1);
                    c.mark(i + 2);
                }
            }
            if (g == null) {
                continue;
            }
            c.mark(i);
            if (c.grain == null) {
                c.grain = g;
            }
            if (viaNoun && c.w(i - 2).equals("for")) {
                c.mark(i - 2);
            }
        }
    }
}
