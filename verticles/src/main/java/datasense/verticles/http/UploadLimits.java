package datasense.verticles.http;

import static datasense.verticles.http.HttpReplies.error;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.BusError;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits on a tenant's uploads, so one tenant cannot fill the disk or hold every upload slot: uploads at once
 * on this node (a resilience4j {@link Bulkhead} per tenant, as {@link TenantLimits} does for asks; over it
 * {@code 429} with {@code Retry-After}) and bytes kept in the store (everything under {@code {tenant}/}: uploads,
 * their typed copies, answers, records; over it {@code 413 storage_quota_exceeded}). The stored bytes are counted
 * from the store itself, so the figure is rebuildable and shared by every node of a cluster; this node remembers
 * a count for {@link #RECOUNT_MS} and forgets it when one of the tenant's uploads or deletes passes through here.
 * An upload is refused when the tenant is already at its limit, or when its declared length would take it past;
 * answers written by jobs are counted but never refused. A limit of 0 is none.
 */
final class UploadLimits {

    /** How long a count is trusted: uploads through other nodes and retention sweeps show after this. */
    static final long RECOUNT_MS = 30_000;
    private static final long RETRY_AFTER_SECONDS = 5;

    private final ObjectStore store;
    private final int maxConcurrent;
    private final long maxStoredBytes;
    private final BulkheadRegistry uploads;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    private record Count(long bytes, long at) {
    }

    UploadLimits(ObjectStore store, int maxConcurrent, long maxStoredBytes) {
        this.store = store;
        this.maxConcurrent = maxConcurrent;
        this.maxStoredBytes = maxStoredBytes;
        this.uploads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(Math.max(1, maxConcurrent))
                .maxWaitDuration(java.time.Duration.ZERO)
                .build());
    }

    /** A route handler for uploads by the request's principal ({@code POST /files}): admits or answers the refusal. */
    void admitPrincipal(RoutingContext ctx) {
        Principal principal = AuthHandler.principal(ctx);
        if (principal == null) {
            ctx.next();
            return;
        }
        if (maxStoredBytes <= 0 && maxConcurrent <= 0) {
            ctx.next();
            return;
        }
        // the body waits while the stored bytes are counted (as AuthHandler holds it while reading an API key)
        boolean hold = !ctx.request().isEnded();
        if (hold) {
            ctx.request().pause();
        }
        admit(ctx, principal.tenant(), declaredLength(ctx)).onSuccess(admitted -> {
            if (hold) {
                ctx.request().resume();
            }
            if (admitted) {
                ctx.next();
            }
        });
    }

    /**
     * True when {@code tenant} may upload {@code incoming} more bytes now (-1: not known); the upload then holds one
     * of the tenant's slots until its response ends. False after answering the refusal. Never fails.
     */
    Future<Boolean> admit(RoutingContext ctx, String tenant, long incoming) {
        return withinStorage(tenant, incoming).map(within -> {
            if (!within.isEmpty()) {
                error(ctx, quotaExceeded(within));
                return false;
            }
            if (maxConcurrent <= 0) {
                return true;
            }
            Bulkhead bulkhead = uploads.bulkhead(tenant);
            if (!bulkhead.tryAcquirePermission()) {
                ctx.response().putHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
                error(ctx, new BusError(429, "too_many_requests", "this tenant has " + maxConcurrent + " uploads in progress already",
                        "wait for an upload to finish (Retry-After), or ask the operator to raise DATASENSE_TENANT_MAX_CONCURRENT_UPLOADS"));
                return false;
            }
            ctx.addEndHandler(done -> bulkhead.onComplete());
            return true;
        });
    }

    /**
     * For an upload already in the bucket (a direct PUT to S3), before it is ingested: counts the tenant's bytes
     * afresh (the new object among them) and fails with {@code 413 storage_quota_exceeded} when they reach the limit.
     */
    Future<Void> requireRoomWithUploaded(String tenant) {
        changed(tenant);
        return withinStorage(tenant, 0).compose(within -> within.isEmpty() ? Future.succeededFuture()
                : Future.failedFuture(quotaExceeded(within)));
    }

    private static BusError quotaExceeded(String message) {
        return new BusError(413, "storage_quota_exceeded", message,
                "free space: delete files you no longer need (DELETE /files/{file_id}; GET /files lists them), or ask the operator to raise DATASENSE_TENANT_MAX_STORED_BYTES");
    }

    /** The tenant's stored bytes changed (an upload ingested, a file deleted): count again next time. */
    void changed(String tenant) {
        counts.remove(tenant);
    }

    /** Empty when within the limit, else why not. */
    private Future<String> withinStorage(String tenant, long incoming) {
        if (maxStoredBytes <= 0) {
            return Future.succeededFuture("");
        }
        return storedBytes(tenant).map(stored -> {
            if (stored >= maxStoredBytes) {
                return "this tenant stores " + stored + " bytes, its limit is " + maxStoredBytes;
            }
            if (incoming > 0 && stored + incoming > maxStoredBytes) {
                return "this upload's " + incoming + " bytes would take this tenant's " + stored + " stored bytes past its limit of " + maxStoredBytes;
            }
            return "";
        }).recover(e -> Future.succeededFuture("")); // a store that cannot list is the upload's to report, not the limit's
    }

    /** Every byte under {@code {tenant}/}, counted from the store (remembered for {@link #RECOUNT_MS}). */
    Future<Long> storedBytes(String tenant) {
        Count count = counts.get(tenant);
        long now = System.currentTimeMillis();
        if (count != null && now - count.at() < RECOUNT_MS) {
            return Future.succeededFuture(count.bytes());
        }
        return store.listObjects(tenant + "/").map(objects -> {
            long bytes = objects.stream().filter(o -> Keys.tenantOf(o.key()).equals(tenant)).mapToLong(ObjectStore.StoredObject::size).sum();
            counts.put(tenant, new Count(bytes, now));
            return bytes;
        });
    }

    private static long declaredLength(RoutingContext ctx) {
        try {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
