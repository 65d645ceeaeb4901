package datasense.verticles.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A repeatable request is sent again when it went unanswered, waits (within its timeout) for a handler to appear,
 * and is never sent again when its handler refused it.
 */
class RetryTest {

    private final Vertx vertx = Vertx.vertx();
    private final DeliveryOptions quick = new DeliveryOptions().setSendTimeout(200);

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void anUnansweredRequestIsSentOnceMore() {
        AtomicInteger seen = new AtomicInteger();
        vertx.eventBus().<String>consumer("t.lossy", m -> {
            if (seen.incrementAndGet() > 1) {
                m.reply("second try");
            } // the first request is dropped, as by a node that died holding it
        }).completion().await();
        assertThat(Retry.<String>idempotent(vertx, "t.lossy", "x", quick).await().body()).isEqualTo("second try");
        assertThat(seen.get()).isEqualTo(2);
    }

    @Test
    void aRefusalIsFinalAndAThirdTryIsNeverMade() {
        AtomicInteger refused = new AtomicInteger();
        vertx.eventBus().consumer("t.refuses", m -> {
            refused.incrementAndGet();
            m.fail(400, "bad request");
        }).completion().await();
        assertThatThrownBy(() -> Retry.idempotent(vertx, "t.refuses", "x", quick).await())
                .isInstanceOf(ReplyException.class);
        assertThat(refused.get()).isEqualTo(1);

        AtomicInteger silent = new AtomicInteger();
        vertx.eventBus().consumer("t.silent", m -> silent.incrementAndGet()).completion().await();
        assertThatThrownBy(() -> Retry.idempotent(vertx, "t.silent", "x", quick).await())
                .isInstanceOf(ReplyException.class);
        assertThat(silent.get()).isEqualTo(2);
    }

    @Test
    void aRequestWithNoHandlerYetWaitsForOneWithinItsTimeout() {
        DeliveryOptions patient = new DeliveryOptions().setSendTimeout(5_000);
        long start = System.nanoTime();
        // the writer's node comes back 600 ms after the request was made (a restart, a split healing)
        vertx.setTimer(600, t -> vertx.eventBus().<String>consumer("t.later", m -> m.reply("written")));
        assertThat(Retry.<String>idempotent(vertx, "t.later", "x", patient, 5_000).await().body()).isEqualTo("written");
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(600L, 4_000L);
    }

    @Test
    void aRequestThatNeverFindsAHandlerFailsOnceItsTimeoutIsSpent() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Retry.idempotent(vertx, "t.nobody", "x", new DeliveryOptions().setSendTimeout(700), 700).await())
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));
        // the wait ends at its deadline: not before, and not a whole pause after
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(700L, 1_500L);
    }

    @Test
    void aSingleNodeWaitsForNoHandlerOfItsOwn() {
        // not clustered: a missing handler is a verticle not deployed, or stopping (a node closing drains its jobs)
        long start = System.nanoTime();
        assertThatThrownBy(() -> Retry.idempotent(vertx, "t.nobody", "x", new DeliveryOptions().setSendTimeout(5_000)).await())
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L);
        assertThat(BusTimeouts.handlerWaitMs(vertx)).isZero();
    }

    @Test
    void aCallThatMustNotRunTwiceWaitsForAHandlerButIsNeverSentAgainOnceOneTookIt() {
        vertx.setTimer(400, t -> vertx.eventBus().<String>consumer("t.worker.later", m -> m.reply("ran")));
        assertThat(Retry.<String>whenHandled(vertx, "t.worker.later", "x", quick, 3_000).await().body()).isEqualTo("ran");

        AtomicInteger taken = new AtomicInteger();
        vertx.eventBus().consumer("t.worker.silent", m -> taken.incrementAndGet()).completion().await();
        assertThatThrownBy(() -> Retry.whenHandled(vertx, "t.worker.silent", "x", quick, 3_000).await())
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.TIMEOUT));
        assertThat(taken.get()).as("a timed-out call is not sent again").isEqualTo(1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> Retry.whenHandled(vertx, "t.worker.none", "x", quick, 800).await())
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.failureType()).isEqualTo(ReplyFailure.NO_HANDLERS));
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(800L, 1_600L);
    }
}
