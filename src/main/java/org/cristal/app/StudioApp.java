package org.cristal.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.cristal.library.WorkspaceLocations;
import org.cristal.ui.Studio;
import org.cristal.ui.model.Settings;

/** The studio application: the window first, the workspace opening behind it. */
public final class StudioApp extends Application {
    private Studio studio;

    /** The sizes a window manager picks from (title bar, task switcher, dock). */
    private static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    @Override
    public void start(Stage stage) {
        // The crystal of assets/icons, not a Java cup; loaded in the background, off the first frame's path.
        for (int size : ICON_SIZES) {
            var url = StudioApp.class.getResource("/cristal-assets/icons/cristal-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm(), true));
            }
        }
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
