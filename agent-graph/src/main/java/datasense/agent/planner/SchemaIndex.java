package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lookup tables built once per schema so linking a question is a handful of hash look-ups: column names and
 * values keyed by their normalized words (lowercase, singular, separators as single spaces), first and last
 * name words for partial mentions, and the entities (columns sharing a first word with an id column).
 */
final class SchemaIndex {

    /** A value of a text column as the data spells it. */
    record ValueRef(ColumnProfile column, String value) {
    }

    final SchemaInfo schema;
    final Map<String, List<ColumnProfile>> columnKeys = new HashMap<>();
    final Map<String, List<ColumnProfile>> firstWords = new HashMap<>();
    final Map<String, List<ColumnProfile>> lastWords = new HashMap<>();
    /** Words inside a column name, neither first nor last. */
    final Map<String, List<ColumnProfile>> innerWords = new HashMap<>();
    final Map<String, List<ValueRef>> valueKeys = new HashMap<>();
    /** Every word of every column name. */
    final Set<String> columnWords = new HashSet<>();
    /** word -> the values of two to six words that hold it ("seattle" in "Seattle Seahawks"), each value once. */
    final Map<String, List<ValueRef>> valueWords = new HashMap<>();
    /**
     * Items of values that list several things ("Allegany, Garrett"), by their words: a row listing an item holds
     * it, so "represented Allegany" is every row whose list names Allegany.
     */
    final Map<String, List<ValueRef>> itemKeys = new HashMap<>();
    /** word -> column -> spelling, for words that begin two or more values of the column ("Senior ..."). */
    final Map<String, Map<ColumnProfile, String>> valuePrefixes = new HashMap<>();
    final List<ColumnProfile> dates = new ArrayList<>();
    /** {@link #defaultDate()}, chosen once: most questions with a period ask for it. */
    private final ColumnProfile defaultDate;
    /** Stems of the verbs date columns are named after ("discharge" for discharged_on). */
    final Map<String, List<ColumnProfile>> eventWords = new HashMap<>();
    final List<ColumnProfile> measures = new ArrayList<>();
    final List<ColumnProfile> categories = new ArrayList<>();
    /** The id of the people the rows are about when they repeat over rows (employee_id beside employee_name), or null. */
    final ColumnProfile personId;
    /** {@link #tableHeads()}, read once: the linker and the clause ask it for most words of a question. */
    private final List<String> tableHeads;
    int maxWords = 1;

