package datasense.verticles.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import datasense.tools.Dataset;
import datasense.tools.Limits;
import datasense.tools.Table;
import datasense.tools.ToolContext;
import datasense.tools.ToolException;
import datasense.tools.ToolRegistry;
import datasense.tools.ToolResult;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Runs tools for any node's agents. Each instance listens on every tool's address ({@code ds.tool.<name>});
 * deployed as a worker with several instances, so DuckDB and JFreeChart work never touches an event loop and
 * the bus spreads calls over instances (and, clustered, over nodes). Counts its runs in the shared counter
 * {@link #RUNS_COUNTER}, which /health reports.
 */
public final class ToolWorkerVerticle extends VerticleBase {

    /** Shared-data counter of tool runs on this node (cluster-wide when clustered). */
    public static final String RUNS_COUNTER = "ds.tool.runs";

    private final ObjectStore store;
    private final Limits limits;
    private final String nodeName;
    private final ToolRegistry registry = ToolRegistry.standard();

    public ToolWorkerVerticle(ObjectStore store, Limits limits, String nodeName) {
        this.store = store;
        this.limits = limits;
        this.nodeName = nodeName;
    }

    @Override
    public Future<?> start() {
        return Future.all(registry.specs().stream()
                .map(spec -> vertx.eventBus().<JsonObject>consumer(Address.tool(spec.name()), m -> run(spec.name(), m)).completion())
                .toList());
    }

    private void run(String tool, Message<JsonObject> message) {
        JsonObject body = message.body();
        long started = System.nanoTime();
        store.localPath(Keys.parquet(body.getString("tenant"), body.getString("file_id")))
                .compose(parquet -> vertx.executeBlocking(() -> runBlocking(tool, body, parquet)))
                .compose(result -> vertx.sharedData().getCounter(RUNS_COUNTER)
                        .compose(c -> c.incrementAndGet())
                        .map(n -> Json.toJson(result)
                                .put("node", nodeName)
                                .put("duration_ms", (System.nanoTime() - started) / 1_000_000)))
                .onSuccess(message::reply)
                .onFailure(e -> BusError.fail(message, e));
    }

    private ToolResult runBlocking(String tool, JsonObject body, Path parquet) {
        JsonObject ds = body.getJsonObject("dataset");
        Dataset dataset = new Dataset(ds.getString("table"), parquet, Json.columns(ds.getJsonArray("columns")), ds.getLong("rows", 0L));
        JsonObject input = body.getJsonObject("input");
        Table table = input == null ? null : Json.fromJson(input, Table.class);
        ObjectNode args = Json.tree(body.getJsonObject("args", new JsonObject()));
        try {
            return registry.run(tool, new ToolContext(dataset, limits, table), args);
        } catch (ToolException e) {
            throw new BusError(422, e.code(), e.getMessage(), e.hint());
        }
    }
}
