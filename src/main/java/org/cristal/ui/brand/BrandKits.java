package org.cristal.ui.brand;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.cristal.library.Workspace;
import org.cristal.ui.StudioModel;

/**
 * Opens the brand-kit editor on the open workspace. While it is open, the previews follow the kit
 * being edited at once; when it closes, they go back to the saved kit and the lists refresh.
 */
public final class BrandKits {
    private static Stage open;

    private BrandKits() {
    }

    /** One brand-kit editor at a time: asking again brings it to the front. */
    public static void show(Stage owner, StudioModel model) {
        Workspace ws = model.workspaceProperty().get();
        if (ws == null) {
            return;
        }
        if (open != null && open.isShowing()) {
            open.toFront();
            return;
        }
        BrandEditorModel brands = new BrandEditorModel(ws, model.workers().io(), Platform::runLater);
        brands.previewBrandProperty().addListener((o, a, b) -> model.preview().brandOverrideProperty().set(b));
        Stage dialog = BrandEditor.showDialog(owner, model.text(), model.locale(), brands);
        open = dialog;
        // Escape closes it the way the close button does, so unsaved edits are asked about first.
        dialog.getScene().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                dialog.fireEvent(new javafx.stage.WindowEvent(dialog, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        dialog.setOnHidden(e -> {
            open = null;
            model.preview().brandOverrideProperty().set(null);
            model.library().refresh();
        });
    }
}
