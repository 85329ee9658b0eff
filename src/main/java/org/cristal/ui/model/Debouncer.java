package org.cristal.ui.model;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs an action once things have been quiet for a while: each poke restarts the wait. */
final class Debouncer {
    private final ScheduledExecutorService timer;
    private final long delayMillis;
    private final Executor target;
    private final Runnable action;
    private ScheduledFuture<?> pending;

    Debouncer(ScheduledExecutorService timer, Duration delay, Executor target, Runnable action) {
        this.timer = timer;
        this.delayMillis = delay.toMillis();
        this.target = target;
        this.action = action;
    }

    synchronized void poke() {
        cancel();
        try {
            pending = timer.schedule(() -> target.execute(action), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the caller flushes what matters itself.
            pending = null;
        }
    }

    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

}
