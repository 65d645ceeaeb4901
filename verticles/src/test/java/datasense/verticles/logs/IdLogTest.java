package datasense.verticles.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.LoggerFactory;

class IdLogTest {

    @Test
    void millisAreRoundedToOneDecimal() {
        assertThat(IdLog.millis(0)).isEqualTo("0.0");
        assertThat(IdLog.millis(49_999)).isEqualTo("0.0");
        assertThat(IdLog.millis(50_000)).isEqualTo("0.1");
        assertThat(IdLog.millis(1_234_567)).isEqualTo("1.2");
        assertThat(IdLog.millis(999_960_000)).isEqualTo("1000.0");
    }

    @Test
    void theIdsAreOnlyInTheMdcForTheOneLine() {
        MDC.put("other", "kept");
        IdLog.ended(LoggerFactory.getLogger(IdLogTest.class), "GET /x 200 in 0.1 ms", "r_1", null, "acme", "200", 100_000);
        assertThat(MDC.getCopyOfContextMap()).containsExactly(java.util.Map.entry("other", "kept"));
        MDC.remove("other");
    }
}
