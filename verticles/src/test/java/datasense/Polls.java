package datasense;

import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Bounded polls of a node's state: each waits at most its deadline, looking every 50 ms. */
final class Polls {

    private Polls() {
    }

    /** The job once it is no longer running (its last status after 60 s otherwise). */
    static JsonObject job(Caller caller, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject job = caller.get("/jobs/" + jobId).bodyAsJsonObject();
        while ("running".equals(job.getString("status")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = caller.get("/jobs/" + jobId).bodyAsJsonObject();
        }
        return job;
    }

    /** The board once it is no longer being generated nor refreshed (its last state after 60 s otherwise). */
    static JsonObject board(Caller caller, String boardId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject board = caller.get("/boards/" + boardId).bodyAsJsonObject();
        while ((Boolean.TRUE.equals(board.getBoolean("generating")) || Boolean.TRUE.equals(board.getBoolean("refreshing")))
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            board = caller.get("/boards/" + boardId).bodyAsJsonObject();
        }
        return board;
    }

    /** What {@code read} gives once {@code done} holds of it (its last value after 30 s otherwise). */
    static <T> T until(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }
}
