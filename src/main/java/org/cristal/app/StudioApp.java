package org.cristal.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.cristal.library.WorkspaceLocations;
import org.cristal.ui.Studio;
import org.cristal.ui.model.Settings;

/** The studio application: the window first, the workspace opening behind it. */
public final class StudioApp extends Application {
    private Studio studio;

    @Override
    public void start(Stage stage) {
        String env = System.getenv(WorkspaceLocations.ENV);
        Optional<Path> override = env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
        studio = new Studio(stage, Settings.load(Settings.defaultFile()), override);
        studio.setLinkOpener(getHostServices()::showDocument);
        studio.start();
        StartupProbe.watch(studio);
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.stop();
        }
    }
}
