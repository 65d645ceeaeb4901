package datasense.verticles.writer;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.bus.WriterPut;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Writes artifacts and manifests to the object store, under the prefix of the tenant the message names. Keys are deterministic, so writing the same step
 * twice (a retry, a resumed job) overwrites instead of leaving a duplicate. The message is a {@link WriterPut}.
 */
public final class ArtifactWriterVerticle extends VerticleBase {

    private final ObjectStore store;

    public ArtifactWriterVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        return vertx.eventBus().<Buffer>consumer(Address.WRITER_PUT, this::put).completion();
    }

    /** Writes only under the tenant's own prefix (the {@link TenantHeader}): no message can write another tenant's keys. */
    private void put(Message<Buffer> message) {
        String key = message.headers().get(WriterPut.KEY);
        Buffer data = message.body();
        if (key == null || data == null) {
            BusError.badRequest("bad_message", "writer needs the bytes as the body and the key in the '" + WriterPut.KEY + "' header", null)
                    .failReply(message);
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
        store.put(key, data)
                .onSuccess(v -> message.reply(new JsonObject().put("key", key).put("bytes", data.length())))
                .onFailure(e -> BusError.fail(message, e));
    }
}
