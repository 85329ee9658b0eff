package org.cristal.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.ui.brand.BrandEditor;
import org.cristal.ui.model.BrandEditorModel;
import org.cristal.ui.model.StudioModel;

/**
 * Opens the brand-kit editor on the open workspace. While it is open, the previews follow the kit
 * being edited at once; when it closes, they go back to the saved kit and the lists refresh.
 */
final class BrandKits {
    private BrandKits() {
    }

    static void show(Stage owner, StudioModel model) {
        Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            return;
        }
        BrandEditorModel brands = new BrandEditorModel(ws, model.workers().io(), Platform::runLater);
        brands.previewBrandProperty().addListener((o, a, b) -> model.preview().brandOverrideProperty().set(b));
        Stage dialog = BrandEditor.showDialog(owner, model.text(), model.locale(), brands);
        dialog.setOnHidden(e -> {
            model.preview().brandOverrideProperty().set(null);
            model.library().refresh();
        });
    }
}
