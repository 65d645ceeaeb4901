package datasense.verticles.boards;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.Board;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.Replies;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A file's boards, kept in the object store (the system of record) as the question history is: every key under the
 * tenant of the request's {@code tenant} header, one document per board under its file
 * ({@code {tenant}/uploads/{file}/boards/{board}.json}, so deleting the file deletes its boards) and a small index
 * entry naming the file of a board id. A board is changed under a cluster-wide lock, so two pins at once both land.
 * It stores what it is given; asking and re-running the tiles' questions is the HTTP verticle's part.
 */
public final class BoardVerticle extends VerticleBase {

    private static final long LOCK_TIMEOUT_MS = 10_000;
    private static final int MAX_NAME = 80;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BOARD_HINT = "list a file's boards with GET /files/{file_id}/boards";

    private final ObjectStore store;

    public BoardVerticle(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Future<?> start() {
        var bus = vertx.eventBus();
        return Future.all(List.of(
                bus.<JsonObject>consumer(Address.BOARDS_LIST, m -> Replies.forTenant(m, this::list)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_CREATE, m -> Replies.forTenant(m, this::create)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_GET, m -> Replies.forTenant(m, (t, r) -> find(t, r.getString("board_id")).map(Board::toJson))).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_UPDATE, m -> Replies.forTenant(m, this::update)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_MOVE, m -> Replies.forTenant(m, this::move)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_DELETE, m -> Replies.forTenant(m, this::delete)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_PIN, m -> Replies.forTenant(m, this::pin)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_REFRESH, m -> Replies.forTenant(m, this::refresh)).completion(),
                bus.<JsonObject>consumer(Address.BOARDS_UNPIN, m -> Replies.forTenant(m, this::unpin)).completion()));
    }

    /** A file's boards, oldest first (the generated board, made at upload, comes first). */
    private Future<JsonObject> list(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        return fileExists(tenant, fileId)
                .compose(v -> store.list(Keys.boardsPrefix(tenant, fileId)))
                .compose(keys -> Future.all(keys.stream().map(k -> read(k).recover(e -> Future.succeededFuture((Board) null))).toList()))
                .map(all -> {
                    JsonArray boards = new JsonArray();
                    all.<Board>list().stream().filter(Objects::nonNull)
                            .sorted(Comparator.comparing(Board::createdAt).thenComparing(Board::boardId))
                            .forEach(b -> boards.add(b.summary()));
                    return new JsonObject().put("file_id", fileId).put("boards", boards);
                });
    }

    private Future<JsonObject> create(String tenant, JsonObject request) {
        String fileId = request.getString("file_id");
        String name = name(request.getValue("name"));
        if (name == null) {
            return Future.failedFuture(badName());
        }
        boolean generated = Boolean.TRUE.equals(request.getValue("generated"));
        String now = now();
        Board board = new Board(newId("b_"), fileId, name, generated ? true : null, generated ? true : null, null, null, now, now, List.of());
        return fileExists(tenant, fileId)
                .compose(v -> store.put(Keys.board(tenant, fileId, board.boardId()), board.toJson().toBuffer()))
                .compose(v -> store.put(Keys.boardIndex(tenant, board.boardId()),
                        new JsonObject().put("board_id", board.boardId()).put("file_id", fileId).toBuffer()))
                .map(v -> board.toJson());
    }

    private Future<JsonObject> update(String tenant, JsonObject request) {
        Object rawName = request.getValue("name");
        String name = rawName == null ? null : name(rawName);
        if (rawName != null && name == null) {
            return Future.failedFuture(badName());
        }
        boolean generationOver = Boolean.FALSE.equals(request.getValue("generating"));
        boolean refreshOver = Boolean.FALSE.equals(request.getValue("refreshing"));
        Object pinned = request.getValue("pinned");
        if (pinned != null && !(pinned instanceof Boolean)) {
            return Future.failedFuture(BusError.badRequest("bad_request", "pinned must be true or false",
                    "{\"pinned\": true} keeps the board on its file's version when the file is uploaded again"));
        }
        return change(tenant, request.getString("board_id"), board -> {
            Board next = name == null ? board : board.named(name, now());
            next = pinned == null ? next : next.withPinned((Boolean) pinned, now());
            next = generationOver ? next.generated(now()) : next;
            return Future.succeededFuture(refreshOver ? next.refreshed(now()) : next);
        }).map(Board::toJson);
    }

    /**
     * Moves a board to {@code file_id} (the re-upload of its file), marked {@code refreshing}: written under the new
     * file, its index entry pointed there, then removed from the old file, all under the board's lock.
     */
    private Future<JsonObject> move(String tenant, JsonObject request) {
        String boardId = request.getString("board_id");
        String fileId = request.getString("file_id");
        return fileExists(tenant, fileId).compose(v -> find(tenant, boardId)).compose(found -> vertx.sharedData()
                .getLockWithTimeout("ds.board." + tenant + "." + boardId, LOCK_TIMEOUT_MS)
                .compose(lock -> read(Keys.board(tenant, found.fileId(), boardId))
                        .compose(board -> {
                            Board moved = board.movedTo(fileId, now());
                            return store.put(Keys.board(tenant, fileId, boardId), moved.toJson().toBuffer())
                                    .compose(w -> store.put(Keys.boardIndex(tenant, boardId),
                                            new JsonObject().put("board_id", boardId).put("file_id", fileId).toBuffer()))
                                    .compose(w -> board.fileId().equals(fileId) ? Future.succeededFuture()
                                            : store.deletePrefix(Keys.board(tenant, board.fileId(), boardId)))
                                    .map(w -> moved.toJson());
                        })
                        .onComplete(done -> lock.release())));
    }

