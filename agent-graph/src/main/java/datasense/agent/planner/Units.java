package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Units of measure a column is kept in and a question asks in: "total hours" over minutes_watched is the minutes
 * over 60, "taller than 1.2 metres" over height_cm is above 120, "tonnes" over net_kg is the kilograms over 1,000.
 * A column's unit is read from its name (minutes_watched, duration_min, weight_g, net_kg, chemical_ml, height_cm);
 * an abbreviation counts only as the last word of a longer name (a "min" elsewhere is a minimum: min_price).
 */
final class Units {

    private Units() {
    }

    /** One unit: its family (time, mass, length, volume), its size in the family's base, and its plural name. */
    record Unit(String family, double size, String plural) {
    }

    private static final Unit SECOND = new Unit("time", 1, "seconds");
    private static final Unit MINUTE = new Unit("time", 60, "minutes");
    private static final Unit HOUR = new Unit("time", 3600, "hours");
    private static final Unit GRAM = new Unit("mass", 1, "grams");
    private static final Unit KILOGRAM = new Unit("mass", 1_000, "kilograms");
    private static final Unit TONNE = new Unit("mass", 1_000_000, "tonnes");
    private static final Unit MILLIMETRE = new Unit("length", 0.001, "millimetres");
    private static final Unit CENTIMETRE = new Unit("length", 0.01, "centimetres");
    private static final Unit METRE = new Unit("length", 1, "metres");
    private static final Unit KILOMETRE = new Unit("length", 1_000, "kilometres");
    private static final Unit MILLILITRE = new Unit("volume", 0.001, "millilitres");
    private static final Unit LITRE = new Unit("volume", 1, "litres");

    /** Units written in full (singular), in a question or anywhere in a column's name. */
    private static final Map<String, Unit> WORDS = Map.ofEntries(Map.entry("second", SECOND), Map.entry("minute", MINUTE),
            Map.entry("hour", HOUR), Map.entry("gram", GRAM), Map.entry("gramme", GRAM), Map.entry("kilogram", KILOGRAM),
            Map.entry("kilo", KILOGRAM), Map.entry("tonne", TONNE), Map.entry("ton", TONNE), Map.entry("tonnage", TONNE),
            Map.entry("millimetre", MILLIMETRE), Map.entry("millimeter", MILLIMETRE), Map.entry("centimetre", CENTIMETRE),
            Map.entry("centimeter", CENTIMETRE), Map.entry("metre", METRE), Map.entry("meter", METRE),
            Map.entry("kilometre", KILOMETRE), Map.entry("kilometer", KILOMETRE), Map.entry("millilitre", MILLILITRE),
            Map.entry("milliliter", MILLILITRE), Map.entry("litre", LITRE), Map.entry("liter", LITRE));

    /** Abbreviations: after a number in a question ("5 kg"), or as the last word of a column's name (weight_g). */
    private static final Map<String, Unit> ABBREVIATIONS = Map.ofEntries(Map.entry("sec", SECOND), Map.entry("secs", SECOND),
            Map.entry("min", MINUTE), Map.entry("mins", MINUTE), Map.entry("hr", HOUR), Map.entry("hrs", HOUR),
            Map.entry("h", HOUR), Map.entry("g", GRAM), Map.entry("kg", KILOGRAM), Map.entry("kgs", KILOGRAM),
            Map.entry("t", TONNE), Map.entry("mm", MILLIMETRE), Map.entry("cm", CENTIMETRE), Map.entry("m", METRE),
            Map.entry("km", KILOMETRE), Map.entry("ml", MILLILITRE), Map.entry("l", LITRE));

    /** The unit a question's word names in full ("hours", "tonnes", "kilos"), else null. */
    static Unit ofWord(Token t) {
        return t.norm().equals("second") ? null : WORDS.get(t.singular()); // "the second quarter": an ordinal
    }

    /** The unit a plural word names ("hours", "tonnes", "tonnage"); a singular "hour" is a time of day or a period. */
    static Unit ofPlural(Token t) {
        return !t.norm().equals(t.singular()) || t.norm().equals("tonnage") ? ofWord(t) : null;
    }

