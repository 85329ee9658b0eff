package org.cristal.ui;

import java.util.ResourceBundle;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** The first-run welcome: what the four previews are, in four lines. */
final class Welcome {
    private Welcome() {
    }

    static void show(Window owner, ResourceBundle text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(text.getString("welcome.title"));
        alert.setHeaderText(text.getString("welcome.header"));
        Label body = new Label(text.getString("welcome.body"));
        body.setWrapText(true);
        body.setId("welcomeText");
        body.setMaxWidth(520);
        alert.getDialogPane().setContent(body);
        alert.getDialogPane().setId("welcome");
        alert.getDialogPane().setPrefWidth(580);
        // Centred on the window explicitly: without a window manager the dialog can land off-screen.
        alert.setOnShown(e -> {
            alert.setX(owner.getX() + Math.max(0, (owner.getWidth() - alert.getWidth()) / 2));
            alert.setY(owner.getY() + Math.max(0, (owner.getHeight() - alert.getHeight()) / 3));
        });
        alert.show();
    }
}