    private Future<JsonObject> delete(String tenant, JsonObject request) {
        String boardId = request.getString("board_id");
        return find(tenant, boardId)
                .compose(board -> store.deletePrefix(Keys.board(tenant, board.fileId(), boardId)))
                .compose(v -> store.deletePrefix(Keys.boardIndex(tenant, boardId)))
                .map(v -> new JsonObject().put("board_id", boardId).put("deleted", true));
    }

    /** Adds the answered question {@code question} (a {@link QuestionRecord} of the board's file) as a tile. */
    private Future<JsonObject> pin(String tenant, JsonObject request) {
        QuestionRecord question = QuestionRecord.fromJson(request.getJsonObject("question", new JsonObject()));
        Object rawTitle = request.getValue("title");
        String title = rawTitle == null ? question.question() : name(rawTitle);
        if (title == null) {
            return Future.failedFuture(BusError.badRequest("bad_request", "title must be a string of 1 to " + MAX_NAME + " characters", null));
        }
        return change(tenant, request.getString("board_id"), board -> {
            if (!board.fileId().equals(question.fileId())) {
                return Future.failedFuture(BusError.badRequest("other_file", "question " + question.questionId()
                        + " is about another file than board " + board.boardId(), "pin a question of file " + board.fileId()));
            }
            if (board.tiles().size() >= Board.MAX_TILES) {
                return Future.failedFuture(new BusError(409, "board_full", "board " + board.boardId() + " already holds "
                        + Board.MAX_TILES + " tiles", "remove a tile, or pin to another board"));
            }
            String now = now();
            return Future.succeededFuture(board.withTile(new Board.Tile(newId("t_"), title, question.question(),
                    question.questionId(), question.plan(), now, null, question.reply()), now));
        }).map(Board::toJson);
    }

    private Future<JsonObject> refresh(String tenant, JsonObject request) {
        String tileId = request.getString("tile_id");
        JsonObject result = request.getJsonObject("result");
        return change(tenant, request.getString("board_id"), board -> {
            Board.Tile tile = board.tile(tileId);
            if (tile == null) {
                return Future.failedFuture(tileNotFound(tileId));
            }
            String now = now();
            return Future.succeededFuture(board.replacing(new Board.Tile(tile.tileId(), tile.title(), tile.question(),
                    tile.questionId(), tile.plan(), tile.pinnedAt(), now, result), now));
        }).map(board -> Json.toJson(board.tile(tileId)));
    }

    private Future<JsonObject> unpin(String tenant, JsonObject request) {
        String tileId = request.getString("tile_id");
        return change(tenant, request.getString("board_id"), board -> board.tile(tileId) == null
                ? Future.failedFuture(tileNotFound(tileId)) : Future.succeededFuture(board.without(tileId, now())))
                .map(Board::toJson);
    }

    /** Changes a board under its lock and writes what {@code change} makes of it; answers the board written. */
    private Future<Board> change(String tenant, String boardId, Function<Board, Future<Board>> change) {
        return find(tenant, boardId).compose(found -> vertx.sharedData()
                .getLockWithTimeout("ds.board." + tenant + "." + boardId, LOCK_TIMEOUT_MS)
                .compose(lock -> read(Keys.board(tenant, found.fileId(), boardId))
                        .compose(change)
                        .compose(next -> store.put(Keys.board(tenant, next.fileId(), boardId), next.toJson().toBuffer()).map(next))
                        .onComplete(done -> lock.release())));
    }

    private Future<Board> find(String tenant, String boardId) {
        if (!Keys.safeId(boardId)) {
            return Future.failedFuture(boardNotFound(boardId));
        }
        return store.get(Keys.boardIndex(tenant, boardId))
                .map(index -> index.toJsonObject().getString("file_id"))
                .compose(fileId -> read(Keys.board(tenant, fileId, boardId)))
                .recover(e -> Future.failedFuture(e instanceof ObjectStore.NoSuchKeyException ? boardNotFound(boardId) : e));
    }

    private Future<Void> fileExists(String tenant, String fileId) {
        BusError unknown = BusError.notFound("file", String.valueOf(fileId), "list your files with GET /files");
        if (!Keys.safeId(fileId)) {
            return Future.failedFuture(unknown);
        }
        return store.exists(Keys.manifest(tenant, fileId)).compose(exists -> exists ? Future.succeededFuture() : Future.failedFuture(unknown));
    }

    private Future<Board> read(String key) {
        return store.get(key).map(Buffer::toJsonObject).map(Board::fromJson);
    }

    /** A board or tile name: a string of 1 to 80 characters once trimmed, else null. */
    private static String name(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        String trimmed = s.strip();
        return trimmed.isEmpty() || trimmed.length() > MAX_NAME ? null : trimmed;
    }

    private static BusError badName() {
        return BusError.badRequest("bad_request", "name must be a string of 1 to " + MAX_NAME + " characters",
                "{\"name\": \"Sales overview\"}");
    }

    private static BusError boardNotFound(String boardId) {
        return BusError.notFound("board", String.valueOf(boardId), BOARD_HINT);
    }

    private static BusError tileNotFound(String tileId) {
        return BusError.notFound("tile", String.valueOf(tileId), "a board's tiles are listed by GET /boards/{board_id}");
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static String newId(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
