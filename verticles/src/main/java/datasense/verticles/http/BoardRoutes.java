package datasense.verticles.http;

import static datasense.verticles.http.AuthHandler.require;
import static datasense.verticles.http.HttpReplies.error;
import static datasense.verticles.http.HttpReplies.json;
import static datasense.verticles.http.HttpReplies.jsonBody;
import static datasense.verticles.http.HttpReplies.tenant;

import datasense.verticles.auth.Scope;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Audit;
import datasense.verticles.bus.Board;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Boards over HTTP (README, Boards): a file's boards, one board with its tiles, pinning an answered question, and
 * re-running a tile. The boards themselves are the BoardVerticle's ({@code ds.boards.*}); what this adds is the
 * asking: a pin reads the question's record from the history ({@code ds.history.question}) so the tile keeps its
 * recorded plan, and a re-run runs that plan again through {@link Asks}, the path every question takes, then keeps
 * the new answer on the tile. Stored answers hold plain artifact links; they are signed for the tenant on the way out.
 */
final class BoardRoutes {

    private final EventBus bus;
    private final Asks asks;
    private final ArtifactLinks links;

    BoardRoutes(EventBus bus, Asks asks, ArtifactLinks links) {
        this.bus = bus;
        this.asks = asks;
        this.links = links;
    }

    void mount(Router router) {
        router.get("/files/:fileId/boards").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.BOARDS_LIST, fileRequest(ctx))));
        router.post("/files/:fileId/boards").handler(require(Scope.ASK)).handler(ctx -> reply(ctx, 201, audited(ctx, "board.create",
                request(ctx, Address.BOARDS_CREATE, fileRequest(ctx).put("name", jsonBody(ctx).getValue("name"))),
                board -> new JsonObject().put("board_id", board.getString("board_id")).put("file_id", board.getString("file_id"))
                        .put("name", board.getString("name")))));
        router.get("/boards/:boardId").handler(require(Scope.READ))
                .handler(ctx -> reply(ctx, 200, request(ctx, Address.BOARDS_GET, boardRequest(ctx))));
        router.put("/boards/:boardId").handler(require(Scope.ASK)).handler(ctx -> {
            JsonObject body = jsonBody(ctx); // name, pinned or both (the document's schema)
            JsonObject update = boardRequest(ctx);
            if (body.containsKey("name")) {
                update.put("name", body.getValue("name"));
            }
            if (body.containsKey("pinned")) {
                update.put("pinned", body.getValue("pinned"));
            }
            // a rename stays board.rename in the audit log; a change of the pin is board.update
            reply(ctx, 200, audited(ctx, body.containsKey("name") ? "board.rename" : "board.update", request(ctx, Address.BOARDS_UPDATE, update),
                    board -> new JsonObject().put("board_id", board.getString("board_id")).put("name", board.getString("name"))
                            .put("pinned", board.getBoolean("pinned", false))));
        });
        router.delete("/boards/:boardId").handler(require(Scope.ASK))
                .handler(ctx -> reply(ctx, 200, audited(ctx, "board.delete", request(ctx, Address.BOARDS_DELETE, boardRequest(ctx)),
                        deleted -> new JsonObject().put("board_id", ctx.pathParam("boardId")))));
        router.post("/boards/:boardId/tiles").handler(require(Scope.ASK)).handler(ctx -> {
            JsonObject body = jsonBody(ctx);
            String questionId = body.getString("question_id");
            reply(ctx, 201, audited(ctx, "board.pin", pin(tenant(ctx), RequestId.of(ctx), ctx.pathParam("boardId"), questionId, body.getValue("title")),
                    board -> new JsonObject().put("board_id", ctx.pathParam("boardId")).put("question_id", questionId)));
        });
        router.post("/boards/:boardId/tiles/:tileId/rerun").handler(require(Scope.ASK)).handler(this::rerun);
        router.delete("/boards/:boardId/tiles/:tileId").handler(require(Scope.ASK))
                .handler(ctx -> reply(ctx, 200, audited(ctx, "board.unpin", request(ctx, Address.BOARDS_UNPIN, tileRequest(ctx)),
                        board -> new JsonObject().put("board_id", ctx.pathParam("boardId")).put("tile_id", ctx.pathParam("tileId")))));
    }

    /**
     * Pins the answered question {@code questionId} to board {@code boardId}: its record (question, plan, reply)
     * becomes a tile. The board must exist first, so another tenant's board id is a 404 before any question is read.
     */
    Future<JsonObject> pin(String tenant, String requestId, String boardId, String questionId, Object title) {
        JsonObject board = new JsonObject().put("board_id", boardId);
        return request(tenant, requestId, Address.BOARDS_GET, board)
                .compose(b -> request(tenant, requestId, Address.HISTORY_QUESTION, new JsonObject().put("question_id", questionId)))
                .compose(record -> request(tenant, requestId, Address.BOARDS_PIN, board.copy().put("question", record).put("title", title)));
    }

    /** Runs the tile's recorded plan again (as a question's re-run) and keeps the new answer on the tile. */
    private void rerun(RoutingContext ctx) {
        String tenant = tenant(ctx);
        String requestId = RequestId.of(ctx);
        String tileId = ctx.pathParam("tileId");
        reply(ctx, 200, request(tenant, requestId, Address.BOARDS_GET, boardRequest(ctx))
                .compose(found -> {
                    Board.Tile tile = Board.fromJson(found).tile(tileId);
                    if (tile == null) {
                        return Future.failedFuture(BusError.notFound("tile", tileId, "a board's tiles are listed by GET /boards/{board_id}"));
                    }
                    JsonObject record = new JsonObject().put("file_id", found.getString("file_id")).put("question", tile.question())
                            .put("question_id", tile.questionId())
                            .put("plan", Json.toJson(tile.plan()));
                    return asks.rerunAnswer(tenant, requestId, record);
                })
                .compose(result -> request(tenant, requestId, Address.BOARDS_REFRESH, tileRequest(ctx).put("result", result))));
    }

    private Future<JsonObject> request(RoutingContext ctx, String address, JsonObject body) {
        return request(tenant(ctx), RequestId.of(ctx), address, body);
    }

    private Future<JsonObject> request(String tenant, String requestId, String address, JsonObject body) {
        return bus.<JsonObject>request(address, body, RequestIdHeader.on(TenantHeader.on(BusTimeouts.STORE, tenant), requestId))
                .map(Message::body);
    }

    /** A change to a board (a report a person keeps), once made: in the tenant's audit log with who made it. */
    private Future<JsonObject> audited(RoutingContext ctx, String action, Future<JsonObject> change,
                                       java.util.function.Function<JsonObject, JsonObject> details) {
        return change.onSuccess(body -> Audit.record(bus, tenant(ctx), action, AuthHandler.principal(ctx).subject(), details.apply(body)));
    }

    /** Answers with the reply, its stored answers' artifact links signed for the tenant. */
    private void reply(RoutingContext ctx, int status, Future<JsonObject> reply) {
        reply.onSuccess(body -> json(ctx, status, links.signed(body.encode(), tenant(ctx))))
                .onFailure(e -> error(ctx, BusError.from(e)));
    }

    private static JsonObject fileRequest(RoutingContext ctx) {
        return new JsonObject().put("file_id", ctx.pathParam("fileId"));
    }

    private static JsonObject boardRequest(RoutingContext ctx) {
        return new JsonObject().put("board_id", ctx.pathParam("boardId"));
    }

    private static JsonObject tileRequest(RoutingContext ctx) {
        return boardRequest(ctx).put("tile_id", ctx.pathParam("tileId"));
    }
}