    /** Short forms of "number" at the end of a column's name: table_no, room_num, seat_nr. */
    private static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "num", "nr", "nbr");

    /** Abbreviated units ending numeric column names, and the words that say them in full. */
    static final Map<String, List<String>> UNIT_ABBREVIATIONS = Map.ofEntries(Map.entry("ha", List.of("hectare")),
            Map.entry("km", List.of("kilometre", "kilometer")), Map.entry("kg", List.of("kilogram", "kilo")),
            Map.entry("mm", List.of("millimetre", "millimeter")), Map.entry("cm", List.of("centimetre", "centimeter")),
            Map.entry("lb", List.of("pound")), Map.entry("lbs", List.of("pound")), Map.entry("usd", List.of("dollar")),
            Map.entry("eur", List.of("euro")), Map.entry("chf", List.of("franc")), Map.entry("gbp", List.of("pound")), Map.entry("hr", List.of("hour")), Map.entry("hrs", List.of("hour")),
            Map.entry("min", List.of("minute")), Map.entry("mins", List.of("minute")), Map.entry("sec", List.of("second")));

    SchemaIndex(SchemaInfo schema) {
        this.schema = schema;
        this.tableHeads = tableHeads(schema.table());
        for (ColumnProfile c : schema.columns()) {
            List<String> words = words(c.name());
            if (words.isEmpty()) {
                continue;
            }
            add(columnKeys, String.join(" ", words), c);
            add(columnKeys, String.join("", words), c);
            String last = words.get(words.size() - 1);
            if (last.length() > 3 && (last.endsWith("s") || last.endsWith("x") || last.endsWith("ch") || last.endsWith("sh"))) {
                // "bonuses" for bonus, "statuses" for status: a plural with -es the singular rule cannot undo
                List<String> plural = new ArrayList<>(words.subList(0, words.size() - 1));
                plural.add(last + "es");
                add(columnKeys, String.join(" ", plural), c);
            }
            if (words.size() > 2 && c.column().numeric() && UNIT_ABBREVIATIONS.containsKey(last)) {
                // "concession revenue" for concession_revenue_eur: the name said without its unit
                add(columnKeys, String.join(" ", words.subList(0, words.size() - 1)), c);
            }
            if (words.size() > 1 && NUMBER_ABBREVIATIONS.contains(last)) {
                // "table number" for table_no, "room number" for room_num: the abbreviation said in full
                List<String> full = new ArrayList<>(words.subList(0, words.size() - 1));
                full.add("number");
                add(columnKeys, String.join(" ", full), c);
            }
            columnWords.addAll(words);
            if (words.size() > 1) {
                add(firstWords, words.get(0), c);
                // "rate_chf_per_m3" is a rate, named by what comes before "per": m3 is what it is per, said inside,
                // so "m3" is m3_used when there is one
                boolean perLast = words.indexOf("per") == words.size() - 2;
                add(perLast && words.size() > 2 ? innerWords : lastWords, last, c);
                if (c.column().numeric() && UNIT_ABBREVIATIONS.containsKey(last) && !perLast) {
                    // "hectares" for area_ha, "kilometres" for distance_km: the unit said in full
                    UNIT_ABBREVIATIONS.get(last).forEach(unit -> add(lastWords, unit, c));
                }
                for (String w : words.subList(1, words.size() - 1)) {
                    if (!Vocabulary.STOP.contains(w)) {
                        add(innerWords, w, c); // "stay" of length_of_stay_days
                    }
                }
            }
            maxWords = Math.max(maxWords, words.size());
            if (c.column().temporal()) {
                dates.add(c);
                // "discharges" for discharged_on, "shipments" for shipped_at: the event a date records
                for (String stem : Vocabulary.pastTenseStems(words.get(0))) {
                    add(eventWords, stem, c);
                }
            } else if (c.column().numeric()) {
                if (!isIdLike(c)) {
                    measures.add(c);
                    actionNounForms(words).forEach(form -> add(columnKeys, form, c));
                }
            } else {
                indexValues(c);
                if (!isIdLike(c) && !isLabelLike(c) && c.distinct() > 1 && c.distinct() <= 50) {
                    categories.add(c);
                }
            }
        }
        maxWords = Math.min(maxWords, 6);
        medalTable();
        personId = personId();
        defaultDate = ownDate();
    }

    /** Endings that make a noun of an action from its verb: attend-ance, visit-ation, enrol-ment, exist-ence. */
    private static final List<String> ACTION_SUFFIXES = List.of("ation", "ance", "ence", "ment");

    /**
     * The verb and the doers of a measure named by an action noun: "Attendance" is also "attended" and "attendees",
     * "Visitation (2009)" also "visited" and "visitors", so "how many people attended" and "the number of visitors"
     * name the column. Only a name of that one noun (a year beside it aside); forms that are no words never match.
     */
    static List<String> actionNounForms(List<String> words) {
        List<String> nouns = words.stream().filter(w -> !w.chars().allMatch(Character::isDigit)).toList();
        if (nouns.size() != 1) {
            return List.of();
        }
        String noun = nouns.get(0).toLowerCase(Locale.ROOT);
        for (String suffix : ACTION_SUFFIXES) {
            String stem = noun.endsWith(suffix) ? noun.substring(0, noun.length() - suffix.length()) : "";
            if (stem.length() >= 4) {
                return List.of(stem, stem + "s", stem + "ed", stem + "ing", stem + "ee", stem + "ees", stem + "or", stem + "ors");
            }
        }
        return List.of();
    }

    /**
     * A medal table (columns Gold, Silver and Bronze) is asked of in medals: "gold medals" is Gold, and "medals"
     * alone are all of them, the table's Total.
     */
    private void medalTable() {
        List<String> kinds = List.of("gold", "silver", "bronze");
        if (!kinds.stream().allMatch(k -> columnKeys.getOrDefault(k, List.of()).size() == 1)) {
            return;
        }
        kinds.forEach(k -> add(columnKeys, k + " medal", columnKeys.get(k).get(0)));
        List<ColumnProfile> total = columnKeys.get("total");
        if (total != null && total.size() == 1 && !columnKeys.containsKey("medal")) {
            add(columnKeys, "medal", total.get(0));
        }
    }

    private void indexValues(ColumnProfile c) {
        if (c.values() == null) {
            return;
        }
        Map<String, String> firstWordSpelling = new LinkedHashMap<>();
        Map<String, Integer> firstWordCount = new HashMap<>();
        for (String v : c.values()) {
            if (v == null || v.isBlank()) {
                continue;
            }
            List<String> words = words(v);
            if (words.isEmpty() || words.size() > 6) {
                continue;
            }
            add(valueKeys, String.join(" ", words), new ValueRef(c, v));
            if (words.size() > 1 && words.size() <= 3) {
                add(valueKeys, String.join("", words), new ValueRef(c, v)); // "linkedin" for LinkedIn (linked in)
            }
            List<String> core = words(qualifierFree(v));
            if (!core.isEmpty() && core.size() < words.size()) {
                add(valueKeys, String.join(" ", core), new ValueRef(c, v)); // "South Korea" is "South Korea (KOR)"
            }
            maxWords = Math.max(maxWords, words.size());
            if (words.size() > 1) {
                for (String w : new java.util.LinkedHashSet<>(words)) {
                    if (w.length() >= 3 && !Vocabulary.STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                        add(valueWords, w, new ValueRef(c, v));
                    }
                }
                firstWordCount.merge(words.get(0), 1, Integer::sum);
                firstWordSpelling.putIfAbsent(words.get(0), NAME_SEPARATORS.split(v.strip())[0]);
            }
        }
        indexItems(c);
        firstWordCount.forEach((w, n) -> {
            if (n >= 2 && !Vocabulary.STOP.contains(w)) {
                valuePrefixes.computeIfAbsent(w, k -> new LinkedHashMap<>()).put(c, firstWordSpelling.get(w));
            }
        });
    }

    /**
     * The items of a column's list values: a value splits at commas, semicolons, slashes, ampersands, "and" or line breaks
     * into two or more items of one to four words, and a column is a list column when two values do so or when an
     * item is also a whole value of its own (so one name with an ampersand, "Smith & Wesson", is no list).
     */
    private void indexItems(ColumnProfile c) {
        Map<String, String> items = new LinkedHashMap<>();
        Set<String> whole = new HashSet<>();
        Set<String> leadIns = leadIns(c);
        int lists = 0;
        for (String v : c.values()) {
            if (v == null || v.isBlank()) {
                continue;
            }
            whole.add(v.strip().toLowerCase(Locale.ROOT));
            String[] parts = LIST_SEPARATORS.split(v.strip());
            if (parts.length < 2) {
                continue;
            }
            lists++;
            String lead = leadIn(parts[0]);
            if (lead != null && leadIns.contains(lead)) {
                parts[0] = parts[0].strip().substring(lead.length()); // "Also produced arsenic": the item is arsenic
            }
            for (String part : parts) {
                String item = qualifierFree(part.strip());
                int n = words(item).size();
                if (n >= 1 && n <= 4) {
                    items.putIfAbsent(item.toLowerCase(Locale.ROOT), item);
                }
            }
        }
        boolean listColumn = lists >= 2;
        for (String item : items.values()) {
            if (listColumn || whole.contains(item.toLowerCase(Locale.ROOT))) {
                add(itemKeys, String.join(" ", words(item)), new ValueRef(c, item));
            }
        }
    }

    /**
     * The words that open two or more list values of a column before their first item ("Also produced silver and
     * arsenic", "Also produced cobalt, nickel"): a lead-in of the cells, not part of the item.
     */
    private static Set<String> leadIns(ColumnProfile c) {
        Map<String, Integer> seen = new HashMap<>();
        for (String v : c.values()) {
            String[] parts = v == null ? new String[0] : LIST_SEPARATORS.split(v.strip());
            String lead = parts.length < 2 ? null : leadIn(parts[0]);
            if (lead != null) {
                seen.merge(lead, 1, Integer::sum);
            }
        }
        Set<String> out = new HashSet<>();
        seen.forEach((lead, n) -> {
            if (n >= 2) {
                out.add(lead);
            }
        });
        return out;
    }

    /**
     * A list value's first part without its last word, when two words or more stand before it and one is written in
     * lower case (so "New York Knicks" is a name, not a lead-in and an item); else null.
     */
    private static String leadIn(String first) {
        String part = first.strip();
        int cut = part.lastIndexOf(' ');
        String lead = cut > 0 ? part.substring(0, cut) : "";
        boolean lowerWord = java.util.Arrays.stream(lead.split(" ")).anyMatch(w -> !w.isEmpty()
                && Character.isLowerCase(w.charAt(0)));
        return lead.contains(" ") && lowerWord ? lead + " " : null;
    }

    /**
     * Every value of {@code column} spelled as {@code value} is, case and punctuation aside ("Middle Blocker"), or with a
     * code in brackets ("Hard (i)"); not one that adds words in brackets ("Hamlet (Schools)" is another show).
     */
    List<String> spellings(ColumnProfile column, String value) {
        List<String> asked = words(value);
        return kinds(column, value).stream().filter(v -> words(v).equals(asked) || codeNote(v)).toList();
    }

    /**
     * True when the note {@link #qualifierFree} takes off a value is a code, not a word: "Hard (i)", "Win (OT)",
     * "South Korea (KOR)", a footnote mark. Such a value is the same thing; "Hamlet (Schools)" is another one.
     */
    private static boolean codeNote(String value) {
        String note = value.substring(Math.min(value.length(), qualifierFree(value).length())).replaceAll("[\\s()\\[\\]*†‡#]", "");
        return note.length() <= 2 || note.equals(note.toUpperCase(Locale.ROOT));
    }

    /**
     * Every value of {@code column} that is {@code value} or it with a note in brackets: "Consultation" and
     * "Consultation (video)", for "consultations of any kind".
     */
    List<String> kinds(ColumnProfile column, String value) {
        List<ValueRef> refs = valueKeys.getOrDefault(String.join(" ", words(value)), List.of());
        List<String> out = new ArrayList<>();
        refs.stream().filter(r -> r.column().equals(column) && !out.contains(r.value())).forEach(r -> out.add(r.value()));
        return out.contains(value) ? out : List.of(value);
    }

    /** True when {@code value} of {@code column} is also an item of the column's list values. */
    boolean listed(ColumnProfile column, String value) {
        List<ValueRef> refs = itemKeys.get(String.join(" ", words(value)));
        return refs != null && refs.stream().anyMatch(r -> r.column().equals(column));
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*[,;/&\\n]\\s*|\\s+and\\s+");

    /**
     * A value without the qualifier written after the name it qualifies: a bracketed code or note ("South Korea
     * (KOR)", "Smith [2]") or a footnote mark ("Leeds*", "Oslo†"). People name the thing, not its qualifier.
     * Brackets holding digits stay ("Blue (7-7)" is a record, not a note), except footnote numbers in [].
     */
    static String qualifierFree(String v) {
        return QUALIFIER.matcher(v).replaceAll("").strip();
    }

    /** A count of times after a name, as tables of titles write it: "Miami (2)", "UCLA (5)". */
    private static final Pattern TIMES_COUNT = Pattern.compile("\\s*\\(\\d{1,2}\\)\\s*$");

    /**
     * True when {@code value} appears again in {@code col} with a count of times after it ("Miami", "Miami (2)"), and
     * every value beginning with it is one of those: then all of them are that one name.
     */
    static boolean countedAgain(ColumnProfile col, String value) {
        if (col.values() == null) {
            return false;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        boolean again = false;
        for (String v : col.values()) {
            String lower = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith(name) || lower.equals(name)) {
                continue;
            }
            if (!TIMES_COUNT.matcher(lower).replaceAll("").equals(name)) {
                return false; // "Miami Beach" begins with it too: a starts-with would take it in
            }
            again = true;
        }
        return again;
    }

    /** Words a schedule writes before an opponent to say where a game was: "at Dallas", "vs. Dallas", "@ Dallas". */
    private static final Pattern VENUE_MARK = Pattern.compile("^(at|vs\\.?|v\\.?|versus|@)\\s+");

    /**
     * The other spelling of {@code value} in {@code col} with a venue mark before it ("at San Diego Chargers" beside
     * "San Diego Chargers"): the same opponent, away or at home; else null.
     */
    static String markedForVenue(ColumnProfile col, String value) {
        if (col.values() == null) {
            return null;
        }
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (String v : col.values()) {
            String lower = v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
            if (!lower.equals(name) && lower.endsWith(name) && VENUE_MARK.matcher(lower).replaceFirst("").equals(name)) {
                return v.strip();
            }
        }
        return null;
    }

    private static final Pattern AWAY_MARK = Pattern.compile("^(at|@)\\s+\\S.*");

    /**
     * The mark ("at ", "@ ") an opponent column writes before the games away ("at Detroit Lions"), when some of its
     * sampled values have it and some do not; null otherwise.
     */
    static String awayMark(ColumnProfile col) {
        if (col.values() == null || col.column().numeric()) {
            return null;
        }
        List<String> values = col.values().stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        List<String> marked = values.stream().filter(v -> AWAY_MARK.matcher(v.toLowerCase(Locale.ROOT)).matches()).toList();
        if (marked.isEmpty() || marked.size() == values.size()) {
            return null;
        }
        String first = marked.get(0);
        return first.substring(0, first.indexOf(first.startsWith("@") ? "@" : " ") + 1).strip() + " ";
    }

    private static final Pattern QUALIFIER = Pattern.compile("(\\s*(\\([^()0-9]*\\)|\\[[^\\[\\]]*\\]|[*†‡#]+))+\\s*$");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s_\\-]+");

    private static <V> void add(Map<String, List<V>> map, String key, V v) {
        List<V> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(v)) {
            list.add(v);
        }
    }

    /**
     * What "over time", "by year" and "in 2017" refer to unless a date is named: the first date column, unless a
     * later one stamps each row with its time of day and has four times its different values. A date shared by
     * many rows then dates something they have in common (a film's premiere beside each screening's start time,
     * a race day beside each runner's start), not the rows' own events.
     */
    ColumnProfile defaultDate() {
        return defaultDate;
    }

    private ColumnProfile ownDate() {
        if (dates.isEmpty()) {
            return null;
        }
        ColumnProfile first = dates.get(0);
        ColumnProfile own = dates.stream().skip(1).filter(d -> d.type().toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")
                && !first.type().toUpperCase(Locale.ROOT).startsWith("TIMESTAMP") && d.distinct() >= 4L * first.distinct()
                && Collections.disjoint(words(d.name()), RECORD_KEEPING)).findFirst().orElse(first);
        // booked_at beside booked_for, booked_on beside class_start: the earlier when it was arranged (two dates of
        // one event, or a date named by booking it) and the later what was arranged; the row's own event is the later
        return dates.stream().filter(d -> d != own && (sameEvent(d, own) || arranged(own)) && later(d, own))
                .findFirst().orElse(own);
    }

    /** Words of a date that records when something was arranged for later: booked_on, reservation_date. */
    private static final Set<String> ARRANGING = Set.of("booked", "booking", "reserved", "reservation", "registered",
            "registration");

    static boolean arranged(ColumnProfile date) {
        List<String> w = words(date.name());
        return ARRANGING.contains(w.get(0)) && !w.contains("for"); // booked_for is the day booked, not the booking
    }

    private static boolean sameEvent(ColumnProfile a, ColumnProfile b) {
        String x = words(a.name()).get(0);
        String y = words(b.name()).get(0);
        return x.equals(y) || Vocabulary.pastTenseStems(x).contains(y) || Vocabulary.pastTenseStems(y).contains(x);
    }

    /** {@code a} starts on a later day than {@code b} and ends no earlier (ISO days compare as text). */
    private static boolean later(ColumnProfile a, ColumnProfile b) {
        return a.min() != null && b.min() != null && a.max() != null && b.max() != null
                && day(a.min()).compareTo(day(b.min())) > 0 && day(a.max()).compareTo(day(b.max())) >= 0;
    }

    private static String day(String isoTime) {
        return isoTime.length() > 10 ? isoTime.substring(0, 10) : isoTime;
    }

    /** Words of a timestamp that records when a row was kept, not when its event happened: updated_at, loaded_at. */
    private static final Set<String> RECORD_KEEPING = Set.of("updated", "modified", "loaded", "imported", "ingested",
            "synced", "changed", "edited", "exported", "inserted");

    /** {@code preferred} when it holds a time of day, else the first column that does (a TIMESTAMP), else null. */
    ColumnProfile timestamp(ColumnProfile preferred) {
        if (preferred != null && preferred.type().toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")) {
            return preferred;
        }
        return dates.stream().filter(c -> c.type().toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")).findFirst().orElse(null);
    }

    /** The column that orders rows in time: the first date column, else a whole-number year or season column. */
    ColumnProfile timeOrder() {
        if (defaultDate() != null) {
            return defaultDate();
        }
        for (ColumnProfile c : schema.columns()) {
            List<String> w = words(c.name());
            if (c.type().toUpperCase(Locale.ROOT).contains("INT") && (w.contains("year") || w.contains("season"))) {
                return c;
            }
        }
        return null;
    }

    /** Words of columns that number a sequence of events: the 3rd week, round, game, episode. */
    private static final Set<String> SEQUENCE_WORDS = Set.of("week", "round", "game", "match", "episode", "stage",
            "race", "leg", "heat", "edition");

    /**
     * What "first" and "last" order by: the time order, else a whole-number column numbering a sequence ("Week"),
     * else one numbering the rows ("No.").
     */
    ColumnProfile sequenceOrder() {
        ColumnProfile time = timeOrder();
        if (time != null) {
            return time;
        }
        for (ColumnProfile c : schema.columns()) {
            List<String> w = words(c.name());
            if (c.type().toUpperCase(Locale.ROOT).contains("INT") && w.size() <= 2 && w.stream().anyMatch(SEQUENCE_WORDS::contains)) {
                return c;
            }
        }
        // "No." or "#" numbering the rows from 1, as episode and track lists do; not a rank, which orders by merit
        for (ColumnProfile c : schema.columns()) {
            List<String> w = words(c.name());
            if (c.type().toUpperCase(Locale.ROOT).contains("INT") && numbersRows(c)
                    && (c.name().strip().equals("#") || w.size() == 1 && Set.of("no", "number", "nr", "num").contains(w.get(0)))) {
                return c;
            }
        }
        return null;
    }

    /** The measure people most likely mean by "performance" or "revenue": sales-like, else the first measure. */
    ColumnProfile primaryMeasure(List<String> fragments) {
        // an amount ("cost", "spent", "billed") is each row's own amount, not the price of one unit: line_cost before
        // unit_cost, total_chf before rate_chf_per_m3; a price of one unit answers only when nothing else does, or
        // when the hint is itself a price ("cheapest", "expensive")
        // and what happened before what was meant to: actual_units before planned_units
        boolean price = PRICE_HINTS.contains(fragments.get(0));
        for (boolean plansToo : new boolean[]{false, true}) {
            for (boolean perUnitToo : price ? new boolean[]{true} : new boolean[]{false, true}) {
                for (String f : fragments) {
                    if (!plansToo && Vocabulary.COLLECTED.contains(f) && measures.stream()
                            .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(f)).count() > 1) {
                        continue; // insurer_paid and patient_paid: each payer's part, neither is the revenue
                    }
                    for (ColumnProfile c : measures) {
                        if (c.name().toLowerCase(Locale.ROOT).contains(f) && (perUnitToo || !perUnit(c))
                                && (plansToo || !intended(c) && !weighingPart(c))) {
                            return c;
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The one measure kept in a unit of {@code family} ("time", "mass", ...), a question's "hours" or "tonnes" where
     * no column is named so: minutes_parked, or net_kg beside gross_kg and tare_kg; null when none or several are.
     */
    ColumnProfile measureIn(String family) {
        List<ColumnProfile> kept = measures.stream().filter(c -> !isIdLike(c) && Units.ofColumn(c) != null
                && Units.ofColumn(c).family().equals(family)).toList();
        List<ColumnProfile> meant = kept.stream().filter(c -> !intended(c) && !weighingPart(c) && !perUnit(c)).toList();
        return meant.size() == 1 ? meant.get(0) : kept.size() == 1 ? kept.get(0) : null;
    }

    /**
     * True for the gross or tare of a weighing (gross_kg and tare_kg beside net_kg): what was put on the scale with its
     * vehicle or container, and the container alone. The weight of the goods is the net.
     */
    private boolean weighingPart(ColumnProfile c) {
        String first = words(c.name()).get(0);
        return (first.equals("gross") || first.equals("tare")) && measures.stream()
                .anyMatch(m -> words(m.name()).get(0).equals("tare"));
    }

    /** First words of a column that holds what was meant to happen, not what did: planned_units, budget_cost. */
    private static final Set<String> INTENTIONS = Set.of("planned", "plan", "target", "budget", "budgeted", "forecast",
            "expected", "estimated", "projected", "scheduled", "quoted");

    /** True for a column of a plan or a target (planned_units), which a bare "units" does not mean. */
    static boolean intended(ColumnProfile c) {
        List<String> w = words(c.name());
        return w.size() > 1 && INTENTIONS.contains(w.get(0));
    }

    /** First words of a hint that asks for a price of one thing, not an amount. */
    private static final Set<String> PRICE_HINTS = Set.of("price", "rate", "fare", "tariff");

    /** A price or rate of one unit: unit_cost, price_per_unit, rate_chf_per_m3; not a count of units (actual_units). */
    static boolean perUnit(ColumnProfile c) {
        List<String> w = words(c.name());
        return w.indexOf("unit") >= 0 && w.indexOf("unit") < w.size() - 1 || w.indexOf("per") > 0;
    }

    /** True for an amount kept as negatives (refunds, chargebacks): below zero somewhere and never above it. */
    static boolean keptNegative(ColumnProfile c) {
        try {
            return goesBelowZero(c) && c.max() != null && Double.parseDouble(c.max()) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** True for a numeric column whose smallest value is below zero: a loss, an outflow, a refund. */
    static boolean goesBelowZero(ColumnProfile c) {
        try {
            return c.column().numeric() && c.min() != null && Double.parseDouble(c.min()) < 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Words a table's name may end with that say nothing of what its rows are: orders_2024, sales_data. */
    private static final Set<String> TABLE_SUFFIXES = Set.of("data", "table", "list", "log", "export", "raw", "info",
            "details", "records", "record", "sheet", "dataset", "clean", "final", "extract", "csv", "tsv", "all");

    /**
     * The words of the table's name that may name its rows, past years and words like "data": "visit" of
     * hospital_visits, "parcel" and "shipment" of parcel_shipments. See {@link #repeatedThing} for a word whose
     * things have many rows each.
     */
    List<String> tableHeads() {
        return tableHeads;
    }

    private static List<String> tableHeads(String table) {
        List<String> heads = new ArrayList<>();
        for (String word : words(table)) {
            String t = Vocabulary.singular(word);
            if (!TABLE_SUFFIXES.contains(t) && !t.chars().allMatch(Character::isDigit) && (t.length() > 2 || heads.isEmpty())) {
                heads.add(t);
            }
        }
        return List.copyOf(heads);
    }

    /** Words after a thing's name in a column that tells those things apart: animal_name, dog_id. */
    private static final Set<String> IDENTITY_WORDS = Set.of("name", "id", "code", "no", "number", "ref");

    /**
     * True when a column names or numbers the thing {@code word} says, and repeats over rows: "per animal" on
     * zoo_animal_care (animal_name) groups each animal's many rows, though the table's name holds the word.
     */
    boolean repeatedThing(String word) {
        return schema.columns().stream().anyMatch(c -> {
            List<String> w = words(c.name());
            return w.size() == 2 && Vocabulary.singular(w.get(0)).equals(word) && IDENTITY_WORDS.contains(w.get(1))
                    && c.distinct() > 0 && c.distinct() < schema.rows() - c.nulls();
        });
    }

    /** The words of a column name or value: split at separators and camelCase, lowercase, singular. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '\'' || ch == '\u2019') {
                continue; // "O'Brien's" reads as one word, as the tokenizer reads it
            }
            boolean boundary = !Character.isLetterOrDigit(ch);
            boolean camel = i > 0 && Character.isUpperCase(ch) && Character.isLowerCase(name.charAt(i - 1));
            if (boundary || camel) {
                flush(out, cur);
            }
            if (!boundary) {
                cur.append(Character.toLowerCase(ch));
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(Vocabulary.singular(cur.toString()));
            cur.setLength(0);
        }
    }

    /** Identifier-like columns: "Order ID", "Postal Code", "employee_id", "Row ID". */
    /** A column that numbers something ("line_no", "Line Number", "seq num"): a position, not an amount. */
    static boolean isNumbering(ColumnProfile c) {
        List<String> w = words(c.name());
        return w.size() > 1 && Set.of("no", "num", "number", "nr", "seq").contains(w.get(w.size() - 1));
    }

    static boolean isIdLike(ColumnProfile c) {
        List<String> w = words(c.name());
        if (w.isEmpty()) {
            return false;
        }
        String last = w.get(w.size() - 1);
        return Vocabulary.ID_WORDS.contains(last) || (w.size() == 1 && last.equals("id"))
                || w.contains("postal") || w.contains("zip");
    }

    /** Name-like columns that label an entity: "Customer Name", "Product Name", "name". */
    static boolean isLabelLike(ColumnProfile c) {
        List<String> w = words(c.name());
        return !w.isEmpty() && (w.get(w.size() - 1).equals("name") || w.get(w.size() - 1).equals("label"));
    }

    /**
     * An id column with a name column of the same first word, repeating over rows; else the one text column named
     * for people that repeats over rows ("employee" of a monthly payroll); null when none, or several.
     */
    private ColumnProfile personId() {
        ColumnProfile paired = pairedPersonId();
        if (paired != null) {
            return paired;
        }
        List<ColumnProfile> named = schema.columns().stream()
                .filter(c -> repeatsOverRows(c) && !words(c.name()).isEmpty() && PEOPLE.contains(words(c.name()).get(0)))
                .toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /** First words of a column that names the people the rows are about. */
    private static final Set<String> PEOPLE = Set.of("employee", "employees", "worker", "staff", "person", "member",
            "colleague");

    private ColumnProfile pairedPersonId() {
        ColumnProfile found = null;
        for (ColumnProfile id : schema.columns()) {
            List<String> words = words(id.name());
            if (words.isEmpty() || !isIdLike(id) || uniquePerRow(id)) {
                continue;
            }
            List<String> name = List.of(words.get(0), "name");
            if (schema.columns().stream().anyMatch(n -> !n.equals(id) && words(n.name()).equals(name))) {
                if (found != null) {
                    return null;
                }
                found = id;
            }
        }
        return found;
    }

    /** True when the id column holds one distinct value per row, so counting entities counts rows. */
    boolean uniquePerRow(ColumnProfile id) {
        return schema.rows() > 0 && id.nulls() == 0 && id.distinct() == schema.rows();
    }

    /** A text column naming things that come back over rows: a product on many order lines, an account's deals. */
    boolean repeatsOverRows(ColumnProfile col) {
        return !col.column().numeric() && !col.column().temporal() && !uniquePerRow(col);
    }

    /**
     * A whole-number column that numbers the rows: one value per row, nearly consecutive (1..10 on ten rows).
     * Such a column is a position or a label, not an amount, so "how many districts" counts, never adds.
     */
    boolean numbersRows(ColumnProfile col) {
        if (!uniquePerRow(col)) {
            return false;
        }
        try {
            long min = Long.parseLong(col.min());
            long max = Long.parseLong(col.max());
            return min >= 0 && max - min + 1 <= schema.rows() * 3 / 2 + 1;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** A single-word column abbreviated in its name ("dept" for "department", "qty" for "quantity"), or null. */
    ColumnProfile abbreviated(String word) {
        Set<ColumnProfile> found = new java.util.LinkedHashSet<>();
        Set<ColumnProfile> consonants = new java.util.LinkedHashSet<>();
        for (ColumnProfile c : schema.columns()) {
            for (String w : words(c.name())) {
                // an abbreviation drops two letters or more: "last" is a word of its own, not one of "least"
                if (w.length() >= 3 && w.length() <= word.length() - 2 && w.charAt(0) == word.charAt(0)
                        && w.charAt(w.length() - 1) == word.charAt(word.length() - 1) && !word.startsWith(w)
                        && subsequence(w, word)) {
                    found.add(c);
                    if (w.substring(1).chars().noneMatch(ch -> "aeiou".indexOf(ch) >= 0)) {
                        consonants.add(c);
                    }
                }
            }
        }
        // of several, the one written as abbreviations are, in consonants: "points" is Pts, not Pos
        return found.size() == 1 ? found.iterator().next() : consonants.size() == 1 ? consonants.iterator().next() : null;
    }

    private static boolean subsequence(String shorter, String longer) {
        int j = 0;
        for (int i = 0; i < longer.length() && j < shorter.length(); i++) {
            if (longer.charAt(i) == shorter.charAt(j)) {
                j++;
            }
        }
        return j == shorter.length();
    }

    /**
     * The column that names the rows: a plain "name" column, else the only name-like column that is (nearly)
     * unique per row ("product_name", "Title"); null when there is none or several.
     */
    ColumnProfile labelColumn() {
        ColumnProfile generic = genericName();
        if (generic != null) {
            return generic;
        }
        ColumnProfile found = null;
        for (ColumnProfile c : schema.columns()) {
            if (isLabelLike(c) && !c.column().numeric()) {
                if (found != null) {
                    return null;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * What names a row when a question asks "who" or "which" without naming a column: the label column, else
     * the first text column that is (nearly) unique per row, as the key column of a small table usually is.
     */
    ColumnProfile rowLabel() {
        ColumnProfile label = labelColumn();
        if (label != null) {
            return label;
        }
        for (ColumnProfile c : schema.columns()) {
            if (!c.column().numeric() && !c.column().temporal() && schema.rows() > 0
                    && c.distinct() * 10 >= schema.rows() * 8) {
                return c;
            }
        }
        return null;
    }

    /** A plain "name" column, the label of the rows' own entity when there is no "<entity> name". */
    ColumnProfile genericName() {
        for (ColumnProfile c : schema.columns()) {
            List<String> w = words(c.name());
            if (!w.isEmpty() && w.size() <= 2 && w.get(w.size() - 1).equals("name") && (w.size() == 1 || w.get(0).equals("full"))) {
                return c;
            }
        }
        return null;
    }
}
