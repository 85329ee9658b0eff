package org.cristal.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a transient failure again: 1 min, 2, 4 … doubling up to 1 h, plus up to 10 % jitter so many
 * entries failed by one outage do not all come back in the same second; never sooner than the service's
 * Retry-After.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MAX = Duration.ofHours(1);
    /** Attempts before an entry fails for good: about 11 hours of trying. */
    static final int MAX_ATTEMPTS = 16;

    private final DoubleSupplier random;

    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    Duration after(int attempt, Duration retryAfter) {
        long seconds = FIRST.getSeconds() << Math.min(Math.max(attempt - 1, 0), 12);
        seconds = Math.min(seconds, MAX.getSeconds());
        Duration base = Duration.ofSeconds(seconds);
        Duration wait = base.plusMillis((long) (base.toMillis() * 0.1 * random.getAsDouble()));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
