package org.cristal.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Files the desktop asks Cristal to open while it runs or starts: on macOS a double-click arrives as an
 * open-file event, not as an argument, and may come before the studio exists. Static because the event
 * handler must be set before the toolkit starts, when there is no application object to hold it yet.
 */
final class DesktopFiles {
    private static final List<Path> WAITING = new ArrayList<>();
    private static Consumer<Path> studio;

    private DesktopFiles() {
    }

    /** On macOS, listens for the Finder's open-file events; elsewhere files come as arguments. */
    static void listen() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            return;
        }
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.APP_OPEN_FILE)) {
                java.awt.Desktop.getDesktop().setOpenFileHandler(e -> e.getFiles().forEach(f -> offer(f.toPath())));
            }
        } catch (RuntimeException | LinkageError e) {
            // No AWT in this runtime, or a headless one: arguments still work.
            System.getLogger(DesktopFiles.class.getName()).log(System.Logger.Level.INFO,
                    "no open-file events from the desktop", e);
        }
    }

    static synchronized void offer(Path file) {
        Path f = file.toAbsolutePath().normalize();
        if (studio == null) {
            WAITING.add(f);
        } else {
            Consumer<Path> to = studio;
            Platform.runLater(() -> to.accept(f));
        }
    }

    /** The first file that arrived before the studio, if any: the studio starts on it. */
    static synchronized Optional<Path> takeFirst() {
        return WAITING.isEmpty() ? Optional.empty() : Optional.of(WAITING.remove(0));
    }

    /** From now on files go to {@code to} on the UI thread; those already waiting go there too. */
    static synchronized void deliverTo(Consumer<Path> to) {
        studio = to;
        List<Path> early = List.copyOf(WAITING);
        WAITING.clear();
        early.forEach(f -> Platform.runLater(() -> to.accept(f)));
    }
}
