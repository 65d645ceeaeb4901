package datasense.verticles.logs;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/**
 * {@code %ids} in logback.xml: the line's ids ({@link IdLog}) as {@code " [request_id=r_.., tenant=t]"}, or nothing
 * when the line has none. It replaces {@code %replace( [%mdc]){' \[\]', ''}}, which ran a regular expression over
 * every line to drop an empty {@code " []"}: a quarter of a request line's CPU and allocation (docs/BENCHMARKS.md).
 */
public class IdsConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return "";
        }
        StringBuilder ids = new StringBuilder(96).append(" [");
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            if (ids.length() > 2) {
                ids.append(", ");
            }
            ids.append(e.getKey()).append('=').append(e.getValue());
        }
        return ids.append(']').toString();
    }
}
