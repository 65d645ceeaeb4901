package datasense.verticles.live;

import datasense.agent.JobEvent;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.JobEvents;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One client's view of one job's progress events, whatever carries them (a WebSocket subscription, a Server-Sent
 * Events response, a bridge registration). It listens on {@code ds.job.<id>.events} before it asks whose the job
 * is, so no event falls between the two; a job of another tenant fails exactly like an unknown one (404). Events
 * reach the sink in the order they were published, each once, and the feed ends after the job's last event
 * ({@code done} or {@code failed}); a job already over, or whose last event was lost, ends with that event made
 * from the job's status. The listener is cluster-wide, so the job may run on any node, and be resumed on another.
 */
final class JobFeed {

    /** How often the feed looks at its job, in case its last event was lost. */
    private static final long POLL_MS = 2_000;

    private final Vertx vertx;
    private final String tenant;
    private final String jobId;
    private final MessageConsumer<JsonObject> consumer;
    private List<JsonObject> early = new ArrayList<>();
    private Handler<JsonObject> sink;
    private Runnable end;
    private boolean over;
    private long poll = -1;

    private JobFeed(Vertx vertx, String tenant, String jobId) {
        this.vertx = vertx;
        this.tenant = tenant;
        this.jobId = jobId;
        this.consumer = vertx.eventBus().consumer(Address.jobEvents(jobId), m -> {
            if (tenant.equals(m.headers().get(TenantHeader.NAME))) {
                arrived(m.body());
            }
        });
    }

    /**
     * A feed of {@code tenant}'s job {@code jobId}, listening and holding its events until {@link #follow}; fails
     * with 404 for a job the tenant has not.
     */
    static Future<JobFeed> open(Vertx vertx, String tenant, String jobId) {
        if (!Keys.safeId(jobId)) {
            return Future.failedFuture(BusError.notFound("job", String.valueOf(jobId), "use the job_id an /ask with \"async\": true returned"));
        }
        JobFeed feed = new JobFeed(vertx, tenant, jobId);
        return feed.consumer.completion()
                .compose(v -> feed.status())
                .map(status -> {
                    feed.finishedAs(status);
                    return feed;
                })
                .onFailure(e -> feed.close());
    }

    String jobId() {
        return jobId;
    }

    /** Hands the events held so far, then each new one, to {@code sink}; runs {@code end} after the last. */
    void follow(Handler<JsonObject> sink, Runnable end) {
        this.sink = sink;
        this.end = end;
        List<JsonObject> held = early;
        early = null;
        held.forEach(this::deliver);
        if (!over) {
            poll = vertx.setPeriodic(POLL_MS, t -> status().onSuccess(this::finishedAs));
        }
    }

    /** Stops listening; the sink gets nothing more. */
    void close() {
        over = true;
        consumer.unregister();
        if (poll >= 0) {
            vertx.cancelTimer(poll);
        }
    }

    private Future<JobStatus> status() {
        return vertx.eventBus().<JsonObject>request(Address.JOBS_GET, new JobQuery(jobId).toJson(), TenantHeader.on(BusTimeouts.SHORT, tenant))
                .map(reply -> JobStatus.fromJson(reply.body()));
    }

    /** When {@code status} says the job is over, its last event (unless it already came). */
    private void finishedAs(JobStatus status) {
        JobEvent last = JobEvents.lastOf(status);
        if (last != null) {
            arrived(JobEvents.toJson(last));
        }
    }

    private void arrived(JsonObject event) {
        if (early != null) {
            if (early.stream().noneMatch(JobFeed::last)) {
                early.add(event);
            }
        } else {
            deliver(event);
        }
    }

    private void deliver(JsonObject event) {
        if (over) {
            return;
        }
        sink.handle(event);
        if (last(event)) {
            close();
            end.run();
        }
    }

    private static boolean last(JsonObject event) {
        String type = event.getString("event");
        return "done".equals(type) || "failed".equals(type);
    }
}
