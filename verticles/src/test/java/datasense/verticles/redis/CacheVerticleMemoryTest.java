package datasense.verticles.redis;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.cache.CacheVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without REDIS_URL the cache stays the in-process LRU, with the same bus addresses and a health reply. */
class CacheVerticleMemoryTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void theZeroConfigCacheIsInMemoryAndHealthy() {
        vertx.deployVerticle(new CacheVerticle()).await();
        var bus = vertx.eventBus();
        bus.request(Address.CACHE_PUT, new JsonObject().put("key", "alice|f_a|offline|q").put("value", "a"), BusTimeouts.SHORT).await();
        bus.request(Address.CACHE_PUT, new JsonObject().put("key", "alice|f_b|offline|q").put("value", "b"), BusTimeouts.SHORT).await();

        assertThat(bus.<String>request(Address.CACHE_GET, "alice|f_a|offline|q", BusTimeouts.SHORT).await().body()).isEqualTo("a");
        JsonObject evicted = bus.<JsonObject>request(Address.CACHE_EVICT,
                new JsonObject().put("file_id", "f_a"), datasense.verticles.bus.TenantHeader.on(BusTimeouts.SHORT, "alice")).await().body();
        assertThat(evicted.getInteger("evicted")).isEqualTo(1);
        assertThat(bus.<String>request(Address.CACHE_GET, "alice|f_a|offline|q", BusTimeouts.SHORT).await().body()).isNull();
        assertThat(bus.<String>request(Address.CACHE_GET, "alice|f_b|offline|q", BusTimeouts.SHORT).await().body()).isEqualTo("b");
        JsonObject health = bus.<JsonObject>request(Address.CACHE_HEALTH, null, BusTimeouts.SHORT).await().body();
        assertThat(health.getMap()).containsEntry("backend", "memory").containsEntry("status", "ok").doesNotContainKey("url");
    }
}
