package datasense.verticles;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.BusError;
import datasense.verticles.bus.CacheKeys;
import datasense.verticles.http.PresignedUrls;
import datasense.verticles.store.Keys;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

/** The small conventions every verticle relies on: cache keys, store keys, signed URLs, errors across the bus. */
class BusConventionsTest {

    @Test
    void rephrasingsThatDifferOnlyInCaseSpaceOrFinalPunctuationShareACacheKey() {
        String key = CacheKeys.key("acme", "f_1", "offline", "Total sales by region?");
        assertThat(CacheKeys.key("acme", "f_1", "offline", "  total   SALES by region ")).isEqualTo(key);
        assertThat(CacheKeys.key("acme", "f_1", "llm", "total sales by region")).isNotEqualTo(key);
        assertThat(CacheKeys.key("other", "f_1", "offline", "total sales by region")).isNotEqualTo(key);
        assertThat(CacheKeys.about(key, "f_1")).isTrue();
        assertThat(CacheKeys.about(key, "f_")).isFalse();
    }

    @Test
    void storeKeysAreDeterministicPerTenantAndRefuseUnsafeIds() {
        assertThat(Keys.csv("demo_user", "f_1")).isEqualTo("demo_user/uploads/f_1/data.csv");
        assertThat(Keys.answerPrefix("t", "f", Keys.hash("q"))).isEqualTo(Keys.answerPrefix("t", "f", Keys.hash("q")));
        assertThat(Keys.hash("a")).isNotEqualTo(Keys.hash("b")).hasSize(16);
        assertThat(Keys.safeId("user-1.x")).isTrue();
        assertThat(Keys.safeId("..")).isFalse();
        assertThat(Keys.safeId("a..b")).isFalse();
        assertThat(Keys.safeTenant("_index")).isFalse();
        assertThat(Keys.safeTenant(".staging")).isFalse();
        assertThat(Keys.servableArtifact("t/uploads/f_1/answers/h1/charts/x.png")).isTrue();
        assertThat(Keys.servableArtifact("t/uploads/f_1/data.csv")).isFalse();
        assertThat(Keys.servableArtifact("t/uploads/f_1/answers/h1/../../manifest.json")).isFalse();
        assertThat(Keys.servableArtifact("_index/uploads/f_1/answers/h1/x.png")).isFalse();
        assertThat(Keys.servableArtifact("t/uploads/f_1/answers/h1//x.png")).isFalse();
        assertThat(Keys.safeId("a/b")).isFalse();
        assertThat(Keys.safeId("")).isFalse();
        assertThat(Keys.contentType("x/dist_plots/sales.png")).isEqualTo("image/png");
        assertThat(Keys.contentType("x/charts/sales.vl.json")).isEqualTo("application/vnd.vegalite+json");
        assertThat(Keys.contentType("x/results/summary.json")).isEqualTo("application/json");
    }

    @Test
    void aSignatureCoversEveryPartOfTheGrant() {
        PresignedUrls urls = new PresignedUrls("key");
        PresignedUrls.Grant grant = new PresignedUrls.Grant("t", "f_1", "a.csv", "text/csv", 100, 1_000);
        String sig = urls.sign(grant);
        assertThat(urls.verify(grant, sig)).isTrue();
        assertThat(urls.verify(new PresignedUrls.Grant("t", "f_1", "a.csv", "text/csv", 101, 1_000), sig)).isFalse();
        assertThat(urls.verify(new PresignedUrls.Grant("u", "f_1", "a.csv", "text/csv", 100, 1_000), sig)).isFalse();
        assertThat(new PresignedUrls("other").verify(grant, sig)).isFalse();
        assertThat(urls.verify(grant, null)).isFalse();
    }

    @Test
    void aFailureKeepsItsStatusAcrossTheBus() {
        BusError sent = new BusError(413, "too_large", "too big", "split it");
        BusError received = BusError.from(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, sent.status(), sent.body().encode()));
        assertThat(received.status()).isEqualTo(413);
        assertThat(received.body()).isEqualTo(sent.body());
        assertThat(BusError.from(new ReplyException(ReplyFailure.TIMEOUT, -1, "t")).status()).isEqualTo(504);
        assertThat(BusError.from(new IllegalStateException("x")).status()).isEqualTo(500);
    }
}
