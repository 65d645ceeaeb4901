package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisUrlsTest {

    @Test
    void aPasswordAloneIsDropped() {
        assertThat(RedisUrls.redact("redis://:s3cret@cache:6379/0")).isEqualTo("redis://cache:6379/0");
    }

    @Test
    void theUserStaysAndThePasswordGoes() {
        assertThat(RedisUrls.redact("rediss://app:p@ss:w@rd@cache.internal:6380")).isEqualTo("rediss://app@cache.internal:6380");
    }

    @Test
    void aLoneUserInfoMayBeAPasswordSoItGoes() {
        assertThat(RedisUrls.redact("redis://s3cret@cache:6379")).isEqualTo("redis://cache:6379");
    }

    @Test
    void theQueryGoesBecauseItMayCarryAPassword() {
        assertThat(RedisUrls.redact("redis://cache:6379/2?password=s3cret")).isEqualTo("redis://cache:6379/2");
    }

    @Test
    void aUrlWithoutSecretsIsUnchanged() {
        assertThat(RedisUrls.redact("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
        assertThat(RedisUrls.redact("unix:///var/run/redis.sock")).isEqualTo("unix:///var/run/redis.sock");
    }
}
