package org.cristal.publish.audience;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads the unsubscribe mailboxes in the studio's background, every {@link #EVERY} while the studio is open
 * and a mailbox is configured, and at once on {@link #syncNow()} (the studio's button). One sync at a time,
 * on the executor's thread; listeners hear what each did (a report, or the failure in words).
 */
public final class PeriodicSync implements AutoCloseable {
    public static final Duration EVERY = Duration.ofMinutes(15);
    private static final System.Logger LOG = System.getLogger(PeriodicSync.class.getName());

    /** What one background sync did: a report, or why it failed (then {@code report} is what was applied). */
    public record Result(SyncReport report, SyncException failure) {
    }

    private final Supplier<UnsubscribeSync> sync;
    private final ScheduledExecutorService executor;
    private final Duration every;
    private final List<Consumer<Result>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> next;
    private boolean closed;

    /**
     * @param sync a fresh sync over the open workspace and the user's secret store (asked each time, so a
     *             store unlocked later is used)
     */
    public PeriodicSync(Supplier<UnsubscribeSync> sync, ScheduledExecutorService executor, Duration every) {
        this.sync = Objects.requireNonNull(sync);
        this.executor = Objects.requireNonNull(executor);
        this.every = Objects.requireNonNull(every);
    }

    public synchronized void start() {
        if (!closed && next == null) {
            next = executor.scheduleWithFixedDelay(this::round, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads the mailboxes now (on the executor), whatever the period. */
    public void syncNow() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        executor.execute(this::round);
    }

    public void addListener(Consumer<Result> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void round() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        Result result;
        try {
            UnsubscribeSync s = sync.get();
            if (s.accounts().isEmpty()) {
                return;
            }
            result = new Result(s.allMailboxes(), null);
        } catch (SyncException e) {
            LOG.log(System.Logger.Level.INFO, "unsubscribe sync failed: {0}", e.getMessage());
            result = new Result(e.partial(), e);
        } catch (RuntimeException e) {
            // A closed or locked workspace: the next round tries again; the scheduler must not die.
            LOG.log(System.Logger.Level.WARNING, "unsubscribe sync failed: {0}", e.getClass().getSimpleName());
            return;
        }
        for (Consumer<Result> l : listeners) {
            l.accept(result);
        }
    }
}
