package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links spans of a tokenized question to the schema, longest span first: column names in any spelling
 * ("sub-categories" -> Sub-Category), values of text columns ("in the West" -> Region 'West', "Office
 * Supplies"), a unique first or last name word ("hire" -> hire_date), entities ("customers" -> Customer ID
 * and Customer Name), and a few indirect words from {@link Vocabulary#MEASURE_HINTS}.
 */
final class SchemaLinker {

    /** Words before a span that make an ambiguous name read as a value: "in Sales" is the Sales department. */
    /** Distinct values from which a text column holds names (of teams, people, places) rather than categories. */
    private static final int NAMES_COLUMN = 8;
    /** Nouns for anyone at all; a value spelled so ("People", a department) needs a cue to be meant. */
    private static final Set<String> GENERIC_NOUNS = Set.of("people", "person", "persons", "individuals", "everyone",
            "anyone", "someone", "folks", "humans");
    private static final Set<String> VALUE_CUES = Set.of("in", "for", "from", "within", "only", "at", "not", "except",
            "excluding", "vs", "versus", "or", "than", "is", "was", "were", "are");

    private SchemaLinker() {
    }

    /**
     * Indexes of recent schemas, found by equal content: a node receives each question's schema freshly decoded
     * from JSON, and indexing its values (the regular expressions of every value) cost more than planning itself.
     */
    private static final Map<SchemaInfo, SchemaIndex> CACHED = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SchemaInfo, SchemaIndex> eldest) {
            return size() > 32;
        }
    });

    static SchemaIndex index(SchemaInfo schema) {
        SchemaIndex c = CACHED.get(schema);
        if (c != null) {
            return c;
        }
        SchemaIndex built = new SchemaIndex(schema);
        CACHED.put(schema, built);
        return built;
    }

    static LinkedQuestion link(String question, SchemaInfo schema) {
        SchemaIndex index = index(schema);
        List<Token> tokens = Tokenizer.tokenize(question);
        List<Mention> mentions = new ArrayList<>();
        Mention[] at = new Mention[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            Mention m = linkAt(tokens, i, index);
            if (m == null) {
                i++;
                continue;
            }
            if (rowNounAfterPer(m, tokens, index)
                    || m.end() == i + 1 && Vocabulary.CHART_KINDS.containsKey(tokens.get(i).norm()) && asAKind(tokens, i)) {
                i++; // "... as a line": the chart's kind, though a column is called line
                continue;
            }
            m = withClassifier(m, tokens, index);
            m = withTimeWord(m, tokens, index);
            m = namesOverCount(m, tokens, index);
            Mention last = mentions.isEmpty() ? null : mentions.get(mentions.size() - 1);
            m = ownName(m, last, tokens);
            if (last != null && last.end() == m.start() && last.isColumn() && m.isColumn() && m.value() == null
                    && last.value() == null && last.column().equals(m.column())) {
                // "first" then "lap time", both of first_lap_minutes: one column named in two pieces is one mention
                mentions.remove(mentions.size() - 1);
                m = new Mention(m.kind(), last.start(), m.end(), m.column(), null, null, null,
                        last.reading() != null ? last.reading() : m.reading());
            }
            if (last != null && last.end() == m.start() && last.isColumn() && last.value() == null && m.isColumn()
                    && m.value() == null && m.end() == m.start() + 1 && last.column().column().numeric()
                    && kindOfQuantity(tokens.get(m.start()), last.column())) {
                // "gross weight" of gross_kg: the noun says what kind of quantity the named column holds
                mentions.remove(mentions.size() - 1);
                m = new Mention(last.kind(), last.start(), m.end(), last.column(), null, null, null, last.reading());
            }
            if (last != null && last.end() == m.start() && last.kind() == Mention.Kind.VALUE && m.isColumn() && m.value() == null
                    && nameHolds(m.column(), tokens, last.start(), last.end())) {
                // "monthly price" of monthly_price_usd: the word is the column's, not the value Monthly of another
                mentions.remove(mentions.size() - 1);
                m = new Mention(m.kind(), last.start(), m.end(), m.column(), null, null, null, m.reading());
            }
            mentions.add(m);
            for (int k = m.start(); k < m.end(); k++) {
                at[k] = m;
            }
            i = m.end();
        }
        return new LinkedQuestion(question, tokens, mentions, at, index);
    }

    /** True when the word is a quantity ("weight") the column's name says it holds in a unit of (gross_kg). */
    private static boolean kindOfQuantity(Token t, ColumnProfile column) {
        List<String> units = Vocabulary.MEASURE_HINTS.get(t.norm());
        List<String> words = SchemaIndex.words(column.name());
        return units != null && units.stream().skip(1).anyMatch(words::contains);
    }

    /** True when every word of tokens [from, to) is a word of the column's name. */
    private static boolean nameHolds(ColumnProfile column, List<Token> tokens, int from, int to) {
        List<String> words = SchemaIndex.words(column.name());
        for (int k = from; k < to; k++) {
            if (!words.contains(tokens.get(k).norm()) && !words.contains(tokens.get(k).singular())) {
                return false;
            }
        }
        return true;
    }

    /**
     * "countries whose name starts with G", "stations with 'Park' in their name": the name of the thing just named is
     * that thing's own column, not a column called name (guest_name).
     */
    private static Mention ownName(Mention m, Mention last, List<Token> tokens) {
        if (last == null || !m.isColumn() || m.value() != null || m.end() - m.start() != 1 || !last.isColumn()
                || last.column().equals(m.column()) || last.column().column().numeric() || last.column().column().temporal()
                || !Set.of("name", "names").contains(tokens.get(m.start()).norm()) || m.start() < 1
                || !Set.of("whose", "their", "its").contains(tokens.get(m.start() - 1).norm())
                || m.start() - last.end() > 6) {
            return m;
        }
        return new Mention(m.kind(), m.start(), m.end(), last.column(), null, null, null,
                "'" + tokens.get(m.start()).text() + "' read as the name of " + last.column().name());
    }

    /** Words that only say what kind of thing a column holds: "payment type", "ship method", "region name". */
    private static final Set<String> CLASSIFIERS = Set.of("type", "types", "kind", "kinds", "method", "methods",
            "mode", "modes", "category", "categories", "class", "classes", "group", "groups", "name", "names",
            "status", "option", "options", "level", "levels");

    /**
     * "payment type" with a column called payment: the classifier word belongs to the mention, rather than
     * linking on its own to another column that ends in "type".
     */
    private static Mention withClassifier(Mention m, List<Token> tokens, SchemaIndex index) {
        int next = m.end();
        if (!m.isColumn() || next >= tokens.size() || !CLASSIFIERS.contains(tokens.get(next).norm())
                || m.column().column().numeric()) {
            return m;
        }
        Mention alone = linkAt(tokens, next, index);
        if (alone != null && alone.end() > next + 1) {
            return m; // "payment type code": a longer name starts at the classifier
        }
        if (alone != null && alone.isColumn() && SchemaIndex.words(alone.column().name()).size() == 1) {
            return m; // a column called exactly "type" is meant
        }
        return new Mention(m.kind(), m.start(), next + 1, m.column(), m.value(), m.op(), m.entity(), m.reading());
    }

    /**
     * "labour time" or "response time" with a column labour_minutes: the word "time" is what the column measures,
     * in its unit, and belongs to the mention rather than standing unexplained.
     */
    private static Mention withTimeWord(Mention m, List<Token> tokens, SchemaIndex index) {
        int next = m.end();
        if (!m.isColumn() || !m.column().column().numeric() || next >= tokens.size()
                || !Set.of("time", "times", "duration").contains(tokens.get(next).norm())
                || SchemaIndex.words(m.column().name()).stream().noneMatch(Vocabulary.TIME_UNITS::contains)) {
            return m;
        }
        Mention alone = linkAt(tokens, next, index);
        if (alone != null && !(alone.isColumn() && alone.column().equals(m.column()))) {
            return m; // a column of its own is called "time"
        }
        Mention factor = tokens.get(next).norm().equals("times") && next + 1 < tokens.size() ? linkAt(tokens, next + 1, index) : null;
        if (factor != null && factor.isColumn() && factor.column().column().numeric()) {
            return m; // "hours times rate": a product, not "hour times"
        }
        return new Mention(m.kind(), m.start(), next + 1, m.column(), m.value(), m.op(), m.entity(), m.reading());
    }

    /**
     * "average kWh per reading" on a table of meter readings: the table's own row noun after "per" or "each" is one
     * row, not the column whose longer name holds the word (reading_time).
     */
    private static boolean rowNounAfterPer(Mention m, List<Token> tokens, SchemaIndex index) {
        if (!m.isColumn() || m.end() != m.start() + 1 || m.start() == 0
                || !Set.of("per", "each", "every").contains(tokens.get(m.start() - 1).norm())
                || SchemaIndex.words(m.column().name()).size() < 2) {
            return false;
        }
        String w = tokens.get(m.start()).singular();
        // the name's head noun only: "each pest" of pest_visits is a pest (pest_type), not a visit
        List<String> heads = index.tableHeads();
        return !heads.isEmpty() && heads.get(heads.size() - 1).equals(w) && !index.repeatedThing(w);
    }

    /** Words before a noun that ask for things of its kind, not for how many: "which guest", "distinct guests". */
    private static final Set<String> THING_CUES = Set.of("which", "what", "each", "every", "per", "by", "list",
            "distinct", "different", "unique", "individual");

    /**
     * "which guest spent the most", "how many distinct guests", "list guests from Japan": a noun that names a count
     * column exactly (guests: how many came) and, with a classifier, a column of names (guest_name) asks for the
     * names after a word that asks for things of its kind; elsewhere ("how many guests stayed") the count is meant.
     */
    private static Mention namesOverCount(Mention m, List<Token> tokens, SchemaIndex index) {
        int cue = m.start() - 1;
        if (cue > 0 && Set.of("the", "all", "our").contains(tokens.get(cue).norm())) {
            cue--; // "list the guests whose name ...": the names of the guests, not how many each booking had
        }
        if (!m.isColumn() || !m.column().column().numeric() || cue < 0
                || !THING_CUES.contains(tokens.get(cue).norm()) && !Set.of("show", "name").contains(tokens.get(cue).norm())) {
            return m;
        }
        List<String> noun = SchemaIndex.words(m.column().name()).stream().map(Vocabulary::singular).toList();
        for (ColumnProfile c : index.schema.columns()) {
            List<String> words = SchemaIndex.words(c.name());
            if (!c.column().numeric() && words.size() == noun.size() + 1 && CLASSIFIERS.contains(words.get(noun.size()))
                    && words.subList(0, noun.size()).equals(noun)) {
                return Mention.column(m.start(), m.end(), c, "'" + tokens.get(m.start()).text() + "' read as "
                        + c.name() + ", the names, not " + m.column().name() + ", how many");
            }
        }
        return m;
    }

    private static Mention linkAt(List<Token> tokens, int i, SchemaIndex index) {
        Token t = tokens.get(i);
        if (t.kind() == Token.Kind.SYMBOL) {
            return null;
        }
        if (t.kind() == Token.Kind.QUOTED) {
            return linkQuoted(t, i, index);
        }
        Mention yearly = t.kind() == Token.Kind.NUMBER ? yearlyMention(tokens, i, index) : null;
        if (yearly != null) {
            return yearly;
        }
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        for (int n = Math.min(index.maxWords + 1, tokens.size() - i); n >= 1; n--) { // +1: a name said with "of"
            boolean withComma = commaInside(tokens, i, n);
            if (!plainSpan(tokens, i, n) && !withComma) {
                continue;
            }
            StringBuilder spaced = new StringBuilder();
            StringBuilder compact = new StringBuilder();
            for (int k = i; k < i + n; k++) {
                if (tokens.get(k).kind() == Token.Kind.SYMBOL) {
                    continue;
                }
                if (k > i) {
                    spaced.append(' ');
                }
                spaced.append(tokens.get(k).singular());
                compact.append(tokens.get(k).singular());
            }
            if (withComma) {
                // "the madrid, spain venue": the one value written with its comma, before its parts are read as a list
                List<SchemaIndex.ValueRef> whole = index.valueKeys.getOrDefault(spaced.toString(), List.of()).stream()
                        .filter(v -> v.value().contains(",")).toList();
                if (!whole.isEmpty()) {
                    SchemaIndex.ValueRef v = pickValue(whole, tokens, i, i + n, index);
                    return Mention.value(i, i + n, v.column(), v.value(), "eq", null);
                }
                continue;
            }
            String key = spaced.toString();
            boolean lone = n == 1;
            boolean numberFirst = t.kind() == Token.Kind.NUMBER;
            List<ColumnProfile> cols = index.columnKeys.get(key);
            if (cols == null && n > 1) {
                cols = index.columnKeys.get(compact.toString());
            }
            if (cols == null && n > 2 && key.contains(" of ") && !key.startsWith("of ") && !key.endsWith(" of")) {
                cols = index.columnKeys.get(key.replace(" of ", " ")); // "years of experience": years_experience
            }
            if (cols == null && n == 2 && tokens.get(i + 1).kind() == Token.Kind.WORD) {
                // "claim amounts" of amount_claimed: a noun before its head says the participle after it
                String head = tokens.get(i + 1).singular();
                for (String form : List.of(t.norm() + "ed", t.norm() + "d")) {
                    cols = cols != null ? cols : index.columnKeys.get(head + " " + form);
                }
            }
            if (cols == null && n == 2 && tokens.get(i + 1).kind() == Token.Kind.WORD && participle(tokens.get(i + 1).norm())) {
                // "units wasted" of wasted_units: a participle after its noun says what it says before it
                String said = tokens.get(i + 1).norm();
                cols = index.columnKeys.get(said + " " + t.singular());
                for (String other : Vocabulary.PARTICIPLE_SYNONYMS.getOrDefault(said, List.of())) {
                    cols = cols != null ? cols : index.columnKeys.get(t.singular() + " " + other); // "amount collected"
                }
            }
            if (cols == null && lone) {
                cols = index.columnKeys.get(t.norm());
            }
            List<SchemaIndex.ValueRef> vals = index.valueKeys.get(key);
            if (vals == null && cols == null && lone && t.kind() == Token.Kind.WORD && t.singular().length() >= 5) {
                vals = index.valueKeys.get(t.singular() + "ic"); // "democrats": a party's members, of the value Democratic
            }
            if (vals == null && cols == null && lone && t.kind() == Token.Kind.WORD && t.norm().length() > 4
                    && t.norm().endsWith("es")) {
                vals = index.valueKeys.get(t.norm().substring(0, t.norm().length() - 2)); // "buses" of bus, "tomatoes"
            }
            if (vals == null && n > 1 && tokens.subList(i, i + n).stream().allMatch(SchemaLinker::valueWordOk)) {
                vals = index.valueKeys.get(compact.toString()); // "william mckinley" for McKinley (mc kinley); not "on lines"
            }
            if (vals != null && lone && !valueWordOk(t)) {
                vals = null;
            }
            if (vals != null && lone && GENERIC_NOUNS.contains(t.norm()) && !VALUE_CUES.contains(before)
                    && !namesColumnOf(vals, tokens, i + 1, index)) {
                vals = null; // "how many people applied": persons, not the People department
            }
            if (numberFirst) {
                cols = null; // "1995 96" may be a value, never a column's name
                if (vals == null) {
                    continue;
                }
            }
            // "which place has the smallest area": after "which" or "what", a word that names a column is asked
            boolean asked = i > 0 && Set.of("which", "what").contains(tokens.get(i - 1).norm()) || afterGroupWord(tokens, i);
            if (cols != null && lone && Vocabulary.STOP.contains(t.norm()) && vals == null && !asked) {
                cols = null; // a column called "value" or "number" is not what "number of" means
            }
            // "for the Conversions campaigns": written with a capital mid-sentence, as the value is and the column
            // (conversions) is not, the word is the name of the value
            boolean writtenAsName = lone && i > 0 && Character.isUpperCase(t.text().charAt(0)) && cols != null
                    && vals != null && !Character.isUpperCase(cols.get(0).name().charAt(0))
                    && vals.stream().anyMatch(v -> capitalized(v.value(), t.singular()) || capitalized(v.value(), t.norm()));
            if (cols != null && vals != null) {
                if (VALUE_CUES.contains(before) || writtenAsName) {
                    cols = null;
                } else {
                    vals = null;
                }
            }
            if (cols != null) {
                Mention inUnit = inUnitNamed(tokens, i, i + n, cols.get(0), index);
                return inUnit != null ? inUnit : Mention.column(i, i + n, cols.get(0), null);
            }
            if (vals != null) {
                SchemaIndex.ValueRef v = pickValue(vals, tokens, i, i + n, index);
                if (index.listed(v.column(), v.value())) { // "Allegany", and "Allegany, Garrett" lists it too
                    return Mention.value(i, i + n, v.column(), v.value(), "contains", Clause.BEST_GUESS + "'"
                            + v.value() + "' read as every " + v.column().name() + " that lists it, not only '"
                            + v.value() + "' alone");
                }
                String away = SchemaIndex.markedForVenue(v.column(), v.value());
                if (away != null) { // "San Diego Chargers" at home, "at San Diego Chargers" away: one opponent
                    return Mention.value(i, i + n, v.column(), v.value(), "ends_with",
                            "'" + v.value() + "' read as every " + v.column().name() + " ending in it, '" + away + "' too");
                }
                if (SchemaIndex.countedAgain(v.column(), v.value())) { // "Miami", then "Miami (2)" for the second title
                    return Mention.value(i, i + n, v.column(), v.value(), "starts_with", "'" + v.value() + "' read as every "
                            + v.column().name() + " written " + v.value() + ", with its count of times after it or not");
                }
                return Mention.value(i, i + n, v.column(), v.value(), "eq", null);
            }
            List<SchemaIndex.ValueRef> items = cols == null && (!lone || valueWordOk(t)) ? index.itemKeys.get(key) : null;
            if (items != null) {
                SchemaIndex.ValueRef v = pickValue(items, tokens, i, i + n, index);
                return Mention.value(i, i + n, v.column(), v.value(), "contains",
                        "'" + v.value() + "' read as " + v.column().name() + " listing it");
            }
        }
        Mention nationality = demonym(tokens, i, index);
        if (nationality != null) {
            return nationality;
        }
        return t.kind() == Token.Kind.WORD ? linkWord(t, i, index, tokens) : null;
    }

    /** True when the word at {@code i} ends the name of {@code col} and the word before it is one of its values. */
    private static boolean namesColumnOfValueBefore(List<Token> tokens, int i, ColumnProfile col, SchemaIndex index) {
        List<String> name = SchemaIndex.words(col.name());
        List<SchemaIndex.ValueRef> before = i > 0 ? index.valueKeys.get(tokens.get(i - 1).singular()) : null;
        return name.get(name.size() - 1).equals(tokens.get(i).singular()) && before != null
                && before.stream().anyMatch(v -> v.column().equals(col));
    }

    /** Units of time as column names end with them: finish_seconds, wait_mins, duration_hours. */
    private static final Map<String, Set<String>> TIME_UNITS = Map.of("second", Set.of("second", "sec", "s"),
            "minute", Set.of("minute", "min"), "hour", Set.of("hour", "hr", "h"));

    /**
     * "finish time in seconds", "finish time (seconds)" of finish_time kept as text ("3:39:55") beside finish_seconds:
     * the unit said after a column's name picks the column of the same first word kept in that unit. Null else.
     */
    private static Mention inUnitNamed(List<Token> tokens, int start, int end, ColumnProfile named, SchemaIndex index) {
        int at = end < tokens.size() && tokens.get(end).norm().equals("in") ? end + 1 : end;
        Set<String> unit = at < tokens.size() ? TIME_UNITS.get(tokens.get(at).singular()) : null;
        List<String> words = SchemaIndex.words(named.name());
        if (unit == null || words.isEmpty() || unit.contains(words.get(words.size() - 1))) {
            return null;
        }
        for (ColumnProfile c : index.schema.columns()) {
            List<String> w = SchemaIndex.words(c.name());
            if (c.column().numeric() && w.size() == 2 && w.get(0).equals(words.get(0)) && unit.contains(w.get(1))) {
                String said = String.join(" ", tokens.subList(start, at + 1).stream().map(Token::text).toList());
                return Mention.column(start, at + 1, c, "'" + said + "' read as " + c.name());
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern YEAR_IN_NAME = java.util.regex.Pattern.compile("(?<!\\d)(1[89]|20)\\d\\d(?!\\d)");

    /** A column's name with its year written as "{year}" ("{year} arms sales"), or null when it holds no year. */
    private static String yearlyShape(String name) {
        java.util.regex.Matcher m = YEAR_IN_NAME.matcher(name);
        return m.find() ? name.substring(0, m.start()) + "{year}" + name.substring(m.end()) : null;
    }

    /**
     * "in 1880" of columns "1870", "1880"; "the 2009 arms sales" of "2010 arms sales (US$ m.)", "2009 arms sales
     * (US$ m.)": a year, and the words after it that its column's name holds, name that year's column of a table
     * laid out a column a year. The column whose name holds the most of those words wins; null when none.
     */
    private static Mention yearlyMention(List<Token> tokens, int i, SchemaIndex index) {
        String year = tokens.get(i).norm();
        ColumnProfile best = null;
        int bestEnd = -1;
        for (ColumnProfile col : index.schema.columns()) {
            if (yearlyColumn(col, year, index) != col) {
                continue;
            }
            List<String> words = SchemaIndex.words(col.name());
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).kind() == Token.Kind.WORD && words.contains(tokens.get(end).singular())) {
                end++;
            }
            boolean named = end > i + 1 || words.equals(List.of(year)); // "1880" alone names only a column "1880"
            if (named && end > bestEnd) {
                best = col;
                bestEnd = end;
            }
        }
        return best == null ? null : Mention.column(i, bestEnd, best, null);
    }

    /**
     * The column of a table laid out a column a year ("1870", "1880"; "2010 arms sales", "2009 arms sales") that
     * the year names, in the shape of {@code col}'s name; null when no other column has that shape.
     */
    private static ColumnProfile yearlyColumn(ColumnProfile col, String year, SchemaIndex index) {
        String shape = yearlyShape(col.name());
        if (shape == null || !"{year}".equals(yearlyShape(year))) {
            return null;
        }
        List<ColumnProfile> alike = index.schema.columns().stream().filter(c -> shape.equals(yearlyShape(c.name()))).toList();
        return alike.size() < 2 ? null : alike.stream().filter(c -> c.name().equals(shape.replace("{year}", year)))
                .findFirst().orElse(null);
    }

    /** "australian", "south african": the value naming the country of an adjective of nationality, when one does. */
    private static Mention demonym(List<Token> tokens, int i, SchemaIndex index) {
        for (int n = Math.min(2, tokens.size() - i); n >= 1; n--) {
            StringBuilder key = new StringBuilder();
            for (int k = i; k < i + n; k++) {
                key.append(k > i ? " " : "").append(tokens.get(k).norm());
            }
            for (String country : Vocabulary.DEMONYMS.getOrDefault(key.toString(), List.of())) {
                List<SchemaIndex.ValueRef> vals = index.valueKeys.get(String.join(" ", SchemaIndex.words(country)));
                if (vals != null) {
                    SchemaIndex.ValueRef v = pickValue(vals, tokens, i, i + n, index);
                    return Mention.value(i, i + n, v.column(), v.value(), "eq",
                            "'" + key + "' read as " + v.column().name() + " = '" + v.value() + "'");
                }
            }
        }
        return null;
    }

    /** True when the token at {@code after} names the column of one of {@code vals}: "People department". */
    private static boolean namesColumnOf(List<SchemaIndex.ValueRef> vals, List<Token> tokens, int after, SchemaIndex index) {
        if (after >= tokens.size()) {
            return false;
        }
        List<ColumnProfile> cols = index.columnKeys.get(tokens.get(after).singular());
        return cols != null && vals.stream().anyMatch(v -> cols.contains(v.column()));
    }

    /** Words with a comma between them, and nothing else: "madrid, spain". */
    private static boolean commaInside(List<Token> tokens, int i, int n) {
        if (n < 3 || tokens.get(i).kind() != Token.Kind.WORD || tokens.get(i + n - 1).kind() != Token.Kind.WORD) {
            return false;
        }
        boolean comma = false;
        for (int k = i + 1; k < i + n - 1; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.SYMBOL) {
                if (!t.norm().equals(",") || tokens.get(k - 1).kind() == Token.Kind.SYMBOL) {
                    return false;
                }
                comma = true;
            } else if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.NUMBER) {
                return false;
            }
        }
        return comma;
    }

    private static boolean plainSpan(List<Token> tokens, int i, int n) {
        for (int k = i; k < i + n; k++) {
            Token.Kind kind = tokens.get(k).kind();
            if (kind != Token.Kind.WORD && kind != Token.Kind.NUMBER) {
                return false;
            }
        }
        // a span may hold numbers ("Widget 2") but not start with one: "2017" alone is a year, not a value; two or
        // more numbers may spell a value ("1995-96", a season), which linkAt then accepts as a value only
        return tokens.get(i).kind() == Token.Kind.WORD || n > 1;
    }

    /**
     * "won", "wins", "losses": the rows of a result column whose values begin with that result's mark ("W 31–10",
     * "L 7–24"), when the column begins its values with the marks of two results, as only a result column does;
     * or a standings table's column of their count named by the mark (W, D, L).
     */
    private static Mention resultMark(Token t, int i, SchemaIndex index) {
        List<String> marks = Vocabulary.RESULT_MARKS.get(t.norm());
        if (marks == null) {
            return null;
        }
        for (String mark : marks) {
            Map<ColumnProfile, String> cols = index.valuePrefixes.get(mark);
            if (cols == null || cols.size() != 1) {
                continue;
            }
            Map.Entry<ColumnProfile, String> e = cols.entrySet().iterator().next();
            long results = Vocabulary.RESULT_MARKS.values().stream().distinct()
                    .filter(ms -> ms.stream().anyMatch(m -> index.valuePrefixes.getOrDefault(m, Map.of()).containsKey(e.getKey())))
                    .count();
            if (results >= 2) {
                return Mention.value(i, i + 1, e.getKey(), e.getValue(), "starts_with",
                        "'" + t.text() + "' read as " + e.getKey().name() + " starting with '" + e.getValue() + "'");
            }
        }
        // a standings table counts them in columns named by the marks: W, D, L
        if (index.columnKeys.containsKey("w") && index.columnKeys.containsKey("l")) {
            for (String mark : marks) {
                List<ColumnProfile> counted = mark.length() == 1 ? index.columnKeys.get(mark) : null;
                if (counted != null && counted.size() == 1 && counted.get(0).column().numeric()) {
                    return Mention.column(i, i + 1, counted.get(0), "'" + t.text() + "' read as " + counted.get(0).name());
                }
            }
        }
        return null;
    }

    /**
     * A word of a short name, as people name things in short: "seattle" is the one value Seattle Seahawks; "denver",
     * in both "Denver Broncos" and "at Denver Broncos" of one column, is every value of it that holds the word. Only
     * a capitalized word of a value of two to four words, in a column of names (many values): a category of a few
     * values is named in full and its words are everyday words ("Same Day" and "by day of the week"), and titles and
     * notes are sentences ("Play It to the Bone"). Never after an article or a determiner ("a city": a kind of thing).
     */
    /** A chart kind before a chart word: "box plot", "pie chart", "bar graph", "scatter plot". */
    private static boolean namesAChart(List<Token> tokens, int i) {
        String w = tokens.get(i).norm();
        return i + 1 < tokens.size() && (Vocabulary.CHART_KINDS.containsKey(w) || Vocabulary.BOX.contains(tokens.get(i).singular()))
                && Vocabulary.CHART.contains(tokens.get(i + 1).singular());
    }

    /** The two words right after "how many" ("how many national parks"), singular; none without it. */
    private static Set<String> countedHead(List<Token> tokens) {
        for (int k = 0; k + 2 < tokens.size(); k++) {
            if (tokens.get(k).norm().equals("how") && tokens.get(k + 1).norm().equals("many")) {
                return tokens.subList(k + 2, Math.min(tokens.size(), k + 4)).stream().map(Token::singular)
                        .collect(java.util.stream.Collectors.toSet());
            }
        }
        return Set.of();
    }

    private static Mention partOfValues(Token t, int i, SchemaIndex index, List<Token> tokens) {
        String w = t.singular();
        if (i > 0 && DETERMINERS.contains(tokens.get(i - 1).norm())) {
            return null; // "name a city in Larimer County": a kind of thing, not Drop City
        }
        if (namesAChart(tokens, i)) {
            return null; // "box plot of line totals": the chart asked, not the product Lettuce Box
        }
        List<SchemaIndex.ValueRef> within = index.valueWords.get(w);
        if (within == null || !valueWordOk(t) || GENERIC_NOUNS.contains(t.norm()) || Vocabulary.ROW_NOUNS.contains(w)
                || Vocabulary.GRAIN_NOUNS.containsKey(w) || Vocabulary.RESULT_MARKS.containsKey(t.norm())
                || w.equals("time") || index.columnWords.contains(w)) {
            return null;
        }
        // a plural is a kind of thing ("cities"), not one named thing, unless the name itself is plural ("Giants")
        boolean plural = !t.norm().equals(w);
        within = within.stream().filter(v -> v.column().distinct() >= NAMES_COLUMN && SchemaIndex.words(v.value()).size() <= 4
                && capitalized(v.value(), w) && (!plural || writtenAs(v.value(), t.norm()))).toList();
        if (within.isEmpty()) {
            return null;
        }
        if (within.size() == 1) {
            SchemaIndex.ValueRef v = within.get(0);
            return Mention.value(i, i + 1, v.column(), v.value(), "eq",
                    "'" + t.text() + "' read as " + v.column().name() + " = '" + v.value() + "'");
        }
        if (i > 0 && Vocabulary.SUPERLATIVES.containsKey(tokens.get(i - 1).norm())) {
            return null; // "the tallest building" over many "... Building" names: the kind ranked, not a part of one
        }
        ColumnProfile col = within.get(0).column();
        if (within.stream().allMatch(v -> v.column().equals(col))) {
            return Mention.value(i, i + 1, col, t.text(), "contains",
                    "'" + t.text() + "' read as " + col.name() + " containing '" + t.text() + "'");
        }
        // "the date of vacancy was in october" over two columns of dates: the one the question named before
        Set<String> said = tokens.subList(0, i).stream().map(Token::singular).collect(java.util.stream.Collectors.toSet());
        // but not the things counted ("how many national parks are in finland": where they are, not their names)
        Set<String> counted = countedHead(tokens.subList(0, i));
        List<ColumnProfile> named = within.stream().map(SchemaIndex.ValueRef::column).distinct()
                .filter(c -> said.containsAll(SchemaIndex.words(c.name())) && !counted.containsAll(SchemaIndex.words(c.name()))).toList();
        if (named.size() == 1) {
            return Mention.value(i, i + 1, named.get(0), t.text(), "contains",
                    "'" + t.text() + "' read as " + named.get(0).name() + " containing '" + t.text() + "'");
        }
        return null;
    }

    /** Words before a noun that make it a kind of thing rather than a name: "a city", "each team". */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "each", "every", "any", "another", "other", "which",
            "what", "one", "some", "no");

    /** Words before the noun a count counts: "how many cities", "the number of songs", "a count of episodes". */
    private static final Set<String> COUNT_HEADS = Set.of("number", "count", "total", "amount");

    /** True when the word at {@code i} is the noun a count counts: "how many songs", "the number of songs". */
    private static boolean countedNoun(List<Token> tokens, int i) {
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String twoBefore = i > 1 ? tokens.get(i - 2).norm() : "";
        return before.equals("many") && twoBefore.equals("how") || before.equals("of") && COUNT_HEADS.contains(twoBefore);
    }

    /** True when the value holds the word {@code norm} spelled exactly so (case aside). */
    private static boolean writtenAs(String value, String norm) {
        for (String part : value.split("[^\\p{L}\\p{N}']+")) {
            if (part.equalsIgnoreCase(norm)) {
                return true;
            }
        }
        return false;
    }

    /** True when the value writes its word {@code w} with a capital, as a name. */
    private static boolean capitalized(String value, String w) {
        for (String part : value.split("[^\\p{L}\\p{N}']+")) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))
                    && SchemaIndex.words(part).contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "for each show", "revenue per show": after "each", "per" or "every" a word is a noun, even one that is
     * elsewhere a verb of asking (show_title's "show").
     */
    private static boolean afterGroupWord(List<Token> tokens, int i) {
        return i > 0 && Set.of("each", "per", "every").contains(tokens.get(i - 1).norm()) && tokens.get(i).kind() == Token.Kind.WORD;
    }

    private static boolean valueWordOk(Token t) {
        return t.norm().length() > 1 && !Vocabulary.STOP.contains(t.norm()) && !Vocabulary.FUNCTIONS.containsKey(t.norm())
                && !Vocabulary.SUPERLATIVES.containsKey(t.norm());
    }

    /**
     * Of several columns holding the same value, the one the question names, nearest first ("Waterford the
     * opposition", "has Gran Cochisse been a winner"), else the one with fewest values.
     */
    private static SchemaIndex.ValueRef pickValue(List<SchemaIndex.ValueRef> vals, List<Token> tokens, int start,
                                                  int after, SchemaIndex index) {
        if (vals.size() == 1) {
            return vals.get(0);
        }
        for (int d = 0; d < tokens.size(); d++) {
            for (int j : new int[] {after + d, start - 1 - d}) {
                if (j < 0 || j >= tokens.size()) {
                    continue;
                }
                // the column's name in one word, or in two with the word after ("in the open cup")
                List<String> keys = new ArrayList<>(j + 1 < tokens.size() && j + 1 != start
                        ? List.of(tokens.get(j).singular(), tokens.get(j).norm() + " " + tokens.get(j + 1).singular())
                        : List.of(tokens.get(j).singular()));
                keys.addAll(agentNouns(tokens.get(j).norm())); // "games Activision developed": its Developer
                for (String key : keys) {
                    List<ColumnProfile> named = index.columnKeys.get(key);
                    for (SchemaIndex.ValueRef v : named == null ? List.<SchemaIndex.ValueRef>of() : vals) {
                        if (named.contains(v.column())) {
                            return v;
                        }
                    }
                }
            }
        }
        return vals.stream().min(Comparator.comparingLong(v -> v.column().distinct())).orElseThrow();
    }

    /**
     * The nouns of the one who did what a past tense says: "developed" a developer, "produced" a producer, "directed"
     * a director. Empty for a word that is no past tense in -ed.
     */
    static List<String> agentNouns(String w) {
        if (w.length() < 6 || !w.endsWith("ed")) {
            return List.of();
        }
        String stem = w.substring(0, w.length() - 2);
        return List.of(stem + "er", stem + "or", w.substring(0, w.length() - 1) + "r");
    }

    private static Mention linkQuoted(Token t, int i, SchemaIndex index) {
        for (ColumnProfile c : index.schema.columns()) {
            if (c.values() != null) {
                for (String v : c.values()) {
                    if (v != null && v.equalsIgnoreCase(t.text().strip())) {
                        return Mention.value(i, i + 1, c, v, "eq", null);
                    }
                }
            }
        }
        ColumnProfile c = index.schema.column(t.text().strip());
        if (c == null) {
            List<ColumnProfile> cols = index.columnKeys.get(String.join(" ", SchemaIndex.words(t.text())));
            c = cols == null ? null : cols.get(0);
        }
        return c == null ? null : Mention.column(i, i + 1, c, null);
    }

    /**
     * "hour of the day", "day of the week": a part of a date, not a column beginning or ending in hours or days
     * (days_on_market), when the table has a date.
     */
    private static boolean partOfDate(Token t, int i, SchemaIndex index, List<Token> tokens) {
        return index.defaultDate() != null && Set.of("hour", "day", "month", "time").contains(t.singular())
                && i + 2 < tokens.size() && tokens.get(i + 1).norm().equals("of")
                && Set.of("day", "week", "month", "year").contains(tokens.get(tokens.get(i + 2).norm().equals("the")
                        && i + 3 < tokens.size() ? i + 3 : i + 2).norm());
    }

    /**
     * "which vehicle has charged at the most stations" over ev_charging_sessions: a verb of money that is the
     * table's own activity (charged, charging) says what the rows are, not how much was paid, unless "how much" or
     * a money word before it ("the amount charged") asks for money.
     */
    private static boolean tablesActivity(Token t, int i, SchemaIndex index, List<Token> tokens) {
        boolean money = tokens.stream().anyMatch(x -> x.norm().equals("much")) // "how much was it charged"
                || i > 0 && Set.of("amount", "total", "sum", "money", "fees", "fee").contains(tokens.get(i - 1).norm());
        return !money && t.norm().endsWith("ed") && namesTablesActivity(t.norm(), index); // a verb, not "crates" of crate_ledger
    }

    /** True when {@code word} is a form of a word of the table's name: "charged" of ev_charging_sessions. */
    static boolean namesTablesActivity(String word, SchemaIndex index) {
        String stem = verbStem(word);
        return stem.length() >= 4 && SchemaIndex.words(index.schema.table()).stream().anyMatch(w -> verbStem(w).equals(stem));
    }

    /** "charging", "charged", "charge" all give "charg". */
    private static String verbStem(String w) {
        for (String end : List.of("ing", "ed", "es", "e", "s")) {
            if (w.endsWith(end) && w.length() > end.length() + 3) {
                return w.substring(0, w.length() - end.length());
            }
        }
        return w;
    }

    /**
     * "home games", "played at home", "away": a column of H and A (N for neutral) says the side; without one, an
     * opponent written "at Detroit Lions" or "@ Calgary" for the games away makes the unmarked rows the home ones.
     */
    private static Mention venueSide(Token t, int i, SchemaIndex index) {
        boolean home = t.norm().equals("home");
        if (!home && !t.norm().equals("away")) {
            return null;
        }
        for (ColumnProfile col : index.schema.columns()) {
            if (col.values() == null || col.column().numeric()) {
                continue;
            }
            Set<String> sides = col.values().stream().filter(v -> v != null && !v.isBlank())
                    .map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
            if (sides.containsAll(Set.of("h", "a")) && Set.of("h", "a", "n").containsAll(sides)) {
                String v = col.values().stream().filter(x -> x != null && x.strip().equalsIgnoreCase(home ? "h" : "a"))
                        .findFirst().orElseThrow().strip();
                return Mention.value(i, i + 1, col, v, "eq", "'" + t.text() + "' read as " + col.name() + " = '" + v + "'");
            }
        }
        for (ColumnProfile col : index.schema.columns()) {
            String mark = SchemaIndex.awayMark(col);
            if (mark != null) {
                return Mention.value(i, i + 1, col, mark, home ? "not_starts_with" : "starts_with", "'" + t.text()
                        + "' read as the " + col.name() + " values " + (home ? "not " : "") + "written '" + mark + "...'");
            }
        }
        return null;
    }

    /**
     * A unit several numeric columns are kept in ("litres": volume_litres, variance_litres), said of one of them:
     * "kilos of food" is food_kg; else the one amount among changes, "litres" being volume_litres, not
     * variance_litres, which goes below zero. Null when neither tells them apart.
     */
    private static Mention unitOfOne(Token t, int i, List<ColumnProfile> columns, List<Token> tokens) {
        if (i + 2 < tokens.size() && tokens.get(i + 1).norm().equals("of")) {
            String of = tokens.get(i + 2).singular();
            List<ColumnProfile> named = columns.stream().filter(c -> SchemaIndex.words(c.name()).get(0).equals(of)).toList();
            if (named.size() == 1) {
                return Mention.column(i, i + 1, named.get(0), "'" + t.text() + " of " + tokens.get(i + 2).text()
                        + "' read as " + named.get(0).name());
            }
        }
        List<ColumnProfile> amounts = columns.stream().filter(c -> c.column().numeric() && !SchemaIndex.goesBelowZero(c)).toList();
        if (amounts.size() == 1) {
            return Mention.column(i, i + 1, amounts.get(0), "'" + t.text() + "' read as " + amounts.get(0).name()
                    + ", the amount in " + t.text() + " (the other columns in " + t.text() + " go below zero)");
        }
        return null;
    }

    /**
     * The stems of a past tense ({@link Vocabulary#pastTenseStems}) or of a gerund: "brewing" is brew (brew_date),
     * "packaging" package (package_date), "shipping" ship.
     */
    private static List<String> verbStems(String w) {
        if (!w.endsWith("ing") || w.length() < 6) {
            return Vocabulary.pastTenseStems(w);
        }
        String stem = w.substring(0, w.length() - 3);
        List<String> stems = new ArrayList<>(List.of(stem, stem + "e"));
        if (stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
            stems.add(stem.substring(0, stem.length() - 1)); // "shipping": ship
        }
        return stems;
    }

    /** Words of a column name that make it a duration: duration_min, minutes_parked, call_seconds. */
    private static final Set<String> DURATION_NAMES = Set.of("duration", "minute", "minutes", "min", "mins", "hour",
            "hours", "hr", "hrs", "second", "seconds", "sec", "secs");

    private static boolean holdsDurations(ColumnProfile c) {
        return SchemaIndex.words(c.name()).stream().anyMatch(DURATION_NAMES::contains);
    }

    /** "plot ... as a line" at the end of a request: a chart's kind said alone, after "as a" or "as". */
    private static boolean asAKind(List<Token> tokens, int i) {
        int k = i - 1;
        if (k >= 0 && tokens.get(k).norm().equals("a")) {
            k--;
        }
        boolean last = i + 1 >= tokens.size() || Set.of(".", "!", "?", ",", ";").contains(tokens.get(i + 1).norm());
        return k >= 0 && tokens.get(k).norm().equals("as") && last;
    }

    /** A past participle: "wasted", "sold" (the irregular ones {@link Vocabulary#PARTICIPLES} knows). */
    private static boolean participle(String w) {
        return w.length() > 4 && w.endsWith("ed") || Vocabulary.PARTICIPLES.containsValue(w);
    }

    /** Verbs of a customer paying. */
    private static final Set<String> PAYING = Set.of("pay", "pays", "paid", "paying");
    /** Words after a verb that make it a measure: "paid the most", "paid us more", "paid in total". */
    private static final Set<String> AMOUNT_AFTER = Set.of("most", "least", "more", "less", "total", "overall");

    /** True when the verb at {@code i} is asked as an amount: "how much ... paid", "paid (us) the most". */
    private static boolean amountAsked(List<Token> tokens, int i) {
        for (int k = 0; k + 1 < i; k++) {
            if (tokens.get(k).norm().equals("how") && tokens.get(k + 1).norm().equals("much")) {
                return true;
            }
        }
        for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
            String w = tokens.get(k).norm();
            if (AMOUNT_AFTER.contains(w)) {
                return true;
            }
            if (!Set.of("us", "them", "me", "the", "in").contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** One word that names no column or value outright: a partial name, an entity, a hint, a coded value. */
    private static Mention linkWord(Token t, int i, SchemaIndex index, List<Token> tokens) {
        String w = t.singular();
        if (Vocabulary.CHART_KINDS.containsKey(t.norm()) && i + 1 < tokens.size()
                && Vocabulary.CHART.contains(tokens.get(i + 1).norm())) {
            return null; // "a line chart", "as a bar graph": the chart's kind, not product_line or bar_code
        }
        if (w.equals("name") && nounPosition(tokens, i)) {
            ColumnProfile label = index.labelColumn();
            if (label != null) {
                return Mention.column(i, i + 1, label, "'" + t.text() + "' read as " + label.name());
            }
        }
        // a verb of money ("spent", "paid", "billed") names the money measure, though it is a stop word otherwise
        List<String> earlyHint = Vocabulary.MEASURE_HINTS.get(t.norm());
        boolean quantityOf = t.norm().equals("amount") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("of");
        // "longest first", "oldest to newest": an order's direction, the column named elsewhere
        boolean direction = i + 1 < tokens.size() && Set.of("first", "last", "to").contains(tokens.get(i + 1).norm())
                && Vocabulary.SUPERLATIVES.containsKey(t.norm());
        if (earlyHint != null && !quantityOf && !direction && !tablesActivity(t, i, index, tokens)) { // "the amount of medals" is how many, not the money
            ColumnProfile c = index.primaryMeasure(earlyHint);
            if (c != null) {
                return Mention.column(i, i + 1, c, "'" + t.text() + "' read as " + c.name());
            }
        }
        if (t.norm().equals("long") && i > 0 && tokens.get(i - 1).norm().equals("how")) {
            // "how long each event takes" with a column of durations (duration_min): that column
            List<ColumnProfile> durations = index.measures.stream().filter(SchemaLinker::holdsDurations).toList();
            if (durations.size() == 1) {
                return Mention.column(i, i + 1, durations.get(0), "'how long' read as " + durations.get(0).name());
            }
        }
        if (PAYING.contains(t.norm()) && amountAsked(tokens, i) && index.schema.columns().stream()
                .filter(c -> SchemaIndex.words(c.name()).contains(w)).allMatch(FlagFilters::flag)) {
            // "which boat has paid us the most", "how much did each customer pay", with no pay column: the money
            // charged, not a yes/no column that says only how it was paid (paid_online); a price of one unit
            // (unit_cost) is no amount paid
            ColumnProfile charged = index.primaryMeasure(Vocabulary.MEASURE_HINTS.get("charged"));
            if (charged != null && !SchemaIndex.words(charged.name()).contains("unit")) {
                return Mention.column(i, i + 1, charged, "'" + t.text() + "' read as " + charged.name());
            }
        }
        Mention valueOfNext = namedByItsColumn(t, i, index, tokens);
        if (valueOfNext != null) {
            return valueOfNext;
        }
        Mention rowTotal = totalOfARow(t, i, index, tokens);
        if (rowTotal != null) {
            return rowTotal;
        }
        if (Vocabulary.STOP.contains(t.norm()) && !afterGroupWord(tokens, i) || Vocabulary.FUNCTIONS.containsKey(t.norm())) {
            return null;
        }
        Mention side = venueSide(t, i, index);
        if (side != null) {
            return side;
        }
        List<ColumnProfile> first = partOfDate(t, i, index, tokens) ? null : index.firstWords.get(w);
        if (first != null && Vocabulary.ROW_NOUNS.contains(w)
                && first.stream().allMatch(c -> SchemaIndex.isIdLike(c) || SchemaIndex.isNumbering(c))) {
            first = null; // "order lines" are rows, not the line_no column
        }
        if (first != null && first.size() == 1 && (!t.norm().equals(w) || countedNoun(tokens, i)) && first.get(0).column().numeric()
                && !SchemaIndex.isIdLike(first.get(0)) && index.lastWords.get(w) == null && qualifies(first.get(0), index)) {
            return null; // "patients" ("how many patient") is who patient_age is about, not the ages: never add them up
        }
        if (first != null && first.size() == 1 && !t.norm().equals(w) && kindOf(first.get(0), w)
                && SchemaIndex.words(index.schema.table()).stream().map(Vocabulary::singular).anyMatch(w::equals)
                && !(i + 1 < tokens.size() && KIND_WORDS.contains(tokens.get(i + 1).singular()))) {
            return null; // "properties" of property_listings are its rows, not the values of property_type
        }
        List<ColumnProfile> heads = index.lastWords.get(w);
        ColumnProfile head = heads != null && heads.size() == 1 && !w.equals("id") && !w.equals("name") ? heads.get(0) : null;
        if (first != null) {
            Mention m = entityOrColumn(w, first, i, index);
            if (m != null && m.kind() == Mention.Kind.COLUMN && head != null && !head.equals(m.column())) {
                // the noun a name ends with is what it names: "nurses" is "All Nurses", not "Nurse : Population Ratio"
                return Mention.column(i, i + 1, head, null);
            }
            if (m != null) {
                return m;
            }
        }
        // "employees" with emp_id, "customers" with cust_id: an abbreviated id column still names the entity
        for (Map.Entry<String, List<ColumnProfile>> e : index.firstWords.entrySet()) {
            if (e.getKey().length() >= 3 && w.length() > e.getKey().length() && w.startsWith(e.getKey())) {
                Mention m = entityOrColumn(w, e.getValue(), i, index);
                if (m != null && m.kind() == Mention.Kind.ENTITY) {
                    return m;
                }
            }
        }
        List<ColumnProfile> events = index.eventWords.get(w);
        if (events != null && events.size() == 1) {
            return Mention.column(i, i + 1, events.get(0), "'" + t.text() + "' read as " + events.get(0).name());
        }
        List<String> hint = quantityOf || tablesActivity(t, i, index, tokens) ? null : Vocabulary.MEASURE_HINTS.get(t.norm());
        if (hint != null) {
            ColumnProfile c = index.primaryMeasure(hint);
            if (c != null) {
                return Mention.column(i, i + 1, c, "'" + t.text() + "' read as " + c.name());
            }
        }
        Units.Unit unitWord = Units.ofPlural(t);
        boolean rate = i > 0 && (Set.of("per", "a", "an", "each", "every").contains(tokens.get(i - 1).norm())
                || tokens.get(i - 1).kind() == Token.Kind.NUMBER);
        ColumnProfile inUnit = unitWord == null || rate ? null : index.measureIn(unitWord.family());
        if (inUnit != null && Units.ofColumn(inUnit) == unitWord) {
            inUnit = null; // "minutes" of attended_min: named in its own unit, read as other words of its name are
        }
        if (inUnit != null) {
            // "how many hours did people park" of minutes_parked, "tonnes received" of net_kg: the amount in that unit
            return Mention.column(i, i + 1, inUnit, "'" + t.text() + "' read as " + inUnit.name());
        }
        String code = Vocabulary.CODE_ALIASES.get(t.norm());
        if (code != null) {
            for (ColumnProfile c : index.schema.columns()) {
                if (c.values() != null && !c.column().numeric()) {
                    for (String v : c.values()) {
                        if (v != null && v.equalsIgnoreCase(code)) {
                            return Mention.value(i, i + 1, c, v, "eq",
                                    "'" + t.text() + "' read as " + c.name() + " = '" + v + "'");
                        }
                    }
                }
            }
        }
        // "losses" for a column Lost, "wins" for Won, "draws" for Drawn: nouns of the verb a column is named after
        String participle = Vocabulary.RESULT_NOUNS.get(t.norm());
        List<ColumnProfile> results = participle == null ? null : index.columnKeys.get(participle);
        if (results != null && results.size() == 1 && results.get(0).column().numeric()) {
            return Mention.column(i, i + 1, results.get(0), "'" + t.text() + "' read as " + results.get(0).name());
        }
        // "wrote" for "Written by", "sang" for "Sung by": an irregular verb's participle begins the column's name
        String irregular = Vocabulary.PARTICIPLES.get(t.norm());
        List<ColumnProfile> byParticiple = irregular == null ? null : index.firstWords.get(irregular);
        if (byParticiple == null && irregular != null) {
            byParticiple = index.columnKeys.get(irregular);
        }
        if (byParticiple != null && byParticiple.size() == 1) {
            return Mention.column(i, i + 1, byParticiple.get(0), "'" + t.text() + "' read as " + byParticiple.get(0).name());
        }
        Mention result = resultMark(t, i, index);
        if (result != null) {
            return result;
        }
        // "hires" or "hire" for the value Hired, "rejects" for Rejected: a past participle's noun or verb
        if (valueWordOk(t) && w.length() >= 3) {
            // "rejections" for Rejected, "completions" for Completed: the event's noun
            String ionVerb = w.endsWith("ion") && w.length() > 6 ? w.substring(0, w.length() - 3) + "ed" : w + "ed";
            for (String form : List.of(w + "d", w + "ed", ionVerb)) {
                List<SchemaIndex.ValueRef> past = index.valueKeys.get(form);
                if (past != null && past.size() == 1) {
                    SchemaIndex.ValueRef v = past.get(0);
                    // an event's noun may count every row that reached it: a nomination that won was nominated too
                    String doubt = form.equals(ionVerb) && !ionVerb.equals(w + "ed") ? Clause.BEST_GUESS : "";
                    return Mention.value(i, i + 1, v.column(), v.value(), "eq", doubt
                            + "'" + t.text() + "' read as " + v.column().name() + " = '" + v.value() + "'"
                            + (doubt.isEmpty() ? "" : "; rows past that stage may count too"));
                }
            }
        }
        // "shipped" for the value Shipment, "received" for Receipt: a past tense whose event noun is a value
        if (valueWordOk(t) && index.valueKeys.get(w) == null) {
            Mention event = eventValue(t, i, index);
            if (event != null) {
                return event;
            }
        }
        // the noun "how many" counts names the rows counted, not one of them by a part of its name: "how many
        // cities" is not Mexico City, "the number of victories" not the notes starting with "Victory"
        boolean counted = countedNoun(tokens, i);
        // nor is a superlative the first word of values: "the top album" ranks, it is not a Chart# "Top 10"
        Map<ColumnProfile, String> prefix = counted || Vocabulary.SUPERLATIVES.containsKey(w) ? null : index.valuePrefixes.get(w);
        if (prefix != null && prefix.size() == 1) {
            Map.Entry<ColumnProfile, String> e = prefix.entrySet().iterator().next();
            if (namesColumnOfValueBefore(tokens, i, e.getKey(), index)) {
                return null; // "the Elite wave" of start_wave: the column's own noun after its value, not "Wave ..."
            }
            return Mention.value(i, i + 1, e.getKey(), e.getValue(), "starts_with",
                    "'" + t.text() + "' read as " + e.getKey().name() + " starting with '" + e.getValue() + "'");
        }
        Mention partial = counted ? null : partOfValues(t, i, index, tokens);
        if (partial != null) {
            return partial;
        }
        for (String stem : verbStems(t.norm())) {
            List<ColumnProfile> cols = index.firstWords.get(stem);
            if (cols != null) {
                for (ColumnProfile c : cols) {
                    if (c.column().temporal()) {
                        return Mention.column(i, i + 1, c, "'" + t.text() + "' read as " + c.name());
                    }
                }
            }
            // "how much was tipped": the verb of a measure column
            List<ColumnProfile> whole = index.columnKeys.get(stem);
            if (whole != null && whole.size() == 1 && whole.get(0).column().numeric() && !SchemaIndex.isIdLike(whole.get(0))) {
                return Mention.column(i, i + 1, whole.get(0), "'" + t.text() + "' read as " + whole.get(0).name());
            }
            // "how much have we refunded": the verb of the thing a column holds the amount of (refund_amount)
            List<ColumnProfile> amounts = cols == null ? List.of() : cols.stream().filter(c -> c.column().numeric()
                    && !SchemaIndex.isIdLike(c) && amountOfItsFirstWord(c, index)).toList();
            if (!t.norm().equals(stem) && amounts.size() == 1) {
                return Mention.column(i, i + 1, amounts.get(0), "'" + t.text() + "' read as " + amounts.get(0).name());
            }
        }
        List<ColumnProfile> last = index.lastWords.get(w);
        if (last != null && last.size() > 1 && Vocabulary.MEASURE_UNITS.contains(w)) {
            Mention unit = unitOfOne(t, i, last, tokens);
            if (unit != null) {
                return unit;
            }
        }
        boolean grainWord = (Vocabulary.GRAIN_NOUNS.containsKey(w) || partOfDate(t, i, index, tokens)) && index.defaultDate() != null;
        if (last != null && last.size() == 1 && !w.equals("id") && !w.equals("name") && !grainWord) {
            return Mention.column(i, i + 1, last.get(0), null);
        }
        // a word only one column name holds inside it: "stay" (or "stayed") is length_of_stay_days
        for (String inner : Vocabulary.pastTenseStems(t.norm()).isEmpty() ? List.of(w) : Vocabulary.pastTenseStems(t.norm())) {
            List<ColumnProfile> within = index.innerWords.get(inner);
            if (within != null && within.size() == 1 && index.firstWords.get(inner) == null && index.lastWords.get(inner) == null
                    && !SchemaIndex.isIdLike(within.get(0)) && !unitItIsPer(within.get(0), inner)) {
                return Mention.column(i, i + 1, within.get(0), "'" + t.text() + "' read as " + within.get(0).name());
            }
        }
        // "country" for Nation, "movie" for Film: a synonym naming one column outright
        for (String other : Vocabulary.SYNONYMS.getOrDefault(w, List.of())) {
            List<ColumnProfile> named = index.columnKeys.get(other);
            if (named != null && named.size() == 1) {
                return Mention.column(i, i + 1, named.get(0), "'" + t.text() + "' read as " + named.get(0).name());
            }
        }
        if (Vocabulary.SUPERLATIVES.containsKey(t.norm())) {
            return null; // "least", "most": words of ranking, never a column's abbreviation
        }
        if (i + 1 < tokens.size() && DerivedMeasures.CHANGE_WORDS.contains(tokens.get(i + 1).norm())
                && Set.of("percent", "percentage").contains(t.norm())) {
            return null; // "percent change": the change's unit, not abv_pct abbreviated
        }
        // "waste" for wasted_units, "rejects" for rejected_qty: the noun of the participle a numeric column begins with
        for (String form : List.of(w + "d", w + "ed")) {
            List<ColumnProfile> done = w.length() >= 4 ? index.firstWords.get(form) : null;
            if (done != null && done.size() == 1 && done.get(0).column().numeric() && !SchemaIndex.isIdLike(done.get(0))) {
                return Mention.column(i, i + 1, done.get(0), "'" + t.text() + "' read as " + done.get(0).name());
            }
        }
        ColumnProfile abbreviated = w.length() >= 4 ? index.abbreviated(w) : null;
        if (abbreviated == null && !t.norm().equals(w) && t.norm().length() >= 4) {
            abbreviated = index.abbreviated(t.norm()); // "points" for Pts: the plural ends as the abbreviation does
        }
        if (abbreviated != null && !abbreviated.column().temporal() && !perWhat(abbreviated, w)) {
            return Mention.column(i, i + 1, abbreviated, "'" + t.text() + "' read as " + abbreviated.name());
        }
        return null;
    }

    /**
     * "the Data department", "the Other category": a capitalised word mid-sentence that is a value of the column
     * named right after it, even a word that is otherwise only filler ("data", "other").
     */
    private static Mention namedByItsColumn(Token t, int i, SchemaIndex index, List<Token> tokens) {
        if (i == 0 || i + 1 >= tokens.size() || t.text().isEmpty() || !Character.isUpperCase(t.text().charAt(0))) {
            return null;
        }
        List<SchemaIndex.ValueRef> refs = index.valueKeys.get(t.norm());
        if (refs == null || refs.size() != 1) {
            return null;
        }
        SchemaIndex.ValueRef v = refs.get(0);
        List<String> name = SchemaIndex.words(v.column().name());
        if (name.isEmpty() || !name.get(name.size() - 1).equals(tokens.get(i + 1).singular())) {
            return null;
        }
        return Mention.value(i, i + 1, v.column(), v.value(), "eq",
                "'" + t.text() + "' read as " + v.column().name() + " = '" + v.value() + "'");
    }

    /** Last words of a column that classifies the things its first word names: property_type, product_category. */
    private static final Set<String> KIND_WORDS = Set.of("type", "category", "kind", "class", "group", "status", "tier");

    /** True for a column named "{word} {kind}": it holds kinds of that thing, not the things. */
    private static boolean kindOf(ColumnProfile col, String word) {
        List<String> words = SchemaIndex.words(col.name());
        return words.size() == 2 && words.get(0).equals(word) && KIND_WORDS.contains(words.get(1));
    }

    /** Events whose noun is not the verb's own stem: "received" a receipt, "sold" a sale, "paid" a payment. */
    private static final Map<String, String> IRREGULAR_EVENTS = Map.of("received", "receipt", "sold", "sale",
            "paid", "payment", "bought", "purchase", "receive", "receipt", "withdrew", "withdrawal", "withdrawn", "withdrawal");

    /** A past tense whose event noun is the one value of a text column that matches it, as an equality; else null. */
    private static Mention eventValue(Token t, int i, SchemaIndex index) {
        List<String> forms = new ArrayList<>(Vocabulary.pastTenseStems(t.norm()));
        // "shipped" (and "ship"): shipment, from the verb "ship"
        forms.add((forms.isEmpty() ? t.norm() : forms.get(0)) + "ment");
        if (IRREGULAR_EVENTS.containsKey(t.norm())) {
            forms.add(IRREGULAR_EVENTS.get(t.norm()));
        }
        for (String form : forms) {
            List<SchemaIndex.ValueRef> found = index.valueKeys.get(form);
            if (found != null && found.size() == 1) {
                SchemaIndex.ValueRef v = found.get(0);
                return Mention.value(i, i + 1, v.column(), v.value(), "eq",
                        "'" + t.text() + "' read as " + v.column().name() + " = '" + v.value() + "', the event it names");
            }
        }
        return null;
    }

    /**
     * True when a column's first word only qualifies the noun its name ends with, as "patient" in patient_age: plain
     * nouns, the last no unit, number or participle, no preposition between ("Deaths per year", "Years in NBA",
     * "distance_km" and "Passengers handled" name what their first word says).
     */
    private static boolean qualifies(ColumnProfile column, SchemaIndex index) {
        List<String> words = SchemaIndex.words(column.name());
        if (words.size() < 2 || amountOfItsFirstWord(column, index)) {
            return false;
        }
        String last = words.get(words.size() - 1);
        // a participle last is a reduced clause whose noun comes first: "Passengers handled", "Goals scored" (not
        // "Hospital beds" or "Wind speed", whose last words only end as participles do)
        boolean participle = last.endsWith("ed") && last.length() > 4 && !last.endsWith("eed") || Set.of("won", "lost", "held", "sold", "made", "run", "cast").contains(last)
                || Vocabulary.PARTICIPLES.containsValue(last); // "minutes_spent", "lengths_swum"
        return words.stream().skip(1).noneMatch(x -> PREPOSITIONS.contains(x) || x.chars().anyMatch(Character::isDigit))
                && !NumericFilters.UNITS.contains(last) && !participle;
    }

    /** Words that may follow a noun phrase's end. */
    private static final Set<String> PHRASE_ENDS = Set.of("and", ",", "by", "per", "for", "in", "across", "?", ".", "of");

    /**
     * "the average bill total by tariff": "total" after the noun of the table's rows, ending the phrase, is a noun,
     * that row's total (total_chf), not a function of what follows.
     */
    private static Mention totalOfARow(Token t, int i, SchemaIndex index, List<Token> tokens) {
        if (!t.norm().equals("total") || i == 0 || !index.tableHeads().contains(tokens.get(i - 1).singular())
                || i + 1 < tokens.size() && !PHRASE_ENDS.contains(tokens.get(i + 1).norm())) {
            return null;
        }
        List<ColumnProfile> totals = index.measures.stream().filter(c -> SchemaIndex.words(c.name()).contains("total")).toList();
        return totals.size() == 1
                ? Mention.column(i, i + 1, totals.get(0), "'" + tokens.get(i - 1).text() + " " + t.text() + "' read as " + totals.get(0).name())
                : null;
    }

    /** Last words that make a column the measure of its first word itself: the amount of a refund is the refund. */
    private static final Set<String> AMOUNT_HEADS = Set.of("amount", "amt", "value", "total", "sum", "qty", "quantity");

    /**
     * refund_amount, claim_value: "refunds" and "refunded" name the amount, not who it is about. Not when the first
     * word names the rows or things with an id of their own: "lines" of line_total and "orders" of order_total (with
     * order_id) are counted, not added up.
     */
    private static boolean amountOfItsFirstWord(ColumnProfile column, SchemaIndex index) {
        List<String> words = SchemaIndex.words(column.name());
        if (words.size() != 2 || !AMOUNT_HEADS.contains(words.get(1))) {
            return false;
        }
        String thing = words.get(0);
        return !Vocabulary.ROW_NOUNS.contains(thing) && !index.tableHeads().contains(thing)
                && index.schema.columns().stream().noneMatch(c -> SchemaIndex.isIdLike(c) && SchemaIndex.words(c.name()).indexOf(thing) == 0);
    }

    private static final Set<String> PREPOSITIONS = Set.of("per", "in", "of", "by", "to", "for", "from", "at", "on",
            "with", "a", "an", "the");

    /** "the name", "their names", "name and age": a noun, not the verb of "name the top customers". */
    private static boolean nounPosition(List<Token> tokens, int i) {
        String before = i > 0 ? tokens.get(i - 1).norm() : "";
        String after = i + 1 < tokens.size() ? tokens.get(i + 1).norm() : "";
        return Set.of("the", "their", "its", "his", "her", "whose", "and", ",", "with", "by", "of").contains(before)
                || Set.of("of", "and", ",", "s").contains(after);
    }

    /** A word that begins several column names: an entity when one of them is an id, else a unique prefix. */
    private static Mention entityOrColumn(String w, List<ColumnProfile> cols, int i, SchemaIndex index) {
        ColumnProfile id = null;
        ColumnProfile label = null;
        for (ColumnProfile c : cols) {
            if (id == null && SchemaIndex.isIdLike(c)) {
                id = c;
            } else if (label == null && SchemaIndex.isLabelLike(c)) {
                label = c;
            }
        }
        if (id != null) {
            if (label == null && index.uniquePerRow(id)) {
                label = index.genericName();
            }
            return Mention.entity(i, i + 1, new Entity(w, id, label, index.uniquePerRow(id)));
        }
        if (cols.size() == 1) {
            return Mention.column(i, i + 1, cols.get(0), null);
        }
        if (label != null) {
            return Mention.column(i, i + 1, label, null);
        }
        // "ship" with Ship Mode and Ship Date is ambiguous: leave it unexplained so confidence drops
        return null;
    }

    /**
     * "tonnes" in charge_per_tonne: a unit the column is a rate per. Said alone it is an amount in that unit
     * ("tonnes received"), not the rate.
     */
    private static boolean unitItIsPer(ColumnProfile c, String unit) {
        List<String> words = SchemaIndex.words(c.name());
        int at = words.indexOf(unit);
        return at > 0 && words.get(at - 1).equals("per") && Vocabulary.MEASURE_UNITS.contains(unit);
    }

    /** "tonnage" of charge_per_tonne: the word is (a form of) what the column is a rate per, not the rate. */
    private static boolean perWhat(ColumnProfile c, String word) {
        List<String> words = SchemaIndex.words(c.name());
        int per = words.indexOf("per");
        if (per < 0 || per + 1 >= words.size()) {
            return false;
        }
        String unit = words.get(per + 1);
        return word.startsWith(unit.substring(0, Math.min(4, unit.length())));
    }
}
