package datasense.verticles.agent;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.Retry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is running which job, so that a job outlives the node running it. A running job's request sits in the
 * cluster-wide map {@code ds.jobs.running}; its agent holds a lease in {@code ds.jobs.leases} that expires
 * unless renewed every second. A job whose lease has expired may belong to a dead agent: another agent asks the
 * job's own agent first ({@link Address#agentHolds}), because a lease also lapses while its agent lives when a frozen
 * member owns the map's partition; only when that agent is gone (no handler, for longer than a split takes to heal)
 * or no longer runs the job does the other claim it
 * ({@code putIfAbsent}, so exactly one does) and resume it from its last checkpoint. The maps hold only leases
 * and hints; the job's durable state is its checkpoint in the object store.
 */
final class JobLeases {

    static final String RUNNING = "ds.jobs.running";
    static final String LEASES = "ds.jobs.leases";
    /** A lease lapses this long after its agent's last renewal: three missed renewals. */
    static final long TTL_MS = 3_000;
    static final long RENEW_MS = 1_000;

    private final Vertx vertx;
    /** This agent's identity; unique even when two nodes share a name. */
    private final String owner;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** A running job as the running map keeps it: the job, and the agent that runs it. */
    record Running(String owner, AcceptedJob accepted) {
    }

    JobLeases(Vertx vertx, String nodeName) {
        this.vertx = vertx;
        this.owner = nodeName + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Answers other agents asking whether this one still runs a job. */
    Future<Void> listen() {
        return vertx.eventBus().<JsonObject>consumer(Address.agentHolds(owner),
                m -> m.reply(new JsonObject().put("held", held.contains(m.body().getString("job_id"))))).completion();
    }

    /**
     * True when the job's own agent has let it go: it is gone from the cluster (no handler), or says it no longer
     * runs the job. False while it says it does, or does not answer in time (a frozen member may be delaying the
     * question too): the job is looked at again at the next round.
     */
    Future<Boolean> abandoned(Running running) {
        if (running.owner() == null) {
            return Future.succeededFuture(true); // a job from the store's running-jobs index: its lease decides
        }
        if (running.owner().equals(owner)) {
            return Future.succeededFuture(!held.contains(running.accepted().job().jobId()));
        }
        // asked again while no handler answers: a live agent's address is missing for a moment when a split heals
        return Retry.<JsonObject>whenHandled(vertx, Address.agentHolds(running.owner()),
                        new JsonObject().put("job_id", running.accepted().job().jobId()), BusTimeouts.SHORT,
                        BusTimeouts.handlerWaitMs(vertx))
                .map(reply -> !reply.body().getBoolean("held", false))
                .recover(e -> Future.succeededFuture(Retry.noHandler(e)));
    }

    private Future<AsyncMap<String, JsonObject>> running() {
        return vertx.sharedData().getAsyncMap(RUNNING);
    }

    private Future<AsyncMap<String, String>> leases() {
        return vertx.sharedData().getAsyncMap(LEASES);
    }

    /** Registers a new job as running here, with what it takes to resume it elsewhere. */
    Future<Void> start(AcceptedJob job) {
        String jobId = job.job().jobId();
        held.add(jobId);
        return leases().compose(l -> l.put(jobId, owner, TTL_MS))
                .compose(v -> running().compose(r -> r.put(jobId, Json.toJson(new Running(owner, job)))));
    }

    /** Claims an orphaned job; true when this agent now holds it. */
    Future<Boolean> claim(String jobId) {
        return leases().compose(l -> l.putIfAbsent(jobId, owner, TTL_MS)).map(previous -> {
            if (previous == null) {
                held.add(jobId);
                return true;
            }
            return false;
        });
    }

    /**
     * True when this agent still holds the job's lease, or takes it back: a lease can lapse while its agent runs the
     * job (a long pause, renewals stuck behind a frozen member that owns the map's partition), and when no other
     * agent has claimed it since, the agent that ran the job is the one to record it ({@code putIfAbsent}, so either
     * it or a claimant wins, never both). False when another agent holds it now: that one resumes and records it.
     */
    Future<Boolean> stillHeld(String jobId) {
        return leases().compose(l -> l.putIfAbsent(jobId, owner, TTL_MS)).map(previous -> previous == null || owner.equals(previous));
    }

    /** Renews every lease this agent holds; called every {@link #RENEW_MS}. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        leases().onSuccess(l -> held.forEach(jobId -> l.put(jobId, owner, TTL_MS)));
    }

    /** The job is over (done or failed): it no longer needs a lease or a resume. */
    Future<Void> end(String jobId) {
        held.remove(jobId);
        return running().compose(r -> r.remove(jobId))
                .compose(v -> leases().compose(l -> l.removeIfPresent(jobId, owner)))
                .mapEmpty();
    }

    /** Running jobs whose lease has lapsed: their agent may be gone (see {@link #abandoned}). */
    Future<List<Running>> orphans() {
        return running().compose(AsyncMap::entries).compose(entries -> leases().compose(l -> {
            List<Future<JsonObject>> checks = new ArrayList<>();
            for (Map.Entry<String, JsonObject> e : entries.entrySet()) {
                if (!held.contains(e.getKey())) {
                    checks.add(l.get(e.getKey()).map(lease -> lease == null ? e.getValue() : null));
                }
            }
            return Future.all(checks).map(all -> all.<JsonObject>list().stream().filter(java.util.Objects::nonNull)
                    .map(json -> Json.fromJson(json, Running.class)).toList());
        }));
    }

    /** How many jobs this agent is running. */
    int heldCount() {
        return held.size();
    }

    /** True when the job is still registered as running (by any agent). */
    Future<Boolean> isRunning(String jobId) {
        return running().compose(r -> r.get(jobId)).map(request -> request != null);
    }
}
