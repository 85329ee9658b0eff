package org.cristal.app;

import java.util.Locale;
import javafx.application.Application;
import org.cristal.ui.StudioWindow;

/** Kept apart from {@link Main} so that running the command line never loads a JavaFX class. */
final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the studio; returns a non-zero exit code, after one clear line, when it cannot. */
    static int launch(String[] args) {
        Locale locale = "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        if (!hasDisplay()) {
            err().println(StudioWindow.bundle(locale).getString("studio.noDisplay"));
            return 2;
        }
        try {
            Application.launch(StudioApp.class, args);
            return 0;
        } catch (RuntimeException e) {
            err().println(StudioWindow.bundle(locale).getString("studio.cannotStart") + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    /** UTF-8 like the command line's output, whatever the platform's default charset. */
    private static java.io.PrintStream err() {
        return new java.io.PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    }

    // On Linux and the BSDs a window needs X11 or Wayland; without either, JavaFX dies with a stack trace.
    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
