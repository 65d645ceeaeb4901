package datasense;

import datasense.tools.Limits;
import datasense.tools.ingest.IngestLimits;
import datasense.tools.ingest.SampleData;
import datasense.verticles.agent.AgentVerticle;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.cache.CacheVerticle;
import datasense.verticles.history.HistoryVerticle;
import datasense.verticles.http.HttpVerticle;
import datasense.verticles.ingest.IngestVerticle;
import datasense.verticles.planner.PlannerVerticle;
import datasense.verticles.store.Keys;
import datasense.verticles.store.LocalObjectStore;
import datasense.verticles.store.ObjectStore;
import datasense.verticles.tools.ToolWorkerVerticle;
import datasense.verticles.writer.ArtifactWriterVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles one node: the object store and every verticle, in dependency order, then the sample dataset,
 * then the HTTP server last, so that a node answering /health is ready to be asked.
 */
public final class Node {

    /** The sample dataset's id: the DataSense AI seed's k6 script asks this id, so it runs unchanged. */
    public static final String SAMPLE_FILE_ID = "f_abc123";
    public static final String SAMPLE_TENANT = "default";
    private static final int SAMPLE_ROWS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private Node() {
    }

    /** Deploys a node on {@code vertx}; completes when it serves HTTP on {@code config.port()}. */
    public static Future<Void> start(Vertx vertx, NodeConfig config) {
        ObjectStore store = new LocalObjectStore(vertx, config.dataDir());
        Limits limits = new Limits(config.inlineRows(), (int) Math.min(Integer.MAX_VALUE, config.maxRows()),
                config.queryTimeoutSeconds(), "1GB", 1);
        IngestLimits ingestLimits = new IngestLimits(config.maxUploadBytes(), 50_000_000L);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        return vertx.deployVerticle(new CacheVerticle(config.redis()))
                .compose(id -> vertx.deployVerticle(new ArtifactWriterVerticle(store)))
                .compose(id -> vertx.deployVerticle(() -> new IngestVerticle(store, ingestLimits, limits), worker))
                .compose(id -> vertx.deployVerticle(() -> new ToolWorkerVerticle(store, limits, config.nodeName()),
                        new DeploymentOptions(worker).setInstances(config.toolInstances())))
                .compose(id -> vertx.deployVerticle(new PlannerVerticle(config)))
                .compose(id -> vertx.deployVerticle(new HistoryVerticle(store)))
                .compose(id -> vertx.deployVerticle(new AgentVerticle(config, store)))
                .compose(id -> config.sampleData() ? registerSample(vertx, store) : Future.succeededFuture())
                .compose(v -> vertx.deployVerticle(new HttpVerticle(config, store)))
                .onSuccess(id -> LOG.info("DataSense node {} ready on http://localhost:{} (data in {})",
                        config.nodeName(), config.port(), config.dataDir()))
                .mapEmpty();
    }

    /** Generates and registers the sample orders dataset, unless it is already registered. */
    private static Future<Void> registerSample(Vertx vertx, ObjectStore store) {
        return store.exists(Keys.manifest(SAMPLE_TENANT, SAMPLE_FILE_ID)).compose(present -> {
            if (present) {
                return Future.succeededFuture();
            }
            Path staging = store.stagingDir().resolve("sample-orders.csv");
            return vertx.executeBlocking(() -> {
                        SampleData.writeOrders(staging, SAMPLE_ROWS, 42L);
                        return staging;
                    })
                    .compose(file -> store.putFile(Keys.csv(SAMPLE_TENANT, SAMPLE_FILE_ID), file))
                    .compose(v -> vertx.eventBus().request(Address.INGEST_FILE, new JsonObject()
                            .put("tenant", SAMPLE_TENANT).put("file_id", SAMPLE_FILE_ID).put("name", "sample_orders.csv"),
                            BusTimeouts.INGEST))
                    .onSuccess(m -> LOG.info("sample dataset registered as file_id {}", SAMPLE_FILE_ID))
                    .mapEmpty();
        });
    }
}
