package datasense.verticles.agent;

import datasense.verticles.bus.Json;
import datasense.verticles.bus.RunJob;
import io.vertx.core.json.JsonObject;

/** A running job as {@code ds.jobs.running} keeps it: what another agent needs to resume it, whose it is included. */
record AcceptedJob(String tenant, RunJob job) {

    JsonObject toJson() {
        return Json.toJson(this);
    }

    static AcceptedJob fromJson(JsonObject json) {
        return Json.fromJson(json, AcceptedJob.class);
    }
}