    /** The unit a word names after a number: in full or abbreviated ("5 kg", "1.2 metres"), else null. */
    static Unit afterNumber(Token t) {
        Unit full = WORDS.get(t.singular());
        return full != null ? full : ABBREVIATIONS.get(t.norm());
    }

    /** The unit a numeric column is kept in, from its name, else null. */
    static Unit ofColumn(ColumnProfile col) {
        if (col == null || !col.column().numeric() || col.column().temporal()) {
            return null;
        }
        List<String> words = SchemaIndex.words(col.name());
        String last = words.get(words.size() - 1);
        if (words.size() > 1 && ABBREVIATIONS.containsKey(last)) {
            // "speed_km_h": two units in a row are a rate
            return ABBREVIATIONS.containsKey(words.get(words.size() - 2)) || words.contains("per") ? null : ABBREVIATIONS.get(last);
        }
        Unit found = null;
        for (String w : words) {
            Unit u = WORDS.get(Vocabulary.singular(w));
            if (u != null && u.family().equals("time") && !col.name().toLowerCase(Locale.ROOT).contains(w + "s")) {
                continue; // "start_hour" is an hour of the day; durations are named in the plural (hours_booked)
            }
            if (u != null) {
                if (found != null && found != u) {
                    return null; // "kg_per_hour": a rate of two units, no one unit
                }
                found = u;
            }
        }
        return words.contains("per") ? null : found;
    }

    /**
     * The intent's measures shown in the unit the clause names, where it differs from their column's: "total hours
     * watched" of minutes_watched, "average weight in kg" of weight_g. A unit word right after a number is a
     * threshold's ({@link NumericFilters}), and one after "per" a rate's denominator: neither converts a measure.
     */
    static Intent shownIn(Clause c, Intent it) {
        if (it.measures().isEmpty()) {
            return it;
        }
        List<Measure> measures = new java.util.ArrayList<>(it.measures());
        List<String> readings = new java.util.ArrayList<>(it.readings());
        List<Unexplained> unexplained = new java.util.ArrayList<>(it.unexplained());
        boolean changed = false;
        for (int i = c.from; i < c.to; i++) {
            boolean in = i > c.from && c.w(i - 1).equals("in");
            Unit asked = in ? ofWord(c.token(i)) : ofPlural(c.token(i)); // "weight in kilograms", "total hours"
            if (asked == null && in) {
                asked = afterNumber(c.token(i)); // "weight in kg"
            }
            int before = c.prev(i);
            if (asked == null || before >= c.from && (c.isNum(before) || Set.of("per", "an", "a", "each", "every")
                    .contains(c.w(before)))) {
                continue;
            }
            for (int k = 0; k < measures.size(); k++) {
                Measure m = measures.get(k);
                Unit kept = ofColumn(m.column());
                boolean plain = m.derived() == Measure.Derived.NONE || m.derived() == Measure.Derived.RUNNING
                        || m.derived() == Measure.Derived.PERIOD_AVERAGE;
                if (kept == null || kept == asked || !kept.family().equals(asked.family()) || !plain || m.share()
                        || m.agg() == Agg.COUNT || m.agg() == Agg.COUNT_DISTINCT || m.unit() != null) {
                    continue;
                }
                measures.set(k, m.inUnit(asked));
                String word = c.token(i).text();
                unexplained.removeIf(u -> u.text().equals(word));
                readings.add("'" + word + "': " + m.column().name() + " (in " + kept.plural() + ") shown in " + asked.plural());
                changed = true;
            }
        }
        return changed ? it.withMeasures(measures).withReadings(readings).withUnexplained(unexplained) : it;
    }

    /** A value in {@code from} expressed in {@code to}: 5 kg in grams is 5 x 1000. */
    static double factor(Unit from, Unit to) {
        return from.size() / to.size();
    }

    /** The SQL of {@code ref}, a column kept in {@code from}, read in {@code to}: "(minutes_watched / 60.0)". */
    static String convert(String ref, Unit from, Unit to) {
        double f = factor(from, to);
        return f < 1 ? "(" + ref + " / " + number(1 / f) + ")" : "(" + ref + " * " + number(f) + ")";
    }

    private static String number(double v) {
        double rounded = Math.rint(v);
        return Math.abs(v - rounded) < 1e-9 ? String.format(Locale.ROOT, "%.1f", rounded) : Double.toString(v);
    }
}
