package org.cristal.ui.results;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** Opens the results screen for the story in the editor; its file choices go through the window's choosers. */
public final class ResultsCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private Dialog<ButtonType> open;
    private ResultsModel results;

    public ResultsCommands(CommandContext window) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
    }

    public void show() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (!model.editor().isOpen()) {
            return;
        }
        String story = model.editor().storyId();
        if (open != null && open.isShowing()) {
            results.load(story);
            open.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        results = new ResultsModel(model.workers(), model.workspaceProperty()::get, text, model.locale(),
                ZoneId.systemDefault());
        ResultsView.Files files = new ResultsView.Files() {
            @Override
            public Optional<java.nio.file.Path> open() {
                return window.choosers().openFile(owner(), text.getString("results.import.choose"),
                        text.getString("results.import.filter"), List.of("*.csv", "*.zip", "*.tsv", "*.txt"));
            }

            @Override
            public Optional<java.nio.file.Path> save(String initialName) {
                return window.choosers().saveFile(owner(), text.getString("results.export.choose"), initialName);
            }
        };
        open = new ResultsView(text, results, window.links(), files).open(window.stage());
        results.load(story);
    }

    private javafx.stage.Window owner() {
        return open == null ? window.stage() : open.getDialogPane().getScene().getWindow();
    }
}
