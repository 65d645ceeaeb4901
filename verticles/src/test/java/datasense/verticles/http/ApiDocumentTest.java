package datasense.verticles.http;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.NodeConfig;
import datasense.TempFolders;
import datasense.verticles.metrics.NodeMetrics;
import datasense.verticles.metrics.ProductMetrics;
import datasense.verticles.store.LocalObjectStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API document (api/openapi.json) and the router agree: every route the HTTP verticle serves is an operation of
 * the document, and every operation of the document is a route. A route added without documenting it, or a
 * documented operation removed from the code, fails here.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiDocumentTest {

    /** Swagger UI's files under /docs/ and the dashboard's page and scripts: static files, not API operations. */
    private static final Set<String> NOT_OPERATIONS = Set.of("GET /docs/*", "GET /docs/swagger-initializer.js",
            "GET /", "GET /static/*");

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void everyRouteIsDocumentedAndEveryOperationIsARoute() throws Exception {
        Path dataDir = TempFolders.create("datasense-api-doc");
        NodeConfig config = NodeConfig.withOverrides(Map.of("DATASENSE_PORT", "0", "DATASENSE_DATA_DIR", dataDir.toString(),
                "DATASENSE_SIGNING_KEY", "test-signing-key"));
        HttpVerticle http = new HttpVerticle(config, new LocalObjectStore(vertx, dataDir), NodeMetrics.registry(), ProductMetrics.detached());
        vertx.deployVerticle(http).await();

        Set<String> routes = new TreeSet<>();
        for (Route route : http.routes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue; // handlers on every request: the request id, authentication, the 404 answer
            }
            for (HttpMethod method : route.methods()) {
                String operation = method.name() + " " + route.getPath() + (route.isExactPath() ? "" : "*");
                if (!NOT_OPERATIONS.contains(operation)) {
                    routes.add(operation);
                }
            }
        }
        JsonObject document = new JsonObject(vertx.fileSystem().readFile(OperationsRoutes.OPENAPI).await());
        Set<String> documented = new TreeSet<>();
        document.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).fieldNames()
                .forEach(method -> documented.add(method.toUpperCase() + " " + routePath(path.getKey()))));

        assertThat(document.getString("openapi")).startsWith("3.1");
        assertThat(routes).as("routes missing from api/openapi.json").isSubsetOf(documented);
        assertThat(documented).as("documented operations no route serves").isSubsetOf(routes);
        assertThat(routes).contains("POST /ask", "GET /metrics", "GET /health/ready", "GET /artifacts/*");
    }

    /** A document path as Vert.x writes it: {id} is :id, and /artifacts/{key} (a key with slashes) is /artifacts/*. */
    private static String routePath(String documentPath) {
        return documentPath.equals("/artifacts/{key}") ? "/artifacts/*" : documentPath.replaceAll("\\{([^}]+)}", ":$1");
    }
}
