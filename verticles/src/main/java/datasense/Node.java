package datasense;

import datasense.tools.Limits;
import datasense.tools.ingest.IngestLimits;
import datasense.tools.ingest.SampleData;
import datasense.verticles.agent.AgentVerticle;
import datasense.verticles.audit.AuditVerticle;
import datasense.verticles.auth.Principal;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.boards.BoardVerticle;
import datasense.verticles.projects.ProjectVerticle;
import datasense.verticles.reports.ReportVerticle;
import datasense.verticles.cache.CacheVerticle;
import datasense.verticles.history.HistoryVerticle;
import datasense.verticles.http.HttpVerticle;
import datasense.verticles.ingest.IngestVerticle;
import datasense.verticles.metrics.NodeMetrics;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.planner.PlannerVerticle;
import datasense.verticles.retention.RetentionVerticle;
import datasense.verticles.store.Keys;
import datasense.verticles.store.LocalObjectStore;
import datasense.verticles.store.ObjectStore;
import datasense.verticles.store.S3ObjectStore;
import datasense.verticles.tools.ToolWorkerVerticle;
import datasense.verticles.tracing.NodeTracing;
import datasense.verticles.writer.ArtifactWriterVerticle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles one node: the object store and every verticle, in dependency order, then the sample dataset,
 * then the HTTP server last, so that a node answering /health is ready to be asked.
 */
public final class Node {

    /** The sample dataset's id: the DataSense AI seed's k6 script asks this id, so it runs unchanged. */
    public static final String SAMPLE_FILE_ID = "f_abc123";
    public static final String SAMPLE_TENANT = Principal.LOCAL_TENANT;
    private static final int SAMPLE_ROWS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final Vertx vertx;
    private final String httpDeployment;
    private final String agentDeployment;

    private Node(Vertx vertx, String httpDeployment, String agentDeployment) {
        this.vertx = vertx;
        this.httpDeployment = httpDeployment;
        this.agentDeployment = agentDeployment;
    }

    /**
     * A clean stop, in the order that lets work in flight finish: the HTTP server first (no new request; those in
     * flight, such as a synchronous /ask waiting for its job, end; WebSockets closed with a reason), then the agent
     * (no new job; running jobs finish), each within DATASENSE_STOP_SECONDS, while tools, writer and cache still
     * serve them. Closing Vert.x afterwards stops the rest and leaves the cluster.
     */
    public Future<Void> stop() {
        Future<Void> http = httpDeployment == null ? Future.succeededFuture() : vertx.undeploy(httpDeployment);
        return http.eventually(() -> agentDeployment == null ? Future.succeededFuture() : vertx.undeploy(agentDeployment));
    }

    /**
     * Deploys the verticles of the node's roles on {@code vertx}; completes when it serves HTTP (an {@code api}
     * node) or when its workers are listening. Every node keeps its own cache verticle (local consumers), so
     * with the in-process cache a node's answers stay on that node; with Redis every node shares one.
     */
    public static Future<Node> start(Vertx vertx, NodeConfig config) {
        return start(vertx, config, config.metrics() ? NodeMetrics.registry() : null);
    }

    /**
     * As {@link #start(Vertx, NodeConfig)}, with the registry {@code vertx} reports into (see {@link NodeMetrics#builder}):
     * our meters join it and /metrics serves it. Null when metrics are off.
     */
    public static Future<Node> start(Vertx vertx, NodeConfig config, PrometheusMeterRegistry registry) {
        return start(vertx, config, registry, null);
    }

