package datasense.verticles.http;

import datasense.verticles.auth.Principal;
import datasense.verticles.bus.ClusterCounters;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Counter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;

/**
 * What an operator and a client's developer use, mounted beside the API and open without a credential (see
 * {@link AuthHandler#OPEN}): {@code GET /metrics} (Prometheus text from the node's registry), the probes
 * {@code GET /health/live} and {@code GET /health/ready} (vertx-health-check), the API document
 * {@code GET /openapi.json} and Swagger UI at {@code /docs} from the swagger-ui WebJar.
 *
 * <p>Ready means this node can answer: its object store, its cache backend and, when clustered, the cluster answer
 * within {@link #CHECK_TIMEOUT_MS}. Live means its event loop runs.
 */
public final class OperationsRoutes {

    /** The API document, a resource of the jar: the source of truth of the HTTP API (README.md's table follows it). */
    public static final String OPENAPI = "api/openapi.json";
    static final long CHECK_TIMEOUT_MS = 2_000;
    private static final String SWAGGER_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String SWAGGER_ROOT = "META-INF/resources/webjars/swagger-ui/";

    private final Vertx vertx;
    private final ObjectStore store;
    private final PrometheusMeterRegistry registry;
    private final Counter toolRuns;

    /** @param registry the node's metrics, or null when metrics are off (then there is no /metrics) */
    /** @param toolRuns the cluster-wide tool-run counter, whose read is the readiness check of the cluster */
    public OperationsRoutes(Vertx vertx, ObjectStore store, PrometheusMeterRegistry registry, Counter toolRuns) {
        this.toolRuns = toolRuns;
        this.vertx = vertx;
        this.store = store;
        this.registry = registry;
    }

    public void mount(Router router) {
        if (registry != null) {
            router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        }
        router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(HealthChecks.create(vertx)
                .register("event-loop", promise -> promise.complete(Status.OK()))));
        router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(readiness()));
        Future<Buffer> document = vertx.fileSystem().readFile(OPENAPI);
        router.get("/openapi.json").handler(ctx -> document
                .onSuccess(json -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json))
                .onFailure(ctx::fail));
        // a route's path matches with or without its trailing slash: only /docs itself is sent on to /docs/
        router.get("/docs").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect("/docs/");
            }
        });
        Future<Buffer> initializer = vertx.fileSystem().readFile("api/swagger-initializer.js");
        router.get("/docs/swagger-initializer.js").handler(ctx -> initializer
                .onSuccess(js -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript").end(js))
                .onFailure(ctx::fail));
        Future<Handler<RoutingContext>> swaggerUi = vertx.fileSystem().readFile(SWAGGER_POM)
                .map(pom -> StaticHandler.create(SWAGGER_ROOT + version(pom)).setCachingEnabled(true));
        router.get("/docs/*").handler(ctx -> swaggerUi.onSuccess(handler -> handler.handle(ctx)).onFailure(ctx::fail));
    }

    private HealthChecks readiness() {
        HealthChecks checks = HealthChecks.create(vertx)
                .register("store", CHECK_TIMEOUT_MS, promise -> store.exists(Keys.manifest(Principal.LOCAL_TENANT, "f_ready_probe"))
                        .map(found -> Status.OK(new JsonObject().put("kind", store.kind())))
                        .onComplete(promise))
                .register("cache", CHECK_TIMEOUT_MS, promise -> vertx.eventBus().<JsonObject>request(Address.CACHE_HEALTH, null, BusTimeouts.SHORT)
                        .map(Message::body)
                        .map(health -> "ok".equals(health.getString("status")) ? Status.OK(health) : Status.KO(health))
                        .onComplete(promise));
        if (vertx.isClustered()) {
            // a cluster-wide counter read goes through the cluster manager: it answers only when the cluster does
            checks.register("cluster", CHECK_TIMEOUT_MS, promise -> ClusterCounters.value(toolRuns)
                    .map(runs -> Status.OK(new JsonObject().put("tool_runs", runs)))
                    .onComplete(promise));
        }
        return checks;
    }

    private static String version(Buffer pomProperties) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(pomProperties.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + SWAGGER_POM, e);
        }
        return properties.getProperty("version");
    }
}
