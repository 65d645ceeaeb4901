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
 * The answer cache, in process: an LRU map from cache key to the reply body a hit returns, bounded by the
 * total size of the bodies. Keys name the
 * file ({@code tenant|file_id|...}), so deleting a file evicts its answers, whoever asked them. Deploy one instance
 * per node; the map is this verticle's own and only reached through the event bus.
 */
public final class CacheVerticle extends VerticleBase {

    /** Bound on the cached reply bodies, in characters (about 2 bytes each on the heap). */
    private static final long MAX_CHARS = 128L * 1024 * 1024;

    private final Map<String, String> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

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
        String value = body.getString("value");
        String previous = entries.put(body.getString("key"), value);
        chars += value.length() - (previous == null ? 0 : previous.length());
        // least recently used first, until the bodies fit again
        var eldest = entries.entrySet().iterator();
        while (chars > MAX_CHARS && eldest.hasNext()) {
            chars -= eldest.next().getValue().length();
            eldest.remove();
        }
        message.reply(null);
    }

    private void evict(Message<JsonObject> message) {
        String fileId = message.body().getString("file_id");
        int before = entries.size();
        entries.entrySet().removeIf(e -> {
            boolean drop = CacheKeys.about(e.getKey(), fileId);
            chars -= drop ? e.getValue().length() : 0;
            return drop;
        });
        message.reply(new JsonObject().put("evicted", before - entries.size()));
    }
}
