package org.cristal.ui.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the studio. {@code fx} runs code on the UI thread (Platform::runLater in the app,
 * a direct call in tests); {@code io} is the one thread that talks to the workspace file, so saves
 * keep their order; {@code render} turns stories into renditions; {@code timer} debounces;
 * {@code spelling} is the one thread that runs LanguageTool (its checkers are not thread-safe, and a
 * slow first load must not hold up the renders).
 */
public record Workers(Executor fx, ExecutorService io, ExecutorService render, ScheduledExecutorService timer,
        ExecutorService spelling) implements AutoCloseable {

    public static Workers start(Executor fx) {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new Workers(fx, pool(1, "cristal-library"), pool(Math.min(cores, 4), "cristal-render"),
                Executors.newSingleThreadScheduledExecutor(named("cristal-timer")), pool(1, "cristal-spelling"));
    }

    /** Work handed in while the studio shuts down is dropped, not thrown at whoever handed it. */
    private static ExecutorService pool(int threads, String name) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                named(name), new ThreadPoolExecutor.DiscardPolicy());
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Lets the workspace thread finish what it has (a last save), then stops everything. */
    @Override
    public void close() {
        timer.shutdownNow();
        render.shutdownNow();
        spelling.shutdownNow();
        io.shutdown();
        try {
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
