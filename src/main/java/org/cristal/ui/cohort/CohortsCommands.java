package org.cristal.ui.cohort;

import java.time.ZoneId;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import org.cristal.ui.CommandContext;
import org.cristal.ui.StudioModel;

/** Opens the cohorts screen (Publish menu, next to Contacts); its export goes through the window's choosers. */
public final class CohortsCommands {
    private final CommandContext window;
    private final StudioModel model;
    private final java.util.ResourceBundle text;
    private Dialog<ButtonType> open;

    public CohortsCommands(CommandContext window) {
        this.window = window;
        this.model = window.model();
        this.text = window.text();
    }

    public void show() {
        if (model.workspaceProperty().get() == null) {
            model.report(text.getString("workspace.none"));
            return;
        }
        if (open != null && open.isShowing()) {
            open.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        CohortsModel cohorts = new CohortsModel(model.workers(), model.workspaceProperty()::get, text, model.locale(),
                ZoneId.systemDefault());
        open = new CohortsView(text, cohorts, name -> window.choosers().saveFile(
                open == null ? window.stage() : open.getDialogPane().getScene().getWindow(),
                text.getString("cohorts.export.choose"), name)).open(window.stage());
        cohorts.load();
    }
}
