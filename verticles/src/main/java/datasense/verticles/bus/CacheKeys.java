package datasense.verticles.bus;

import java.util.Locale;
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

    public static String normalize(String question) {
        String q = WHITESPACE.matcher(question.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
        int end = q.length();
        while (end > 0 && ".?!;:".indexOf(q.charAt(end - 1)) >= 0) {
            end--;
        }
        return q.substring(0, end).trim();
    }
}
