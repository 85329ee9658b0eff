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
        studio.setLogFolder(LogFiles.folder());
        // The argument (cristal x.cristal) or, on macOS, the file whose double-click launched the app.
        Optional<Path> file = Launch.of(getParameters().getRaw().toArray(String[]::new)).file()
                .or(DesktopFiles::takeFirst);
        studio.start(file);
        DesktopFiles.deliverTo(studio::open);
        StartupProbe.watch(studio);
    }

    @Override
    public void stop() {
        if (studio != null) {
            studio.stop();
        }
    }
}
