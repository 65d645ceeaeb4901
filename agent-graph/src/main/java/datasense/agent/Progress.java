package datasense.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sends progress events to the host without ever letting a broken sink fail the analysis. */
final class Progress {

    private Progress() {
    }

    /** {@code keysAndValues}: key, value, key, value...; null values are left out. */
    static void emit(AnalysisPorts ports, String event, Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                data.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        try {
            ports.progress(event, Collections.unmodifiableMap(data));
        } catch (RuntimeException ignored) {
            // Progress is advisory; the job's result matters more than one lost event.
        }
    }
}
