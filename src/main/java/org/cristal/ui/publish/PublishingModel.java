package org.cristal.ui.publish;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cristal.library.Workspace;
import org.cristal.publish.Outcome;
import org.cristal.publish.PeriodicFetch;
import org.cristal.publish.Publisher;
import org.cristal.publish.ResultsFetcher;
import org.cristal.publish.Scheduler;
import org.cristal.publish.audience.PeriodicSync;
import org.cristal.publish.audience.UnsubscribeSync;
import org.cristal.ui.model.Workers;

/**
 * The studio's publishing: the screens' models, a thread for talking to services (never the workspace
 * thread, which must stay free for saves), and a {@link Scheduler} running while a workspace is open.
 */
public final class PublishingModel implements AutoCloseable {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final Publishing publishing;
    private final ResourceBundle text;
    private final Locale locale;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ExecutorService network = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cristal-publish");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService schedulerThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cristal-scheduler");
        t.setDaemon(true);
        return t;
    });
    // Its own thread: a mailbox that is slow to answer must not hold up a publication that is due.
    private final ScheduledExecutorService unsubscribesThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cristal-unsubscribes");
        t.setDaemon(true);
        return t;
    });
    // Its own thread too: a service slow to give its counts must hold up neither publishing nor unsubscribes.
    private final ScheduledExecutorService resultsThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cristal-results");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<Outcome>> outcomeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PeriodicSync.Result>> unsubscribeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> publishedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PeriodicFetch.Done>> resultsListeners = new CopyOnWriteArrayList<>();
    private final ChannelsModel channels;
    private volatile Scheduler scheduler;
    private volatile PeriodicSync unsubscribes;
    private volatile PeriodicFetch results;
    private volatile Publisher publisher;

    public PublishingModel(Workers workers, Supplier<Workspace> workspace, Publishing publishing, ResourceBundle text,
            Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.publishing = publishing;
        this.text = text;
        this.locale = locale;
        this.channels = new ChannelsModel(workers, network, workspace, publishing, text, locale);
    }

    public Publishing publishing() {
        return publishing;
    }

    public ChannelsModel channels() {
        return channels;
    }

    /** A fresh "publish everywhere" for one story. */
    public PublishModel publishDialog() {
        return new PublishModel(workers, network, this::publisher, workspace, this::wake, this::storyPublished, text,
                locale, zone);
    }

    public CalendarModel calendar() {
        CalendarModel calendar = new CalendarModel(workers, workspace, this::wake,
                CalendarModel.withRegion(locale, Locale.getDefault(Locale.Category.FORMAT)), zone, LocalDate.now(zone));
        calendar.usePlugins(id -> publishing.plugins(workspace.get()).find(id));
        return calendar;
    }

    public PublicationsModel publications() {
        return new PublicationsModel(workers, workspace, this::wake, zone);
    }

    /** The publisher of the open workspace. */
    public Publisher publisher() {
        Publisher p = publisher;
        if (p == null) {
            throw new IllegalStateException("no workspace open");
        }
        return p;
    }

    /** Called on the UI thread with what the scheduler sent (or failed to). */
    public void onOutcome(Consumer<Outcome> listener) {
        outcomeListeners.add(listener);
    }

    /**
     * Called on the UI thread with the id of a story that went live (from "publish everywhere" or the
     * scheduler): its status is now published, and an open editor must take that in.
     */
    public void onStoryPublished(Consumer<String> listener) {
        publishedListeners.add(listener);
    }

    /** Called on the UI thread with what each reading of the unsubscribe mailboxes did (or why it failed). */
    public void onUnsubscribeSync(Consumer<PeriodicSync.Result> listener) {
        unsubscribeListeners.add(listener);
    }

    /** Reads the unsubscribe mailboxes now, in the background (the studio's "sync" button). */
    public void syncUnsubscribesNow() {
        PeriodicSync u = unsubscribes;
        if (u != null) {
            u.syncNow();
        }
    }

    /** Called on the UI thread with what each reading of the results did. */
    public void onResults(Consumer<PeriodicFetch.Done> listener) {
        resultsListeners.add(listener);
    }

    /** Reads the publications' results now, in the background (the "Fetch results now" menu item). */
    public void fetchResultsNow() {
        PeriodicFetch f = results;
        if (f != null) {
            f.fetchNow();
        }
    }

    private void storyPublished(String storyId) {
        publishedListeners.forEach(l -> l.accept(storyId));
    }

    /** Stops the scheduler of the workspace before and starts one on {@code ws}. */
    public void switchTo(Workspace ws) {
        stopScheduler();
        publisher = publishing.publisher(ws);
        Scheduler s = new Scheduler(publisher, schedulerThread);
        s.addListener(o -> workers.fx().execute(() -> {
            outcomeListeners.forEach(l -> l.accept(o));
            if (o.sent()) {
                storyPublished(o.entry().storyId());
            }
        }));
        scheduler = s;
        PeriodicSync u = new PeriodicSync(() -> new UnsubscribeSync(ws, publishing.secrets()), unsubscribesThread,
                PeriodicSync.EVERY);
        u.addListener(r -> workers.fx().execute(() -> unsubscribeListeners.forEach(l -> l.accept(r))));
        unsubscribes = u;
        PeriodicFetch f = new PeriodicFetch(new ResultsFetcher(ws, publishing.plugins(ws), publishing.secrets(),
                publishing.clock(), locale), resultsThread, PeriodicFetch.EVERY);
        f.addListener(d -> workers.fx().execute(() -> resultsListeners.forEach(l -> l.accept(d))));
        results = f;
        if (!ws.readOnly()) {
            // Sending means recording in the outbox, impossible in a read-only workspace; so is keeping counts.
            s.start();
            u.start();
            f.start();
        }
    }

    void wake() {
        Scheduler s = scheduler;
        if (s != null) {
            s.wake();
        }
    }

    private void stopScheduler() {
        PeriodicFetch f = results;
        results = null;
        if (f != null) {
            f.close();
        }
        PeriodicSync u = unsubscribes;
        unsubscribes = null;
        if (u != null) {
            u.close();
        }
        Scheduler s = scheduler;
        scheduler = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        stopScheduler();
        schedulerThread.shutdownNow();
        unsubscribesThread.shutdownNow();
        resultsThread.shutdownNow();
        network.shutdownNow();
    }
}
