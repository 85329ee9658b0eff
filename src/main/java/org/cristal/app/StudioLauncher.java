package org.cristal.app;

import javafx.application.Application;

/** Kept apart from {@link Main} so that running the command line never loads a JavaFX class. */
final class StudioLauncher {
    private StudioLauncher() {
    }

    static void launch(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
