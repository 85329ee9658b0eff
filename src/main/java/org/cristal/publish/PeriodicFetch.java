package org.cristal.publish;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads results back in the studio's background: a round every {@link #EVERY} while a workspace is open
 * (each round asks only what is due, so most rounds ask nothing), and at once on {@link #fetchNow()} (the
 * "Fetch results now" menu item). One round at a time, on the executor's thread, never the FX thread;
 * {@link #close()} stops the rounds and the one under way between two accounts. The same shape as the
 * unsubscribe mailboxes' {@link org.cristal.publish.audience.PeriodicSync}.
 */
public final class PeriodicFetch implements AutoCloseable {
    public static final Duration EVERY = Duration.ofMinutes(15);
    private static final System.Logger LOG = System.getLogger(PeriodicFetch.class.getName());

    /** What one round did, and whether the user asked for it (the studio says so only then). */
    public record Done(ResultsFetcher.Round round, boolean asked) {
    }

    private final ResultsFetcher fetcher;
    private final ScheduledExecutorService executor;
    private final Duration every;
    private final List<Consumer<Done>> listeners = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> next;
    private volatile boolean closed;

    public PeriodicFetch(ResultsFetcher fetcher, ScheduledExecutorService executor, Duration every) {
        this.fetcher = Objects.requireNonNull(fetcher);
        this.executor = Objects.requireNonNull(executor);
        this.every = Objects.requireNonNull(every);
    }

    public synchronized void start() {
        if (!closed && next == null) {
            // A first round a little after opening: the workspace's own work (search, previews) comes first.
            next = executor.scheduleWithFixedDelay(() -> round(false), Math.min(every.toMillis(), 30_000),
                    every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads now (on the executor), setting the pace aside; a service's wait still holds. */
    public void fetchNow() {
        if (!closed) {
            executor.execute(() -> round(true));
        }
    }

    public void addListener(Consumer<Done> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void round(boolean asked) {
        if (closed) {
            return;
        }
        Done done;
        try {
            done = new Done(fetcher.fetch(null, asked, ResultsFetcher.Progress.NONE, () -> closed), asked);
        } catch (RuntimeException | LinkageError e) {
            // A closed or busy workspace: the next round tries again; the rounds must not stop.
            LOG.log(System.Logger.Level.WARNING, "reading results failed: {0}", e.getClass().getSimpleName());
            return;
        }
        for (Consumer<Done> l : listeners) {
            try {
                l.accept(done);
            } catch (RuntimeException e) {
                // A listener's bug must not stop the rounds.
            }
        }
    }
}
