package org.cristal.ui;

import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The studio's main window. For now it names the app and shows which workspace is open; the
 * editor and the four previews come next (issue 4).
 */
public final class StudioWindow {
    private final ResourceBundle text;

    public StudioWindow(ResourceBundle text) {
        this.text = text;
    }

    /** Shows the window; {@code status} is a line about the workspace, updated from the background. */
    public void show(Stage stage, ReadOnlyStringProperty status) {
        Label name = new Label(text.getString("app.name"));
        name.setId("appName");
        name.setStyle("-fx-font-size: 32px; -fx-font-weight: bold;");
        Label tagline = new Label(text.getString("app.tagline"));
        tagline.setStyle("-fx-font-size: 16px;");
        Label statusLine = new Label();
        statusLine.setId("workspaceStatus");
        statusLine.textProperty().bind(status);
        statusLine.setWrapText(true);
        VBox root = new VBox(12, name, tagline, statusLine);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(32));
        stage.setTitle(text.getString("app.name"));
        stage.setScene(new Scene(root, 1100, 720));
        stage.show();
    }

    public static ResourceBundle bundle(java.util.Locale locale) {
        return ResourceBundle.getBundle("org.cristal.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
