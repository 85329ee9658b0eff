package org.cristal.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.application.Application;
import org.cristal.ui.StudioWindow;

/** Kept apart from {@link Main} so that running the command line never loads a JavaFX class. */
final class StudioLauncher {
    private StudioLauncher() {
    }

    /** Opens the studio (on {@code file} if given); returns a non-zero exit code, after one clear line, when it cannot. */
    static int launch(Optional<Path> file) {
        Locale locale = "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        ResourceBundle text = StudioWindow.bundle(locale);
        if (!hasDisplay()) {
            if (file.isPresent() && !Files.exists(file.get())) {
                err().println(new MessageFormat(text.getString("file.missing"), locale).format(
                        new Object[] {file.get().toString()}));
            }
            err().println(text.getString("studio.noDisplay"));
            return 2;
        }
        try {
            Application.launch(StudioApp.class, file.map(Path::toString).stream().toArray(String[]::new));
            return 0;
        } catch (RuntimeException e) {
            err().println(text.getString("studio.cannotStart") + " (" + e.getMessage() + ")");
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
