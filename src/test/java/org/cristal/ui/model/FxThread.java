package org.cristal.ui.model;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A stand-in for the JavaFX thread in view-model tests: one thread, in order, as the app has. */
public final class FxThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-fx");
        t.setDaemon(true);
        return t;
    });

    public void execute(Runnable r) {
        if (!thread.isShutdown()) {
            thread.execute(r);
        }
    }

    /** Runs on the "UI thread" and waits for the answer. */
    public <T> T call(Callable<T> c) throws Exception {
        return thread.submit(c).get(20, TimeUnit.SECONDS);
    }

    public void run(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Waits until {@code check}, read on the UI thread, holds. */
    public void await(Callable<Boolean> check) throws Exception {
        await(check, 20);
    }

    /** The same, for slower work (loading spelling dictionaries on a busy machine). */
    public void await(Callable<Boolean> check, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!call(check)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not reached in " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
