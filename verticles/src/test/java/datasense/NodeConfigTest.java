package datasense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that used to be constants: their defaults, their overrides, and a typo refused at start. */
class NodeConfigTest {

    @Test
    void theDuckDbMemoryLimitAndThePresignedUrlLifetimeAreSettings() {
        NodeConfig defaults = NodeConfig.withOverrides(Map.of());
        assertThat(defaults.duckdbMemoryLimit()).isEqualTo("1GB");
        assertThat(defaults.presignedUrlTtlSeconds()).isEqualTo(900);
        assertThat(defaults.stopSeconds()).isEqualTo(30);
        NodeConfig set = NodeConfig.withOverrides(Map.of("DATASENSE_DUCKDB_MEMORY_LIMIT", "512 mb",
                "DATASENSE_PRESIGNED_URL_TTL_SECONDS", "60", "DATASENSE_STOP_SECONDS", "5"));
        assertThat(set.duckdbMemoryLimit()).isEqualTo("512MB");
        assertThat(set.presignedUrlTtlSeconds()).isEqualTo(60);
        assertThat(set.stopSeconds()).isEqualTo(5);
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_DUCKDB_MEMORY_LIMIT", "lots")))
                .hasMessageContaining("DATASENSE_DUCKDB_MEMORY_LIMIT");
    }
}
