package org.cristal.ui.model;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once things have been quiet for a while: each poke restarts the wait. With a maximum
 * wait, a steady stream of pokes cannot put the action off longer than that: it runs at least once per
 * period while the pokes go on (autosave during continuous typing).
 */
public final class Debouncer {
    private final ScheduledExecutorService timer;
    private final long delayNanos;
    private final long maxWaitNanos;
    private final Executor target;
    private final Runnable action;
    private ScheduledFuture<?> pending;
    /** When the first poke not yet acted on came; meaningful while {@code pending} is set. */
    private long burstStart;
    /** Tells a firing that was overtaken by a newer poke from the current one. */
    private long sequence;

    public Debouncer(ScheduledExecutorService timer, Duration delay, Executor target, Runnable action) {
        this(timer, delay, null, target, action);
    }

    /** {@code maxWait} null: no maximum, only the pause counts. */
    public Debouncer(ScheduledExecutorService timer, Duration delay, Duration maxWait, Executor target, Runnable action) {
        this.timer = timer;
        this.delayNanos = delay.toNanos();
        this.maxWaitNanos = maxWait == null ? Long.MAX_VALUE : maxWait.toNanos();
        this.target = target;
        this.action = action;
    }

    public synchronized void poke() {
        long now = System.nanoTime();
        if (pending == null) {
            burstStart = now;
        } else {
            pending.cancel(false);
        }
        long waited = now - burstStart;
        long wait = Math.max(0, Math.min(delayNanos, maxWaitNanos - waited));
        long mine = ++sequence;
        try {
            pending = timer.schedule(() -> fire(mine), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the caller flushes what matters itself.
            pending = null;
        }
    }

    private void fire(long mine) {
        synchronized (this) {
            if (mine != sequence) {
                return;
            }
            pending = null;
        }
        target.execute(action);
    }

    public synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        sequence++;
    }
}
