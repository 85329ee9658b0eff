package org.cristal.ui.history;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cristal.library.DiffLine;
import org.cristal.library.RevisionInfo;
import org.cristal.library.Workspace;
import org.cristal.ui.editor.EditorModel;
import org.cristal.ui.model.Problems;
import org.cristal.ui.model.Workers;

/**
 * The history panel: the open story's revisions, newest first, the diff of the selected one
 * against the current text, and restore (which adds a new revision; nothing is rewritten).
 */
public final class HistoryModel {
    private final Workers workers;
    private final Supplier<Workspace> workspace;
    private final EditorModel editor;
    private final ResourceBundle text;
    private final Locale locale;
    private final ObservableList<RevisionInfo> revisions = FXCollections.observableArrayList();
    private final ObjectProperty<RevisionInfo> selected = new SimpleObjectProperty<>();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public HistoryModel(Workers workers, Supplier<Workspace> workspace, EditorModel editor, ResourceBundle text,
            Locale locale) {
        this.workers = workers;
        this.workspace = workspace;
        this.editor = editor;
        this.text = text;
        this.locale = locale;
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

    /** True while the revisions are being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** A localized sentence when the revisions or a diff could not be read, else empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Saves what is being typed (so "current" is current), then lists the revisions. */
    public CompletableFuture<Void> load() {
        String id = editor.storyId();
        problem.set("");
        if (id.isEmpty()) {
            revisions.clear();
            diff.clear();
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        loading.set(true);
        return workers.onWorkspace(editor.saveNow(), "reading the history", () -> {
            List<RevisionInfo> list = new ArrayList<>(ws.stories().history(id));
            Collections.reverse(list);
            return list;
        }).handle((list, t) -> {
            loading.set(false);
            if (t != null) {
                revisions.clear();
                diff.clear();
                failed(t);
                throw new java.util.concurrent.CompletionException(t);
            }
            revisions.setAll(list);
            selected.set(list.size() > 1 ? list.get(1) : list.isEmpty() ? null : list.get(0));
            return null;
        });
    }

    private void showDiff(RevisionInfo revision) {
        String id = editor.storyId();
        if (revision == null || id.isEmpty() || revisions.isEmpty()) {
            diff.clear();
            return;
        }
        int newest = revisions.get(0).number();
        Workspace ws = workspace.get();
        workers.onWorkspace("reading a diff", () -> ws.stories().diff(id, revision.number(), newest))
                .whenComplete((lines, t) -> {
                    if (!revision.equals(selected.get())) {
                        return;
                    }
                    if (t != null) {
                        diff.clear();
                        failed(t);
                    } else {
                        diff.setAll(lines);
                    }
                });
    }

    private void failed(Throwable t) {
        problem.set(new MessageFormat(text.getString("history.loadFailed"), locale)
                .format(new Object[] {Problems.describe(t, text, locale)}));
    }

    /** Restores the selected revision as the newest one and reopens it in the editor. */
    public CompletableFuture<Void> restoreSelected() {
        RevisionInfo revision = selected.get();
        String id = editor.storyId();
        if (revision == null || id.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Workspace ws = workspace.get();
        // Once restored, a failure to show it is told by the editor or the list, not as a failed restore.
        return workers.onWorkspace(editor.saveNow(), "restoring a revision", () -> ws.stories().restore(id,
                revision.number())).thenCompose(r -> editor.reload().handle((x, t) -> null)
                        .thenCompose(x -> load()).handle((x, t) -> null));
    }
}
