package org.cristal.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the startup benchmark: an empty JavaFX window, started exactly like the studio. */
public final class EmptyWindowApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 1366, 800));
        stage.show();
        StartupProbe.report("empty");
    }
}
