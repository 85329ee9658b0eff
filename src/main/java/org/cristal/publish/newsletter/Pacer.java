package org.cristal.publish.newsletter;

import java.time.Clock;
import java.time.Duration;
import org.cristal.publish.spi.PublishContext;
import org.cristal.publish.spi.PublishException;

/**
 * Spaces sends evenly to stay under a rate per minute: the n-th message leaves no earlier than
 * {@code start + n × 60 s / rate}. An even pace rather than a bucket of bursts, because sending services
 * count per minute and also frown on bursts. Waits in short slices so a cancel is honoured at once.
 */
final class Pacer {
    /** How the pacer waits; the real one sleeps, a test's one moves its clock. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    static final Sleeper REAL = d -> Thread.sleep(Math.max(1, d.toMillis()));
    private static final long SLICE_NANOS = Duration.ofMillis(200).toNanos();

    private final long intervalNanos;
    private final Clock clock;
    private final Sleeper sleeper;
    private long next = Long.MIN_VALUE;

    /** @param perMinute messages per minute; 0 or less for no limit */
    Pacer(int perMinute, Clock clock, Sleeper sleeper) {
        this.intervalNanos = perMinute <= 0 ? 0 : Duration.ofMinutes(1).toNanos() / perMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the next message may leave; throws if the user cancels meanwhile. */
    void awaitTurn(PublishContext context) throws PublishException {
        if (intervalNanos == 0) {
            return;
        }
        long now = nanos();
        if (next == Long.MIN_VALUE) {
            next = now;
        }
        while (now < next) {
            context.checkCancelled();
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(SLICE_NANOS, next - now)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PublishException.cancelled();
            }
            now = nanos();
        }
        // After a long pause (a reconnection) the pace restarts from now instead of catching up in a burst.
        next = Math.max(next, now) + intervalNanos;
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
