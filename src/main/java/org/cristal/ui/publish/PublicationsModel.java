package org.cristal.ui.publish;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.OutboxEntry;
import org.cristal.library.Workspace;
import org.cristal.ui.model.Workers;

/** A story's publications, newest first: where and when it went, or why not, with retry and cancel. */
public final class PublicationsModel {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final Runnable wakeScheduler;
    private final ZoneId zone;
    private final ObservableList<OutboxEntry> entries = FXCollections.observableArrayList();
    private String storyId = "";

    PublicationsModel(Workers workers, Supplier<Workspace> workspace, Runnable wakeScheduler, ZoneId zone) {
        this.workers = workers;
        this.workspace = workspace;
        this.wakeScheduler = wakeScheduler;
        this.zone = zone;
    }

    public ObservableList<OutboxEntry> entries() {
        return entries;
    }

    public CompletableFuture<Void> load(String story) {
        storyId = story;
        // A scenario's steps to single contacts are followed in the scenario screen, not listed here one by one.
        return onIo(ws -> ws.outbox().forStory(story).stream()
                .filter(e -> !e.isScenarioStep()).toList()).thenAccept(entries::setAll);
    }

    /** Puts a failed or pending entry back in the queue for now; the scheduler sends it. */
    public CompletableFuture<Void> retryNow(OutboxEntry e) {
        return onIo(ws -> ws.outbox().reschedule(e.id(), Instant.now(), zone)).thenCompose(ok -> {
            wakeScheduler.run();
            return load(storyId);
        });
    }

    public CompletableFuture<Void> cancel(OutboxEntry e) {
        return onIo(ws -> ws.outbox().cancel(e.id())).thenCompose(ok -> load(storyId));
    }

    private <T> CompletableFuture<T> onIo(Function<Workspace, T> work) {
        return workers.onWorkspace("reading or changing publications", () -> work.apply(workspace.get()));
    }

}
