package datasense.verticles.cache;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.CacheKeys;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer cache, in process: an LRU map from cache key to the reply body a hit returns. Keys name the
 * file ({@code tenant|file_id|...}), so deleting a file evicts its answers, whoever asked them. Deploy one instance
 * per node; the map is this verticle's own and only reached through the event bus.
 */
public final class CacheVerticle extends VerticleBase {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, String> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(
                bus.<String>consumer(Address.CACHE_GET, this::get).completion(),
                bus.<JsonObject>consumer(Address.CACHE_PUT, this::put).completion(),
                bus.<JsonObject>consumer(Address.CACHE_EVICT, this::evict).completion());
    }

    private void get(Message<String> message) {
        message.reply(entries.get(message.body()));
    }

    private void put(Message<JsonObject> message) {
        JsonObject body = message.body();
        entries.put(body.getString("key"), body.getString("value"));
        message.reply(null);
    }

    private void evict(Message<JsonObject> message) {
        String fileId = message.body().getString("file_id");
        int before = entries.size();
        entries.keySet().removeIf(k -> CacheKeys.about(k, fileId));
        message.reply(new JsonObject().put("evicted", before - entries.size()));
    }
}
