package org.cristal.ui.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.DiffLine;
import org.cristal.library.RevisionInfo;
import org.cristal.library.Workspace;

/**
 * The history panel: the open story's revisions, newest first, the diff of the selected one
 * against the current text, and restore (which adds a new revision; nothing is rewritten).
 */
public final class HistoryModel {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final EditorModel editor;
    private final ObservableList<RevisionInfo> revisions = FXCollections.observableArrayList();
    private final ObjectProperty<RevisionInfo> selected = new SimpleObjectProperty<>();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();

    public HistoryModel(Workers workers, Supplier<Workspace> workspace, EditorModel editor) {
        this.workers = workers;
        this.workspace = workspace;
        this.editor = editor;
        selected.addListener((o, a, b) -> showDiff(b));
    }

    public ObservableList<RevisionInfo> revisions() {
        return revisions;
    }

    public ObjectProperty<RevisionInfo> selectedProperty() {
        return selected;
    }

    /** Lines of the selected revision against the current text: REMOVED lines are what restore brings back. */
    public ObservableList<DiffLine> diff() {
        return diff;
    }

    /** Saves what is being typed (so "current" is current), then lists the revisions. */
    public CompletableFuture<Void> load() {
        String id = editor.storyId();
        if (id.isEmpty()) {
            revisions.clear();
            diff.clear();
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        editor.saveNow().handle((x, t) -> null).thenRunAsync(() -> {
            List<RevisionInfo> list = new java.util.ArrayList<>(ws.stories().history(id));
            java.util.Collections.reverse(list);
            workers.fx().execute(() -> {
                revisions.setAll(list);
                selected.set(list.size() > 1 ? list.get(1) : list.isEmpty() ? null : list.get(0));
                done.complete(null);
            });
        }, workers.io());
        return done;
    }

    private void showDiff(RevisionInfo revision) {
        String id = editor.storyId();
        if (revision == null || id.isEmpty() || revisions.isEmpty()) {
            diff.clear();
            return;
        }
        int newest = revisions.get(0).number();
        Workspace ws = workspace.get();
        workers.io().execute(() -> {
            List<DiffLine> lines = ws.stories().diff(id, revision.number(), newest);
            workers.fx().execute(() -> {
                if (revision.equals(selected.get())) {
                    diff.setAll(lines);
                }
            });
        });
    }

    /** Restores the selected revision as the newest one and reopens it in the editor. */
    public CompletableFuture<Void> restoreSelected() {
        RevisionInfo revision = selected.get();
        String id = editor.storyId();
        if (revision == null || id.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        editor.saveNow().handle((x, t) -> null).thenRunAsync(() -> {
            try {
                ws.stories().restore(id, revision.number());
                workers.fx().execute(() -> editor.reload().thenCompose(v -> load())
                        .whenComplete((v, t) -> done.complete(null)));
            } catch (Exception e) {
                workers.fx().execute(() -> done.completeExceptionally(e));
            }
        }, workers.io());
        return done;
    }
}
