package datasense.verticles.bus;

import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * The {@code ds.writer.put} message: the bytes to store as a {@link Buffer} body (never base64 inside JSON), the key
 * and content type as headers beside the tenant's. Keys are deterministic, so a repeated write overwrites.
 */
public final class WriterPut {

    /** Header naming the key to write (under the tenant's prefix). */
    public static final String KEY = "key";
    /** Header naming the bytes' content type. */
    public static final String CONTENT_TYPE = "content_type";

    private WriterPut() {
    }

    /** Writes {@code data} at {@code key} for {@code tenant}, sent once more if the first try was lost; replies {@code {key, bytes}}. */
    public static Future<Message<JsonObject>> send(Vertx vertx, String tenant, String key, String contentType, Buffer data) {
        DeliveryOptions options = TenantHeader.on(BusTimeouts.STORE, tenant).addHeader(KEY, key).addHeader(CONTENT_TYPE, contentType);
        return Retry.idempotent(vertx, Address.WRITER_PUT, data, options);
    }
}