    /**
     * As {@link #start(Vertx, NodeConfig, PrometheusMeterRegistry)}, with the OpenTelemetry {@code vertx} traces
     * through ({@link #vertxBuilder}): the agent's job, step and tool-call spans go to it too. Null when tracing is off.
     */
    public static Future<Node> start(Vertx vertx, NodeConfig config, PrometheusMeterRegistry registry, OpenTelemetry openTelemetry) {
        ProductMetrics metrics = registry == null ? ProductMetrics.detached() : new ProductMetrics(registry);
        ObjectStore store = store(vertx, config);
        Limits limits = new Limits(config.inlineRows(), (int) Math.min(Integer.MAX_VALUE, config.maxRows()),
                config.queryTimeoutSeconds(), config.duckdbMemoryLimit(), 1);
        IngestLimits ingestLimits = new IngestLimits(config.maxUploadBytes(), 50_000_000L);
        DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
        List<Supplier<Future<String>>> deployments = new ArrayList<>();
        deployments.add(() -> vertx.deployVerticle(new CacheVerticle(config.redis(), metrics)));
        if (config.runs("writer")) {
            deployments.add(() -> vertx.deployVerticle(new ArtifactWriterVerticle(store)));
            deployments.add(() -> vertx.deployVerticle(new AuditVerticle(store)));
        }
        if (config.runs("ingest")) {
            deployments.add(() -> vertx.deployVerticle(() -> new IngestVerticle(store, ingestLimits, limits, config.redis(), metrics, config.secretBox()), worker));
        }
        if (config.runs("tools")) {
            deployments.add(() -> vertx.deployVerticle(new ToolWorkerVerticle(store, limits, config.nodeName(), config.toolInstances(), metrics)));
        }
        if (config.runs("agent") || config.runs("api")) {
            deployments.add(() -> vertx.deployVerticle(new HistoryVerticle(store)));
            deployments.add(() -> vertx.deployVerticle(new BoardVerticle(store)));
            deployments.add(() -> vertx.deployVerticle(new ReportVerticle(store)));
            deployments.add(() -> vertx.deployVerticle(new ProjectVerticle(store)));
        }
        if (config.runs("agent")) {
            deployments.add(() -> vertx.deployVerticle(new PlannerVerticle(config, metrics)));
            deployments.add(() -> vertx.deployVerticle(new RetentionVerticle(store, config.retention(), config.nodeName(), metrics)));
        }
        Future<?> chain = Future.succeededFuture();
        for (Supplier<Future<String>> deployment : deployments) {
            chain = chain.compose(v -> deployment.get());
        }
        return chain
                .compose(v -> config.runs("agent") ? vertx.deployVerticle(new AgentVerticle(config, store, metrics, NodeTracing.tracer(openTelemetry))) : Future.succeededFuture((String) null))
                .compose(agent -> (config.sampleData() && config.runs("ingest") ? registerSample(vertx, store) : Future.<Void>succeededFuture())
                        .compose(v -> config.runs("api") ? vertx.deployVerticle(new HttpVerticle(config, store, registry, metrics)) : Future.succeededFuture((String) null))
                        .map(http -> new Node(vertx, http, agent)))
                .onSuccess(v -> LOG.info("DataSense node {} ready{} (roles {}, {}, {})", config.nodeName(),
                        config.runs("api") ? " on http://localhost:" + config.port() : "", String.join(",", config.roles()),
                        config.s3() == null ? "data in " + config.dataDir() : "data in s3://" + config.s3().bucket(),
                        vertx.isClustered() ? "clustered" : "standalone"));
    }

    /**
     * The Vert.x builder of a node: reporting into {@code registry} (metrics) and tracing through {@code openTelemetry},
     * each only when not null, so either, both or neither. With neither it is the plain {@code Vertx.builder()}.
     */
    public static VertxBuilder vertxBuilder(VertxOptions options, PrometheusMeterRegistry registry, OpenTelemetry openTelemetry) {
        return NodeTracing.traced(registry == null ? Vertx.builder().with(options) : NodeMetrics.builder(options, registry), openTelemetry);
    }

    /** The configured object store: the S3 bucket when one is set, else the local data folder. */
    static ObjectStore store(Vertx vertx, NodeConfig config) {
        return config.s3() == null ? new LocalObjectStore(vertx, config.dataDir())
                : new S3ObjectStore(vertx, config.s3(), config.dataDir());
    }

    /**
     * Generates and registers the sample orders dataset, unless it is already registered; under a cluster-wide
     * lock, so nodes starting together register it once.
     */
    private static Future<Void> registerSample(Vertx vertx, ObjectStore store) {
        return vertx.sharedData().getLockWithTimeout("ds.sample-data", BusTimeouts.INGEST.getSendTimeout())
                .compose(lock -> sampleOnce(vertx, store).onComplete(done -> lock.release()));
    }

    private static Future<Void> sampleOnce(Vertx vertx, ObjectStore store) {
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
                            .put("file_id", SAMPLE_FILE_ID).put("name", "sample_orders.csv"),
                            TenantHeader.on(BusTimeouts.INGEST, SAMPLE_TENANT)))
                    .onSuccess(m -> LOG.info("sample dataset registered as file_id {}", SAMPLE_FILE_ID))
                    .mapEmpty();
        });
    }
}
