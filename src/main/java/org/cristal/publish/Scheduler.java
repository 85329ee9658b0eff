// PLACEHOLDER until i6-core merges
package org.cristal.publish;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Sends due entries while an application is open (placeholder: polls every minute and on wake). */
public final class Scheduler implements AutoCloseable {
    private final Publisher publisher;
    private final ScheduledExecutorService executor;
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private ScheduledFuture<?> tick;

    public Scheduler(Publisher publisher, ScheduledExecutorService executor) {
        this.publisher = publisher;
        this.executor = executor;
    }

    public void start() {
        tick = executor.scheduleWithFixedDelay(this::run, 0, 1, TimeUnit.MINUTES);
    }

    public void wake() {
        if (!closed) {
            executor.execute(this::run);
        }
    }

    public void addListener(Consumer<Outcome> listener) {
        listeners.add(listener);
    }

    private void run() {
        if (closed) {
            return;
        }
        try {
            for (Outcome o : publisher.sendDue((id, f, m) -> { }, () -> closed)) {
                listeners.forEach(l -> l.accept(o));
            }
        } catch (RuntimeException e) {
            System.getLogger(Scheduler.class.getName()).log(System.Logger.Level.WARNING, "scheduler", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
    }
}
