package datasense.verticles.bus;

import datasense.verticles.store.Keys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Cache keys: (tenant, file_id, planner, normalized question). Normalizing lower-cases, folds white space
 * and drops trailing punctuation, so "Total sales by region?" and "total  sales by region" share an answer.
 * Part of the bus conventions: the HTTP and agent verticles name entries with it; the cache verticle holds them.
 */
public final class CacheKeys {

    /** Compiled once: normalize runs on every /ask, cache hits included. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CacheKeys() {
    }

    public static String filePrefix(String tenant, String fileId) {
        return tenant + "|" + fileId + "|";
    }

    /** True when {@code key} caches an answer about {@code fileId}, whichever tenant asked. */
    public static boolean about(String key, String fileId) {
        int start = key.indexOf('|') + 1;
        return key.startsWith(fileId + "|", start);
    }

    public static String key(String tenant, String fileId, String planner, String question) {
        return filePrefix(tenant, fileId) + planner + "|" + normalize(question);
    }

    /**
     * The key of an answer by its meaning: the canonical form of the plan's steps (tool and arguments, keys
     * sorted, labels and titles left out), so "total sales by region" and "sum of sales per region" share one
     * entry whichever planner wrote the plan.
     */
    public static String planKey(String tenant, String fileId, JsonArray steps) {
        return planKey(tenant, fileId, steps, List.of());
    }

    /**
     * As {@link #planKey(String, String, JsonArray)} for a plan whose SQL joins other files: their ids are part of
     * the key (the steps name only their tables), so the same plan over a re-uploaded file (a new id) is a new entry.
     */
    public static String planKey(String tenant, String fileId, JsonArray steps, List<String> joinedFileIds) {
        String canonical = canonicalSteps(steps);
        if (!joinedFileIds.isEmpty()) {
            canonical += "|join:" + String.join(",", joinedFileIds);
        }
        return filePrefix(tenant, fileId) + "plan|" + Keys.hash(canonical, 32);
    }

    /** True for a {@link #planKey}, false for a question's {@link #key} (the third field is the planner or {@code plan}). */
    public static boolean isPlanKey(String key) {
        int first = key.indexOf('|');
        int second = first < 0 ? -1 : key.indexOf('|', first + 1);
        return second > 0 && key.startsWith("plan|", second + 1);
    }

    /** The canonical text of plan steps [{tool, args}], as {@link #planKey} hashes it. */
    public static String canonicalSteps(JsonArray steps) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < steps.size(); i++) {
            JsonObject step = steps.getJsonObject(i);
            JsonObject args = step.getJsonObject("args", new JsonObject()).copy();
            args.remove("label");
            args.remove("title");
            sb.append(i == 0 ? "" : ",").append('{').append(step.getString("tool")).append(':');
            canonical(args.getMap(), sb);
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static void canonical(Object value, StringBuilder sb) {
        if (value instanceof JsonObject o) {
            canonical(o.getMap(), sb);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<String, Object>(castKeys(map)).entrySet()) {
                sb.append(first ? "" : ",").append(quote(e.getKey())).append(':');
                canonical(e.getValue(), sb);
                first = false;
            }
            sb.append('}');
        } else if (value instanceof JsonArray a) {
            canonical(a.getList(), sb);
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                canonical(list.get(i), sb);
            }
            sb.append(']');
        } else if (value instanceof String str) {
            sb.append(quote(str));
        } else if (value instanceof Number n) {
            sb.append(new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
        } else {
            sb.append(value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static String quote(String s) {
        return io.vertx.core.json.Json.encode(s);
    }

    public static String normalize(String question) {
        String q = WHITESPACE.matcher(question.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
        int end = q.length();
        while (end > 0 && ".?!;:".indexOf(q.charAt(end - 1)) >= 0) {
            end--;
        }
        return q.substring(0, end).trim();
    }
}
