package datasense.verticles.bus;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way an entry goes to a tenant's audit log: a {@code ds.audit.append} request with the tenant in the
 * {@link TenantHeader}. Best effort: the action it records has happened already, so a log that cannot be written
 * is a WARN line, never the caller's failure. Callers put ids, names, counts in {@code details}, never a secret,
 * key or token (the log's writer drops fields with such names anyway).
 */
public final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private Audit() {
    }

    /**
     * @param action  what happened, e.g. {@code file.upload}, {@code api_key.create}, {@code llm.call}
     * @param actor   who did it: the principal's subject, or null when not known
     */
    public static void record(EventBus bus, String tenant, String action, String actor, JsonObject details) {
        JsonObject entry = new JsonObject().put("action", action).put("details", details);
        if (actor != null) {
            entry.put("actor", actor);
        }
        bus.request(Address.AUDIT_APPEND, entry, TenantHeader.on(BusTimeouts.STORE, tenant))
                .onFailure(e -> LOG.warn("audit entry {} of tenant {} not written: {}", action, tenant, e.getMessage()));
    }
}
