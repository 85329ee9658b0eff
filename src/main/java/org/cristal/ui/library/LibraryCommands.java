package org.cristal.ui.library;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.util.Duration;
import org.cristal.library.TrashedStory;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioActions;
import org.cristal.ui.StudioModel;

/** What the library's commands do: new, duplicate, archive, delete (with undo) and the trash. */
public final class LibraryCommands implements StudioActions {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private final Runnable focusNewText;

    /** {@code focusNewText} puts the caret in the editor with the starter text selected. */
    public LibraryCommands(CommandContext window, Runnable focusNewText) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
        this.focusNewText = focusNewText;
    }

    @Override
    public void openStory(String id) {
        model.editor().open(id);
    }

    @Override
    public void newStory() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        // The new story speaks for the brand in use: the sidebar's brand filter, else the open story's.
        String brand = model.library().brandProperty().get();
        if (brand.isBlank() && model.editor().isOpen()) {
            brand = model.editor().form().brandProperty().get();
        }
        String lang = model.locale().getLanguage();
        window.then(model.library().newStory(brand == null ? "" : brand, lang), id -> {
            model.library().queryProperty().set("");
            // The starter text is selected: the first keystroke replaces it.
            model.editor().open(id).thenRun(() -> Platform.runLater(focusNewText));
        });
    }

    @Override
    public void duplicateStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        model.editor().saveNow();
        window.then(model.library().duplicate(id), copy -> model.editor().open(copy));
    }

    @Override
    public void archiveStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        model.editor().saveNow();
        window.then(model.library().archive(id), x -> {
            model.editor().reload();
            window.notify(window.format("notice.archived", model.editor().form().titleProperty().get()));
        });
    }

    @Override
    public void deleteStory() {
        String id = model.editor().storyId();
        if (id.isEmpty()) {
            return;
        }
        String title = model.editor().form().titleProperty().get();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(window.stage());
        ask.setTitle(text.getString("delete.title"));
        ask.setHeaderText(window.format("delete.question", title));
        ask.setContentText(text.getString("delete.explain"));
        ButtonType delete = new ButtonType(text.getString("delete.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text.getString("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(delete, keep);
        ask.getDialogPane().lookupButton(delete).setId("confirmDelete");
        ask.showAndWait().filter(b -> b == delete).ifPresent(b -> {
            model.editor().closeLater();
            window.then(model.library().moveToTrash(id), trashed -> {
                if (!model.library().items().isEmpty() && !model.library().items().get(0).loading()) {
                    model.editor().open(model.library().items().get(0).id());
                }
                window.notice(window.format("notice.trashed", title), Duration.seconds(8),
                        text.getString("notice.undo"), () -> untrash(trashed), false);
            });
        });
    }

    private void untrash(TrashedStory t) {
        window.then(model.library().untrash(t), id -> model.editor().open(id));
    }

    @Override
    public void showTrash() {
        TrashDialog.show(window.stage(), text, model.locale(), model.library(), this::untrash);
    }
}
