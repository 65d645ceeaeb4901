package datasense.agent.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a question into words, numbers, quoted strings and symbols. Words break at spaces, hyphens,
 * underscores and other punctuation, so "sub-categories" and "Sub_Category" both become two words; the
 * original text stays on each token so values can be quoted back exactly.
 */
final class Tokenizer {

    /** Abbreviated titles written with a point: "Dr. Nair", "St. Louis", "Mt. Hood". */
    private static final java.util.Set<String> TITLES = java.util.Set.of("dr", "mr", "mrs", "ms", "st", "mt", "prof",
            "jr", "sr", "ft");

    /**
     * Unit abbreviations written onto a number ("90kg"), split from it; "2nd" and "3d" stay words, and so does "5m"
     * (metres or millions?).
     */
    private static final java.util.Set<String> MEASURE_UNITS = java.util.Set.of("mm", "cm", "km", "ft", "mi", "g",
            "kg", "mg", "lb", "lbs", "oz", "ml", "kb", "mb", "gb", "tb", "hz", "khz", "mhz", "ghz", "kw", "mw", "hp", "cc",
            "mph", "kmh", "sec", "min", "hr", "hrs");

    private Tokenizer() {
    }

    static List<Token> tokenize(String question) {
        List<Token> out = new ArrayList<>();
        String s = question == null ? "" : question;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == '"' || c == '\'' || c == '\u201c' || c == '\u2018') && isQuoteStart(s, i)) {
                char close = c == '\u201c' ? '\u201d' : c == '\u2018' ? '\u2019' : c;
                int end = s.indexOf(close, i + 1);
                if (end < 0) {
                    i++;
                    continue;
                }
                String inner = s.substring(i + 1, end);
                if (!inner.isBlank()) {
                    out.add(new Token(inner, inner.toLowerCase(Locale.ROOT), inner.toLowerCase(Locale.ROOT),
                            Token.Kind.QUOTED, out.size()));
                }
                i = end + 1;
            } else if (Character.isDigit(c) || ((c == '-' || c == '.' || c == '$' || c == '£' || c == '€') && i + 1 < n
                    && Character.isDigit(s.charAt(i + 1)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))))) {
                int start = i;
                StringBuilder num = new StringBuilder();
                if (c == '-') {
                    num.append('-');
                    i++;
                } else if (c == '$' || c == '£' || c == '€') {
                    i++; // "£20": the amount, its sign kept in the token's text
                }
                while (i < n) {
                    char d = s.charAt(i);
                    boolean digit = Character.isDigit(d);
                    boolean point = d == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1));
                    boolean thousands = d == ',' && thousandsGroup(s, i);
                    if (!digit && !point && !thousands) {
                        break;
                    }
                    if (!thousands) {
                        num.append(d);
                    }
                    i++;
                }
                String text = num.toString();
                if (text.endsWith(".")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (i < n && Character.isLetter(s.charAt(i))) {
                    int letters = i;
                    while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                        i++;
                    }
                    String scaled = scaled(text, s.substring(letters, i),
                            "$€£".indexOf(s.charAt(start)) >= 0 || start > 0 && "$€£".indexOf(s.charAt(start - 1)) >= 0);
                    if (scaled != null) { // "10k", "1.5bn", "$2m"
                        out.add(new Token(s.substring(start, i), scaled, scaled, Token.Kind.NUMBER, out.size()));
                        continue;
                    }
                    String suffix = s.substring(letters, i);
                    if (MEASURE_UNITS.contains(suffix.toLowerCase(Locale.ROOT)) && !text.isEmpty() && !text.equals("-")) {
                        // "90kg", "25km": a number and its unit, as if written "90 kg"
                        out.add(new Token(s.substring(start, letters), text, text, Token.Kind.NUMBER, out.size()));
                        out.add(word(suffix, out.size()));
                        continue;
                    }
                    // "2nd", "3d": keep letters with the number as a word
                    String w = s.substring(start, i);
                    out.add(word(w, out.size()));
                    continue;
                }
                if (text.equals("-") || text.isEmpty()) {
                    continue;
                }
                out.add(new Token(s.substring(start, i), text, text, Token.Kind.NUMBER, out.size()));
            } else if (Character.isLetter(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || isInnerApostrophe(s, i))) {
                    i++;
                }
                int particleEnd = particleAfter(s, i);
                if (particleEnd > 0) {
                    // "check-ins", "sign-ups", "drop-offs": a phrasal noun, one word as tables write it (checkins)
                    String text = s.substring(start, particleEnd);
                    String joined = text.replace("-", "").toLowerCase(Locale.ROOT);
                    out.add(new Token(text, joined, Vocabulary.singular(joined), Token.Kind.WORD, out.size()));
                    i = particleEnd;
                    continue;
                }
                String w = s.substring(start, i);
                String lower = w.toLowerCase(Locale.ROOT);
                if (lower.endsWith("n't") && lower.length() > 3) {
                    // "don't", "isn't", "can't": the auxiliary and "not", as negations are read everywhere
                    String aux = lower.equals("won't") ? "will" : lower.equals("can't") ? "can"
                            : w.substring(0, w.length() - 3);
                    out.add(word(aux, out.size()));
                    out.add(word("not", out.size()));
                    continue;
                }
                out.add(word(w, out.size()));
                if (i < n && s.charAt(i) == '.' && TITLES.contains(lower)) {
                    i++; // "Dr. Priya Nair": the abbreviation's point ends no sentence, the name goes on
                }
            } else if (c == '>' || c == '<' || c == '=' || c == '!') {
                int start = i;
                i++;
                if (i < n && s.charAt(i) == '=') {
                    i++;
                }
                out.add(new Token(s.substring(start, i), s.substring(start, i), s.substring(start, i),
                        Token.Kind.SYMBOL, out.size()));
            } else if (c == ',' || c == ';' || c == '?' || c == '.' || c == '&' || c == '/' || c == '%' || c == '*' || c == '×') {
                String t = String.valueOf(c);
                out.add(new Token(t, t, t, Token.Kind.SYMBOL, out.size()));
                i++;
            } else {
                i++; // hyphens, underscores, brackets: word separators only
            }
        }
        return uninverted(out);
    }

    private static final java.util.Set<String> AUXILIARIES = java.util.Set.of("did", "does", "do", "has", "have", "had",
            "was", "were", "is", "are");
    private static final java.util.Set<String> SUBJECTS = java.util.Set.of("they", "he", "she", "it", "we", "you", "i");

    /**
     * A question inverts its subject and auxiliary ("how many times did they not qualify"); the statement order
     * ("they did not qualify") puts "did not qualify" back together, as tables write it ("Did not qualify").
     * Only before "not": elsewhere the auxiliary is a question word the planner ignores either way.
     */
    private static List<Token> uninverted(List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord() && AUXILIARIES.contains(tokens.get(i).norm())
                    && tokens.get(i + 1).isWord() && SUBJECTS.contains(tokens.get(i + 1).norm())
                    && tokens.get(i + 2).is("not")) {
                Token aux = tokens.get(i);
                Token subject = tokens.get(i + 1);
                tokens.set(i, new Token(subject.text(), subject.norm(), subject.singular(), subject.kind(), i));
                tokens.set(i + 1, new Token(aux.text(), aux.norm(), aux.singular(), aux.kind(), i + 1));
            }
        }
        return tokens;
    }

    /** Particles of phrasal nouns: check-in, sign-up, drop-off, walk-out, add-on. */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of("in", "ins", "up", "ups", "off", "offs",
            "out", "outs", "on", "ons");

    /** The end of "-ins" after a word at {@code i} ("check-ins"), or -1; not inside "year-on-year". */
    private static int particleAfter(String s, int i) {
        if (i + 1 >= s.length() || s.charAt(i) != '-' || !Character.isLetter(s.charAt(i + 1))) {
            return -1;
        }
        int end = i + 1;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        boolean more = end < s.length() && s.charAt(end) == '-';
        return !more && PARTICLES.contains(s.substring(i + 1, end).toLowerCase(Locale.ROOT)) ? end : -1;
    }

    private static Token word(String text, int index) {
        String norm = text.toLowerCase(Locale.ROOT).replace("'", "");
        if (text.length() > 3 && (text.endsWith("'s") || text.endsWith("\u2019s"))) {
            // a possessive is its owner: "Tamu's weight" is Tamu's, one animal, never a plural "tamus"
            String owner = norm.replace("\u2019", "");
            return new Token(text, norm, owner.substring(0, owner.length() - 1), Token.Kind.WORD, index);
        }
        return new Token(text, norm, ACRONYM_PLURAL.matcher(text).matches() ? norm.substring(0, norm.length() - 1)
                : Vocabulary.singular(norm), Token.Kind.WORD, index);
    }

    /** An acronym's plural, capitals and a small s: "SKUs", "KPIs", "IDs" are SKU, KPI, ID ("skus" ends as "bus" does). */
    private static final java.util.regex.Pattern ACRONYM_PLURAL = java.util.regex.Pattern.compile("[A-Z]{2,}s");

    private static boolean isQuoteStart(String s, int i) {
        // an apostrophe inside a word ("don't", "customer's") is not a quote
        return i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
    }

    private static boolean isInnerApostrophe(String s, int i) {
        return s.charAt(i) == '\'' && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))
                && i > 0 && Character.isLetter(s.charAt(i - 1));
    }

    private static boolean thousandsGroup(String s, int comma) {
        int d = 0;
        int j = comma + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            d++;
            j++;
        }
        return d == 3;
    }

    /**
     * A number with a multiplier suffix written after it: "10k" (thousand), "1.5bn" (billion), and "m" or "mn"
     * (million) only after a currency sign ("$2m"), as "5m" alone may be metres or minutes; else null.
     */
    private static String scaled(String number, String suffix, boolean money) {
        int power = switch (suffix.toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 3;
            case "bn" -> 9;
            case "m", "mn" -> money ? 6 : -1;
            default -> -1;
        };
        if (power < 0 || number.isEmpty() || number.equals("-")) {
            return null;
        }
        try {
            return new java.math.BigDecimal(number).movePointRight(power).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
