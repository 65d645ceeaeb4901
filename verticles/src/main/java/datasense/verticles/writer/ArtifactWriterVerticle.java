package datasense.verticles.writer;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * Writes artifacts and manifests to the object store, under the prefix of the tenant the message names. Keys are deterministic, so writing the same step
 * twice (a retry, a resumed job) overwrites instead of leaving a duplicate.
 */
public final class ArtifactWriterVerticle extends VerticleBase {

    private final ObjectStore store;

    public ArtifactWriterVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<JsonObject>consumer(Address.WRITER_PUT, this::put).completion();
    }

    /** Writes only under the tenant's own prefix (the {@link TenantHeader}): no message can write another tenant's keys. */
    private void put(Message<JsonObject> message) {
        String key = message.body().getString("key");
        String encoded = message.body().getString("data");
        if (key == null || encoded == null) {
            BusError.badRequest("bad_message", "writer needs key and data (standard base64)", null).failReply(message);
            return;
        }
        String tenant = TenantHeader.orFail(message);
        if (tenant == null) {
            return;
        }
        if (!key.startsWith(tenant + "/") || key.contains("..")) {
            BusError.badRequest("bad_message", "key " + key + " is not under the tenant's prefix " + tenant + "/", null).failReply(message);
            return;
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            BusError.badRequest("bad_message", "data is not standard base64: " + e.getMessage(), null).failReply(message);
            return;
        }
        store.put(key, Buffer.buffer(data))
                .onSuccess(v -> message.reply(new JsonObject().put("key", key).put("bytes", data.length)))
                .onFailure(e -> BusError.fail(message, e));
    }
}
