package datasense.verticles.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import datasense.agent.Plan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A named board of one file: answers pinned as tiles, kept so a person can reopen them (after a restart too) and
 * re-run each one. It is the reply of {@code ds.boards.get}, the body of {@code GET /boards/{id}} and the store's
 * {@code {tenant}/uploads/{file}/boards/{board_id}.json}. A tile keeps the question and its recorded plan (so a
 * re-run reproduces the answer rather than re-reading the words) and the last answer computed for it.
 *
 * @param generated  true for the board made from the file's profile when it was uploaded
 * @param generating true while that board's tiles are still being asked; null once done
 * @param refreshing true while its tiles are being re-run on a re-upload of its file (README, Boards); null once done
 * @param pinned     true when the board stays on its file's version: a re-upload of the file (a new version) does not
 *                   take it along (README, Versions and drift); null otherwise
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Board(String boardId, String fileId, String name, Boolean generated, Boolean generating,
                    Boolean refreshing, Boolean pinned, String createdAt, String updatedAt, List<Tile> tiles) {

    /** The most tiles a board holds. */
    public static final int MAX_TILES = 24;

    public Board {
        tiles = tiles == null ? List.of() : List.copyOf(tiles);
    }

    /**
     * One pinned answer.
     *
     * @param questionId  the question it was pinned from
     * @param result      the /ask body of its last run (links unsigned, as stored)
     * @param refreshedAt when {@code result} was computed by a re-run; null while it is the pinned answer
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tile(String tileId, String title, String question, String questionId, Plan plan, String pinnedAt,
                       String refreshedAt, JsonObject result) {
    }

    /** The tile of {@code tileId}, or null. */
    public Tile tile(String tileId) {
        return tiles.stream().filter(t -> t.tileId().equals(tileId)).findFirst().orElse(null);
    }

    public Board withTiles(List<Tile> next, String now) {
        return new Board(boardId, fileId, name, generated, generating, refreshing, pinned, createdAt, now, next);
    }

    public Board withTile(Tile tile, String now) {
        List<Tile> next = new ArrayList<>(tiles);
        next.add(tile);
        return withTiles(next, now);
    }

    /** {@code tile} in place of the tile of the same id. */
    public Board replacing(Tile tile, String now) {
        return withTiles(tiles.stream().map(t -> t.tileId().equals(tile.tileId()) ? tile : t).toList(), now);
    }

    public Board without(String tileId, String now) {
        return withTiles(tiles.stream().filter(t -> !t.tileId().equals(tileId)).toList(), now);
    }

    public Board named(String newName, String now) {
        return new Board(boardId, fileId, newName, generated, generating, refreshing, pinned, createdAt, now, tiles);
    }

    public Board generated(String now) {
        return new Board(boardId, fileId, name, generated, null, refreshing, pinned, createdAt, now, tiles);
    }

    /** This board moved to {@code newFileId} (a re-upload of its file), its tiles about to be re-run there. */
    public Board movedTo(String newFileId, String now) {
        return new Board(boardId, newFileId, name, generated, generating, true, pinned, createdAt, now, tiles);
    }

    public Board refreshed(String now) {
        return new Board(boardId, fileId, name, generated, generating, null, pinned, createdAt, now, tiles);
    }

    /** This board pinned to its file's version ({@code true}), or following the newest version again. */
    public Board withPinned(boolean pin, String now) {
        return new Board(boardId, fileId, name, generated, generating, refreshing, pin ? true : null, createdAt, now, tiles);
    }

    /** What a file's board list shows of it: no tiles, their count and titles. */
    public JsonObject summary() {
        JsonObject json = toJson();
        json.remove("tiles");
        return json.put("tile_count", tiles.size())
                .put("tile_titles", new JsonArray(tiles.stream().map(Tile::title).toList()));
    }

    public JsonObject toJson() {
        return Json.toJson(this);
    }

    public static Board fromJson(JsonObject json) {
        return Json.fromJson(json, Board.class);
    }
}
