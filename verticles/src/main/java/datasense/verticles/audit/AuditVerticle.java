package datasense.verticles.audit;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Replies;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Each tenant's audit log, in the object store under {@code _audit/{tenant}/{yyyy-mm-dd}/}: one JSON object per
 * entry, since neither store can append to an object (S3 objects are written whole), named by its time so a
 * listing reads in order. Entries are {@code {at, action, actor?, details}}; fields of {@code details} named like a
 * credential ({@link #SECRET_NAMES}) are dropped before writing. Read back by the tenant only, since a time.
 * Deployed on writer nodes.
 */
public final class AuditVerticle extends VerticleBase {

    /** Detail fields never written, whatever a caller sends: the log names keys by id, never holds one. */
    static final Set<String> SECRET_NAMES = Set.of("key", "api_key", "token", "secret", "password", "authorization", "sig");
    static final int MAX_READ = 1000;

    private final ObjectStore store;
    private long sequence;

    public AuditVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(
                bus.<JsonObject>consumer(Address.AUDIT_APPEND, m -> Replies.forTenant(m, this::append)).completion(),
                bus.<JsonObject>consumer(Address.AUDIT_READ, m -> Replies.forTenant(m, this::read)).completion());
    }

    private Future<JsonObject> append(String tenant, JsonObject request) {
        String action = request.getValue("action") instanceof String a ? a : "";
        if (!action.matches("[a-z_.]{1,64}")) {
            return Future.failedFuture(BusError.badRequest("bad_message", "an audit entry needs an action such as file.upload", null));
        }
        JsonObject details = request.getValue("details") instanceof JsonObject d ? d.copy() : new JsonObject();
        details.fieldNames().removeIf(name -> SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT)));
        Instant at = Instant.now();
        // entries of one millisecond keep their order on this node; the random part keeps two nodes' entries apart
        String id = String.format("%06d", sequence++ % 1_000_000) + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonObject entry = new JsonObject().put("at", at.toString()).put("action", action);
        if (request.getValue("actor") instanceof String actor) {
            entry.put("actor", actor);
        }
        entry.put("details", details);
        return store.put(Keys.auditEntry(tenant, at, id), entry.toBuffer()).map(v -> new JsonObject().put("at", entry.getString("at")));
    }

    /** Entries at or after {@code since} (an instant or a date; the last 24 hours when absent), oldest first, at most {@code limit}. */
    private Future<JsonObject> read(String tenant, JsonObject request) {
        Instant since;
        try {
            since = since(request.getString("since"));
        } catch (DateTimeParseException e) {
            return Future.failedFuture(BusError.badRequest("bad_request", "since must be a time such as 2026-12-04T10:00:00Z or a date such as 2026-12-04",
                    "GET /audit?since=2026-12-04"));
        }
        int limit = Math.max(1, Math.min(MAX_READ, request.getInteger("limit", MAX_READ)));
        String prefix = Keys.auditPrefix(tenant);
        String firstDay = since.toString().substring(0, 10);
        String fromMillis = String.format("%013d", since.toEpochMilli());
        return keysSince(prefix, since).compose(keys -> {
            List<String> wanted = keys.stream()
                    .filter(k -> {
                        String rest = k.substring(prefix.length()); // yyyy-mm-dd/millis-id.json
                        return rest.length() > 24 && rest.substring(0, 10).compareTo(firstDay) >= 0
                                && rest.substring(11, 24).compareTo(fromMillis) >= 0;
                    })
                    .limit(limit)
                    .toList();
            List<Future<JsonObject>> reads = wanted.stream()
                    .map(k -> store.get(k).map(Buffer::toJsonObject).recover(e -> Future.succeededFuture((JsonObject) null)))
                    .toList();
            return Future.all(reads).map(all -> {
                JsonArray entries = new JsonArray();
                all.<JsonObject>list().stream().filter(java.util.Objects::nonNull).forEach(entries::add);
                return new JsonObject().put("since", since.toString()).put("entries", entries)
                        .put("truncated", wanted.size() == limit);
            });
        });
    }

    /**
     * The keys of the days from {@code since}'s to today, sorted: one listing per day folder for the last month or
     * so (the usual read), one of the whole log for a since further back.
     */
    private Future<List<String>> keysSince(String prefix, Instant since) {
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (first.isAfter(today)) {
            return Future.succeededFuture(List.of());
        }
        if (first.isBefore(today.minusDays(31))) {
            return store.list(prefix);
        }
        List<Future<List<String>>> days = first.datesUntil(today.plusDays(1)).map(day -> store.list(prefix + day + "/")).toList();
        return Future.all(days).map(all -> all.<List<String>>list().stream().flatMap(List::stream).sorted().toList());
    }

    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now().minusSeconds(86_400);
        }
        String v = value.trim();
        return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
    }
}
