package org.cristal.ui.model;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
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
 *
 * <p>View models hand work to {@link #onWorkspace} (or {@link #on} for another thread) rather than
 * to the executors: the answer always comes back on the UI thread, failures included, so a dialog
 * waiting on it never waits forever and every failure reaches the log.
 */
public record Workers(Executor fx, ExecutorService io, ExecutorService render, ScheduledExecutorService timer,
        ExecutorService spelling) implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Workers.class.getName());

    public static Workers start(Executor fx) {
        int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new Workers(fx, pool(1, "cristal-library"), pool(Math.min(cores, 4), "cristal-render"),
                Executors.newSingleThreadScheduledExecutor(named("cristal-timer")), pool(1, "cristal-spelling"));
    }

    /**
     * Runs {@code work} on the workspace thread. The answer completes on the UI thread with its result,
     * or with its failure (logged here, under {@code what}: a few technical words, nothing personal);
     * it always completes. Turn a failure into a sentence with {@link Problems#describe}.
     */
    public <T> CompletableFuture<T> onWorkspace(String what, Callable<T> work) {
        return on(io, what, work);
    }

    /** The same, once {@code first} (a save, say) has finished, however it ended: the workspace keeps their order. */
    public <T> CompletableFuture<T> onWorkspace(CompletableFuture<?> first, String what, Callable<T> work) {
        return first.handle((x, t) -> null).thenCompose(x -> on(io, what, work));
    }

    /** Runs {@code work} on {@code where} (the render threads, a network pool); answers as {@link #onWorkspace}. */
    public <T> CompletableFuture<T> on(Executor where, String what, Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        if (where instanceof ExecutorService service && service.isShutdown()) {
            // The studio is closing: nobody is left to show a result, but a waiter must not wait.
            answer.completeExceptionally(new CancellationException(what));
            return answer;
        }
        where.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                Throwable cause = unwrap(e);
                if (!(cause instanceof CancellationException)) {
                    LOG.log(System.Logger.Level.WARNING, what + " failed", cause);
                }
                fx.execute(() -> answer.completeExceptionally(cause));
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                return;
            }
            fx.execute(() -> answer.complete(result));
        });
        return answer;
    }

    /** The failure itself, out of the wrappers futures put around it. */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
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
