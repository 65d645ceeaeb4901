package datasense.verticles.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdsConverterTest {

    private static LoggingEvent event(Map<String, String> mdc) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("datasense.requests"), Level.INFO, "GET /x 200", null, null);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    @Test
    void aLineWithIdsEndsWithThemInBrackets() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("request_id", "r_1");
        mdc.put("tenant", "acme");
        assertThat(new IdsConverter().convert(event(mdc))).isEqualTo(" [request_id=r_1, tenant=acme]");
    }

    @Test
    void aLineWithoutIdsEndsWithNothing() {
        assertThat(new IdsConverter().convert(event(Map.of()))).isEmpty();
    }
}
