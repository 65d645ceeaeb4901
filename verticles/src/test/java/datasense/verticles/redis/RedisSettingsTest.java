package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void theDefaultTtlIsADay() {
        assertThat(RedisSettings.of("redis://cache:6379").ttlSeconds()).isEqualTo(86_400L);
    }

    @Test
    void aTtlUnderOneSecondOrABlankUrlIsRefused() {
        assertThatThrownBy(() -> new RedisSettings("redis://cache", Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisSettings.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFileIdIsTheSecondPartOfACacheKey() {
        assertThat(RedisAnswerCache.fileIdOf("alice|f_1|offline|total sales")).isEqualTo("f_1");
        assertThat(RedisAnswerCache.fileIdOf("alice|f_1|")).isEqualTo("f_1");
        assertThat(RedisAnswerCache.fileIdOf("no bars")).isNull();
        assertThat(RedisAnswerCache.fileIdOf("alice||offline|q")).isNull();
        assertThat(RedisAnswerCache.fileIdOf("alice|f_1")).isNull();
    }
}
