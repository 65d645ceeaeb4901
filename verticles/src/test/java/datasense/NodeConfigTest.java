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

    @Test
    void retentionAndUploadLimitsHaveDefaultsAndRefuseNonsense() {
        NodeConfig defaults = NodeConfig.withOverrides(Map.of());
        assertThat(defaults.retention().jobRetention()).isEqualTo(java.time.Duration.ofHours(168));
        assertThat(defaults.retention().sweepEvery()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(defaults.retention().historyKeep()).isEqualTo(1000);
        assertThat(defaults.retention().auditDays()).isEqualTo(90);
        assertThat(defaults.tenantMaxConcurrentUploads()).isZero();
        assertThat(defaults.tenantMaxStoredBytes()).isZero();
        NodeConfig set = NodeConfig.withOverrides(Map.of("DATASENSE_JOB_RETENTION_HOURS", "0.5", "DATASENSE_RETENTION_SWEEP_SECONDS", "1.5",
                "DATASENSE_HISTORY_KEEP", "0", "DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS", "2", "DATASENSE_TENANT_MAX_STORED_BYTES", "1000000"));
        assertThat(set.retention().jobRetention()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(set.retention().sweepEvery()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(set.retention().historyKeep()).isZero();
        assertThat(set.tenantMaxConcurrentUploads()).isEqualTo(2);
        assertThat(set.tenantMaxStoredBytes()).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_JOB_RETENTION_HOURS", "0")))
                .hasMessageContaining("DATASENSE_JOB_RETENTION_HOURS");
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_RETENTION_SWEEP_SECONDS", "hourly")))
                .hasMessageContaining("DATASENSE_RETENTION_SWEEP_SECONDS");
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_HISTORY_KEEP", "-1")))
                .hasMessageContaining("DATASENSE_HISTORY_KEEP");
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_AUDIT_RETENTION_DAYS", "1.5")))
                .hasMessageContaining("DATASENSE_AUDIT_RETENTION_DAYS");
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_AUDIT_RETENTION_DAYS", "-1")))
                .hasMessageContaining("DATASENSE_AUDIT_RETENTION_DAYS");
        assertThatThrownBy(() -> NodeConfig.withOverrides(Map.of("DATASENSE_TENANT_MAX_STORED_BYTES", "-5")))
                .hasMessageContaining("DATASENSE_TENANT_MAX_STORED_BYTES");
    }
}
