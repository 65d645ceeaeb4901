package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The frames a live test client received, in order, with bounded waits for the next ones. */
public final class LiveFrames {

    private final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    /** Every frame taken so far, so a test can look back at all it saw. */
    public final List<JsonObject> seen = new ArrayList<>();

    void add(JsonObject frame) {
        queue.add(frame);
    }

    /** The next frame; fails after 30 s. */
    public JsonObject next() throws InterruptedException {
        JsonObject frame = queue.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s (after " + seen + ")").isNotNull();
        seen.add(frame);
        return frame;
    }

    /** The frames up to and including the first that matches {@code last}; fails after 60 s. */
    public List<JsonObject> until(Predicate<JsonObject> last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<JsonObject> frames = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            JsonObject frame = next();
            frames.add(frame);
            if (last.test(frame)) {
                return frames;
            }
        }
        throw new AssertionError("no frame matched within 60 s: " + frames);
    }
}
