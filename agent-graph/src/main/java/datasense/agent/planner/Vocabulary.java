package datasense.agent.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the offline planner understands, in one place so a newcomer can teach it a phrasing by adding
 * a word to a list rather than a branch to the parser.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * Words never linked to the schema on their own ("number" is not a column called Number, "value" not a
     * column called Value). Linking only: what a word means for the plan is {@link #FILLER}'s business.
     */
    static final Set<String> STOP = Set.copyOf(List.of(
            "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "per", "with", "within", "from", "and",
            "or", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "what", "whats", "which",
            "who", "whom", "how", "much", "many", "me", "my", "our", "us", "we", "i", "you", "your", "it", "its",
            "this", "that", "these", "those", "there", "their", "them", "they", "please", "can", "could", "would",
            "should", "will", "show", "give", "get", "tell", "find", "display", "let", "see", "have", "has", "had",
            "each", "every", "all", "any", "some", "where", "when", "whose", "having", "as", "into", "over",
            "across", "between", "than", "about", "like", "also", "then", "plus", "just", "only", "now", "same",
            "value", "values", "data", "dataset", "table", "file", "rows", "row", "records", "record", "number",
            "compare", "comparison", "versus", "vs", "v", "look", "looks", "break", "down", "broken", "split",
            "grouped", "group", "make", "draw", "plot", "chart", "graph", "visualize", "visualise", "calculate",
            "compute", "list", "out", "up", "did", "done", "recorded", "entered", "stored", "known", "overall",
            "here", "be", "so", "far", "both", "other", "else", "instead", "again", "one", "ones", "there",
            "exist", "exists", "present", "having", "along", "together", "figure", "figures", "result", "results",
            "answer", "question", "want", "need", "know", "like", "see", "view", "report", "how's", "hows",
            "each", "wise", "based", "using", "use", "according", "against", "across", "among", "throughout",
            "during", "since", "until", "before", "after", "above", "below", "under", "not", "no", "without",
            "do", "does", "it's", "made", "happen", "happened", "come", "came", "generated", "brought",
            "bring", "place", "placed", "sold", "spent", "got", "took", "taken", "work", "works", "worked", "working",
            "employed", "live", "lives", "belong", "belongs", "currently", "today", "ever"));

    /**
     * Grammatical words that carry no meaning of their own in a data question: articles, auxiliaries, pronouns,
     * question words, glue prepositions, politeness and verbs of showing. Every other word of a question must be
     * understood by some stage or it is unexplained, and an unexplained word lowers confidence. Operator words
     * ("not", "or", "than", "per", "each", "only", "before") are deliberately absent: losing one changes the answer.
     */
    static final Set<String> FILLER = Set.copyOf(List.of(
            "a", "an", "the", "of", "for", "in", "on", "at", "to", "from", "with", "within", "into", "as", "about",
            "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "has", "have", "had",
            "having", "what", "whats", "which", "who", "whom", "whose", "how", "where", "when", "why", "me", "my",
            "mine", "our", "us", "we", "i", "you", "your", "it", "its", "this", "that", "these", "those", "there",
            "their", "them", "they", "he", "she", "his", "her", "please", "kindly", "can", "could", "would",
            "should", "will", "shall", "may", "might", "must", "show", "shows", "showing", "shown", "give",
            "giving", "get", "getting", "tell", "find", "display", "displaying", "let", "lets", "see", "view",
            "return", "returns", "provide", "present", "report", "want", "need", "know", "like", "also", "just",
            "here", "so", "then", "now", "currently", "ever", "actually", "exactly", "really", "us", "id", "im",
            "i'd", "i'm", "whats", "what's", "there's", "theres", "data", "dataset", "table", "file", "information",
            "info", "details", "detail", "recorded", "listed", "stored", "entered", "known", "given", "found",
            "exist", "exists", "existing", "available", "present", "appear", "appears", "happen", "happened",
            "come", "comes", "came", "made", "make", "makes", "place", "placed", "got", "took", "taken",
            "sold", "bought", "purchased", "spent", "generated", "earned", "received", "brought", "recorded",
            "shipped", "booked", "registered", "done", "overall", "altogether", "combined", "respective",
            "respectively", "corresponding", "associated", "related", "belong", "belongs", "belonging", "according",
            "based", "using", "use", "used", "look", "looking", "compute", "calculate", "determine", "identify",
            "figure", "figures", "result", "results", "answer", "question", "some", "any", "all",
            "both", "one", "ones", "well", "also", "too", "either", "neither"));

    /**
     * Words that change what an answer computes (negation, alternatives, comparison, grouping, scope, order):
     * one left unexplained makes the plan a best guess.
     */
    static final Set<String> OPERATORS = Set.of("not", "no", "non", "never", "without", "except", "excluding",
            "exclude", "besides", "outside", "or", "nor", "than", "per", "each", "every", "by", "only",
            "before", "after", "since", "until", "above", "below", "under", "over", "between", "more", "less",
            "fewer", "most", "least", "top", "bottom", "first", "last", "sort", "sorted", "order", "ordered",
            "rank", "ranked", "ascending", "descending", "asc", "desc", "contain", "contains", "containing",
            "start", "starts", "end", "ends", "same", "different", "other", "average", "total", "sum", "count",
            "distinct", "unique");

    /** Words that stand for "rows" when counted: "how many transactions". */
    static final Set<String> ROW_NOUNS = Set.of("row", "record", "transaction", "entry", "line", "observation",
            "case", "sale", "purchase", "item", "event");

    /** Aggregate function words; multi-word phrases are matched before single words. */
    static final Map<String, Agg> FUNCTIONS = Map.ofEntries(
            Map.entry("total", Agg.SUM), Map.entry("sum", Agg.SUM), Map.entry("summed", Agg.SUM),
            Map.entry("average", Agg.AVG), Map.entry("avg", Agg.AVG), Map.entry("mean", Agg.AVG),
            Map.entry("typical", Agg.AVG), Map.entry("headcount", Agg.COUNT),
            Map.entry("count", Agg.COUNT), Map.entry("counts", Agg.COUNT),
            Map.entry("minimum", Agg.MIN), Map.entry("min", Agg.MIN),
            Map.entry("maximum", Agg.MAX), Map.entry("max", Agg.MAX),
            Map.entry("median", Agg.MEDIAN),
            Map.entry("std", Agg.STDDEV), Map.entry("stddev", Agg.STDDEV), Map.entry("stdev", Agg.STDDEV),
            Map.entry("sd", Agg.STDDEV), Map.entry("variability", Agg.STDDEV), Map.entry("volatility", Agg.STDDEV));

    /** Multi-word function phrases, longest first. */
    static final List<Map.Entry<List<String>, Agg>> FUNCTION_PHRASES = List.of(
            Map.entry(List.of("standard", "deviation"), Agg.STDDEV),
            Map.entry(List.of("std", "dev"), Agg.STDDEV),
            Map.entry(List.of("total", "number", "of"), Agg.COUNT), // "the total number of": a count
            Map.entry(List.of("how", "many"), Agg.COUNT),
            Map.entry(List.of("how", "much"), Agg.SUM),
            Map.entry(List.of("number", "of"), Agg.COUNT),
            Map.entry(List.of("count", "of"), Agg.COUNT),
            Map.entry(List.of("distinct", "count"), Agg.COUNT_DISTINCT),
            Map.entry(List.of("unique", "count"), Agg.COUNT_DISTINCT));

    /** Superlatives ranking groups (or picking min/max when there is nothing to group): word -> descending? */
    static final Map<String, Boolean> SUPERLATIVES = Map.ofEntries(
            Map.entry("top", true), Map.entry("highest", true), Map.entry("most", true), Map.entry("best", true),
            Map.entry("largest", true), Map.entry("biggest", true), Map.entry("greatest", true),
            Map.entry("leading", true),
            Map.entry("bottom", false), Map.entry("lowest", false), Map.entry("least", false),
            Map.entry("worst", false), Map.entry("smallest", false), Map.entry("fewest", false),
            Map.entry("weakest", false),
            Map.entry("strongest", true), Map.entry("oldest", true), Map.entry("youngest", false),
            Map.entry("cheapest", false), Map.entry("priciest", true), Map.entry("costliest", true),
            Map.entry("tallest", true), Map.entry("longest", true), Map.entry("shortest", false),
            Map.entry("heaviest", true), Map.entry("lightest", false), Map.entry("deepest", true),
            Map.entry("farthest", true), Map.entry("furthest", true),
            Map.entry("fastest", true), Map.entry("quickest", true), Map.entry("slowest", false),
            Map.entry("busiest", true), Map.entry("quietest", false));

    /** Words after which a column is a grouping: "by region", "per segment", "across states". */
    static final Set<String> GROUP_WORDS = Set.of("by", "per", "each", "every", "across", "breakdown", "among");
    /** Words that ask for one figure over everything: "laps in total", "more than 5 tickets altogether". */
    static final Set<String> WHOLE_WORDS = Set.of("total", "overall", "altogether", "combined");

    /** Time grains and the words that name them. */
    static final Map<String, Grain> GRAIN_NOUNS = Map.of("day", Grain.DAY, "date", Grain.DAY, "week", Grain.WEEK,
            "month", Grain.MONTH, "quarter", Grain.QUARTER, "year", Grain.YEAR);
    static final Map<String, Grain> GRAIN_ADJECTIVES = Map.of("daily", Grain.DAY, "weekly", Grain.WEEK,
            "monthly", Grain.MONTH, "quarterly", Grain.QUARTER, "yearly", Grain.YEAR, "annual", Grain.YEAR,
            "annually", Grain.YEAR);

    static final Set<String> DISTRIBUTION = Set.of("distribution", "distributed", "histogram", "spread");
    static final Set<String> TREND = Set.of("trend", "trends", "trending", "evolution", "evolve", "evolved",
            "timeline", "timeseries");
    static final List<List<String>> TREND_PHRASES = List.of(List.of("over", "time"), List.of("time", "series"),
            List.of("through", "time"), List.of("change", "over"));
    static final Set<String> SUMMARY = Set.of("summary", "summarize", "summarise", "describe", "description",
            "statistic", "stats", "overview", "profile", "descriptive");
    static final Set<String> CORRELATION = Set.of("correlation", "correlate", "correlated", "correlates",
            "relationship", "relate", "related", "association");
    static final Set<String> SCATTER = Set.of("scatter", "scatterplot");
    static final Set<String> BOX = Set.of("box", "boxplot", "boxplots", "whisker", "whiskers");
    static final Set<String> LIST = Set.of("list", "name", "names", "enumerate");
    static final Set<String> CHART = Set.of("chart", "graph", "plot", "visualize", "visualise", "visualization",
            "visualisation", "draw", "diagram");
    static final Map<String, String> CHART_KINDS = Map.of("bar", "bar", "bars", "bar", "column", "bar", "line", "line",
            "pie", "pie", "donut", "pie", "scatter", "scatter");
    static final Set<String> DISTINCT = Set.of("distinct", "unique", "different");

    /** Comparison phrases followed by a number, longest first: words -> filter op. */
    static final List<Map.Entry<List<String>, String>> COMPARATORS = List.of(
            Map.entry(List.of("greater", "than", "or", "equal", "to"), "ge"),
            Map.entry(List.of("less", "than", "or", "equal", "to"), "le"),
            Map.entry(List.of("more", "than"), "gt"), Map.entry(List.of("greater", "than"), "gt"),
            Map.entry(List.of("higher", "than"), "gt"), Map.entry(List.of("larger", "than"), "gt"),
            Map.entry(List.of("bigger", "than"), "gt"), Map.entry(List.of("at", "least"), "ge"),
            Map.entry(List.of("less", "than"), "lt"), Map.entry(List.of("lower", "than"), "lt"),
            Map.entry(List.of("smaller", "than"), "lt"), Map.entry(List.of("fewer", "than"), "lt"),
            Map.entry(List.of("at", "most"), "le"), Map.entry(List.of("no", "more", "than"), "le"),
            Map.entry(List.of("older", "than"), "gt"), Map.entry(List.of("younger", "than"), "lt"),
            Map.entry(List.of("equal", "to"), "eq"), Map.entry(List.of("exactly"), "eq"),
            // "with only two players", "only had one driver": "only" before a count says exactly that many
            Map.entry(List.of("only", "had"), "eq"), Map.entry(List.of("only", "has"), "eq"),
            Map.entry(List.of("only", "have"), "eq"), Map.entry(List.of("only"), "eq"),
            Map.entry(List.of("above"), "gt"), Map.entry(List.of("over"), "gt"), Map.entry(List.of("exceeds"), "gt"),
            Map.entry(List.of("exceeding"), "gt"), Map.entry(List.of("exceed"), "gt"),
            Map.entry(List.of("below"), "lt"), Map.entry(List.of("under"), "lt"), Map.entry(List.of("equals"), "eq"),
            Map.entry(List.of(">"), "gt"), Map.entry(List.of(">="), "ge"), Map.entry(List.of("<"), "lt"),
            Map.entry(List.of("<="), "le"), Map.entry(List.of("="), "eq"), Map.entry(List.of("!="), "ne"));

    /** Words that negate the value after them: "not West", "excluding Furniture". */
    static final Set<String> NEGATIONS = Set.of("not", "except", "excluding", "exclude", "excluded", "besides",
            "outside");

    /** Units a column may be kept in: "how many tonnes" of yield_tonnes is an amount of them, added up. */
    static final Set<String> MEASURE_UNITS = Set.of("tonne", "ton", "kg", "kilogram", "kilo", "gram", "pound", "lb",
            "litre", "liter", "gallon", "km", "kilometre", "kilometer", "mile", "metre", "meter", "hour", "minute",
            "second", "day", "hectare", "acre", "kwh", "dollar", "euro", "usd", "eur", "gbp", "point", "credit");

    /** Superlatives that, listed with other functions, are functions themselves: "the lowest, average and highest rate". */
    static final Map<String, Agg> LISTED_EXTREMES = Map.of("lowest", Agg.MIN, "smallest", Agg.MIN, "shortest", Agg.MIN,
            "cheapest", Agg.MIN, "highest", Agg.MAX, "largest", Agg.MAX, "biggest", Agg.MAX, "longest", Agg.MAX);

    /** True for a word of a list of functions: "average", "lowest". */
    static boolean functionWord(String w) {
        return FUNCTIONS.containsKey(w) || LISTED_EXTREMES.containsKey(w);
    }

    /** Verbs that leave rows out of what is measured: "ignore the cancelled ones", "omit refunds". */
    static final Set<String> LEAVE_OUT = Set.of("ignore", "ignoring", "omit", "omitting", "skip", "skipping",
            "disregard", "disregarding", "exclude", "excluding");

    /**
     * The start of a phrase ending at token {@code k} (inclusive) that leaves rows out: "leave out", "leaving out",
     * "not counting", "not including", or one of {@link #LEAVE_OUT}; else -1.
     */
    static int leavesOut(Clause c, int k) {
        String w = c.w(k);
        if (LEAVE_OUT.contains(w)) {
            return k;
        }
        if (w.equals("out") && Set.of("leave", "leaving", "left", "leaves").contains(c.w(k - 1))
                || Set.of("counting", "including").contains(w) && c.w(k - 1).equals("not")) {
            return k - 1;
        }
        return -1;
    }

    /** Words for missing values: "no city", "missing city", "city is null". */
    static final Set<String> MISSING = Set.of("missing", "null", "empty", "blank", "unknown", "nan");

    /** Fragments of the name of a column that holds how many people a row stands for. */
    private static final List<String> PEOPLE_COLUMNS = List.of("visitors", "people", "persons", "guests", "attendees",
            "group_size", "group size", "party_size", "party size", "headcount", "pax");

    /** Fragments of the columns of what was paid in: amount_paid, collected_eur, received. */
    static final List<String> COLLECTED = List.of("paid", "collected", "received", "repaid");

    /** Participles said for one a column is named by: "amount collected" is amount_paid. */
    static final Map<String, List<String>> PARTICIPLE_SYNONYMS = Map.of("collected", List.of("paid", "received"),
            "repaid", List.of("paid"), "received", List.of("paid", "collected"));

    /**
     * Words that name a measure without naming its column: word -> fragments of likely column names,
     * tried in order. "paid" finds a salary column; "revenue" a sales column.
     */
    static final Map<String, List<String>> MEASURE_HINTS = Map.ofEntries(
            Map.entry("paid", List.of("salary", "pay", "wage", "compensation", "income", "earning")),
            Map.entry("pay", List.of("salary", "pay", "wage", "compensation", "income")),
            Map.entry("earning", List.of("salary", "earning", "income", "wage", "pay")),
            Map.entry("earn", List.of("salary", "earning", "income", "wage", "pay")),
            Map.entry("revenue", List.of("revenue", "sales", "amount", "turnover", "total", "value", "paid", "fare", "fee")),
            Map.entry("turnover", List.of("turnover", "revenue", "sales", "amount", "value", "paid", "fare")),
            Map.entry("takings", List.of("revenue", "sales", "amount", "value", "paid", "fare")),
            Map.entry("amount", List.of("amount", "total", "sales", "revenue", "value")),
            Map.entry("spend", List.of("spend", "cost", "amount", "expense", "total", "value")),
            Map.entry("spending", List.of("spend", "cost", "amount", "expense", "total", "value")),
            Map.entry("spent", List.of("spend", "cost", "amount", "expense", "total", "sales", "revenue", "value",
                    "paid", "price")),
            Map.entry("spends", List.of("spend", "cost", "amount", "expense", "total", "value")),
            Map.entry("cost", List.of("cost", "spend", "expense")),
            Map.entry("costs", List.of("cost", "spend", "expense")),
            Map.entry("earns", List.of("salary", "income", "pay", "wage", "earning")),
            // what was billed is the bill's whole amount, of which a charge or a fee is a part
            Map.entry("billed", List.of("bill", "amount", "total", "charge", "cost", "fee")),
            Map.entry("charged", List.of("charge", "cost", "amount", "total", "fee", "price")),
            Map.entry("charge", List.of("charge", "amount", "fee", "price", "cost", "total")),
            Map.entry("charges", List.of("charge", "amount", "fee", "price", "cost", "total")),
            // a drink's strength is its alcohol by volume
            Map.entry("strength", List.of("abv", "alcohol", "strength", "proof")),
            Map.entry("strongest", List.of("abv", "alcohol", "strength", "proof")),
            Map.entry("stars", List.of("rating", "stars", "score")),
            Map.entry("sales", List.of("sales", "revenue", "amount", "total", "value")),
            Map.entry("money", List.of("revenue", "sales", "amount", "total", "value", "paid", "fare", "fee")),
            // what a lender or a utility collected is what was paid to it
            Map.entry("collected", COLLECTED), Map.entry("collections", COLLECTED), Map.entry("repaid", COLLECTED),
            Map.entry("repayments", COLLECTED),
            // people counted by a column of how many a row stands for: a ticket's group size, a booking's party size
            Map.entry("visitors", PEOPLE_COLUMNS), Map.entry("visitor", PEOPLE_COLUMNS),
            Map.entry("people", PEOPLE_COLUMNS), Map.entry("persons", PEOPLE_COLUMNS),
            Map.entry("guests", PEOPLE_COLUMNS), Map.entry("attendees", PEOPLE_COLUMNS),
            Map.entry("cheapest", List.of("price", "cost", "fare", "amount")),
            Map.entry("priciest", List.of("price", "cost", "fare", "amount")),
            Map.entry("performance", List.of("sales", "revenue", "amount", "profit")),
            Map.entry("performing", List.of("sales", "revenue", "amount", "profit")),
            Map.entry("expensive", List.of("price", "cost", "amount")),
            Map.entry("oldest", List.of("age")),
            Map.entry("units", List.of("quantity", "qty", "units", "volume")),
            Map.entry("items", List.of("quantity", "qty", "items", "units")),
            Map.entry("copies", List.of("quantity", "qty", "copies", "units")),
            Map.entry("pieces", List.of("quantity", "qty", "pieces", "units")),
            Map.entry("tickets", List.of("tickets", "quantity", "qty", "seats")),
            // goods counted in their packaging: "how many boxes were received" is the quantity, kept in boxes
            Map.entry("boxes", List.of("boxes", "quantity", "qty", "units")),
            Map.entry("cases", List.of("cases", "quantity", "qty", "units")),
            Map.entry("crates", List.of("crates", "quantity", "qty", "units")),
            Map.entry("cartons", List.of("cartons", "quantity", "qty", "units")),
            Map.entry("pallets", List.of("pallets", "quantity", "qty", "units")),
            Map.entry("packs", List.of("packs", "quantity", "qty", "units")),
            Map.entry("youngest", List.of("age")),
            Map.entry("tallest", List.of("height")),
            Map.entry("longest", List.of("length", "duration", "distance", "km", "mile")),
            Map.entry("shortest", List.of("length", "duration", "distance", "height")),
            Map.entry("heaviest", List.of("weight", "mass", "kg")), Map.entry("lightest", List.of("weight", "mass", "kg")),
            // a verb of measuring names what it measures: "which player weighed the least"
            Map.entry("weighed", List.of("weight", "mass", "kg", "lbs")), Map.entry("weighs", List.of("weight", "mass", "kg", "lbs")),
            Map.entry("deepest", List.of("depth")),
            // what a unit measures names the column written in it: energy in kWh, electricity, power use
            Map.entry("energy", List.of("energy", "kwh", "mwh", "wh", "consumption", "usage")),
            Map.entry("electricity", List.of("electricity", "kwh", "mwh", "consumption", "usage")),
            // how much of a supply was used: in its unit, else the column of what was used or consumed (m3_used)
            Map.entry("consumption", List.of("consumption", "usage", "kwh", "mwh", "litres", "liters", "gallons", "used",
                    "consumed")),
            Map.entry("usage", List.of("usage", "consumption", "kwh", "mwh", "litres", "liters", "gallons", "used",
                    "consumed")),
            // "water use", "how much did they use": what was used, when a column says so (m3_used)
            Map.entry("use", List.of("used", "usage", "consumed", "consumption")),
            Map.entry("fuel", List.of("fuel", "litres", "liters", "gallons")),
            Map.entry("distance", List.of("distance", "km", "miles", "mileage")),
            Map.entry("weight", List.of("weight", "kg", "mass", "lbs", "tonnes")),
            Map.entry("farthest", List.of("distance", "km", "mile")), Map.entry("furthest", List.of("distance", "km", "mile")));

    /** Words asking for a share of a total: "share of sales by region", "what percent of profit". */
    static final Set<String> SHARE = Set.of("share", "percent", "percentage", "proportion", "pct", "fraction",
            "contribution");

    /** Rate-like measures read as an average rather than a sum when no function is said. */
    /** Currency codes a column of money may end with: discount_eur, refund_usd. */
    static final Set<String> CURRENCY_CODES = Set.of("usd", "eur", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek",
            "nok", "dkk", "pln", "czk", "inr", "cny", "zar", "brl", "mxn");

    static final List<String> AVERAGED_MEASURES = List.of("price", "rate", "discount", "score", "age", "percent",
            "percentage", "pct", "ratio", "rating", "margin", "temperature", "tenure");

    /** Column-name fragments that make a numeric column an identifier rather than a measure. */
    static final List<String> ID_WORDS = List.of("id", "key", "code", "zip", "postal", "phone", "number", "no");

    /** Units a column of times taken is named in: response_minutes, labour_hours. */
    static final Set<String> TIME_UNITS = Set.of("seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min",
            "hours", "hour", "hrs", "hr", "days", "day", "ms");

    /** Words that name a value of a one-letter coded column: "female" -> F. */
    static final Map<String, String> CODE_ALIASES = Map.of("female", "f", "women", "f", "woman", "f",
            "male", "m", "men", "m", "man", "m");

    /** Words that make a question a follow-up of the previous one. */
    static final Set<String> FOLLOW_UP_STARTS = Set.of("now", "and", "what", "how", "only", "just", "same",
            "instead", "also", "but", "then", "ok", "okay", "make", "show", "as", "break", "split", "do", "redo");

    /** A crude singular: "categories" -> "category", "sales" -> "sale", "boxes" -> "box", "status" stays. */
    static String singular(String w) {
        if (w.length() <= 3 || SAME_IN_BOTH.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")
                || w.endsWith("zzes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("'s")) {
            return w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
        }
        if (w.endsWith("s")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Nouns spelled alike in the singular and the plural: "the species with the least height" is one species. */
    private static final Set<String> SAME_IN_BOTH = Set.of("species", "series", "means", "headquarters", "news");

    /**
     * Words of a game's result and how a result column begins its values with it ("W 31–10", "Won 2–1", "L 0–3"):
     * word -> the first words that mark that result, letter first.
     */
    static final Map<String, List<String>> RESULT_MARKS = resultMarks();

    private static Map<String, List<String>> resultMarks() {
        Map<String, List<String>> marks = new HashMap<>();
        for (String w : List.of("win", "wins", "won", "winning", "victory", "victories", "beat", "beaten")) {
            marks.put(w, List.of("w", "won", "win"));
        }
        for (String w : List.of("lose", "loses", "lost", "losing", "loss", "losses", "defeat", "defeats", "defeated")) {
            marks.put(w, List.of("l", "lost", "loss"));
        }
        for (String w : List.of("draw", "draws", "drew", "drawn", "tie", "ties", "tied")) {
            marks.put(w, List.of("d", "t", "drawn", "draw", "tied", "tie"));
        }
        return Map.copyOf(marks);
    }

    /**
     * Adjectives of nationality and the names of their countries, as a table of athletes or films writes one and a
     * question the other: "how many players are australian" asks for Nationality = 'Australia'. Several names where
     * tables differ ("american": United States, USA).
     */
    static final Map<String, List<String>> DEMONYMS = demonyms();

    private static Map<String, List<String>> demonyms() {
        String[][] pairs = {
                {"afghan", "afghanistan"}, {"albanian", "albania"}, {"algerian", "algeria"},
                {"american", "united states", "usa", "united states of america"}, {"argentine", "argentina"},
                {"argentinian", "argentina"}, {"armenian", "armenia"}, {"australian", "australia"}, {"austrian", "austria"},
                {"azerbaijani", "azerbaijan"}, {"bahamian", "bahamas"}, {"belarusian", "belarus"}, {"belgian", "belgium"},
                {"bolivian", "bolivia"}, {"bosnian", "bosnia and herzegovina", "bosnia"}, {"brazilian", "brazil"},
                {"british", "united kingdom", "great britain", "uk"}, {"bulgarian", "bulgaria"},
                {"cameroonian", "cameroon"}, {"canadian", "canada"}, {"chilean", "chile"}, {"chinese", "china"},
                {"colombian", "colombia"}, {"costa rican", "costa rica"}, {"croatian", "croatia"}, {"cuban", "cuba"},
                {"cypriot", "cyprus"}, {"czech", "czech republic", "czechia"}, {"czechoslovak", "czechoslovakia"},
                {"danish", "denmark"}, {"dominican", "dominican republic"}, {"dutch", "netherlands"},
                {"east german", "east germany"}, {"ecuadorian", "ecuador"}, {"egyptian", "egypt"},
                {"english", "england"}, {"estonian", "estonia"}, {"ethiopian", "ethiopia"}, {"fijian", "fiji"},
                {"filipino", "philippines"}, {"finnish", "finland"}, {"french", "france"}, {"georgian", "georgia"},
                {"german", "germany", "west germany"}, {"ghanaian", "ghana"}, {"greek", "greece"},
                {"guatemalan", "guatemala"}, {"honduran", "honduras"}, {"hungarian", "hungary"},
                {"icelandic", "iceland"}, {"indian", "india"}, {"indonesian", "indonesia"}, {"iranian", "iran"},
                {"iraqi", "iraq"}, {"irish", "ireland", "republic of ireland"}, {"israeli", "israel"},
                {"italian", "italy"}, {"ivorian", "ivory coast", "cote divoire"}, {"jamaican", "jamaica"},
                {"japanese", "japan"}, {"jordanian", "jordan"}, {"kazakh", "kazakhstan"}, {"kenyan", "kenya"},
                {"korean", "south korea", "korea"}, {"latvian", "latvia"}, {"lebanese", "lebanon"},
                {"lithuanian", "lithuania"}, {"luxembourgish", "luxembourg"}, {"malaysian", "malaysia"},
                {"maltese", "malta"}, {"mexican", "mexico"}, {"moldovan", "moldova"}, {"mongolian", "mongolia"},
                {"montenegrin", "montenegro"}, {"moroccan", "morocco"}, {"nepali", "nepal"},
                {"new zealander", "new zealand"}, {"nigerian", "nigeria"}, {"north korean", "north korea"},
                {"norwegian", "norway"}, {"pakistani", "pakistan"}, {"panamanian", "panama"},
                {"paraguayan", "paraguay"}, {"peruvian", "peru"}, {"polish", "poland"}, {"portuguese", "portugal"},
                {"puerto rican", "puerto rico"}, {"qatari", "qatar"}, {"romanian", "romania"}, {"russian", "russia"},
                {"saudi", "saudi arabia"}, {"scottish", "scotland"}, {"senegalese", "senegal"}, {"serbian", "serbia"},
                {"singaporean", "singapore"}, {"slovak", "slovakia"}, {"slovenian", "slovenia"},
                {"south african", "south africa"}, {"south korean", "south korea"}, {"soviet", "soviet union", "ussr"},
                {"spanish", "spain"}, {"swedish", "sweden"}, {"swiss", "switzerland"}, {"syrian", "syria"},
                {"taiwanese", "taiwan", "chinese taipei"}, {"thai", "thailand"}, {"tunisian", "tunisia"},
                {"turkish", "turkey"}, {"ugandan", "uganda"}, {"ukrainian", "ukraine"}, {"uruguayan", "uruguay"},
                {"uzbek", "uzbekistan"}, {"venezuelan", "venezuela"}, {"vietnamese", "vietnam"}, {"welsh", "wales"},
                {"west german", "west germany"}, {"yugoslav", "yugoslavia"}, {"zambian", "zambia"},
                {"zimbabwean", "zimbabwe"}};
        Map<String, List<String>> map = new HashMap<>();
        for (String[] p : pairs) {
            map.put(p[0], List.of(p).subList(1, p.length));
        }
        return Map.copyOf(map);
    }

    /**
     * Nouns that name the same column, as tables and people word them differently: "country" for a column Nation,
     * "movie" for Film, "track" for Song. Each group's words are synonyms of each other.
     */
    static final Map<String, List<String>> SYNONYMS = synonyms();

    private static Map<String, List<String>> synonyms() {
        List<List<String>> groups = List.of(
                List.of("country", "nation", "nationality"), List.of("team", "club", "squad"),
                List.of("film", "movie"), List.of("song", "track"),
                List.of("venue", "stadium", "ground", "arena"), List.of("opponent", "opposition", "rival"),
                List.of("competition", "tournament", "championship"), List.of("driver", "racer"),
                List.of("artist", "performer", "singer"), List.of("town", "city", "municipality"),
                List.of("winner", "champion"), List.of("program", "programme", "series"), List.of("location", "site"),
                List.of("athlete", "competitor"), List.of("population", "inhabitants", "residents"),
                List.of("checkin", "visit"), List.of("booking", "reservation"), List.of("trip", "ride", "journey"),
                List.of("rental", "ride", "hire"),
                List.of("reading", "measurement"), List.of("listing", "home"));
        Map<String, List<String>> map = new HashMap<>();
        for (List<String> g : groups) {
            for (String w : g) {
                // a word in two groups ("ride": a trip, a rental) has the synonyms of both
                List<String> others = new ArrayList<>(map.getOrDefault(w, List.of()));
                g.stream().filter(o -> !o.equals(w) && !others.contains(o)).forEach(others::add);
                map.put(w, List.copyOf(others));
            }
        }
        return Map.copyOf(map);
    }

    /** Irregular verbs and their past participle, as columns are named by it: "wrote" names "Written by". */
    static final Map<String, String> PARTICIPLES = participles();

    private static Map<String, String> participles() {
        Map<String, String> p = new HashMap<>();
        String[][] verbs = {{"write", "wrote", "written"}, {"sing", "sang", "sung"}, {"drive", "drove", "driven"},
                {"ride", "rode", "ridden"}, {"give", "gave", "given"}, {"take", "took", "taken"},
                {"choose", "chose", "chosen"}, {"speak", "spoke", "spoken"}, {"begin", "began", "begun"},
                {"know", "knew", "known"}, {"grow", "grew", "grown"}, {"throw", "threw", "thrown"},
                {"fly", "flew", "flown"}, {"see", "saw", "seen"}, {"build", "built", "built"},
                {"lead", "led", "led"}, {"hold", "held", "held"}, {"make", "made", "made"}, {"sell", "sold", "sold"},
                {"buy", "bought", "bought"}, {"teach", "taught", "taught"}, {"bring", "brought", "brought"},
                {"find", "found", "found"}, {"break", "broke", "broken"}, {"shoot", "shot", "shot"},
                {"spend", "spent", "spent"}, {"swim", "swam", "swum"}, {"pay", "paid", "paid"}, {"send", "sent", "sent"},
                {"keep", "kept", "kept"}, {"lose", "lost", "lost"}, {"win", "won", "won"}, {"run", "ran", "run"},
                {"eat", "ate", "eaten"}, {"wear", "wore", "worn"}, {"sleep", "slept", "slept"}, {"leave", "left", "left"},
                {"lend", "lent", "lent"}, {"meet", "met", "met"}, {"catch", "caught", "caught"},
                {"fight", "fought", "fought"}, {"spin", "spun", "spun"}};
        for (String[] v : verbs) {
            p.put(v[0], v[2]);
            p.put(v[0] + "s", v[2]);
            p.put(v[1], v[2]);
        }
        return Map.copyOf(p);
    }

    /** The base form of an irregular verb's past participle ("paid" -> "pay"), where the two differ. */
    private static final Map<String, String> IRREGULAR_BASES = irregularBases();

    private static Map<String, String> irregularBases() {
        Map<String, String> bases = new HashMap<>();
        PARTICIPLES.forEach((form, participle) -> {
            if (participle.equals(PARTICIPLES.get(form + "s")) && !form.equals(participle)) {
                bases.putIfAbsent(participle, form); // form is the base: "pay" of "pays" and "paid"
            }
        });
        return Map.copyOf(bases);
    }

    /** Nouns of results and the participle a column of their counts is named by ("Won", "Lost", "Drawn"). */
    static final Map<String, String> RESULT_NOUNS = Map.of("wins", "won", "victories", "won", "losses", "lost",
            "defeats", "lost", "draws", "drawn", "ties", "tied");

    /**
     * The stem of a past-tense verb and the nouns of its event: "hired" -> "hire", "shipped" -> "ship", "ordered" ->
     * "order"; "admitted" -> "admission", "attended" -> "attendance".
     */
    static List<String> pastTenseStems(String w) {
        if (IRREGULAR_BASES.containsKey(w)) {
            // "paid" -> pay, paying, payment; "sent" -> send, sending: an irregular verb's event nouns
            String base = IRREGULAR_BASES.get(w);
            String stem = base.endsWith("e") ? base.substring(0, base.length() - 1) : base;
            return List.of(base, stem + "ing", base + "ment");
        }
        if (!w.endsWith("ed") || w.length() < 5) {
            return List.of();
        }
        String noEd = w.substring(0, w.length() - 2);
        String noD = w.substring(0, w.length() - 1);
        List<String> stems = new ArrayList<>(List.of(noD, noEd));
        if (noEd.length() >= 2 && noEd.charAt(noEd.length() - 1) == noEd.charAt(noEd.length() - 2)) {
            stems.add(0, noEd.substring(0, noEd.length() - 1));
        }
        // the event's nouns: "admission", "completion", "connection"; "borrowing", "shipping", "closing"
        String verb = stems.get(0);
        stems.add(verb.endsWith("e") ? verb.substring(0, verb.length() - 1) + "ing" : noEd + "ing");
        if (verb.endsWith("it")) {
            stems.add(verb.substring(0, verb.length() - 1) + "ssion");
        } else if (verb.endsWith("e")) {
            stems.add(verb.substring(0, verb.length() - 1) + "ion");
        } else {
            stems.add(noEd + "ion");
        }
        // "attended" -> attendance, "appeared" -> appearance, "enrolled" -> enrolment and enrollment
        stems.add(noEd + "ance");
        stems.add(noEd + "ment");
        return stems;
    }
}
