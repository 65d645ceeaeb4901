package datasense.verticles.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-memory budget (no Redis): per tenant, and the day is the UTC day, so it ends at 00:00 UTC wherever the node is. */
class TokenBudgetTest {

    /** A clock the test moves; its zone is not UTC, to show the budget's day is UTC's anyway. */
    private static final class MovingClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("America/Los_Angeles");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void aTenantsBudgetIsSpentAtItsFigureAndRenewedAtMidnightUtc() {
        MovingClock clock = new MovingClock();
        clock.now.set(Instant.parse("2026-12-05T23:59:00Z"));
        TokenBudget budget = new TokenBudget(500, null, clock);

        budget.add("acme", 333);
        assertThat(budget.spent("acme").result()).isFalse();
        budget.add("acme", 333);
        assertThat(budget.spent("acme").result()).isTrue();
        assertThat(budget.spent("globex").result()).as("another tenant's budget is its own").isFalse();

        clock.now.set(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(budget.spent("acme").result()).as("a new UTC day").isFalse();
        budget.add("acme", 499);
        assertThat(budget.spent("acme").result()).isFalse();
    }

    @Test
    void noFigureIsNoLimit() {
        TokenBudget budget = new TokenBudget(0, null, Clock.systemUTC());
        budget.add("acme", 1_000_000);
        assertThat(budget.spent("acme").result()).isFalse();
    }
}
