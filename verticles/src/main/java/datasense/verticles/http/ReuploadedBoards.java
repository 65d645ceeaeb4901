package datasense.verticles.http;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.Board;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.TenantHeader;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file uploaded again takes its boards along, with fresh answers (README, Boards). Every upload is a new file with
 * a new id; an upload named as an earlier file of the tenant is a re-upload of it: the boards people made on the
 * newest earlier file of that name ({@code ds.boards.move}; the generated one stays, the re-upload gets its own)
 * move to the new file before the upload's reply, marked {@code refreshing}, so a page listing the new file's
 * boards finds them at once; then each tile's recorded plan is run again on the new data, as a tile's re-run is
 * ({@link Asks#rerunAnswer}, then {@code ds.boards.refresh}), one after another after the reply, and the board is
 * marked done ({@code ds.boards.update} {@code refreshing: false}). A tile whose plan no longer runs on the new data
 * keeps its last answer, and its date says when that was computed. The earlier file is the version before the upload
 * ({@code ds.files.versions}: the same name in the same project, README, Versions and drift); a board pinned to its
 * version ({@code pinned: true}) stays on it.
 */
final class ReuploadedBoards {

    private static final Logger LOG = LoggerFactory.getLogger(ReuploadedBoards.class);

    private final EventBus bus;
    private final Asks asks;

    ReuploadedBoards(EventBus bus, Asks asks) {
        this.bus = bus;
        this.asks = asks;
    }

    /**
     * Moves the boards of the file this upload replaces (each table of a workbook or ZIP by its own name) and
     * starts re-running their tiles; completes once they are moved. Never fails: what cannot be moved is logged.
     */
    Future<Void> ingested(String tenant, JsonObject manifest) {
        List<JsonObject> uploaded = manifest.getJsonArray("files") == null ? List.of(manifest)
                : manifest.getJsonArray("files").stream().map(f -> (JsonObject) f).toList();
        Future<List<Board>> moved = Future.succeededFuture(new ArrayList<>());
        for (JsonObject file : uploaded) {
            String fileId = file.getString("file_id");
            moved = moved.compose(all -> request(tenant, Address.FILES_VERSIONS, new JsonObject().put("file_id", fileId))
                    .compose(versions -> {
                        String previous = previous(versions, fileId);
                        return previous == null ? Future.succeededFuture(all) : move(tenant, previous, fileId).map(boards -> {
                            all.addAll(boards);
                            return all;
                        });
                    }));
        }
        return moved
                .map(boards -> {
                    // re-run after the upload's reply, one board after another
                    Future<Void> chain = Future.succeededFuture();
                    for (Board board : boards) {
                        chain = chain.compose(v -> refresh(tenant, board));
                    }
                    return (Void) null;
                })
                .recover(e -> {
                    LOG.warn("boards not carried to the re-upload {} of tenant {}: {}", manifest.getString("file_id"), tenant, e.getMessage());
                    return Future.succeededFuture();
                });
    }

    /**
     * The version just before {@code fileId} in a {@code ds.files.versions} reply (newest first): the file this upload
     * replaces, the newest other file of its name in its project; null when the upload is the first of its name there.
     */
    private static String previous(JsonObject versions, String fileId) {
        List<JsonObject> list = versions.getJsonArray("versions").stream().map(v -> (JsonObject) v).toList();
        for (int i = 0; i + 1 < list.size(); i++) {
            if (fileId.equals(list.get(i).getString("file_id"))) {
                return list.get(i + 1).getString("file_id");
            }
        }
        return null;
    }

    /** Moves the boards people made on {@code from} to {@code to}; the boards moved. */
    private Future<List<Board>> move(String tenant, String from, String to) {
        return request(tenant, Address.BOARDS_LIST, new JsonObject().put("file_id", from))
                .compose(list -> {
                    Future<List<Board>> moved = Future.succeededFuture(new ArrayList<>());
                    for (Object summary : list.getJsonArray("boards")) {
                        JsonObject board = (JsonObject) summary;
                        // the generated board stays; so does a board pinned to its version
                        if (Boolean.TRUE.equals(board.getBoolean("generated")) || Boolean.TRUE.equals(board.getBoolean("pinned"))) {
                            continue;
                        }
                        moved = moved.compose(all -> request(tenant, Address.BOARDS_MOVE,
                                new JsonObject().put("board_id", board.getString("board_id")).put("file_id", to))
                                .map(b -> {
                                    all.add(Board.fromJson(b));
                                    return all;
                                }));
                    }
                    return moved;
                });
    }

    /** Re-runs each tile's plan on the board's (new) file and keeps the answers; then marks the board done. */
    private Future<Void> refresh(String tenant, Board board) {
        Future<Void> chain = Future.succeededFuture();
        for (Board.Tile tile : board.tiles()) {
            chain = chain.compose(v -> {
                JsonObject record = new JsonObject().put("file_id", board.fileId()).put("question", tile.question())
                        .put("question_id", tile.questionId()).put("plan", Json.toJson(tile.plan()));
                return asks.rerunAnswer(tenant, null, record)
                        .compose(result -> request(tenant, Address.BOARDS_REFRESH, new JsonObject().put("board_id", board.boardId())
                                .put("tile_id", tile.tileId()).put("result", result)))
                        .<Void>mapEmpty()
                        .recover(e -> {
                            LOG.info("tile '{}' of board {} not refreshed on the re-upload {}: {}", tile.title(), board.boardId(),
                                    board.fileId(), e.getMessage());
                            return Future.succeededFuture();
                        });
            });
        }
        return chain.eventually(() -> request(tenant, Address.BOARDS_UPDATE, new JsonObject().put("board_id", board.boardId()).put("refreshing", false)))
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.warn("board {} not marked refreshed: {}", board.boardId(), e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<JsonObject> request(String tenant, String address, JsonObject body) {
        return bus.<JsonObject>request(address, body, TenantHeader.on(BusTimeouts.STORE, tenant)).map(Message::body);
    }
}
