package datasense.verticles.http;

import datasense.tools.SchemaInfo;
import datasense.verticles.boards.BoardQuestions;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every uploaded file gets a generated board, "Overview", as Metabase's X-ray gives one: the questions
 * {@link BoardQuestions} chooses from the file's profile are asked one after another through {@link Asks} (the path
 * every question takes, so each tile has a recorded question and plan and re-runs like any other) and pinned as they
 * are answered. The board exists (with {@code generating: true}) from the start, so a page can show it filling. A
 * question answered only as a best guess, or not at all, is left off. Runs after the upload's reply, on the node
 * that ingested it; a node lost meanwhile leaves the board with the tiles pinned so far.
 */
final class BoardGenerator {

    static final String NAME = "Overview";
    private static final Logger LOG = LoggerFactory.getLogger(BoardGenerator.class);

    private final EventBus bus;
    private final Asks asks;
    private final BoardRoutes boards;

    BoardGenerator(EventBus bus, Asks asks, BoardRoutes boards) {
        this.bus = bus;
        this.asks = asks;
        this.boards = boards;
    }

    /**
     * Makes the generated board of each table an ingested upload registered (a workbook's sheets, a ZIP's files) and
     * starts filling them one after another; completes once the boards exist, so the upload's reply can name them to
     * a page that lists boards next. Never fails: a board that cannot be made is logged and left out.
     */
    Future<Void> ingested(String tenant, JsonObject manifest) {
        List<String> fileIds = manifest.getJsonArray("files") == null ? List.of(manifest.getString("file_id"))
                : manifest.getJsonArray("files").stream().map(f -> ((JsonObject) f).getString("file_id")).toList();
        Future<List<Supplier<Future<Void>>>> made = Future.succeededFuture(new ArrayList<>());
        for (String fileId : fileIds) {
            made = made.compose(fills -> create(tenant, fileId)
                    .map(fill -> {
                        fills.add(fill);
                        return fills;
                    })
                    .recover(e -> {
                        LOG.warn("no generated board for file {} of tenant {}: {}", fileId, tenant, e.getMessage());
                        return Future.succeededFuture(fills);
                    }));
        }
        return made.map(fills -> {
            // filled in the background, one board after another, after the upload's reply
            Future<Void> chain = Future.succeededFuture();
            for (Supplier<Future<Void>> fill : fills) {
                chain = chain.compose(v -> fill.get());
            }
            return null;
        });
    }

    /** Makes the file's generated board; the returned action asks its questions and pins their answers, one after another. */
    private Future<Supplier<Future<Void>>> create(String tenant, String fileId) {
        return request(tenant, Address.FILES_GET, new JsonObject().put("file_id", fileId))
                .compose(manifest -> {
                    List<String> questions = BoardQuestions.of(Json.fromJson(manifest.getJsonObject("schema"), SchemaInfo.class));
                    return request(tenant, Address.BOARDS_CREATE, new JsonObject().put("file_id", fileId).put("name", NAME).put("generated", true))
                            .map(board -> () -> fill(tenant, fileId, board.getString("board_id"), questions));
                });
    }

    private Future<Void> fill(String tenant, String fileId, String boardId, List<String> questions) {
        Future<Void> chain = Future.succeededFuture();
        for (String question : questions) {
            chain = chain.compose(v -> tile(tenant, fileId, boardId, question));
        }
        return chain.eventually(() -> request(tenant, Address.BOARDS_UPDATE, new JsonObject().put("board_id", boardId).put("generating", false)))
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.warn("generated board {} of file {} not marked done: {}", boardId, fileId, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /** Asks one question and pins its answer; a best guess or a failure is left off the board (and logged). */
    private Future<Void> tile(String tenant, String fileId, String boardId, String question) {
        return asks.answer(tenant, null, new JsonObject().put("file_id", fileId).put("question", question), null)
                .compose(reply -> {
                    JsonObject body = new JsonObject(reply.body());
                    if (Boolean.TRUE.equals(body.getBoolean("best_guess")) || body.getString("question_id") == null) {
                        LOG.info("generated board of file {}: '{}' left off (a best guess)", fileId, question);
                        return Future.<Void>succeededFuture();
                    }
                    return boards.pin(tenant, null, boardId, body.getString("question_id"), null).<Void>mapEmpty();
                })
                .recover(e -> {
                    LOG.info("generated board of file {}: '{}' left off: {}", fileId, question, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<JsonObject> request(String tenant, String address, JsonObject body) {
        return bus.<JsonObject>request(address, body, TenantHeader.on(BusTimeouts.STORE, tenant)).map(Message::body);
    }
}
