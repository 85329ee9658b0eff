package org.cristal.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends queued publications when they fall due while the studio is open: at start it recovers interrupted
 * entries and sends what is due, then sleeps until the outbox's next due time, waking at least every minute
 * (a `cristal publish due` under cron may have changed the queue) and whenever {@link #wake()} is called.
 * One round at a time, on the executor's thread; nothing here blocks the caller.
 *
 * <p>{@link #close()} stops scheduling; a send under way finishes (or, if the JVM exits first, is recovered
 * at the next start: that is the crash path, and it is safe).
 */
public final class Scheduler implements AutoCloseable {
    static final Duration MAX_SLEEP = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

    private final Publisher publisher;
    private final ScheduledExecutorService executor;
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private ScheduledFuture<?> next;
    /** A wake() came while a round ran: its end must not put the look-again off (guarded by this). */
    private boolean wakeAsked;

    public Scheduler(Publisher publisher, ScheduledExecutorService executor) {
        this.publisher = Objects.requireNonNull(publisher);
        this.executor = Objects.requireNonNull(executor);
    }

    /** Recovers, sends what is due, then keeps watching the outbox. */
    public void start() {
        schedule(Duration.ZERO);
    }

    /** An entry was queued or rescheduled: look again now. */
    public synchronized void wake() {
        wakeAsked = true;
        schedule(Duration.ZERO);
    }

    /** Called on the scheduler's thread after each attempt or recovery. */
    public void addListener(Consumer<Outcome> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::round, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void round() {
        if (closed || !running.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            wakeAsked = false;
        }
        try {
            publisher.recover().forEach(this::tell);
            // Scenario steps that fell due become entries (or are held) before the due entries are read.
            publisher.advanceScenarios();
            for (var entry : publisher.workspace().outbox().due(publisher.clock().instant())) {
                if (closed) {
                    break;
                }
                // Not cancelled by close(): closing the studio is not the user withdrawing the post.
                // One entry that breaks is said and the round goes on with the others.
                Outcome o;
                try {
                    o = publisher.send(entry.id(), Progress.NONE, () -> false);
                } catch (RuntimeException | LinkageError e) {
                    o = publisher.broken(entry, e);
                }
                tell(o);
            }
        } catch (RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
            // The workspace was busy or closed, or a plugin broke badly: try again at the next round.
            LOG.log(System.Logger.Level.WARNING, "publishing round stopped; trying again at the next one", e);
        } finally {
            running.set(false);
            // In finally: whatever happened above, the scheduler keeps running for the rest of the session.
            again(sleep());
        }
    }

    /**
     * The sleep was worked out before taking the lock: a wake() in between (a clock moved on, an entry
     * queued) would otherwise be cancelled by this later schedule and wait for the whole sleep.
     */
    private synchronized void again(Duration sleep) {
        schedule(wakeAsked ? Duration.ZERO : sleep);
    }

    private void tell(Outcome o) {
        for (Consumer<Outcome> l : listeners) {
            try {
                l.accept(o);
            } catch (RuntimeException e) {
                // A listener's bug must not stop the publishing.
            }
        }
    }

    private Duration sleep() {
        Instant now = publisher.clock().instant();
        try {
            return publisher.workspace().outbox().nextDue()
                    .map(due -> Duration.between(now, due))
                    .filter(d -> d.compareTo(MAX_SLEEP) < 0)
                    .map(d -> d.isNegative() ? Duration.ZERO : d)
                    .orElse(MAX_SLEEP);
        } catch (RuntimeException e) {
            return MAX_SLEEP;
        }
    }
}
