package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleFromTheMinimumUpToTheCap() {
        assertThat(IntStream.range(0, 9).mapToLong(Backoff.DEFAULT::delayMillis).boxed().toList())
                .containsExactly(100L, 200L, 400L, 800L, 1_600L, 3_200L, 5_000L, 5_000L, 5_000L);
    }

    @Test
    void aLongOutageStaysAtTheCapWithoutOverflow() {
        assertThat(Backoff.DEFAULT.delayMillis(Integer.MAX_VALUE)).isEqualTo(5_000L);
    }

    @Test
    void aMaximumBelowTheMinimumIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
