package datasense.verticles.writer;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.Base64;

/**
 * Writes artifacts and manifests to the object store. Keys are deterministic, so writing the same step
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

    private void put(Message<JsonObject> message) {
        String key = message.body().getString("key");
        String encoded = message.body().getString("data");
        if (key == null || encoded == null) {
            BusError.badRequest("bad_message", "writer needs key and data (standard base64)", null).failReply(message);
            return;
        }
        byte[] data = Base64.getDecoder().decode(encoded);
        store.put(key, Buffer.buffer(data))
                .onSuccess(v -> message.reply(new JsonObject().put("key", key).put("bytes", data.length)))
                .onFailure(e -> BusError.fail(message, e));
    }
}
